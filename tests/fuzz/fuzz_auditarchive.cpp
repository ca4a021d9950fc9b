// The audit archive's compact rows as a damaged or foreign file may hold
// them: AuditArchive::decodeRow on any bytes, then what loadInto does with a
// row it accepted (AuditStore::append). A row that decodes must read the same
// after encodeRow, and the store must give back every field it keeps.
// The same bytes, read as ranges, drive AuditArchiveCoverage: it must stay
// sorted and disjoint, and its gaps plus its ranges must tile any span.
//
// Input: [time ms, 8 bytes little-endian] row blob…

#include "models/audit/auditarchive.h"
#include "models/audit/auditarchivecoverage.h"
#include "models/audit/auditstore.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

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

// Ranges of 2 x 2 bytes (small values so they overlap and touch).
void checkCoverage(const uint8_t *data, size_t size)
{
    models::AuditArchiveCoverage c;
    for (size_t i = 0; i + 4 <= size; i += 4) {
        const qint64 a = data[i] | ((data[i + 1] << 8) & 0x300);
        const qint64 b = data[i + 2] | ((data[i + 3] << 8) & 0x300);
        if ((data[i + 1] & 0x80) != 0)
            c.clipBefore(a);
        else
            c.add(a, b);
        const auto &r = c.ranges();
        for (qsizetype k = 0; k < r.size(); ++k)
            if (r[k].isEmpty() || (k > 0 && r[k - 1].toMs >= r[k].fromMs))
                __builtin_trap();
    }
    // Gaps and ranges tile [0, 1100) exactly.
    std::vector<char> seen(1100, 0);
    for (const models::AuditTimeRange &g : c.gaps(0, 1100))
        for (qint64 t = g.fromMs; t < g.toMs; ++t)
            seen[size_t(t)] += 1;
    for (const models::AuditTimeRange &r : c.ranges())
        for (qint64 t = std::max<qint64>(r.fromMs, 0); t < std::min<qint64>(r.toMs, 1100); ++t)
            seen[size_t(t)] += 1;
    for (char n : seen)
        if (n != 1)
            __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    checkCoverage(data, size);
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
