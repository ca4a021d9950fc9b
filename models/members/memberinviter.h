#pragma once
// Sends the ready rows of a MemberBatchModel as invitations: in chunks with
// members:batchCreate, and one POST per member once the server refuses the
// batch form. Writes one outcome per row; rows that were never sent say so.

#include "api/records.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

namespace api {
class Client;
class Job;
} // namespace api

namespace models {

class MemberBatchModel;

class MemberInviter : public QObject
{
    Q_OBJECT
public:
    MemberInviter(api::Client *client, const QString &organizationId, MemberBatchModel *rows,
                  QObject *parent = nullptr);
    ~MemberInviter() override;

    // "" lets the server decide (pending invitation), or "active" / "canceled".
    void setStatus(const QString &status) { m_status = status; }
    // Addresses per batchCreate call; 0 sends one request per member.
    void setBatchSize(int size) { m_batchSize = size; }
    void setMaxParallel(int n) { m_maxParallel = qMax(1, n); }

    void start();
    // Stops sending: rows in flight are aborted, queued rows become Canceled.
    void cancel();
    bool isRunning() const { return m_running; }
    bool batchRefused() const { return m_batchRefused; }
    // Why the batch form was given up (empty when it never was).
    QString batchRefusal() const { return m_batchRefusal; }

Q_SIGNALS:
    void progress(int done, int total);
    // Members the server confirmed, to add to the table without a reload.
    void membersCreated(const QList<api::Member> &members);
    void finished();

private:
    void pump();
    void sendBatch();
    void sendOne(int row);
    void finishIfDone();

    QPointer<api::Client> m_client;
    QString m_orgId;
    QPointer<MemberBatchModel> m_rows;
    QString m_status;
    int m_batchSize = 100;
    int m_maxParallel = 4;
    QList<int> m_queue; // rows not yet sent
    QList<QPointer<api::Job>> m_jobs;
    int m_total = 0;
    int m_done = 0;
    bool m_running = false;
    bool m_canceled = false;
    bool m_batchRefused = false;
    bool m_batchInFlight = false;
    QString m_batchRefusal;
};

} // namespace models
