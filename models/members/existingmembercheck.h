#pragma once
// Marks the ready rows of an invite preview whose address already holds an
// active or pending membership: first against the members already loaded,
// then, when that table is not the whole organization (a filter, a partial
// load), with one user.email lookup per remaining address.

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace api {
class Client;
class Job;
} // namespace api

namespace models {

class BatchRunner;
class MemberBatchModel;
class MembersModel;

class ExistingMemberCheck : public QObject
{
    Q_OBJECT
public:
    ExistingMemberCheck(api::Client *client, const QString &organizationId, MemberBatchModel *rows,
                        QObject *parent = nullptr);
    ~ExistingMemberCheck() override;

    // The loaded table; `complete` means it holds every member of the organization.
    void setLoadedMembers(const MembersModel *members, bool complete);
    void setMaxParallel(int n);

    void start();
    void cancel();
    bool isRunning() const;
    int lookupsFailed() const { return m_failed; }
    int lookupsDone() const { return m_lookedUp; }

    // A membership with this status blocks a new invitation.
    static bool blocksInvite(const QString &status);

Q_SIGNALS:
    void progress(int done, int total);
    void finished();

private:
    api::Job *lookUp(int row);

    QPointer<api::Client> m_client;
    QString m_orgId;
    QPointer<MemberBatchModel> m_rows;
    QPointer<const MembersModel> m_loaded;
    bool m_complete = false;
    BatchRunner *m_runner;
    int m_lookedUp = 0;
    int m_failed = 0;
};

} // namespace models
