#include "api/auditcolumns.h"

#include <QDateTime>

namespace api {

AuditColumns::AuditColumns()
{
    for (QList<QString> &v : values)
        v.append(QString());
}

QByteArray AuditColumns::bytes(const Span &span) const
{
    if (span.size < 0 || span.offset < 0 || span.offset + span.size > body.size())
        return {};
    return QByteArray(body.constData() + span.offset, span.size);
}

AuditEvent AuditColumns::event(qsizetype i) const
{
    AuditEvent e;
    const auto n = size_t(i);
    e.id = ids.at(i);
    e.actionDescription = textAt(ActionDescription, i);
    e.actionResult = textAt(ActionResult, i);
    if (timeMs[n] != kNoTime) {
        e.actionTimeMs = timeMs[n];
        e.actionTime = QDateTime::fromMSecsSinceEpoch(timeMs[n], Qt::UTC);
    }
    e.actionType = textAt(ActionType, i);
    e.actorId = textAt(ActorId, i);
    e.actorContext = textAt(ActorContext, i);
    e.actorEmail = textAt(ActorEmail, i);
    e.actorIpAddress = textAt(ActorIp, i);
    e.actorTokenId = textAt(ActorTokenId, i);
    e.actorTokenName = textAt(ActorTokenName, i);
    e.actorType = textAt(ActorType, i);
    e.organizationId = textAt(OrganizationId, i);
    e.rawCfRayId = rayIds.at(i);
    e.rawMethod = textAt(RawMethod, i);
    e.rawStatusCode = statusCodes[n];
    e.rawUri = uris.at(i);
    e.rawUserAgent = textAt(RawUserAgent, i);
    e.resourceId = resourceIds.at(i);
    e.resourceProduct = textAt(ResourceProduct, i);
    e.resourceType = textAt(ResourceType, i);
    e.resourceRequestJson = bytes(requests[n]);
    e.resourceResponseJson = bytes(responses[n]);
    e.resourceScopeJson = bytes(scopes[n]);
    e.rawJson = bytes(raw[n]);
    return e;
}

QList<AuditEvent> AuditColumns::events() const
{
    QList<AuditEvent> out;
    out.reserve(size());
    for (qsizetype i = 0; i < size(); ++i)
        out.append(event(i));
    return out;
}

} // namespace api
