#pragma once
// A deliberately plain HTTP client for the simulator tests: QNetworkAccessManager
// and nothing from api/, so the tests check the wire format itself.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QString>
#include <QUrl>

namespace simtest {

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool timedOut = false;

    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    bool isJson() const;
    // First errors[].code of a failure envelope, 0 when absent.
    int errorCode() const;
    QString errorMessage() const;
};

class SimClient
{
public:
    explicit SimClient(const QString &baseUrl);

    enum class Auth { Token, EmailKey, None };
    void setAuth(Auth auth) { m_auth = auth; }
    void setToken(const QByteArray &token) { m_token = token; }
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }

    // `pathAndQuery` is appended verbatim to the base URL (already encoded).
    Reply get(const QString &pathAndQuery) { return send("GET", pathAndQuery, {}); }
    Reply del(const QString &pathAndQuery, const QByteArray &body = {})
    {
        return send("DELETE", pathAndQuery, body);
    }
    Reply post(const QString &pathAndQuery, const QByteArray &body)
    {
        return send("POST", pathAndQuery, body);
    }
    Reply put(const QString &pathAndQuery, const QByteArray &body) { return send("PUT", pathAndQuery, body); }
    Reply send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
               const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});
    // Raw bytes over a plain TCP socket, for requests QNAM would refuse to send.
    QByteArray raw(const QByteArray &request, int timeoutMs = 5000);

    QString baseUrl() const { return m_base; }
    static QString enc(const QString &value) { return QString::fromLatin1(QUrl::toPercentEncoding(value)); }

private:
    QString m_base;
    QNetworkAccessManager m_nam;
    Auth m_auth = Auth::Token;
    QByteArray m_token = "orgscope-demo-token";
    int m_timeoutMs = 20000;
};

} // namespace simtest
