#include "ratelimiter.h"

#include <QDateTime>
#include <QLocale>
#include <cmath>

namespace sim {

RateLimiter::RateLimiter(int capacity, int windowSeconds, bool xHeaders)
    : m_capacity(capacity), m_window(windowSeconds), m_xHeaders(xHeaders)
{}

RateLimiter::Decision RateLimiter::take(const QByteArray &key, qint64 nowMs)
{
    const double perSecond = double(m_capacity) / double(m_window);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_capacity), nowMs});
    Bucket &b = it.value();
    b.tokens = qMin(double(m_capacity), b.tokens + double(nowMs - b.lastMs) / 1000.0 * perSecond);
    b.lastMs = nowMs;

    Decision d;
    if (m_forced > 0) {
        // Test hook: a short wait so client retry tests stay fast.
        --m_forced;
        d.allowed = false;
        d.remaining = 0;
        d.retryAfterSeconds = 1;
        d.resetSeconds = 1;
        return d;
    }
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        d.allowed = true;
    } else {
        d.allowed = false;
        d.retryAfterSeconds = qMax(1, int(std::ceil((1.0 - b.tokens) / perSecond)));
    }
    d.remaining = int(std::floor(b.tokens));
    d.resetSeconds = int(std::ceil((double(m_capacity) - b.tokens) / perSecond));
    if (!d.allowed)
        d.resetSeconds = qMax(d.resetSeconds, d.retryAfterSeconds);
    return d;
}

QList<QPair<QByteArray, QByteArray>> RateLimiter::headers(const Decision &d, qint64 nowMs) const
{
    QList<QPair<QByteArray, QByteArray>> h;
    h.append({"Ratelimit", "\"default\";r=" + QByteArray::number(d.remaining) +
                               ";t=" + QByteArray::number(d.allowed ? d.resetSeconds : d.retryAfterSeconds)});
    h.append({"Ratelimit-Policy",
              "\"default\";q=" + QByteArray::number(m_capacity) + ";w=" + QByteArray::number(m_window)});
    if (!d.allowed)
        h.append({"Retry-After", QByteArray::number(d.retryAfterSeconds)});
    if (m_xHeaders) {
        h.append({"x-ratelimit-limit", QByteArray::number(m_capacity)});
        h.append({"x-ratelimit-remaining", QByteArray::number(d.remaining)});
        const QDateTime reset =
            QDateTime::fromMSecsSinceEpoch(nowMs + qint64(d.resetSeconds) * 1000, Qt::UTC);
        h.append(
            {"x-ratelimit-reset",
             QLocale::c().toString(reset, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1()});
    }
    return h;
}

} // namespace sim
