#include "api/auditcolumns.h"

#include <QDateTime>

#include <cstring>

namespace api {

namespace {

// U+E000 and U+E001 in UTF-8.
constexpr std::string_view kPlaceholderUtf8 = "\xEE\x80\x80";
constexpr std::string_view kVerbatimUtf8 = "\xEE\x80\x81";

// UTF-16 code units of valid UTF-8: one per lead byte, two for a four-byte one.
qsizetype utf16Length(std::string_view s)
{
    qsizetype n = 0;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c & 0xC0) != 0x80)
            n += c >= 0xF0 ? 2 : 1;
    }
    return n;
}

} // namespace

void AuditColumns::uriShape(std::string_view uri, std::string_view resourceId, std::string *shape)
{
    shape->clear();
    // Both marks are three bytes that start with 0xEE: a URI without that
    // byte (nearly every one) holds neither, found by one library scan.
    if (!uri.empty() && std::memchr(uri.data(), 0xEE, uri.size()) &&
        (uri.substr(0, kVerbatimUtf8.size()) == kVerbatimUtf8 || uri.find(kPlaceholderUtf8) != uri.npos)) {
        shape->append(kVerbatimUtf8).append(uri);
        return;
    }
    // A short id would match by chance. Valid UTF-8 only matches at whole
    // characters, so a byte search finds what a character search would. An
    // id of 24 bytes or more has at least 8 characters (3 bytes at most per
    // UTF-16 unit), so only shorter ones are counted.
    const bool longId = resourceId.size() >= 24 || (resourceId.size() >= 8 && utf16Length(resourceId) >= 8);
    const size_t at = longId ? uri.find(resourceId) : uri.npos;
    if (at == uri.npos) {
        shape->append(uri);
        return;
    }
    shape->append(uri.substr(0, at)).append(kPlaceholderUtf8);
    std::string_view rest = uri.substr(at + resourceId.size());
    for (size_t next; (next = rest.find(resourceId)) != rest.npos;
         rest.remove_prefix(next + resourceId.size()))
        shape->append(rest.substr(0, next)).append(kPlaceholderUtf8);
    shape->append(rest);
}

QString AuditColumns::expandUri(const QString &shape, const QString &resourceId)
{
    if (shape.startsWith(QChar(kUriVerbatim)))
        return shape.mid(1);
    if (!shape.contains(QChar(kUriPlaceholder)))
        return shape;
    QString uri = shape;
    return uri.replace(QChar(kUriPlaceholder), resourceId);
}

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
    if (!fields.empty())
        return eventFromFields(i);
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
    e.rawUserAgent = textAt(RawUserAgent, i);
    e.resourceId = resourceIds.at(i);
    e.rawUri = expandUri(textAt(RawUri, i), e.resourceId);
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

AuditEvent AuditColumns::eventFromFields(qsizetype i) const
{
    const auto n = size_t(i);
    const FieldBytes *f = fields.data() + n * FieldCount;
    std::string scratch;
    const auto text = [&](Field field) {
        const FieldBytes &r = f[field];
        return QString::fromUtf8(
            QByteArrayView(unescape(std::string_view(body.constData() + r.offset, r.size), &scratch)));
    };
    const auto json = [&](Field field) {
        const FieldBytes &r = f[field];
        return r.size > 0 ? QByteArray(body.constData() + r.offset, qsizetype(r.size)) : QByteArray();
    };
    AuditEvent e;
    e.id = text(FieldId);
    e.actionDescription = text(FieldActionDescription);
    e.actionResult = text(FieldActionResult);
    if (timeMs[n] != kNoTime) {
        e.actionTimeMs = timeMs[n];
        e.actionTime = QDateTime::fromMSecsSinceEpoch(timeMs[n], Qt::UTC);
    }
    e.actionType = text(FieldActionType);
    e.actorId = text(FieldActorId);
    e.actorContext = text(FieldActorContext);
    e.actorEmail = text(FieldActorEmail);
    e.actorIpAddress = text(FieldActorIp);
    e.actorTokenId = text(FieldActorTokenId);
    e.actorTokenName = text(FieldActorTokenName);
    e.actorType = text(FieldActorType);
    e.organizationId = text(FieldOrganizationId);
    e.rawCfRayId = text(FieldRayId);
    e.rawMethod = text(FieldRawMethod);
    if (f[FieldStatusCode].size > 0) // a plain integer's digits (decode::auditFields)
        e.rawStatusCode = json(FieldStatusCode).toInt();
    e.rawUri = text(FieldRawUri);
    e.rawUserAgent = text(FieldUserAgent);
    e.resourceId = text(FieldResourceId);
    e.resourceProduct = text(FieldResourceProduct);
    e.resourceType = text(FieldResourceType);
    e.resourceRequestJson = json(FieldRequest);
    e.resourceResponseJson = json(FieldResponse);
    e.resourceScopeJson = json(FieldScope);
    e.rawJson = bytes(raw[n]);
    return e;
}

} // namespace api
