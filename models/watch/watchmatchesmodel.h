#pragma once
// The Watch page's list of notified entries, newest first: time, rule,
// entry summary, organization; unread rows in bold.

#include "models/watch/watchrule.h"

#include <QAbstractTableModel>
#include <QList>

namespace models {

class WatchMatchesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Rule, Entry, Organization, ColumnCount };
    enum Role { UnreadRole = Qt::UserRole + 1, EntryIdRole, TimeMsRole };
    static constexpr int kMaxMatches = 1000;

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    const QList<WatchMatch> &matches() const { return m_matches; }
    const WatchMatch &at(int row) const { return m_matches.at(row); }
    void setMatches(const QList<WatchMatch> &matches);
    // Newest first; the oldest beyond kMaxMatches go.
    void prepend(const QList<WatchMatch> &newestLast);
    void setUnread(int row, bool unread);
    void markAllRead();
    int unreadCount() const;
    int rowOfEntry(const QString &ruleId, const QString &entryId) const;
    void removeRule(const QString &ruleId);

Q_SIGNALS:
    void unreadCountChanged(int count);

private:
    QList<WatchMatch> m_matches;
};

} // namespace models
