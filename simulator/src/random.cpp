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

void Random::writeHex(char *out, quint64 value, int digits)
{
    static const char digitsTable[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; --i) {
        out[i] = digitsTable[value & 0xf];
        value >>= 4;
    }
}

QByteArray Random::hex(quint64 value, int digits)
{
    QByteArray out(digits, Qt::Uninitialized);
    writeHex(out.data(), value, digits);
    return out;
}

void Random::idParts(quint64 labelHash, quint64 n, quint64 &a, quint64 &b)
{
    a = mix(labelHash ^ mix(n));
    b = mix(a ^ 0x5851f42d4c957f2dULL);
}

QByteArray Random::hexId(quint64 seed, QByteArrayView label, quint64 n)
{
    quint64 a, b;
    idParts(hash(label, seed), n, a, b);
    QByteArray out(32, Qt::Uninitialized);
    writeHex(out.data(), a, 16);
    writeHex(out.data() + 16, b, 16);
    return out;
}

} // namespace sim
