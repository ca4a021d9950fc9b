#include "testsupport/fakehttpserver.h"

#include <QTcpSocket>

namespace apitest {

FakeReply FakeReply::json(int status, const QByteArray &body, QList<QPair<QByteArray, QByteArray>> headers)
{
    FakeReply r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    if (!body.isEmpty())
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return r;
}

FakeReply FakeReply::reset()
{
    FakeReply r;
    r.action = Action::Reset;
    return r;
}

FakeReply FakeReply::hang()
{
    FakeReply r;
    r.action = Action::Hang;
    return r;
}

FakeReply FakeReply::stallBody(const QByteArray &firstBytes)
{
    FakeReply r;
    r.action = Action::StallBody;
    r.body = firstBytes;
    return r;
}

FakeHttpServer::FakeHttpServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
}

FakeHttpServer::~FakeHttpServer()
{
    // Sockets are children of m_server; drop them while m_buffers still exists.
    const auto sockets = m_server.findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        delete socket;
    }
}

bool FakeHttpServer::listen(const QHostAddress &address)
{
    return m_server.listen(address, 0);
}

QString FakeHttpServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/client/v4").arg(m_server.serverPort());
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this, socket] { m_buffers.remove(socket); });
    }
}

void FakeHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    FakeRequest request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.target = first.value(1);
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed().toLower();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        request.headers.insert(name, value);
        if (name == "content-length")
            contentLength = value.toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + contentLength)
        return;
    request.body = buffer.mid(headerEnd + 4, contentLength);
    buffer.clear();
    m_requests.append(request);
    respond(socket, request);
}

void FakeHttpServer::respond(QTcpSocket *socket, const FakeRequest &request)
{
    FakeReply reply;
    if (!m_script.isEmpty())
        reply = m_script.takeFirst();
    else if (m_handler)
        reply = m_handler(request);
    else
        reply =
            FakeReply::json(500, R"({"success":false,"errors":[{"code":1,"message":"no scripted reply"}]})");

    switch (reply.action) {
    case FakeReply::Action::Reset:
        socket->abort();
        return;
    case FakeReply::Action::Hang:
        return;
    case FakeReply::Action::StallBody: {
        QByteArray out =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n";
        out += reply.body;
        socket->write(out);
        return;
    }
    case FakeReply::Action::Respond:
        break;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " Status\r\n";
    for (const auto &h : reply.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    out += reply.body;
    socket->write(out);
    socket->disconnectFromHost();
}

} // namespace apitest
