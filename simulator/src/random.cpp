#include "random.h"

#include <cmath>

namespace sim {

quint64 Random::mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

quint64 Random::next()
{
    m_state += 0x9e3779b97f4a7c15ULL;
    quint64 z = m_state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

double Random::normal()
{
    const double u1 = qMax(uniform(), 1e-12);
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

quint64 Random::hash(QByteArrayView text, quint64 seed)
{
    quint64 h = 0xcbf29ce484222325ULL ^ mix(seed);
    for (const char c : text) {
        h ^= quint8(c);
        h *= 0x100000001b3ULL;
    }
    return mix(h);
}

QByteArray Random::hex(quint64 value, int digits)
{
    static const char digitsTable[] = "0123456789abcdef";
    QByteArray out(digits, '0');
    for (int i = digits - 1; i >= 0; --i) {
        out[i] = digitsTable[value & 0xf];
        value >>= 4;
    }
    return out;
}

QByteArray Random::hexId(quint64 seed, QByteArrayView label, quint64 n)
{
    const quint64 a = mix(hash(label, seed) ^ mix(n));
    const quint64 b = mix(a ^ 0x5851f42d4c957f2dULL);
    return QByteArray(hex(a, 16)).append(hex(b, 16));
}

} // namespace sim
