#include "usagetestdata.h"

#include "api/decoders.h"
#include "models/usage/usageaggregator.h"
#include "models/usage/usagecube.h"

#include "testsupport/prerequisite.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <thread>

using namespace models;
using usagetest::record;

namespace {

// Records as the API writes them (absent optional fields left out).
QByteArray toAnswer(const QList<api::UsageRecord> &records)
{
    QJsonArray rows;
    for (const api::UsageRecord &r : records) {
        QJsonObject o;
        auto text = [&o](const char *key, const QString &v) {
            if (!v.isEmpty())
                o.insert(QLatin1String(key), v);
        };
        auto number = [&o](const char *key, const std::optional<double> &v) {
            if (v)
                o.insert(QLatin1String(key), *v);
        };
        text("BillingAccountId", r.billingAccountId);
        text("BillingAccountName", r.billingAccountName);
        text("BillingCurrency", r.billingCurrency);
        text("ChargeCategory", r.chargeCategory);
        text("ChargeClass", r.chargeClass);
        text("ChargeDescription", r.chargeDescription);
        text("ChargeFrequency", r.chargeFrequency);
        if (r.chargePeriodStart.isValid())
            o.insert(QLatin1String("ChargePeriodStart"), r.chargePeriodStart.toString(Qt::ISODate));
        if (r.chargePeriodEnd.isValid())
            o.insert(QLatin1String("ChargePeriodEnd"), r.chargePeriodEnd.toString(Qt::ISODate));
        number("ConsumedQuantity", r.consumedQuantity);
        text("ConsumedUnit", r.consumedUnit);
        text("x_BillableMetricId", r.billableMetricId);
        text("x_BillableMetricName", r.billableMetricName);
        text("x_ProductFamilyId", r.productFamilyId);
        text("x_ProductFamilyName", r.productFamilyName);
        text("x_ProductCategoryName", r.productCategoryName);
        text("x_ZoneId", r.zoneId);
        text("x_ZoneName", r.zoneName);
        text("RegionId", r.regionId);
        text("RegionName", r.regionName);
        text("SubAccountId", r.subAccountId);
        text("SubAccountName", r.subAccountName);
        number("BilledCost", r.billedCost);
        number("EffectiveCost", r.effectiveCost);
        number("ListCost", r.listCost);
        number("ContractedCost", r.contractedCost);
        rows.append(o);
    }
    QJsonObject envelope;
    envelope.insert(QLatin1String("success"), true);
    envelope.insert(QLatin1String("result"), rows);
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

// Every column, dictionary and counter of two cubes.
void compareCubes(const UsageCube &a, const UsageCube &b)
{
    QCOMPARE(a.rowCount(), b.rowCount());
    QCOMPARE(a.coveredRanges(), b.coveredRanges());
    QCOMPARE(a.dayExtent(), b.dayExtent());
    QCOMPARE(a.correctionRowCount(), b.correctionRowCount());
    QCOMPARE(a.rowsWithoutQuantity(), b.rowsWithoutQuantity());
    QCOMPARE(a.hasCosts(), b.hasCosts());
    QCOMPARE(a.currencies(), b.currencies());
    QVERIFY(std::ranges::equal(a.days(), b.days()));
    QVERIFY(std::ranges::equal(a.flags(), b.flags()));
    QVERIFY(std::ranges::equal(a.quantities(), b.quantities()));
    QVERIFY(std::ranges::equal(a.currencyColumn(), b.currencyColumn()));
    for (const UsageMeasure m : {UsageMeasure::BilledCost, UsageMeasure::EffectiveCost,
                                 UsageMeasure::ListCost, UsageMeasure::ContractedCost}) {
        QCOMPARE(a.rowsWithMeasure(m), b.rowsWithMeasure(m));
        QVERIFY(std::ranges::equal(a.measureColumn(m), b.measureColumn(m)));
    }
    QCOMPARE(a.unitCount(), b.unitCount());
    for (qint32 u = 0; u < a.unitCount(); ++u)
        QCOMPARE(a.unitName(u), b.unitName(u));
    QVERIFY(std::ranges::equal(a.unitColumn(), b.unitColumn()));
    for (int d = 0; d < UsageDimensionCount; ++d) {
        const auto dim = UsageDimension(d);
        QCOMPARE(a.valueCount(dim), b.valueCount(dim));
        for (qint32 v = 0; v < a.valueCount(dim); ++v) {
            QCOMPARE(a.valueKey(dim, v), b.valueKey(dim, v));
            QCOMPARE(a.valueName(dim, v), b.valueName(dim, v));
        }
        QVERIFY(std::ranges::equal(a.dimensionColumn(dim), b.dimensionColumn(dim)));
    }
}

} // namespace

class TestUsageCube : public QObject
{
    Q_OBJECT

private slots:
    void internsDimensionsAndDays();
    void dayComesFromChargePeriodStartInUtc();
    void rejectsRecordsWithoutPeriod();
    void duplicateWindowIsNotCountedTwice();
    void refetchedWindowDropsVanishedRows();
    void correctionRowsAreKeptAndCounted();
    void absentCostColumns();
    void nullCostColumns();
    void mixedCurrencies();
    void coveredAndMissingRanges();
    void missingRangesEdges();
    void splitIntoWindowsHasNoGapOrOverlap();
    void copyIsASnapshot();
    void weekAndMonthStarts();
    void examplePayloads();
    void snapshotIsSafeOnAnotherThread();
    void columnsBuildTheSameCubeAsRecords();
    void columnsFillANameSeenLater();
};

void TestUsageCube::internsDimensionsAndDays()
{
    UsageCube cube;
    const QDate day(2026, 11, 20);
    api::UsageRecord a = record(day, QStringLiteral("acc1"), QStringLiteral("req"), 10);
    a.zoneId = QStringLiteral("z1");
    a.zoneName = QStringLiteral("example.com");
    const api::UsageRecord b =
        record(day, QStringLiteral("acc1"), QStringLiteral("cpu"), 5, QStringLiteral("CPU ms"));
    const api::UsageRecord c = record(day.addDays(1), QStringLiteral("acc2"), QStringLiteral("req"), 7);
    const auto result = cube.addRecords({a, b, c});
    QCOMPARE(result.added, 3);
    QCOMPARE(result.replaced, 0);
    QCOMPARE(cube.rowCount(), 3);
    // id 0 is the empty value
    QCOMPARE(cube.valueCount(UsageDimension::Account), 3);
    QCOMPARE(cube.valueCount(UsageDimension::Metric), 3);
    QCOMPARE(cube.valueCount(UsageDimension::Zone), 2);
    const qint32 acc1 = cube.findValue(UsageDimension::Account, QStringLiteral("acc1"));
    QVERIFY(acc1 > 0);
    QCOMPARE(cube.valueName(UsageDimension::Account, acc1), QStringLiteral("Account acc1"));
    QCOMPARE(
        cube.valueLabel(UsageDimension::Zone, cube.findValue(UsageDimension::Zone, QStringLiteral("z1"))),
        QStringLiteral("example.com"));
    QCOMPARE(cube.valueLabel(UsageDimension::Zone, 0), QStringLiteral("(none)"));
    QCOMPARE(cube.findValue(UsageDimension::Account, QStringLiteral("nope")), -1);
    QCOMPARE(cube.days()[0], usageday::fromDate(day));
    QCOMPARE(cube.days()[2], usageday::fromDate(day) + 1);
    QCOMPARE(cube.unitName(cube.unitColumn()[1]), QStringLiteral("CPU ms"));
    QCOMPARE(cube.dayExtent(), UsageDayRange::fromDates(day, day.addDays(1)));
    QCOMPARE(cube.quantities()[2], 7.0);
    QVERIFY(!cube.hasCosts());
    QCOMPARE(cube.rowsWithMeasure(UsageMeasure::ConsumedQuantity), 3);

    // a record without an id is keyed by its name
    api::UsageRecord noId = record(day, QString(), QStringLiteral("req"), 1);
    noId.billingAccountName = QStringLiteral("Contract level");
    cube.addRecords({noId});
    QVERIFY(cube.findValue(UsageDimension::Account, QStringLiteral("Contract level")) > 0);
}

void TestUsageCube::dayComesFromChargePeriodStartInUtc()
{
    UsageCube cube;
    api::UsageRecord r = record(QDate(2026, 11, 20), QStringLiteral("a"), QStringLiteral("m"), 1);
    // 2026-11-21 01:00 in UTC+02:00 is 2026-11-20 23:00 UTC
    r.chargePeriodStart = QDateTime(QDate(2026, 11, 21), QTime(1, 0), QTimeZone(2 * 3600));
    api::UsageRecord before = record(QDate(1969, 12, 31), QStringLiteral("a"), QStringLiteral("m"), 1);
    cube.addRecords({r, before});
    QCOMPARE(usageday::toDate(cube.days()[0]), QDate(2026, 11, 20));
    QCOMPARE(usageday::toDate(cube.days()[1]), QDate(1969, 12, 31));
}

void TestUsageCube::rejectsRecordsWithoutPeriod()
{
    UsageCube cube;
    api::UsageRecord r = record(QDate(2026, 11, 20), QStringLiteral("a"), QStringLiteral("m"), 1);
    r.chargePeriodStart = QDateTime();
    const auto result = cube.addRecords({r});
    QCOMPARE(result.rejected, 1);
    QCOMPARE(cube.rowCount(), 0);
}

void TestUsageCube::duplicateWindowIsNotCountedTwice()
{
    usagetest::RandomSpec spec;
    spec.days = 31;
    const QList<api::UsageRecord> records = usagetest::randomRecords(spec);
    const UsageDayRange window = UsageDayRange::fromDates(spec.first, spec.first.addDays(30));
    UsageCube cube;
    const auto first = cube.addWindow(window, records);
    QCOMPARE(first.added, records.size());
    const qsizetype rows = cube.rowCount();
    UsageQuery q;
    const double total = UsageAggregator::aggregate(cube, q).grandTotal();

    const auto second = cube.addWindow(window, records);
    QCOMPARE(second.added, 0);
    QCOMPARE(second.replaced, records.size());
    QCOMPARE(second.removed, 0);
    QCOMPARE(cube.rowCount(), rows);
    QCOMPARE(UsageAggregator::aggregate(cube, q).grandTotal(), total);

    // addRecords alone also upserts, and a changed value replaces the old one
    QList<api::UsageRecord> changed = records.mid(0, 1);
    changed[0].consumedQuantity = *changed[0].consumedQuantity + 1000;
    const auto third = cube.addRecords(changed);
    QCOMPARE(third.replaced, 1);
    QCOMPARE(cube.rowCount(), rows);
    QCOMPARE(UsageAggregator::aggregate(cube, q).grandTotal(), total + 1000);
    QCOMPARE(cube.correctionRowCount(),
             qsizetype(std::count_if(records.begin(), records.end(), [](const auto &r) {
                 return r.chargeClass == QStringLiteral("Correction");
             })));
}

void TestUsageCube::refetchedWindowDropsVanishedRows()
{
    const QDate d(2026, 11, 1);
    UsageCube cube;
    cube.addWindow(UsageDayRange::fromDates(d, d.addDays(1)),
                   {record(d, QStringLiteral("a"), QStringLiteral("m"), 1),
                    record(d.addDays(1), QStringLiteral("a"), QStringLiteral("m"), 2),
                    record(d.addDays(1), QStringLiteral("b"), QStringLiteral("m"), 3)});
    cube.addWindow(UsageDayRange::fromDates(d.addDays(2), d.addDays(2)),
                   {record(d.addDays(2), QStringLiteral("a"), QStringLiteral("m"), 4)});
    QCOMPARE(cube.rowCount(), 4);
    // the re-fetch of day 2 no longer has account b; day 1 and day 3 are untouched
    const auto r = cube.addWindow(UsageDayRange::fromDates(d.addDays(1), d.addDays(1)),
                                  {record(d.addDays(1), QStringLiteral("a"), QStringLiteral("m"), 20)});
    QCOMPARE(r.removed, 1);
    QCOMPARE(r.replaced, 1);
    QCOMPARE(cube.rowCount(), 3);
    QCOMPARE(UsageAggregator::aggregate(cube, {}).grandTotal(), 1.0 + 20.0 + 4.0);
    // the index still finds rows after compaction
    QCOMPARE(cube.addRecords({record(d.addDays(2), QStringLiteral("a"), QStringLiteral("m"), 5)}).replaced,
             1);
    QCOMPARE(cube.rowCount(), 3);
    // an empty answer clears the window and still counts as fetched
    QCOMPARE(cube.addWindow(UsageDayRange::fromDates(d, d), QList<api::UsageRecord>{}).removed, 1);
    QCOMPARE(cube.rowCount(), 2);
    QCOMPARE(cube.coveredRanges(), QList<UsageDayRange>{UsageDayRange::fromDates(d, d.addDays(2))});
}

void TestUsageCube::correctionRowsAreKeptAndCounted()
{
    const QDate d(2026, 10, 5);
    api::UsageRecord normal = record(d, QStringLiteral("a"), QStringLiteral("m"), 100);
    normal.billedCost = 10;
    api::UsageRecord correction = normal;
    correction.chargeClass = QStringLiteral("Correction");
    correction.consumedQuantity = -30;
    correction.billedCost = -3;
    UsageCube cube;
    cube.addRecords({normal, correction});
    QCOMPARE(cube.rowCount(), 2);
    QCOMPARE(cube.correctionRowCount(), 1);
    QVERIFY(cube.flags()[1] & UsageCube::Correction);
    QVERIFY(!(cube.flags()[0] & UsageCube::Correction));
    // the same correction again replaces, it does not add
    cube.addRecords({correction});
    QCOMPARE(cube.rowCount(), 2);
    QCOMPARE(cube.correctionRowCount(), 1);

    UsageQuery q;
    UsageAggregate agg = UsageAggregator::aggregate(cube, q);
    QCOMPARE(agg.grandTotal(), 70.0);
    QCOMPARE(agg.correctionRows(), 1);
    QCOMPARE(agg.group(0).correctionRows, 1);
    q.measure = UsageMeasure::BilledCost;
    QCOMPARE(UsageAggregator::aggregate(cube, q).grandTotal(), 7.0);
    q.includeCorrections = false;
    QCOMPARE(UsageAggregator::aggregate(cube, q).grandTotal(), 10.0);
}

void TestUsageCube::absentCostColumns()
{
    usagetest::RandomSpec spec;
    spec.costShare = 0;
    spec.days = 10;
    UsageCube cube;
    cube.addRecords(usagetest::randomRecords(spec));
    QVERIFY(cube.rowCount() > 0);
    QVERIFY(!cube.hasCosts());
    QVERIFY(cube.measureColumn(UsageMeasure::BilledCost).empty());
    QVERIFY(!cube.hasMeasure(UsageMeasure::EffectiveCost));
    QVERIFY(cube.hasMeasure(UsageMeasure::ConsumedQuantity));
    QCOMPARE(cube.billingCurrency(), QString());

    UsageQuery q;
    q.measure = UsageMeasure::BilledCost;
    q.groupBy = {UsageDimension::Account};
    const UsageAggregate agg = UsageAggregator::aggregate(cube, q);
    QVERIFY(!agg.measureAvailable());
    QCOMPARE(agg.groupCount(), 0);
    QCOMPARE(agg.grandTotal(), 0.0);
    QVERIFY(agg.bucketCount() > 0);
    q.measure = UsageMeasure::ConsumedQuantity;
    QVERIFY(UsageAggregator::aggregate(cube, q).measureAvailable());
}

void TestUsageCube::nullCostColumns()
{
    const QDate d(2026, 11, 20);
    api::UsageRecord usageOnly = record(d, QStringLiteral("a"), QStringLiteral("m"), 5);
    api::UsageRecord costed = record(d, QStringLiteral("b"), QStringLiteral("m"), 6);
    costed.billingCurrency = QStringLiteral("USD");
    costed.billedCost = 2.5;
    costed.effectiveCost = 2.0;
    // list and contracted null
    api::UsageRecord noQuantity = record(d, QStringLiteral("c"), QStringLiteral("m"), 0);
    noQuantity.consumedQuantity.reset();

    UsageCube cube;
    cube.addRecords({usageOnly, costed, noQuantity});
    QVERIFY(cube.hasCosts());
    QVERIFY(cube.hasMeasure(UsageMeasure::BilledCost));
    QVERIFY(!cube.hasMeasure(UsageMeasure::ListCost));
    QCOMPARE(cube.rowsWithMeasure(UsageMeasure::BilledCost), 1);
    QCOMPARE(cube.rowsWithMeasure(UsageMeasure::ConsumedQuantity), 2);
    QCOMPARE(cube.rowsWithoutQuantity(), 1);
    QCOMPARE(cube.billingCurrency(), QStringLiteral("USD"));
    QCOMPARE(cube.measureColumn(UsageMeasure::BilledCost).size(), size_t(3));

    UsageQuery q;
    q.measure = UsageMeasure::BilledCost;
    q.groupBy = {UsageDimension::Account};
    UsageAggregate agg = UsageAggregator::aggregate(cube, q);
    QCOMPARE(agg.groupCount(), 1); // only the costed row carries the measure
    QCOMPARE(agg.grandTotal(), 2.5);
    QCOMPARE(agg.matchedRows(), 3);
    QCOMPARE(agg.rowsWithoutMeasure(), 2);
    QCOMPARE(agg.unit(), QStringLiteral("USD"));

    // a later record turns a usage-only row into a costed one
    api::UsageRecord update = usageOnly;
    update.billingCurrency = QStringLiteral("USD");
    update.billedCost = 1.0;
    cube.addRecords({update});
    QCOMPARE(cube.rowsWithMeasure(UsageMeasure::BilledCost), 2);
    QCOMPARE(UsageAggregator::aggregate(cube, q).grandTotal(), 3.5);
    // and back: costs of a replaced row do not linger
    cube.addRecords({usageOnly});
    QCOMPARE(cube.rowsWithMeasure(UsageMeasure::BilledCost), 1);
    QCOMPARE(UsageAggregator::aggregate(cube, q).grandTotal(), 2.5);
}

void TestUsageCube::mixedCurrencies()
{
    const QDate d(2026, 11, 20);
    QList<api::UsageRecord> rs;
    for (int i = 0; i < 3; ++i) {
        api::UsageRecord r = record(d, QStringLiteral("a%1").arg(i), QStringLiteral("m"), 1);
        r.billingCurrency = i == 0 ? QStringLiteral("EUR") : QStringLiteral("USD");
        r.billedCost = 1;
        rs.append(r);
    }
    UsageCube cube;
    cube.addRecords(rs);
    QCOMPARE(cube.billingCurrency(), QStringLiteral("USD"));
    QCOMPARE(cube.currencies(), (QStringList{QStringLiteral("EUR"), QStringLiteral("USD")}));
}

void TestUsageCube::coveredAndMissingRanges()
{
    UsageCube cube;
    QCOMPARE(cube.missingRanges({10, 20}), QList<UsageDayRange>{UsageDayRange({10, 20})});
    cube.markCovered({1, 10});
    cube.markCovered({20, 30});
    QCOMPARE(cube.coveredRanges(), (QList<UsageDayRange>{{1, 10}, {20, 30}}));
    QCOMPARE(cube.missingRanges({5, 25}), QList<UsageDayRange>{UsageDayRange({11, 19})});
    QCOMPARE(cube.missingRanges({0, 40}), (QList<UsageDayRange>{{0, 0}, {11, 19}, {31, 40}}));
    QVERIFY(cube.missingRanges({2, 9}).isEmpty());
    QVERIFY(cube.isCovered({20, 30}));
    QVERIFY(!cube.isCovered({10, 20}));
    // adjacent ranges merge, overlapping ones too
    cube.markCovered({11, 15});
    QCOMPARE(cube.coveredRanges(), (QList<UsageDayRange>{{1, 15}, {20, 30}}));
    cube.markCovered({14, 22});
    QCOMPARE(cube.coveredRanges(), (QList<UsageDayRange>{{1, 30}}));
    cube.markCovered({-5, -3});
    cube.markCovered({40, 41});
    QCOMPARE(cube.coveredRanges(), (QList<UsageDayRange>{{-5, -3}, {1, 30}, {40, 41}}));
    cube.markCovered({-10, 50});
    QCOMPARE(cube.coveredRanges(), (QList<UsageDayRange>{{-10, 50}}));
}

void TestUsageCube::missingRangesEdges()
{
    UsageCube cube;
    cube.markCovered({10, 20});
    QCOMPARE(cube.missingRanges({10, 20}), QList<UsageDayRange>{});
    QCOMPARE(cube.missingRanges({9, 21}), (QList<UsageDayRange>{{9, 9}, {21, 21}}));
    QCOMPARE(cube.missingRanges({20, 25}), (QList<UsageDayRange>{{21, 25}}));
    QCOMPARE(cube.missingRanges({3, 10}), (QList<UsageDayRange>{{3, 9}}));
    QCOMPARE(cube.missingRanges({30, 35}), (QList<UsageDayRange>{{30, 35}}));
    QVERIFY(cube.missingRanges({5, 4}).isEmpty());
    // fetch exactly what is missing over a long range: afterwards nothing is
    const UsageDayRange year = UsageDayRange::fromDates(QDate(2026, 1, 1), QDate(2026, 12, 31));
    const QList<UsageDayRange> windows = cube.missingWindows(year);
    QCOMPARE(windows.size(), 13); // 365 days in windows of 30, none loaded yet (10..20 is in 1970)
    for (const UsageDayRange &w : windows) {
        QVERIFY(w.dayCount() <= api::UsageApi::MaxDaysPerWindow);
        cube.addWindow(w, QList<api::UsageRecord>{});
    }
    QVERIFY(cube.isCovered(year));
    QVERIFY(cube.missingWindows(year).isEmpty());
    // a hole in the middle is fetched alone
    UsageCube holed;
    holed.markCovered(UsageDayRange::fromDates(QDate(2026, 1, 1), QDate(2026, 3, 31)));
    holed.markCovered(UsageDayRange::fromDates(QDate(2026, 5, 1), QDate(2026, 12, 31)));
    QCOMPARE(holed.missingWindows(year),
             (QList<UsageDayRange>{UsageDayRange::fromDates(QDate(2026, 4, 1), QDate(2026, 4, 30))}));
}

void TestUsageCube::splitIntoWindowsHasNoGapOrOverlap()
{
    for (int days : {1, 30, 31, 32, 62, 63, 365, 366}) {
        const UsageDayRange range{100, 100 + days - 1};
        const QList<UsageDayRange> windows = range.splitIntoWindows(31);
        QCOMPARE(windows.size(), (days + 30) / 31);
        qint32 next = range.first;
        for (const UsageDayRange &w : windows) {
            QCOMPARE(w.first, next);
            QVERIFY(w.dayCount() >= 1 && w.dayCount() <= 31);
            next = w.last + 1;
        }
        QCOMPARE(next, range.last + 1);
    }
    QVERIFY(UsageDayRange{}.splitIntoWindows().isEmpty());
}

void TestUsageCube::copyIsASnapshot()
{
    const QDate d(2026, 11, 20);
    UsageCube cube;
    cube.addRecords({record(d, QStringLiteral("a"), QStringLiteral("m"), 1)});
    const UsageCube snapshot = cube;
    cube.addRecords({record(d, QStringLiteral("b"), QStringLiteral("m"), 2)});
    cube.markCovered({0, 5});
    QCOMPARE(snapshot.rowCount(), 1);
    QCOMPARE(cube.rowCount(), 2);
    QVERIFY(snapshot.coveredRanges().isEmpty());
    QCOMPARE(UsageAggregator::aggregate(snapshot, {}).grandTotal(), 1.0);
    QCOMPARE(UsageAggregator::aggregate(cube, {}).grandTotal(), 3.0);
    UsageCube cleared = cube;
    cleared.clear();
    QCOMPARE(cleared.rowCount(), 0);
    QCOMPARE(cube.rowCount(), 2);
    UsageCube moved = std::move(cube);
    QCOMPARE(moved.rowCount(), 2);
    QVERIFY(cube.rowCount() >= 0); // a moved-from cube is still usable
    cube.addRecords({record(d, QStringLiteral("c"), QStringLiteral("m"), 4)});
    QCOMPARE(moved.rowCount(), 2);
}

void TestUsageCube::weekAndMonthStarts()
{
    // 2026-11-23 is a Monday
    QCOMPARE(usageday::toDate(usageday::weekStart(usageday::fromDate(QDate(2026, 11, 22)))),
             QDate(2026, 11, 16));
    QCOMPARE(usageday::toDate(usageday::weekStart(usageday::fromDate(QDate(2026, 11, 23)))),
             QDate(2026, 11, 23));
    QCOMPARE(usageday::toDate(usageday::weekStart(usageday::fromDate(QDate(2026, 11, 29)))),
             QDate(2026, 11, 23));
    QCOMPARE(usageday::toDate(usageday::weekStart(usageday::fromDate(QDate(1970, 1, 1)))),
             QDate(1969, 12, 29));
    QCOMPARE(usageday::toDate(usageday::weekStart(usageday::fromDate(QDate(1969, 12, 28)))),
             QDate(1969, 12, 22));
    QCOMPARE(usageday::toDate(usageday::monthStart(usageday::fromDate(QDate(2024, 2, 29)))),
             QDate(2024, 2, 1));
    QCOMPARE(usageday::fromDate(QDate(1970, 1, 1)), 0);
}

void TestUsageCube::examplePayloads()
{
    const QString dir = qEnvironmentVariable("ORGSCOPE_TEST_DATA");
    if (dir.isEmpty())
        ORGSCOPE_MISSING_PREREQUISITE("ORGSCOPE_TEST_DATA not set (run through ctest)");
    auto load = [&](const QString &name) {
        QFile f(dir + QLatin1Char('/') + name);
        if (!f.open(QIODevice::ReadOnly))
            return QList<api::UsageRecord>();
        return api::decode::usageResponse(f.readAll()).value;
    };
    const QList<api::UsageRecord> costed = load(QStringLiteral("billing_usage_get.response.json"));
    const QList<api::UsageRecord> usageOnly =
        load(QStringLiteral("billing_usage_get.usage_only.response.json"));
    QCOMPARE(costed.size(), 6);
    QCOMPARE(usageOnly.size(), 6);
    const UsageDayRange day = UsageDayRange::fromDates(QDate(2026, 10, 14), QDate(2026, 10, 14));

    UsageCube plain;
    plain.addWindow(day, usageOnly);
    QVERIFY(!plain.hasCosts());
    QCOMPARE(plain.rowCount(), 6);
    QCOMPARE(plain.dayExtent(), day);
    // every dimension also counts its empty value
    QCOMPARE(plain.valueCount(UsageDimension::Account), 4); // three accounts
    QCOMPARE(plain.valueCount(UsageDimension::Zone), 3);    // two zones
    UsageQuery q;
    q.groupBy = {UsageDimension::Metric};
    const UsageAggregate byMetric = UsageAggregator::aggregate(plain, q);
    QCOMPARE(byMetric.group(0).keys[0].key, QStringLiteral("cdn_requests"));
    QCOMPARE(byMetric.group(0).unit, QStringLiteral("Requests"));
    QCOMPARE(byMetric.rowTotal(0), 880000000.0);

    // the same day with costs replaces the usage-only rows (absent and null
    // optional columns make the same key)
    UsageCube cube = plain;
    const auto result = cube.addWindow(day, costed);
    QCOMPARE(result.replaced, 6);
    QCOMPARE(result.added, 0);
    QCOMPARE(cube.rowCount(), 6);
    QVERIFY(cube.hasCosts());
    QCOMPARE(cube.billingCurrency(), QStringLiteral("USD"));
    q.measure = UsageMeasure::BilledCost;
    q.groupBy = {UsageDimension::Account};
    const UsageAggregate cost = UsageAggregator::aggregate(cube, q);
    QVERIFY(std::abs(cost.grandTotal() - (2.6649 + 0.0 + 1.117863 + 1.584 + 11.79 + 0.0)) < 1e-9);
    QCOMPARE(cost.unit(), QStringLiteral("USD"));
}

void TestUsageCube::snapshotIsSafeOnAnotherThread()
{
    usagetest::RandomSpec spec;
    spec.days = 62;
    const QList<api::UsageRecord> records = usagetest::randomRecords(spec);
    UsageCube cube;
    cube.addRecords(records.mid(0, records.size() / 2));
    UsageQuery q;
    q.groupBy = {UsageDimension::Account};
    const UsageAggregate expected = UsageAggregator::aggregate(cube, q);

    // The page's pattern: aggregate a snapshot on a worker while the owner
    // keeps adding windows to its copy.
    const UsageCube snapshot = cube;
    std::atomic<bool> go{false};
    UsageAggregate onWorker;
    std::thread worker([&] {
        while (!go.load())
            std::this_thread::yield();
        for (int i = 0; i < 20; ++i)
            onWorker = UsageAggregator::aggregate(snapshot, q);
    });
    go = true;
    for (int i = 0; i < 5; ++i) {
        cube.addRecords(records.mid(records.size() / 2));
        cube.addWindow(UsageDayRange::fromDates(spec.first, spec.first.addDays(3)),
                       QList<api::UsageRecord>{});
    }
    worker.join();
    QCOMPARE(onWorker.grandTotal(), expected.grandTotal());
    QCOMPARE(onWorker.groupCount(), expected.groupCount());
    QCOMPARE(snapshot.rowCount(), records.size() / 2);
    QVERIFY(cube.rowCount() > snapshot.rowCount());
}

QTEST_GUILESS_MAIN(TestUsageCube)
#include "tst_usagecube.moc"

// The page's fast path (answers decoded column by column) and the record
// path agree on everything the cube holds: random records with costs,
// corrections, zones, regions, keys given by name only, rejected rows, and a
// re-fetched window whose answer lost rows.
void TestUsageCube::columnsBuildTheSameCubeAsRecords()
{
    usagetest::RandomSpec spec;
    spec.days = 70;
    QList<api::UsageRecord> records = usagetest::randomRecords(spec);
    for (qsizetype i = 0; i < records.size(); ++i) {
        api::UsageRecord &r = records[i];
        if (r.billableMetricId == QStringLiteral("metric5"))
            r.billableMetricId.clear(); // keyed by its name
        if (r.billingAccountId == QStringLiteral("acc4"))
            r.billingAccountName.clear(); // an id without a name
        if (i % 97 == 0)
            r.chargePeriodStart = QDateTime(); // rejected
        if (i % 31 == 0)
            r.consumedQuantity.reset();
        if (i % 53 == 0)
            r.billingCurrency = QStringLiteral("EUR");
    }
    const UsageDayRange all = UsageDayRange::fromDates(spec.first, spec.first.addDays(spec.days - 1));
    UsageCube fromRecords;
    UsageCube fromColumns;
    for (const UsageDayRange &w : all.splitIntoWindows(31)) {
        QList<api::UsageRecord> window;
        for (const api::UsageRecord &r : records)
            if (!r.chargePeriodStart.isValid() || w.contains(usageday::fromDate(r.chargePeriodStart.date())))
                window.append(r);
        const QByteArray answer = toAnswer(window);
        const auto decodedRecords = api::decode::usageResponse(answer);
        const auto decodedColumns = api::decode::usageColumns(answer);
        QVERIFY(decodedRecords.ok() && decodedColumns.ok());
        const auto r1 = fromRecords.addWindow(w, decodedRecords.value);
        const auto r2 = fromColumns.addWindow(w, decodedColumns.value);
        QCOMPARE(r2.added, r1.added);
        QCOMPARE(r2.rejected, r1.rejected);
        QVERIFY(r1.rejected > 0);
    }
    QVERIFY(fromRecords.hasCosts());
    QVERIFY(fromRecords.correctionRowCount() > 0);
    compareCubes(fromColumns, fromRecords);
    if (QTest::currentTestFailed())
        return;

    // The middle window again, with every third row gone and new quantities.
    const UsageDayRange middle = all.splitIntoWindows(31).at(1);
    QList<api::UsageRecord> again;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const api::UsageRecord &r = records[i];
        if (i % 3 == 0 || !r.chargePeriodStart.isValid() ||
            !middle.contains(usageday::fromDate(r.chargePeriodStart.date())))
            continue;
        again.append(r);
        again.last().consumedQuantity = double(i);
    }
    const QByteArray answer = toAnswer(again);
    const auto r1 = fromRecords.addWindow(middle, api::decode::usageResponse(answer).value);
    const auto r2 = fromColumns.addWindow(middle, api::decode::usageColumns(answer).value);
    QVERIFY(r1.removed > 0);
    QCOMPARE(r2.removed, r1.removed);
    QCOMPARE(r2.replaced, r1.replaced);
    compareCubes(fromColumns, fromRecords);
}

void TestUsageCube::columnsFillANameSeenLater()
{
    const QByteArray answer = R"({"result":[
        {"BillingAccountId":"a1","ChargePeriodStart":"2026-11-01T00:00:00Z","ConsumedQuantity":1,
         "x_BillableMetricId":"m"},
        {"BillingAccountId":"a1","BillingAccountName":"Acme","ChargePeriodStart":"2026-11-02T00:00:00Z",
         "ConsumedQuantity":2,"x_BillableMetricId":"m"}]})";
    const auto columns = api::decode::usageColumns(answer);
    QVERIFY(columns.ok());
    UsageCube cube;
    cube.addRecords(columns.value);
    QCOMPARE(cube.rowCount(), 2);
    QCOMPARE(cube.valueCount(UsageDimension::Account), 2);
    QCOMPARE(cube.valueName(UsageDimension::Account, 1), QStringLiteral("Acme"));
    QCOMPARE(cube.valueLabel(UsageDimension::Account, 1), QStringLiteral("Acme"));
}
