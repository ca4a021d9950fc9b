#pragma once
// One API call. The base class owns everything hard: rate pacing, the
// inactivity timeout and deadline, retries with backoff, HTTP status and
// Cloudflare error parsing, abort, and exactly one finished() per job.
// Subclasses (see TypedJob) only decode a 2xx body.

#include "api/apierror.h"
#include "api/client.h"
#include "api/query.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkReply;
class QTimer;

namespace api {

class Job : public QObject
{
    Q_OBJECT
public:
    enum class Method { Get, Post, Put, Delete };

    ~Job() override;

    // Sends the request (after any rate-budget wait). Calling it twice is a no-op.
    void start();
    // Cancels: finished() is emitted (once) with an ApiError of kind Canceled.
    void abort();

    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    const ApiError &error() const { return m_error; }

    int httpStatus() const { return m_httpStatus; } // of the last attempt, 0 without response
    // Body bytes of the live attempt read so far. The body is read as it
    // arrives (readyRead), a piece at a time: the GUI thread never copies a
    // whole multi-megabyte answer in one go when the reply finishes.
    qsizetype bytesReceived() const { return m_received.size(); }
    int attempts() const { return m_attempts; }
    QByteArray requestId() const { return m_requestId; }
    Method method() const { return m_method; }
    QString path() const { return m_path; }
    const Query &query() const { return m_query; }
    static QString methodName(Method method);

    // Automatic retries of this job; -1 (default) uses the client's maxRetries().
    // Pagers give their GETs the client's maxPageRetries().
    void setMaxRetries(int retries) { m_maxRetries = retries; }
    int maxRetries() const;

    // Default true: the job deletes itself (deleteLater) after finished().
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    bool autoDelete() const { return m_autoDelete; }

Q_SIGNALS:
    void finished(api::Job *job);
    // The final response arrived and is being decoded (used by pagers that
    // fetch the next page before decoding this one). Not emitted on errors.
    void bodyReceived(api::Job *job);

protected:
    Job(Client *client, Method method, const QString &path, const Query &query = {},
        const QByteArray &jsonBody = {}, QObject *parent = nullptr);

    // A 2xx response arrived. Decode and then call complete() — now or later
    // (e.g. after off-thread decoding).
    virtual void handleSuccess(int httpStatus, const QByteArray &body) = 0;
    void complete(const ApiError &error = {});

    // For 204 endpoints: send "Accept: */*" like the SDKs.
    void setAcceptAnything(bool on) { m_acceptAnything = on; }
    Client *client() const { return m_client; }
    QByteArray lastBody() const { return m_lastBody; }

private:
    friend class Pager; // reads the raw body for its quick cursor scan
    void sendAttempt();
    void onReplyFinished();
    void onReplyReadyRead();
    // Reads up to kReadSlice bytes of the live reply, then queues itself for
    // the rest; once the reply has finished and nothing is left, finishReply().
    void drainReply();
    void finishReply(QNetworkReply *reply);
    void onTransferTimeout();
    void onDeadline();
    void scheduleRetry(qint64 delayMs);
    void resetInactivityTimer();
    void finishNow(const ApiError &error);
    // The client or the attempt's reply was destroyed under the job (a
    // reconnect deletes the client): the job ends as canceled, never silently.
    void onClientDestroyed();
    void onReplyDestroyed();
    // Drops the current reply: no more signals from it, aborted, deleted later.
    void releaseReply();

    QPointer<Client> m_client;
    Method m_method;
    QString m_path;
    Query m_query;
    QByteArray m_body;
    QByteArray m_requestId;
    QByteArray m_lastBody;
    QByteArray m_received; // the live attempt's body so far
    static constexpr qint64 kReadSlice = 1 << 20;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_waitTimer = nullptr; // rate-budget wait and retry backoff
    QTimer *m_inactivityTimer = nullptr;
    QTimer *m_deadlineTimer = nullptr;
    ApiError m_error;
    int m_httpStatus = 0;
    int m_attempts = 0;
    int m_maxRetries = -1;
    enum class AbortReason { None, Inactivity, Deadline, Redirect, User } m_abortReason = AbortReason::None;
    bool m_started = false;
    bool m_finished = false;
    bool m_decoding = false;
    bool m_autoDelete = true;
    bool m_acceptAnything = false;
    bool m_bytesSent = false;
    bool m_replyDone = false;   // the live reply finished; its body is still being read
    bool m_drainQueued = false; // a drainReply() is queued
};

} // namespace api
