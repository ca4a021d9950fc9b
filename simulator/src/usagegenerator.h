#pragma once
// FOCUS usage records (REFERENCE §4.14, §5.6), one per metric × account ×
// day. Nothing is stored: every quantity is a pure function of (seed,
// account, metric, day), so any 31-day window is computed on request and a
// window asked twice answers identically.

#include "datastore.h"

#include <QByteArray>
#include <QList>

namespace sim {

class UsageGenerator
{
public:
    UsageGenerator(quint64 seed, int days, bool costs, qint64 nowMs);

    // JSON array of records for accounts of `orgId` and (with `subtree`,
    // --usage-scope subtree) its sub-organizations, days [fromDay, toDay]
    // inclusive (midnight UTC ms). `metric`: only that billable metric id
    // (empty: all). A record depends on its account, metric and day only, so
    // a parent's answer repeats its children's records exactly.
    QByteArray records(const DataStore &store, const QByteArray &orgId, qint64 fromDay, qint64 toDay,
                       const QByteArray &metric = {}, bool subtree = true) const;
    // The same array appended to `out` (the envelope's buffer: a 23 MB answer
    // is not copied into it afterwards).
    void appendRecords(QByteArray &out, const DataStore &store, const QByteArray &orgId, qint64 fromDay,
                       qint64 toDay, const QByteArray &metric = {}, bool subtree = true) const;

    // Test hook: `metric`'s quantity of every account on `dayMs` (midnight
    // UTC) is multiplied by `factor` from now on.
    void addSpike(const QByteArray &metric, qint64 dayMs, double factor);
    int spikeCount() const { return int(m_spikes.size()); }

    qint64 firstDay() const { return m_firstDay; }
    qint64 lastDay() const { return m_lastDay; }

private:
    double quantity(const Account &account, int metric, qint64 day) const;

    struct Spike
    {
        QByteArray metric;
        qint64 dayMs = 0;
        double factor = 1.0;
    };
    QList<Spike> m_spikes;
    quint64 m_seed;
    bool m_costs;
    qint64 m_firstDay;
    qint64 m_lastDay; // yesterday: today's usage is not final yet
};

} // namespace sim
