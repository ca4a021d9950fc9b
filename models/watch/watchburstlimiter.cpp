#include "models/watch/watchburstlimiter.h"

namespace models {

void WatchBurstLimiter::prune(qint64 nowMs)
{
    while (!m_recent.isEmpty() && m_recent.first() <= nowMs - kWindowMs)
        m_recent.removeFirst();
}

WatchBurstLimiter::Decision WatchBurstLimiter::add(const QStringList &keys, qint64 nowMs)
{
    prune(nowMs);
    Decision d;
    if (keys.isEmpty())
        return d;
    for (qsizetype i = 0; i < keys.size(); ++i)
        m_recent.append(nowMs);
    if (m_recent.size() <= m_limit && m_held == 0) {
        d.individual = keys;
        return d;
    }
    // A burst: one summary, at most one a minute.
    m_held += int(keys.size());
    d.summary = flush(nowMs);
    return d;
}

int WatchBurstLimiter::flush(qint64 nowMs)
{
    if (m_held == 0 || nowMs < m_lastSummaryMs + kWindowMs)
        return 0;
    m_lastSummaryMs = nowMs;
    return std::exchange(m_held, 0);
}

} // namespace models
