#include "models/watch/watchrule.h"

#include <algorithm>

#include <QJsonArray>

namespace models {

QJsonObject UsageWatchSettings::toJson() const
{
    QJsonArray thresholds;
    for (int t : thresholdsPercent)
        thresholds.append(t);
    QJsonObject o;
    o.insert(QStringLiteral("budgets"), budgets);
    o.insert(QStringLiteral("thresholds_percent"), thresholds);
    o.insert(QStringLiteral("forecast"), forecast);
    o.insert(QStringLiteral("anomalies"), anomalies);
    return o;
}

UsageWatchSettings UsageWatchSettings::fromJson(const QJsonObject &o)
{
    UsageWatchSettings s;
    s.budgets = o.value(QStringLiteral("budgets")).toBool(true);
    s.forecast = o.value(QStringLiteral("forecast")).toBool(true);
    s.anomalies = o.value(QStringLiteral("anomalies")).toBool(true);
    if (o.contains(QStringLiteral("thresholds_percent"))) {
        s.thresholdsPercent.clear();
        for (const QJsonValue &v : o.value(QStringLiteral("thresholds_percent")).toArray())
            if (const int t = v.toInt(); t > 0 && t <= 1000 && !s.thresholdsPercent.contains(t))
                s.thresholdsPercent.append(t);
        std::sort(s.thresholdsPercent.begin(), s.thresholdsPercent.end());
    }
    return s;
}

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
    if (kind == Kind::Usage) {
        o.insert(QStringLiteral("kind"), QStringLiteral("usage"));
        o.insert(QStringLiteral("usage"), usage.toJson());
        o.insert(QStringLiteral("seen_events"), QJsonArray::fromStringList(seenEvents));
    }
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
    if (o.value(QStringLiteral("kind")).toString() == QLatin1String("usage")) {
        r.kind = Kind::Usage;
        r.usage = UsageWatchSettings::fromJson(o.value(QStringLiteral("usage")).toObject());
        for (const QJsonValue &v : o.value(QStringLiteral("seen_events")).toArray())
            r.seenEvents.append(v.toString());
    }
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
    if (usage) {
        o.insert(QStringLiteral("kind"), QStringLiteral("usage"));
        o.insert(QStringLiteral("usage_group"), usageGroup);
    }
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
    m.usage = o.value(QStringLiteral("kind")).toString() == QLatin1String("usage");
    m.usageGroup = o.value(QStringLiteral("usage_group")).toString();
    return m;
}

} // namespace models
