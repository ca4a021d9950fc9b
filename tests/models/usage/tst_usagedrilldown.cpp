#include "usagetestdata.h"

#include "models/usage/usageaggregator.h"
#include "models/usage/usagecube.h"
#include "models/usage/usagedrilldown.h"

#include <QtTest>
#include <cmath>

using namespace models;

class TestUsageDrillDown : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void chainFollowsTheDrillOrder();
    void drilledTotalsMatchTheClickedGroup();
    void breadcrumbsGoBack();
    void viewSettingsSurviveBack();
    void otherAndTotalCannotDrill();
    void twoLevels();
    void nextDimensionWrapsAndEnds();
    void organizationDrillsIntoItsAccounts();

private:
    UsageCube m_cube;
};

void TestUsageDrillDown::initTestCase()
{
    usagetest::RandomSpec spec;
    spec.seed = 5;
    spec.days = 40;
    m_cube.addRecords(usagetest::randomRecords(spec));
}

void TestUsageDrillDown::chainFollowsTheDrillOrder()
{
    UsageQuery root;
    root.groupBy = {UsageDimension::ProductFamily};
    UsageDrillDown drill(root);
    QCOMPARE(drill.depth(), 0);
    const QList<UsageDimension> expected{UsageDimension::Metric,     UsageDimension::Account,
                                         UsageDimension::Zone,       UsageDimension::Region,
                                         UsageDimension::SubAccount, UsageDimension::ChargeDescription};
    for (UsageDimension next : expected) {
        const UsageAggregate agg = UsageAggregator::aggregate(m_cube, drill.query());
        QVERIFY(agg.groupCount() > 0);
        QVERIFY(drill.canDrill(agg.group(0)));
        QVERIFY(drill.drillInto(agg.group(0)));
        QCOMPARE(drill.query().groupBy, QList<UsageDimension>{next});
    }
    QCOMPARE(drill.depth(), expected.size());
    QCOMPARE(drill.query().filters.size(), expected.size());
    // everything is used: the last level cannot be drilled further
    const UsageAggregate last = UsageAggregator::aggregate(m_cube, drill.query());
    QVERIFY(!drill.canDrill(last.group(0)));
    QVERIFY(!drill.drillInto(last.group(0)));
    QCOMPARE(drill.depth(), expected.size());
}

void TestUsageDrillDown::drilledTotalsMatchTheClickedGroup()
{
    UsageQuery root;
    root.groupBy = {UsageDimension::Account};
    root.measure = UsageMeasure::BilledCost;
    UsageDrillDown drill(root);
    const UsageAggregate top = UsageAggregator::aggregate(m_cube, drill.query());
    const UsageGroup clicked = top.group(2);
    QVERIFY(drill.drillInto(clicked));
    QCOMPARE(drill.query().groupBy, QList<UsageDimension>{UsageDimension::Zone});
    QCOMPARE(drill.query().filters.size(), 1);
    QCOMPARE(drill.query().filters[0].key, clicked.keys[0].key);
    const UsageAggregate inside = UsageAggregator::aggregate(m_cube, drill.query());
    QVERIFY(std::abs(inside.grandTotal() - top.rowTotal(2)) < 1e-6);
    QVERIFY(std::abs(inside.previousTotal() - top.previous(2)) < 1e-6);
}

void TestUsageDrillDown::breadcrumbsGoBack()
{
    UsageQuery root;
    root.groupBy = {UsageDimension::ProductFamily};
    UsageDrillDown drill(root);
    const UsageGroup family = UsageAggregator::aggregate(m_cube, drill.query()).group(0);
    drill.drillInto(family);
    const UsageGroup metric = UsageAggregator::aggregate(m_cube, drill.query()).group(0);
    drill.drillInto(metric);
    QCOMPARE(drill.breadcrumbs().size(), 3);
    QCOMPARE(drill.breadcrumbs()[0].label, QStringLiteral("All usage"));
    QCOMPARE(drill.breadcrumbs()[1].label, family.label);
    QCOMPARE(drill.breadcrumbs()[2].label, metric.label);
    QCOMPARE(drill.query().filters[1].label, metric.label);
    QVERIFY(drill.back());
    QCOMPARE(drill.query().groupBy, QList<UsageDimension>{UsageDimension::Metric});
    QCOMPARE(drill.query().filters.size(), 1);
    drill.drillInto(metric);
    QVERIFY(drill.backTo(0));
    QCOMPARE(drill.query().groupBy, root.groupBy);
    QVERIFY(drill.query().filters.isEmpty());
    QVERIFY(!drill.back());
    QVERIFY(!drill.backTo(3));
    QVERIFY(!drill.backTo(-1));
}

void TestUsageDrillDown::viewSettingsSurviveBack()
{
    UsageQuery root;
    root.groupBy = {UsageDimension::Account};
    UsageDrillDown drill(root);
    drill.drillInto(UsageAggregator::aggregate(m_cube, drill.query()).group(0));
    UsageQuery view;
    view.granularity = UsageGranularity::Month;
    view.measure = UsageMeasure::EffectiveCost;
    view.topN = 4;
    view.range = {100, 200};
    view.filters = {{UsageDimension::Zone, QStringLiteral("ignored"), {}}};
    drill.setViewSettings(view);
    drill.setGroupBy({UsageDimension::Metric}); // the user regroups at this level
    QCOMPARE(drill.query().groupBy, QList<UsageDimension>{UsageDimension::Metric});
    QCOMPARE(drill.query().filters.size(), 1);
    QCOMPARE(drill.query().filters[0].dimension, UsageDimension::Account);
    drill.back();
    const UsageQuery q = drill.query();
    QCOMPARE(q.granularity, UsageGranularity::Month);
    QCOMPARE(q.measure, UsageMeasure::EffectiveCost);
    QCOMPARE(q.topN, 4);
    QCOMPARE(q.range, UsageDayRange({100, 200}));
    QCOMPARE(q.groupBy, QList<UsageDimension>{UsageDimension::Account});
    QVERIFY(q.filters.isEmpty());
}

void TestUsageDrillDown::otherAndTotalCannotDrill()
{
    UsageQuery root;
    root.groupBy = {UsageDimension::Account};
    root.topN = 2;
    UsageDrillDown drill(root);
    const UsageAggregate agg = UsageAggregator::aggregate(m_cube, drill.query());
    QVERIFY(agg.group(2).isOther);
    QVERIFY(!drill.canDrill(agg.group(2)));
    QVERIFY(!drill.drillInto(agg.group(2)));
    UsageDrillDown flat;
    QVERIFY(!flat.canDrill(UsageAggregator::aggregate(m_cube, flat.query()).group(0)));
}

void TestUsageDrillDown::twoLevels()
{
    UsageQuery root;
    root.groupBy = {UsageDimension::ProductFamily, UsageDimension::Metric};
    UsageDrillDown drill(root);
    const UsageAggregate agg = UsageAggregator::aggregate(m_cube, drill.query());
    QVERIFY(drill.drillInto(agg.group(0)));
    QCOMPARE(drill.query().filters.size(), 2);
    QCOMPARE(drill.query().groupBy, (QList<UsageDimension>{UsageDimension::Account, UsageDimension::Zone}));
    const UsageAggregate inside = UsageAggregator::aggregate(m_cube, drill.query());
    QVERIFY(std::abs(inside.grandTotal() - agg.rowTotal(0)) < 1e-6);
}

void TestUsageDrillDown::nextDimensionWrapsAndEnds()
{
    // grouped by the last dimension of the order: wraps to the first unused
    QCOMPARE(UsageDrillDown::nextDimension({}, {UsageDimension::ChargeDescription}),
             UsageDimension::ProductFamily);
    QCOMPARE(UsageDrillDown::nextDimension({{UsageDimension::ProductFamily, QStringLiteral("x"), {}}},
                                           {UsageDimension::ChargeDescription}),
             UsageDimension::Metric);
    // category is not in the order: start from the top
    QCOMPARE(UsageDrillDown::nextDimension({}, {UsageDimension::Category}), UsageDimension::ProductFamily);
    QList<UsageFilter> all;
    for (UsageDimension d : UsageDrillDown::drillOrder())
        all.append({d, QStringLiteral("x"), {}});
    QVERIFY(!UsageDrillDown::nextDimension(all, {}).has_value());
}

void TestUsageDrillDown::organizationDrillsIntoItsAccounts()
{
    // A roll-up grouped by organization: a click lists that organization's accounts.
    QCOMPARE(UsageDrillDown::nextDimension({}, {UsageDimension::Organization}), UsageDimension::Account);
    UsageQuery q;
    q.groupBy = {UsageDimension::Organization};
    UsageGroup group;
    group.keys = {{UsageDimension::Organization, QStringLiteral("org-7"), QStringLiteral("Unit 07")}};
    group.label = QStringLiteral("Unit 07");
    const std::optional<UsageQuery> next = UsageDrillDown::drillQuery(q, group);
    QVERIFY(next.has_value());
    QCOMPARE(next->groupBy, QList<UsageDimension>{UsageDimension::Account});
    QCOMPARE(next->filters.size(), 1);
    QCOMPARE(next->filters.first().dimension, UsageDimension::Organization);
    QCOMPARE(next->filters.first().key, QStringLiteral("org-7"));
    // Two levels (organization, then metric): accounts come first.
    q.groupBy = {UsageDimension::Organization, UsageDimension::Metric};
    group.keys.append({UsageDimension::Metric, QStringLiteral("m"), QStringLiteral("m")});
    const std::optional<UsageQuery> two = UsageDrillDown::drillQuery(q, group);
    QVERIFY(two.has_value());
    QCOMPARE(two->groupBy.value(0), UsageDimension::Account);
    // The organization's accounts already used: the usual order goes on.
    QCOMPARE(UsageDrillDown::nextDimension({{UsageDimension::Account, QStringLiteral("a"), {}}},
                                           {UsageDimension::Organization}),
             UsageDimension::ProductFamily);
    // A single organization's drill order never leads to Organization.
    QVERIFY(!UsageDrillDown::drillOrder().contains(UsageDimension::Organization));
}

QTEST_GUILESS_MAIN(TestUsageDrillDown)
#include "tst_usagedrilldown.moc"
