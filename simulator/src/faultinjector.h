#pragma once
// Decides, per API request, whether to damage the response (--faults). The
// dice come from a generator seeded with --fault-seed so a failing client test
// can be replayed exactly.

#include "random.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
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
    ResetAfterWrite, // a write (POST/PUT/PATCH/DELETE) is applied, then the connection drops unanswered
    Truncate,
    NonJson,
    Malformed, // a 200 whose JSON has a doubled comma: well framed, not JSON
    Stall
};

class FaultInjector
{
public:
    // Validates a spec such as "500:0.1,reset:0.02,latency:50ms".
    static bool parseSpec(const QString &spec, QString &error);
    bool configure(const QString &spec, quint64 seed, QString &error);

    // `method` decides for the kinds that only hit writes (reset-after-write).
    FaultKind roll(const QByteArray &method = QByteArrayLiteral("GET"));
    int latencyMs() const { return m_latencyMs; }
    bool enabled() const { return !m_rates.isEmpty() || m_latencyMs > 0; }

    static const char *name(FaultKind kind);

    static bool isWrite(const QByteArray &method);

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

// --opaque-error-codes: the codes of REFERENCE §8.3 are the simulator's own
// invention, so in this mode each one becomes a random number (fixed within a
// run, different between runs) and its message is reworded. The codes
// observed on the real API (971, 1000, 7003, 9109, 10000) stay as they are.
class OpaqueErrorCodes
{
public:
    explicit OpaqueErrorCodes(quint64 seed);
    // Rewrites the errors[] of a JSON error body in place; others untouched.
    QByteArray rewrite(const QByteArray &body);
    int codeFor(int code);
    static bool isInvented(int code);

private:
    QHash<int, int> m_codes;
    QSet<int> m_used;
    Random m_dice;
};

} // namespace sim
