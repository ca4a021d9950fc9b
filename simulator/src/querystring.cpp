#include "querystring.h"

#include <algorithm>

namespace sim {

namespace {
int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
} // namespace

QString QueryString::decodeComponent(QByteArrayView encoded, bool plusIsSpace)
{
    QByteArray bytes;
    bytes.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c == '+' && plusIsSpace) {
            bytes.append(' ');
        } else if (c == '%' && i + 2 < encoded.size() && hexValue(encoded[i + 1]) >= 0 &&
                   hexValue(encoded[i + 2]) >= 0) {
            bytes.append(char(hexValue(encoded[i + 1]) * 16 + hexValue(encoded[i + 2])));
            i += 2;
        } else {
            // A stray '%' is kept literally rather than rejected: lenient like most servers.
            bytes.append(c);
        }
    }
    return QString::fromUtf8(bytes);
}

QueryString QueryString::parse(const QByteArray &raw)
{
    QueryString q;
    for (const QByteArray &part : raw.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArrayView k = eq < 0 ? QByteArrayView(part) : QByteArrayView(part).first(eq);
        const QByteArrayView v = eq < 0 ? QByteArrayView() : QByteArrayView(part).sliced(eq + 1);
        q.m_items.append({decodeComponent(k, true), decodeComponent(v, true)});
    }
    return q;
}

bool QueryString::contains(const QString &key) const
{
    return std::any_of(m_items.cbegin(), m_items.cend(), [&](const auto &p) { return p.first == key; });
}

QString QueryString::value(const QString &key) const
{
    for (const auto &p : m_items) {
        if (p.first == key)
            return p.second;
    }
    return {};
}

QStringList QueryString::values(const QString &key) const
{
    QStringList out;
    for (const auto &p : m_items) {
        if (p.first == key)
            out.append(p.second);
    }
    return out;
}

QStringList QueryString::keys() const
{
    QStringList out;
    for (const auto &p : m_items) {
        if (!out.contains(p.first))
            out.append(p.first);
    }
    return out;
}

QByteArray QueryString::canonical(const QStringList &excluded) const
{
    QList<QPair<QString, QString>> kept;
    for (const auto &p : m_items) {
        if (!excluded.contains(p.first))
            kept.append(p);
    }
    std::sort(kept.begin(), kept.end());
    QByteArray out;
    for (const auto &p : kept) {
        out += p.first.toUtf8() + '\x1f' + p.second.toUtf8() + '\x1e';
    }
    return out;
}

} // namespace sim
