#include "ratelimiter.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace sim {

RateLimiter::RateLimiter(int capacity, int windowSeconds, bool xHeaders, int blockSeconds, bool headers)
    : m_capacity(capacity), m_window(windowSeconds), m_xHeaders(xHeaders), m_block(blockSeconds),
      m_headers(headers)
{}

namespace {
int ceilSeconds(qint64 ms)
{
    return int((std::max<qint64>(ms, 0) + 999) / 1000);
}
} // namespace

RateLimiter::Decision RateLimiter::takeWindowed(const QByteArray &key, qint64 nowMs)
{
    Window &w = m_windows[key];
    const qint64 windowMs = qint64(m_window) * 1000;
    Decision d;
    if (nowMs < w.blockedUntilMs) {
        d.allowed = false;
        d.retryAfterSeconds = qMax(1, ceilSeconds(w.blockedUntilMs - nowMs));
        d.resetSeconds = d.retryAfterSeconds;
        return d;
    }
    if (w.count == 0 || nowMs >= w.startMs + windowMs) {
        w.startMs = nowMs;
        w.count = 0;
    }
    if (w.count < m_capacity) {
        ++w.count;
        d.allowed = true;
        d.remaining = m_capacity - w.count;
        d.resetSeconds = qMax(1, ceilSeconds(w.startMs + windowMs - nowMs));
        return d;
    }
    // Over the limit: blocked from every call for the block time; a fresh
    // window starts when it ends.
    w.blockedUntilMs = nowMs + qint64(m_block) * 1000;
    w.count = 0;
    d.allowed = false;
    d.retryAfterSeconds = qMax(1, m_block);
    d.resetSeconds = d.retryAfterSeconds;
    return d;
}

RateLimiter::Decision RateLimiter::take(const QByteArray &key, qint64 nowMs)
{
    if (m_block > 0 && m_forced <= 0)
        return takeWindowed(key, nowMs);
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
    if (!m_headers) {
        // As the live API may: nothing but Retry-After on a 429.
        if (!d.allowed)
            h.append({"Retry-After", QByteArray::number(d.retryAfterSeconds)});
        return h;
    }
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
