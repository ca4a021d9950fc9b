// UsageController against the real simulator, without a widget: it loads
// the range and the previous period when active, groups, drills into a
// group and back, and a failed load sets a retryable error.

#include "models/session/session.h"
#include "models/usage/usageaggregator.h"
#include "models/usage/usagebreakdownmodel.h"
#include "models/usage/usagecontroller.h"
#include "models/usage/usagepivotmodel.h"
#include "models/usage/usagerecordsmodel.h"
#include "models/usage/usageseriesmodel.h"

#include "api/client.h"
#include "api/organizationsapi.h"

#include "testsupport/fakehttpserver.h"
#include "testsupport/simulatorprocess.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using models::UsageController;
using models::UsageDimension;

namespace {

bool waitIdle(UsageController *c)
{
    // The last aggregate answers the current question once nothing is pending.
    return QTest::qWaitFor(
        [c] {
            return !c->isLoading() && !c->isAggregating() &&
                   c->aggregate().query().filters == c->query().filters &&
                   c->aggregate().query().groupBy == c->query().groupBy &&
                   c->aggregate().query().range == c->query().range;
        },
        30000);
}

models::UsageDayRange last30Days()
{
    const QDate yesterday = QDateTime::currentDateTimeUtc().date().addDays(-1);
    return models::UsageDayRange::fromDates(yesterday.addDays(-29), yesterday);
}

} // namespace

class TestUsageController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        m_client = new api::Client(this);
        m_client->setBaseUrl(QUrl(m_sim.baseUrl()));
        m_client->setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        m_client->setRetryBaseDelay(10);
        api::OrganizationsApi orgs(m_client);
        auto *list = orgs.list({}, 1000, {}, this);
        list->setAutoDelete(false);
        QSignalSpy done(list, &api::Job::finished);
        list->start();
        QVERIFY(list->isFinished() || done.wait(20000));
        QVERIFY2(!list->error(), qPrintable(list->error().toLogString()));
        QVERIFY(!list->result().items.isEmpty());
        // The first organization is the root: its usage covers every account.
        m_orgId = list->result().items.constFirst().id;
        m_orgName = list->result().items.constFirst().name;
        delete list;
    }

    void loadsWhenActiveAndGroups()
    {
        models::Session session;
        session.setClient(m_client);
        session.setOrganization(m_orgId, m_orgName);
        UsageController c(&session);
        new QAbstractItemModelTester(c.pivotModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     &c);
        new QAbstractItemModelTester(c.seriesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     &c);
        new QAbstractItemModelTester(c.breakdownModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, &c);
        QSignalSpy loading(&c, &UsageController::loadingChanged);
        QSignalSpy progress(&c, &UsageController::progressChanged);
        c.setRange(last30Days());
        c.setGroupBy({UsageDimension::ProductFamily});
        c.setTopN(0);
        QVERIFY(!c.isLoading()); // inactive: nothing is fetched
        QVERIFY(loading.isEmpty());

        c.setActive(true);
        QVERIFY(c.isLoading());
        QVERIFY(waitIdle(&c));
        QVERIFY(loading.count() >= 2); // true, then false
        QVERIFY(!loading.constLast().first().toBool());
        QVERIFY(!progress.isEmpty());
        // The range and the previous period (two 30-day windows) and the
        // previous period's month back to its first day (for allowances), all done.
        const qint32 previousFirst = c.range().first - c.range().dayCount();
        QCOMPARE(c.progress().total,
                 qint64(2 + (models::usageday::monthStart(previousFirst) < previousFirst ? 1 : 0)));
        QCOMPARE(c.progress().done, c.progress().total);
        QVERIFY(c.error().isEmpty());
        QVERIFY(c.cube().isCovered(c.fetchRange()));

        // Grouped by product family: the pivot holds one row per group plus totals.
        // Quantities: one unit at a time, the one with the most records.
        QVERIFY(!c.aggregate().unitsMixed());
        QVERIFY(c.aggregate().units().size() > 1);
        QCOMPARE(c.aggregate().query().unit, c.aggregate().units().constFirst().unit);
        const models::UsageAggregate byFamily =
            models::UsageAggregator::aggregate(c.cube(), c.aggregate().query());
        QVERIFY(byFamily.groupCount() >= 3);
        QCOMPARE(c.pivotModel()->rowCount(), byFamily.groupCount() + 1);
        QCOMPARE(c.aggregate().grandTotal(), byFamily.grandTotal());

        // Regrouped by account, then by account and product: no new request, new groups.
        QSignalSpy aggregated(&c, &UsageController::aggregateChanged);
        c.setGroupBy({UsageDimension::Account});
        QVERIFY(!c.isLoading());
        QVERIFY(waitIdle(&c));
        QVERIFY(!aggregated.isEmpty());
        QCOMPARE(c.aggregate().query().groupBy, QList<UsageDimension>{UsageDimension::Account});
        for (int g = 0; g < c.aggregate().groupCount(); ++g)
            QCOMPARE(c.aggregate().group(g).keys.size(), 1);
        c.setGroupBy({UsageDimension::Account, UsageDimension::ProductFamily});
        QVERIFY(waitIdle(&c));
        QCOMPARE(c.aggregate().query().groupBy.size(), 2);
        QCOMPARE(c.aggregate().grandTotal(), byFamily.grandTotal()); // same records, other slices

        // Drill into the first account: filtered to it, grouped by the next level.
        c.setGroupBy({UsageDimension::Account});
        QVERIFY(waitIdle(&c));
        const models::UsageGroup first = c.aggregate().group(0);
        const double firstTotal = c.aggregate().rowTotal(0);
        QSignalSpy drilled(&c, &UsageController::drillChanged);
        QVERIFY(c.drillInto(0));
        QCOMPARE(drilled.count(), 1);
        QVERIFY(waitIdle(&c));
        QCOMPARE(c.drillDown().depth(), 1);
        QCOMPARE(c.query().filters.size(), 1);
        QCOMPARE(c.query().filters.constFirst().dimension, UsageDimension::Account);
        QCOMPARE(c.query().filters.constFirst().key, first.keys.constFirst().key);
        // Drilled totals equal the group's total.
        QVERIFY(qAbs(c.aggregate().grandTotal() - firstTotal) <= 1e-6 * qMax(1.0, qAbs(firstTotal)));
        c.backTo(0);
        QVERIFY(waitIdle(&c));
        QCOMPARE(c.drillDown().depth(), 0);
        QVERIFY(c.query().filters.isEmpty());
        QVERIFY(!c.drillInto(-1));
    }

    // The simulator sends each record's account tags: the Records view and
    // the records CSV show them, as the CLI export writes them (issue 19).
    void recordsKeepTags()
    {
        models::Session session;
        session.setClient(m_client);
        session.setOrganization(m_orgId, m_orgName);
        UsageController c(&session);
        const QDate yesterday = QDateTime::currentDateTimeUtc().date().addDays(-1);
        c.setRange(models::UsageDayRange::fromDates(yesterday.addDays(-2), yesterday));
        c.setActive(true);
        QVERIFY(waitIdle(&c));
        QSignalSpy records(&c, &UsageController::recordsChanged);
        c.setRecordsActive(true);
        QVERIFY(QTest::qWaitFor([&] { return !c.isSelectingRecords() && c.recordsModel()->rowCount() > 0; },
                                30000));
        models::UsageRecordsModel *model = c.recordsModel();
        const int tags = model->columnOf(QStringLiteral("Tags"));
        QVERIFY(tags >= 0);
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString text = model->index(row, tags).data().toString();
            QVERIFY2(text.startsWith(QStringLiteral("cost-center=")) &&
                         text.contains(QStringLiteral(";environment=")),
                     qPrintable(text));
        }

        QBuffer csv;
        QVERIFY(csv.open(QIODevice::WriteOnly));
        QVERIFY(c.writeRecordsCsv(&csv));
        const QList<QByteArray> lines = csv.data().split('\n');
        const QList<QByteArray> header = lines.constFirst().trimmed().split(',');
        const qsizetype column = header.indexOf("Tags");
        QVERIFY(column >= 0);
        qsizetype rows = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines[i].trimmed().isEmpty())
                continue;
            ++rows;
            // Some descriptions are quoted (they hold commas): look for the cell.
            QVERIFY2(lines[i].contains(",cost-center=") && lines[i].contains(";environment="),
                     lines[i].constData());
        }
        QCOMPARE(rows, qsizetype(model->rowCount()));
    }

    // Issue 20 item 5: the metric filter goes to the server (UsageApi's
    // `metric`); a change forgets the cube and loads again.
    void metricFilterAsksTheServer()
    {
        models::Session session;
        session.setClient(m_client);
        session.setOrganization(m_orgId, m_orgName);
        UsageController c(&session);
        const QDate yesterday = QDateTime::currentDateTimeUtc().date().addDays(-1);
        c.setRange(models::UsageDayRange::fromDates(yesterday.addDays(-2), yesterday));
        c.setActive(true);
        QVERIFY(waitIdle(&c));
        QVERIFY(c.cube().valueCount(UsageDimension::Metric) > 3);
        QSignalSpy changed(&c, &UsageController::metricChanged);
        c.setMetric(QStringLiteral(" workers_standard_requests "));
        QCOMPARE(c.metric(), QStringLiteral("workers_standard_requests"));
        QCOMPARE(changed.count(), 1);
        QVERIFY(c.isLoading());
        QVERIFY(waitIdle(&c));
        QVERIFY(c.cube().rowCount() > 0);
        QCOMPARE(c.cube().valueCount(UsageDimension::Metric), 2); // "not set" and the one asked for
        QCOMPARE(c.cube().valueKey(UsageDimension::Metric, 1), QStringLiteral("workers_standard_requests"));
        c.setMetric(QStringLiteral("workers_standard_requests"));
        QCOMPARE(changed.count(), 1); // unchanged: nothing reloads
        c.setMetric({});
        QVERIFY(waitIdle(&c));
        QVERIFY(c.cube().valueCount(UsageDimension::Metric) > 3);
    }

    // Issue 20 item 4: records read leniently are counted for the page's
    // status, with the first problem; a reload starts the count again.
    void countsRecordsWithMissingFields()
    {
        apitest::FakeHttpServer server;
        QVERIFY(server.listen());
        QList<QByteArray> metrics;
        server.setHandler([&](const apitest::FakeRequest &request) {
            metrics.append(request.query());
            // Three of four records carry a field of the wrong type.
            const QByteArray day = "2026-11-0";
            QByteArray rows;
            for (int i = 1; i <= 4; ++i) {
                if (i > 1)
                    rows += ',';
                rows += R"({"BillingAccountId":"a","x_BillableMetricId":"m","ConsumedUnit":"GB",)";
                rows += "\"ChargePeriodStart\":\"" + day + QByteArray::number(i) + "T00:00:00Z\",";
                rows += i == 4 ? QByteArray(R"("ConsumedQuantity":1})")
                               : QByteArray(R"("ConsumedQuantity":"many"})");
            }
            return apitest::FakeReply::json(200, R"({"success":true,"errors":[],"messages":[],"result":[)" +
                                                     rows + "]}");
        });
        api::Client client;
        client.setBaseUrl(QUrl(server.baseUrl()));
        client.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        models::Session session;
        session.setClient(&client);
        session.setOrganization(QStringLiteral("0123456789abcdef0123456789abcdef"), QStringLiteral("Org"));
        UsageController c(&session);
        QSignalSpy issues(&c, &UsageController::readIssuesChanged);
        c.setRange(models::UsageDayRange::fromDates(QDate(2026, 11, 1), QDate(2026, 11, 4)));
        c.setActive(true);
        QVERIFY(waitIdle(&c));
        QVERIFY(c.error().isEmpty());
        QVERIFY(!metrics.isEmpty());
        // Every window answered the same four records; three per answer had a problem.
        QCOMPARE(c.recordsWithIssues(), qsizetype(3 * metrics.size()));
        QVERIFY2(c.firstIssue().contains(QStringLiteral("ConsumedQuantity")), qPrintable(c.firstIssue()));
        QVERIFY(!issues.isEmpty());
        c.setMetric(QStringLiteral("m"));
        QVERIFY(waitIdle(&c));
        QVERIFY2(metrics.constLast().contains("metric=m"), metrics.constLast().constData());
        QCOMPARE(c.recordsWithIssues() % 3, qsizetype(0));
        QVERIFY(c.recordsWithIssues() > 0);
    }

    void failedLoadIsARetryableError()
    {
        api::Client dead;
        dead.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1/client/v4")));
        dead.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        dead.setMaxRetries(0);
        models::Session session;
        session.setClient(&dead);
        session.setOrganization(m_orgId, m_orgName);
        UsageController c(&session);
        QSignalSpy error(&c, &UsageController::errorChanged);
        QSignalSpy failed(&c, &UsageController::loadFailed);
        c.setRange(last30Days());
        c.setActive(true);
        QVERIFY(failed.wait(20000));
        QVERIFY(!c.isLoading());
        QVERIFY(!c.error().isEmpty());
        QVERIFY(c.error().retryable);
        QCOMPARE(error.count(), 1);
        c.retry();
        QVERIFY(c.isLoading());
        QVERIFY(c.error().isEmpty()); // cleared while the new load runs
        QVERIFY(failed.wait(20000));
        QVERIFY(!c.error().isEmpty());
    }

    void cleanupTestCase() { m_sim.stop(); }

private:
    testsupport::SimulatorProcess m_sim{{QStringLiteral("--usage-days"), QStringLiteral("70"),
                                         QStringLiteral("--audit-events"), QStringLiteral("50")}};
    api::Client *m_client = nullptr;
    QString m_orgId;
    QString m_orgName;
};

QTEST_GUILESS_MAIN(TestUsageController)
#include "tst_usagecontroller.moc"
