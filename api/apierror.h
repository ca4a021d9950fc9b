#pragma once
// Every failure of the api layer becomes one ApiError: HTTP status, the
// Cloudflare error items, the network error kind, a sentence for the user and
// whether retrying can help. Pages show userMessage() in their banner; the
// activity log can use toLogString().

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace api {

// One item of the envelope's errors[] (or messages[]) array (REFERENCE §2.6).
struct ApiMessage
{
    int code = 0; // 0 when the API sent none (audit-log errors carry only a message)
    QString message;
    QString pointer; // source.pointer, JSON pointer to the offending input
    QString documentationUrl;
    // The messages of its error_chain (nested items, depth first), each with
    // its code when it has one: what caused this error.
    QStringList chain = {}; // a default, so four-member initializers stay complete
    friend bool operator==(const ApiMessage &, const ApiMessage &) = default;
};

class ApiError
{
public:
    enum class Kind {
        None,           // no error
        Http,           // the server answered with a non-2xx status (or success:false)
        Network,        // connection refused/reset, DNS, ... (no HTTP response)
        Timeout,        // inactivity timeout or overall deadline expired
        Canceled,       // abort() by the caller
        Tls,            // certificate / TLS handshake failure
        Decode,         // response body is not what the API documents
        InvalidRequest, // refused before sending (bad arguments, disallowed URL, no credentials)
    };

    ApiError() = default;

    static ApiError http(int status, QList<ApiMessage> errors, const QByteArray &bodySnippet = {});
    static ApiError network(int qtNetworkError, const QString &detail);
    static ApiError timeout(const QString &detail);
    static ApiError canceled();
    static ApiError tls(const QString &detail);
    static ApiError decode(const QString &detail);
    static ApiError invalidRequest(const QString &detail);

    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }              // 0 when no response
    const QList<ApiMessage> &errors() const { return m_errors; } // Cloudflare error items
    int firstErrorCode() const { return m_errors.isEmpty() ? 0 : m_errors.first().code; }
    int networkError() const { return m_networkError; } // QNetworkReply::NetworkError, 0 when none
    QString detail() const { return m_detail; }         // technical text (decode field path, Qt message)
    QByteArray bodySnippet() const { return m_body; }   // start of a non-JSON error body
    // The error body was not JSON (a proxy's or gateway's HTML page, plain text).
    bool bodyIsNotJson() const { return m_bodyNotJson; }
    // Lines shown under the top error: the causes from each item's error_chain.
    QStringList details() const;

    // Server-requested wait (Retry-After / retry-after-ms) in ms, -1 when none.
    qint64 retryAfterMs() const { return m_retryAfterMs; }
    void setRetryAfterMs(qint64 ms) { m_retryAfterMs = ms; }

    // Context, filled in by the job.
    QString method() const { return m_method; }
    QString path() const { return m_path; }
    QByteArray requestId() const { return m_requestId; }
    void setContext(const QString &method, const QString &path, const QByteArray &requestId);

    // One sentence for a banner, e.g. "Authentication failed: Invalid API Token (code 1000).",
    // followed by details() one per line when the server sent an error_chain.
    QString userMessage() const;
    // True when the same request may succeed later (429, 5xx, 408, network, timeout).
    bool isRetryable() const;
    // Single line for logs and the activity log; never contains secrets.
    QString toLogString() const;

private:
    QString headline() const; // userMessage() without the details

    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QList<ApiMessage> m_errors;
    int m_networkError = 0;
    QString m_detail;
    QByteArray m_body;
    bool m_bodyNotJson = false;
    qint64 m_retryAfterMs = -1;
    QString m_method;
    QString m_path;
    QByteArray m_requestId;
};

} // namespace api

Q_DECLARE_METATYPE(api::ApiError)
