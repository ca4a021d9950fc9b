#include "models/watch/auditwatchquery.h"

#include <QJsonArray>

namespace models {

bool AuditWatchQuery::hasFilters() const
{
    for (const api::AuditQuery::Field &f : api::AuditQuery::fields())
        if (!(filters.*(f.member)).isEmpty())
            return true;
    return !search.trimmed().isEmpty();
}

bool AuditWatchQuery::sameFilters(const api::AuditQuery &a, const api::AuditQuery &b)
{
    for (const api::AuditQuery::Field &f : api::AuditQuery::fields())
        if (a.*(f.member) != b.*(f.member))
            return false;
    return true;
}

QJsonObject AuditWatchQuery::toJson() const
{
    QJsonObject fields;
    for (const api::AuditQuery::Field &f : api::AuditQuery::fields()) {
        const api::AuditFilterValues &v = filters.*(f.member);
        if (v.isEmpty())
            continue;
        QJsonObject o;
        if (!v.include.isEmpty())
            o.insert(QStringLiteral("include"), QJsonArray::fromStringList(v.include));
        if (!v.exclude.isEmpty())
            o.insert(QStringLiteral("exclude"), QJsonArray::fromStringList(v.exclude));
        fields.insert(QLatin1String(f.wireKey), o);
    }
    QJsonObject out;
    out.insert(QStringLiteral("filters"), fields);
    if (!search.isEmpty())
        out.insert(QStringLiteral("search"), search);
    return out;
}

AuditWatchQuery AuditWatchQuery::fromJson(const QJsonObject &object)
{
    AuditWatchQuery q;
    const QJsonObject fields = object.value(QStringLiteral("filters")).toObject();
    auto strings = [](const QJsonValue &v) {
        QStringList out;
        for (const QJsonValue &s : v.toArray())
            if (s.isString() && !s.toString().isEmpty())
                out << s.toString();
        return out;
    };
    for (const api::AuditQuery::Field &f : api::AuditQuery::fields()) {
        const QJsonObject o = fields.value(QLatin1String(f.wireKey)).toObject();
        (q.filters.*(f.member)).include = strings(o.value(QStringLiteral("include")));
        (q.filters.*(f.member)).exclude = strings(o.value(QStringLiteral("exclude")));
    }
    q.search = object.value(QStringLiteral("search")).toString();
    return q;
}

QString AuditWatchQuery::summary() const
{
    QStringList parts;
    for (const api::AuditQuery::Field &f : api::AuditQuery::fields()) {
        const api::AuditFilterValues &v = filters.*(f.member);
        const QString key = QLatin1String(f.wireKey);
        if (!v.include.isEmpty())
            parts << key + QLatin1Char('=') + v.include.join(QLatin1Char('|'));
        if (!v.exclude.isEmpty())
            parts << key + QStringLiteral("≠") + v.exclude.join(QLatin1Char('|'));
    }
    if (!search.trimmed().isEmpty())
        parts << QStringLiteral("“%1”").arg(search.trimmed());
    return parts.join(QStringLiteral(", "));
}

} // namespace models
