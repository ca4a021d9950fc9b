#include "simclient.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTimer>

namespace simtest {

QByteArray Reply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool Reply::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool Reply::isJson() const
{
    QJsonParseError e;
    QJsonDocument::fromJson(body, &e);
    return e.error == QJsonParseError::NoError;
}

int Reply::errorCode() const
{
    const QJsonArray errors = json().value(QStringLiteral("errors")).toArray();
    return errors.isEmpty() ? 0 : errors.first().toObject().value(QStringLiteral("code")).toInt();
}

QString Reply::errorMessage() const
{
    const QJsonArray errors = json().value(QStringLiteral("errors")).toArray();
    return errors.isEmpty() ? QString()
                            : errors.first().toObject().value(QStringLiteral("message")).toString();
}

SimClient::SimClient(const QString &baseUrl) : m_base(baseUrl) {}

Reply SimClient::send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
                      const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    QNetworkRequest request(QUrl(m_base + pathAndQuery, QUrl::StrictMode));
    request.setTransferTimeout(m_timeoutMs);
    if (m_auth == Auth::Token)
        request.setRawHeader("Authorization", "Bearer " + m_token);
    else if (m_auth == Auth::EmailKey) {
        request.setRawHeader("X-Auth-Email", "demo@orgscope.test");
        request.setRawHeader("X-Auth-Key", "orgscope-demo-key");
    }
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &h : extraHeaders)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(m_timeoutMs + 10000);
    loop.exec();
    Reply r;
    if (!reply->isFinished()) {
        r.timedOut = true;
        reply->abort();
    }
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->isOpen() ? reply->readAll() : QByteArray();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

QByteArray SimClient::raw(const QByteArray &request, int timeoutMs)
{
    const QUrl url(m_base);
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(request);
    socket.flush();
    QByteArray out;
    // Read until the server closes or a complete response has arrived.
    while (socket.waitForReadyRead(timeoutMs)) {
        out += socket.readAll();
        const qsizetype headerEnd = out.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            continue;
        const QByteArray head = out.left(headerEnd).toLower();
        const qsizetype cl = head.indexOf("content-length:");
        if (cl < 0)
            break;
        const qsizetype eol = head.indexOf("\r\n", cl);
        const int length = head.mid(cl + 15, eol < 0 ? -1 : eol - cl - 15).trimmed().toInt();
        if (out.size() >= headerEnd + 4 + length)
            break;
    }
    return out;
}

} // namespace simtest
