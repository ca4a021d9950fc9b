#pragma once
// The burst rule of watch notifications: matches that arrive together are
// notified one by one only while the last minute holds at most `limit` of
// them; beyond that the batch becomes one summary notification, and within
// a minute of a summary further matches are held for the next one (flush()
// once the minute is over). A pure value with the clock passed in.

#include <QList>
#include <QString>
#include <QStringList>

namespace models {

class WatchBurstLimiter
{
public:
    static constexpr qint64 kWindowMs = 60 * 1000;
    static constexpr int kDefaultLimit = 5;

    explicit WatchBurstLimiter(int limit = kDefaultLimit) : m_limit(limit) {}
    void setLimit(int limit) { m_limit = limit; }
    int limit() const { return m_limit; }

    struct Decision
    {
        QStringList individual; // keys to notify one by one
        int summary = 0;        // > 0: one summary notification for this many matches
    };
    // keys: the batch's matches (e.g. entry ids), in order.
    Decision add(const QStringList &keys, qint64 nowMs);
    // Held matches whose summary may go now (0: none, or not yet).
    int flush(qint64 nowMs);
    // When flush() can next release held matches; 0 when none are held.
    qint64 nextFlushMs() const { return m_held > 0 ? m_lastSummaryMs + kWindowMs : 0; }

private:
    void prune(qint64 nowMs);

    int m_limit;
    QList<qint64> m_recent; // times of matches in the window
    qint64 m_lastSummaryMs = -kWindowMs * 2;
    int m_held = 0;
};

} // namespace models
