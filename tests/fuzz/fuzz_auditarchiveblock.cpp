// The audit archive's block decoders on any bytes, as a damaged file or a
// damaged spill file may hold them: the first byte picks the decoder, the
// rest is its input (wrapped in a zstd frame for the two compressed blobs, so
// the fuzzer reaches the parsers behind the decompression). Nothing may read
// past its input; what decodes must survive encoding and decoding again.
//
// Input: [mode: 0 columns, 1 bodies, 2 prepared block, 3 store block] bytes…

#include "models/audit/auditarchiveblock.h"

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <string>
#include <zstd.h>

namespace block = models::auditarchiveblock;

namespace {

QByteArray framed(const uint8_t *data, size_t size)
{
    std::string out(ZSTD_compressBound(size), '\0');
    const size_t n = ZSTD_compress(out.data(), out.size(), data, size, 1);
    if (ZSTD_isError(n))
        __builtin_trap();
    return QByteArray(out.data(), qsizetype(n));
}

void columns(const uint8_t *data, size_t size)
{
    api::AuditColumns page;
    if (!block::decodeColumns(framed(data, size), page))
        return;
    std::vector<qsizetype> rows(size_t(page.size()));
    std::iota(rows.begin(), rows.end(), 0);
    api::AuditColumns again;
    if (!block::decodeColumns(block::encodeColumns(page, rows), again) || again.size() != page.size())
        __builtin_trap();
    for (qsizetype i = 0; i < page.size(); ++i)
        if (again.ids.view(i) != page.ids.view(i) || again.timeMs[size_t(i)] != page.timeMs[size_t(i)] ||
            again.statusCodes[size_t(i)] != page.statusCodes[size_t(i)])
            __builtin_trap();
}

void bodies(const uint8_t *data, size_t size)
{
    block::Bodies b;
    if (!block::decodeBodies(framed(data, size), b))
        return;
    // Where each body ends only grows, and the last end is the text's.
    qsizetype end = 0;
    for (qsizetype e : b.ends) {
        if (e < end)
            __builtin_trap();
        end = e;
    }
    if (end != b.text.size())
        __builtin_trap();
    QList<QByteArray> list;
    for (qsizetype i = 0; i < b.size(); ++i)
        list.append(b.at(i));
    block::Bodies again;
    if (!block::decodeBodies(block::encodeBodies(list), again) || again.size() != b.size())
        __builtin_trap();
    for (qsizetype i = 0; i < b.size(); ++i)
        if (again.at(i) != list[i])
            __builtin_trap();
}

void prepared(const uint8_t *data, size_t size)
{
    block::PreparedBlock p;
    if (!block::PreparedBlock::fromBytes(
            QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)), p))
        return;
    block::PreparedBlock again;
    if (!block::PreparedBlock::fromBytes(p.toBytes(), again) || again.count != p.count ||
        again.newestMs != p.newestMs || again.oldestMs != p.oldestMs || again.columns != p.columns ||
        again.bodies != p.bodies || again.ids != p.ids || again.idEnds != p.idEnds)
        __builtin_trap();
    // The ids it carries are either none or one per entry, each inside its
    // bytes: their ends only grow, and the last is the bytes' end.
    if (!p.idEnds.empty() && (qint64(p.idEnds.size()) != p.count || !p.hasIds()))
        __builtin_trap();
    quint32 end = 0;
    for (quint32 e : p.idEnds) {
        if (e < end)
            __builtin_trap();
        end = e;
    }
    if (qsizetype(end) != p.ids.size())
        __builtin_trap();
    for (qsizetype i = 0; i < qsizetype(p.idEnds.size()); ++i) {
        const QByteArrayView id = p.id(i);
        if (id.data() < p.ids.constData() || id.data() + id.size() > p.ids.constData() + p.ids.size())
            __builtin_trap();
    }
}

// The reopen path's decoder (straight into the store's layout) accepts
// exactly what decodeColumns accepts, with the same entries; every index it
// hands out points into its dictionary and every view into its own bytes.
void storeBlock(const uint8_t *data, size_t size)
{
    const QByteArray blob = framed(data, size);
    block::StoreBlock store;
    api::AuditColumns page;
    const bool forStore = block::decodeForStore(blob, store);
    if (forStore != block::decodeColumns(blob, page))
        __builtin_trap();
    if (!forStore)
        return;
    if (store.count != page.size() || store.timeMs.size() != size_t(store.count) ||
        store.statuses.size() != size_t(store.count))
        __builtin_trap();
    const char *begin = store.raw.constData();
    const char *end = begin + store.raw.size();
    auto inside = [&](QByteArrayView v) {
        return v.isEmpty() || (v.data() >= begin && v.data() + v.size() <= end);
    };
    for (size_t t = 0; t < store.values.size(); ++t) {
        for (QByteArrayView v : store.values[t])
            if (!inside(v))
                __builtin_trap();
        for (quint32 index : store.text[t])
            if (index >= store.values[t].size())
                __builtin_trap();
    }
    for (QByteArrayView v : store.overflow)
        if (!inside(v))
            __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    switch (data[0] % 4) {
    case 0:
        columns(data + 1, size - 1);
        break;
    case 1:
        bodies(data + 1, size - 1);
        break;
    case 2:
        prepared(data + 1, size - 1);
        break;
    default:
        storeBlock(data + 1, size - 1);
        break;
    }
    return 0;
}
