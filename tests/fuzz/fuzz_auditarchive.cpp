// The audit archive's compact rows as a damaged or foreign file may hold
// them: AuditArchive::decodeRow on any bytes, then what loadInto does with a
// row it accepted (AuditStore::append). A row that decodes must read the same
// after encodeRow, and the store must give back every field it keeps.
//
// Input: [time ms, 8 bytes little-endian] row blob…

#include "models/audit/auditarchive.h"
#include "models/audit/auditstore.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace {

bool sameCompactFields(const api::AuditEvent &a, const api::AuditEvent &b)
{
    return a.actorEmail == b.actorEmail && a.actorId == b.actorId && a.actorContext == b.actorContext &&
           a.actorType == b.actorType && a.actorIpAddress == b.actorIpAddress &&
           a.actorTokenId == b.actorTokenId && a.actorTokenName == b.actorTokenName &&
           a.actionType == b.actionType && a.actionResult == b.actionResult &&
           a.actionDescription == b.actionDescription && a.resourceType == b.resourceType &&
           a.resourceProduct == b.resourceProduct && a.rawMethod == b.rawMethod && a.rawUri == b.rawUri &&
           a.rawUserAgent == b.rawUserAgent && a.organizationId == b.organizationId &&
           a.rawCfRayId == b.rawCfRayId && a.resourceId == b.resourceId && a.rawStatusCode == b.rawStatusCode;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 8)
        return 0;
    qint64 timeMs = 0;
    std::memcpy(&timeMs, data, sizeof timeMs);
    const QByteArray blob(reinterpret_cast<const char *>(data + 8), qsizetype(size - 8));

    api::AuditEvent event;
    event.id = QStringLiteral("row-1");
    event.actionTimeMs = timeMs;
    if (!models::AuditArchive::decodeRow(blob, event))
        return 0;

    api::AuditEvent again;
    if (!models::AuditArchive::decodeRow(models::AuditArchive::encodeRow(event), again) ||
        !sameCompactFields(event, again))
        __builtin_trap();

    // loadInto's next step.
    models::AuditStore store;
    if (store.append({event}) != 1)
        __builtin_trap();
    const api::AuditEvent stored = store.event(0);
    if (!sameCompactFields(event, stored) || stored.id != event.id ||
        stored.actionTimeMs != event.actionTimeMs)
        __builtin_trap();
    return 0;
}
