#include "models/session/activitylog.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace models {

ActivityLog::ActivityLog(QObject *parent) : QAbstractTableModel(parent) {}

void ActivityLog::add(Severity severity, const QString &source, const QString &message)
{
    if (m_entries.size() >= kMaxEntries) {
        beginRemoveRows({}, 0, 0);
        if (m_entries.first().severity == Severity::Error)
            --m_errors;
        m_entries.removeFirst();
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append({QDateTime::currentDateTime(), severity, source, message});
    if (severity == Severity::Error)
        ++m_errors;
    endInsertRows();
    Q_EMIT entryAdded(severity, message);
}

void ActivityLog::clear()
{
    beginResetModel();
    m_entries.clear();
    m_errors = 0;
    endResetModel();
}

int ActivityLog::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityLog::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityLog::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(e.time, QLocale::ShortFormat);
        case SourceColumn:
            return e.source;
        case MessageColumn:
            return e.message;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && e.severity == Severity::Error)
        return QBrush(QColor(0xc6, 0x28, 0x28));
    return {};
}

QVariant ActivityLog::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SourceColumn:
        return tr("Where");
    case MessageColumn:
        return tr("What happened");
    default:
        return {};
    }
}

} // namespace models
