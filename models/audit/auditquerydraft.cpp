#include "models/audit/auditquerydraft.h"

#include <QDateTime>

namespace models {

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

QString rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

qint64 AuditQueryDraft::presetSpanMs(Preset p)
{
    switch (p) {
    case Preset::LastHour:
        return kHourMs;
    case Preset::Last24Hours:
        return kDayMs;
    case Preset::Last7Days:
        return 7 * kDayMs;
    case Preset::Last30Days:
        return 30 * kDayMs;
    case Preset::Last90Days:
        return 90 * kDayMs;
    case Preset::Last18Months:
        return 548 * kDayMs; // the API's retention
    case Preset::Custom:
        break;
    }
    return 0;
}

std::pair<qint64, qint64> AuditQueryDraft::range(qint64 nowMs) const
{
    if (preset == Preset::Custom)
        return {fromMs, toMs};
    return {nowMs - presetSpanMs(preset), nowMs + kBeforeSlackMs};
}

api::AuditQuery AuditQueryDraft::query(qint64 nowMs) const
{
    api::AuditQuery q;
    const auto [from, to] = range(nowMs);
    q.since = rfc3339(from);
    q.before = rfc3339(to);
    q.direction = QStringLiteral("desc");
    q.limit = 1000;
    for (const Filter &filter : filters) {
        if (filter.values.isEmpty())
            continue;
        for (const api::AuditQuery::Field &f : api::AuditQuery::fields()) {
            if (filter.wireKey != QLatin1String(f.wireKey))
                continue;
            QStringList &target = filter.exclude ? (q.*f.member).exclude : (q.*f.member).include;
            for (const QString &v : filter.values)
                if (!target.contains(v))
                    target.append(v);
        }
    }
    return q;
}

void AuditQueryDraft::setCustomRange(qint64 from, qint64 to)
{
    preset = Preset::Custom;
    fromMs = from;
    toMs = to;
}

void AuditQueryDraft::addFilter(const QString &wireKey, const QString &value, bool exclude)
{
    Filter *target = nullptr;
    for (Filter &f : filters)
        if (f.wireKey == wireKey && f.exclude == exclude)
            target = &f;
    if (!target) {
        filters.append({wireKey, {}, exclude, true});
        target = &filters.last();
    }
    if (!target->values.contains(value))
        target->values.append(value);
    target->pending = true;
}

void AuditQueryDraft::markApplied()
{
    for (Filter &f : filters)
        f.pending = false;
}

} // namespace models
