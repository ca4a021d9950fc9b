#pragma once
// The Usage page's Records view: one row per record under the view's
// filters, every FOCUS column as received (UsageCube::record), in the
// order and under the text filter that selectRecordRows() computed on a
// worker. Cells are formatted when asked for; the last row asked for is
// kept, since a view asks for a row's cells one after another.

#include "api/records.h"
#include "models/usage/usagecube.h"
#include "models/usage/usagequery.h"

#include <QAbstractTableModel>
#include <vector>

namespace models {

// Rows of the cube in the query's range, under its filters and its
// corrections switch, in cube order: the records the view shows.
std::vector<qint32> recordRowsInView(const UsageCube &cube, const UsageQuery &query);

// The rows of `cube` in query.range (or everywhere) that pass query.filters
// and query.includeCorrections and contain `text` (case-insensitive) in a
// text column, sorted by column `sortColumn` of ExportColumns::usageRecords()
// (numbers as numbers; -1 keeps the cube's order). Runs on a worker.
std::vector<qint32> selectRecordRows(const UsageCube &cube, const UsageQuery &query, const QString &text,
                                     int sortColumn = -1, Qt::SortOrder order = Qt::AscendingOrder);

class UsageRecordsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit UsageRecordsModel(QObject *parent = nullptr);

    // One reset. `cube` is a snapshot (copies are O(1)).
    void setRows(const UsageCube &cube, std::vector<qint32> rows);
    qsizetype cubeRow(int row) const
    {
        return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)] : -1;
    }
    api::UsageRecord recordAt(int row) const;
    int columnOf(const QString &header) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Sorting 900,000 records is a worker's job: asks for it instead.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void sortRequested(int column, Qt::SortOrder order);

private:
    UsageCube m_cube;
    std::vector<qint32> m_rows;
    mutable int m_cachedRow = -1;
    mutable QStringList m_cachedCells;
};

} // namespace models
