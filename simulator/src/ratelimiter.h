#pragma once
// Rate limit per credential (REFERENCE §2.7). Default: a token bucket of N
// requests per W seconds, refilled continuously. With a block time: the
// documented behaviour — N requests per fixed W-second window, and the call
// over it starts a block during which every call is answered 429 with
// Retry-After = the rest of the block. Every answer carries
// Ratelimit/Ratelimit-Policy unless headers are switched off.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>

namespace sim {

class RateLimiter
{
public:
    RateLimiter(int capacity, int windowSeconds, bool xHeaders, int blockSeconds = 0, bool headers = true);

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
    Decision takeWindowed(const QByteArray &key, qint64 nowMs);

    struct Bucket
    {
        double tokens;
        qint64 lastMs;
    };
    struct Window
    {
        qint64 startMs = 0;
        int count = 0;
        qint64 blockedUntilMs = 0;
    };
    int m_capacity;
    int m_window;
    bool m_xHeaders;
    int m_block;
    bool m_headers;
    QHash<QByteArray, Window> m_windows;
    int m_forced = 0;
    QHash<QByteArray, Bucket> m_buckets;
};

} // namespace sim
