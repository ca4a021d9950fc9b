// models::ConnectionController without widgets: the secret is read, the client
// built and the credential verified before the Session gets the client; a
// failure says which field to fix, once; a new attempt drops the old client.

#include "api/client.h"
#include "models/connections/connectioncontroller.h"
#include "models/connections/connectionprofilestore.h"
#include "models/connections/secretstore.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "testsupport/simulatorprocess.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using models::ConnectionController;
using models::ConnectionProfile;
using Field = ConnectionProfile::Field;

namespace {

const QString kExpired = QStringLiteral("controller-expired-token-5e1a");

// One console's worth of connection state, as app::Console wires it.
struct Rig
{
    // First: the controller's destructor still tells the session (and so this list).
    QList<QPointer<api::Client>> clientsSeen; // what the pages were given, in order
    models::ConnectionProfileStore store;
    models::SecretStore secrets;
    models::Session session;
    models::ActivityLog activity;
    ConnectionController controller{&session, &activity, &store, &secrets};

    Rig()
    {
        secrets.disableKeychain(QStringLiteral("test"));
        controller.setClientSetup([](api::Client *c) { c->setMaxRetries(0); });
        QObject::connect(&session, &models::Session::clientChanged, &session,
                         [this](api::Client *c) { clientsSeen.append(c); });
    }

    QString addProfile(const QString &name, const QUrl &url, const QString &secret)
    {
        ConnectionProfile p;
        p.name = name;
        p.baseUrl = url;
        p.defaultOrganizationId = QStringLiteral("org7");
        const QString id = store.add(p);
        if (!secret.isEmpty())
            secrets.holdForSession(id, secret);
        return id;
    }
};

} // namespace

class TestConnectionController : public QObject
{
    Q_OBJECT

    std::unique_ptr<testsupport::SimulatorProcess> m_sim;

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("connectioncontroller"));
        m_sim = std::make_unique<testsupport::SimulatorProcess>(QStringList{
            QStringLiteral("--audit-events"), QStringLiteral("10"), QStringLiteral("--expired-token"),
            kExpired, QStringLiteral("--token"), testsupport::SimulatorProcess::demoToken()});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    }

    void init()
    {
        QSettings().clear();
        QSettings().sync();
    }

    void verifiesBeforeTheSessionGetsAClient_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("valid") << testsupport::SimulatorProcess::demoToken() << true
                               << QStringLiteral("expires on");
        QTest::newRow("refused") << QStringLiteral("controller-unknown-token-77c1") << false
                                 << QStringLiteral("refused");
        QTest::newRow("expired") << kExpired << false << QStringLiteral("expired");
    }

    void verifiesBeforeTheSessionGetsAClient()
    {
        QFETCH(QString, token);
        QFETCH(bool, ok);
        QFETCH(QString, messagePart);
        Rig rig;
        const QString id = rig.addProfile(QStringLiteral("Sim"), QUrl(m_sim->baseUrl()), token);
        QSignalSpy connecting(&rig.controller, &ConnectionController::connecting);
        QSignalSpy connected(&rig.controller, &ConnectionController::connected);
        QSignalSpy failed(&rig.controller, &ConnectionController::connectionFailed);

        rig.controller.connectProfile(id);
        QCOMPARE(connecting.count(), 1);
        QCOMPARE(connecting.first().at(1).toString(), QStringLiteral("Sim"));
        QVERIFY(rig.controller.isConnecting());
        QCOMPARE(rig.session.state(), models::Session::State::Connecting);
        QVERIFY(!rig.session.client());
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !failed.isEmpty(), 20000);
        QVERIFY(!rig.controller.isConnecting());

        if (ok) {
            QCOMPARE(connected.count(), 1);
            QCOMPARE(rig.session.state(), models::Session::State::Connected);
            QCOMPARE(rig.clientsSeen.size(), 1);
            QVERIFY(rig.clientsSeen.first() == rig.controller.client());
            QCOMPARE(rig.controller.connectedProfileId(), id);
            QCOMPARE(rig.session.organizationId(), QStringLiteral("org7"));
            QCOMPARE(rig.store.lastUsedId(), id);
            QVERIFY(rig.session.identity().contains(QStringLiteral("expires")));
            QVERIFY(rig.controller.lastResult().summary().contains(messagePart));
        } else {
            // The pages never saw a client, and there is exactly one message, without the secret.
            QCOMPARE(failed.count(), 1);
            QVERIFY(rig.clientsSeen.isEmpty());
            QVERIFY(!rig.controller.client());
            QCOMPARE(rig.session.state(), models::Session::State::Failed);
            QCOMPARE(rig.activity.errorCount(), 1);
            const QString message = failed.first().at(1).toString();
            QVERIFY2(message.contains(messagePart), qPrintable(message));
            QVERIFY(!message.contains(token));
            QCOMPARE(rig.controller.lastFailure().profileId, id);
            QCOMPARE(rig.controller.lastFailure().message, message);
            QVERIFY(!rig.controller.lastFailure().fieldError);
            QVERIFY(rig.store.lastUsedId().isEmpty());
        }
    }

    void missingSecretPointsAtTheSecretField()
    {
        Rig rig;
        const QString id = rig.addProfile(QStringLiteral("No secret"), QUrl(m_sim->baseUrl()), QString());
        QSignalSpy failed(&rig.controller, &ConnectionController::connectionFailed);
        rig.controller.connectProfile(id);
        QTRY_COMPARE(failed.count(), 1);
        const ConnectionController::Failure &f = rig.controller.lastFailure();
        QVERIFY(f.fieldError);
        QCOMPARE(f.field, Field::Secret);
        QVERIFY2(f.message.contains(QStringLiteral("API token")) &&
                     f.message.contains(QStringLiteral("Enter it")),
                 qPrintable(f.message));
        QVERIFY(rig.clientsSeen.isEmpty());
    }

    void refusedUrlPointsAtTheUrlFieldAndSendsNothing()
    {
        Rig rig;
        // Plain http to a host that is not this machine: refused before any request.
        const QString id =
            rig.addProfile(QStringLiteral("Plain"), QUrl(QStringLiteral("http://api.example.com/client/v4")),
                           testsupport::SimulatorProcess::demoToken());
        QSignalSpy failed(&rig.controller, &ConnectionController::connectionFailed);
        rig.controller.connectProfile(id);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(rig.controller.lastFailure().field, Field::BaseUrl);
        QVERIFY(rig.controller.lastFailure().fieldError);
        QVERIFY(!rig.controller.client());
        QVERIFY(rig.clientsSeen.isEmpty());
    }

    void reconnectDropsTheOldClientFirst()
    {
        Rig rig;
        const QString id = rig.addProfile(QStringLiteral("Sim"), QUrl(m_sim->baseUrl()),
                                          testsupport::SimulatorProcess::demoToken());
        QSignalSpy connected(&rig.controller, &ConnectionController::connected);
        rig.controller.connectProfile(id);
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        QPointer<api::Client> first = rig.controller.client();

        rig.controller.connectProfile(id);
        // The pages lose the old client at once, and it is deleted (later: a page may be in its slot).
        QVERIFY(!rig.session.client());
        QVERIFY(!rig.controller.client());
        QTRY_VERIFY(first.isNull());
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 2, 20000);
        QCOMPARE(rig.clientsSeen.size(), 3); // first, nullptr, second
        QVERIFY(rig.clientsSeen.at(1).isNull());
        QVERIFY(rig.session.client() == rig.controller.client());

        rig.controller.disconnectSession();
        QVERIFY(!rig.session.client());
        QCOMPARE(rig.session.state(), models::Session::State::Disconnected);
        QVERIFY(rig.controller.connectedProfileId().isEmpty());
    }

    void aNewAttemptWinsOverAnOldOne()
    {
        // Connect to a refused token, then at once to a good one: only the second outcome counts.
        Rig rig;
        const QString bad = rig.addProfile(QStringLiteral("Bad"), QUrl(m_sim->baseUrl()),
                                           QStringLiteral("controller-unknown-token-0d0d"));
        const QString good = rig.addProfile(QStringLiteral("Good"), QUrl(m_sim->baseUrl()),
                                            testsupport::SimulatorProcess::demoToken());
        QSignalSpy connected(&rig.controller, &ConnectionController::connected);
        QSignalSpy failed(&rig.controller, &ConnectionController::connectionFailed);
        rig.controller.connectProfile(bad);
        rig.controller.connectProfile(good);
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        QTest::qWait(200);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(rig.controller.connectedProfileId(), good);
        QCOMPARE(rig.session.connectionProfileName(), QStringLiteral("Good"));
    }

    void connectAtStartPrefersTheEnvironment()
    {
        QString lastUsed;
        {
            models::ConnectionProfileStore store;
            ConnectionProfile p;
            p.name = QStringLiteral("Used");
            p.baseUrl = QUrl(m_sim->baseUrl());
            lastUsed = store.add(p);
            store.setLastUsedId(lastUsed);
        }
        {
            Rig rig;
            rig.secrets.holdForSession(lastUsed, testsupport::SimulatorProcess::demoToken());
            QSignalSpy connected(&rig.controller, &ConnectionController::connected);
            QVERIFY(rig.controller.connectAtStart());
            QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
            QCOMPARE(connected.first().first().toString(), lastUsed);
            QCOMPARE(rig.session.connectionProfileName(), QStringLiteral("Used"));
        }
        {
            Rig rig;
            ConnectionProfile env;
            env.origin = ConnectionProfile::Origin::Environment;
            env.name = QStringLiteral("Environment");
            env.baseUrl = QUrl(m_sim->baseUrl());
            const QString envId =
                rig.controller.addTransientProfile(env, testsupport::SimulatorProcess::demoToken());
            QSignalSpy connected(&rig.controller, &ConnectionController::connected);
            QVERIFY(rig.controller.connectAtStart());
            QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
            QCOMPARE(connected.first().first().toString(), envId);
        }
        QSettings().clear();
        Rig empty;
        QVERIFY(!empty.controller.connectAtStart());
    }
};

QTEST_GUILESS_MAIN(TestConnectionController)
#include "tst_connectioncontroller.moc"
