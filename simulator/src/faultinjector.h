#pragma once
// Decides, per API request, whether to damage the response (--faults). The
// dice come from a generator seeded with --fault-seed so a failing client test
// can be replayed exactly.

#include "random.h"

#include <QList>
#include <QString>

namespace sim {

enum class FaultKind {
    None,
    TooManyRequests,
    InternalError,
    BadGateway,
    Unavailable,
    RequestTimeout,
    Conflict,
    Reset,
    Truncate,
    NonJson,
    Stall
};

class FaultInjector
{
public:
    // Validates a spec such as "500:0.1,reset:0.02,latency:50ms".
    static bool parseSpec(const QString &spec, QString &error);
    bool configure(const QString &spec, quint64 seed, QString &error);

    FaultKind roll();
    int latencyMs() const { return m_latencyMs; }
    bool enabled() const { return !m_rates.isEmpty() || m_latencyMs > 0; }

    static const char *name(FaultKind kind);

private:
    struct Rate
    {
        FaultKind kind;
        double probability;
    };
    static bool parseInto(const QString &spec, QList<Rate> &rates, int &latencyMs, QString &error);

    QList<Rate> m_rates;
    int m_latencyMs = 0;
    Random m_dice;
};

} // namespace sim
