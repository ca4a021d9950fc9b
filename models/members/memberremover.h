#pragma once
// Removes the members listed in a MemberBatchModel (kind Remove), a few
// DELETEs at a time, and writes one outcome per row. The table is told about
// each member that is gone as soon as the server says so.

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace api {
class Client;
class Job;
} // namespace api

namespace models {

class MemberBatchModel;

class MemberRemover : public QObject
{
    Q_OBJECT
public:
    MemberRemover(api::Client *client, const QString &organizationId, MemberBatchModel *rows,
                  QObject *parent = nullptr);
    ~MemberRemover() override;

    void setMaxParallel(int n) { m_maxParallel = qMax(1, n); }
    void start();
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(int done, int total);
    // The member no longer exists on the server: removed now, or already gone (404).
    void memberGone(const QString &memberId);
    void finished();

private:
    void pump();
    void sendOne(int row);
    void finishIfDone();

    QPointer<api::Client> m_client;
    QString m_orgId;
    QPointer<MemberBatchModel> m_rows;
    int m_maxParallel = 4;
    QList<int> m_queue;
    QList<QPointer<api::Job>> m_jobs;
    int m_total = 0;
    int m_done = 0;
    bool m_running = false;
    bool m_canceled = false;
};

} // namespace models
