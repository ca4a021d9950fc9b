#include "api/job.h"

#include "api/client.h"
#include "api/decoders.h"
#include "api/logging.h"
#include "api/ratebudget.h"
#include "api/replybody.h"
#include "api/retrypolicy.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

#include <utility>

namespace api {

namespace {
// An id of "." or ".." percent-encodes to itself and would make its own path
// segment, which servers and proxies resolve (/organizations/../members).
bool hasDotSegment(const QString &path)
{
    const QStringList segments = path.split(QLatin1Char('/'));
    return segments.contains(QLatin1String(".")) || segments.contains(QLatin1String(".."));
}

RetryPolicy::Verb verbOf(Job::Method m)
{
    switch (m) {
    case Job::Method::Get:
        return RetryPolicy::Verb::Get;
    case Job::Method::Post:
        return RetryPolicy::Verb::Post;
    case Job::Method::Put:
        return RetryPolicy::Verb::Put;
    case Job::Method::Delete:
        return RetryPolicy::Verb::Delete;
    }
    return RetryPolicy::Verb::Get;
}

// A body Qt cannot rewind: Qt's HTTP stack silently re-sends a request when
// a kept-alive connection drops, which for a POST could create a duplicate.
// With a sequential, unbuffered body that re-send fails instead.
class OneShotBody : public QIODevice
{
public:
    OneShotBody(const QByteArray &data, QObject *parent) : QIODevice(parent), m_data(data) { open(ReadOnly); }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = std::min(max, qint64(m_data.size()) - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port(-1) == b.port(-1);
}
} // namespace

Job::Job(Client *client, Method method, const QString &path, const Query &query, const QByteArray &jsonBody,
         QObject *parent)
    : QObject(parent), m_client(client), m_method(method), m_path(path), m_query(query), m_body(jsonBody),
      m_requestId(Client::newRequestId())
{
    if (client)
        connect(client, &QObject::destroyed, this, &Job::onClientDestroyed);
}

Job::~Job()
{
    releaseReply();
    // A job destroyed while running still has to leave the in-flight count.
    if (m_started && !m_finished && m_client)
        m_client->jobEnded(ApiError::canceled());
}

int Job::maxRetries() const
{
    if (m_maxRetries >= 0)
        return m_maxRetries;
    return m_client ? m_client->maxRetries() : 0;
}

void Job::releaseReply()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    m_received.clear();
    m_replyDone = false;
    if (!reply)
        return;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void Job::onClientDestroyed()
{
    // m_client is already null here: nothing is counted against it any more.
    if (!m_started || m_finished)
        return;
    qCInfo(lcApi).noquote() << methodName(m_method) << m_path << "canceled: its client was deleted";
    releaseReply();
    finishNow(ApiError::canceled());
}

void Job::onReplyDestroyed()
{
    // Only the live attempt's reply is connected here; finished ones are
    // disconnected before they are deleted.
    if (!m_started || m_finished)
        return;
    qCInfo(lcApi).noquote() << methodName(m_method) << m_path << "canceled: its reply was destroyed";
    m_reply = nullptr;
    finishNow(ApiError::canceled());
}

QString Job::methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return QStringLiteral("GET");
    case Method::Post:
        return QStringLiteral("POST");
    case Method::Put:
        return QStringLiteral("PUT");
    case Method::Delete:
        return QStringLiteral("DELETE");
    }
    return {};
}

void Job::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_client) {
        m_finished = true; // nothing to count against
        m_error = ApiError::invalidRequest(QStringLiteral("No API client"));
        QTimer::singleShot(0, this, [this] {
            Q_EMIT finished(this);
            if (m_autoDelete)
                deleteLater();
        });
        return;
    }
    m_client->jobStarted();
    QString why;
    ApiError refused;
    if (!m_client->credentials().isValid())
        refused = ApiError::invalidRequest(
            QStringLiteral("No Cloudflare credentials: set an API token, or an e-mail and global API key"));
    else if (hasDotSegment(m_path))
        refused =
            ApiError::invalidRequest(QStringLiteral("An id of '.' or '..' is not an id: %1").arg(m_path));
    else if (!m_client->isUrlAllowed(m_client->endpointUrl(m_path), &why))
        refused = ApiError::invalidRequest(why);
    if (refused) {
        // Report asynchronously: callers connect after start() returns too.
        QTimer::singleShot(0, this, [this, refused] { finishNow(refused); });
        return;
    }
    m_waitTimer = new QTimer(this);
    m_waitTimer->setSingleShot(true);
    connect(m_waitTimer, &QTimer::timeout, this, &Job::sendAttempt);
    m_inactivityTimer = new QTimer(this);
    m_inactivityTimer->setSingleShot(true);
    connect(m_inactivityTimer, &QTimer::timeout, this, &Job::onTransferTimeout);
    m_deadlineTimer = new QTimer(this);
    m_deadlineTimer->setSingleShot(true);
    connect(m_deadlineTimer, &QTimer::timeout, this, &Job::onDeadline);
    // Cancel in the throttled state: a job waiting out the rate limit ends now.
    connect(m_client->rateBudget(), &RateBudget::waitsCanceled, this, [this] {
        if (!m_finished && m_waitTimer->isActive() && !m_reply) {
            m_abortReason = AbortReason::User;
            m_waitTimer->stop();
            finishNow(ApiError::canceled());
        }
    });
    scheduleRetry(0);
}

void Job::scheduleRetry(qint64 delayMs)
{
    // Every attempt draws from the rate budget, retries included.
    const qint64 budgetWait = m_client->rateBudget()->reserve();
    const qint64 wait = std::max(delayMs, budgetWait);
    if (wait <= 0) {
        sendAttempt();
        return;
    }
    if (budgetWait > 0)
        qCDebug(lcApi) << "pacing" << methodName(m_method) << m_path << "for" << budgetWait << "ms";
    m_waitTimer->start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
}

void Job::sendAttempt()
{
    if (m_finished || !m_client)
        return;
    // A 429 that arrived meanwhile (another job's) blocks this attempt too:
    // wait for the block's end rather than spend an attempt on a sure 429.
    if (const qint64 blocked = m_client->rateBudget()->blockedRemaining(); blocked > 0) {
        m_waitTimer->start(int(std::min<qint64>(blocked, std::numeric_limits<int>::max())));
        return;
    }
    ++m_attempts;
    m_abortReason = AbortReason::None;
    m_bytesSent = false;
    const QUrl url = m_client->endpointUrl(m_path, m_query);
    const bool hasBody = !m_body.isEmpty();
    QNetworkRequest request = m_client->buildRequest(url, m_requestId, hasBody, m_acceptAnything);
    if (m_attempts > 1)
        request.setRawHeader("X-Retry-Count", QByteArray::number(m_attempts - 1));
    // Never log headers: they carry the credentials.
    qCDebug(lcApi).noquote() << methodName(m_method) << url.toDisplayString() << "request-id" << m_requestId
                             << "attempt" << m_attempts;

    QNetworkAccessManager *nam = m_client->networkAccessManager();
    QNetworkReply *reply = nullptr;
    switch (m_method) {
    case Method::Get:
        reply = nam->get(request);
        break;
    case Method::Post: {
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *device = new OneShotBody(m_body, nullptr);
        reply = nam->post(request, device);
        device->setParent(reply);
        break;
    }
    case Method::Put:
        reply = nam->put(request, m_body);
        break;
    case Method::Delete:
        reply = hasBody ? nam->sendCustomRequest(request, "DELETE", m_body) : nam->deleteResource(request);
        break;
    }
    m_reply = reply;
    m_received.clear();
    m_replyDone = false;
    connect(reply, &QObject::destroyed, this, &Job::onReplyDestroyed);
    connect(reply, &QNetworkReply::finished, this, &Job::onReplyFinished);
    connect(reply, &QIODevice::readyRead, this, &Job::onReplyReadyRead);
    connect(reply, &QNetworkReply::downloadProgress, this, &Job::resetInactivityTimer);
    connect(reply, &QNetworkReply::uploadProgress, this, &Job::resetInactivityTimer);
    connect(reply, &QNetworkReply::metaDataChanged, this, &Job::resetInactivityTimer);
    connect(reply, &QNetworkReply::requestSent, this, [this] { m_bytesSent = true; });
    connect(reply, &QNetworkReply::redirected, this, [this, reply, url](const QUrl &target) {
        if (sameOrigin(url, target)) {
            Q_EMIT reply->redirectAllowed();
            return;
        }
        qCWarning(lcApi).noquote() << "refusing redirect to another host:" << target.host();
        m_abortReason = AbortReason::Redirect;
        reply->abort();
    });
    resetInactivityTimer();
    if (m_client->requestDeadline() > 0)
        m_deadlineTimer->start(m_client->requestDeadline());
}

void Job::resetInactivityTimer()
{
    if (m_inactivityTimer && m_client && m_client->transferTimeout() > 0 && m_reply)
        m_inactivityTimer->start(m_client->transferTimeout());
}

void Job::onTransferTimeout()
{
    if (!m_reply)
        return;
    m_abortReason = AbortReason::Inactivity;
    m_reply->abort();
}

void Job::onDeadline()
{
    if (!m_reply)
        return;
    m_abortReason = AbortReason::Deadline;
    m_reply->abort();
}

void Job::onReplyReadyRead()
{
    if (m_reply && sender() == m_reply)
        drainReply();
}

void Job::drainReply()
{
    QNetworkReply *reply = m_reply;
    if (!reply || !reply->isOpen())
        return;
    qint64 length = -1;
    if (m_received.isEmpty()) {
        bool known = false;
        length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        if (!known)
            length = -1;
    }
    // A slice per event: under load the GUI thread may find many megabytes
    // waiting at once, and copying them in one go is the stall this avoids.
    appendReplyBody(reply, &m_received, length, kReadSlice);
    if (reply->bytesAvailable() <= 0) {
        if (m_replyDone)
            finishReply(reply);
        return;
    }
    if (m_drainQueued)
        return;
    m_drainQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this, guard = QPointer<QNetworkReply>(reply)] {
            m_drainQueued = false;
            if (guard && guard == m_reply)
                drainReply();
        },
        Qt::QueuedConnection);
}

void Job::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || sender() != reply)
        return;
    m_inactivityTimer->stop();
    m_deadlineTimer->stop();
    if (reply->isOpen() && reply->bytesAvailable() > kReadSlice && !m_finished) {
        // The rest of the body is read a slice per event first.
        m_replyDone = true;
        drainReply();
        return;
    }
    finishReply(reply);
}

void Job::finishReply(QNetworkReply *reply)
{
    m_reply = nullptr;
    m_replyDone = false;
    reply->disconnect(this);
    reply->deleteLater();
    if (m_finished)
        return;

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = reply->error();
    // The body was read as it arrived (drainReply); what is left is at most a slice.
    if (reply->isOpen())
        appendReplyBody(reply, &m_received);
    else
        m_received.clear();
    const QByteArray body = std::exchange(m_received, {});
    m_httpStatus = status;
    m_lastBody = body;
    if (m_client)
        m_client->rateBudget()->observeHeaders(
            reply->rawHeader("Ratelimit"), reply->rawHeader("Ratelimit-Policy"),
            reply->rawHeader("X-RateLimit-Remaining"), reply->rawHeader("X-RateLimit-Limit"));

    ApiError error;
    const bool success = status >= 200 && status < 300;
    if (m_abortReason == AbortReason::Inactivity) {
        error = ApiError::timeout(
            QStringLiteral("no data for %1 s").arg(m_client ? m_client->transferTimeout() / 1000.0 : 0));
    } else if (m_abortReason == AbortReason::Deadline) {
        error = ApiError::timeout(
            QStringLiteral("no answer within %1 s").arg(m_client ? m_client->requestDeadline() / 1000.0 : 0));
    } else if (m_abortReason == AbortReason::Redirect) {
        error = ApiError::network(int(netError), QStringLiteral("the server redirected to another host"));
    } else if (status == 0 || (success && netError != QNetworkReply::NoError)) {
        // No response, or the body broke off half-way.
        if (netError == QNetworkReply::TimeoutError)
            error = ApiError::timeout(reply->errorString());
        else if (netError == QNetworkReply::SslHandshakeFailedError)
            error = ApiError::tls(reply->errorString());
        else
            error = ApiError::network(int(netError), reply->errorString());
    } else if (success) {
        m_decoding = true;
        Q_EMIT bodyReceived(this);
        if (m_finished) // aborted from a bodyReceived handler
            return;
        handleSuccess(status, body);
        return;
    } else {
        error = ApiError::http(status, decode::errorMessages(body), body);
    }

    RetryPolicy::Attempt attempt;
    attempt.verb = verbOf(m_method);
    attempt.retriesDone = m_attempts - 1;
    attempt.maxRetries = maxRetries();
    attempt.error = error;
    attempt.requestSent = m_bytesSent || status != 0;
    attempt.shouldRetryHeader = RetryPolicy::parseShouldRetry(reply->rawHeader("x-should-retry"));
    attempt.serverDelayMs =
        RetryPolicy::serverDelay(reply->rawHeader("retry-after-ms"), reply->rawHeader("Retry-After"));
    error.setRetryAfterMs(attempt.serverDelayMs);
    if (status == 429 && m_client)
        m_client->rateBudget()->blockFor(attempt.serverDelayMs >= 0 ? attempt.serverDelayMs : 1000);

    if (m_client) {
        const auto decision =
            RetryPolicy::decide(attempt, m_client->retryBaseDelay(), m_client->maxServerRetryDelay(),
                                QRandomGenerator::global()->generateDouble());
        if (decision.retry) {
            qCInfo(lcApi).noquote() << methodName(m_method) << m_path << "attempt" << m_attempts << "failed ("
                                    << error.toLogString() << "); retrying in" << decision.delayMs << "ms";
            scheduleRetry(decision.delayMs);
            return;
        }
    }
    finishNow(error);
}

void Job::complete(const ApiError &error)
{
    m_decoding = false;
    if (m_finished)
        return;
    // A GET whose 2xx body is unreadable (cut short, an HTML error page from a
    // proxy) is fetched again: reading twice cannot change anything.
    if (error.kind() == ApiError::Kind::Decode && m_method == Method::Get && m_client &&
        m_attempts <= maxRetries()) {
        qCInfo(lcApi).noquote() << "GET" << m_path << "attempt" << m_attempts << "unreadable ("
                                << error.detail() << "); retrying";
        scheduleRetry(RetryPolicy::backoff(m_attempts - 1, m_client->retryBaseDelay(),
                                           QRandomGenerator::global()->generateDouble()));
        return;
    }
    finishNow(error);
}

void Job::abort()
{
    if (m_finished)
        return;
    if (!m_started) {
        m_started = true;
        if (m_client)
            m_client->jobStarted();
    }
    m_abortReason = AbortReason::User;
    if (m_waitTimer)
        m_waitTimer->stop();
    releaseReply();
    finishNow(ApiError::canceled());
}

void Job::finishNow(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (m_error)
        m_error.setContext(methodName(m_method), m_path, m_requestId);
    for (QTimer *t : {m_waitTimer, m_inactivityTimer, m_deadlineTimer})
        if (t)
            t->stop();
    if (m_client)
        m_client->jobEnded(m_error);
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}

} // namespace api
