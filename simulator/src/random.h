#pragma once
// Deterministic pseudo-random numbers and ids. std:: distributions differ
// between standard libraries, so the seeded dataset uses its own generator to
// stay identical on every platform for a given --seed.

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace sim {

class Random
{
public:
    explicit Random(quint64 seed = 0) : m_state(seed) {}

    quint64 next();
    // Uniform in [0, bound); bound 0 gives 0.
    quint64 below(quint64 bound) { return bound == 0 ? 0 : next() % bound; }
    int range(int lo, int hi) { return lo + int(below(quint64(hi - lo + 1))); }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return uniform() < p; }
    // Standard normal (Box-Muller), for usage noise.
    double normal();
    template <typename T, qsizetype N> const T &pick(const T (&items)[N]) { return items[below(N)]; }

    static quint64 mix(quint64 x);
    static quint64 hash(QByteArrayView text, quint64 seed = 0);
    // 32 lowercase hex chars derived from (seed, label, n): stable ids for seeded objects.
    static QByteArray hexId(quint64 seed, QByteArrayView label, quint64 n);
    static QByteArray hex(quint64 value, int digits);
    static void writeHex(char *out, quint64 value, int digits);
    // The two halves of hexId(); labelHash = hash(label, seed).
    static void idParts(quint64 labelHash, quint64 n, quint64 &a, quint64 &b);

private:
    quint64 m_state;
};

} // namespace sim
