#include "usagepivotmodel.h"

#include <QFont>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace models {

UsagePivotModel::UsagePivotModel(QObject *parent) : QAbstractTableModel(parent) {}

void UsagePivotModel::setAggregate(const UsageAggregate &aggregate)
{
    beginResetModel();
    // Keep the user's sort across regroups when the column still means the
    // same thing (labels, totals, change); bucket columns move, so not those.
    const ColumnKind kind = m_sortColumn >= 0 ? columnKind(m_sortColumn) : LabelColumn;
    m_aggregate = aggregate;
    m_order.resize(size_t(m_aggregate.groupCount()));
    std::iota(m_order.begin(), m_order.end(), 0);
    if (m_sortColumn >= 0) {
        if (kind == LabelColumn && m_sortColumn < labelColumnCount())
            m_order = sortedOrder(m_sortColumn, m_sortOrder);
        else if (kind != LabelColumn && kind != BucketColumn && columnOfKind(kind) >= 0)
            m_order = sortedOrder(m_sortColumn = columnOfKind(kind), m_sortOrder);
        else
            m_sortColumn = -1;
    }
    endResetModel();
}

void UsagePivotModel::setLocale(const QLocale &locale)
{
    m_locale = locale;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::DisplayRole});
}

int UsagePivotModel::labelColumnCount() const
{
    return int(qMax<qsizetype>(1, m_aggregate.query().groupBy.size()));
}

UsagePivotModel::ColumnKind UsagePivotModel::columnKind(int column) const
{
    if (column < labelColumnCount())
        return LabelColumn;
    if (column >= bucketColumn(0))
        return BucketColumn;
    if (column == totalColumn())
        return TotalColumn;
    if (column == compareColumn())
        return CompareColumn;
    if (column == differenceColumn())
        return DifferenceColumn;
    if (column == previousColumn())
        return PreviousColumn;
    if (column == changeColumn())
        return ChangeColumn;
    return ChangePercentColumn;
}

int UsagePivotModel::columnOfKind(ColumnKind kind) const
{
    switch (kind) {
    case LabelColumn:
        return 0;
    case BucketColumn:
        return m_aggregate.bucketCount() > 0 ? bucketColumn(0) : -1;
    case TotalColumn:
        return totalColumn();
    case CompareColumn:
        return compareColumn();
    case DifferenceColumn:
        return differenceColumn();
    case PreviousColumn:
        return previousColumn();
    case ChangeColumn:
        return changeColumn();
    case ChangePercentColumn:
        return changePercentColumn();
    }
    return -1;
}

int UsagePivotModel::groupIndex(int row) const
{
    if (row >= 0 && size_t(row) < m_order.size())
        return m_order[size_t(row)];
    return -1;
}

int UsagePivotModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    // No totals row without data: an empty result is an empty table.
    return m_aggregate.groupCount() > 0 ? m_aggregate.groupCount() + 1 : 0;
}

int UsagePivotModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return labelColumnCount() + summaryColumnCount() + m_aggregate.bucketCount();
}

std::optional<double> UsagePivotModel::rawValue(int group, int column) const
{
    const bool totals = group < 0;
    switch (columnKind(column)) {
    case LabelColumn:
        return std::nullopt;
    case BucketColumn: {
        const int b = column - bucketColumn(0);
        return totals ? m_aggregate.columnTotal(b) : m_aggregate.value(group, b);
    }
    case CompareColumn: {
        const double v = totals ? m_aggregate.compareGrandTotal() : m_aggregate.compareTotal(group);
        return std::isnan(v) ? std::nullopt : std::optional<double>(v);
    }
    case DifferenceColumn: {
        const double v = totals ? m_aggregate.grandTotal() - m_aggregate.compareGrandTotal()
                                : m_aggregate.rowTotal(group) - m_aggregate.compareTotal(group);
        return std::isnan(v) ? std::nullopt : std::optional<double>(v);
    }
    case TotalColumn:
        return totals ? m_aggregate.grandTotal() : m_aggregate.rowTotal(group);
    case PreviousColumn:
        return totals ? m_aggregate.previousTotal() : m_aggregate.previous(group);
    case ChangeColumn:
        return totals ? m_aggregate.grandTotal() - m_aggregate.previousTotal() : m_aggregate.change(group);
    case ChangePercentColumn:
        if (totals) {
            if (m_aggregate.previousTotal() == 0)
                return std::nullopt;
            return (m_aggregate.grandTotal() - m_aggregate.previousTotal()) /
                   qAbs(m_aggregate.previousTotal()) * 100.0;
        }
        return m_aggregate.changePercent(group);
    }
    return std::nullopt;
}

QVariant UsagePivotModel::labelData(int group, int column) const
{
    if (group < 0)
        return column == 0 ? tr("Total") : QString();
    const UsageGroup &g = m_aggregate.group(group);
    if (g.keys.isEmpty())
        return column == 0 ? g.label : QString();
    return column < g.keys.size() ? g.keys[column].label : QString();
}

QString UsagePivotModel::formatValue(double value) const
{
    const bool cost = usageMeasureIsCost(m_aggregate.measure());
    if (cost && !m_aggregate.unit().isEmpty()) {
        // The locale's currency format; its own symbol for its own currency
        // ("$12.50" in the US, "12,50 €" in Germany), else the ISO code
        // ("12,50 USD"), which no reader mistakes for another currency.
        const QString iso = m_aggregate.unit();
        if (m_locale.currencySymbol(QLocale::CurrencyIsoCode) == iso)
            return m_locale.toCurrencyString(value, m_locale.currencySymbol(QLocale::CurrencySymbol), 2);
        // A code is a word: "12.50 USD", never "12.50USD".
        return m_locale.toString(value, 'f', 2) + QLatin1Char(' ') + iso;
    }
    const bool whole = std::abs(value - std::round(value)) < 1e-9;
    if (!cost && (whole || std::abs(value) >= 1000))
        return m_locale.toString(value, 'f', 0);
    return m_locale.toString(value, 'f', 2);
}

QVariant UsagePivotModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const bool totals = row == totalsRow();
    const int group = totals ? -1 : m_order[size_t(row)];
    const ColumnKind kind = columnKind(column);

    switch (role) {
    case Qt::DisplayRole: {
        if (kind == LabelColumn)
            return labelData(group, column);
        // Adding quantities of different units gives a number without meaning.
        if (totals && m_aggregate.unitsMixed())
            return QStringLiteral("—");
        const std::optional<double> v = rawValue(group, column);
        if (!v)
            return QStringLiteral("—");
        if (kind == ChangePercentColumn)
            return QString((*v > 0 ? QStringLiteral("+") : QString()) + m_locale.toString(*v, 'f', 1) +
                           QStringLiteral(" %"));
        if ((kind == ChangeColumn || kind == DifferenceColumn) && *v > 0)
            return QString(QStringLiteral("+") + formatValue(*v));
        return formatValue(*v);
    }
    case SortRole:
        if (kind == LabelColumn)
            return labelData(group, column);
        return rawValue(group, column).value_or(-std::numeric_limits<double>::infinity());
    case RawValueRole: {
        const std::optional<double> v = rawValue(group, column);
        return v ? QVariant(*v) : QVariant();
    }
    case Qt::ToolTipRole: {
        if (totals && m_aggregate.unitsMixed() && kind != LabelColumn)
            return tr("The groups are in different units; group by metric to compare quantities.");
        if ((kind == PreviousColumn || kind == ChangeColumn || kind == ChangePercentColumn) &&
            !m_aggregate.previousCovered())
            return tr("The previous period (%1 to %2) is not fully loaded.")
                .arg(m_aggregate.previousRange().firstDate().toString(Qt::ISODate),
                     m_aggregate.previousRange().lastDate().toString(Qt::ISODate));
        if (kind == CompareColumn || kind == DifferenceColumn) {
            const UsageMeasure other = m_aggregate.compareMeasure().value_or(UsageMeasure::EstimatedCost);
            if (!rawValue(group, column))
                return tr("No record of this group carries %1.").arg(usageMeasureName(other).toLower());
            if (kind == DifferenceColumn)
                return tr("%1 minus %2")
                    .arg(usageMeasureName(m_aggregate.measure()), usageMeasureName(other).toLower());
        }
        if (kind == LabelColumn && !totals) {
            const UsageGroup &g = m_aggregate.group(group);
            if (g.isOther)
                return tr("%n more group(s)", nullptr, g.foldedGroups);
            if (g.correctionRows > 0)
                return tr("Includes %n correction row(s)", nullptr, int(g.correctionRows));
        }
        return {};
    }
    case Qt::TextAlignmentRole:
        return kind == LabelColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (totals) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case GroupIndexRole:
        return group;
    case IsTotalsRowRole:
        return totals;
    case IsOtherRole:
        return !totals && m_aggregate.group(group).isOther;
    case ColumnKindRole:
        return int(kind);
    case BucketStartRole:
        if (kind == BucketColumn)
            return m_aggregate.bucketStart(column - bucketColumn(0));
        return {};
    default:
        return {};
    }
}

QVariant UsagePivotModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const ColumnKind kind = columnKind(section);
    if (role == Qt::DisplayRole) {
        switch (kind) {
        case LabelColumn: {
            const QList<UsageDimension> &levels = m_aggregate.query().groupBy;
            return section < levels.size() ? usageDimensionName(levels[section]) : tr("Group");
        }
        case BucketColumn:
            return m_aggregate.bucketLabel(section - bucketColumn(0));
        case CompareColumn:
            return usageMeasureName(m_aggregate.compareMeasure().value_or(UsageMeasure::EstimatedCost));
        case DifferenceColumn:
            return tr("Difference");
        case TotalColumn:
            if (m_aggregate.hasComparison())
                return tr("%1 (%2)").arg(usageMeasureName(m_aggregate.measure()), m_aggregate.unit());
            return m_aggregate.unit().isEmpty() ? tr("Total") : tr("Total (%1)").arg(m_aggregate.unit());
        case PreviousColumn:
            return tr("Previous period");
        case ChangeColumn:
            return tr("Change");
        case ChangePercentColumn:
            return tr("Change %");
        }
    }
    if (role == BucketStartRole && kind == BucketColumn)
        return m_aggregate.bucketStart(section - bucketColumn(0));
    if (role == ColumnKindRole)
        return int(kind);
    if (role == Qt::ToolTipRole && kind == BucketColumn) {
        const int b = section - bucketColumn(0);
        QString text = tr("%1 to %2")
                           .arg(m_aggregate.bucketStart(b).toString(Qt::ISODate),
                                m_aggregate.bucketLast(b).toString(Qt::ISODate));
        if (m_aggregate.bucketPartial(b))
            text +=
                QLatin1Char('\n') + tr("Partial: %1 of %2 days are in the range, so a lower figure is not a "
                                       "drop.")
                                        .arg(m_aggregate.bucketDays(b))
                                        .arg(m_aggregate.bucketPeriodDays(b));
        return text;
    }
    // A partial week or month reads in italics, as the charts draw it faint.
    if (role == Qt::FontRole && kind == BucketColumn &&
        m_aggregate.bucketPartial(section - bucketColumn(0))) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    return {};
}

QHash<int, QByteArray> UsagePivotModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(RawValueRole, "rawValue");
    names.insert(GroupIndexRole, "groupIndex");
    names.insert(IsTotalsRowRole, "isTotalsRow");
    names.insert(IsOtherRole, "isOther");
    names.insert(ColumnKindRole, "columnKind");
    names.insert(BucketStartRole, "bucketStart");
    return names;
}

std::vector<int> UsagePivotModel::sortedOrder(int column, Qt::SortOrder order) const
{
    std::vector<int> sorted(size_t(m_aggregate.groupCount()));
    std::iota(sorted.begin(), sorted.end(), 0);
    if (columnKind(column) == LabelColumn) {
        std::vector<QString> labels(sorted.size());
        for (size_t g = 0; g < sorted.size(); ++g)
            labels[g] = labelData(int(g), column).toString();
        std::stable_sort(sorted.begin(), sorted.end(), [&](int a, int b) {
            // "Other" is not a name: it stays below the named groups.
            const bool oa = m_aggregate.group(a).isOther;
            const bool ob = m_aggregate.group(b).isOther;
            if (oa != ob)
                return ob;
            const int c = QString::localeAwareCompare(labels[size_t(a)], labels[size_t(b)]);
            return order == Qt::AscendingOrder ? c < 0 : c > 0;
        });
    } else {
        std::vector<double> keys(sorted.size());
        for (size_t g = 0; g < sorted.size(); ++g)
            keys[g] = rawValue(int(g), column).value_or(std::numeric_limits<double>::quiet_NaN());
        std::stable_sort(sorted.begin(), sorted.end(), [&](int a, int b) {
            const double ka = keys[size_t(a)];
            const double kb = keys[size_t(b)];
            // Rows without a value (change % from 0) go last in both orders.
            if (std::isnan(ka) || std::isnan(kb))
                return !std::isnan(ka) && std::isnan(kb);
            return order == Qt::AscendingOrder ? ka < kb : ka > kb;
        });
    }
    return sorted;
}

void UsagePivotModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    std::vector<int> sorted = sortedOrder(column, order);
    if (sorted == m_order)
        return;

    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    std::vector<int> newRowOfGroup(sorted.size());
    for (size_t r = 0; r < sorted.size(); ++r)
        newRowOfGroup[size_t(sorted[r])] = int(r);
    QModelIndexList to;
    to.reserve(persistent.size());
    for (const QModelIndex &idx : persistent) {
        if (idx.row() == totalsRow()) {
            to.append(idx);
            continue;
        }
        const int group = m_order[size_t(idx.row())];
        to.append(index(newRowOfGroup[size_t(group)], idx.column()));
    }
    m_order = std::move(sorted);
    changePersistentIndexList(persistent, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace models
