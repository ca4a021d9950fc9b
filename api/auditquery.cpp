#include "api/auditquery.h"

#include "api/decoders.h"

namespace api {

const QList<AuditQuery::Field> &AuditQuery::fields()
{
    static const QList<Field> list{
        {"id", &AuditQuery::id},
        {"action_result", &AuditQuery::actionResult},
        {"action_type", &AuditQuery::actionType},
        {"actor_context", &AuditQuery::actorContext},
        {"actor_email", &AuditQuery::actorEmail},
        {"actor_id", &AuditQuery::actorId},
        {"actor_ip_address", &AuditQuery::actorIpAddress},
        {"actor_token_id", &AuditQuery::actorTokenId},
        {"actor_token_name", &AuditQuery::actorTokenName},
        {"actor_type", &AuditQuery::actorType},
        {"raw_cf_ray_id", &AuditQuery::rawCfRayId},
        {"raw_method", &AuditQuery::rawMethod},
        {"raw_status_code", &AuditQuery::rawStatusCode},
        {"raw_uri", &AuditQuery::rawUri},
        {"resource_id", &AuditQuery::resourceId},
        {"resource_product", &AuditQuery::resourceProduct},
        {"resource_scope", &AuditQuery::resourceScope},
        {"resource_type", &AuditQuery::resourceType},
    };
    return list;
}

QString AuditQuery::validate() const
{
    if (since.isEmpty() || before.isEmpty())
        return QStringLiteral("The audit log needs both a start (since) and an end (before)");
    qint64 s = 0;
    qint64 b = 0;
    const QByteArray sinceUtf8 = since.toUtf8();
    const QByteArray beforeUtf8 = before.toUtf8();
    if (!decode::parseTimestamp(std::string_view(sinceUtf8.constData(), size_t(sinceUtf8.size())), &s))
        return QStringLiteral("Invalid start time '%1' (use YYYY-MM-DD or RFC 3339)").arg(since);
    if (!decode::parseTimestamp(std::string_view(beforeUtf8.constData(), size_t(beforeUtf8.size())), &b))
        return QStringLiteral("Invalid end time '%1' (use YYYY-MM-DD or RFC 3339)").arg(before);
    if (s >= b)
        return QStringLiteral("The start time must be before the end time");
    if (limit < 1 || limit > 1000)
        return QStringLiteral("The page size must be between 1 and 1000");
    if (!direction.isEmpty() && direction != QLatin1String("asc") && direction != QLatin1String("desc"))
        return QStringLiteral("The direction must be asc or desc");
    return {};
}

Query AuditQuery::toQuery(const QString &cursor) const
{
    Query q;
    q.add(QStringLiteral("since"), since);
    q.add(QStringLiteral("before"), before);
    q.addIfSet(QStringLiteral("direction"), direction);
    q.add(QStringLiteral("limit"), qint64(limit));
    for (const Field &f : fields()) {
        const AuditFilterValues &v = this->*(f.member);
        const QString key = QLatin1String(f.wireKey);
        q.add(key, v.include);
        q.add(key + QStringLiteral(".not"), v.exclude);
    }
    q.addIfSet(QStringLiteral("cursor"), cursor);
    return q;
}

} // namespace api
