#include "models/audit/audithistogrammodel.h"

#include <QDateTime>

namespace models {

AuditHistogramModel::AuditHistogramModel(QObject *parent) : QAbstractTableModel(parent) {}

int AuditHistogramModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_histogram.buckets().size());
}

int AuditHistogramModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditHistogramModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditHistogram::Bucket &b = m_histogram.buckets()[index.row()];
    const quint32 count = index.column() == Success   ? b.success
                          : index.column() == Failure ? b.failure
                                                      : b.total();
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Start)
            return QDateTime::fromMSecsSinceEpoch(b.startMs, Qt::UTC).toString(Qt::ISODate);
        return count;
    case StartMsRole:
        return b.startMs;
    case EndMsRole:
        return m_histogram.bucketRange(index.row()).second;
    case CountRole:
        return count;
    default:
        return {};
    }
}

QVariant AuditHistogramModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Start:
        return tr("Start");
    case Success:
        return tr("Succeeded");
    case Failure:
        return tr("Failed");
    default:
        return {};
    }
}

void AuditHistogramModel::setHistogram(const AuditHistogram &histogram)
{
    beginResetModel();
    m_histogram = histogram;
    endResetModel();
}

} // namespace models
