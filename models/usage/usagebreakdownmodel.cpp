#include "usagebreakdownmodel.h"

#include <QLocale>

namespace models {

UsageBreakdownModel::UsageBreakdownModel(QObject *parent) : QAbstractTableModel(parent) {}

void UsageBreakdownModel::setAggregate(const UsageAggregate &aggregate)
{
    beginResetModel();
    m_aggregate = aggregate;
    m_positiveTotal = 0;
    for (int g = 0; g < m_aggregate.groupCount(); ++g)
        m_positiveTotal += qMax(0.0, m_aggregate.rowTotal(g));
    endResetModel();
}

double UsageBreakdownModel::share(int row) const
{
    if (row < 0 || row >= rowCount() || m_positiveTotal <= 0)
        return 0;
    return qMax(0.0, m_aggregate.rowTotal(row)) / m_positiveTotal * 100.0;
}

int UsageBreakdownModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_aggregate.groupCount();
}

int UsageBreakdownModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsageBreakdownModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int g = index.row();
    const UsageGroup &group = m_aggregate.group(g);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case LabelColumn:
            return group.label;
        case ValueColumn:
            return m_aggregate.rowTotal(g);
        case ShareColumn:
            return share(g);
        }
        return {};
    case FormattedRole:
    case Qt::ToolTipRole:
        return QStringLiteral("%1: %2 %3 (%4 %)")
            .arg(group.label, QLocale().toString(m_aggregate.rowTotal(g), 'f', 2), group.unit,
                 QLocale().toString(share(g), 'f', 1));
    case GroupIndexRole:
        return g;
    case IsOtherRole:
        return group.isOther;
    default:
        return {};
    }
}

QVariant UsageBreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LabelColumn:
        return tr("Group");
    case ValueColumn:
        return m_aggregate.unit().isEmpty() ? tr("Total") : tr("Total (%1)").arg(m_aggregate.unit());
    case ShareColumn:
        return tr("Share %");
    }
    return {};
}

} // namespace models
