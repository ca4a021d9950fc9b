#include "models/audit/auditentryjson.h"

#include "models/audit/auditsnapshot.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace models::auditentryjson {

namespace {

void put(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

// A body kept as its JSON text; wrapped in an array so scalars parse too.
void putJson(QJsonObject &o, const char *key, const QByteArray &raw)
{
    if (raw.isEmpty())
        return;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + raw + ']');
    if (doc.isArray() && !doc.array().isEmpty())
        o.insert(QLatin1String(key), doc.array().first());
    else
        o.insert(QLatin1String(key), QString::fromUtf8(raw));
}

} // namespace

QJsonObject toObject(const api::AuditEvent &e)
{
    QJsonObject action, actor, org, raw, resource, entry;
    put(action, "description", e.actionDescription);
    put(action, "result", e.actionResult);
    const qint64 ms =
        e.actionTimeMs != 0 || !e.actionTime.isValid() ? e.actionTimeMs : e.actionTime.toMSecsSinceEpoch();
    action.insert(QLatin1String("time"),
                  QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
    put(action, "type", e.actionType);
    put(actor, "id", e.actorId);
    put(actor, "context", e.actorContext);
    put(actor, "email", e.actorEmail);
    put(actor, "ip_address", e.actorIpAddress);
    put(actor, "token_id", e.actorTokenId);
    put(actor, "token_name", e.actorTokenName);
    put(actor, "type", e.actorType);
    put(org, "id", e.organizationId);
    put(raw, "cf_ray_id", e.rawCfRayId);
    put(raw, "method", e.rawMethod);
    if (e.rawStatusCode)
        raw.insert(QLatin1String("status_code"), *e.rawStatusCode);
    put(raw, "uri", e.rawUri);
    put(raw, "user_agent", e.rawUserAgent);
    put(resource, "id", e.resourceId);
    put(resource, "product", e.resourceProduct);
    put(resource, "type", e.resourceType);
    putJson(resource, "request", e.resourceRequestJson);
    putJson(resource, "response", e.resourceResponseJson);
    putJson(resource, "scope", e.resourceScopeJson);
    put(entry, "id", e.id);
    entry.insert(QLatin1String("action"), action);
    entry.insert(QLatin1String("actor"), actor);
    entry.insert(QLatin1String("organization"), org);
    entry.insert(QLatin1String("raw"), raw);
    entry.insert(QLatin1String("resource"), resource);
    return entry;
}

QByteArray encode(const api::AuditEvent &event)
{
    return QJsonDocument(toObject(event)).toJson(QJsonDocument::Compact);
}

QByteArray fullOrEncoded(const api::AuditEvent &event)
{
    return event.rawJson.isEmpty() ? encode(event) : event.rawJson;
}

api::AuditEvent eventAt(const AuditSnapshot &s, quint32 row)
{
    using F = AuditField;
    api::AuditEvent e;
    e.id = s.key(AuditKey::EntryId, row);
    e.actionTimeMs = s.timeMs(row);
    e.actionTime = QDateTime::fromMSecsSinceEpoch(e.actionTimeMs, Qt::UTC);
    e.actionDescription = s.field(F::ActionDescription, row);
    e.actionResult = s.field(F::ActionResult, row);
    e.actionType = s.field(F::ActionType, row);
    e.actorId = s.field(F::ActorId, row);
    e.actorContext = s.field(F::ActorContext, row);
    e.actorEmail = s.field(F::ActorEmail, row);
    e.actorIpAddress = s.field(F::ActorIp, row);
    e.actorTokenId = s.field(F::ActorTokenId, row);
    e.actorTokenName = s.field(F::ActorTokenName, row);
    e.actorType = s.field(F::ActorType, row);
    e.organizationId = s.field(F::OrganizationId, row);
    e.rawCfRayId = s.key(AuditKey::RayId, row);
    e.rawMethod = s.field(F::RawMethod, row);
    if (s.status(row) >= 0)
        e.rawStatusCode = s.status(row);
    e.rawUri = s.field(F::RawUri, row);
    e.rawUserAgent = s.field(F::RawUserAgent, row);
    e.resourceId = s.key(AuditKey::ResourceId, row);
    e.resourceProduct = s.field(F::ResourceProduct, row);
    e.resourceType = s.field(F::ResourceType, row);
    return e;
}

} // namespace models::auditentryjson
