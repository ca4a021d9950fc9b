#pragma once
// Chart feed: one row per time bucket, column 0 the bucket start (ms since
// epoch, UTC, as a number so that Qt Charts' XY/bar model mappers read it),
// columns 1..N one series per group. Values are raw numbers in DisplayRole;
// text belongs to the pivot, not to charts.

#include "usageaggregate.h"

#include <QAbstractTableModel>
#include <QPointF>

namespace models {

class UsageSeriesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Roles {
        GroupIndexRole = Qt::UserRole + 1, // aggregate group of a series column (header and cells)
        BucketStartRole,                   // QDate of the row
        BucketLastRole,                    // QDate, last day of the row's bucket
        IsOtherRole,
        LabelRole, // group label (header and cells)
    };
    Q_ENUM(Roles)

    explicit UsageSeriesModel(QObject *parent = nullptr);

    void setAggregate(const UsageAggregate &aggregate);
    const UsageAggregate &aggregate() const { return m_aggregate; }

    int seriesCount() const { return m_aggregate.groupCount(); }
    static int seriesColumn(int series) { return series + 1; }
    QString seriesLabel(int series) const;
    // (bucket start in ms since epoch, value) for one series.
    QList<QPointF> points(int series) const;
    static qint64 bucketMSecs(QDate start);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    UsageAggregate m_aggregate;
};

} // namespace models
