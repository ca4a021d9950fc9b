#pragma once
// Groups x time buckets of one UsageAggregate as a table: one label column
// per grouping level, then Total (with the comparison cost and the
// difference when the query compares two costs), Previous, Change and
// Change %, then one column per bucket: the figures a reader looks for come
// first, not after thirty days. The last row holds the column totals and
// stays last whatever the sort. Display text is formatted lazily; SortRole
// carries the raw value.

#include "usageaggregate.h"

#include <QAbstractTableModel>
#include <QLocale>
#include <vector>

namespace models {

class UsagePivotModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Roles {
        SortRole = Qt::UserRole + 1, // double for numbers, QString for labels
        RawValueRole,                // double, or invalid when there is no value (change % of 0)
        GroupIndexRole,              // index into the aggregate's groups; -1 on the totals row
        IsTotalsRowRole,
        IsOtherRole,
        ColumnKindRole,  // ColumnKind
        BucketStartRole, // QDate, bucket columns (also in headerData)
    };
    Q_ENUM(Roles)

    enum ColumnKind {
        LabelColumn,
        BucketColumn,
        TotalColumn,
        PreviousColumn,
        ChangeColumn,
        ChangePercentColumn,
        CompareColumn,    // the comparison cost (UsageQuery::compare)
        DifferenceColumn, // measure minus comparison (billed − estimated)
    };
    Q_ENUM(ColumnKind)

    explicit UsagePivotModel(QObject *parent = nullptr);

    // One model reset; cheap (no formatting happens here).
    void setAggregate(const UsageAggregate &aggregate);
    const UsageAggregate &aggregate() const { return m_aggregate; }
    void setLocale(const QLocale &locale);

    int labelColumnCount() const;
    // Total, [comparison, difference,] previous, change, change %.
    int summaryColumnCount() const { return m_aggregate.hasComparison() ? 6 : 4; }
    int bucketColumn(int bucket) const { return labelColumnCount() + summaryColumnCount() + bucket; }
    int totalColumn() const { return labelColumnCount(); }
    int compareColumn() const { return m_aggregate.hasComparison() ? totalColumn() + 1 : -1; }
    int differenceColumn() const { return m_aggregate.hasComparison() ? totalColumn() + 2 : -1; }
    int previousColumn() const { return totalColumn() + summaryColumnCount() - 3; }
    int changeColumn() const { return previousColumn() + 1; }
    int changePercentColumn() const { return previousColumn() + 2; }
    // The column of that kind (the first bucket for BucketColumn), or -1.
    int columnOfKind(ColumnKind kind) const;
    ColumnKind columnKind(int column) const;
    // Group of a row (-1 for the totals row), after sorting.
    int groupIndex(int row) const;
    int totalsRow() const { return m_aggregate.groupCount(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    // Sorts the group rows; the totals row stays last.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QString formatValue(double value) const;

private:
    std::optional<double> rawValue(int group, int column) const;
    std::vector<int> sortedOrder(int column, Qt::SortOrder order) const;
    QVariant labelData(int group, int column) const;

    UsageAggregate m_aggregate;
    std::vector<int> m_order; // row -> group
    QLocale m_locale;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace models
