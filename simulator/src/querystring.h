#pragma once
// A decoded query string, REFERENCE §2.4: %XX decoded as UTF-8, a literal '+'
// is a space, dotted keys ("name.contains") are nested names kept verbatim,
// repeated keys are arrays (order preserved).

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace sim {

class QueryString
{
public:
    QueryString() = default;
    static QueryString parse(const QByteArray &raw);
    static QString decodeComponent(QByteArrayView encoded, bool plusIsSpace);

    bool contains(const QString &key) const;
    QString value(const QString &key) const; // first value, empty if absent
    QStringList values(const QString &key) const;
    QStringList keys() const; // distinct, in first-seen order
    const QList<QPair<QString, QString>> &items() const { return m_items; }

    // Stable text of every pair whose key is not in `excluded`, sorted, used to
    // bind page tokens and cursors to the filters they were issued for.
    QByteArray canonical(const QStringList &excluded) const;

private:
    QList<QPair<QString, QString>> m_items;
};

} // namespace sim
