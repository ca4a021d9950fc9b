// The transport as the user meets it (issue 20): the throttled state in the
// status bar, and a reconnect while a request hangs.

#include "api/client.h"
#include "api/organizationsapi.h"
#include "api/typedjob.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "testsupport/simulatorprocess.h"
#include "ui/common/page.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/pagefactory.h"

#include <QAbstractItemView>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

namespace {
void configure(api::Client &client, const QString &baseUrl)
{
    client.setBaseUrl(QUrl(baseUrl));
    client.setCredentials(api::Credentials{testsupport::SimulatorProcess::demoToken(), {}, {}});
    client.setRetryBaseDelay(20);
}
} // namespace

class TestTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("transport"));
    }

    // Item 2: blocked by the server, the status bar counts down with a Cancel
    // that ends the waiting requests.
    void throttledStateShowsACountdownAndCancels()
    {
        testsupport::SimulatorProcess sim({QStringLiteral("--rate-limit"), QStringLiteral("2/60"),
                                           QStringLiteral("--rate-limit-block"), QStringLiteral("120"),
                                           QStringLiteral("--no-ratelimit-headers"),
                                           QStringLiteral("--audit-events"), QStringLiteral("100")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        api::Client client;
        configure(client, sim.baseUrl());
        models::AppSettings settings;
        models::Session session;
        models::ActivityLog activity;
        ui::MainWindow window(&session, &activity, &settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.setClient(&client);
        auto *label = window.findChild<QLabel *>(QStringLiteral("throttleStatus"));
        auto *cancel = window.findChild<QToolButton *>(QStringLiteral("throttleCancel"));
        QVERIFY(label && cancel);
        QVERIFY(!label->isVisible());

        QList<api::Job *> jobs;
        int finished = 0;
        for (int i = 0; i < 4; ++i) {
            api::Job *job = api::OrganizationsApi(&client).list({}, 1, QString(), &window);
            connect(job, &api::Job::finished, this, [&finished] { ++finished; });
            jobs << job;
            job->start();
        }
        QTRY_VERIFY_WITH_TIMEOUT(label->isVisible(), 20000);
        QVERIFY(cancel->isVisible());
        QVERIFY2(label->text().contains(QStringLiteral("Rate limited")), qPrintable(label->text()));
        QVERIFY2(label->text().contains(QStringLiteral("2:0")) ||
                     label->text().contains(QStringLiteral("1:5")),
                 qPrintable(label->text()));
        QTRY_COMPARE(finished, 2); // the two the window allowed
        QCOMPARE(client.requestsInFlight(), 2);

        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!label->isVisible());
        QTRY_COMPARE(finished, 4);
        QCOMPARE(client.requestsInFlight(), 0);
    }

    // Item 7: a reconnect deletes the client while the audit log hangs on a
    // page; the page stops loading and works with the new client.
    void reconnectDuringAStalledLoadFreesThePage()
    {
        testsupport::SimulatorProcess stalling({QStringLiteral("--faults"), QStringLiteral("stall:1.0"),
                                                QStringLiteral("--stall-ms"), QStringLiteral("120000"),
                                                QStringLiteral("--audit-events"), QStringLiteral("300")});
        testsupport::SimulatorProcess healthy({QStringLiteral("--audit-events"), QStringLiteral("300")});
        QVERIFY2(stalling.start(), qPrintable(stalling.errorString()));
        QVERIFY2(healthy.start(), qPrintable(healthy.errorString()));
        auto *first = new api::Client;
        configure(*first, stalling.baseUrl());
        api::Client second;
        configure(second, healthy.baseUrl());

        models::AppSettings settings;
        models::Session session;
        models::ActivityLog activity;
        ui::MainWindow window(&session, &activity, &settings);
        for (ui::Page *p : ui::createPages({&session, &activity, &settings, window.navigator()}, &window))
            window.addPage(p);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The seeded root organization (same seed on both simulators).
        session.setClient(&second);
        QTRY_VERIFY_WITH_TIMEOUT(!session.organizationId().isEmpty(), 30000);
        const QString org = session.organizationId();
        QTRY_COMPARE_WITH_TIMEOUT(second.requestsInFlight(), 0, 30000);

        session.setClient(first);
        const int auditIndex = window.pageIndex(QStringLiteral("auditPage"));
        QVERIFY(auditIndex >= 0);
        window.showPage(auditIndex);
        ui::Page *audit = window.pages().at(auditIndex);
        audit->refresh();
        auto *status = audit->findChild<QLabel *>(QStringLiteral("auditProgress"));
        QVERIFY(status);
        const auto loading = [status] { return status->text().startsWith(QStringLiteral("Loading")); };
        QTRY_VERIFY_WITH_TIMEOUT(loading() && first->requestsInFlight() > 0, 20000);
        QTest::qWait(200); // the page is on the wire, its body stalled

        // Reconnect: the new client first, then the old one goes.
        session.setClient(&second);
        delete first;
        QTRY_VERIFY_WITH_TIMEOUT(!loading(), 5000);
        QCOMPARE(session.organizationId(), org);

        audit->refresh();
        auto *table = audit->findChild<QAbstractItemView *>(QStringLiteral("auditTable"));
        QVERIFY(table);
        QTRY_VERIFY_WITH_TIMEOUT(table->model() && table->model()->rowCount() > 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!loading(), 30000);
    }
};

QTEST_MAIN(TestTransport)
#include "tst_transport.moc"
