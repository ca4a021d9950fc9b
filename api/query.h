#pragma once
// Query strings exactly as the Cloudflare SDKs build them (REFERENCE §2.4):
// dotted keys for nested filters, one pair per array element, RFC 3986
// percent-encoding with upper-case hex, insertion order kept.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace api {

class Query
{
public:
    // key=value; an empty value is sent as "key=" (the SDKs' encoding of null).
    Query &add(const QString &key, const QString &value);
    // Omitted when value is empty (the SDKs' encoding of an absent field).
    Query &addIfSet(const QString &key, const QString &value);
    // Repeats the key once per element; an empty list adds nothing.
    Query &add(const QString &key, const QStringList &values);
    Query &add(const QString &key, qint64 value);
    Query &add(const QString &key, bool value);
    // Replaces every pair with this key (appends when absent).
    Query &set(const QString &key, const QString &value);
    Query &remove(const QString &key);

    bool isEmpty() const { return m_items.isEmpty(); }
    bool contains(const QString &key) const;
    QString value(const QString &key) const; // first value or empty
    QStringList values(const QString &key) const;
    const QList<QPair<QString, QString>> &items() const { return m_items; }

    // "a=b&c=d" without the leading '?'.
    QByteArray toEncoded() const;
    // RFC 3986: A-Z a-z 0-9 - . _ ~ stay, everything else is UTF-8 %XX (upper-case).
    static QByteArray encode(const QString &component);

    friend bool operator==(const Query &, const Query &) = default;

private:
    QList<QPair<QString, QString>> m_items;
};

} // namespace api
