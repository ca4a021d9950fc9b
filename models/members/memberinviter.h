#pragma once
// Sends the ready rows of a MemberBatchModel as invitations: in chunks with
// members:batchCreate, and one POST per member once the server refuses the
// batch form. Writes one outcome per row; rows that were never sent say so.
//
// A create is sent at most once per address: before any address is sent
// again (the one-by-one fallback after a failed batch, a second start() on
// rows that failed) its membership is looked up by e-mail first, and after a
// failed single create the same look-up tells whether the server acted
// anyway. An address found there is "already existed", never sent again. No
// decision rests on an error code (the real API's are undocumented).

#include "api/records.h"

#include <QHash>
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
    void setMaxParallel(int n);

    void start();
    // Stops sending: rows in flight are aborted, queued rows become Canceled.
    void cancel();
    bool isRunning() const;
    bool batchRefused() const { return m_batchRefused; }
    // Why the batch form was given up (empty when it never was).
    QString batchRefusal() const { return m_batchRefusal; }

Q_SIGNALS:
    void progress(int done, int total);
    // Members the server confirmed, to add to the table without a reload.
    void membersCreated(const QList<api::Member> &members);
    void finished();

private:
    // Why a row's membership is looked up before anything else happens to it.
    enum class Verify { BeforeSend, AfterFailure };

    api::Job *sendBatch(const QList<int> &chunk);
    api::Job *sendOne(int row);
    api::Job *lookUp(int row, Verify why);

    QPointer<api::Client> m_client;
    QString m_orgId;
    QPointer<MemberBatchModel> m_rows;
    QString m_status;
    int m_batchSize = 100;
    BatchRunner *m_runner;
    QHash<int, Verify> m_verify;
    QHash<int, QString> m_failure; // the create's error, for a row verified after it failed
    bool m_batchRefused = false;
    QString m_batchRefusal;
};

} // namespace models
