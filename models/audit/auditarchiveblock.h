#pragma once
// The audit archive's storage unit (schema 3): the entries of one page, in
// two compressed blobs. The columns blob holds what the table keeps, in the
// shape of api::AuditColumns (a dictionary per text field and an index per
// entry, ids back to back, times as deltas), so reopening hands a block to
// AuditStore without a string per entry or any JSON. The bodies blob holds
// each entry as received (JSON), read only for the details pane and exports.
// Both are zstd frames. Decoding accepts any bytes: a damaged blob is refused,
// never read past its end.

#include "models/audit/packedid.h"

#include "api/auditcolumns.h"
#include "api/records.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <array>
#include <vector>

namespace models::auditarchiveblock {

// A page of records as columns; body holds each entry's JSON (its rawJson,
// else rebuilt from its fields) and raw spans into it.
api::AuditColumns fromEvents(const QList<api::AuditEvent> &events);

// The time an entry is stored under (absent: 0, as the store reads it).
qint64 timeOf(const api::AuditColumns &page, qsizetype entry);
// The entry's JSON as received, else rebuilt from its fields.
QByteArray bodyOf(const api::AuditColumns &page, qsizetype entry);

// The columns of page's entries rows (in that order), compressed.
QByteArray encodeColumns(const api::AuditColumns &page, const std::vector<qsizetype> &rows);
// False on anything but a well-formed blob; out then is unspecified.
bool decodeColumns(QByteArrayView blob, api::AuditColumns &out);

// A block's columns in the form AuditStore::appendBlock takes them, decoded
// on a pool thread: the dictionaries stay UTF-8 views into the decompressed
// bytes (the store converts only values it has not seen), ids are packed
// here (an id that does not pack is left in overflow, its slot holding the
// index there), times and statuses are the store's. No string is made per
// value or entry, and a block is a handful of allocations.
struct StoreBlock
{
    QByteArray raw; // the decompressed blob, which the views point into
    qsizetype count = 0;
    // Per api::AuditColumns::Text: the dictionary (entry 0 is the empty string).
    std::array<std::vector<QByteArrayView>, api::AuditColumns::TextCount> values;
    std::array<std::vector<quint32>, api::AuditColumns::TextCount> text; // per entry: index into values
    std::vector<PackedId<16>> ids;
    std::vector<PackedId<8>> rayIds;
    std::vector<PackedId<16>> resourceIds;
    std::vector<QByteArrayView> overflow; // ids that do not pack as hex
    std::vector<qint64> timeMs;           // absent: 0, as the store reads it
    std::vector<qint16> statuses;         // absent: -1, clamped as the store keeps it
    qsizetype size() const { return count; }
};
// False on anything but a well-formed blob (what decodeColumns accepts).
bool decodeForStore(QByteArrayView blob, StoreBlock &out);

// Bodies of a block, compressed: a count, each length, the bytes.
QByteArray encodeBodies(const QList<QByteArray> &bodies);
// The same for page's entries rows, taken from the page's bytes.
QByteArray encodeBodies(const api::AuditColumns &page, const std::vector<qsizetype> &rows);
// The bodies as one buffer and where each ends; false on a damaged blob.
struct Bodies
{
    QByteArray text;
    std::vector<qsizetype> ends;
    qsizetype size() const { return qsizetype(ends.size()); }
    QByteArray at(qsizetype i) const;
};
bool decodeBodies(QByteArrayView blob, Bodies &out);

// A page made ready for the archive away from its writer: the entries that
// have an id, newest first (ties in the page's order), as the two compressed
// blobs of a block. This is what the archive's queue holds instead of the
// page (about a fifth of its bytes), so the writer only inserts.
struct PreparedBlock
{
    qint64 newestMs = 0;
    qint64 oldestMs = 0;
    qint64 count = 0; // 0: nothing to store
    QByteArray columns;
    QByteArray bodies;
    // The stored entries' ids (UTF-8, back to back, in the block's order) and
    // where each ends: the writer de-duplicates and indexes from these
    // without decompressing the columns again. Empty: it decodes them.
    QByteArray ids;
    std::vector<quint32> idEnds;
    bool hasIds() const { return count > 0 && qint64(idEnds.size()) == count; }
    QByteArrayView id(qsizetype i) const
    {
        const quint32 begin = i == 0 ? 0 : idEnds[size_t(i) - 1];
        return QByteArrayView(ids.constData() + begin, qsizetype(idEnds[size_t(i)] - begin));
    }
    qsizetype bytes() const
    {
        return columns.size() + bodies.size() + ids.size() + qsizetype(idEnds.size() * sizeof(quint32));
    }
    // One buffer (for a spill file) and back; fromBytes refuses damage.
    QByteArray toBytes() const;
    static bool fromBytes(QByteArrayView bytes, PreparedBlock &out);
};
// Encodes and compresses page (the expensive part of archiving a page).
// count 0 with empty blobs: no entry has an id; empty blobs with count > 0:
// compression failed.
PreparedBlock prepare(const api::AuditColumns &page);

} // namespace models::auditarchiveblock
