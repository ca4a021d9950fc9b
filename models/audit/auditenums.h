#pragma once
// Column and field enumerations shared by the audit store, filter and models
// (not to be confused with api/auditcolumns.h, a decoded page).

#include <QtGlobal>

namespace models {

// Columns of the audit table, in default display order.
enum class AuditColumn : int {
    Time,
    Actor, // e-mail, or actor id when there is no e-mail
    Context,
    ActionType,
    Result,
    ResourceType,
    ResourceId,
    Product,
    Ip,
    Method,
    Status,
    Description,
    Organization, // the entry's organization (its name shown; a roll-up's dimension)
    ColumnCount
};
inline constexpr int kAuditColumnCount = int(AuditColumn::ColumnCount);

// Repeated string fields of an entry, each interned into its own pool.
enum class AuditField : quint8 {
    ActorDisplay, // what the Actor column shows (e-mail or id)
    ActorEmail,
    ActorId,
    ActorContext,
    ActorType,
    ActorIp,
    ActorTokenId,
    ActorTokenName,
    ActionType,
    ActionResult,
    ActionDescription,
    ResourceType,
    ResourceProduct,
    RawMethod,
    RawUri,
    RawUserAgent,
    OrganizationId,
    Count
};
inline constexpr int kAuditFieldCount = int(AuditField::Count);

// Near-unique identifier fields, stored packed per row instead of interned.
enum class AuditKey : quint8 { EntryId, RayId, ResourceId, Count };
inline constexpr int kAuditKeyCount = int(AuditKey::Count);

} // namespace models
