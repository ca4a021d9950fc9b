#include "models/audit/auditarchiveblock.h"

#include "models/audit/auditentryjson.h"

#include <QHash>

#include <algorithm>
#include <limits>
#include <memory>
#include <string>
#include <zstd.h>

namespace models::auditarchiveblock {

namespace {

constexpr quint8 kColumnsVersion = 1;
// zstd's fastest level: the archive must keep up with the network
// (~100 k entries/s of ~1 KB bodies) on one core; higher levels save a few
// per cent of the file for several times the time.
constexpr int kLevel = 1;
// A block is one page (≤ 1,000 entries in practice); anything claiming far
// more is damage.
constexpr quint64 kMaxEntries = 1u << 20;
constexpr quint64 kMaxInflated = quint64(1) << 30;

using C = api::AuditColumns;

void putVarint(std::string &out, quint64 v)
{
    while (v >= 0x80) {
        out.push_back(char(quint8(v) | 0x80));
        v >>= 7;
    }
    out.push_back(char(v));
}

quint64 zigzag(qint64 v)
{
    return (quint64(v) << 1) ^ quint64(v >> 63);
}

qint64 unzigzag(quint64 v)
{
    return qint64(v >> 1) ^ -qint64(v & 1);
}

void putBytes(std::string &out, QByteArrayView bytes)
{
    putVarint(out, quint64(bytes.size()));
    out.append(bytes.data(), size_t(bytes.size()));
}

struct Reader
{
    const char *p;
    const char *end;

    bool varint(quint64 &v)
    {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p >= end)
                return false;
            const quint8 b = quint8(*p++);
            v |= quint64(b & 0x7F) << shift;
            if (!(b & 0x80))
                return true;
        }
        return false;
    }
    bool bytes(QByteArrayView &out)
    {
        quint64 n = 0;
        if (!varint(n) || quint64(end - p) < n)
            return false;
        out = QByteArrayView(p, qsizetype(n));
        p += n;
        return true;
    }
};

struct CContextDeleter
{
    void operator()(ZSTD_CCtx *c) const { ZSTD_freeCCtx(c); }
};
struct DContextDeleter
{
    void operator()(ZSTD_DCtx *c) const { ZSTD_freeDCtx(c); }
};

// Pages of a load are written one after another: their scratch buffers are
// kept per thread rather than mapped and faulted in afresh for each (they are
// about a megabyte, above malloc's mmap threshold).
std::string &scratch()
{
    thread_local std::string buffer;
    buffer.clear();
    return buffer;
}

QByteArray compress(const std::string &raw)
{
    // One context per thread: the archive writes on its own thread.
    thread_local std::unique_ptr<ZSTD_CCtx, CContextDeleter> context(ZSTD_createCCtx());
    thread_local std::string out;
    out.resize(ZSTD_compressBound(raw.size()));
    const size_t n = ZSTD_compressCCtx(context.get(), out.data(), out.size(), raw.data(), raw.size(), kLevel);
    if (ZSTD_isError(n))
        return {};
    return QByteArray(out.data(), qsizetype(n));
}

bool decompress(QByteArrayView blob, QByteArray &out)
{
    const unsigned long long size = ZSTD_getFrameContentSize(blob.data(), size_t(blob.size()));
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxInflated)
        return false;
    thread_local std::unique_ptr<ZSTD_DCtx, DContextDeleter> context(ZSTD_createDCtx());
    out = QByteArray(qsizetype(size), Qt::Uninitialized);
    const size_t n =
        ZSTD_decompressDCtx(context.get(), out.data(), size_t(size), blob.data(), size_t(blob.size()));
    return !ZSTD_isError(n) && n == size;
}

void putUtf8Column(std::string &out, const C::Utf8Column &column, const std::vector<qsizetype> &rows)
{
    for (qsizetype row : rows)
        putBytes(out, row < column.size() ? column.view(row) : QByteArrayView());
}

bool getUtf8Column(Reader &r, quint64 n, C::Utf8Column &column)
{
    for (quint64 i = 0; i < n; ++i) {
        QByteArrayView v;
        if (!r.bytes(v))
            return false;
        column.append(std::string_view(v.data(), size_t(v.size())));
    }
    return true;
}

// Reads count lengths (varints) of items that lie back to back in a buffer of
// `available` bytes into where each item ends. Refuses a truncated varint, a
// count that cannot fit in what is left of r (a length takes a byte at
// least), and lengths that run past `available`: each is checked against
// what is left before it is added, so the sum can neither wrap nor pass the
// buffer and the ends only grow. total is the last end; the caller checks
// that it covers its buffer exactly.
template <typename End>
bool readLengthsAsEnds(Reader &r, quint64 count, quint64 available, std::vector<End> &ends, quint64 &total)
{
    if (count > quint64(r.end - r.p) || available > quint64(std::numeric_limits<End>::max()))
        return false;
    ends.clear();
    ends.reserve(size_t(count));
    total = 0;
    for (quint64 i = 0; i < count; ++i) {
        quint64 length = 0;
        if (!r.varint(length) || length > available - total)
            return false;
        total += length;
        ends.push_back(End(total));
    }
    return true;
}

} // namespace

qint64 timeOf(const api::AuditColumns &page, qsizetype entry)
{
    const qint64 ms = page.timeMs[size_t(entry)];
    return ms == C::kNoTime ? 0 : ms;
}

QByteArray bodyOf(const api::AuditColumns &page, qsizetype entry)
{
    if (size_t(entry) >= page.raw.size())
        return auditentryjson::fullOrEncoded(page.event(entry));
    const C::Span &span = page.raw[size_t(entry)];
    if (span.size > 0 && span.offset >= 0 && span.offset + span.size <= page.body.size())
        return page.bytes(span);
    return auditentryjson::fullOrEncoded(page.event(entry));
}

api::AuditColumns fromEvents(const QList<api::AuditEvent> &events)
{
    C page;
    std::array<QHash<QString, quint32>, C::TextCount> index;
    for (auto &i : index)
        i.insert(QString(), 0);
    auto put = [&](C::Text t, const QString &s) {
        auto it = index[t].constFind(s);
        quint32 id;
        if (it != index[t].constEnd()) {
            id = it.value();
        } else {
            id = quint32(page.values[t].size());
            page.values[t].append(s);
            index[t].insert(s, id);
        }
        page.text[t].push_back(id);
    };
    std::string shape;
    for (const api::AuditEvent &e : events) {
        put(C::ActionDescription, e.actionDescription);
        put(C::ActionResult, e.actionResult);
        put(C::ActionType, e.actionType);
        put(C::ActorId, e.actorId);
        put(C::ActorContext, e.actorContext);
        put(C::ActorEmail, e.actorEmail);
        put(C::ActorIp, e.actorIpAddress);
        put(C::ActorTokenId, e.actorTokenId);
        put(C::ActorTokenName, e.actorTokenName);
        put(C::ActorType, e.actorType);
        put(C::OrganizationId, e.organizationId);
        put(C::RawMethod, e.rawMethod);
        put(C::RawUserAgent, e.rawUserAgent);
        put(C::ResourceProduct, e.resourceProduct);
        put(C::ResourceType, e.resourceType);
        const QByteArray resourceId = e.resourceId.toUtf8();
        C::uriShape(e.rawUri.toStdString(),
                    std::string_view(resourceId.constData(), size_t(resourceId.size())), &shape);
        put(C::RawUri, QString::fromStdString(shape));
        page.ids.append(e.id.toStdString());
        page.rayIds.append(e.rawCfRayId.toStdString());
        page.resourceIds.append(std::string_view(resourceId.constData(), size_t(resourceId.size())));
        const qint64 ms = e.actionTimeMs != 0 || !e.actionTime.isValid() ? e.actionTimeMs
                                                                         : e.actionTime.toMSecsSinceEpoch();
        page.timeMs.push_back(ms);
        page.statusCodes.push_back(e.rawStatusCode);
        const QByteArray json = auditentryjson::fullOrEncoded(e);
        page.raw.push_back({page.body.size(), json.size()});
        page.body.append(json);
    }
    return page;
}

QByteArray encodeColumns(const api::AuditColumns &page, const std::vector<qsizetype> &rows)
{
    std::string &out = scratch();
    out.push_back(char(kColumnsVersion));
    putVarint(out, rows.size());
    for (int t = 0; t < C::TextCount; ++t) {
        const QList<QString> &values = page.values[size_t(t)];
        putVarint(out, quint64(values.size()));
        for (qsizetype v = 1; v < values.size(); ++v)
            putBytes(out, values[v].toUtf8());
        for (qsizetype row : rows)
            putVarint(out, page.text[size_t(t)][size_t(row)]);
    }
    putUtf8Column(out, page.ids, rows);
    putUtf8Column(out, page.rayIds, rows);
    putUtf8Column(out, page.resourceIds, rows);
    qint64 previous = 0;
    for (qsizetype row : rows) {
        const qint64 ms = timeOf(page, row);
        putVarint(out, zigzag(ms - previous));
        previous = ms;
    }
    for (qsizetype row : rows) {
        const std::optional<int> status = page.statusCodes[size_t(row)];
        putVarint(out, status ? zigzag(*status) + 1 : 0);
    }
    return compress(out);
}

bool decodeColumns(QByteArrayView blob, api::AuditColumns &out)
{
    QByteArray raw;
    if (!decompress(blob, raw))
        return false;
    Reader r{raw.constData(), raw.constData() + raw.size()};
    if (r.p >= r.end || quint8(*r.p++) != kColumnsVersion)
        return false;
    quint64 n = 0;
    if (!r.varint(n) || n > kMaxEntries)
        return false;
    out = C();
    for (int t = 0; t < C::TextCount; ++t) {
        quint64 count = 0;
        if (!r.varint(count) || count < 1 || count > quint64(r.end - r.p) + 1)
            return false;
        QList<QString> &values = out.values[size_t(t)];
        values.reserve(qsizetype(count));
        for (quint64 v = 1; v < count; ++v) {
            QByteArrayView text;
            if (!r.bytes(text))
                return false;
            values.append(QString::fromUtf8(text));
        }
        std::vector<quint32> &indexes = out.text[size_t(t)];
        indexes.resize(n);
        for (quint64 i = 0; i < n; ++i) {
            quint64 v = 0;
            if (!r.varint(v) || v >= count)
                return false;
            indexes[i] = quint32(v);
        }
    }
    if (!getUtf8Column(r, n, out.ids) || !getUtf8Column(r, n, out.rayIds) ||
        !getUtf8Column(r, n, out.resourceIds))
        return false;
    out.timeMs.resize(n);
    qint64 previous = 0;
    for (quint64 i = 0; i < n; ++i) {
        quint64 v = 0;
        if (!r.varint(v))
            return false;
        previous = qint64(quint64(previous) + quint64(unzigzag(v)));
        // The writer stores an absent time as 0 (timeOf), so a stored time
        // never means "absent": damaged bytes that add up to kNoTime read as 0,
        // as decodeForStore reads them.
        out.timeMs[i] = previous == C::kNoTime ? 0 : previous;
    }
    out.statusCodes.resize(n);
    for (quint64 i = 0; i < n; ++i) {
        quint64 v = 0;
        if (!r.varint(v))
            return false;
        if (v != 0) {
            const qint64 status = unzigzag(v - 1);
            if (status < std::numeric_limits<int>::min() || status > std::numeric_limits<int>::max())
                return false;
            out.statusCodes[i] = int(status);
        }
    }
    return r.p == r.end;
}

namespace {

template <int N>
bool getPackedColumn(Reader &r, quint64 n, std::vector<PackedId<N>> &column,
                     std::vector<QByteArrayView> &overflow)
{
    column.resize(n);
    for (quint64 i = 0; i < n; ++i) {
        QByteArrayView v;
        if (!r.bytes(v))
            return false;
        if (!PackedId<N>::tryPack(v, column[i])) {
            column[i] = PackedId<N>::overflow(quint32(overflow.size()));
            overflow.push_back(v);
        }
    }
    return true;
}

} // namespace

bool decodeForStore(QByteArrayView blob, StoreBlock &out)
{
    // The same format and checks as decodeColumns, into the store's shapes
    // (fuzz_auditarchiveblock checks that both accept the same bytes). The
    // loops are written out here rather than shared with decodeColumns:
    // shared helpers made this decoder, the reopen's, about 1 % slower.
    if (!decompress(blob, out.raw))
        return false;
    Reader r{out.raw.constData(), out.raw.constData() + out.raw.size()};
    if (r.p >= r.end || quint8(*r.p++) != kColumnsVersion)
        return false;
    quint64 n = 0;
    if (!r.varint(n) || n > kMaxEntries)
        return false;
    out.count = qsizetype(n);
    for (int t = 0; t < C::TextCount; ++t) {
        quint64 count = 0;
        if (!r.varint(count) || count < 1 || count > quint64(r.end - r.p) + 1)
            return false;
        std::vector<QByteArrayView> &values = out.values[size_t(t)];
        values.resize(count);
        values[0] = QByteArrayView();
        for (quint64 v = 1; v < count; ++v)
            if (!r.bytes(values[v]))
                return false;
        std::vector<quint32> &indexes = out.text[size_t(t)];
        indexes.resize(n);
        for (quint64 i = 0; i < n; ++i) {
            quint64 v = 0;
            if (!r.varint(v) || v >= count)
                return false;
            indexes[i] = quint32(v);
        }
    }
    out.overflow.clear();
    if (!getPackedColumn(r, n, out.ids, out.overflow) || !getPackedColumn(r, n, out.rayIds, out.overflow) ||
        !getPackedColumn(r, n, out.resourceIds, out.overflow))
        return false;
    out.timeMs.resize(n);
    qint64 previous = 0;
    for (quint64 i = 0; i < n; ++i) {
        quint64 v = 0;
        if (!r.varint(v))
            return false;
        previous = qint64(quint64(previous) + quint64(unzigzag(v)));
        out.timeMs[i] = previous == C::kNoTime ? 0 : previous;
    }
    out.statuses.resize(n);
    for (quint64 i = 0; i < n; ++i) {
        quint64 v = 0;
        if (!r.varint(v))
            return false;
        qint16 status = -1;
        if (v != 0) {
            const qint64 code = unzigzag(v - 1);
            if (code < std::numeric_limits<int>::min() || code > std::numeric_limits<int>::max())
                return false;
            status = qint16(std::clamp<qint64>(code, -1, std::numeric_limits<qint16>::max()));
        }
        out.statuses[i] = status;
    }
    return r.p == r.end;
}

QByteArray encodeBodies(const QList<QByteArray> &bodies)
{
    std::string &out = scratch();
    putVarint(out, quint64(bodies.size()));
    for (const QByteArray &b : bodies)
        putVarint(out, quint64(b.size()));
    for (const QByteArray &b : bodies)
        out.append(b.constData(), size_t(b.size()));
    return compress(out);
}

QByteArray encodeBodies(const api::AuditColumns &page, const std::vector<qsizetype> &rows)
{
    // The bytes as received straight from the page; only entries that came
    // without them are rebuilt.
    std::vector<QByteArray> rebuilt(rows.size());
    std::vector<QByteArrayView> views(rows.size());
    for (size_t k = 0; k < rows.size(); ++k) {
        const qsizetype i = rows[k];
        const C::Span span = size_t(i) < page.raw.size() ? page.raw[size_t(i)] : C::Span{};
        if (span.size > 0 && span.offset >= 0 && span.offset + span.size <= page.body.size()) {
            views[k] = QByteArrayView(page.body.constData() + span.offset, span.size);
        } else {
            rebuilt[k] = bodyOf(page, i);
            views[k] = rebuilt[k];
        }
    }
    std::string &out = scratch();
    putVarint(out, quint64(rows.size()));
    for (const QByteArrayView &v : views)
        putVarint(out, quint64(v.size()));
    for (const QByteArrayView &v : views)
        out.append(v.data(), size_t(v.size()));
    return compress(out);
}

PreparedBlock prepare(const api::AuditColumns &page)
{
    std::vector<qsizetype> order;
    order.reserve(size_t(page.size()));
    for (qsizetype i = 0; i < page.size(); ++i)
        if (!page.ids.view(i).isEmpty()) // cannot be de-duplicated or looked up
            order.push_back(i);
    // Newest first inside a block, as the table shows them; ties keep the page's order.
    std::stable_sort(order.begin(), order.end(),
                     [&page](qsizetype a, qsizetype b) { return timeOf(page, a) > timeOf(page, b); });
    PreparedBlock block;
    if (order.empty())
        return block;
    block.count = qint64(order.size());
    block.newestMs = timeOf(page, order.front());
    block.oldestMs = timeOf(page, order.back());
    block.columns = encodeColumns(page, order);
    block.bodies = encodeBodies(page, order);
    if (block.columns.isEmpty() || block.bodies.isEmpty()) {
        block.columns = block.bodies = QByteArray();
        return block;
    }
    qsizetype idBytes = 0;
    for (qsizetype i : order)
        idBytes += page.ids.view(i).size();
    block.ids.reserve(idBytes);
    block.idEnds.reserve(order.size());
    for (qsizetype i : order) {
        block.ids.append(page.ids.view(i));
        block.idEnds.push_back(quint32(block.ids.size()));
    }
    return block;
}

QByteArray PreparedBlock::toBytes() const
{
    std::string out;
    out.reserve(size_t(bytes()) + 40);
    putVarint(out, zigzag(newestMs));
    putVarint(out, zigzag(oldestMs));
    putVarint(out, quint64(count));
    putBytes(out, columns);
    putBytes(out, bodies);
    putBytes(out, ids);
    putVarint(out, quint64(idEnds.size()));
    quint32 previous = 0;
    for (quint32 end : idEnds) {
        putVarint(out, end - previous);
        previous = end;
    }
    return QByteArray(out.data(), qsizetype(out.size()));
}

bool PreparedBlock::fromBytes(QByteArrayView bytes, PreparedBlock &out)
{
    Reader r{bytes.data(), bytes.data() + bytes.size()};
    quint64 newest = 0;
    quint64 oldest = 0;
    quint64 count = 0;
    QByteArrayView columns;
    QByteArrayView bodies;
    QByteArrayView ids;
    quint64 ends = 0;
    quint64 idBytes = 0;
    // No ids (the writer decodes them) or one per entry, filling ids exactly.
    if (!r.varint(newest) || !r.varint(oldest) || !r.varint(count) || count > kMaxEntries ||
        !r.bytes(columns) || !r.bytes(bodies) || !r.bytes(ids) || !r.varint(ends) ||
        (ends != 0 && ends != count) ||
        !readLengthsAsEnds(r, ends, quint64(ids.size()), out.idEnds, idBytes) ||
        idBytes != quint64(ids.size()) || r.p != r.end)
        return false;
    out.newestMs = unzigzag(newest);
    out.oldestMs = unzigzag(oldest);
    out.count = qint64(count);
    out.columns = columns.toByteArray();
    out.bodies = bodies.toByteArray();
    out.ids = ids.toByteArray();
    return true;
}

QByteArray Bodies::at(qsizetype i) const
{
    if (i < 0 || i >= size())
        return {};
    const qsizetype begin = i == 0 ? 0 : ends[size_t(i) - 1];
    return text.mid(begin, ends[size_t(i)] - begin);
}

bool decodeBodies(QByteArrayView blob, Bodies &out)
{
    QByteArray raw;
    if (!decompress(blob, raw))
        return false;
    Reader r{raw.constData(), raw.constData() + raw.size()};
    quint64 n = 0;
    if (!r.varint(n) || n > kMaxEntries)
        return false;
    // The bodies fill what follows their lengths exactly.
    quint64 total = 0;
    if (!readLengthsAsEnds(r, n, quint64(r.end - r.p), out.ends, total) || total != quint64(r.end - r.p))
        return false;
    out.text = raw.mid(r.p - raw.constData());
    return true;
}

} // namespace models::auditarchiveblock
