#include "usagetestdata.h"

#include "models/usage/usageaggregator.h"
#include "models/usage/usageanomalydetector.h"
#include "models/usage/usagecube.h"

#include <QtTest>
#include <cmath>

using namespace models;
using usagetest::record;

namespace {

// Seeded, roughly normal noise (sum of uniforms).
class Noise
{
public:
    explicit Noise(quint32 seed) : m_rng(seed) {}
    double next(double sigma)
    {
        double s = 0;
        for (int i = 0; i < 12; ++i)
            s += m_rng.generateDouble();
        return (s - 6.0) * sigma;
    }

private:
    QRandomGenerator m_rng;
};

// Day 0 is a Monday, so weekends are t % 7 in {5, 6}.
std::vector<double> weekly(int days, double weekday, double weekend, double noise, quint32 seed)
{
    Noise n(seed);
    std::vector<double> v(static_cast<size_t>(days));
    for (int t = 0; t < days; ++t)
        v[size_t(t)] = ((t % 7) >= 5 ? weekend : weekday) * (1.0 + n.next(noise));
    return v;
}

QList<int> indexes(const QList<UsageAnomalyDetector::Point> &points)
{
    QList<int> out;
    for (const auto &p : points)
        out.append(p.index);
    return out;
}

} // namespace

class TestUsageAnomaly : public QObject
{
    Q_OBJECT

private slots:
    void flatSeriesHasNoAnomalies();
    void noisyFlatSeriesHasNoAnomalies();
    void weeklySeasonalityIsNotAnomalous();
    void monthlyRampIsNotAnomalous();
    void knownSpikesAreFound();
    void spikeOnSeasonalSeries();
    void thresholdIsConfigurable();
    void needsHistory();
    void startFromZero();
    void detectOnAggregate();
    void detectBorrowsLoadedHistory();
    void cumulativeAndCoarseGranularity();
};

void TestUsageAnomaly::flatSeriesHasNoAnomalies()
{
    const std::vector<double> flat(90, 100.0);
    QVERIFY(UsageAnomalyDetector().scan(flat).isEmpty());
    const std::vector<double> zeros(90, 0.0);
    QVERIFY(UsageAnomalyDetector().scan(zeros).isEmpty());
    // a tiny wobble on a perfectly flat history is under the relative floor
    std::vector<double> wobble(90, 100.0);
    wobble[50] = 101.0;
    QVERIFY(UsageAnomalyDetector().scan(wobble).isEmpty());
}

void TestUsageAnomaly::noisyFlatSeriesHasNoAnomalies()
{
    for (quint32 seed = 1; seed <= 40; ++seed) {
        const std::vector<double> v = weekly(120, 1000, 1000, 0.05, seed);
        const auto found = UsageAnomalyDetector().scan(v);
        QVERIFY2(found.isEmpty(),
                 qPrintable(QStringLiteral("seed %1 day %2").arg(seed).arg(found.value(0).index)));
    }
}

void TestUsageAnomaly::weeklySeasonalityIsNotAnomalous()
{
    for (quint32 seed = 1; seed <= 40; ++seed) {
        const std::vector<double> v = weekly(120, 1000, 250, 0.05, seed);
        QVERIFY2(UsageAnomalyDetector().scan(v).isEmpty(), qPrintable(QString::number(seed)));
    }
    // without the weekday check the same data would raise weekend alarms
    UsageAnomalyDetector::Settings s;
    s.weeklySeasonality = false;
    QVERIFY(!UsageAnomalyDetector(s).scan(weekly(120, 1000, 250, 0.05, 1)).isEmpty());
}

void TestUsageAnomaly::monthlyRampIsNotAnomalous()
{
    // steady growth of 1 % a day with noise
    Noise n(3);
    std::vector<double> v(120);
    for (int t = 0; t < 120; ++t)
        v[size_t(t)] = 500 * std::pow(1.01, t) * (1.0 + n.next(0.03));
    QVERIFY(UsageAnomalyDetector().scan(v).isEmpty());
}

void TestUsageAnomaly::knownSpikesAreFound()
{
    std::vector<double> v = weekly(100, 1000, 1000, 0.04, 9);
    v[30] *= 5.0; // spike
    v[55] *= 0.1; // drop
    v[80] *= 2.0; // doubling
    const auto found = UsageAnomalyDetector().scan(v);
    QCOMPARE(indexes(found), (QList<int>{30, 55, 80}));
    QVERIFY(found[0].score > 3.5);
    QVERIFY(found[1].score < -3.5);
    QVERIFY(std::abs(found[0].baseline - 1000) < 60);
    QCOMPARE(found[0].value, v[30]);
}

void TestUsageAnomaly::spikeOnSeasonalSeries()
{
    std::vector<double> v = weekly(100, 1000, 250, 0.04, 21);
    v[47] = 1000; // a Saturday as busy as a weekday: unusual for a Saturday
    v[66] *= 4.0; // a Thursday spike
    const auto found = UsageAnomalyDetector().scan(v);
    QVERIFY(found.size() >= 1);
    QCOMPARE(indexes(found).count(66), 1);
    for (int i : indexes(found))
        QVERIFY2(i == 66 || i == 47, qPrintable(QString::number(i)));
}

void TestUsageAnomaly::thresholdIsConfigurable()
{
    std::vector<double> v = weekly(60, 1000, 1000, 0.04, 5);
    v[40] *= 1.4; // about +10 sigma, +40 %
    QCOMPARE(indexes(UsageAnomalyDetector().scan(v)), QList<int>{40});
    UsageAnomalyDetector::Settings strict;
    strict.threshold = 50;
    QVERIFY(UsageAnomalyDetector(strict).scan(v).isEmpty());
    UsageAnomalyDetector::Settings bigChangesOnly;
    bigChangesOnly.minRelativeChange = 0.5;
    QVERIFY(UsageAnomalyDetector(bigChangesOnly).scan(v).isEmpty());
}

void TestUsageAnomaly::needsHistory()
{
    std::vector<double> v(30, 100.0);
    v[3] = 900;
    v[20] = 900;
    const auto found = UsageAnomalyDetector().scan(v);
    QCOMPARE(indexes(found), QList<int>{20});
    // reported only from firstReported on
    QVERIFY(UsageAnomalyDetector().scan(v, 21).isEmpty());
}

void TestUsageAnomaly::startFromZero()
{
    std::vector<double> v(40, 0.0);
    v[30] = 50; // a metric used for the first time
    const auto found = UsageAnomalyDetector().scan(v);
    QCOMPARE(indexes(found), QList<int>{30});
    QCOMPARE(found[0].score, UsageAnomalyDetector::MaxScore);
}

void TestUsageAnomaly::detectOnAggregate()
{
    const QDate first(2026, 9, 7); // a Monday
    Noise n(17);
    QList<api::UsageRecord> rs;
    for (int t = 0; t < 60; ++t) {
        for (int a = 0; a < 3; ++a) {
            double q = (100.0 + 50 * a) * (1.0 + n.next(0.04));
            if (a == 1 && t == 40)
                q *= 6;
            rs.append(record(first.addDays(t), QStringLiteral("acc%1").arg(a), QStringLiteral("m"), q));
        }
    }
    UsageCube cube;
    cube.addWindow(UsageDayRange::fromDates(first, first.addDays(59)), rs);
    UsageQuery q;
    q.groupBy = {UsageDimension::Account};
    const UsageAggregate agg = UsageAggregator::aggregate(cube, q);
    const QList<UsageAnomaly> found = UsageAnomalyDetector().detect(agg);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0].day, first.addDays(40));
    QCOMPARE(found[0].groupKeys.size(), 1);
    QCOMPARE(found[0].groupKeys[0].dimension, UsageDimension::Account);
    QCOMPARE(found[0].groupKeys[0].key, QStringLiteral("acc1"));
    QCOMPARE(found[0].groupLabel, QStringLiteral("Account acc1"));
    QCOMPARE(agg.group(found[0].group).label, found[0].groupLabel);

    // same through the cube entry point with a range starting at the spike:
    // the 28 days before are loaded and serve as history
    q.range = UsageDayRange::fromDates(first.addDays(40), first.addDays(45));
    const QList<UsageAnomaly> again = UsageAnomalyDetector().detect(cube, q);
    QCOMPARE(again.size(), 1);
    QCOMPARE(again[0].day, first.addDays(40));

    // Folded into "Other" (top 1), the spiking account is no anomaly of its
    // own, and "Other" is never reported: it is not a thing one can act on.
    q.range = {};
    q.topN = 1;
    const UsageAggregate top = UsageAggregator::aggregate(cube, q);
    bool hasOther = false;
    for (int g = 0; g < top.groupCount(); ++g)
        hasOther = hasOther || top.group(g).isOther;
    QVERIFY(hasOther);
    for (const UsageAnomaly &a : UsageAnomalyDetector().detect(top))
        QVERIFY2(!top.group(a.group).isOther, qPrintable(a.groupLabel));
}

void TestUsageAnomaly::detectBorrowsLoadedHistory()
{
    const QDate first(2026, 9, 7);
    QList<api::UsageRecord> rs;
    for (int t = 0; t < 40; ++t)
        rs.append(record(first.addDays(t), QStringLiteral("a"), QStringLiteral("m"), t == 35 ? 5000 : 100));
    UsageCube cube;
    // only days 20..39 were fetched; 0..19 hold records but are not marked
    // covered, and an unfetched gap would read as zero usage
    cube.addRecords(rs.mid(0, 20));
    cube.addWindow(UsageDayRange::fromDates(first.addDays(20), first.addDays(39)), rs.mid(20));
    UsageQuery q;
    q.range = UsageDayRange::fromDates(first.addDays(30), first.addDays(39));
    const QList<UsageAnomaly> found = UsageAnomalyDetector().detect(cube, q);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0].day, first.addDays(35));
    QCOMPARE(found[0].baseline, 100.0);
    // without any loaded history before the range the first days are not judged
    q.range = UsageDayRange::fromDates(first.addDays(20), first.addDays(39));
    QVERIFY(!UsageAnomalyDetector().detect(cube, q).isEmpty()); // 35 is 15 days in
    q.range = UsageDayRange::fromDates(first.addDays(33), first.addDays(36));
    UsageCube fresh;
    fresh.addWindow(q.range, rs.mid(33, 4));
    QVERIFY(UsageAnomalyDetector().detect(fresh, q).isEmpty());
}

void TestUsageAnomaly::cumulativeAndCoarseGranularity()
{
    const QDate first(2026, 9, 7);
    QList<api::UsageRecord> rs;
    for (int t = 0; t < 40; ++t)
        rs.append(record(first.addDays(t), QStringLiteral("a"), QStringLiteral("m"), t == 30 ? 900 : 100));
    UsageCube cube;
    cube.addRecords(rs);
    UsageQuery q;
    q.granularity = UsageGranularity::Cumulative;
    const QList<UsageAnomaly> found = UsageAnomalyDetector().detect(UsageAggregator::aggregate(cube, q));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0].day, first.addDays(30));
    QCOMPARE(found[0].value, 900.0);
    q.granularity = UsageGranularity::Week;
    QVERIFY(UsageAnomalyDetector().detect(UsageAggregator::aggregate(cube, q)).isEmpty());
}

QTEST_GUILESS_MAIN(TestUsageAnomaly)
#include "tst_usageanomaly.moc"
