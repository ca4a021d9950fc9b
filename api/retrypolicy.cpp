#include "api/retrypolicy.h"

#include <cmath>

namespace api {

namespace {
// A finite, non-negative number of ms, clamped before the conversion (a double
// beyond qint64's range does not convert: undefined behaviour).
qint64 clampedMs(double ms)
{
    return qint64(std::ceil(std::min(ms, double(RetryPolicy::kMaxServerDelayMs))));
}
} // namespace

qint64 RetryPolicy::backoff(int retriesDone, int baseDelayMs, double jitter01)
{
    double raw = std::min(double(baseDelayMs) * std::pow(2.0, retriesDone), 8000.0);
    if (!(raw >= 0)) // a negative base, or 0 × 2^huge (NaN)
        raw = 0;
    const double jitter = std::isfinite(jitter01) ? std::clamp(jitter01, 0.0, 1.0) : 0.0;
    return qint64(raw * (1.0 - jitter * 0.25));
}

std::optional<bool> RetryPolicy::parseShouldRetry(const QByteArray &value)
{
    const QByteArray v = value.trimmed().toLower();
    if (v == "true")
        return true;
    if (v == "false")
        return false;
    return std::nullopt;
}

qint64 RetryPolicy::serverDelay(const QByteArray &retryAfterMs, const QByteArray &retryAfter,
                                const QDateTime &now)
{
    bool ok = false;
    if (!retryAfterMs.trimmed().isEmpty()) {
        const double ms = retryAfterMs.trimmed().toDouble(&ok);
        if (ok && ms >= 0 && std::isfinite(ms))
            return clampedMs(ms);
    }
    const QByteArray ra = retryAfter.trimmed();
    if (ra.isEmpty())
        return -1;
    const double seconds = ra.toDouble(&ok);
    if (ok)
        return (seconds >= 0 && std::isfinite(seconds)) ? clampedMs(seconds * 1000) : -1;
    // IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110); fall back to RFC 2822 offsets.
    QString text = QString::fromLatin1(ra).simplified();
    QDateTime when;
    if (text.endsWith(QLatin1String(" GMT")) || text.endsWith(QLatin1String(" UTC"))) {
        text.chop(4);
        when = QDateTime::fromString(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        if (!when.isValid())
            when = QDateTime::fromString(text.mid(text.indexOf(QLatin1Char(' ')) + 1),
                                         QStringLiteral("dd MMM yyyy HH:mm:ss"));
        when.setTimeSpec(Qt::UTC);
    } else {
        when = QDateTime::fromString(text, Qt::RFC2822Date);
    }
    if (!when.isValid())
        return -1;
    return std::clamp<qint64>(now.msecsTo(when), 0, kMaxServerDelayMs);
}

RetryPolicy::Decision RetryPolicy::decide(const Attempt &a, int baseDelayMs, qint64 maxServerDelayMs,
                                          double jitter01)
{
    Decision d;
    if (a.retriesDone >= a.maxRetries)
        return d;
    const ApiError &e = a.error;
    switch (e.kind()) {
    case ApiError::Kind::Http:
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        break;
    default:
        return d; // canceled, TLS, decode, refused before sending: retrying cannot help
    }
    const int status = e.kind() == ApiError::Kind::Http ? e.httpStatus() : 0;
    const bool connectionFailure = e.kind() != ApiError::Kind::Http;

    bool retry = false;
    if (a.shouldRetryHeader.has_value()) {
        // The server's explicit word overrides status and method.
        retry = *a.shouldRetryHeader;
    } else {
        switch (a.verb) {
        case Verb::Get:
            // 409 is a lock timeout for a read (REFERENCE §2.8): the SDKs retry it too.
            retry = connectionFailure || status == 408 || status == 409 || status == 429 || status >= 500;
            break;
        case Verb::Put:
        case Verb::Delete:
            // Only when the server proves it did not act, or nothing was sent.
            retry = status == 429 || (status == 503 && a.serverDelayMs >= 0) ||
                    (connectionFailure && !a.requestSent);
            break;
        case Verb::Post:
            // A blind retry of a create makes a duplicate organization.
            retry = false;
            break;
        }
    }
    if (!retry)
        return d;
    if (a.serverDelayMs >= 0) {
        if (a.serverDelayMs > maxServerDelayMs)
            return d; // too long to wait silently: surface it (with retryAfterMs) instead
        d.delayMs = a.serverDelayMs;
    } else {
        d.delayMs = backoff(a.retriesDone, baseDelayMs, jitter01);
    }
    d.retry = true;
    return d;
}

} // namespace api
