#include "usagetestdata.h"

#include "models/usage/usageaggregator.h"
#include "models/usage/usagebreakdownmodel.h"
#include "models/usage/usagecube.h"
#include "models/usage/usagepivotmodel.h"
#include "models/usage/usageseriesmodel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>
#include <cmath>

using namespace models;
using usagetest::record;

class TestUsageModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pivotShape();
    void pivotDisplayAndRawRoles();
    void pivotSortKeepsTotalsLast();
    void pivotSortKeepsOtherBelowNames();
    void pivotSortSurvivesRegroup();
    void pivotPersistentIndexFollowsSort();
    void pivotMixedUnitsTotals();
    void pivotWithPlainProxy();
    void pivotEmpty();
    void pivotComparesTwoCosts();
    void seriesModel();
    void breakdownModel();

private:
    UsageAggregate aggregate(QList<UsageDimension> groupBy, UsageGranularity g = UsageGranularity::Week,
                             int topN = 0, UsageMeasure m = UsageMeasure::ConsumedQuantity) const;

    UsageCube m_cube;
    UsagePivotModel *m_pivot = nullptr;
    UsageSeriesModel *m_series = nullptr;
    UsageBreakdownModel *m_breakdown = nullptr;
};

void TestUsageModels::initTestCase()
{
    usagetest::RandomSpec spec;
    spec.seed = 11;
    spec.days = 60;
    m_cube.addRecords(usagetest::randomRecords(spec));
    // Models and their testers live for the whole test, parented to it.
    m_pivot = new UsagePivotModel(this);
    m_series = new UsageSeriesModel(this);
    m_breakdown = new UsageBreakdownModel(this);
    m_pivot->setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    for (QAbstractItemModel *m :
         {static_cast<QAbstractItemModel *>(m_pivot), static_cast<QAbstractItemModel *>(m_series),
          static_cast<QAbstractItemModel *>(m_breakdown)})
        new QAbstractItemModelTester(m, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

UsageAggregate TestUsageModels::aggregate(QList<UsageDimension> groupBy, UsageGranularity g, int topN,
                                          UsageMeasure m) const
{
    UsageQuery q;
    q.groupBy = groupBy;
    q.granularity = g;
    q.topN = topN;
    q.measure = m;
    const UsageDayRange extent = m_cube.dayExtent();
    q.range = {extent.last - 27, extent.last};
    return UsageAggregator::aggregate(m_cube, q);
}

void TestUsageModels::pivotShape()
{
    QSignalSpy reset(m_pivot, &QAbstractItemModel::modelReset);
    const UsageAggregate agg = aggregate({UsageDimension::Account, UsageDimension::ProductFamily});
    m_pivot->setAggregate(agg);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_pivot->rowCount(), agg.groupCount() + 1);
    QCOMPARE(m_pivot->labelColumnCount(), 2);
    QCOMPARE(m_pivot->columnCount(), 2 + agg.bucketCount() + 4);
    // Totals, previous and change right after the group names, the buckets after them
    // (issue 26 item 6: not after thirty date columns).
    QCOMPARE(m_pivot->columnKind(0), UsagePivotModel::LabelColumn);
    QCOMPARE(m_pivot->columnKind(2), UsagePivotModel::TotalColumn);
    QCOMPARE(m_pivot->columnKind(3), UsagePivotModel::PreviousColumn);
    QCOMPARE(m_pivot->columnKind(4), UsagePivotModel::ChangeColumn);
    QCOMPARE(m_pivot->columnKind(5), UsagePivotModel::ChangePercentColumn);
    QCOMPARE(m_pivot->columnKind(6), UsagePivotModel::BucketColumn);
    QCOMPARE(m_pivot->totalColumn(), 2);
    QCOMPARE(m_pivot->bucketColumn(0), 6);
    QCOMPARE(m_pivot->columnKind(m_pivot->columnCount() - 1), UsagePivotModel::BucketColumn);
    QCOMPARE(m_pivot->compareColumn(), -1);
    QCOMPARE(m_pivot->headerData(0, Qt::Horizontal).toString(), usageDimensionName(UsageDimension::Account));
    QCOMPARE(m_pivot->headerData(6, Qt::Horizontal).toString(), agg.bucketLabel(0));
    QCOMPARE(m_pivot->headerData(6, Qt::Horizontal, UsagePivotModel::BucketStartRole).toDate(),
             agg.bucketStart(0));
    const int totals = m_pivot->rowCount() - 1;
    QVERIFY(m_pivot->index(totals, 0).data(UsagePivotModel::IsTotalsRowRole).toBool());
    QCOMPARE(m_pivot->index(totals, 0).data().toString(), QStringLiteral("Total"));
    QCOMPARE(m_pivot->index(totals, m_pivot->totalColumn()).data(UsagePivotModel::RawValueRole).toDouble(),
             agg.grandTotal());
    QCOMPARE(m_pivot->index(0, 1).data().toString(), agg.group(0).keys[1].label);
    // single level: one label column; no grouping: one "Total" group
    m_pivot->setAggregate(aggregate({}));
    QCOMPARE(m_pivot->labelColumnCount(), 1);
    QCOMPARE(m_pivot->rowCount(), 2);
    QCOMPARE(m_pivot->index(0, 0).data().toString(), QStringLiteral("Total"));
}

void TestUsageModels::pivotDisplayAndRawRoles()
{
    const UsageAggregate agg =
        aggregate({UsageDimension::Metric}, UsageGranularity::Week, 0, UsageMeasure::BilledCost);
    m_pivot->setAggregate(agg);
    const QModelIndex cell = m_pivot->index(0, m_pivot->bucketColumn(1));
    const double raw = agg.value(m_pivot->groupIndex(0), 1);
    QCOMPARE(cell.data(UsagePivotModel::SortRole).toDouble(), raw);
    QCOMPARE(cell.data(UsagePivotModel::RawValueRole).toDouble(), raw);
    // costs: the locale's currency format, two decimals
    QCOMPARE(cell.data().toString(),
             QLocale(QLocale::English, QLocale::UnitedStates).toCurrencyString(raw, QStringLiteral("$"), 2));
    QVERIFY(cell.data().toString().startsWith(QLatin1Char('$')));
    QCOMPARE(cell.data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    QCOMPARE(m_pivot->headerData(m_pivot->totalColumn(), Qt::Horizontal).toString(),
             QStringLiteral("Total (USD)"));
    // Weeks the range cuts say so (28 days from a given day: at least one is cut unless it is a Monday).
    for (int b = 0; b < agg.bucketCount(); ++b) {
        const QString tip =
            m_pivot->headerData(m_pivot->bucketColumn(b), Qt::Horizontal, Qt::ToolTipRole).toString();
        QCOMPARE(tip.contains(QStringLiteral("Partial")), agg.bucketPartial(b));
        QCOMPARE(m_pivot->headerData(m_pivot->bucketColumn(b), Qt::Horizontal, Qt::FontRole)
                     .value<QFont>()
                     .italic(),
                 agg.bucketPartial(b));
    }
    // change columns carry a sign; change % without a previous value is a dash and invalid raw value
    for (int r = 0; r < m_pivot->rowCount() - 1; ++r) {
        const int g = m_pivot->groupIndex(r);
        const QModelIndex pct = m_pivot->index(r, m_pivot->changePercentColumn());
        if (agg.previous(g) == 0) {
            QCOMPARE(pct.data().toString(), QStringLiteral("—"));
            QVERIFY(!pct.data(UsagePivotModel::RawValueRole).isValid());
        } else {
            QVERIFY(pct.data().toString().endsWith(QStringLiteral(" %")));
            QCOMPARE(pct.data(UsagePivotModel::RawValueRole).toDouble(), *agg.changePercent(g));
        }
        const QModelIndex change = m_pivot->index(r, m_pivot->changeColumn());
        if (agg.change(g) > 0)
            QVERIFY(change.data().toString().startsWith(QLatin1Char('+')));
    }
    // another locale: its separators, and the ISO code for a foreign currency
    m_pivot->setLocale(QLocale(QLocale::German, QLocale::Germany));
    const QString german = m_pivot->index(0, m_pivot->bucketColumn(1)).data().toString();
    QCOMPARE(german,
             QLocale(QLocale::German, QLocale::Germany).toString(raw, 'f', 2) + QStringLiteral(" USD"));
    QVERIFY2(german.endsWith(QStringLiteral("USD")) && german.contains(QLatin1Char(',')), qPrintable(german));
    // a code is a word of its own, also where the locale writes symbols first
    m_pivot->setLocale(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QVERIFY(m_pivot->index(0, m_pivot->bucketColumn(1)).data().toString().endsWith(QStringLiteral(" USD")));
    m_pivot->setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    // quantities: whole numbers without decimals
    UsageCube cube;
    cube.addRecords({record(QDate(2026, 1, 1), QStringLiteral("a"), QStringLiteral("m"), 1234567)});
    m_pivot->setAggregate(UsageAggregator::aggregate(cube, {}));
    QCOMPARE(m_pivot->index(0, 1).data().toString(), QStringLiteral("1,234,567"));
}

void TestUsageModels::pivotSortKeepsTotalsLast()
{
    m_pivot->setAggregate(aggregate({UsageDimension::Account}));
    const int last = m_pivot->rowCount() - 1;
    for (int column = 0; column < m_pivot->columnCount(); ++column) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            m_pivot->sort(column, order);
            QVERIFY(m_pivot->index(last, 0).data(UsagePivotModel::IsTotalsRowRole).toBool());
            for (int r = 1; r < last; ++r) {
                const QVariant a = m_pivot->index(r - 1, column).data(UsagePivotModel::SortRole);
                const QVariant b = m_pivot->index(r, column).data(UsagePivotModel::SortRole);
                if (column == 0) {
                    const int c = QString::localeAwareCompare(a.toString(), b.toString());
                    QVERIFY(order == Qt::AscendingOrder ? c <= 0 : c >= 0);
                } else if (std::isfinite(a.toDouble()) && std::isfinite(b.toDouble())) {
                    QVERIFY(order == Qt::AscendingOrder ? a.toDouble() <= b.toDouble()
                                                        : a.toDouble() >= b.toDouble());
                } else {
                    QVERIFY(!std::isfinite(b.toDouble())); // rows without a value sink
                }
            }
        }
    }
    // every group appears once whatever the order
    QSet<int> groups;
    for (int r = 0; r < last; ++r)
        groups.insert(m_pivot->groupIndex(r));
    QCOMPARE(groups.size(), last);
}

void TestUsageModels::pivotSortKeepsOtherBelowNames()
{
    const UsageAggregate agg = aggregate({UsageDimension::Account}, UsageGranularity::Month, 2);
    QVERIFY(agg.group(agg.groupCount() - 1).isOther);
    m_pivot->setAggregate(agg);
    for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        m_pivot->sort(0, order);
        QVERIFY(m_pivot->index(m_pivot->rowCount() - 2, 0).data(UsagePivotModel::IsOtherRole).toBool());
    }
    QVERIFY(m_pivot->index(m_pivot->rowCount() - 2, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1Char('4')));
}

void TestUsageModels::pivotSortSurvivesRegroup()
{
    m_pivot->setAggregate(aggregate({UsageDimension::Account}));
    m_pivot->sort(m_pivot->totalColumn(), Qt::AscendingOrder);
    m_pivot->setAggregate(aggregate({UsageDimension::Metric}, UsageGranularity::Day));
    for (int r = 1; r < m_pivot->rowCount() - 1; ++r)
        QVERIFY(m_pivot->index(r - 1, m_pivot->totalColumn()).data(UsagePivotModel::SortRole).toDouble() <=
                m_pivot->index(r, m_pivot->totalColumn()).data(UsagePivotModel::SortRole).toDouble());
    // a bucket-column sort does not carry over (the buckets changed)
    m_pivot->sort(m_pivot->bucketColumn(0), Qt::DescendingOrder);
    const UsageAggregate agg = aggregate({UsageDimension::Account}, UsageGranularity::Week);
    m_pivot->setAggregate(agg);
    for (int r = 0; r < m_pivot->rowCount() - 1; ++r)
        QCOMPARE(m_pivot->groupIndex(r), r);
}

void TestUsageModels::pivotPersistentIndexFollowsSort()
{
    m_pivot->setAggregate(aggregate({UsageDimension::Account}));
    const QPersistentModelIndex first(m_pivot->index(0, 0));
    const QPersistentModelIndex totals(m_pivot->index(m_pivot->rowCount() - 1, 1));
    const QString label = first.data().toString();
    QSignalSpy layout(m_pivot, &QAbstractItemModel::layoutChanged);
    m_pivot->sort(m_pivot->totalColumn(), Qt::AscendingOrder);
    QCOMPARE(layout.size(), 1);
    QCOMPARE(first.data().toString(), label);
    QCOMPARE(first.row(), m_pivot->rowCount() - 2); // the largest is now last of the groups
    QCOMPARE(totals.row(), m_pivot->rowCount() - 1);
    // sorting again the same way changes nothing and says nothing
    m_pivot->sort(m_pivot->totalColumn(), Qt::AscendingOrder);
    QCOMPARE(layout.size(), 1);
}

void TestUsageModels::pivotMixedUnitsTotals()
{
    const UsageAggregate agg = aggregate({UsageDimension::Metric});
    QVERIFY(agg.unitsMixed());
    m_pivot->setAggregate(agg);
    const int totals = m_pivot->rowCount() - 1;
    QCOMPARE(m_pivot->index(totals, m_pivot->totalColumn()).data().toString(), QStringLiteral("—"));
    QVERIFY(!m_pivot->index(totals, m_pivot->totalColumn()).data(Qt::ToolTipRole).toString().isEmpty());
    // the raw value is still there for whoever wants it
    QCOMPARE(m_pivot->index(totals, m_pivot->totalColumn()).data(UsagePivotModel::RawValueRole).toDouble(),
             agg.grandTotal());
    QVERIFY(m_pivot->index(0, m_pivot->totalColumn()).data().toString() != QStringLiteral("—"));
}

void TestUsageModels::pivotWithPlainProxy()
{
    auto *proxy = new QSortFilterProxyModel(this);
    new QAbstractItemModelTester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, proxy);
    proxy->setSourceModel(m_pivot);
    proxy->setSortRole(UsagePivotModel::SortRole);
    m_pivot->setAggregate(aggregate({UsageDimension::Zone}));
    proxy->sort(m_pivot->totalColumn(), Qt::DescendingOrder);
    QCOMPARE(proxy->rowCount(), m_pivot->rowCount());
    double previous = std::numeric_limits<double>::infinity();
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const double v = proxy->index(r, m_pivot->totalColumn()).data(UsagePivotModel::SortRole).toDouble();
        QVERIFY(v <= previous);
        previous = v;
    }
    delete proxy;
}

void TestUsageModels::pivotEmpty()
{
    m_pivot->setAggregate(UsageAggregate());
    QCOMPARE(m_pivot->rowCount(), 0);
    QCOMPARE(m_pivot->columnCount(), 5);
    m_pivot->sort(1, Qt::AscendingOrder);
    QCOMPARE(m_pivot->rowCount(), 0);
}

void TestUsageModels::pivotComparesTwoCosts()
{
    // Billed and list cost side by side with the difference, after the total.
    UsageQuery q;
    q.groupBy = {UsageDimension::ProductFamily};
    q.measure = UsageMeasure::BilledCost;
    q.compare = UsageMeasure::ListCost;
    q.range = {m_cube.dayExtent().last - 27, m_cube.dayExtent().last};
    const UsageAggregate agg = UsageAggregator::aggregate(m_cube, q);
    m_pivot->setAggregate(agg);
    QCOMPARE(m_pivot->columnCount(), 1 + 6 + agg.bucketCount());
    QCOMPARE(m_pivot->compareColumn(), 2);
    QCOMPARE(m_pivot->differenceColumn(), 3);
    QCOMPARE(m_pivot->columnKind(2), UsagePivotModel::CompareColumn);
    QCOMPARE(m_pivot->columnKind(3), UsagePivotModel::DifferenceColumn);
    QCOMPARE(m_pivot->columnKind(4), UsagePivotModel::PreviousColumn);
    QCOMPARE(m_pivot->bucketColumn(0), 7);
    QCOMPARE(m_pivot->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Billed cost (USD)"));
    QCOMPARE(m_pivot->headerData(2, Qt::Horizontal).toString(), QStringLiteral("List cost"));
    QCOMPARE(m_pivot->headerData(3, Qt::Horizontal).toString(), QStringLiteral("Difference"));
    for (int r = 0; r < m_pivot->rowCount(); ++r) {
        const int g = m_pivot->groupIndex(r);
        const double billed = g < 0 ? agg.grandTotal() : agg.rowTotal(g);
        const double list = g < 0 ? agg.compareGrandTotal() : agg.compareTotal(g);
        QCOMPARE(m_pivot->index(r, 2).data(UsagePivotModel::RawValueRole).toDouble(), list);
        QCOMPARE(m_pivot->index(r, 3).data(UsagePivotModel::RawValueRole).toDouble(), billed - list);
        QVERIFY(m_pivot->index(r, 3).data().toString().contains(QLatin1Char('$')));
    }
    // Sorting by the difference keeps to that column after a regroup.
    m_pivot->sort(3, Qt::AscendingOrder);
    m_pivot->setAggregate(agg);
    for (int r = 1; r < m_pivot->rowCount() - 1; ++r)
        QVERIFY(m_pivot->index(r - 1, 3).data(UsagePivotModel::SortRole).toDouble() <=
                m_pivot->index(r, 3).data(UsagePivotModel::SortRole).toDouble());
}

void TestUsageModels::seriesModel()
{
    const UsageAggregate agg = aggregate({UsageDimension::ProductFamily}, UsageGranularity::Day, 1);
    m_series->setAggregate(agg);
    QCOMPARE(m_series->rowCount(), agg.bucketCount());
    QCOMPARE(m_series->columnCount(), agg.groupCount() + 1);
    QCOMPARE(m_series->seriesCount(), agg.groupCount());
    const qint64 ms = QDateTime(agg.bucketStart(3), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    QCOMPARE(m_series->index(3, 0).data().toDouble(), double(ms));
    QCOMPARE(m_series->index(3, 0).data(UsageSeriesModel::BucketStartRole).toDate(), agg.bucketStart(3));
    QCOMPARE(m_series->index(3, 2).data().toDouble(), agg.value(1, 3));
    QCOMPARE(m_series->headerData(2, Qt::Horizontal).toString(), agg.group(1).label);
    QCOMPARE(m_series->headerData(2, Qt::Horizontal, UsageSeriesModel::GroupIndexRole).toInt(), 1);
    const QList<QPointF> points = m_series->points(1);
    QCOMPARE(points.size(), agg.bucketCount());
    QCOMPARE(points[3], QPointF(double(ms), agg.value(1, 3)));
    QVERIFY(m_series->points(99).isEmpty());
    QCOMPARE(m_series->seriesLabel(agg.groupCount() - 1), QStringLiteral("Other"));
    QVERIFY(m_series->index(0, agg.groupCount()).data(UsageSeriesModel::IsOtherRole).toBool());
    m_series->setAggregate(UsageAggregate());
    QCOMPARE(m_series->rowCount(), 0);
    QCOMPARE(m_series->columnCount(), 1);
}

void TestUsageModels::breakdownModel()
{
    const UsageAggregate agg = aggregate({UsageDimension::Account}, UsageGranularity::Month, 3);
    m_breakdown->setAggregate(agg);
    QCOMPARE(m_breakdown->rowCount(), agg.groupCount());
    QCOMPARE(m_breakdown->columnCount(), int(UsageBreakdownModel::ColumnCount));
    double shares = 0;
    for (int r = 0; r < m_breakdown->rowCount(); ++r) {
        QCOMPARE(m_breakdown->index(r, UsageBreakdownModel::ValueColumn).data().toDouble(), agg.rowTotal(r));
        QCOMPARE(m_breakdown->index(r, UsageBreakdownModel::LabelColumn).data().toString(),
                 agg.group(r).label);
        shares += m_breakdown->index(r, UsageBreakdownModel::ShareColumn).data().toDouble();
    }
    QVERIFY(std::abs(shares - 100.0) < 1e-9);
    QVERIFY(m_breakdown->index(3, 0).data(UsageBreakdownModel::IsOtherRole).toBool());
    QVERIFY(!m_breakdown->index(0, 0).data(UsageBreakdownModel::FormattedRole).toString().isEmpty());

    // negative totals (a correction larger than the usage) do not break the shares
    UsageCube cube;
    api::UsageRecord c = record(QDate(2026, 1, 1), QStringLiteral("a"), QStringLiteral("m"), -5);
    c.chargeClass = QStringLiteral("Correction");
    cube.addRecords({record(QDate(2026, 1, 1), QStringLiteral("b"), QStringLiteral("m"), 10), c});
    UsageQuery q;
    q.groupBy = {UsageDimension::Account};
    m_breakdown->setAggregate(UsageAggregator::aggregate(cube, q));
    QCOMPARE(m_breakdown->share(0), 100.0);
    QCOMPARE(m_breakdown->share(1), 0.0);
}

QTEST_MAIN(TestUsageModels)
#include "tst_usagemodels.moc"
