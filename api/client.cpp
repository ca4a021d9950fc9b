#include "api/client.h"

#include "api/attempt_p.h"
#include "api/logging.h"
#include "api/ratebudget.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QThread>
#include <QUuid>
#include <QtGlobal>

#include <utility>

namespace api {

Credentials Credentials::fromEnvironment()
{
    Credentials c;
    c.apiToken = qEnvironmentVariable("CLOUDFLARE_API_TOKEN").trimmed();
    if (c.apiToken.isEmpty()) {
        c.email = qEnvironmentVariable("CLOUDFLARE_EMAIL").trimmed();
        c.apiKey = qEnvironmentVariable("CLOUDFLARE_API_KEY").trimmed();
    }
    return c;
}

QUrl Client::defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://api.cloudflare.com/client/v4"));
}

QUrl Client::baseUrlFromEnvironment()
{
    const QString env = qEnvironmentVariable("CLOUDFLARE_BASE_URL").trimmed();
    return env.isEmpty() ? defaultBaseUrl() : QUrl(env);
}

Client::Client(QObject *parent) : Client(nullptr, parent) {}

Client::Client(QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent), m_manager(manager), m_budget(new RateBudget(this)), m_baseUrl(defaultBaseUrl())
{
    if (!m_manager) {
        // The manager, its replies and their buffers live on a thread of
        // their own: an answer of tens of megabytes arrives in thousands of
        // chunks, each an event on the manager's thread, and the GUI thread
        // must not spend its frames on them.
        m_networkThread = new QThread;
        m_networkThread->setObjectName(QStringLiteral("orgscope-network"));
        m_networkHome = new QObject;
        m_networkHome->moveToThread(m_networkThread);
        m_networkThread->start();
        // Made in its thread, so that everything it makes lives there too.
        QMetaObject::invokeMethod(
            m_networkHome,
            [this] {
                m_manager = new QNetworkAccessManager(m_networkHome);
                m_manager->setAutoDeleteReplies(false);
                m_readAhead = new detail::ReadAhead(m_networkHome);
            },
            Qt::BlockingQueuedConnection);
        return;
    }
    // Replies are owned and deleted by their jobs' attempts.
    m_manager->setAutoDeleteReplies(false);
    // Parked requests live where their replies do: with a manager of
    // another thread, pages are not read ahead.
    if (m_manager->thread() == thread())
        m_readAhead = new detail::ReadAhead(this);
}

Client::~Client()
{
    // Jobs let go of their attempts (deleted later on the network thread)...
    Q_EMIT networkStopping(QPrivateSignal());
    m_readAhead = nullptr; // goes with the network thread's objects
    if (!m_networkThread)
        return;
    // ...then the manager and what is left of its replies go too, on their
    // thread: a thread that ends deletes what was deleteLater()'d to it.
    std::exchange(m_networkHome, nullptr)->deleteLater();
    m_manager = nullptr;
    m_networkThread->quit();
    m_networkThread->wait();
    delete m_networkThread;
    m_networkThread = nullptr;
}

QThread *Client::networkThread() const
{
    return m_networkThread ? m_networkThread : (m_manager ? m_manager->thread() : nullptr);
}

void Client::setBaseUrl(const QUrl &url)
{
    QUrl clean = url;
    QString path = clean.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    clean.setPath(path);
    if (clean == m_baseUrl)
        return;
    m_baseUrl = clean;
    dropAllReadAhead(); // read ahead from the old address
    Q_EMIT baseUrlChanged(m_baseUrl);
}

void Client::setCredentials(const Credentials &credentials)
{
    if (credentials == m_credentials)
        return;
    m_credentials = credentials;
    dropAllReadAhead(); // read ahead with the old credentials
    Q_EMIT credentialsChanged();
}

QByteArray Client::userAgent() const
{
    return QByteArrayLiteral("Orgscope/" ORGSCOPE_VERSION " Qt/") + QByteArray(qVersion());
}

bool Client::isUrlAllowed(const QUrl &url, QString *why) const
{
    const auto refuse = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (!url.isValid() || url.host().isEmpty())
        return refuse(QStringLiteral("The API address '%1' is not a valid URL").arg(url.toDisplayString()));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    if (scheme == QLatin1String("http")) {
        const QString host = url.host().toLower();
        const QHostAddress address(host);
        if (host == QLatin1String("localhost") || (!address.isNull() && address.isLoopback()))
            return true;
        return refuse(
            QStringLiteral("Refusing to send credentials over plain http to %1; use https").arg(host));
    }
    return refuse(QStringLiteral("Unsupported URL scheme '%1'").arg(url.scheme()));
}

QUrl Client::endpointUrl(const QString &path, const Query &query) const
{
    QByteArray encoded = m_baseUrl.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment);
    while (encoded.endsWith('/'))
        encoded.chop(1);
    encoded += path.toUtf8();
    if (!query.isEmpty())
        encoded += '?' + query.toEncoded();
    return QUrl::fromEncoded(encoded, QUrl::StrictMode);
}

QNetworkRequest Client::buildRequest(const QUrl &url, const QByteArray &requestId, bool hasJsonBody,
                                     bool acceptAnything) const
{
    QNetworkRequest request(url);
    request.setRawHeader("User-Agent", userAgent());
    request.setRawHeader("Accept",
                         acceptAnything ? QByteArrayLiteral("*/*") : QByteArrayLiteral("application/json"));
    if (hasJsonBody)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-Request-ID", requestId);
    // Exactly one scheme per request.
    if (m_credentials.usesToken()) {
        request.setRawHeader("Authorization", "Bearer " + m_credentials.apiToken.toUtf8());
    } else if (m_credentials.usesGlobalKey()) {
        request.setRawHeader("X-Auth-Email", m_credentials.email.toUtf8());
        request.setRawHeader("X-Auth-Key", m_credentials.apiKey.toUtf8());
    }
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    // Every redirect is vetted by the job: same origin only, so credentials
    // never travel to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    // Timeouts are enforced by the job (inactivity + deadline) so that they
    // surface as timeouts, not as "operation canceled".
    request.setTransferTimeout(0);
    return request;
}

qint64 Client::pagesReadAhead() const
{
    return m_readAhead ? m_readAhead->adopted() : 0;
}

void Client::dropReadAhead(quintptr group)
{
    if (m_readAhead)
        QMetaObject::invokeMethod(m_readAhead, [cache = m_readAhead, group] { cache->drop(group); });
}

void Client::dropAllReadAhead()
{
    if (m_readAhead)
        QMetaObject::invokeMethod(m_readAhead, [cache = m_readAhead] { cache->dropAll(); });
}

QByteArray Client::newRequestId()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

void Client::jobStarted()
{
    ++m_inFlight;
    Q_EMIT requestsInFlightChanged(m_inFlight);
}

void Client::jobEnded(const ApiError &error)
{
    m_inFlight = std::max(0, m_inFlight - 1);
    Q_EMIT requestsInFlightChanged(m_inFlight);
    if (error.isError() && error.kind() != ApiError::Kind::Canceled) {
        qCInfo(lcApi).noquote() << "request failed:" << error.toLogString();
        Q_EMIT requestFailed(error);
    }
}

} // namespace api
