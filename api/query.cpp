#include "api/query.h"

#include <QUrl>

namespace api {

Query &Query::add(const QString &key, const QString &value)
{
    m_items.append({key, value});
    return *this;
}

Query &Query::addIfSet(const QString &key, const QString &value)
{
    if (!value.isEmpty())
        m_items.append({key, value});
    return *this;
}

Query &Query::add(const QString &key, const QStringList &values)
{
    for (const QString &v : values)
        m_items.append({key, v});
    return *this;
}

Query &Query::add(const QString &key, qint64 value)
{
    return add(key, QString::number(value));
}

Query &Query::add(const QString &key, bool value)
{
    return add(key, value ? QStringLiteral("true") : QStringLiteral("false"));
}

Query &Query::set(const QString &key, const QString &value)
{
    qsizetype at = -1;
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items[i].first == key) {
            if (at < 0) {
                at = i;
                m_items[i].second = value;
            } else {
                m_items.remove(i--);
            }
        }
    }
    if (at < 0)
        m_items.append({key, value});
    return *this;
}

Query &Query::remove(const QString &key)
{
    m_items.removeIf([&key](const QPair<QString, QString> &p) { return p.first == key; });
    return *this;
}

bool Query::contains(const QString &key) const
{
    for (const auto &p : m_items)
        if (p.first == key)
            return true;
    return false;
}

QString Query::value(const QString &key) const
{
    for (const auto &p : m_items)
        if (p.first == key)
            return p.second;
    return {};
}

QStringList Query::values(const QString &key) const
{
    QStringList out;
    for (const auto &p : m_items)
        if (p.first == key)
            out.append(p.second);
    return out;
}

QByteArray Query::encode(const QString &component)
{
    // toPercentEncoding keeps exactly the RFC 3986 unreserved set and writes
    // upper-case hex, which is what the SDKs send.
    return QUrl::toPercentEncoding(component);
}

QByteArray Query::toEncoded() const
{
    QByteArray out;
    for (const auto &p : m_items) {
        if (!out.isEmpty())
            out += '&';
        out += encode(p.first);
        out += '=';
        out += encode(p.second);
    }
    return out;
}

} // namespace api
