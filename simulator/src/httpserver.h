#pragma once
// Puts the Service on HTTP/1.1. Qt HttpServer parses the requests; answers
// are written straight to the socket because the faults need what
// QHttpServerResponder cannot do (reset mid-body, a body shorter than its
// Content-Length, a stall after the headers, a 204 without Content-Type).
// Connections stay open between requests (keep-alive) unless the client
// asks to close.

#include "faultinjector.h"
#include "httpresponse.h"
#include "options.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QPointer>

class QTcpServer;
class QTcpSocket;

namespace sim {

class Service;

class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    HttpServer(Service &service, const Options &options, QObject *parent = nullptr);

    // Returns false with `error` set when the address/port cannot be bound.
    bool listenOn(const QHostAddress &address, quint16 port, QString &error);
    quint16 port() const;

    static QByteArray serialize(const HttpResponse &response, bool head, bool close, qsizetype bodyLimit = -1,
                                qsizetype declaredLength = -1);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void deliver(QPointer<QTcpSocket> socket, const HttpResponse &response, FaultKind fault, bool head,
                 bool close);

    Service &m_service;
    Options m_options;
    FaultInjector m_faults;
    OpaqueErrorCodes m_opaque;
    QTcpServer *m_tcp = nullptr;
};

} // namespace sim
