#pragma once
// Removes the members listed in a MemberBatchModel (kind Remove), a few
// DELETEs at a time, and writes one outcome per row. The table is told about
// each member that is gone as soon as the server says so.

#include <QHash>
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

class MemberRemover : public QObject
{
    Q_OBJECT
public:
    MemberRemover(api::Client *client, const QString &organizationId, MemberBatchModel *rows,
                  QObject *parent = nullptr);
    ~MemberRemover() override;

    void setMaxParallel(int n);
    void start();
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void progress(int done, int total);
    // The member no longer exists on the server: removed now, or already gone (404).
    void memberGone(const QString &memberId);
    void finished();

private:
    api::Job *sendOne(int row);
    // After a 404: is the organization still there? Then the member is gone.
    api::Job *checkOrganization(int row);

    QPointer<api::Client> m_client;
    QString m_orgId;
    QPointer<MemberBatchModel> m_rows;
    BatchRunner *m_runner;
    QHash<int, QString> m_notFound; // rows answered 404, with the error, until the organization is read
};

} // namespace models
