#include "httpserver.h"

#include "envelope.h"
#include "logging.h"
#include "random.h"
#include "service.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QLocale>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace sim {

namespace {
const char *reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

const QByteArray proxyErrorPage =
    "<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad "
    "Gateway</h1></center>\n<hr><center>cloudflare</center>\n</body>\n</html>\n";
// --faults malformed: a comma doubled at the first one outside a string from
// the middle of the body on. Framing, brackets, strings and UTF-8 stay
// whole, so only a client that checks the grammar notices.
void doubleAComma(QByteArray &body)
{
    bool inString = false;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == ',' && i >= body.size() / 2) {
            body.insert(i, ',');
            return;
        }
    }
    body.append(','); // no comma to double: trailing content does the same
}
} // namespace

HttpServer::HttpServer(Service &service, const Options &options, QObject *parent)
    : QAbstractHttpServer(parent), m_service(service), m_options(options),
      m_opaque(QRandomGenerator::global()->generate64()) // a new set of codes every run
{
    QString error;
    m_faults.configure(options.faults, options.faultSeed, error);
}

bool HttpServer::listenOn(const QHostAddress &address, quint16 port, QString &error)
{
    m_tcp = new QTcpServer(this);
    if (!m_tcp->listen(address, port)) {
        error = m_tcp->errorString();
        return false;
    }
    bind(m_tcp);
    return true;
}

quint16 HttpServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QByteArray HttpServer::serialize(const HttpResponse &r, bool head, bool close, qsizetype bodyLimit,
                                 qsizetype declaredLength)
{
    QByteArray out;
    const qsizetype bodySize = bodyLimit < 0 ? r.body.size() : qMin(bodyLimit, r.body.size());
    out.reserve(bodySize + 512);
    out += "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reason(r.status) + "\r\n";
    out += "Date: " +
           QLocale::c()
               .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
               .toLatin1() +
           "\r\n";
    out += "Server: orgscope-sim\r\n";
    out += "CF-RAY: " +
           Random::hex(Random::mix(quint64(QDateTime::currentMSecsSinceEpoch()) ^ quintptr(&r)), 16) +
           "-SIM\r\n";
    if (r.status != 204) {
        if (!r.contentType.isEmpty())
            out += "Content-Type: " + r.contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(declaredLength >= 0 ? declaredLength : r.body.size()) +
               "\r\n";
    }
    for (const auto &h : r.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += close ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!head && r.status != 204)
        out.append(r.body.constData(), bodySize);
    return out;
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpRequest req;
    req.method = methodName(request.method());
    const QUrl url = request.url();
    req.rawPath = url.path(QUrl::FullyEncoded).toUtf8();
    req.rawQuery = url.query(QUrl::FullyEncoded).toUtf8();
    req.headers = request.headers();
    req.body = request.body();
    QHostAddress peer = request.remoteAddress();
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    req.remoteAddress = isV4 ? QHostAddress(v4).toString() : peer.toString();

    const bool head = req.method == "HEAD";
    const bool close = request.value("Connection").toLower().contains("close");
    const bool isApi = req.rawPath.startsWith("/client/v4");

    FaultKind fault = isApi ? m_faults.roll(req.method) : FaultKind::None;
    HttpResponse response;
    switch (fault) {
    case FaultKind::TooManyRequests:
        // Status faults short-circuit: the request is not processed.
        response = Envelope::error(429, 971,
                                   QStringLiteral("Please wait and consider throttling your request speed"));
        response.headers = {
            {"Retry-After", "1"},
            {"retry-after-ms", "1000"},
            {"Ratelimit", "\"default\";r=0;t=1"},
            {"Ratelimit-Policy", "\"default\";q=" + QByteArray::number(m_options.rateLimitCount) +
                                     ";w=" + QByteArray::number(m_options.rateLimitWindowSeconds)}};
        break;
    case FaultKind::InternalError:
        response = Envelope::error(500, 1100, QStringLiteral("Internal server error (simulated fault)"));
        break;
    case FaultKind::BadGateway:
        response = Envelope::error(502, 1102, QStringLiteral("Bad gateway (simulated fault)"));
        break;
    case FaultKind::Unavailable:
        response =
            Envelope::error(503, 1103, QStringLiteral("Service temporarily unavailable (simulated fault)"));
        break;
    case FaultKind::RequestTimeout:
        response = Envelope::error(408, 1104, QStringLiteral("Request timeout (simulated fault)"));
        break;
    case FaultKind::Conflict:
        // 409 is retryable for the SDKs ("lock timeout"), unlike business-rule conflicts.
        response = Envelope::error(409, 1105, QStringLiteral("Lock timeout, try again (simulated fault)"));
        break;
    case FaultKind::NonJson:
        response.status = 502;
        response.contentType = "text/html; charset=UTF-8";
        response.body = proxyErrorPage;
        break;
    case FaultKind::Malformed:
        response = m_service.handle(req);
        if (response.status / 100 == 2 && !response.body.isEmpty())
            doubleAComma(response.body);
        break;
    default:
        response = m_service.handle(req);
        break;
    }
    if (m_options.opaqueErrorCodes && response.status >= 400)
        response.body = m_opaque.rewrite(response.body);
    qCDebug(lcSim).noquote() << req.method << QString::fromUtf8(req.rawPath) << response.status
                             << FaultInjector::name(fault) << "body" << response.body.size();
    if (fault != FaultKind::None)
        response.headers.append(
            qMakePair(QByteArray("X-Orgscope-Sim-Fault"), QByteArray(FaultInjector::name(fault))));

    QPointer<QTcpSocket> guarded(socket);
    const int latency = isApi ? m_faults.latencyMs() : 0;
    if (latency > 0) {
        QTimer::singleShot(latency, socket, [this, guarded, response, fault, head, close] {
            deliver(guarded, response, fault, head, close);
        });
    } else {
        deliver(guarded, response, fault, head, close);
    }
    return true;
}

void HttpServer::deliver(QPointer<QTcpSocket> socket, const HttpResponse &response, FaultKind fault,
                         bool head, bool close)
{
    if (!socket)
        return;
    const qsizetype half = response.body.size() / 2;
    switch (fault) {
    case FaultKind::Reset: {
        // Headers promise the whole body; half of it arrives, then an RST.
        socket->write(serialize(response, head, false, half));
        socket->flush();
        QTimer::singleShot(100, socket, [socket] {
            if (!socket)
                return;
            const linger lin{1, 0};
            ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &lin, sizeof lin);
            socket->abort();
        });
        return;
    }
    case FaultKind::ResetAfterWrite: {
        // The write was applied; the client hears nothing but an RST.
        const linger lin{1, 0};
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &lin, sizeof lin);
        socket->abort();
        return;
    }
    case FaultKind::Truncate:
        // A well-framed message whose JSON body is cut short.
        socket->write(serialize(response, head, close, half, half));
        break;
    case FaultKind::Stall:
        socket->write(serialize(response, head, false, half));
        socket->flush();
        QTimer::singleShot(m_options.stallMs, socket, [socket] {
            if (socket)
                socket->abort();
        });
        return;
    default:
        // The head, then the body as it is: the socket's buffer shares a large
        // body instead of copying it (tens of megabytes for a usage answer).
        socket->write(serialize(response, head, close, 0));
        if (!head && response.status != 204 && !response.body.isEmpty())
            socket->write(response.body);
        break;
    }
    if (close)
        socket->disconnectFromHost();
}

void HttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // handleRequest() accepts everything; kept for completeness.
    HttpResponse r = Envelope::error(404, 7003, QStringLiteral("Could not route the request"));
    socket->write(serialize(r, false, false));
}

} // namespace sim
