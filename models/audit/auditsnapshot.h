#pragma once
// Read-only view of audit rows [0, rowCount()). Copying one is cheap (the
// chunked columns are shared) and a copy never changes while the store keeps
// appending, so filters and sorts can run on a worker thread over a copy.

#include "models/audit/auditenums.h"
#include "models/audit/chunkedvector.h"
#include "models/audit/packedid.h"

#include <QString>
#include <array>
#include <limits>
#include <optional>

namespace models {

class AuditSnapshot
{
public:
    static constexpr int kRowChunkBits = 14;
    static constexpr int kPoolChunkBits = 8;
    static constexpr quint32 kNoId = std::numeric_limits<quint32>::max();
    using LongId = PackedId<16>;
    using ShortId = PackedId<8>;
    template <typename T> using Column = ChunkedVector<T, kRowChunkBits>;
    using Pool = ChunkedVector<QString, kPoolChunkBits>;

    quint32 rowCount() const { return m_rows; }
    bool isEmpty() const { return m_rows == 0; }

    qint64 timeMs(quint32 row) const { return m_time[row]; }
    int status(quint32 row) const { return m_status[row]; } // -1 when absent
    quint32 stringId(AuditField f, quint32 row) const { return m_ids[int(f)][row]; }
    quint32 poolSize(AuditField f) const { return quint32(m_pools[int(f)].size()); }
    const QString &poolString(AuditField f, quint32 id) const { return m_pools[int(f)][id]; }
    // The field's text (RawUri with its resource id put back in).
    QString field(AuditField f, quint32 row) const;
    QString key(AuditKey k, quint32 row) const;
    bool isFailure(quint32 row) const { return stringId(AuditField::ActionResult, row) == m_failureId; }
    // Pool id of the "failure" result, kNoId until one was seen.
    quint32 failureId() const { return m_failureId; }

    // Text a column shows; Time as ISO 8601 UTC (views format it in a zone).
    QString text(AuditColumn c, quint32 row) const;
    // The value a per-column include/exclude set holds for this row: the text,
    // except Time (ms since epoch) and Status (number, empty when absent).
    QString filterValue(AuditColumn c, quint32 row) const;

    static std::optional<AuditField> fieldOf(AuditColumn c);
    static std::optional<AuditKey> keyOf(AuditColumn c);

    const Column<qint64> &times() const { return m_time; }
    const Column<qint16> &statuses() const { return m_status; }
    const Column<quint32> &ids(AuditField f) const { return m_ids[int(f)]; }
    const Pool &overflow() const { return m_overflow; }

    // Calls f(column) with the packed column of k (Column<LongId> or Column<ShortId>).
    template <typename F> decltype(auto) visitKey(AuditKey k, F &&f) const
    {
        switch (k) {
        case AuditKey::RayId:
            return f(m_rayId);
        case AuditKey::ResourceId:
            return f(m_resourceId);
        default:
            return f(m_entryId);
        }
    }

    template <int N> QString unpack(const PackedId<N> &p) const
    {
        if (p.isOverflow())
            return m_overflow[p.overflowIndex()];
        return p.hexString();
    }

    // Bytes held by rows, pools and side strings (the store adds its indexes).
    std::size_t bytes() const;

private:
    friend class AuditStore;

    quint32 m_rows = 0;
    quint32 m_failureId = kNoId;
    Column<qint64> m_time;
    Column<qint16> m_status;
    std::array<Column<quint32>, kAuditFieldCount> m_ids;
    std::array<Pool, kAuditFieldCount> m_pools;
    Column<LongId> m_entryId;
    Column<ShortId> m_rayId;
    Column<LongId> m_resourceId;
    Pool m_overflow;
};

} // namespace models
