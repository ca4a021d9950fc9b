#include "api/job.h"

#include "api/attempt_p.h"
#include "api/client.h"
#include "api/decoders.h"
#include "api/logging.h"
#include "api/ratebudget.h"
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
} // namespace

Job::Job(Client *client, Method method, const QString &path, const Query &query, const QByteArray &jsonBody,
         QObject *parent)
    : QObject(parent), m_client(client), m_method(method), m_path(path), m_query(query), m_body(jsonBody),
      m_requestId(Client::newRequestId())
{
    if (client) {
        connect(client, &QObject::destroyed, this, &Job::onClientDestroyed);
        // Before the client stops its network thread: let go of the attempt there.
        connect(client, &Client::networkStopping, this, &Job::releaseAttempt);
    }
}

Job::~Job()
{
    releaseAttempt();
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

void Job::setReadAhead(const QString &cursorParameter, QString (*nextCursor)(const QByteArray &body),
                       quintptr group)
{
    m_readAheadParameter = cursorParameter;
    m_readAheadCursor = nextCursor;
    m_readAheadGroup = group;
}

void Job::releaseAttempt()
{
    m_received.reset();
    detail::Attempt *attempt = std::exchange(m_attempt, nullptr);
    if (!attempt)
        return;
    disconnect(attempt, nullptr, this, nullptr);
    // On the attempt's thread: its destructor aborts a reply still in flight.
    attempt->deleteLater();
}

void Job::onClientDestroyed()
{
    // m_client is already null here: nothing is counted against it any more.
    if (!m_started || m_finished)
        return;
    qCInfo(lcApi).noquote() << methodName(m_method) << m_path << "canceled: its client was deleted";
    releaseAttempt();
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
    // Cancel in the throttled state: a job waiting out the rate limit ends now.
    connect(m_client->rateBudget(), &RateBudget::waitsCanceled, this, [this] {
        if (!m_finished && m_waitTimer->isActive() && !m_attempt) {
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
    const QUrl url = m_client->endpointUrl(m_path, m_query);
    const bool hasBody = !m_body.isEmpty();
    detail::AttemptRequest spec;
    spec.request = m_client->buildRequest(url, m_requestId, hasBody, m_acceptAnything);
    if (m_attempts > 1)
        spec.request.setRawHeader("X-Retry-Count", QByteArray::number(m_attempts - 1));
    spec.verb = methodName(m_method).toLatin1();
    spec.body = m_body;
    spec.transferTimeoutMs = m_client->transferTimeout();
    spec.deadlineMs = m_client->requestDeadline();
    if (m_method == Method::Get && m_readAheadCursor) {
        // The answer may send the next page's request: the page the pager
        // asks for next, within the budget (it is reserved when asked for).
        spec.readAhead.cache = m_client->readAhead();
        spec.readAhead.group = m_readAheadGroup;
        spec.readAhead.nextCursor = m_readAheadCursor;
        spec.readAhead.cursorParameter = m_readAheadParameter;
        spec.readAhead.allowed = m_client->rateBudget()->canSpare(1);
    }
    // Never log headers: they carry the credentials.
    qCDebug(lcApi).noquote() << methodName(m_method) << url.toDisplayString() << "request-id" << m_requestId
                             << "attempt" << m_attempts;

    releaseAttempt();
    QNetworkAccessManager *nam = m_client->networkAccessManager();
    m_received = std::make_shared<std::atomic<qint64>>(0);
    auto *attempt = new detail::Attempt(nam, m_attempts, std::move(spec), m_received);
    m_attempt = attempt;
    connect(attempt, &detail::Attempt::done, this, &Job::onAttemptDone);
    if (nam && nam->thread() != thread()) {
        attempt->moveToThread(nam->thread());
        QMetaObject::invokeMethod(attempt, &detail::Attempt::start, Qt::QueuedConnection);
    } else {
        attempt->start();
    }
}

void Job::onAttemptDone(const detail::AttemptOutcome &outcome)
{
    // A report queued before its attempt was let go of is not the live one's.
    if (!m_attempt || outcome.id != m_attempts)
        return;
    releaseAttempt();
    if (m_finished)
        return;
    using Abort = detail::AttemptOutcome::Abort;
    if (outcome.abort == Abort::ReplyDestroyed) {
        qCInfo(lcApi).noquote() << methodName(m_method) << m_path << "canceled: its reply was destroyed";
        finishNow(ApiError::canceled());
        return;
    }

    const int status = outcome.httpStatus;
    const QNetworkReply::NetworkError netError = outcome.networkError;
    const QByteArray &body = outcome.body;
    if (!outcome.readAheadRequestId.isEmpty())
        m_requestId = outcome.readAheadRequestId; // the id the server saw
    m_httpStatus = status;
    m_lastBody = body;
    if (m_client)
        m_client->rateBudget()->observeHeaders(
            outcome.header("Ratelimit"), outcome.header("Ratelimit-Policy"),
            outcome.header("X-RateLimit-Remaining"), outcome.header("X-RateLimit-Limit"));

    ApiError error;
    const bool success = status >= 200 && status < 300;
    if (outcome.abort == Abort::Inactivity) {
        error = ApiError::timeout(
            QStringLiteral("no data for %1 s").arg(m_client ? m_client->transferTimeout() / 1000.0 : 0));
    } else if (outcome.abort == Abort::Deadline) {
        error = ApiError::timeout(
            QStringLiteral("no answer within %1 s").arg(m_client ? m_client->requestDeadline() / 1000.0 : 0));
    } else if (outcome.abort == Abort::Redirect) {
        error = ApiError::network(int(netError), QStringLiteral("the server redirected to another host"));
    } else if (status == 0 || (success && netError != QNetworkReply::NoError)) {
        // No response, or the body broke off half-way.
        if (netError == QNetworkReply::TimeoutError)
            error = ApiError::timeout(outcome.errorString);
        else if (netError == QNetworkReply::SslHandshakeFailedError)
            error = ApiError::tls(outcome.errorString);
        else
            error = ApiError::network(int(netError), outcome.errorString);
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
    attempt.requestSent = outcome.requestSent || status != 0;
    attempt.shouldRetryHeader = RetryPolicy::parseShouldRetry(outcome.header("x-should-retry"));
    attempt.serverDelayMs =
        RetryPolicy::serverDelay(outcome.header("retry-after-ms"), outcome.header("Retry-After"));
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
    if (m_waitTimer)
        m_waitTimer->stop();
    releaseAttempt();
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
    if (m_waitTimer)
        m_waitTimer->stop();
    if (m_client)
        m_client->jobEnded(m_error);
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}

} // namespace api
