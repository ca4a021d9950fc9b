#include "usageseriesmodel.h"

#include <QTimeZone>

namespace models {

UsageSeriesModel::UsageSeriesModel(QObject *parent) : QAbstractTableModel(parent) {}

void UsageSeriesModel::setAggregate(const UsageAggregate &aggregate)
{
    beginResetModel();
    m_aggregate = aggregate;
    endResetModel();
}

QString UsageSeriesModel::seriesLabel(int series) const
{
    if (series < 0 || series >= seriesCount())
        return {};
    return m_aggregate.group(series).label;
}

qint64 UsageSeriesModel::bucketMSecs(QDate start)
{
    return QDateTime(start, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

QList<QPointF> UsageSeriesModel::points(int series) const
{
    QList<QPointF> out;
    if (series < 0 || series >= seriesCount())
        return out;
    const std::span<const double> values = m_aggregate.series(series);
    out.reserve(qsizetype(values.size()));
    for (size_t b = 0; b < values.size(); ++b)
        out.append(QPointF(double(bucketMSecs(m_aggregate.bucketStart(int(b)))), values[b]));
    return out;
}

int UsageSeriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || seriesCount() == 0 ? 0 : m_aggregate.bucketCount();
}

int UsageSeriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + seriesCount();
}

QVariant UsageSeriesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int b = index.row();
    const int series = index.column() - 1;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (series < 0)
            return double(bucketMSecs(m_aggregate.bucketStart(b)));
        return m_aggregate.value(series, b);
    case Qt::ToolTipRole:
        if (series < 0)
            return m_aggregate.bucketLabel(b);
        return QStringLiteral("%1, %2: %3 %4")
            .arg(m_aggregate.group(series).label, m_aggregate.bucketLabel(b),
                 QLocale().toString(m_aggregate.value(series, b), 'f', 2), m_aggregate.group(series).unit)
            .trimmed();
    case BucketStartRole:
        return m_aggregate.bucketStart(b);
    case BucketLastRole:
        return m_aggregate.bucketLast(b);
    case GroupIndexRole:
        return series;
    case IsOtherRole:
        return series >= 0 && m_aggregate.group(series).isOther;
    case LabelRole:
        return series >= 0 ? m_aggregate.group(series).label : m_aggregate.bucketLabel(b);
    default:
        return {};
    }
}

QVariant UsageSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rowCount())
            return {};
        if (role == Qt::DisplayRole)
            return m_aggregate.bucketLabel(section);
        if (role == BucketStartRole)
            return m_aggregate.bucketStart(section);
        return {};
    }
    if (section < 0 || section >= columnCount())
        return {};
    const int series = section - 1;
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return series < 0 ? tr("Date") : m_aggregate.group(series).label;
    case GroupIndexRole:
        return series;
    case IsOtherRole:
        return series >= 0 && m_aggregate.group(series).isOther;
    default:
        return {};
    }
}

} // namespace models
