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

#include <atomic>
#include <memory>

class QTimer;

namespace api {

namespace detail {
class Attempt;
struct AttemptOutcome;
} // namespace detail

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
    // arrives, on the thread of the client's network manager (its network
    // thread, Client::networkThread()): the job's thread copies no body and
    // sees one event per attempt, however many chunks the answer came in.
    qsizetype bytesReceived() const
    {
        return m_received ? qsizetype(m_received->load(std::memory_order_relaxed)) : 0;
    }
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

    // A paged GET whose answer names the next page's cursor (read by
    // nextCursor from the complete body, on the network thread): that page's
    // request is sent from there at once, unless the rate budget has no
    // request to spare, and a job for it started later takes its answer
    // (Client::pagesReadAhead()). group: the pager, see Client::dropReadAhead().
    void setReadAhead(const QString &cursorParameter, QString (*nextCursor)(const QByteArray &body),
                      quintptr group);

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
    // The live attempt's one report (on this thread, queued from the network thread).
    void onAttemptDone(const detail::AttemptOutcome &outcome);
    void scheduleRetry(qint64 delayMs);
    void finishNow(const ApiError &error);
    // The client or the attempt's reply was destroyed under the job (a
    // reconnect deletes the client): the job ends as canceled, never silently.
    void onClientDestroyed();
    // Drops the live attempt: no more reports from it; deleted (its reply
    // aborted) on its own thread.
    void releaseAttempt();

    QPointer<Client> m_client;
    Method m_method;
    QString m_path;
    Query m_query;
    QByteArray m_body;
    QByteArray m_requestId;
    QByteArray m_lastBody;
    detail::Attempt *m_attempt = nullptr;            // owned; lives on the network manager's thread
    std::shared_ptr<std::atomic<qint64>> m_received; // the live attempt's body bytes so far
    QTimer *m_waitTimer = nullptr;                   // rate-budget wait and retry backoff
    ApiError m_error;
    int m_httpStatus = 0;
    int m_attempts = 0;
    int m_maxRetries = -1;
    bool m_started = false;
    bool m_finished = false;
    bool m_decoding = false;
    bool m_autoDelete = true;
    bool m_acceptAnything = false;
    QString m_readAheadParameter;
    QString (*m_readAheadCursor)(const QByteArray &) = nullptr;
    quintptr m_readAheadGroup = 0;
};

} // namespace api
