#include "api/ratebudget.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace api {

namespace {
// Stay this far below the published limit: the user's dashboard and other
// tools draw from the same per-user budget.
constexpr double SafetyFactor = 0.9;
// Announced policies beyond these are not taken at their word: they
// are far beyond any real server's, and converting them to int / qint64 would
// overflow (undefined behaviour).
constexpr double kMaxPolicyRequests = 1e6;
constexpr double kMaxPolicyWindowSeconds = 86400;

qint64 monotonicMs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

// Parses `;name=value` parameters of a structured header item.
bool parameter(const QByteArray &header, const char *name, double *value)
{
    // Every response carries these headers, so no regular expression here.
    const QByteArrayView key(name);
    const QList<QByteArray> parts = header.split(';');
    for (const QByteArray &raw : parts) {
        const QByteArray part = raw.trimmed();
        if (!part.startsWith(key))
            continue;
        const QByteArray rest = part.mid(key.size()).trimmed();
        if (!rest.startsWith('='))
            continue;
        const QByteArray number = rest.mid(1).trimmed();
        qsizetype n = 0;
        while (n < number.size() && (std::isdigit(uchar(number[n])) || number[n] == '.'))
            ++n;
        if (n == 0)
            continue;
        bool ok = false;
        *value = number.left(n).toDouble(&ok);
        return ok;
    }
    return false;
}
} // namespace

RateBudget::RateBudget(QObject *parent) : QObject(parent), m_clock(monotonicMs)
{
    configure();
    m_tokens = m_burst;
    m_last = m_clock();
}

void RateBudget::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_last = m_clock();
    m_blockedUntil = 0;
}

void RateBudget::setLimit(int limit, int windowSeconds)
{
    if (limit <= 0 || windowSeconds <= 0)
        return;
    m_limit = limit;
    m_windowSeconds = windowSeconds;
    configure();
}

void RateBudget::configure()
{
    const double effective = std::max(1.0, m_limit * SafetyFactor);
    // Burst plus refill over one window stays at `effective`, so no window
    // of windowSeconds can ever see more than that many requests.
    m_burst = std::clamp(effective / 20.0, 1.0, 60.0);
    m_rate = (effective - m_burst) / (m_windowSeconds * 1000.0);
    if (m_rate <= 0)
        m_rate = 1.0 / (m_windowSeconds * 1000.0);
    m_tokens = std::min(m_tokens, m_burst);
}

void RateBudget::refill(qint64 now)
{
    if (now > m_last) {
        m_tokens = std::min(m_burst, m_tokens + double(now - m_last) * m_rate);
        m_last = now;
    }
}

qint64 RateBudget::reserve()
{
    const qint64 now = m_clock();
    qint64 wait = std::max<qint64>(0, m_blockedUntil - now);
    if (m_enabled) {
        refill(now);
        m_tokens -= 1.0;
        if (m_tokens < 0)
            wait = std::max(wait, qint64(-m_tokens / m_rate + 0.999));
    }
    if (wait > 0)
        Q_EMIT throttled(wait);
    return wait;
}

bool RateBudget::canSpare(int n)
{
    const qint64 now = m_clock();
    if (m_blockedUntil > now)
        return false;
    if (!m_enabled)
        return true;
    refill(now);
    return m_tokens >= double(n);
}

void RateBudget::blockFor(qint64 ms)
{
    if (ms <= 0)
        return;
    const qint64 now = m_clock();
    const qint64 until = now + std::min(ms, kMaxBlockMs);
    if (until <= m_blockedUntil)
        return;
    m_blockedUntil = until;
    Q_EMIT blocked(until - now);
}

qint64 RateBudget::blockedRemaining() const
{
    return std::max<qint64>(0, m_blockedUntil - m_clock());
}

void RateBudget::observeHeaders(const QByteArray &ratelimit, const QByteArray &policy,
                                const QByteArray &xRemaining, const QByteArray &xLimit)
{
    Q_UNUSED(xLimit);
    // Ratelimit-Policy: "name";q=1200;w=300 (possibly several, comma separated):
    // adopt the strictest rate the server announces.
    if (!policy.isEmpty()) {
        int bestQ = 0;
        int bestW = 0;
        for (const QByteArray &item : policy.split(',')) {
            double q = 0;
            double w = 0;
            if (!parameter(item, "q", &q) || !parameter(item, "w", &w) ||
                !(q >= 1 && q <= kMaxPolicyRequests) || !(w >= 1 && w <= kMaxPolicyWindowSeconds))
                continue;
            if (bestQ == 0 || q / w < double(bestQ) / bestW) {
                bestQ = int(q);
                bestW = int(w);
            }
        }
        if (bestQ > 0 && (bestQ != m_limit || bestW != m_windowSeconds)) {
            m_limit = bestQ;
            m_windowSeconds = bestW;
            configure();
        }
    }
    // Ratelimit: "name";r=<remaining>;t=<seconds to reset>.
    double remaining = -1;
    double reset = -1;
    if (!ratelimit.isEmpty()) {
        parameter(ratelimit, "r", &remaining);
        parameter(ratelimit, "t", &reset);
    } else if (!xRemaining.isEmpty()) {
        bool ok = false;
        remaining = xRemaining.trimmed().toDouble(&ok);
        if (!ok || std::isnan(remaining))
            remaining = -1;
    }
    if (remaining < 0)
        return;
    const qint64 now = m_clock();
    refill(now);
    if (remaining < 1) {
        blockFor(reset > 0 ? qint64(std::min(reset * 1000, double(kMaxBlockMs)))
                           : qint64(m_windowSeconds) * 1000 / 10);
        m_tokens = std::min(m_tokens, 0.0);
        return;
    }
    // Never spend the server's last few requests in one burst.
    m_tokens = std::min(m_tokens, remaining - 1.0);
}

} // namespace api
