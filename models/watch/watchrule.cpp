#include "models/watch/watchrule.h"

namespace models {

QJsonObject WatchRule::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("organization_id"), organizationId);
    o.insert(QStringLiteral("organization_name"), organizationName);
    o.insert(QStringLiteral("query"), query.toJson());
    o.insert(QStringLiteral("interval_seconds"), intervalSeconds);
    o.insert(QStringLiteral("enabled"), enabled);
    o.insert(QStringLiteral("position"), position.toJson());
    return o;
}

WatchRule WatchRule::fromJson(const QJsonObject &o)
{
    WatchRule r;
    r.id = o.value(QStringLiteral("id")).toString();
    r.name = o.value(QStringLiteral("name")).toString();
    r.organizationId = o.value(QStringLiteral("organization_id")).toString();
    r.organizationName = o.value(QStringLiteral("organization_name")).toString();
    r.query = AuditWatchQuery::fromJson(o.value(QStringLiteral("query")).toObject());
    r.intervalSeconds = qMax(kMinIntervalSeconds, o.value(QStringLiteral("interval_seconds")).toInt(60));
    r.enabled = o.value(QStringLiteral("enabled")).toBool(true);
    r.position = AuditWatchPosition::fromJson(o.value(QStringLiteral("position")).toObject());
    return r;
}

QJsonObject WatchMatch::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("rule_id"), ruleId);
    o.insert(QStringLiteral("rule_name"), ruleName);
    o.insert(QStringLiteral("organization_id"), organizationId);
    o.insert(QStringLiteral("organization_name"), organizationName);
    o.insert(QStringLiteral("entry_id"), entryId);
    o.insert(QStringLiteral("time_ms"), double(timeMs));
    o.insert(QStringLiteral("summary"), summary);
    o.insert(QStringLiteral("unread"), unread);
    return o;
}

WatchMatch WatchMatch::fromJson(const QJsonObject &o)
{
    WatchMatch m;
    m.ruleId = o.value(QStringLiteral("rule_id")).toString();
    m.ruleName = o.value(QStringLiteral("rule_name")).toString();
    m.organizationId = o.value(QStringLiteral("organization_id")).toString();
    m.organizationName = o.value(QStringLiteral("organization_name")).toString();
    m.entryId = o.value(QStringLiteral("entry_id")).toString();
    m.timeMs = qint64(o.value(QStringLiteral("time_ms")).toDouble());
    m.summary = o.value(QStringLiteral("summary")).toString();
    m.unread = o.value(QStringLiteral("unread")).toBool(true);
    return m;
}

} // namespace models
