#pragma once
// An AuditHistogram as a table for a chart widget: one row per bucket,
// columns start / successes / failures.

#include "models/audit/audithistogram.h"

#include <QAbstractTableModel>

namespace models {

class AuditHistogramModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Start, Success, Failure, ColumnCount };
    enum Role {
        StartMsRole = Qt::UserRole + 1, // qint64
        EndMsRole,                      // qint64, exclusive
        CountRole,                      // quint32 for the column's series, total for Start
    };

    explicit AuditHistogramModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setHistogram(const AuditHistogram &histogram);
    const AuditHistogram &histogram() const { return m_histogram; }

private:
    AuditHistogram m_histogram;
};

} // namespace models
