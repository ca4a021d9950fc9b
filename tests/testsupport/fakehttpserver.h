#pragma once
// A tiny scripted HTTP/1.1 server on 127.0.0.1 for api tests: each incoming
// request is answered by the next scripted reply (or a handler), one request
// per connection. Replies can also reset the connection, hang, or send the
// headers and then stall the body.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTcpServer>
#include <functional>

class QTcpSocket;

namespace apitest {

struct FakeRequest
{
    QByteArray method;
    QByteArray target;                    // path + query as sent
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QByteArray path() const
    {
        return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
    }
    QByteArray query() const
    {
        return target.indexOf('?') < 0 ? QByteArray() : target.mid(target.indexOf('?') + 1);
    }
};

struct FakeReply
{
    enum class Action { Respond, Reset, Hang, StallBody };
    Action action = Action::Respond;
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static FakeReply json(int status, const QByteArray &body,
                          QList<QPair<QByteArray, QByteArray>> headers = {});
    static FakeReply reset();
    static FakeReply hang();
    static FakeReply stallBody(const QByteArray &firstBytes);
};

class FakeHttpServer : public QObject
{
    Q_OBJECT
public:
    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;
    bool listen(const QHostAddress &address = QHostAddress::LocalHost);
    QString baseUrl() const; // http://127.0.0.1:PORT/client/v4
    quint16 port() const { return m_server.serverPort(); }

    void enqueue(const FakeReply &reply) { m_script.append(reply); }
    // Used when the script is empty.
    void setHandler(std::function<FakeReply(const FakeRequest &)> handler) { m_handler = std::move(handler); }

    const QList<FakeRequest> &requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const FakeRequest &request);

    QTcpServer m_server;
    QList<FakeReply> m_script;
    std::function<FakeReply(const FakeRequest &)> m_handler;
    QList<FakeRequest> m_requests;
    QMap<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace apitest
