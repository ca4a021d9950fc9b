// Secrets in a real Secret Service (run under scripts/with-keyring, which sets
// ORGSCOPE_KEYRING_AVAILABLE=1 inside a private D-Bus session with an unlocked
// gnome-keyring): stored per profile, readable by the next run, never in the
// settings file, and deleted with the profile.

#include "models/connections/connectionprofilestore.h"
#include "models/connections/secretstore.h"
#include "ui/common/dialogs.h"
#include "ui/connections/connectdialog.h"

#include "testsupport/prerequisite.h"

#include <QDirIterator>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

namespace {

const QString kService = QStringLiteral("OrgscopeKeychainTest");

// What the next run of the console would find: a fresh store, nothing cached.
models::SecretStore::ReadResult readFresh(const QString &id, bool *keychainOk = nullptr)
{
    models::SecretStore fresh(kService);
    models::SecretStore::ReadResult result;
    bool done = false;
    QObject context;
    fresh.read(id, &context, [&](const models::SecretStore::ReadResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        qWarning("the keychain read did not finish");
    if (keychainOk)
        *keychainOk = done && fresh.keychainAvailable();
    return result;
}

bool fileTreeContains(const QString &root, const QByteArray &needle)
{
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            return true;
    }
    return false;
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("ORGSCOPE_KEYRING_AVAILABLE"))
            ORGSCOPE_MISSING_PREREQUISITE(
                "No Secret Service: run under scripts/with-keyring (sets ORGSCOPE_KEYRING_AVAILABLE=1)");
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("keychain"));
        QSettings().clear();
    }

    void storeReadRemove()
    {
        const QString id = QStringLiteral("profile-%1").arg(QCoreApplication::applicationPid());
        const QString secret = QStringLiteral("keychain-secret-token-6d21");
        models::SecretStore store(kService);
        bool persisted = false;
        bool written = false;
        store.write(id, secret, this, [&](bool p) {
            persisted = p;
            written = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(written, 20000);
        QVERIFY2(persisted, qPrintable(store.unavailableReason()));
        QVERIFY(store.keychainAvailable());

        bool keychainOk = false;
        const auto r = readFresh(id, &keychainOk);
        QVERIFY(keychainOk);
        QVERIFY(r.found);
        QCOMPARE(r.secret, secret);

        bool removed = false;
        store.remove(id, this, [&] { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 20000);
        QVERIFY(!store.hasSessionSecret(id));
        QVERIFY(!readFresh(id).found);
    }

    void profileSecretLivesAndDiesWithTheProfile()
    {
        const QString secret = QStringLiteral("keychain-dialog-token-c0e5");
        models::ConnectionProfileStore profiles;
        models::SecretStore secrets(kService);
        ui::ConnectDialog dialog(&profiles, &secrets);
        dialog.show();
        QVERIFY(dialog.isDraft());
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Keychain"));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("tokenEdit")), secret);
        QVERIFY(dialog.save());
        const QString id = dialog.currentProfileId();
        QVERIFY(!id.isEmpty());

        // The next run finds it in the keychain; the settings file never had it.
        QTRY_VERIFY_WITH_TIMEOUT(readFresh(id).secret == secret, 20000);
        QSettings().sync();
        QVERIFY(!fileTreeContains(qEnvironmentVariable("XDG_CONFIG_HOME"), secret.toUtf8()));
        QVERIFY(!fileTreeContains(qEnvironmentVariable("XDG_DATA_HOME"), secret.toUtf8()));

        ui::Dialogs::enqueueAnswer(true);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("removeProfile")), Qt::LeftButton);
        QVERIFY(!profiles.profile(id));
        QTRY_VERIFY_WITH_TIMEOUT(!readFresh(id).found, 20000);
    }
};

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
