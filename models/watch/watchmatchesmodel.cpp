#include "models/watch/watchmatchesmodel.h"

#include <QDateTime>
#include <QFont>

namespace models {

int WatchMatchesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matches.size());
}

int WatchMatchesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WatchMatchesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_matches.size())
        return {};
    const WatchMatch &m = m_matches.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(m.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Rule:
            return m.ruleName;
        case Entry:
            return m.summary;
        case Organization:
            return m.organizationName.isEmpty() ? m.organizationId : m.organizationName;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == Entry ? QVariant(QString(m.summary + QLatin1Char('\n') + m.entryId))
                                       : QVariant();
    case Qt::FontRole:
        if (m.unread) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case UnreadRole:
        return m.unread;
    case EntryIdRole:
        return m.entryId;
    case TimeMsRole:
        return m.timeMs;
    default:
        return {};
    }
}

QVariant WatchMatchesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Rule:
        return tr("Rule");
    case Entry:
        return tr("Entry");
    case Organization:
        return tr("Organization");
    default:
        return {};
    }
}

void WatchMatchesModel::setMatches(const QList<WatchMatch> &matches)
{
    beginResetModel();
    m_matches = matches.mid(0, kMaxMatches);
    endResetModel();
    Q_EMIT unreadCountChanged(unreadCount());
}

void WatchMatchesModel::prepend(const QList<WatchMatch> &newestLast)
{
    if (newestLast.isEmpty())
        return;
    const int n = int(newestLast.size());
    beginInsertRows({}, 0, n - 1);
    QList<WatchMatch> front(newestLast.crbegin(), newestLast.crend());
    m_matches = front + m_matches;
    endInsertRows();
    if (m_matches.size() > kMaxMatches) {
        beginRemoveRows({}, kMaxMatches, int(m_matches.size()) - 1);
        m_matches.resize(kMaxMatches);
        endRemoveRows();
    }
    Q_EMIT unreadCountChanged(unreadCount());
}

void WatchMatchesModel::setUnread(int row, bool unread)
{
    if (row < 0 || row >= m_matches.size() || m_matches[row].unread == unread)
        return;
    m_matches[row].unread = unread;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT unreadCountChanged(unreadCount());
}

void WatchMatchesModel::markAllRead()
{
    bool changed = false;
    for (WatchMatch &m : m_matches)
        changed = std::exchange(m.unread, false) || changed;
    if (!changed)
        return;
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT unreadCountChanged(0);
}

int WatchMatchesModel::unreadCount() const
{
    int n = 0;
    for (const WatchMatch &m : m_matches)
        n += m.unread ? 1 : 0;
    return n;
}

int WatchMatchesModel::rowOfEntry(const QString &ruleId, const QString &entryId) const
{
    for (int i = 0; i < m_matches.size(); ++i)
        if (m_matches.at(i).entryId == entryId && (ruleId.isEmpty() || m_matches.at(i).ruleId == ruleId))
            return i;
    return -1;
}

void WatchMatchesModel::removeRule(const QString &ruleId)
{
    for (int i = int(m_matches.size()) - 1; i >= 0; --i) {
        if (m_matches.at(i).ruleId != ruleId)
            continue;
        beginRemoveRows({}, i, i);
        m_matches.removeAt(i);
        endRemoveRows();
    }
    Q_EMIT unreadCountChanged(unreadCount());
}

} // namespace models
