// The cost estimate against an independent brute-force computation on seeded
// random records (allowances, mid-month ranges, corrections, unpriced metrics,
// records without an account), and against the simulator's --usage-costs
// answers (the simulator's own list prices, no allowance: its ListCost).

#include "../usage/usagetestdata.h"
#include "api/client.h"
#include "api/organizationsapi.h"
#include "api/usageapi.h"
#include "models/cost/costestimator.h"
#include "models/cost/ratecard.h"
#include "models/usage/usageaggregator.h"
#include "models/usage/usagecube.h"
#include "testsupport/simulatorprocess.h"

#include <QMap>
#include <QSignalSpy>
#include <QTest>
#include <cmath>

using models::CostEstimate;
using models::RateCard;
using models::RateCardEntry;
using models::UsageCube;
using models::UsageDimension;

namespace {

RateCardEntry entry(const QString &metric, const QString &unit, std::optional<double> price, double included,
                    double divisor = 1.0, bool daysInMonth = false)
{
    RateCardEntry e;
    e.metric = metric;
    e.unit = unit;
    e.price = price;
    e.includedPerMonth = included;
    e.divisor = divisor;
    e.divisorDaysInMonth = daysInMonth;
    return e;
}

// The random records' metrics are metric0..6 in units Requests, GB, CPU ms by
// metric % 3: this card prices some, matches one by name, gets one unit wrong,
// omits one and lists one without a price.
RateCard testCard()
{
    RateCard c;
    c.currency = QStringLiteral("EUR");
    c.metrics << entry(QStringLiteral("metric0"), QStringLiteral("Requests"), 0.30, 2000.0 / 1000.0, 1000.0);
    c.metrics << entry(QStringLiteral("metric1"), QStringLiteral("GB"), 0.015, 300.0, 1.0, true);
    RateCardEntry byName = entry(QString(), QStringLiteral("CPU ms"), 0.02, 5000.0);
    byName.metricName = QStringLiteral("METRIC metric2"); // records say "Metric metric2"
    c.metrics << byName;
    c.metrics << entry(QStringLiteral("metric3"), QStringLiteral("GB"), 1.0, 0.0); // records count Requests
    c.metrics << entry(QStringLiteral("metric5"), QStringLiteral("CPU ms"), std::nullopt, 0.0);
    c.metrics << entry(QStringLiteral("metric6"), QStringLiteral("Requests"), 0.001, 0.0);
    return c;
}

struct Key
{
    QString account;
    QString metric;
    int month;
    bool operator<(const Key &o) const
    {
        return std::tie(account, metric, month) < std::tie(o.account, o.metric, o.month);
    }
    bool operator==(const Key &) const = default;
};

// Straight from the rule, record by record, with none of the estimator's
// machinery: per account x metric x month, days in order, allowance first.
QMap<Key, double> bruteForce(const QList<api::UsageRecord> &records, const RateCard &card,
                             double *unpricedRows)
{
    QMap<Key, double> cost;
    QMap<Key, QMap<QDate, double>> daily; // pricing quantity per day
    *unpricedRows = 0;
    for (const api::UsageRecord &r : records) {
        const RateCardEntry *e = card.find(r.billableMetricId, r.billableMetricName);
        if (!e || e->unit != r.consumedUnit || !e->price || !r.consumedQuantity) {
            *unpricedRows += 1;
            continue;
        }
        const QDate day = r.chargePeriodStart.date();
        const double divisor = e->divisorDaysInMonth ? day.daysInMonth() : e->divisor;
        const double pq = *r.consumedQuantity / divisor;
        const Key k{r.billingAccountId, r.billableMetricId, day.year() * 12 + day.month()};
        if (r.chargeClass == QLatin1String("Correction"))
            cost[k] += *e->price * pq;
        else
            daily[k][day] += pq;
    }
    for (auto it = daily.begin(); it != daily.end(); ++it) {
        const RateCardEntry *e = card.find(it.key().metric, QStringLiteral("Metric ") + it.key().metric);
        double left = e->includedPerMonth;
        for (double q : it.value()) { // QMap: days in order
            const double free = std::min(left, q);
            left -= free;
            cost[it.key()] += *e->price * (q - free);
        }
    }
    return cost;
}

bool near(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) <= tolerance * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

template <typename T> bool waitFor(T *job)
{
    QSignalSpy done(job, &api::Job::finished);
    job->start();
    return (!done.isEmpty() || done.wait(60000)) && job->succeeded();
}

} // namespace

class TestCostEstimate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void againstBruteForce_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<QDate>("first");
        QTest::addColumn<int>("days");
        QTest::newRow("whole months") << quint32(1) << QDate(2026, 7, 1) << 92;
        QTest::newRow("mid-month start") << quint32(2) << QDate(2026, 8, 17) << 75;
        QTest::newRow("leap February") << quint32(3) << QDate(2028, 1, 20) << 60;
        QTest::newRow("many corrections") << quint32(4) << QDate(2026, 10, 3) << 40;
    }

    void againstBruteForce()
    {
        QFETCH(quint32, seed);
        QFETCH(QDate, first);
        QFETCH(int, days);
        usagetest::RandomSpec spec;
        spec.seed = seed;
        spec.first = first;
        spec.days = days;
        spec.correctionShare = seed == 4 ? 0.3 : 0.03;
        QList<api::UsageRecord> records = usagetest::randomRecords(spec);
        // Some records carry no billing account: one bucket for all of them.
        for (qsizetype i = 0; i < records.size(); i += 7) {
            records[i].billingAccountId.clear();
            records[i].billingAccountName.clear();
        }
        // Drop keys the blanking made equal, as the API would never send them twice.
        QSet<QString> seen;
        QList<api::UsageRecord> unique;
        for (const api::UsageRecord &r : std::as_const(records)) {
            const QString k = r.chargePeriodStart.toString(Qt::ISODate) + r.billingAccountId +
                              r.billableMetricId + r.subAccountId + r.zoneId + r.regionId + r.chargeClass;
            if (!seen.contains(k)) {
                seen.insert(k);
                unique.append(r);
            }
        }
        UsageCube cube;
        cube.addRecords(unique);
        QCOMPARE(cube.rowCount(), unique.size());

        const RateCard card = testCard();
        const CostEstimate est = models::estimateCost(cube, card);
        double expectedUnpriced = 0;
        const QMap<Key, double> expected = bruteForce(unique, card, &expectedUnpriced);
        QCOMPARE(qsizetype(est.rowCost.size()), cube.rowCount());
        QCOMPARE(double(est.unpricedRows), expectedUnpriced);
        QCOMPARE(est.currency, QStringLiteral("EUR"));

        // Sum the estimate the same way.
        QMap<Key, double> got;
        const auto days_ = cube.days();
        const auto accounts = cube.dimensionColumn(UsageDimension::Account);
        const auto metrics = cube.dimensionColumn(UsageDimension::Metric);
        double total = 0;
        for (qsizetype r = 0; r < cube.rowCount(); ++r) {
            const QDate day = models::usageday::toDate(days_[r]);
            const QString metric = cube.valueKey(UsageDimension::Metric, metrics[r]);
            const int m = metric.mid(6).toInt();
            const bool priced = m == 0 || m == 1 || m == 2 || m == 6;
            QCOMPARE(std::isnan(est.rowCost[size_t(r)]), !priced);
            if (!priced)
                continue;
            const Key k{cube.valueKey(UsageDimension::Account, accounts[r]), metric,
                        day.year() * 12 + day.month()};
            got[k] += est.rowCost[size_t(r)];
            total += est.rowCost[size_t(r)];
        }
        QVERIFY(got.keys() == expected.keys());
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            QVERIFY2(near(got.value(it.key()), it.value()),
                     qPrintable(QStringLiteral("%1/%2/%3: %4 vs %5")
                                    .arg(it.key().account, it.key().metric)
                                    .arg(it.key().month)
                                    .arg(got.value(it.key()), 0, 'g', 12)
                                    .arg(it.value(), 0, 'g', 12)));
        }
        QVERIFY(near(est.total, total));

        // The export's path, record by record, gives the same per record list.
        const CostEstimate perRecord = models::estimateCost(unique, card);
        QCOMPARE(qsizetype(perRecord.rowCost.size()), unique.size());
        QCOMPARE(double(perRecord.unpricedRows), expectedUnpriced);
        QMap<Key, double> gotRecords;
        for (qsizetype i = 0; i < unique.size(); ++i) {
            const api::UsageRecord &r = unique.at(i);
            const double c = perRecord.rowCost[size_t(i)];
            if (std::isnan(c))
                continue;
            const QDate day = r.chargePeriodStart.date();
            gotRecords[Key{r.billingAccountId, r.billableMetricId, day.year() * 12 + day.month()}] += c;
        }
        QVERIFY(gotRecords.keys() == expected.keys());
        for (auto it = expected.begin(); it != expected.end(); ++it)
            QVERIFY(near(gotRecords.value(it.key()), it.value()));
        // Some allowance was used, some exceeded: the test is not trivial.
        QVERIFY(std::any_of(expected.begin(), expected.end(), [](double v) { return v > 0; }));

        // The unpriced metrics are listed with a reason, most rows first.
        QStringList unpricedKeys;
        for (const CostEstimate::Unpriced &u : est.unpriced) {
            unpricedKeys << u.metricKey;
            QVERIFY(!u.reason.isEmpty());
            QVERIFY(u.rows > 0);
        }
        unpricedKeys.sort();
        QCOMPARE(unpricedKeys, (QStringList{QStringLiteral("metric3"), QStringLiteral("metric4"),
                                            QStringLiteral("metric5")}));
    }

    void allowanceIsPerAccountAndMonth()
    {
        // 10 free per month per account at 1.0 each; quantities of 4 a day.
        RateCard card;
        card.metrics << entry(QStringLiteral("m"), QStringLiteral("Requests"), 1.0, 10.0);
        QList<api::UsageRecord> records;
        for (const QString &account : {QStringLiteral("a"), QStringLiteral("b")}) {
            for (QDate d(2026, 1, 30); d <= QDate(2026, 2, 2); d = d.addDays(1))
                records << usagetest::record(d, account, QStringLiteral("m"), 4.0);
        }
        UsageCube cube;
        cube.addRecords(records);
        const CostEstimate est = models::estimateCost(cube, card);
        // Per account: Jan 30+31 = 8 (free), Feb 1+2 = 8 (free): nothing to pay.
        QCOMPARE(est.total, 0.0);

        // Three days in January at 4 each: 12 - 10 free = 2 to pay.
        records << usagetest::record(QDate(2026, 1, 29), QStringLiteral("a"), QStringLiteral("m"), 4.0);
        UsageCube more;
        more.addRecords(records);
        const CostEstimate est2 = models::estimateCost(more, card);
        QCOMPARE(est2.total, 2.0);
        // The day that crosses the allowance pays; the first day does not.
        const auto days = more.days();
        for (qsizetype r = 0; r < more.rowCount(); ++r) {
            if (days[r] == models::usageday::fromDate(QDate(2026, 1, 29)))
                QCOMPARE(est2.rowCost[size_t(r)], 0.0);
            if (days[r] == models::usageday::fromDate(QDate(2026, 1, 31)) &&
                more.valueKey(UsageDimension::Account, more.dimensionColumn(UsageDimension::Account)[r]) ==
                    QLatin1String("a"))
                QCOMPARE(est2.rowCost[size_t(r)], 2.0);
        }
    }

    void correctionsHaveNoAllowanceAndCredit()
    {
        RateCard card;
        card.metrics << entry(QStringLiteral("m"), QStringLiteral("Requests"), 0.5, 100.0);
        api::UsageRecord use =
            usagetest::record(QDate(2026, 3, 5), QStringLiteral("a"), QStringLiteral("m"), 10.0);
        api::UsageRecord credit = use;
        credit.chargeClass = QStringLiteral("Correction");
        credit.consumedQuantity = -6.0;
        UsageCube cube;
        cube.addRecords({use, credit});
        const CostEstimate est = models::estimateCost(cube, card);
        QCOMPARE(est.total, -3.0); // the usage is free, the credit is not
    }

    void unitMismatchAndMissingQuantityAreUnknownNotZero()
    {
        RateCard card;
        card.metrics << entry(QStringLiteral("m"), QStringLiteral("GB"), 0.5, 0.0);
        card.metrics << entry(QStringLiteral("q"), QStringLiteral("Requests"), 0.5, 0.0);
        api::UsageRecord wrongUnit =
            usagetest::record(QDate(2026, 3, 5), QStringLiteral("a"), QStringLiteral("m"), 10.0);
        api::UsageRecord noQuantity =
            usagetest::record(QDate(2026, 3, 5), QStringLiteral("a"), QStringLiteral("q"), 10.0);
        noQuantity.consumedQuantity.reset();
        UsageCube cube;
        cube.addRecords({wrongUnit, noQuantity});
        const CostEstimate est = models::estimateCost(cube, card);
        QVERIFY(std::isnan(est.rowCost[0]));
        QVERIFY(std::isnan(est.rowCost[1]));
        QCOMPARE(est.unpricedRows, qsizetype(2));
        QCOMPARE(est.total, 0.0);
        QCOMPARE(est.unpriced.size(), 1);
        QVERIFY(est.unpriced.first().reason.contains(QLatin1String("GB")));
    }

    void sparseLayoutGivesTheSameCost()
    {
        // Many accounts that each hold one day far apart force the sparse path.
        RateCard card;
        card.metrics << entry(QStringLiteral("m"), QStringLiteral("Requests"), 1.0, 5.0);
        QList<api::UsageRecord> records;
        for (int a = 0; a < 400; ++a) {
            const QDate d = QDate(2000, 1, 1).addDays(a * 30);
            records << usagetest::record(d, QStringLiteral("acc%1").arg(a), QStringLiteral("m"), 7.0);
            records << usagetest::record(d.addDays(1), QStringLiteral("acc%1").arg(a), QStringLiteral("m"),
                                         1.0);
        }
        UsageCube cube;
        cube.addRecords(records);
        const CostEstimate est = models::estimateCost(cube, card);
        // Each account pays 2 (when both days fall in one month) or 2 + 0 (8 split).
        double expected = 0;
        for (int a = 0; a < 400; ++a) {
            const QDate d = QDate(2000, 1, 1).addDays(a * 30);
            expected += d.month() == d.addDays(1).month() ? 3.0 : 2.0;
        }
        QCOMPARE(est.total, expected);
    }

    void aggregatesEstimatedCost()
    {
        usagetest::RandomSpec spec;
        spec.seed = 9;
        spec.first = QDate(2026, 6, 1);
        spec.days = 61;
        UsageCube cube;
        cube.addRecords(usagetest::randomRecords(spec));
        auto est = std::make_shared<CostEstimate>(models::estimateCost(cube, testCard()));

        models::UsageQuery q;
        q.measure = models::UsageMeasure::EstimatedCost;
        q.groupBy = {UsageDimension::Metric};
        q.granularity = models::UsageGranularity::Month;
        // Without an estimate there is nothing to show, and no zeros either.
        const models::UsageAggregate none = models::UsageAggregator::aggregate(cube, q);
        QVERIFY(!none.measureAvailable());
        QCOMPARE(none.groupCount(), 0);

        q.estimate = est;
        const models::UsageAggregate a = models::UsageAggregator::aggregate(cube, q);
        QVERIFY(a.measureAvailable());
        QCOMPARE(a.currency(), QStringLiteral("EUR"));
        QVERIFY(near(a.grandTotal(), est->total, 1e-12));
        // Only priced metrics appear; the unpriced rows are counted as lacking the measure.
        QStringList metrics;
        for (int g = 0; g < a.groupCount(); ++g)
            metrics << a.group(g).keys.first().key;
        metrics.sort();
        QCOMPARE(metrics, (QStringList{QStringLiteral("metric0"), QStringLiteral("metric1"),
                                       QStringLiteral("metric2"), QStringLiteral("metric6")}));
        QCOMPARE(a.rowsWithoutMeasure(), est->unpricedRows);

        // An estimate made for another cube is not applied.
        UsageCube other = cube;
        other.addRecords(
            {usagetest::record(QDate(2026, 6, 3), QStringLiteral("new"), QStringLiteral("metric0"), 1)});
        QVERIFY(!models::UsageAggregator::aggregate(other, q).measureAvailable());
    }

    void simulatorListCost()
    {
        testsupport::SimulatorProcess sim(
            {QStringLiteral("--usage-costs"), QStringLiteral("--audit-events"), QStringLiteral("10")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        api::Client client;
        client.setBaseUrl(QUrl(sim.baseUrl()));
        api::Credentials credentials;
        credentials.apiToken = testsupport::SimulatorProcess::demoToken();
        client.setCredentials(credentials);

        api::OrganizationsApi organizations(&client);
        auto *list = organizations.list();
        QVERIFY(waitFor(list));
        QString root;
        for (const api::Organization &o : list->result().items) {
            if (o.parentId.isEmpty() && root.isEmpty())
                root = o.id; // Acme Holdings, the root that holds the accounts
        }
        QVERIFY(!root.isEmpty());

        // The simulator's list prices and pricing divisors, no allowance.
        RateCard card;
        const auto add = [&card](const char *id, const char *unit, double divisor, double price) {
            card.metrics << entry(QLatin1String(id), QLatin1String(unit), price, 0.0, divisor);
        };
        add("workers_standard_requests", "Requests", 1e6, 0.30);
        add("workers_standard_cpu_ms", "CPU ms", 1e6, 0.02);
        add("r2_class_a_operations", "Requests", 1e6, 4.50);
        add("r2_class_b_operations", "Requests", 1e6, 0.36);
        add("r2_storage_standard", "GB", 30.0, 0.015);
        add("cdn_data_transfer", "GB", 1.0, 0.0);
        add("cdn_requests", "Requests", 1e6, 0.0);
        add("dns_queries", "Queries", 1e6, 0.10);
        add("zero_trust_seats", "Seats", 30.0, 7.0);
        add("gateway_dns_queries", "Queries", 1e6, 0.0);
        add("stream_minutes_delivered", "Minutes", 1000, 1.0);
        add("stream_minutes_stored", "Minutes", 30000, 5.0);
        add("images_transformations", "Transformations", 1000, 0.5);

        api::UsageApi usage(&client);
        const QDate to = QDate::currentDate().addDays(-2);
        UsageCube cube;
        double listTotal = 0;
        qsizetype records = 0;
        for (const auto &[from, until] : api::UsageApi::windows(to.addDays(-45), to)) {
            auto *job = usage.get(root, from, until);
            QVERIFY(waitFor(job));
            for (const api::UsageRecord &r : job->result()) {
                QVERIFY(r.listCost.has_value());
                listTotal += *r.listCost;
                ++records;
            }
            cube.addRecords(job->result());
        }
        QVERIFY(records > 100);
        const CostEstimate est = models::estimateCost(cube, card);
        QCOMPARE(est.unpricedRows, qsizetype(0));
        QVERIFY(est.unpriced.isEmpty());
        // The simulator rounds each record to six decimals.
        QVERIFY2(std::abs(est.total - listTotal) <= 5e-6 * double(records),
                 qPrintable(QStringLiteral("%1 vs %2").arg(est.total, 0, 'f', 6).arg(listTotal, 0, 'f', 6)));
        const auto list_ = cube.measureColumn(models::UsageMeasure::ListCost);
        for (qsizetype r = 0; r < cube.rowCount(); ++r)
            QVERIFY(std::abs(est.rowCost[size_t(r)] - list_[r]) <= 5e-6);
    }
};

QTEST_GUILESS_MAIN(TestCostEstimate)
#include "tst_costestimate.moc"
