#include "models/audit/auditserverfilter.h"

namespace models {

namespace {

api::AuditFilterValues *target(AuditColumn column, const QString &value, api::AuditQuery &q)
{
    switch (column) {
    case AuditColumn::Actor:
        return value.contains(u'@') ? &q.actorEmail : &q.actorId;
    case AuditColumn::Context:
        return &q.actorContext;
    case AuditColumn::ActionType:
        return &q.actionType;
    case AuditColumn::Result:
        return &q.actionResult;
    case AuditColumn::ResourceType:
        return &q.resourceType;
    case AuditColumn::ResourceId:
        return &q.resourceId;
    case AuditColumn::Product:
        return &q.resourceProduct;
    case AuditColumn::Ip:
        return &q.actorIpAddress;
    case AuditColumn::Method:
        return &q.rawMethod;
    case AuditColumn::Status:
        return &q.rawStatusCode;
    case AuditColumn::Time:
    case AuditColumn::Description:
    case AuditColumn::Organization: // one organization per request: the roll-up's choice
    case AuditColumn::ColumnCount:
        break;
    }
    return nullptr;
}

} // namespace

bool AuditServerFilter::hasServerFilter(AuditColumn column)
{
    api::AuditQuery q;
    return target(column, QString(), q) != nullptr;
}

bool AuditServerFilter::addValue(AuditColumn column, const QString &value, bool exclude,
                                 api::AuditQuery &query)
{
    // An empty value ("absent") cannot be expressed on the wire.
    api::AuditFilterValues *values = value.isEmpty() ? nullptr : target(column, value, query);
    if (!values)
        return false;
    QStringList &list = exclude ? values->exclude : values->include;
    if (!list.contains(value))
        list.append(value);
    return true;
}

QString AuditServerFilter::wireKey(AuditColumn column, const QString &value)
{
    // Found through the same member the query fills, so the two cannot disagree.
    api::AuditQuery q;
    const api::AuditFilterValues *values = target(column, value, q);
    if (!values)
        return {};
    for (const api::AuditQuery::Field &f : api::AuditQuery::fields())
        if (&(q.*f.member) == values)
            return QLatin1String(f.wireKey);
    return {};
}

int AuditServerFilter::apply(const AuditFilterSpec &spec, api::AuditQuery &query)
{
    int added = 0;
    for (int c = 0; c < kAuditColumnCount; ++c) {
        QStringList include(spec.columns[c].include.cbegin(), spec.columns[c].include.cend());
        QStringList exclude(spec.columns[c].exclude.cbegin(), spec.columns[c].exclude.cend());
        include.sort();
        exclude.sort();
        for (const QString &v : std::as_const(include))
            added += addValue(AuditColumn(c), v, false, query);
        for (const QString &v : std::as_const(exclude))
            added += addValue(AuditColumn(c), v, true, query);
    }
    return added;
}

} // namespace models
