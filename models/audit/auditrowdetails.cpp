#include "models/audit/auditrowdetails.h"

#include <QCoreApplication>
#include <QDateTime>

namespace models {

namespace {

QString label(const char *text)
{
    return QCoreApplication::translate("models::AuditRowDetails", text);
}

} // namespace

QList<AuditRowDetails::Field> AuditRowDetails::fields(const api::AuditEvent &e)
{
    const qint64 ms =
        e.actionTimeMs != 0 || !e.actionTime.isValid() ? e.actionTimeMs : e.actionTime.toMSecsSinceEpoch();
    QList<Field> out = {
        {label("Entry id"), e.id},
        {label("Time (UTC)"), QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs)},
        {label("Action type"), e.actionType},
        {label("Result"), e.actionResult},
        {label("Description"), e.actionDescription},
        {label("Actor e-mail"), e.actorEmail},
        {label("Actor id"), e.actorId},
        {label("Actor type"), e.actorType},
        {label("Context"), e.actorContext},
        {label("IP address"), e.actorIpAddress},
        {label("Token id"), e.actorTokenId},
        {label("Token name"), e.actorTokenName},
        {label("Organization id"), e.organizationId},
        {label("Ray ID"), e.rawCfRayId},
        {label("Method"), e.rawMethod},
        {label("Status"), e.rawStatusCode ? QString::number(*e.rawStatusCode) : QString()},
        {label("URI"), e.rawUri},
        {label("User agent"), e.rawUserAgent},
        {label("Resource id"), e.resourceId},
        {label("Resource type"), e.resourceType},
        {label("Product"), e.resourceProduct},
    };
    if (!e.resourceScopeJson.isEmpty())
        out.append({label("Scope"), QString::fromUtf8(e.resourceScopeJson)});
    if (!e.resourceRequestJson.isEmpty())
        out.append({label("Request"), QString::fromUtf8(e.resourceRequestJson)});
    if (!e.resourceResponseJson.isEmpty())
        out.append({label("Response"), QString::fromUtf8(e.resourceResponseJson)});
    return out;
}

QList<AuditRowDetails::Field> AuditRowDetails::fields(const AuditStore &store, quint32 row)
{
    if (row >= store.rowCount())
        return {};
    return fields(store.event(row));
}

} // namespace models
