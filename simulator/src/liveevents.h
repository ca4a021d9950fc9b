#pragma once
// --live-events RATE: the organization keeps living while the simulator
// runs. New audit entries arrive at RATE on average (random gaps), drawn
// from the seeded history's mix (AuditEventGenerator: failures and deletions
// included); now and then a batch invite logs several entries with the
// same timestamp, as members:batchCreate does. Entries are created lazily,
// when a request comes in, with the times they would have arrived at, so the
// log is the same whether anybody looked in between or not.

#include "auditeventgenerator.h"

#include <QString>
#include <memory>
#include <optional>

namespace sim {

class LiveEvents
{
public:
    // "30/min", "2/s", "120/h", "0.5/s"; nullopt when unreadable or not > 0.
    static std::optional<double> parseRate(const QString &text); // entries per minute

    LiveEvents(const DataStore &store, quint64 seed, const QString &domain, double perMinute, qint64 startMs);
    ~LiveEvents();

    // Appends every entry due up to nowMs (not while paused).
    void advance(qint64 nowMs, AuditStore &audit);
    // Appends count entries at nowMs at once (test hook), also while paused.
    void emitNow(int count, qint64 nowMs, AuditStore &audit);
    // While paused nothing arrives; resuming does not make up for the pause.
    void setPaused(bool paused, qint64 nowMs);
    bool isPaused() const { return m_paused; }
    double perMinute() const { return m_perMinute; }
    qint64 emitted() const { return m_emitted; }

private:
    void emitAt(qint64 timeMs, AuditStore &audit);
    qint64 nextGapMs();

    std::unique_ptr<Random> m_random;
    std::unique_ptr<AuditEventGenerator> m_generator;
    double m_perMinute;
    qint64 m_nextMs;
    bool m_paused = false;
    qint64 m_emitted = 0;
};

} // namespace sim
