#include "models/audit/auditsnapshot.h"

#include "api/auditcolumns.h"

#include <QDateTime>

namespace models {

namespace {

std::size_t stringBytes(const QString &s)
{
    // QArrayData header plus UTF-16 payload, rounded like malloc does.
    return s.isNull()
               ? 0
               : ((sizeof(QArrayData) + sizeof(char16_t) * (s.capacity() + 1) + 15) & ~std::size_t(15));
}

std::size_t poolBytes(const AuditSnapshot::Pool &pool)
{
    std::size_t total = pool.bytes();
    for (std::size_t i = 0; i < pool.size(); ++i)
        total += stringBytes(pool[i]);
    return total;
}

} // namespace

QString AuditSnapshot::field(AuditField f, quint32 row) const
{
    const QString &s = poolString(f, stringId(f, row));
    if (f != AuditField::RawUri)
        return s;
    // URIs are interned by shape; the resource id is read only when needed.
    const bool needsId = s.contains(QChar(api::AuditColumns::kUriPlaceholder));
    return api::AuditColumns::expandUri(s, needsId ? key(AuditKey::ResourceId, row) : QString());
}

QString AuditSnapshot::key(AuditKey k, quint32 row) const
{
    return visitKey(k, [&](const auto &column) { return unpack(column[row]); });
}

std::optional<AuditField> AuditSnapshot::fieldOf(AuditColumn c)
{
    switch (c) {
    case AuditColumn::Actor:
        return AuditField::ActorDisplay;
    case AuditColumn::Context:
        return AuditField::ActorContext;
    case AuditColumn::ActionType:
        return AuditField::ActionType;
    case AuditColumn::Result:
        return AuditField::ActionResult;
    case AuditColumn::ResourceType:
        return AuditField::ResourceType;
    case AuditColumn::Product:
        return AuditField::ResourceProduct;
    case AuditColumn::Ip:
        return AuditField::ActorIp;
    case AuditColumn::Method:
        return AuditField::RawMethod;
    case AuditColumn::Description:
        return AuditField::ActionDescription;
    case AuditColumn::Organization:
        return AuditField::OrganizationId;
    case AuditColumn::Time:
    case AuditColumn::ResourceId:
    case AuditColumn::Status:
    case AuditColumn::ColumnCount:
        break;
    }
    return std::nullopt;
}

std::optional<AuditKey> AuditSnapshot::keyOf(AuditColumn c)
{
    if (c == AuditColumn::ResourceId)
        return AuditKey::ResourceId;
    return std::nullopt;
}

QString AuditSnapshot::text(AuditColumn c, quint32 row) const
{
    if (const auto f = fieldOf(c))
        return field(*f, row);
    if (const auto k = keyOf(c))
        return key(*k, row);
    if (c == AuditColumn::Time)
        return QDateTime::fromMSecsSinceEpoch(timeMs(row), Qt::UTC).toString(Qt::ISODateWithMs);
    if (c == AuditColumn::Status)
        return status(row) < 0 ? QString() : QString::number(status(row));
    return {};
}

QString AuditSnapshot::filterValue(AuditColumn c, quint32 row) const
{
    if (c == AuditColumn::Time)
        return QString::number(timeMs(row));
    return text(c, row);
}

std::size_t AuditSnapshot::bytes() const
{
    std::size_t total = m_time.bytes() + m_status.bytes() + m_entryId.bytes() + m_rayId.bytes() +
                        m_resourceId.bytes() + poolBytes(m_overflow);
    for (const auto &c : m_ids)
        total += c.bytes();
    for (const auto &p : m_pools)
        total += poolBytes(p);
    return total;
}

} // namespace models
