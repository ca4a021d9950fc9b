#include "usagerecordsmodel.h"

#include "models/export/exportcolumns.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <span>

namespace models {

std::vector<qint32> recordRowsInView(const UsageCube &cube, const UsageQuery &query)
{
    const UsageDayRange range = query.range.isEmpty() ? cube.dayExtent() : query.range;
    // Filters resolved to id sets once, as the aggregator does.
    std::vector<std::pair<std::span<const qint32>, std::vector<quint8>>> filters;
    for (int dim = 0; dim < UsageDimensionCount; ++dim) {
        std::vector<quint8> allowed;
        for (const UsageFilter &f : query.filters) {
            if (int(f.dimension) != dim)
                continue;
            if (allowed.empty())
                allowed.assign(size_t(cube.valueCount(f.dimension)), 0);
            const qint32 id = cube.findValue(f.dimension, f.key);
            if (id >= 0)
                allowed[size_t(id)] = 1;
        }
        if (!allowed.empty())
            filters.emplace_back(cube.dimensionColumn(UsageDimension(dim)), std::move(allowed));
    }
    const auto days = cube.days();
    const auto flags = cube.flags();
    std::vector<qint32> rows;
    for (qsizetype r = 0; r < cube.rowCount(); ++r) {
        const size_t row = size_t(r);
        if (!range.contains(days[row]))
            continue;
        if (!query.includeCorrections && (flags[row] & UsageCube::Correction))
            continue;
        bool pass = true;
        for (const auto &[column, allowed] : filters)
            pass = pass && allowed[size_t(column[row])];
        if (pass)
            rows.push_back(qint32(r));
    }
    return rows;
}

std::vector<qint32> selectRecordRows(const UsageCube &cube, const UsageQuery &query, const QString &text,
                                     int sortColumn, Qt::SortOrder order)
{
    const auto &columns = ExportColumns::usageRecords();
    const QString needle = text.trimmed();
    std::vector<qint32> rows = recordRowsInView(cube, query);
    if (!needle.isEmpty()) {
        std::erase_if(rows, [&](qint32 r) {
            const api::UsageRecord rec = cube.record(r);
            for (const auto &c : columns)
                if (!c.numeric && c.value(rec).contains(needle, Qt::CaseInsensitive))
                    return false;
            return true;
        });
    }
    if (sortColumn < 0 || sortColumn >= columns.size())
        return rows;
    const auto &column = columns.at(sortColumn);
    std::vector<size_t> order_(rows.size());
    std::iota(order_.begin(), order_.end(), size_t(0));
    if (column.numeric) {
        // Empty (null) values last in both orders.
        std::vector<double> keys(rows.size());
        for (size_t i = 0; i < rows.size(); ++i) {
            bool ok = false;
            const double v = column.value(cube.record(rows[i])).toDouble(&ok);
            keys[i] = ok ? v : std::numeric_limits<double>::quiet_NaN();
        }
        std::stable_sort(order_.begin(), order_.end(), [&](size_t a, size_t b) {
            if (std::isnan(keys[a]) || std::isnan(keys[b]))
                return !std::isnan(keys[a]) && std::isnan(keys[b]);
            return order == Qt::AscendingOrder ? keys[a] < keys[b] : keys[a] > keys[b];
        });
    } else {
        std::vector<QString> keys(rows.size());
        for (size_t i = 0; i < rows.size(); ++i)
            keys[i] = column.value(cube.record(rows[i]));
        std::stable_sort(order_.begin(), order_.end(), [&](size_t a, size_t b) {
            const int c = keys[a].compare(keys[b], Qt::CaseInsensitive);
            return order == Qt::AscendingOrder ? c < 0 : c > 0;
        });
    }
    std::vector<qint32> sorted(rows.size());
    for (size_t i = 0; i < rows.size(); ++i)
        sorted[i] = rows[order_[i]];
    return sorted;
}

UsageRecordsModel::UsageRecordsModel(QObject *parent) : QAbstractTableModel(parent) {}

void UsageRecordsModel::setRows(const UsageCube &cube, std::vector<qint32> rows)
{
    beginResetModel();
    m_cube = cube;
    m_rows = std::move(rows);
    m_cachedRow = -1;
    m_cachedCells.clear();
    endResetModel();
}

api::UsageRecord UsageRecordsModel::recordAt(int row) const
{
    const qsizetype r = cubeRow(row);
    return r >= 0 ? m_cube.record(r) : api::UsageRecord();
}

int UsageRecordsModel::columnOf(const QString &header) const
{
    return int(ExportColumns::headers(ExportColumns::usageRecords()).indexOf(header));
}

int UsageRecordsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UsageRecordsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ExportColumns::usageRecords().size());
}

QVariant UsageRecordsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto &columns = ExportColumns::usageRecords();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (m_cachedRow != index.row()) {
            m_cachedCells = ExportColumns::row(columns, recordAt(index.row()));
            m_cachedRow = index.row();
        }
        return m_cachedCells.value(index.column());
    case Qt::TextAlignmentRole:
        return columns.at(index.column()).numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                  : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant UsageRecordsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < columnCount())
        return ExportColumns::usageRecords().at(section).header;
    return QAbstractTableModel::headerData(section, orientation, role);
}

void UsageRecordsModel::sort(int column, Qt::SortOrder order)
{
    Q_EMIT sortRequested(column, order);
}

} // namespace models
