#pragma once
// Compact in-memory rows of the audit log: repeated strings interned per
// field, identifiers packed, time as ms and status as int16. Request/response
// bodies are not kept (AuditArchive holds full entries). Not a QObject and not
// thread-affine: one thread appends; snapshot() copies are readable anywhere.

#include "models/audit/auditarchiveblock.h"
#include "models/audit/auditsnapshot.h"

#include "api/auditcolumns.h"
#include "api/records.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <limits>
#include <string>
#include <vector>

namespace models {

class AuditStore
{
public:
    AuditStore();

    // Appends one page; entries whose id is in skipIds are left out (used at
    // the boundary of an incremental refresh), and so are those set in drop
    // (one flag per entry of the page). Returns how many were added.
    quint32 append(const QList<api::AuditEvent> &events, const QSet<QString> &skipIds = {});
    // The same from a page decoded column by column: each distinct value of
    // the page is interned once, then rows take integer ids.
    quint32 append(const api::AuditColumns &page, const QSet<QString> &skipIds = {},
                   const std::vector<bool> *drop = nullptr);
    // An archive block's entries [from, to), in block order (blocks are merged
    // by time when they overlap), column by column: each distinct value of the
    // block is looked up by its UTF-8 bytes and only a value new to the store
    // becomes a string; ids come packed.
    quint32 appendBlock(const auditarchiveblock::StoreBlock &block, qsizetype from, qsizetype to);
    // Room for this many more rows (chunks allocated, nothing readable
    // changes). Returns the new chunks, interleaved across columns in row
    // order, for columnmemory::prefault on another thread while rows are
    // appended: the kernel's clearing of their pages leaves this thread.
    std::vector<columnmemory::Range> reserve(quint32 moreRows);
    void clear();

    quint32 rowCount() const { return m_data.rowCount(); }
    // The live data, for reads on the appending thread (cheap, no copy).
    const AuditSnapshot &data() const { return m_data; }
    // An immutable copy of the rows so far, for another thread.
    AuditSnapshot snapshot() const { return m_data; }

    // Ids of the rows at or after timeMs: what a refresh starting at that
    // time may deliver again.
    QSet<QString> idsAtOrAfter(qint64 timeMs) const;
    qint64 newestTimeMs() const { return m_newestMs; } // min() when empty

    // The compact fields of one row as a record (bodies and raw JSON empty).
    api::AuditEvent event(quint32 row) const;

    // Bytes held by rows, string pools and intern indexes.
    std::size_t bytes() const;

private:
    quint32 intern(AuditField f, const QString &s);
    quint32 internUtf8(AuditField f, QByteArrayView utf8);
    quint32 appendRows(const api::AuditColumns &page, qsizetype from, qsizetype to,
                       const QSet<QString> &skipIds, const std::vector<bool> *drop);
    static QString uriTemplate(const QString &uri, const QString &resourceId);
    // s as a packed id, or on the side list; Text is a QString or UTF-8 bytes.
    template <int N, typename Text> PackedId<N> pack(const Text &s);
    // The same written into a column's new slot.
    template <int N> void packInto(PackedId<N> &slot, QByteArrayView utf8);

    AuditSnapshot m_data;
    std::array<QHash<QString, quint32>, kAuditFieldCount> m_index;
    // The same ids by UTF-8 bytes, for archive blocks; filled as they meet a
    // value. Open addressing over one text buffer: a lookup is a hash and,
    // mostly, one slot and one memcmp (a block brings ~1,500 values to look up).
    class Utf8Index
    {
    public:
        static constexpr quint32 kAbsent = std::numeric_limits<quint32>::max();
        static quint64 hashOf(QByteArrayView text);
        quint32 find(QByteArrayView text, quint64 hash) const;
        void insert(QByteArrayView text, quint64 hash, quint32 id);
        void clear();
        std::size_t bytes() const;

    private:
        struct Slot // 16 bytes
        {
            quint32 hash = 0; // the hash's high half (its low bits pick the slot)
            quint32 id = kAbsent;
            quint32 offset = 0;
            quint32 size = 0;
        };
        void grow();
        std::vector<Slot> m_slots;
        std::string m_text;
        std::size_t m_count = 0;
    };
    std::array<Utf8Index, kAuditFieldCount> m_utf8Index;
    // One-entry cache per field: consecutive entries often repeat a value.
    std::array<quint32, kAuditFieldCount> m_lastId{};
    // Decoded pages hand over interned values that share their text, so a
    // value seen recently is recognised by its data pointer alone. Each slot
    // keeps its string referenced, which keeps the pointer from being reused.
    struct RecentText
    {
        QString text;
        quint32 id = 0;
    };
    static constexpr std::size_t kRecentSlots = 32;
    std::array<std::array<RecentText, kRecentSlots>, kAuditFieldCount> m_recent;
    qint64 m_newestMs;
};

} // namespace models
