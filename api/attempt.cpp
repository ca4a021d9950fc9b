#include "api/attempt_p.h"

#include "api/client.h"
#include "api/logging.h"
#include "api/query.h"
#include "api/replybody.h"

#include <QIODevice>
#include <QNetworkAccessManager>
#include <QTimer>

#include <algorithm>
#include <cstring>
#include <utility>

namespace api::detail {

namespace {

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

QByteArray AttemptOutcome::header(QByteArrayView name) const
{
    QByteArray out;
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (!out.isEmpty())
            out += ", ";
        out += h.second;
    }
    return out;
}

Attempt::Attempt(QNetworkAccessManager *manager, int id, AttemptRequest request,
                 std::shared_ptr<std::atomic<qint64>> received)
    : m_manager(manager), m_request(std::move(request)), m_received(std::move(received)), m_id(id)
{}

Attempt::~Attempt()
{
    m_done = true; // nothing is reported from here
    if (QNetworkReply *reply = m_reply) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void Attempt::start()
{
    if (m_done || m_reply)
        return;
    if (m_request.verb == "GET" && m_request.readAhead.cache) {
        if (Attempt *parked = m_request.readAhead.cache->take(m_request.request.url())) {
            adopt(parked);
            return;
        }
    }
    send();
}

void Attempt::adopt(Attempt *parked)
{
    parked->setParent(this); // deleted with this attempt: a reply still in flight is aborted
    parked->m_parked = false;
    parked->m_received = m_received;
    const QByteArray requestId = parked->m_request.request.rawHeader("X-Request-ID");
    const auto forward = [this, requestId](AttemptOutcome outcome) {
        outcome.readAheadRequestId = requestId;
        // This page's answer may name the next one: read that ahead too.
        readAheadNext(outcome);
        finish(std::move(outcome));
    };
    if (parked->m_kept) {
        AttemptOutcome outcome = std::move(*parked->m_kept);
        parked->m_kept.reset();
        forward(std::move(outcome));
        return;
    }
    if (m_received)
        m_received->store(parked->m_body.size(), std::memory_order_relaxed);
    connect(parked, &Attempt::done, this, forward);
}

void Attempt::readAheadNext(const AttemptOutcome &outcome)
{
    const ReadAheadRule &rule = m_request.readAhead;
    if (!rule.cache || !rule.allowed || !rule.nextCursor || m_request.verb != "GET" || !m_manager ||
        outcome.abort != AttemptOutcome::Abort::None || outcome.networkError != QNetworkReply::NoError ||
        outcome.httpStatus < 200 || outcome.httpStatus >= 300)
        return;
    const QString cursor = rule.nextCursor(outcome.body);
    if (cursor.isEmpty())
        return;
    // This request with the cursor replaced: the query's other pairs as sent.
    const QUrl url = m_request.request.url();
    QByteArray encoded = url.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment) + '?';
    const QByteArray prefix = rule.cursorParameter.toUtf8() + '=';
    for (const QByteArray &pair : url.query(QUrl::FullyEncoded).toLatin1().split('&'))
        if (!pair.isEmpty() && !pair.startsWith(prefix))
            encoded += pair + '&';
    encoded += prefix + Query::encode(cursor);
    AttemptRequest next = m_request;
    next.readAhead = {}; // a parked page reads nothing ahead: the attempt that adopts it does
    next.request.setUrl(QUrl::fromEncoded(encoded, QUrl::StrictMode));
    next.request.setRawHeader("X-Request-ID", Client::newRequestId());
    next.request.setRawHeader("X-Retry-Count", {}); // not sent: the next page's first attempt
    auto *parked = new Attempt(m_manager, 0, std::move(next), nullptr);
    parked->m_parked = true;
    parked->send();
    rule.cache->park(rule.group, parked);
}

void Attempt::send()
{
    if (!m_manager) {
        AttemptOutcome out;
        out.abort = AttemptOutcome::Abort::ReplyDestroyed;
        finish(std::move(out));
        return;
    }
    QNetworkReply *reply = nullptr;
    const QNetworkRequest &request = m_request.request;
    const bool hasBody = !m_request.body.isEmpty();
    if (m_request.verb == "GET") {
        reply = m_manager->get(request);
    } else if (m_request.verb == "POST") {
        QNetworkRequest r = request;
        r.setHeader(QNetworkRequest::ContentLengthHeader, m_request.body.size());
        r.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *device = new OneShotBody(m_request.body, nullptr);
        reply = m_manager->post(r, device);
        device->setParent(reply);
    } else if (m_request.verb == "PUT") {
        reply = m_manager->put(request, m_request.body);
    } else if (m_request.verb == "DELETE" && !hasBody) {
        reply = m_manager->deleteResource(request);
    } else {
        reply = m_manager->sendCustomRequest(request, m_request.verb, m_request.body);
    }
    m_reply = reply;
    const QUrl url = request.url();
    connect(reply, &QObject::destroyed, this, &Attempt::onReplyDestroyed);
    connect(reply, &QNetworkReply::finished, this, &Attempt::onFinished);
    connect(reply, &QIODevice::readyRead, this, &Attempt::readBody);
    connect(reply, &QNetworkReply::downloadProgress, this, &Attempt::resetInactivity);
    connect(reply, &QNetworkReply::uploadProgress, this, &Attempt::resetInactivity);
    connect(reply, &QNetworkReply::metaDataChanged, this, &Attempt::resetInactivity);
    connect(reply, &QNetworkReply::requestSent, this, [this] { m_sent = true; });
    connect(reply, &QNetworkReply::redirected, this, [this, reply, url](const QUrl &target) {
        if (sameOrigin(url, target)) {
            Q_EMIT reply->redirectAllowed();
            return;
        }
        qCWarning(lcApi).noquote() << "refusing redirect to another host:" << target.host();
        abortFor(AttemptOutcome::Abort::Redirect);
    });
    if (m_request.transferTimeoutMs > 0) {
        m_inactivity = new QTimer(this);
        m_inactivity->setSingleShot(true);
        connect(m_inactivity, &QTimer::timeout, this,
                [this] { abortFor(AttemptOutcome::Abort::Inactivity); });
        m_inactivity->start(m_request.transferTimeoutMs);
    }
    if (m_request.deadlineMs > 0) {
        m_deadline = new QTimer(this);
        m_deadline->setSingleShot(true);
        connect(m_deadline, &QTimer::timeout, this, [this] { abortFor(AttemptOutcome::Abort::Deadline); });
        m_deadline->start(m_request.deadlineMs);
    }
}

void Attempt::resetInactivity()
{
    if (m_inactivity && m_reply)
        m_inactivity->start(m_request.transferTimeoutMs);
}

void Attempt::abortFor(AttemptOutcome::Abort reason)
{
    if (!m_reply || m_done)
        return;
    m_abort = reason;
    m_reply->abort(); // finished() follows with OperationCanceledError
}

void Attempt::readBody()
{
    QNetworkReply *reply = m_reply;
    if (!reply || sender() != reply || !reply->isOpen())
        return;
    qint64 length = -1;
    if (m_body.isEmpty()) {
        bool known = false;
        length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        if (!known)
            length = -1;
    }
    // Into one buffer sized by the Content-Length, with the decoders' padding:
    // each byte is copied once, on this thread.
    appendReplyBody(reply, &m_body, length);
    if (m_received)
        m_received->store(m_body.size(), std::memory_order_relaxed);
}

void Attempt::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || sender() != reply || m_done)
        return;
    if (m_inactivity)
        m_inactivity->stop();
    if (m_deadline)
        m_deadline->stop();
    AttemptOutcome out;
    out.id = m_id;
    out.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.networkError = reply->error();
    out.errorString = reply->errorString();
    out.headers = reply->rawHeaderPairs();
    out.abort = m_abort;
    out.requestSent = m_sent;
    if (reply->isOpen()) {
        appendReplyBody(reply, &m_body);
        out.body = std::exchange(m_body, {});
    }
    m_body = {};
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    // The next page goes out now, before this one's report crosses threads.
    if (!m_parked)
        readAheadNext(out);
    finish(std::move(out));
}

void Attempt::onReplyDestroyed()
{
    // Only a reply still in flight is connected here.
    if (m_done)
        return;
    m_reply = nullptr;
    m_body = {};
    AttemptOutcome out;
    out.abort = AttemptOutcome::Abort::ReplyDestroyed;
    finish(std::move(out));
}

void Attempt::finish(AttemptOutcome &&outcome)
{
    if (m_done)
        return;
    m_done = true;
    outcome.id = m_id;
    if (m_received)
        m_received->store(0, std::memory_order_relaxed);
    if (m_parked) {
        m_kept = std::make_unique<AttemptOutcome>(std::move(outcome));
        return;
    }
    Q_EMIT done(outcome);
}

ReadAhead::ReadAhead(QObject *parent) : QObject(parent) {}

ReadAhead::~ReadAhead()
{
    dropAll();
}

QString ReadAhead::key(const QUrl &url)
{
    QList<QByteArray> pairs = url.query(QUrl::FullyEncoded).toLatin1().split('&');
    pairs.removeAll(QByteArray());
    std::sort(pairs.begin(), pairs.end());
    return QString::fromLatin1(url.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment) + '?' +
                               pairs.join('&'));
}

void ReadAhead::park(quintptr group, Attempt *attempt)
{
    attempt->setParent(this);
    while (m_parked.size() >= size_t(kMaxParked))
        discard(0);
    const quint64 serial = ++m_serial;
    m_parked.push_back(Parked{group, key(attempt->m_request.request.url()), attempt, serial});
    // Unclaimed (the pager went another way, or stalled): let it go.
    QTimer::singleShot(kParkedMs, this, [this, serial] {
        for (size_t i = 0; i < m_parked.size(); ++i)
            if (m_parked[i].serial == serial) {
                discard(i);
                return;
            }
    });
}

Attempt *ReadAhead::take(const QUrl &url)
{
    const QString wanted = key(url);
    for (size_t i = 0; i < m_parked.size(); ++i) {
        if (m_parked[i].key != wanted)
            continue;
        Attempt *attempt = m_parked[i].attempt;
        m_parked.erase(m_parked.begin() + qsizetype(i));
        attempt->setParent(nullptr);
        m_adopted.fetch_add(1, std::memory_order_relaxed);
        return attempt;
    }
    return nullptr;
}

void ReadAhead::drop(quintptr group)
{
    for (size_t i = m_parked.size(); i-- > 0;)
        if (m_parked[i].group == group)
            discard(i);
}

void ReadAhead::dropAll()
{
    while (!m_parked.empty())
        discard(m_parked.size() - 1);
}

void ReadAhead::discard(size_t i)
{
    Attempt *attempt = m_parked[i].attempt;
    m_parked.erase(m_parked.begin() + qsizetype(i));
    attempt->deleteLater(); // its destructor aborts a reply still in flight
}

} // namespace api::detail
