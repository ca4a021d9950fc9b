#include "models/watch/auditwatchquery.h"

#include <QCoreApplication>
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

QString AuditWatchQuery::filterText() const
{
    QStringList lines;
    for (const api::AuditQuery::Field &f : api::AuditQuery::fields()) {
        const api::AuditFilterValues &v = filters.*(f.member);
        for (const QString &value : v.include)
            lines << QLatin1String(f.wireKey) + QLatin1Char('=') + value;
        for (const QString &value : v.exclude)
            lines << QLatin1String(f.wireKey) + QStringLiteral("!=") + value;
    }
    return lines.join(QLatin1Char('\n'));
}

bool AuditWatchQuery::setFilterText(const QString &text, QString *error)
{
    api::AuditQuery parsed;
    int lineNumber = 0;
    for (const QString &rawLine : text.split(QLatin1Char('\n'))) {
        ++lineNumber;
        const QString line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        const bool exclude = eq > 0 && line.at(eq - 1) == QLatin1Char('!');
        const QString key = eq > 0 ? line.left(exclude ? eq - 1 : eq).trimmed() : QString();
        const QString value = line.mid(eq + 1).trimmed();
        api::AuditFilterValues *values = nullptr;
        for (const api::AuditQuery::Field &f : api::AuditQuery::fields())
            if (key == QLatin1String(f.wireKey))
                values = &(parsed.*(f.member));
        if (!values || value.isEmpty()) {
            if (error)
                *error = values ? QCoreApplication::translate("AuditWatchQuery",
                                                              "Line %1: a value is missing after “=”.")
                                      .arg(lineNumber)
                                : QCoreApplication::translate(
                                      "AuditWatchQuery",
                                      "Line %1: “%2” is not key=value or key!=value with a filter key "
                                      "such as action_type.")
                                      .arg(lineNumber)
                                      .arg(line);
            return false;
        }
        (exclude ? values->exclude : values->include) << value;
    }
    filters = parsed;
    return true;
}

} // namespace models
