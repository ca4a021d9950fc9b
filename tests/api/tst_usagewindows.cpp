// Usage windows against an unconfirmed `to` (issue 20 item 5, usage part):
// the same records whether the server's `to` is inclusive or exclusive, and
// the `metric` parameter, applied locally too when a server ignores it.
#include "api/client.h"
#include "api/organizationsapi.h"
#include "api/usageapi.h"
#include "api/usagepager.h"

#include "testsupport/fakehttpserver.h"
#include "testsupport/simulatorprocess.h"

#include <QSignalSpy>
#include <QTest>
#include <algorithm>

using namespace api;

namespace {
const QString fixedNow = QStringLiteral("2026-12-06T12:00:00Z");

QStringList simArgs(const QString &usageTo)
{
    return {QStringLiteral("--audit-events"), QStringLiteral("0"),
            QStringLiteral("--usage-days"),   QStringLiteral("90"),
            QStringLiteral("--now"),          fixedNow,
            QStringLiteral("--usage-to"),     usageTo};
}

void configure(Client &client, const QString &baseUrl)
{
    client.setBaseUrl(QUrl(baseUrl));
    client.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
    client.setRetryBaseDelay(10);
}

template <typename J> bool run(J *job)
{
    job->setAutoDelete(false);
    QSignalSpy done(job, &Job::finished);
    job->start();
    return job->isFinished() || done.wait(30000);
}

QString rootOf(Client &client)
{
    auto *job = OrganizationsApi(&client).list(OrganizationFilter::rootsOnly(), 10);
    const QString id = run(job) && !job->error() && !job->result().items.isEmpty()
                           ? job->result().items.first().id
                           : QString();
    delete job;
    return id;
}

// Every record's identity and quantity, sorted: equal lists mean the same data.
QStringList fetch(Client &client, const QString &org, const QDate &from, const QDate &to,
                  const QString &metric = {})
{
    UsagePager pager(&client, org, from, to);
    pager.setMetric(metric);
    QStringList out;
    QObject::connect(&pager, &UsagePager::pageReady, [&out](const QList<UsageRecord> &records) {
        for (const UsageRecord &r : records)
            out << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8")
                       .arg(r.billingAccountId, r.billableMetricId,
                            r.chargePeriodStart.toUTC().date().toString(Qt::ISODate), r.zoneId, r.regionId,
                            r.subAccountId, r.chargeClass)
                       .arg(r.consumedQuantity.value_or(-1));
    });
    QSignalSpy finished(&pager, &Pager::finished);
    pager.start();
    if (!pager.isFinished() && !finished.wait(60000))
        return {QStringLiteral("timed out")};
    if (pager.error())
        return {pager.error().toLogString()};
    std::sort(out.begin(), out.end());
    return out;
}
} // namespace

class TestUsageWindows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowsLeaveADayForTheOverlap()
    {
        const auto w = UsageApi::windows(QDate(2026, 1, 1), QDate(2026, 3, 1));
        QCOMPARE(w.size(), 2);
        QCOMPARE(w.first().first.daysTo(w.first().second) + 1, UsageApi::MaxDaysPerWindow);
        QCOMPARE(w.last().second, QDate(2026, 3, 1));
    }

    // 45 days in two windows: the same records from an inclusive and an exclusive server.
    void sameRecordsWhateverTheServersTo()
    {
        testsupport::SimulatorProcess inclusive(simArgs(QStringLiteral("inclusive")));
        testsupport::SimulatorProcess exclusive(simArgs(QStringLiteral("exclusive")));
        QVERIFY2(inclusive.start(), qPrintable(inclusive.errorString()));
        QVERIFY2(exclusive.start(), qPrintable(exclusive.errorString()));
        Client in, ex;
        configure(in, inclusive.baseUrl());
        configure(ex, exclusive.baseUrl());
        const QString org = rootOf(in);
        QVERIFY(!org.isEmpty());
        QCOMPARE(rootOf(ex), org);
        const QDate from(2026, 10, 1), to(2026, 11, 14); // 45 days, all within the seeded 90
        const QStringList a = fetch(in, org, from, to);
        const QStringList b = fetch(ex, org, from, to);
        QVERIFY(a.size() > 100);
        QCOMPARE(a.size(), b.size());
        QCOMPARE(a, b);
        QSet<QString> days;
        for (const QString &row : a)
            days.insert(row.section(QLatin1Char('|'), 2, 2));
        QCOMPARE(days.size(), int(from.daysTo(to) + 1));
        QVERIFY(days.contains(to.toString(Qt::ISODate)));
        QVERIFY(!days.contains(to.addDays(1).toString(Qt::ISODate)));

        // Columns (what the usage cube takes): one window, the same rows either way.
        auto *cin = UsageApi(&in).getColumns(org, QDate(2026, 11, 1), QDate(2026, 11, 30));
        auto *cex = UsageApi(&ex).getColumns(org, QDate(2026, 11, 1), QDate(2026, 11, 30));
        QVERIFY(run(cin) && !cin->error());
        QVERIFY(run(cex) && !cex->error());
        QVERIFY(cin->result().size() > 0);
        QCOMPARE(cin->result().size(), cex->result().size());
        delete cin;
        delete cex;
    }

    // `metric` is sent, and what comes back is that metric only.
    void metricNarrowsTheRecords()
    {
        testsupport::SimulatorProcess sim(simArgs(QStringLiteral("inclusive")));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client client;
        configure(client, sim.baseUrl());
        const QString org = rootOf(client);
        const QStringList all = fetch(client, org, QDate(2026, 11, 1), QDate(2026, 11, 3));
        QVERIFY(!all.isEmpty());
        const QString metric = all.first().section(QLatin1Char('|'), 1, 1);
        const QStringList one = fetch(client, org, QDate(2026, 11, 1), QDate(2026, 11, 3), metric);
        QVERIFY(!one.isEmpty());
        QVERIFY(one.size() < all.size());
        for (const QString &row : one)
            QCOMPARE(row.section(QLatin1Char('|'), 1, 1), metric);
    }

    // A server that ignores `metric` (it is unconfirmed) still yields that metric only.
    void metricAppliedLocallyWhenIgnored()
    {
        apitest::FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const apitest::FakeRequest &) {
            return apitest::FakeReply::json(
                200,
                R"({"success":true,"errors":[],"messages":[],"result":[)"
                R"({"BillingAccountId":"a","x_BillableMetricId":"m1","ChargePeriodStart":"2026-11-01T00:00:00Z","ConsumedQuantity":1},)"
                R"({"BillingAccountId":"a","x_BillableMetricId":"m2","ChargePeriodStart":"2026-11-01T00:00:00Z","ConsumedQuantity":2},)"
                R"({"BillingAccountId":"a","x_BillableMetricId":"m1","ChargePeriodStart":"2026-11-03T00:00:00Z","ConsumedQuantity":3}]})");
        });
        Client client;
        configure(client, server.baseUrl());
        auto *job = UsageApi(&client, QStringLiteral("m1"))
                        .getColumns(QStringLiteral("org"), QDate(2026, 11, 1), QDate(2026, 11, 2));
        QVERIFY(run(job));
        QVERIFY(!job->error());
        QVERIFY(server.requests().first().query().contains("metric=m1"));
        QVERIFY(server.requests().first().query().contains("to=2026-11-03")); // one day past the window
        const UsageColumns c = job->result();
        QCOMPARE(c.size(), 1); // m2 dropped, and the day past the window too
        QCOMPARE(c.numberAt(UsageColumns::ConsumedQuantity, 0), 1.0);
        delete job;

        auto *records = UsageApi(&client, QStringLiteral("m1"))
                            .get(QStringLiteral("org"), QDate(2026, 11, 1), QDate(2026, 11, 2));
        QVERIFY(run(records));
        QCOMPARE(records->result().size(), 1);
        delete records;
    }
};

QTEST_GUILESS_MAIN(TestUsageWindows)
#include "tst_usagewindows.moc"
