#pragma once
// Donut feed: one row per group with its total over the range and its share.
// Column Value holds a raw number in DisplayRole so that QPieModelMapper reads
// it; a group whose total is negative (corrections) is reported with share 0.

#include "usageaggregate.h"

#include <QAbstractTableModel>

namespace models {

class UsageBreakdownModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { LabelColumn, ValueColumn, ShareColumn, ColumnCount };
    Q_ENUM(Column)
    enum Roles {
        GroupIndexRole = Qt::UserRole + 1,
        IsOtherRole,
        FormattedRole, // "1,234.50 USD" for tooltips and legends
    };
    Q_ENUM(Roles)

    explicit UsageBreakdownModel(QObject *parent = nullptr);

    void setAggregate(const UsageAggregate &aggregate);
    const UsageAggregate &aggregate() const { return m_aggregate; }
    double share(int row) const; // 0..100

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    UsageAggregate m_aggregate;
    double m_positiveTotal = 0;
};

} // namespace models
