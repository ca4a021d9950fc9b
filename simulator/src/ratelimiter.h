#pragma once
// Token bucket per credential (REFERENCE §2.7): N requests per W seconds,
// refilled continuously. Every answer carries Ratelimit/Ratelimit-Policy.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>

namespace sim {

class RateLimiter
{
public:
    RateLimiter(int capacity, int windowSeconds, bool xHeaders);

    struct Decision
    {
        bool allowed = true;
        int remaining = 0;
        int resetSeconds = 0;
        int retryAfterSeconds = 0;
    };
    Decision take(const QByteArray &key, qint64 nowMs);
    void forceNext(int count) { m_forced = count; }
    int forcedLeft() const { return m_forced; }
    QList<QPair<QByteArray, QByteArray>> headers(const Decision &d, qint64 nowMs) const;

private:
    struct Bucket
    {
        double tokens;
        qint64 lastMs;
    };
    int m_capacity;
    int m_window;
    bool m_xHeaders;
    int m_forced = 0;
    QHash<QByteArray, Bucket> m_buckets;
};

} // namespace sim
