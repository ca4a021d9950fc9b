#pragma once
// Groups x time buckets of one UsageAggregate as a table: one label column
// per grouping level, one column per bucket, then Total, Previous, Change and
// Change %. The last row holds the column totals and stays last whatever the
// sort. Display text is formatted lazily; SortRole carries the raw value.

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
        ChangePercentColumn
    };
    Q_ENUM(ColumnKind)

    explicit UsagePivotModel(QObject *parent = nullptr);

    // One model reset; cheap (no formatting happens here).
    void setAggregate(const UsageAggregate &aggregate);
    const UsageAggregate &aggregate() const { return m_aggregate; }
    void setLocale(const QLocale &locale);

    int labelColumnCount() const;
    int bucketColumn(int bucket) const { return labelColumnCount() + bucket; }
    int totalColumn() const { return labelColumnCount() + m_aggregate.bucketCount(); }
    int previousColumn() const { return totalColumn() + 1; }
    int changeColumn() const { return totalColumn() + 2; }
    int changePercentColumn() const { return totalColumn() + 3; }
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
