#pragma once
// "Where is this person?" (issue 24): every organization of a tree where an
// e-mail address is a member, with the membership's status, and removal
// from several of them at once with one result per row. The search is a
// members roll-up (OrgTreeRollup, `user.email` filter, several organizations
// at a time, per-organization failures with Retry); removal sends one DELETE
// per selected row, two at a time. A table model (one row per membership)
// that a page or dialog shows as it is; no widgets.

#include "models/rollup/orgtree.h"
#include "models/session/progress.h"

#include "api/records.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QString>

namespace api {
class Client;
class Job;
} // namespace api

namespace models {

class OrgTreeRollup;

class MemberTreeSearch : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { OrganizationColumn, StatusColumn, EmailColumn, ResultColumn, ColumnCount };
    enum Outcome { NotAsked, Removing, Removed, AlreadyGone, Failed };
    enum Role { OrganizationIdRole = Qt::UserRole + 1, MemberIdRole, OutcomeRole, PathRole };

    explicit MemberTreeSearch(api::Client *client, QObject *parent = nullptr);
    ~MemberTreeSearch() override;

    // Searches `rootId` and every organization under it (the tree is listed
    // first) or the given tree.
    void search(const QString &email, const QString &rootId);
    void search(const QString &email, const QList<OrgNode> &tree);
    void cancel();
    // Searches again the organizations that failed.
    void retryMissing();
    bool isSearching() const;
    Progress progress() const;
    QString email() const { return m_email; }
    // Organizations that could not be searched, with their paths: the view says
    // "not searched: …" and offers retryMissing().
    QStringList missingOrganizations() const;

    // Removes the memberships of these rows (the caller has asked the user).
    void remove(const QList<int> &rows);
    bool isRemoving() const { return m_removing > 0 || !m_removeQueue.isEmpty(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    struct Row
    {
        OrgNode organization;
        api::Member member;
        Outcome outcome = NotAsked;
        QString message;
    };
    const Row &row(int index) const { return m_rows.at(index); }

Q_SIGNALS:
    void searchFinished();
    void progressChanged(qint64 done, qint64 total);
    void removalFinished();

private:
    void collect();
    void removeNext();
    void setOutcome(int row, Outcome outcome, const QString &message = {});

    QPointer<api::Client> m_client;
    OrgTreeRollup *m_rollup;
    QString m_email;
    QList<Row> m_rows;
    QList<int> m_removeQueue;
    int m_removing = 0;
    static constexpr int kMaxParallelRemovals = 2;
};

} // namespace models
