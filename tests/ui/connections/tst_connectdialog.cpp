// The connect dialog and controller: add, edit, duplicate, remove profiles
// through the widgets with validation next to the fields; connecting verifies
// the credential against orgscope-sim before the session gets a client; a bad
// or expired credential gives one message and the dialog.

#include "models/connections/connectioncontroller.h"
#include "models/connections/connectionprofilestore.h"
#include "models/connections/secretstore.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "testsupport/simulatorprocess.h"
#include "ui/common/dialogs.h"
#include "ui/common/page.h"
#include "ui/connections/connectdialog.h"
#include "ui/connections/connectdialogcontroller.h"
#include "ui/shell/mainwindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using models::ConnectionProfile;
using Field = ConnectionProfile::Field;

namespace {

const QString kExpired = QStringLiteral("dialog-expired-token-0b7d");

template <typename T> T *child(QWidget *w, const char *name)
{
    auto *c = w->findChild<T *>(QString::fromLatin1(name));
    if (!c)
        qWarning("no child %s", name);
    return c;
}

void typeInto(QWidget *dialog, const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(dialog, name);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

// A page holding edits: asks (answered by the test) when the console wants to leave it.
class EditingPage : public ui::Page
{
    Q_OBJECT
public:
    using ui::Page::Page;
    QString title() const override { return QStringLiteral("Editing"); }
    bool hasUnsavedChanges() const override { return dirty; }
    void requestLeave() override
    {
        ++asked;
        QTimer::singleShot(0, this, [this] {
            if (answer)
                dirty = false; // saved or discarded
            Q_EMIT leaveDecided(answer);
        });
    }
    bool dirty = true;
    bool answer = false;
    int asked = 0;
};

// A keychain the test answers: calls wait until it says so; removals are refused.
class HeldKeychain : public models::SecretStore::Backend
{
public:
    void read(const QString &, Done done) override { held.append(std::move(done)); }
    void write(const QString &, const QString &, Done done) override { held.append(std::move(done)); }
    void remove(const QString &, Done done) override
    {
        done(Status::Refused, QStringLiteral("access denied"));
    }
    QList<Done> held;
};

} // namespace

class TestConnectDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<testsupport::SimulatorProcess> m_sim;

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("connectdialog"));
        m_sim = std::make_unique<testsupport::SimulatorProcess>(QStringList{
            QStringLiteral("--audit-events"), QStringLiteral("10"), QStringLiteral("--expired-token"),
            kExpired, QStringLiteral("--token"), testsupport::SimulatorProcess::demoToken()});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    }

    void init()
    {
        QSettings().clear();
        QSettings().sync();
        ui::Dialogs::clearAnswers();
    }

    void addEditDuplicateRemove()
    {
        models::ConnectionProfileStore store;
        models::SecretStore secrets;
        secrets.disableKeychain(QStringLiteral("test"));
        ui::ConnectDialog dialog(&store, &secrets);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.isDraft()); // no profiles yet: a blank form

        // Errors appear next to the fields, and nothing is stored.
        typeInto(&dialog, "nameEdit", QString());
        typeInto(&dialog, "baseUrlEdit", QStringLiteral("http://api.example.com/client/v4"));
        QTest::mouseClick(child<QPushButton>(&dialog, "saveProfile"), Qt::LeftButton);
        QCOMPARE(store.rowCount(), 0);
        QVERIFY(child<QLabel>(&dialog, "nameError")->isVisible());
        QVERIFY(child<QLabel>(&dialog, "baseUrlError")->isVisible());
        QVERIFY(child<QLabel>(&dialog, "secretError")->isVisible());
        QVERIFY(!dialog.fieldError(Field::BaseUrl).isEmpty());

        typeInto(&dialog, "nameEdit", QStringLiteral("Simulator"));
        QVERIFY(!child<QLabel>(&dialog, "nameError")->isVisible()); // cleared while typing
        typeInto(&dialog, "baseUrlEdit", m_sim->baseUrl());
        typeInto(&dialog, "tokenEdit", testsupport::SimulatorProcess::demoToken());
        QTest::mouseClick(child<QPushButton>(&dialog, "saveProfile"), Qt::LeftButton);
        QCOMPARE(store.rowCount(), 1);
        const QString id = dialog.currentProfileId();
        QCOMPARE(store.profile(id)->name, QStringLiteral("Simulator"));
        QCOMPARE(store.profile(id)->baseUrl, QUrl(m_sim->baseUrl()));
        QVERIFY(secrets.hasSessionSecret(id));
        QVERIFY(child<QLineEdit>(&dialog, "tokenEdit")->text().isEmpty()); // secrets never shown again

        // Edit: switch to email + key; the key is then required.
        QTest::mouseClick(child<QRadioButton>(&dialog, "schemeGlobalKey"), Qt::LeftButton);
        QVERIFY(child<QLineEdit>(&dialog, "emailEdit")->isVisible());
        QVERIFY(!child<QLineEdit>(&dialog, "tokenEdit")->isVisible());
        typeInto(&dialog, "emailEdit", QStringLiteral("not an email"));
        QVERIFY(!dialog.save());
        QVERIFY(!dialog.fieldError(Field::Email).isEmpty());
        typeInto(&dialog, "emailEdit", testsupport::SimulatorProcess::demoEmail());
        typeInto(&dialog, "keyEdit", testsupport::SimulatorProcess::demoKey());
        QVERIFY(dialog.save());
        QCOMPARE(store.profile(id)->scheme, ConnectionProfile::AuthScheme::GlobalKey);
        QCOMPARE(store.profile(id)->email, testsupport::SimulatorProcess::demoEmail());

        // Duplicate: a second profile with a fresh id and the same secret.
        QTest::mouseClick(child<QPushButton>(&dialog, "duplicateProfile"), Qt::LeftButton);
        QCOMPARE(store.rowCount(), 2);
        const QString copy = dialog.currentProfileId();
        QVERIFY(copy != id);
        QCOMPARE(store.profile(copy)->name, QStringLiteral("Simulator (copy)"));
        QTRY_VERIFY(secrets.hasSessionSecret(copy));

        // Names stay unique.
        typeInto(&dialog, "nameEdit", QStringLiteral("simulator"));
        QVERIFY(!dialog.save());
        QVERIFY(dialog.fieldError(Field::Name).contains(QStringLiteral("already")));
        typeInto(&dialog, "nameEdit", QStringLiteral("Second"));
        QVERIFY(dialog.save());

        // Remove asks first, naming the profile; "no" keeps it.
        ui::Dialogs::enqueueAnswer(false);
        QTest::mouseClick(child<QPushButton>(&dialog, "removeProfile"), Qt::LeftButton);
        QCOMPARE(store.rowCount(), 2);
        QVERIFY(ui::Dialogs::askedQuestions().last().contains(QStringLiteral("Second")));
        ui::Dialogs::enqueueAnswer(true);
        QTest::mouseClick(child<QPushButton>(&dialog, "removeProfile"), Qt::LeftButton);
        QCOMPARE(store.rowCount(), 1);
        QVERIFY(!store.profile(copy));
        QVERIFY(!secrets.hasSessionSecret(copy)); // its secret went with it
        QVERIFY(secrets.hasSessionSecret(id));
    }

    void transientProfilesAreReadOnly()
    {
        models::ConnectionProfileStore store;
        models::SecretStore secrets;
        secrets.disableKeychain(QStringLiteral("test"));
        ConnectionProfile env;
        env.origin = ConnectionProfile::Origin::Environment;
        env.name = QStringLiteral("Environment");
        env.baseUrl = QUrl(m_sim->baseUrl());
        const QString id = store.addTransient(env);
        ui::ConnectDialog dialog(&store, &secrets);
        dialog.selectProfile(id);
        QVERIFY(child<QLineEdit>(&dialog, "nameEdit")->isReadOnly());
        QVERIFY(!child<QPushButton>(&dialog, "saveProfile")->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, "removeProfile")->isEnabled());
        QVERIFY(child<QPushButton>(&dialog, "connectProfile")->isEnabled());
        QVERIFY(child<QPushButton>(&dialog, "duplicateProfile")->isEnabled());
    }

    void connectVerifiesFirst_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("valid") << testsupport::SimulatorProcess::demoToken() << true
                               << QStringLiteral("expires on");
        QTest::newRow("invalid") << QStringLiteral("dialog-unknown-token-a2c4") << false
                                 << QStringLiteral("refused");
        QTest::newRow("expired") << kExpired << false << QStringLiteral("expired");
    }

    void connectVerifiesFirst()
    {
        QFETCH(QString, token);
        QFETCH(bool, ok);
        QFETCH(QString, messagePart);
        models::ConnectionProfileStore store;
        models::SecretStore secrets;
        secrets.disableKeychain(QStringLiteral("test"));
        QList<api::Client *> clients; // outlives the controller, which clears the session's client
        models::Session session;
        models::ActivityLog activity;
        QWidget window;
        models::ConnectionController controller(&session, &activity, &store, &secrets);
        ui::ConnectDialogController dialogs(&controller, &session, &store, &secrets, &window);
        controller.setClientSetup([](api::Client *c) { c->setMaxRetries(0); });

        ConnectionProfile p;
        p.name = QStringLiteral("Sim");
        p.baseUrl = QUrl(m_sim->baseUrl());
        p.defaultOrganizationId = QStringLiteral("org42");
        const QString id = store.add(p);
        secrets.holdForSession(id, token);

        connect(&session, &models::Session::clientChanged, this, [&](api::Client *c) { clients.append(c); });
        QSignalSpy connected(&controller, &models::ConnectionController::connected);
        QSignalSpy failed(&controller, &models::ConnectionController::connectionFailed);
        const int activityBefore = activity.rowCount();
        controller.connectProfile(id);
        QCOMPARE(session.state(), models::Session::State::Connecting);
        QVERIFY(!session.client());
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !failed.isEmpty(), 20000);

        QCOMPARE(!connected.isEmpty(), ok);
        if (ok) {
            QCOMPARE(session.state(), models::Session::State::Connected);
            QVERIFY(session.client());
            QCOMPARE(clients.size(), 1);
            QVERIFY(clients.first() == controller.client());
            QVERIFY(session.identity().contains(QStringLiteral("expires")));
            QCOMPARE(session.organizationId(), QStringLiteral("org42"));
            QCOMPARE(store.lastUsedId(), id);
            QVERIFY(controller.lastResult().summary().contains(messagePart));
            QVERIFY(!dialogs.dialog() || !dialogs.dialog()->isVisible());
        } else {
            // The pages never saw a client, and there is exactly one message.
            QCOMPARE(session.state(), models::Session::State::Failed);
            QVERIFY(!session.client());
            QVERIFY(clients.isEmpty());
            QCOMPARE(failed.count(), 1);
            QCOMPARE(activity.errorCount(), 1);
            QCOMPARE(activity.rowCount() - activityBefore, 1);
            const QString message = failed.first().at(1).toString();
            QVERIFY2(message.contains(messagePart), qPrintable(message));
            QVERIFY(!message.contains(token));
            QVERIFY(dialogs.dialog() && dialogs.dialog()->isVisible());
            QCOMPARE(dialogs.dialog()->currentProfileId(), id);
            QCOMPARE(dialogs.dialog()->statusText(), message);
            QVERIFY(store.lastUsedId().isEmpty());
        }
    }

    void missingSecretAsksForIt()
    {
        models::ConnectionProfileStore store;
        models::SecretStore secrets;
        secrets.disableKeychain(QStringLiteral("test"));
        models::Session session;
        models::ActivityLog activity;
        models::ConnectionController controller(&session, &activity, &store, &secrets);
        ui::ConnectDialogController dialogs(&controller, &session, &store, &secrets, nullptr);
        ConnectionProfile p;
        p.name = QStringLiteral("No secret");
        p.baseUrl = QUrl(m_sim->baseUrl());
        const QString id = store.add(p);
        QSignalSpy failed(&controller, &models::ConnectionController::connectionFailed);
        controller.connectProfile(id);
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(dialogs.dialog()->isVisible());
        QVERIFY(!dialogs.dialog()->fieldError(Field::Secret).isEmpty());

        // Typing the token in the dialog and pressing Connect saves it and connects.
        QSignalSpy connected(&controller, &models::ConnectionController::connected);
        typeInto(dialogs.dialog(), "tokenEdit", testsupport::SimulatorProcess::demoToken());
        QTest::mouseClick(child<QPushButton>(dialogs.dialog(), "connectProfile"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 20000);
        QVERIFY(session.client());
        QVERIFY(!dialogs.dialog()->isVisible());
    }

    void closeAsksAboutTypedEdits()
    {
        models::ConnectionProfileStore store;
        models::SecretStore secrets;
        secrets.disableKeychain(QStringLiteral("test"));
        ConnectionProfile p;
        p.name = QStringLiteral("Kept");
        p.baseUrl = QUrl(m_sim->baseUrl());
        const QString id = store.add(p);
        ui::ConnectDialog dialog(&store, &secrets);
        dialog.selectProfile(id);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // Nothing typed: Close closes without a question.
        QTest::mouseClick(child<QPushButton>(&dialog, "closeDialog"), Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
        QVERIFY(ui::Dialogs::askedQuestions().isEmpty());

        dialog.show();
        typeInto(&dialog, "nameEdit", QStringLiteral("Renamed"));
        // Cancel: the dialog stays, with the edit.
        ui::Dialogs::enqueueAnswer(int(QMessageBox::Cancel));
        QTest::mouseClick(child<QPushButton>(&dialog, "closeDialog"), Qt::LeftButton);
        QTRY_VERIFY(!ui::Dialogs::hasQueuedAnswers());
        QTest::qWait(20);
        QVERIFY(dialog.isVisible());
        QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Renamed"));
        QVERIFY(ui::Dialogs::askedQuestions().last().contains(QStringLiteral("Renamed")));

        // Escape asks too; Discard closes and brings back what is stored.
        ui::Dialogs::enqueueAnswer(int(QMessageBox::Discard));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(store.profile(id)->name, QStringLiteral("Kept"));
        QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Kept"));

        // Save: stored, then closed.
        dialog.show();
        typeInto(&dialog, "nameEdit", QStringLiteral("Saved name"));
        ui::Dialogs::enqueueAnswer(int(QMessageBox::Save));
        QTest::mouseClick(child<QPushButton>(&dialog, "closeDialog"), Qt::LeftButton);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(store.profile(id)->name, QStringLiteral("Saved name"));
    }

    void reconnectAsksPagesWithUnsavedEdits()
    {
        models::ConnectionProfileStore store;
        models::SecretStore secrets;
        secrets.disableKeychain(QStringLiteral("test"));
        models::AppSettings settings;
        models::Session session;
        models::ActivityLog activity;
        ui::MainWindow window(&session, &activity, &settings);
        auto *page = new EditingPage(&session);
        window.addPage(page);
        models::ConnectionController controller(&session, &activity, &store, &secrets);
        ui::ConnectDialogController dialogs(&controller, &session, &store, &secrets, &window);
        // As app::Console wires it.
        dialogs.setLeaveGuard(
            [&window](std::function<void()> go) { window.whenPagesAllowLeaving(std::move(go)); });

        ConnectionProfile p;
        p.name = QStringLiteral("Sim");
        p.baseUrl = QUrl(m_sim->baseUrl());
        const QString id = store.add(p);
        secrets.holdForSession(id, testsupport::SimulatorProcess::demoToken());
        dialogs.showDialog();
        dialogs.dialog()->selectProfile(id);
        QSignalSpy connecting(&controller, &models::ConnectionController::connecting);

        // The page says "stay": nothing is connected, the edits are kept.
        page->answer = false;
        QTest::mouseClick(child<QPushButton>(dialogs.dialog(), "connectProfile"), Qt::LeftButton);
        QTRY_COMPARE(page->asked, 1);
        QTest::qWait(50);
        QCOMPARE(connecting.count(), 0);
        QVERIFY(page->dirty);

        // The page lets go (saved or discarded): the connection starts.
        page->answer = true;
        QTest::mouseClick(child<QPushButton>(dialogs.dialog(), "connectProfile"), Qt::LeftButton);
        QTRY_COMPARE(connecting.count(), 1);
        QCOMPARE(page->asked, 2);
        QSignalSpy connected(&controller, &models::ConnectionController::connected);
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 20000);

        // Nothing unsaved any more: no question.
        dialogs.dialog()->connectCurrent();
        QTRY_COMPARE(connecting.count(), 2);
        QCOMPARE(page->asked, 2);
    }

    void slowKeyringIsShownAndCanBeStopped()
    {
        models::ConnectionProfileStore store;
        auto backend = std::make_unique<HeldKeychain>();
        HeldKeychain *keychain = backend.get();
        models::SecretStore secrets(std::move(backend));
        secrets.setWaitNoticeDelay(50);
        ui::ConnectDialog dialog(&store, &secrets);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *stop = child<QPushButton>(&dialog, "stopWaitingForKeyring");
        QVERIFY(!stop->isVisible());

        // Saving a profile writes its token: the keyring does not answer (a prompt is open).
        typeInto(&dialog, "baseUrlEdit", m_sim->baseUrl());
        typeInto(&dialog, "tokenEdit", QStringLiteral("held-token-1f2e"));
        QTest::mouseClick(child<QPushButton>(&dialog, "saveProfile"), Qt::LeftButton);
        QCOMPARE(keychain->held.size(), 1);
        QTRY_VERIFY(stop->isVisible());
        QVERIFY2(child<QLabel>(&dialog, "keychainNotice")
                     ->text()
                     .contains(QStringLiteral("Waiting for the keyring")),
                 qPrintable(child<QLabel>(&dialog, "keychainNotice")->text()));

        // Stop: the token stays for this session, the keychain stays in use.
        QTest::mouseClick(stop, Qt::LeftButton);
        QTRY_VERIFY(!stop->isVisible());
        QVERIFY(!secrets.isWaiting());
        QVERIFY(secrets.keychainAvailable());
        QVERIFY(secrets.hasSessionSecret(dialog.currentProfileId()));
    }

    void aSecretTheKeychainKeptIsSaid()
    {
        models::ConnectionProfileStore store;
        models::SecretStore secrets(std::make_unique<HeldKeychain>());
        ConnectionProfile p;
        p.name = QStringLiteral("R&D lab");
        p.baseUrl = QUrl(m_sim->baseUrl());
        const QString id = store.add(p);
        ui::ConnectDialog dialog(&store, &secrets);
        dialog.selectProfile(id);
        ui::Dialogs::enqueueAnswer(true);
        dialog.removeCurrent();
        QCOMPARE(store.rowOf(id), -1);
        QCOMPARE(ui::Dialogs::lastConfirmLabel(), QStringLiteral("Remove “R&&D lab”"));
        QTRY_VERIFY(dialog.statusText().contains(QStringLiteral("still in the keychain")));
        QVERIFY2(dialog.statusText().contains(QStringLiteral("access denied")),
                 qPrintable(dialog.statusText()));
    }
};

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
