#include "liveevents.h"

#include <QRegularExpression>
#include <cmath>

namespace sim {

namespace {
// A request after a long quiet spell catches up at most this many entries.
constexpr qint64 MaxCatchUp = 200000;
} // namespace

std::optional<double> LiveEvents::parseRate(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,7}(?:\\.\\d{1,6})?)/(s|sec|min|h)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const double n = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    const double perMinute = unit == QLatin1String("min") ? n
                             : unit == QLatin1String("h") ? n / 60.0
                                                          : n * 60.0;
    if (!(perMinute > 0) || perMinute > 600000)
        return std::nullopt;
    return perMinute;
}

LiveEvents::LiveEvents(const DataStore &store, quint64 seed, const QString &domain, double perMinute,
                       qint64 startMs)
    : m_random(std::make_unique<Random>(Random::hash("live-events", seed))), m_perMinute(perMinute)
{
    m_generator = std::make_unique<AuditEventGenerator>(store, seed, domain, *m_random);
    m_nextMs = startMs + nextGapMs();
}

LiveEvents::~LiveEvents() = default;

qint64 LiveEvents::nextGapMs()
{
    // Exponential gaps (a Poisson stream) around the mean, at least 1 ms.
    const double meanMs = 60000.0 / m_perMinute;
    const double u = qMax(1e-9, 1.0 - m_random->uniform());
    return qMax<qint64>(1, qint64(std::llround(-std::log(u) * meanMs)));
}

void LiveEvents::emitAt(qint64 timeMs, AuditStore &audit)
{
    AuditEvent e;
    m_generator->fill(e, timeMs, *m_random);
    audit.append(e);
    ++m_emitted;
    // Half of the successful invites are batches: their entries share the timestamp.
    if (e.description == "Create organization member" && e.result == "success" && m_random->chance(0.5)) {
        const int more = m_random->range(1, 3);
        for (int i = 0; i < more; ++i) {
            AuditEvent same = e;
            same.resourceId = Random::hexId(quint64(timeMs), "live-member", quint64(m_emitted));
            same.responseJson = "{\"id\":\"" + same.resourceId + "\",\"status\":\"pending\"}";
            audit.append(same);
            ++m_emitted;
        }
    }
}

void LiveEvents::advance(qint64 nowMs, AuditStore &audit)
{
    if (m_paused)
        return;
    qint64 n = 0;
    while (m_nextMs <= nowMs && n < MaxCatchUp) {
        emitAt(m_nextMs, audit);
        m_nextMs += nextGapMs();
        ++n;
    }
    if (m_nextMs <= nowMs)
        m_nextMs = nowMs + nextGapMs();
}

void LiveEvents::emitNow(int count, qint64 nowMs, AuditStore &audit)
{
    for (int i = 0; i < count; ++i)
        emitAt(nowMs, audit);
}

void LiveEvents::setPaused(bool paused, qint64 nowMs)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!paused)
        m_nextMs = nowMs + nextGapMs();
}

} // namespace sim
