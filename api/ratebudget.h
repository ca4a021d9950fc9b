#pragma once
// Client-side pacing under Cloudflare's global limit (1200 requests per 300 s
// per user, REFERENCE §2.7): a token bucket whose burst plus refill over any
// window stays below the limit, tightened by Ratelimit / Ratelimit-Policy
// headers when the server sends them. A long download slows down instead of
// drawing a 429 (which locks the user out for five minutes).

#include <QByteArray>
#include <QObject>
#include <functional>

namespace api {

class RateBudget : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // monotonic ms

    explicit RateBudget(QObject *parent = nullptr);

    // The longest block a header or a 429 can impose (a day).
    static constexpr qint64 kMaxBlockMs = qint64(24) * 3600 * 1000;

    // limit requests per windowSeconds; the budget keeps a safety margin below it.
    void setLimit(int limit, int windowSeconds);
    int limit() const { return m_limit; }
    int windowSeconds() const { return m_windowSeconds; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    void setClock(Clock clock); // tests

    // Reserves one request; returns how long (ms) to wait before sending it.
    qint64 reserve();
    // Whether n more requests could go now without waiting (reserves nothing).
    bool canSpare(int n);
    // Feed the response headers (Ratelimit, Ratelimit-Policy, x-ratelimit-*).
    // Policies beyond 10^6 requests or a day's window are ignored; a reset
    // time counts as at most a day.
    void observeHeaders(const QByteArray &ratelimit, const QByteArray &policy,
                        const QByteArray &xRemaining = {}, const QByteArray &xLimit = {});
    // A 429 arrived: nothing goes out before retryAfterMs (at most kMaxBlockMs).
    void blockFor(qint64 ms);
    // How long the current block still lasts (ms), 0 when not blocked.
    qint64 blockedRemaining() const;
    // The user gave up waiting (Cancel in the throttled state): every job
    // waiting to send ends as canceled. The block itself stays: the server
    // would answer 429 anyway.
    void cancelWaits() { Q_EMIT waitsCanceled(); }

    // Steady refill, tokens per second (requests per second once the burst is spent).
    double ratePerSecond() const { return m_rate * 1000.0; }
    double burst() const { return m_burst; }

Q_SIGNALS:
    // The budget made a request wait (ms): lets the UI say "pacing…".
    void throttled(qint64 waitMs);
    // The server blocked this credential (a 429, or no requests left): nothing
    // goes out for waitMs. Emitted when a block starts or grows; the throttled
    // state the status bar and `orgscope export` show.
    void blocked(qint64 waitMs);
    void waitsCanceled();

private:
    void refill(qint64 now);
    void configure();

    Clock m_clock;
    int m_limit = 1200;
    int m_windowSeconds = 300;
    bool m_enabled = true;
    double m_rate = 0;   // tokens per ms
    double m_burst = 0;  // bucket size
    double m_tokens = 0; // may go negative: requests queued behind each other
    qint64 m_last = 0;
    qint64 m_blockedUntil = 0;
};

} // namespace api
