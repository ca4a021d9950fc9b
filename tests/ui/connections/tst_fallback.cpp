// No keychain: the console says so once, keeps secrets in memory for this
// session only, and never writes them anywhere (settings, data, cache).

#include "models/connections/connectioncontroller.h"
#include "models/connections/connectionprofilestore.h"
#include "models/connections/secretstore.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "testsupport/simulatorprocess.h"
#include "ui/connections/connectdialog.h"
#include "ui/connections/connectdialogcontroller.h"

#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

namespace {

QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList hits;
    if (root.isEmpty())
        return hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits.append(f.fileName());
    }
    return hits;
}

} // namespace

class TestFallback : public QObject
{
    Q_OBJECT

    std::unique_ptr<testsupport::SimulatorProcess> m_sim;
    const QString m_secret = QStringLiteral("fallback-secret-token-e4f0");

private Q_SLOTS:
    void initTestCase()
    {
        // No session bus at all: the Secret Service cannot be reached.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/orgscope-no-bus");
        qunsetenv("DISPLAY"); // no D-Bus autolaunch either
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("fallback"));
        QSettings().clear();
        m_sim = std::make_unique<testsupport::SimulatorProcess>(QStringList{
            QStringLiteral("--audit-events"), QStringLiteral("10"), QStringLiteral("--token"), m_secret});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    }

    void secretsStayInMemory()
    {
        models::SecretStore store(QStringLiteral("OrgscopeFallbackTest"));
        store.setTimeout(10000);
        QSignalSpy unavailable(&store, &models::SecretStore::keychainUnavailable);
        bool written = false;
        bool persisted = true;
        store.write(QStringLiteral("p1"), m_secret, this, [&](bool p) {
            written = true;
            persisted = p;
        });
        QTRY_VERIFY_WITH_TIMEOUT(written, 15000);
        QVERIFY(!persisted);
        QVERIFY(!store.keychainAvailable());
        QCOMPARE(unavailable.count(), 1);
        QVERIFY(!store.unavailableReason().isEmpty());
        QVERIFY(!store.unavailableReason().contains(m_secret));

        // This session still has it...
        bool read = false;
        store.read(QStringLiteral("p1"), this,
                   [&](const models::SecretStore::ReadResult &r) { read = r.found && r.secret == m_secret; });
        QTRY_VERIFY(read);
        // ...and saying it once is enough.
        store.write(QStringLiteral("p2"), m_secret, this);
        QTest::qWait(50);
        QCOMPARE(unavailable.count(), 1);
    }

    void dialogSaysSoAndConnectWorks()
    {
        models::ConnectionProfileStore profiles;
        models::SecretStore secrets(QStringLiteral("OrgscopeFallbackTest"));
        secrets.setTimeout(10000);
        models::Session session;
        models::ActivityLog activity;
        models::ConnectionController controller(&session, &activity, &profiles, &secrets);
        ui::ConnectDialogController dialogs(&controller, &session, &profiles, &secrets, nullptr);
        dialogs.showDialog();
        ui::ConnectDialog *dialog = dialogs.dialog();
        QVERIFY(dialog->isDraft());
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("No keychain"));
        auto *url = dialog->findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"));
        url->selectAll();
        QTest::keyClicks(url, m_sim->baseUrl());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenEdit")), m_secret);
        QSignalSpy connected(&controller, &models::ConnectionController::connected);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("connectProfile")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 20000);
        QVERIFY(session.client());

        // The console said so: in the activity log and in the dialog.
        QTRY_VERIFY_WITH_TIMEOUT(!secrets.keychainAvailable(), 15000);
        bool warned = false;
        for (int row = 0; row < activity.rowCount(); ++row)
            warned |= activity.index(row, models::ActivityLog::MessageColumn)
                          .data()
                          .toString()
                          .contains(QStringLiteral("session only"));
        QVERIFY(warned);
        const QString notice = dialog->findChild<QLabel *>(QStringLiteral("keychainNotice"))->text();
        QVERIFY2(notice.contains(QStringLiteral("session only")), qPrintable(notice));

        // Nothing the test process wrote holds the secret.
        QSettings().sync();
        for (const char *var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
            const QStringList hits = filesContaining(qEnvironmentVariable(var), m_secret.toUtf8());
            QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
        }
        QVERIFY(QFile::exists(QSettings().fileName())); // the profile itself was saved
        const QString id = profiles.lastUsedId();
        QVERIFY(!id.isEmpty());

        // A later run has no secret: it asks for it instead of failing obscurely.
        models::ConnectionProfileStore nextProfiles;
        models::SecretStore nextSecrets(QStringLiteral("OrgscopeFallbackTest"));
        nextSecrets.setTimeout(10000);
        models::Session nextSession;
        models::ConnectionController next(&nextSession, &activity, &nextProfiles, &nextSecrets);
        ui::ConnectDialogController nextDialogs(&next, &nextSession, &nextProfiles, &nextSecrets, nullptr);
        QSignalSpy failed(&next, &models::ConnectionController::connectionFailed);
        QVERIFY(next.connectAtStart());
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 20000);
        QVERIFY(!nextDialogs.dialog()->fieldError(models::ConnectionProfile::Field::Secret).isEmpty());
        QVERIFY(!nextSession.client());
    }
};

QTEST_MAIN(TestFallback)
#include "tst_fallback.moc"
