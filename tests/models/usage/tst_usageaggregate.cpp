#include "usagetestdata.h"

#include "models/usage/usageaggregator.h"
#include "models/usage/usagecube.h"

#include <QtTest>
#include <cmath>
#include <map>

using namespace models;
using usagetest::record;

namespace {

// Independent of the cube: keys and buckets straight from the record fields.
QString keyOf(const api::UsageRecord &r, UsageDimension d)
{
    auto either = [](const QString &id, const QString &name) { return id.isEmpty() ? name : id; };
    switch (d) {
    case UsageDimension::ProductFamily:
        return either(r.productFamilyId, r.productFamilyName);
    case UsageDimension::Metric:
        return either(r.billableMetricId, r.billableMetricName);
    case UsageDimension::Account:
        return either(r.billingAccountId, r.billingAccountName);
    case UsageDimension::SubAccount:
        return either(r.subAccountId, r.subAccountName);
    case UsageDimension::Zone:
        return either(r.zoneId, r.zoneName);
    case UsageDimension::Region:
        return either(r.regionId, r.regionName);
    case UsageDimension::ChargeDescription:
        return r.chargeDescription;
    case UsageDimension::Category:
        return r.productCategoryName;
    case UsageDimension::Organization:
        return {}; // set only on a roll-up's cube
    }
    return {};
}

std::optional<double> measureOf(const api::UsageRecord &r, UsageMeasure m)
{
    switch (m) {
    case UsageMeasure::ConsumedQuantity:
        return r.consumedQuantity;
    case UsageMeasure::BilledCost:
        return r.billedCost;
    case UsageMeasure::EffectiveCost:
        return r.effectiveCost;
    case UsageMeasure::ListCost:
        return r.listCost;
    case UsageMeasure::ContractedCost:
        return r.contractedCost;
    case UsageMeasure::EstimatedCost:
        return std::nullopt;
    }
    return std::nullopt;
}

QDate periodOf(QDate d, UsageGranularity g)
{
    switch (g) {
    case UsageGranularity::Week:
        return d.addDays(1 - d.dayOfWeek());
    case UsageGranularity::Month:
        return QDate(d.year(), d.month(), 1);
    default:
        return d;
    }
}

struct Expected
{
    std::map<QString, std::map<QDate, double>> cells;
    std::map<QString, double> previous;
    double total = 0;
    double previousTotal = 0;
};

bool passes(const api::UsageRecord &r, const QList<UsageFilter> &filters)
{
    for (int dim = 0; dim < UsageDimensionCount; ++dim) {
        bool any = false;
        bool match = false;
        for (const UsageFilter &f : filters) {
            if (int(f.dimension) != dim)
                continue;
            any = true;
            match = match || keyOf(r, f.dimension) == f.key;
        }
        if (any && !match)
            return false;
    }
    return true;
}

Expected bruteForce(const QList<api::UsageRecord> &records, const UsageQuery &q, UsageDayRange range,
                    UsageDayRange previous)
{
    Expected e;
    for (const api::UsageRecord &r : records) {
        const QDate day = r.chargePeriodStart.toUTC().date();
        const qint32 n = usageday::fromDate(day);
        const bool current = range.contains(n);
        if (!current && !previous.contains(n))
            continue;
        if (!q.includeCorrections && r.chargeClass == QStringLiteral("Correction"))
            continue;
        if (!passes(r, q.filters))
            continue;
        const std::optional<double> v = measureOf(r, q.measure);
        if (!v)
            continue;
        QStringList parts;
        for (UsageDimension d : q.groupBy)
            parts.append(keyOf(r, d));
        const QString key = parts.join(QLatin1Char('|'));
        if (current) {
            e.cells[key][periodOf(day, q.granularity)] += *v;
            e.total += *v;
        } else {
            e.previous[key] += *v;
            e.previousTotal += *v;
        }
    }
    return e;
}

QString groupKey(const UsageGroup &g)
{
    QStringList parts;
    for (const UsageGroupKey &k : g.keys)
        parts.append(k.key);
    return parts.join(QLatin1Char('|'));
}

bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-6 * qMax(1.0, qMax(std::abs(a), std::abs(b)));
}

} // namespace

class TestUsageAggregate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void matchesBruteForce_data();
    void matchesBruteForce();
    void totalsPreservedWithTopN();
    void weekBucketsAreIsoAndClipped();
    void monthBuckets();
    void cumulativeIsRunningTotal();
    void previousPeriod();
    void filters();
    void mixedUnits();
    void oneUnitAtATime();
    void comparisonMeasure();
    void twoLevelsSameDimension();
    void emptyCube();
    void orderAndLabels();

private:
    QList<api::UsageRecord> m_records;
    UsageCube m_cube;
};

void TestUsageAggregate::initTestCase()
{
    usagetest::RandomSpec spec;
    spec.seed = 7;
    spec.days = 75;
    m_records = usagetest::randomRecords(spec);
    // delivered as the client would: consecutive 31-day windows, the middle one twice
    const UsageDayRange all = UsageDayRange::fromDates(spec.first, spec.first.addDays(spec.days - 1));
    const QList<UsageDayRange> windows = all.splitIntoWindows(31);
    for (const UsageDayRange &w : windows) {
        QList<api::UsageRecord> part;
        for (const api::UsageRecord &r : std::as_const(m_records))
            if (w.contains(usageday::fromDate(r.chargePeriodStart.date())))
                part.append(r);
        m_cube.addWindow(w, part);
        if (w == windows[1])
            m_cube.addWindow(w, part);
    }
    QCOMPARE(m_cube.rowCount(), m_records.size());
}

void TestUsageAggregate::matchesBruteForce_data()
{
    QTest::addColumn<QList<UsageDimension>>("groupBy");
    QTest::addColumn<int>("granularity");
    QTest::addColumn<int>("measure");
    QTest::addColumn<bool>("corrections");

    QList<QList<UsageDimension>> groupings{{}};
    for (int d = 0; d < UsageDimensionCount; ++d)
        groupings.append({UsageDimension(d)});
    groupings.append({UsageDimension::ProductFamily, UsageDimension::Metric});
    groupings.append({UsageDimension::Account, UsageDimension::Zone});
    groupings.append({UsageDimension::Metric, UsageDimension::Account});
    groupings.append({UsageDimension::Region, UsageDimension::SubAccount});
    for (const auto &g : std::as_const(groupings)) {
        for (int gran = 0; gran < 4; ++gran) {
            for (UsageMeasure m :
                 {UsageMeasure::ConsumedQuantity, UsageMeasure::BilledCost, UsageMeasure::ContractedCost}) {
                QStringList names;
                for (UsageDimension d : g)
                    names.append(usageDimensionToken(d));
                const QByteArray tag =
                    (names.join(QLatin1Char('+')) + QLatin1Char('/') +
                     usageGranularityName(UsageGranularity(gran)) + QLatin1Char('/') + usageMeasureName(m))
                        .toUtf8();
                QTest::newRow(tag.constData()) << g << gran << int(m) << (gran != 1);
            }
        }
    }
}

void TestUsageAggregate::matchesBruteForce()
{
    QFETCH(QList<UsageDimension>, groupBy);
    QFETCH(int, granularity);
    QFETCH(int, measure);
    QFETCH(bool, corrections);

    UsageQuery q;
    q.groupBy = groupBy;
    q.granularity = UsageGranularity(granularity);
    q.measure = UsageMeasure(measure);
    q.includeCorrections = corrections;
    // the last 40 days, compared with the 35 before (partly outside the data)
    const UsageDayRange extent = m_cube.dayExtent();
    q.range = {extent.last - 39, extent.last};
    const UsageAggregate agg = UsageAggregator::aggregate(m_cube, q);
    const Expected e = bruteForce(m_records, q, agg.range(), agg.previousRange());
    QCOMPARE(agg.previousRange(), UsageDayRange({extent.last - 79, extent.last - 40}));

    QVERIFY(close(agg.grandTotal(), e.total));
    QVERIFY(close(agg.previousTotal(), e.previousTotal));
    // every group with a current value is present once
    int withCurrent = 0;
    QSet<QString> seen;
    double rowSum = 0;
    double previousSum = 0;
    for (int g = 0; g < agg.groupCount(); ++g) {
        const UsageGroup &group = agg.group(g);
        QCOMPARE(group.keys.size(), groupBy.size());
        const QString key = groupKey(group);
        QVERIFY2(!seen.contains(key), qPrintable(key));
        seen.insert(key);
        const auto cells = e.cells.find(key);
        if (cells != e.cells.end())
            ++withCurrent;
        double running = 0;
        for (int b = 0; b < agg.bucketCount(); ++b) {
            double expected = 0;
            if (cells != e.cells.end()) {
                const auto it = cells->second.find(agg.bucketPeriodStart(b));
                if (it != cells->second.end())
                    expected = it->second;
            }
            running += expected;
            const double want = q.granularity == UsageGranularity::Cumulative ? running : expected;
            QVERIFY2(
                close(agg.value(g, b), want),
                qPrintable(
                    QStringLiteral("%1 bucket %2: %3 != %4").arg(key).arg(b).arg(agg.value(g, b)).arg(want)));
        }
        QVERIFY(close(agg.rowTotal(g), running));
        const auto prev = e.previous.find(key);
        QVERIFY(close(agg.previous(g), prev == e.previous.end() ? 0.0 : prev->second));
        QVERIFY(close(agg.change(g), agg.rowTotal(g) - agg.previous(g)));
        rowSum += agg.rowTotal(g);
        previousSum += agg.previous(g);
    }
    QCOMPARE(withCurrent, int(e.cells.size()));
    QVERIFY(close(rowSum, agg.grandTotal()));
    QVERIFY(close(previousSum, agg.previousTotal()));
    double columnSum = 0;
    for (int b = 0; b < agg.bucketCount(); ++b)
        columnSum += agg.columnTotal(b);
    if (q.granularity == UsageGranularity::Cumulative)
        QVERIFY(close(agg.columnTotal(agg.bucketCount() - 1), agg.grandTotal()));
    else
        QVERIFY(close(columnSum, agg.grandTotal()));
    // buckets tile the range
    QCOMPARE(agg.bucketStart(0), agg.range().firstDate());
    QCOMPARE(agg.bucketLast(agg.bucketCount() - 1), agg.range().lastDate());
    for (int b = 1; b < agg.bucketCount(); ++b)
        QCOMPARE(agg.bucketStart(b), agg.bucketLast(b - 1).addDays(1));
}

void TestUsageAggregate::totalsPreservedWithTopN()
{
    for (int d = 0; d < UsageDimensionCount; ++d) {
        UsageQuery all;
        all.groupBy = {UsageDimension(d), UsageDimension::Account};
        all.granularity = UsageGranularity::Week;
        const UsageAggregate full = UsageAggregator::aggregate(m_cube, all);
        for (int n : {1, 3, 5}) {
            UsageQuery top = all;
            top.topN = n;
            const UsageAggregate agg = UsageAggregator::aggregate(m_cube, top);
            QVERIFY(close(agg.grandTotal(), full.grandTotal()));
            QVERIFY(close(agg.previousTotal(), full.previousTotal()));
            if (full.groupCount() <= n + 1) {
                QCOMPARE(agg.groupCount(), full.groupCount());
                continue;
            }
            QCOMPARE(agg.groupCount(), n + 1);
            const UsageGroup &other = agg.group(n);
            QVERIFY(other.isOther);
            QVERIFY(other.keys.isEmpty());
            QCOMPARE(other.foldedGroups, full.groupCount() - n);
            // the kept groups are the n largest, in the same order
            for (int g = 0; g < n; ++g) {
                QCOMPARE(agg.group(g).label, full.group(g).label);
                QVERIFY(close(agg.rowTotal(g), full.rowTotal(g)));
            }
            for (int b = 0; b < agg.bucketCount(); ++b) {
                double rest = 0;
                for (int g = n; g < full.groupCount(); ++g)
                    rest += full.value(g, b);
                QVERIFY(close(agg.value(n, b), rest));
                QVERIFY(close(agg.columnTotal(b), full.columnTotal(b)));
            }
        }
    }
    // a single leftover group is shown, not folded into "Other"
    UsageQuery q;
    q.groupBy = {UsageDimension::SubAccount};
    q.topN = 1;
    const UsageAggregate two = UsageAggregator::aggregate(m_cube, q);
    QCOMPARE(two.groupCount(), 2);
    QVERIFY(!two.group(1).isOther);
}

void TestUsageAggregate::weekBucketsAreIsoAndClipped()
{
    // 2026-12-30 is a Wednesday; 2027-01-01 belongs to ISO week 2026-W53
    UsageCube cube;
    QList<api::UsageRecord> rs;
    for (QDate d(2026, 12, 27); d <= QDate(2027, 1, 12); d = d.addDays(1))
        rs.append(record(d, QStringLiteral("a"), QStringLiteral("m"), d.day()));
    cube.addRecords(rs);
    UsageQuery q;
    q.granularity = UsageGranularity::Week;
    q.range = UsageDayRange::fromDates(QDate(2026, 12, 30), QDate(2027, 1, 11));
    const UsageAggregate agg = UsageAggregator::aggregate(cube, q);
    QCOMPARE(agg.bucketCount(), 3);
    QCOMPARE(agg.bucketStart(0), QDate(2026, 12, 30)); // clipped
    QCOMPARE(agg.bucketPeriodStart(0), QDate(2026, 12, 28));
    QCOMPARE(agg.bucketLast(0), QDate(2027, 1, 3)); // Sunday
    QCOMPARE(agg.bucketLabel(0), QStringLiteral("2026-W53"));
    QCOMPARE(agg.bucketStart(1), QDate(2027, 1, 4));
    QCOMPARE(agg.bucketLabel(1), QStringLiteral("2027-W01"));
    QCOMPARE(agg.bucketLast(2), QDate(2027, 1, 11)); // clipped
    QCOMPARE(agg.value(0, 0), 30.0 + 31 + 1 + 2 + 3);
    QCOMPARE(agg.value(0, 1), 4.0 + 5 + 6 + 7 + 8 + 9 + 10);
    QCOMPARE(agg.value(0, 2), 11.0);
    // The clipped weeks are partial (charts draw them faint), the full one is not.
    QVERIFY(agg.bucketPartial(0));
    QCOMPARE(agg.bucketDays(0), 5);
    QCOMPARE(agg.bucketPeriodDays(0), 7);
    QVERIFY(!agg.bucketPartial(1));
    QVERIFY(agg.bucketPartial(2));
    QCOMPARE(agg.bucketDays(2), 1);
    // Sunday and Monday fall in different weeks
    q.range = UsageDayRange::fromDates(QDate(2027, 1, 3), QDate(2027, 1, 4));
    QCOMPARE(UsageAggregator::aggregate(cube, q).bucketCount(), 2);
}

void TestUsageAggregate::monthBuckets()
{
    UsageCube cube;
    QList<api::UsageRecord> rs;
    for (QDate d(2024, 1, 28); d <= QDate(2024, 3, 2); d = d.addDays(1))
        rs.append(record(d, QStringLiteral("a"), QStringLiteral("m"), 1));
    cube.addRecords(rs);
    UsageQuery q;
    q.granularity = UsageGranularity::Month;
    const UsageAggregate agg = UsageAggregator::aggregate(cube, q);
    QCOMPARE(agg.range(), cube.dayExtent());
    QCOMPARE(agg.bucketCount(), 3);
    QCOMPARE(agg.bucketLabel(1), QStringLiteral("2024-02"));
    QCOMPARE(agg.value(0, 0), 4.0);
    QCOMPARE(agg.value(0, 1), 29.0); // leap year
    QCOMPARE(agg.value(0, 2), 2.0);
    QCOMPARE(agg.bucketStart(1), QDate(2024, 2, 1));
    QCOMPARE(agg.bucketLast(1), QDate(2024, 2, 29));
    QVERIFY(agg.bucketPartial(0));
    QVERIFY(!agg.bucketPartial(1));
    QCOMPARE(agg.bucketPeriodDays(1), 29);
    QVERIFY(agg.bucketPartial(2));
    QCOMPARE(agg.bucketDays(2), 2);
}

void TestUsageAggregate::cumulativeIsRunningTotal()
{
    UsageCube cube;
    const QDate d(2026, 11, 1);
    cube.addRecords({record(d, QStringLiteral("a"), QStringLiteral("m"), 1),
                     record(d.addDays(2), QStringLiteral("a"), QStringLiteral("m"), 2),
                     record(d.addDays(2), QStringLiteral("b"), QStringLiteral("m"), 5)});
    UsageQuery q;
    q.granularity = UsageGranularity::Cumulative;
    q.groupBy = {UsageDimension::Account};
    q.range = UsageDayRange::fromDates(d, d.addDays(3));
    const UsageAggregate agg = UsageAggregator::aggregate(cube, q);
    QCOMPARE(agg.bucketCount(), 4);
    QCOMPARE(agg.group(0).label, QStringLiteral("Account b"));
    const std::span<const double> a = agg.series(1);
    QCOMPARE(std::vector<double>(a.begin(), a.end()), (std::vector<double>{1, 1, 3, 3}));
    QCOMPARE(agg.rowTotal(1), 3.0);
    QCOMPARE(agg.columnTotal(3), 8.0);
    QCOMPARE(agg.grandTotal(), 8.0);
}

void TestUsageAggregate::previousPeriod()
{
    UsageCube cube;
    const QDate d(2026, 10, 1);
    cube.addWindow(UsageDayRange::fromDates(d, d.addDays(19)),
                   {record(d.addDays(2), QStringLiteral("a"), QStringLiteral("m"), 10),
                    record(d.addDays(12), QStringLiteral("a"), QStringLiteral("m"), 15),
                    record(d.addDays(3), QStringLiteral("b"), QStringLiteral("m"), 4)});
    UsageQuery q;
    q.groupBy = {UsageDimension::Account};
    q.range = UsageDayRange::fromDates(d.addDays(10), d.addDays(19));
    const UsageAggregate agg = UsageAggregator::aggregate(cube, q);
    QCOMPARE(agg.previousRange(), UsageDayRange::fromDates(d, d.addDays(9)));
    QVERIFY(agg.previousCovered());
    QVERIFY(agg.rangeCovered());
    // b only has a previous value: it still appears, with a -100 % change
    QCOMPARE(agg.groupCount(), 2);
    QCOMPARE(agg.group(0).label, QStringLiteral("Account a"));
    QCOMPARE(agg.previous(0), 10.0);
    QCOMPARE(agg.change(0), 5.0);
    QCOMPARE(*agg.changePercent(0), 50.0);
    QCOMPARE(agg.rowTotal(1), 0.0);
    QCOMPARE(*agg.changePercent(1), -100.0);
    // nothing before: no percentage, and the range before is not loaded
    q.range = UsageDayRange::fromDates(d, d.addDays(9));
    const UsageAggregate first = UsageAggregator::aggregate(cube, q);
    QVERIFY(!first.previousCovered());
    QVERIFY(!first.changePercent(0).has_value());
    // explicit comparison period
    q.previousRange = UsageDayRange::fromDates(d.addDays(12), d.addDays(12));
    QCOMPARE(UsageAggregator::aggregate(cube, q).previousTotal(), 15.0);
}

void TestUsageAggregate::filters()
{
    UsageQuery q;
    q.filters = {{UsageDimension::Account, QStringLiteral("acc1"), {}},
                 {UsageDimension::Account, QStringLiteral("acc2"), {}},
                 {UsageDimension::ProductFamily, QStringLiteral("r2"), {}}};
    q.groupBy = {UsageDimension::Account};
    const UsageAggregate agg = UsageAggregator::aggregate(m_cube, q);
    const Expected e = bruteForce(m_records, q, agg.range(), agg.previousRange());
    QVERIFY(e.total != 0);
    QVERIFY(close(agg.grandTotal(), e.total));
    QCOMPARE(agg.groupCount(), 2);
    // an unknown value matches nothing
    q.filters.append({UsageDimension::Zone, QStringLiteral("no-such-zone"), {}});
    const UsageAggregate none = UsageAggregator::aggregate(m_cube, q);
    QCOMPARE(none.groupCount(), 0);
    QCOMPARE(none.matchedRows(), 0);
    // the empty key selects records without that dimension
    UsageQuery noZone;
    noZone.filters = {{UsageDimension::Zone, QString(), {}}};
    noZone.groupBy = {UsageDimension::Zone};
    const UsageAggregate nz = UsageAggregator::aggregate(m_cube, noZone);
    QCOMPARE(nz.groupCount(), 1);
    QCOMPARE(nz.group(0).keys.first().key, QString());
    QCOMPARE(nz.group(0).label, QStringLiteral("(none)"));
}

void TestUsageAggregate::mixedUnits()
{
    UsageQuery q;
    q.groupBy = {UsageDimension::Account};
    UsageAggregate agg = UsageAggregator::aggregate(m_cube, q);
    QVERIFY(agg.unitsMixed());
    QVERIFY(agg.unit().isEmpty());
    QVERIFY(agg.group(0).mixedUnits);
    q.groupBy = {UsageDimension::Metric};
    agg = UsageAggregator::aggregate(m_cube, q);
    QVERIFY(agg.unitsMixed()); // groups differ from each other
    for (int g = 0; g < agg.groupCount(); ++g) {
        QVERIFY(!agg.group(g).mixedUnits);
        QVERIFY(!agg.group(g).unit.isEmpty());
    }
    q.filters = {{UsageDimension::Metric, QStringLiteral("metric1"), {}}};
    agg = UsageAggregator::aggregate(m_cube, q);
    QVERIFY(!agg.unitsMixed());
    QCOMPARE(agg.unit(), QStringLiteral("GB"));
    q.filters.clear();
    q.measure = UsageMeasure::BilledCost;
    agg = UsageAggregator::aggregate(m_cube, q);
    QVERIFY(!agg.unitsMixed());
    QCOMPARE(agg.unit(), QStringLiteral("USD"));
    QCOMPARE(agg.currency(), QStringLiteral("USD"));
}

void TestUsageAggregate::oneUnitAtATime()
{
    // Quantity with a unit: only that unit's records, so no total adds requests to GB.
    UsageQuery q;
    q.groupBy = {UsageDimension::Account};
    std::map<QString, qsizetype> rowsPerUnit;
    std::map<QString, double> gbPerAccount;
    double gb = 0;
    for (const api::UsageRecord &r : std::as_const(m_records)) {
        ++rowsPerUnit[r.consumedUnit];
        if (r.consumedUnit == QStringLiteral("GB") && r.consumedQuantity) {
            gbPerAccount[keyOf(r, UsageDimension::Account)] += *r.consumedQuantity;
            gb += *r.consumedQuantity;
        }
    }
    UsageAggregate all = UsageAggregator::aggregate(m_cube, q);
    QVERIFY(all.unitsMixed());
    // The units on offer, most records first, counted before the unit is applied.
    QCOMPARE(all.units().size(), qsizetype(rowsPerUnit.size()));
    for (qsizetype i = 0; i < all.units().size(); ++i) {
        QCOMPARE(all.units()[i].rows, rowsPerUnit[all.units()[i].unit]);
        if (i > 0)
            QVERIFY(all.units()[i - 1].rows >= all.units()[i].rows);
    }
    q.unit = QStringLiteral("GB");
    const UsageAggregate one = UsageAggregator::aggregate(m_cube, q);
    QVERIFY(!one.unitsMixed());
    QCOMPARE(one.unit(), QStringLiteral("GB"));
    QCOMPARE(one.units(), all.units());
    QCOMPARE(one.matchedRows(), rowsPerUnit[QStringLiteral("GB")]);
    QVERIFY(qAbs(one.grandTotal() - gb) < 1e-6 * gb);
    for (int g = 0; g < one.groupCount(); ++g) {
        QCOMPARE(one.group(g).unit, QStringLiteral("GB"));
        QVERIFY(qAbs(one.rowTotal(g) - gbPerAccount[one.group(g).keys[0].key]) < 1e-6 * gb);
    }
    // A unit the view does not hold matches nothing; costs ignore the unit.
    q.unit = QStringLiteral("seats");
    QCOMPARE(UsageAggregator::aggregate(m_cube, q).groupCount(), 0);
    q.measure = UsageMeasure::BilledCost;
    QVERIFY(UsageAggregator::aggregate(m_cube, q).groupCount() > 0);
}

void TestUsageAggregate::comparisonMeasure()
{
    // Billed beside list cost per group: sums of the records that carry each.
    UsageQuery q;
    q.groupBy = {UsageDimension::ProductFamily};
    q.measure = UsageMeasure::BilledCost;
    q.compare = UsageMeasure::ListCost;
    std::map<QString, double> list;
    std::map<QString, double> billed;
    for (const api::UsageRecord &r : std::as_const(m_records)) {
        if (!r.billedCost)
            continue;
        billed[keyOf(r, UsageDimension::ProductFamily)] += *r.billedCost;
        if (r.listCost)
            list[keyOf(r, UsageDimension::ProductFamily)] += *r.listCost;
    }
    const UsageAggregate agg = UsageAggregator::aggregate(m_cube, q);
    QVERIFY(agg.hasComparison());
    QCOMPARE(agg.compareMeasure(), std::optional<UsageMeasure>(UsageMeasure::ListCost));
    double total = 0;
    for (int g = 0; g < agg.groupCount(); ++g) {
        const QString key = agg.group(g).keys[0].key;
        QVERIFY(qAbs(agg.rowTotal(g) - billed[key]) < 1e-6);
        QVERIFY(qAbs(agg.compareTotal(g) - list[key]) < 1e-6);
        total += list[key];
    }
    QVERIFY(qAbs(agg.compareGrandTotal() - total) < 1e-6);
    QCOMPARE(agg.rowsWithoutCompare(), 0); // every costed record carries both
    q.compare.reset();
    QVERIFY(!UsageAggregator::aggregate(m_cube, q).hasComparison());
    QVERIFY(std::isnan(UsageAggregator::aggregate(m_cube, q).compareGrandTotal()));
}

void TestUsageAggregate::twoLevelsSameDimension()
{
    UsageQuery q;
    q.groupBy = {UsageDimension::Account, UsageDimension::Account, UsageDimension::Zone};
    const UsageAggregate agg = UsageAggregator::aggregate(m_cube, q);
    QCOMPARE(agg.query().groupBy, QList<UsageDimension>{UsageDimension::Account});
    QCOMPARE(agg.group(0).keys.size(), 1);
}

void TestUsageAggregate::emptyCube()
{
    const UsageAggregate agg = UsageAggregator::aggregate(UsageCube(), UsageQuery());
    QCOMPARE(agg.groupCount(), 0);
    QCOMPARE(agg.bucketCount(), 0);
    QCOMPARE(agg.grandTotal(), 0.0);
    const UsageAggregate def;
    QCOMPARE(def.groupCount(), 0);
    QCOMPARE(def.bucketCount(), 0);
    QVERIFY(def.series(0).empty());
}

void TestUsageAggregate::orderAndLabels()
{
    UsageQuery q;
    q.groupBy = {UsageDimension::ProductFamily, UsageDimension::Metric};
    const UsageAggregate agg = UsageAggregator::aggregate(m_cube, q);
    for (int g = 1; g < agg.groupCount(); ++g)
        QVERIFY(std::abs(agg.rowTotal(g - 1)) >= std::abs(agg.rowTotal(g)));
    const UsageGroup &g0 = agg.group(0);
    QCOMPARE(g0.label, g0.keys[0].label + QStringLiteral(" \u203A ") + g0.keys[1].label);
    QVERIFY(g0.keys[1].label.startsWith(QStringLiteral("Metric ")));
    QCOMPARE(UsageAggregator::aggregate(m_cube, UsageQuery()).group(0).label, QStringLiteral("Total"));
    for (int g = 0; g < agg.groupCount(); ++g)
        QCOMPARE(agg.findGroup(agg.group(g).keys), g);
    QCOMPARE(agg.findGroup({{UsageDimension::ProductFamily, QStringLiteral("nope"), {}},
                            {UsageDimension::Metric, QStringLiteral("metric1"), {}}}),
             -1);
    QCOMPARE(agg.findGroup({g0.keys[0]}), -1); // one level is not two
}

QTEST_GUILESS_MAIN(TestUsageAggregate)
#include "tst_usageaggregate.moc"
