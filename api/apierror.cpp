#include "api/apierror.h"

#include <QCoreApplication>
#include <QNetworkReply>

namespace api {

ApiError ApiError::http(int status, QList<ApiMessage> errors, const QByteArray &bodySnippet)
{
    ApiError e;
    e.m_kind = Kind::Http;
    e.m_httpStatus = status;
    e.m_errors = std::move(errors);
    e.m_body = bodySnippet.left(512);
    // A JSON error body starts with an object or an array; a proxy's page does not.
    const QByteArray start = bodySnippet.left(64).trimmed();
    e.m_bodyNotJson =
        e.m_errors.isEmpty() && !start.isEmpty() && !start.startsWith('{') && !start.startsWith('[');
    return e;
}

ApiError ApiError::network(int qtNetworkError, const QString &detail)
{
    ApiError e;
    e.m_kind = Kind::Network;
    e.m_networkError = qtNetworkError;
    e.m_detail = detail;
    return e;
}

ApiError ApiError::timeout(const QString &detail)
{
    ApiError e;
    e.m_kind = Kind::Timeout;
    e.m_networkError = QNetworkReply::TimeoutError;
    e.m_detail = detail;
    return e;
}

ApiError ApiError::canceled()
{
    ApiError e;
    e.m_kind = Kind::Canceled;
    e.m_networkError = QNetworkReply::OperationCanceledError;
    return e;
}

ApiError ApiError::tls(const QString &detail)
{
    ApiError e;
    e.m_kind = Kind::Tls;
    e.m_networkError = QNetworkReply::SslHandshakeFailedError;
    e.m_detail = detail;
    return e;
}

ApiError ApiError::decode(const QString &detail)
{
    ApiError e;
    e.m_kind = Kind::Decode;
    e.m_detail = detail;
    return e;
}

ApiError ApiError::invalidRequest(const QString &detail)
{
    ApiError e;
    e.m_kind = Kind::InvalidRequest;
    e.m_detail = detail;
    return e;
}

void ApiError::setContext(const QString &method, const QString &path, const QByteArray &requestId)
{
    m_method = method;
    m_path = path;
    m_requestId = requestId;
}

static QString serverText(const QList<ApiMessage> &errors)
{
    QStringList parts;
    for (const ApiMessage &m : errors) {
        QString text = m.message.trimmed();
        if (text.isEmpty())
            continue;
        if (m.code != 0)
            text += QStringLiteral(" (code %1)").arg(m.code);
        parts.append(text);
        if (parts.size() == 3)
            break;
    }
    return parts.join(QStringLiteral("; "));
}

QStringList ApiError::details() const
{
    QStringList lines;
    for (const ApiMessage &m : m_errors)
        lines += m.chain;
    return lines;
}

// What a non-JSON error body is: "an HTML page (“502 Bad Gateway”)" or "text (“…”)".
static QString describeNonJson(const QByteArray &body)
{
    const QString text = QString::fromUtf8(body);
    const bool html = text.trimmed().startsWith(QLatin1Char('<'));
    QString gist;
    if (html) {
        const qsizetype open = text.indexOf(QLatin1String("<title"), 0, Qt::CaseInsensitive);
        const qsizetype from = open < 0 ? -1 : text.indexOf(QLatin1Char('>'), open);
        const qsizetype to =
            from < 0 ? -1 : text.indexOf(QLatin1String("</title"), from, Qt::CaseInsensitive);
        if (to > from)
            gist = text.mid(from + 1, to - from - 1).simplified();
    } else {
        gist = text.simplified();
    }
    gist = gist.left(120);
    const QString what = html ? QCoreApplication::translate("api::ApiError", "an HTML page")
                              : QCoreApplication::translate("api::ApiError", "plain text");
    return gist.isEmpty() ? what : QStringLiteral("%1 (\u201c%2\u201d)").arg(what, gist);
}

QString ApiError::userMessage() const
{
    QString sentence = headline();
    const QStringList causes = details();
    if (!causes.isEmpty())
        sentence += QLatin1Char('\n') + causes.join(QLatin1Char('\n'));
    return sentence;
}

QString ApiError::headline() const
{
    const QString server = serverText(m_errors);
    const auto withServer = [&server](QString sentence) {
        if (!server.isEmpty())
            sentence += QStringLiteral(": ") + server;
        if (!sentence.endsWith(QLatin1Char('.')))
            sentence += QLatin1Char('.');
        return sentence;
    };
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::Canceled:
        return QCoreApplication::translate("api::ApiError", "The request was canceled.");
    case Kind::Timeout:
        return QCoreApplication::translate(
            "api::ApiError", "Cloudflare did not answer in time. Check the connection and retry.");
    case Kind::Tls:
        return QCoreApplication::translate("api::ApiError", "The secure connection to Cloudflare failed: %1.")
            .arg(m_detail);
    case Kind::Network:
        return QCoreApplication::translate("api::ApiError", "Could not reach Cloudflare: %1.").arg(m_detail);
    case Kind::Decode:
        return QCoreApplication::translate("api::ApiError",
                                           "Cloudflare sent an answer Orgscope cannot read (%1).")
            .arg(m_detail);
    case Kind::InvalidRequest:
        return m_detail.endsWith(QLatin1Char('.')) ? m_detail : m_detail + QLatin1Char('.');
    case Kind::Http:
        break;
    }
    const int s = m_httpStatus;
    if (m_bodyNotJson) {
        // Not Cloudflare's JSON: something between Orgscope and the API answered.
        const QString what = describeNonJson(m_body);
        if (s == 429)
            return QCoreApplication::translate(
                       "api::ApiError",
                       "The rate limit was reached (HTTP 429); the answer was %1, not the API's JSON.")
                .arg(what);
        return QCoreApplication::translate("api::ApiError",
                                           "Cloudflare answered HTTP %1 with %2 instead of the API's JSON; a "
                                           "proxy or gateway in between may have answered.")
            .arg(s)
            .arg(what);
    }
    if (s == 401)
        return withServer(QCoreApplication::translate("api::ApiError", "Authentication failed"));
    if (s == 403)
        return withServer(QCoreApplication::translate("api::ApiError", "Permission denied"));
    if (s == 404)
        return withServer(QCoreApplication::translate("api::ApiError", "Not found"));
    if (s == 429) {
        QString text = QCoreApplication::translate("api::ApiError", "Cloudflare's rate limit was reached");
        if (m_retryAfterMs > 0)
            text += QCoreApplication::translate("api::ApiError", "; retry in %n second(s)", nullptr,
                                                int((m_retryAfterMs + 999) / 1000));
        return text + QLatin1Char('.');
    }
    if (s >= 500)
        return withServer(
            QCoreApplication::translate("api::ApiError", "Cloudflare had a server error (HTTP %1)").arg(s));
    if (!server.isEmpty())
        return withServer(QCoreApplication::translate("api::ApiError", "Cloudflare refused the request"));
    QString text = QCoreApplication::translate("api::ApiError", "Cloudflare answered HTTP %1").arg(s);
    const QString body = QString::fromUtf8(m_body).simplified().left(160);
    if (!body.isEmpty())
        text += QStringLiteral(": ") + body;
    return text + QLatin1Char('.');
}

bool ApiError::isRetryable() const
{
    switch (m_kind) {
    case Kind::Network:
    case Kind::Timeout:
        return true;
    case Kind::Http:
        return m_httpStatus == 408 || m_httpStatus == 429 || m_httpStatus >= 500;
    default:
        return false;
    }
}

QString ApiError::toLogString() const
{
    QString out;
    if (!m_method.isEmpty())
        out += m_method + QLatin1Char(' ') + m_path + QLatin1Char(' ');
    switch (m_kind) {
    case Kind::None:
        return out + QStringLiteral("ok");
    case Kind::Http:
        out += QStringLiteral("HTTP %1").arg(m_httpStatus);
        break;
    case Kind::Network:
        out += QStringLiteral("network error %1").arg(m_networkError);
        break;
    case Kind::Timeout:
        out += QStringLiteral("timeout");
        break;
    case Kind::Canceled:
        out += QStringLiteral("canceled");
        break;
    case Kind::Tls:
        out += QStringLiteral("TLS error");
        break;
    case Kind::Decode:
        out += QStringLiteral("decode error");
        break;
    case Kind::InvalidRequest:
        out += QStringLiteral("invalid request");
        break;
    }
    const QString server = serverText(m_errors);
    if (!server.isEmpty())
        out += QStringLiteral(": ") + server;
    const QStringList causes = details();
    if (!causes.isEmpty())
        out += QStringLiteral(" (caused by: ") + causes.join(QStringLiteral("; ")) + QLatin1Char(')');
    if (m_bodyNotJson)
        out += QStringLiteral(" [body not JSON]");
    if (!m_detail.isEmpty())
        out += QStringLiteral(" [") + m_detail + QLatin1Char(']');
    if (!m_requestId.isEmpty())
        out += QStringLiteral(" request-id=") + QString::fromLatin1(m_requestId);
    return out;
}

} // namespace api
