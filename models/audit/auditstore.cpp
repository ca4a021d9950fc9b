#include "models/audit/auditstore.h"

#include <QDateTime>
#include <algorithm>
#include <cstring>
#include <limits>

namespace models {

AuditStore::AuditStore()
{
    clear();
}

void AuditStore::clear()
{
    // Replacing the data drops our references to the chunks; snapshots taken
    // earlier keep theirs alive.
    m_data = AuditSnapshot();
    for (int f = 0; f < kAuditFieldCount; ++f) {
        m_index[f].clear();
        m_utf8Index[f].clear();
        m_data.m_pools[f].push_back(QString()); // id 0 is always the empty string
        m_index[f].insert(QString(), 0);
        m_lastId[f] = 0;
        m_recent[f].fill({});
    }
    m_newestMs = std::numeric_limits<qint64>::min();
}

quint32 AuditStore::intern(AuditField f, const QString &s)
{
    const int fi = int(f);
    if (s.isEmpty())
        return m_lastId[fi] = 0;
    RecentText &recent = m_recent[fi][(quintptr(s.constData()) >> 4) % kRecentSlots];
    if (recent.text.constData() == s.constData() && recent.text.size() == s.size())
        return m_lastId[fi] = recent.id;
    auto &pool = m_data.m_pools[fi];
    const quint32 last = m_lastId[fi];
    if (pool[last] == s) {
        recent = {s, last};
        return last;
    }
    auto it = m_index[fi].constFind(s);
    quint32 id;
    if (it != m_index[fi].constEnd()) {
        id = it.value();
    } else {
        id = quint32(pool.size());
        pool.push_back(s);
        // Share one copy of the text between the pool and the index.
        m_index[fi].insert(pool[id], id);
        if (f == AuditField::ActionResult && s == QLatin1String("failure"))
            m_data.m_failureId = id;
    }
    m_lastId[fi] = id;
    recent = {s, id};
    return id;
}

quint64 AuditStore::Utf8Index::hashOf(QByteArrayView text)
{
    // Eight bytes at a time through a multiply-xorshift mix: ids and addresses
    // are 10–40 bytes, so this is a handful of multiplies.
    const char *p = text.data();
    std::size_t n = std::size_t(text.size());
    quint64 h = 0x9E3779B97F4A7C15ull ^ n;
    auto mix = [&h](quint64 v) {
        h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    };
    for (; n >= 8; p += 8, n -= 8) {
        quint64 v;
        std::memcpy(&v, p, 8);
        mix(v);
    }
    if (n > 0) {
        quint64 v = 0;
        std::memcpy(&v, p, n);
        mix(v);
    }
    h *= 0x94D049BB133111EBull;
    return h ^ (h >> 29);
}

quint32 AuditStore::Utf8Index::find(QByteArrayView text, quint64 hash) const
{
    if (m_slots.empty())
        return kAbsent;
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = std::size_t(hash) & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.id == kAbsent)
            return kAbsent;
        if (slot.hash == quint32(hash >> 32) && slot.size == quint32(text.size()) &&
            std::memcmp(m_text.data() + slot.offset, text.data(), slot.size) == 0)
            return slot.id;
    }
}

void AuditStore::Utf8Index::insert(QByteArrayView text, quint64 hash, quint32 id)
{
    if ((m_count + 1) * 2 > m_slots.size())
        grow();
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = std::size_t(hash) & mask;
    while (m_slots[i].id != kAbsent)
        i = (i + 1) & mask;
    m_slots[i] = {quint32(hash >> 32), id, quint32(m_text.size()), quint32(text.size())};
    m_text.append(text.data(), std::size_t(text.size()));
    ++m_count;
}

void AuditStore::Utf8Index::grow()
{
    std::vector<Slot> old(std::max<std::size_t>(64, m_slots.size() * 2));
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot &slot : old) {
        if (slot.id == kAbsent)
            continue;
        // Slots keep half the hash: the rest is computed again (growing is rare).
        std::size_t i = std::size_t(hashOf(QByteArrayView(m_text.data() + slot.offset, slot.size))) & mask;
        while (m_slots[i].id != kAbsent)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

void AuditStore::Utf8Index::clear()
{
    m_slots = {};
    m_text = {};
    m_count = 0;
}

std::size_t AuditStore::Utf8Index::bytes() const
{
    return m_slots.capacity() * sizeof(Slot) + m_text.capacity();
}

quint32 AuditStore::internUtf8(AuditField f, QByteArrayView utf8)
{
    if (utf8.isEmpty())
        return 0;
    Utf8Index &index = m_utf8Index[int(f)];
    const quint64 hash = Utf8Index::hashOf(utf8);
    if (const quint32 id = index.find(utf8, hash); id != Utf8Index::kAbsent)
        return id;
    // New to this index: the text may still be held (a page from the network).
    const quint32 id = intern(f, QString::fromUtf8(utf8));
    index.insert(utf8, hash, id);
    return id;
}

template <int N, typename Text> PackedId<N> AuditStore::pack(const Text &s)
{
    PackedId<N> p;
    if (PackedId<N>::tryPack(s, p))
        return p;
    const auto index = quint32(m_data.m_overflow.size());
    m_data.m_overflow.push_back(s);
    return PackedId<N>::overflow(index);
}

template <int N> void AuditStore::packInto(PackedId<N> &slot, QByteArrayView utf8)
{
    if (PackedId<N>::tryPack(utf8, slot))
        return;
    slot = PackedId<N>::overflow(quint32(m_data.m_overflow.size()));
    m_data.m_overflow.push_back(QString::fromUtf8(utf8));
}

QString AuditStore::uriTemplate(const QString &uri, const QString &resourceId)
{
    // The same shapes as decoded pages carry (api::AuditColumns::RawUri).
    std::string shape;
    api::AuditColumns::uriShape(uri.toStdString(), resourceId.toStdString(), &shape);
    return QString::fromStdString(shape);
}

quint32 AuditStore::append(const QList<api::AuditEvent> &events, const QSet<QString> &skipIds)
{
    quint32 added = 0;
    for (const api::AuditEvent &e : events) {
        if (!skipIds.isEmpty() && skipIds.contains(e.id))
            continue;
        AuditSnapshot &d = m_data;
        qint64 ms = e.actionTimeMs;
        if (ms == 0 && e.actionTime.isValid())
            ms = e.actionTime.toMSecsSinceEpoch();
        d.m_time.push_back(ms);
        m_newestMs = std::max(m_newestMs, ms);
        const int status = e.rawStatusCode.value_or(-1);
        d.m_status.push_back(qint16(std::clamp(status, -1, int(std::numeric_limits<qint16>::max()))));

        auto put = [&](AuditField f, const QString &s) { d.m_ids[int(f)].push_back(intern(f, s)); };
        put(AuditField::ActorDisplay, e.actorEmail.isEmpty() ? e.actorId : e.actorEmail);
        put(AuditField::ActorEmail, e.actorEmail);
        put(AuditField::ActorId, e.actorId);
        put(AuditField::ActorContext, e.actorContext);
        put(AuditField::ActorType, e.actorType);
        put(AuditField::ActorIp, e.actorIpAddress);
        put(AuditField::ActorTokenId, e.actorTokenId);
        put(AuditField::ActorTokenName, e.actorTokenName);
        put(AuditField::ActionType, e.actionType);
        put(AuditField::ActionResult, e.actionResult);
        put(AuditField::ActionDescription, e.actionDescription);
        put(AuditField::ResourceType, e.resourceType);
        put(AuditField::ResourceProduct, e.resourceProduct);
        put(AuditField::RawMethod, e.rawMethod);
        put(AuditField::RawUri, uriTemplate(e.rawUri, e.resourceId));
        put(AuditField::RawUserAgent, e.rawUserAgent);
        put(AuditField::OrganizationId, e.organizationId);

        d.m_entryId.push_back(pack<16>(e.id));
        d.m_rayId.push_back(pack<8>(e.rawCfRayId));
        d.m_resourceId.push_back(pack<16>(e.resourceId));
        // Publish the row count last: readers index only below it.
        ++d.m_rows;
        ++added;
    }
    return added;
}

quint32 AuditStore::append(const api::AuditColumns &page, const QSet<QString> &skipIds,
                           const std::vector<bool> *drop)
{
    return appendRows(page, 0, page.size(), skipIds, drop);
}

std::vector<columnmemory::Range> AuditStore::reserve(quint32 moreRows)
{
    AuditSnapshot &d = m_data;
    const std::size_t rows = std::size_t(d.m_rows) + moreRows;
    constexpr std::size_t kChunk = std::size_t(1) << AuditSnapshot::kRowChunkBits;
    std::vector<columnmemory::Range> fresh;
    // A chunk's worth of rows at a time across all columns: the order rows are written in.
    for (std::size_t upTo = std::min(rows, (std::size_t(d.m_rows) / kChunk + 1) * kChunk);;
         upTo = std::min(rows, upTo + kChunk)) {
        d.m_time.reserve(upTo, &fresh);
        d.m_status.reserve(upTo, &fresh);
        for (auto &column : d.m_ids)
            column.reserve(upTo, &fresh);
        d.m_entryId.reserve(upTo, &fresh);
        d.m_rayId.reserve(upTo, &fresh);
        d.m_resourceId.reserve(upTo, &fresh);
        if (upTo >= rows)
            break;
    }
    return fresh;
}

// Each text column of a page and the store field it fills (appendBlock, appendRows).
constexpr std::array<std::pair<api::AuditColumns::Text, AuditField>, api::AuditColumns::TextCount>
    kTextFields{{
        {api::AuditColumns::ActorEmail, AuditField::ActorEmail},
        {api::AuditColumns::ActorId, AuditField::ActorId},
        {api::AuditColumns::ActorContext, AuditField::ActorContext},
        {api::AuditColumns::ActorType, AuditField::ActorType},
        {api::AuditColumns::ActorIp, AuditField::ActorIp},
        {api::AuditColumns::ActorTokenId, AuditField::ActorTokenId},
        {api::AuditColumns::ActorTokenName, AuditField::ActorTokenName},
        {api::AuditColumns::ActionType, AuditField::ActionType},
        {api::AuditColumns::ActionResult, AuditField::ActionResult},
        {api::AuditColumns::ActionDescription, AuditField::ActionDescription},
        {api::AuditColumns::ResourceType, AuditField::ResourceType},
        {api::AuditColumns::ResourceProduct, AuditField::ResourceProduct},
        {api::AuditColumns::RawMethod, AuditField::RawMethod},
        {api::AuditColumns::RawUserAgent, AuditField::RawUserAgent},
        {api::AuditColumns::OrganizationId, AuditField::OrganizationId},
        {api::AuditColumns::RawUri, AuditField::RawUri},
    }};

quint32 AuditStore::appendBlock(const auditarchiveblock::StoreBlock &block, qsizetype from, qsizetype to)
{
    using C = api::AuditColumns;
    from = std::max<qsizetype>(from, 0);
    to = std::min(to, block.size());
    if (from >= to)
        return 0;
    const auto first = std::size_t(from);
    const auto n = std::size_t(to - from);
    AuditSnapshot &d = m_data;

    d.m_time.appendGenerated(n, [&](std::size_t k) { return block.timeMs[first + k]; });
    m_newestMs = std::max(m_newestMs, *std::max_element(block.timeMs.begin() + qsizetype(first),
                                                        block.timeMs.begin() + qsizetype(first + n)));
    d.m_status.appendGenerated(n, [&](std::size_t k) { return block.statuses[first + k]; });

    // Block-local value → store id, looked up on first use only, so values of
    // rows outside [from, to) are not interned.
    constexpr quint32 kUnset = std::numeric_limits<quint32>::max();
    std::vector<quint32> remap;
    std::vector<quint32> displayById;
    {
        const std::vector<quint32> &emails = block.text[C::ActorEmail];
        const std::vector<quint32> &actorIds = block.text[C::ActorId];
        remap.assign(block.values[C::ActorEmail].size(), kUnset);
        displayById.assign(block.values[C::ActorId].size(), kUnset);
        d.m_ids[int(AuditField::ActorDisplay)].appendGenerated(n, [&](std::size_t k) {
            const quint32 email = emails[first + k];
            quint32 &id = email != 0 ? remap[email] : displayById[actorIds[first + k]];
            if (id == kUnset)
                id = internUtf8(AuditField::ActorDisplay,
                                email != 0 ? block.values[C::ActorEmail][email]
                                           : block.values[C::ActorId][actorIds[first + k]]);
            return id;
        });
    }
    for (const auto &[text, field] : kTextFields) {
        const std::vector<QByteArrayView> &values = block.values[text];
        const std::vector<quint32> &local = block.text[text];
        remap.assign(values.size(), kUnset);
        d.m_ids[int(field)].appendGenerated(n, [&, f = field](std::size_t k) {
            const quint32 value = local[first + k];
            quint32 &id = remap[value];
            if (id == kUnset)
                id = internUtf8(f, values[value]);
            return id;
        });
    }

    // Packed ids as they are; one that did not pack moves its text to the side list.
    auto packed = [&](auto &column, const auto &source) {
        column.appendGenerated(n, [&](std::size_t k) {
            auto p = source[first + k];
            if (p.isOverflow()) {
                const QByteArrayView text = block.overflow[p.overflowIndex()];
                p = std::remove_cvref_t<decltype(p)>::overflow(quint32(d.m_overflow.size()));
                d.m_overflow.push_back(QString::fromUtf8(text));
            }
            return p;
        });
    };
    packed(d.m_entryId, block.ids);
    packed(d.m_rayId, block.rayIds);
    packed(d.m_resourceId, block.resourceIds);
    // Publish the row count last: readers index only below it.
    d.m_rows += quint32(n);
    return quint32(n);
}

quint32 AuditStore::appendRows(const api::AuditColumns &page, qsizetype from, qsizetype to,
                               const QSet<QString> &skipIds, const std::vector<bool> *drop)
{
    using C = api::AuditColumns;
    // Page-local value → store id, looked up on first use only, so values of
    // skipped rows (and ids the Actor column never shows) are not interned.
    constexpr quint32 kUnset = std::numeric_limits<quint32>::max();
    std::array<std::vector<quint32>, C::TextCount> remap;
    for (int t = 0; t < C::TextCount; ++t)
        remap[size_t(t)].assign(size_t(page.values[size_t(t)].size()), kUnset);
    auto idOf = [&](C::Text text, AuditField field, quint32 local) {
        quint32 &id = remap[text][local];
        if (id == kUnset)
            id = intern(field, page.values[text][local]);
        return id;
    };
    std::vector<quint32> displayByEmail(size_t(page.values[C::ActorEmail].size()), kUnset);
    std::vector<quint32> displayById(size_t(page.values[C::ActorId].size()), kUnset);
    auto displayOf = [&](quint32 email, quint32 actorId) {
        quint32 &id = email != 0 ? displayByEmail[email] : displayById[actorId];
        if (id == kUnset)
            id = intern(AuditField::ActorDisplay,
                        email != 0 ? page.values[C::ActorEmail][email] : page.values[C::ActorId][actorId]);
        return id;
    };

    // The rows to add: [from, to), or those left after drop and skipIds.
    std::vector<std::size_t> kept;
    const bool filtered = drop || !skipIds.isEmpty();
    if (filtered) {
        for (qsizetype i = from; i < to; ++i) {
            if (drop && std::size_t(i) < drop->size() && (*drop)[std::size_t(i)])
                continue;
            if (!skipIds.isEmpty() && skipIds.contains(page.ids.at(i)))
                continue;
            kept.push_back(std::size_t(i));
        }
    }
    const std::size_t n = filtered ? kept.size() : std::size_t(std::max<qsizetype>(to - from, 0));
    if (n == 0)
        return 0;

    // Column by column, as appendBlock: one column's chunk and its page
    // column at a time instead of twenty of each per row.
    AuditSnapshot &d = m_data;
    const auto append = [&](auto rowAt) {
        d.m_time.appendGenerated(n, [&](std::size_t k) {
            const std::size_t row = rowAt(k);
            const qint64 ms = page.timeMs[row] == C::kNoTime ? 0 : page.timeMs[row];
            m_newestMs = std::max(m_newestMs, ms);
            return ms;
        });
        d.m_status.appendGenerated(n, [&](std::size_t k) {
            const int status = page.statusCodes[rowAt(k)].value_or(-1);
            return qint16(std::clamp(status, -1, int(std::numeric_limits<qint16>::max())));
        });
        const std::vector<quint32> &emails = page.text[C::ActorEmail];
        const std::vector<quint32> &actorIds = page.text[C::ActorId];
        d.m_ids[int(AuditField::ActorDisplay)].appendGenerated(n, [&](std::size_t k) {
            const std::size_t row = rowAt(k);
            return displayOf(emails[row], actorIds[row]);
        });
        for (const auto &[text, field] : kTextFields) {
            const std::vector<quint32> &local = page.text[text];
            d.m_ids[int(field)].appendGenerated(
                n, [&, t = text, f = field](std::size_t k) { return idOf(t, f, local[rowAt(k)]); });
        }
        for (std::size_t k = 0; k < n; ++k)
            packInto(d.m_entryId.appendSlot(), page.ids.view(qsizetype(rowAt(k))));
        for (std::size_t k = 0; k < n; ++k)
            packInto(d.m_rayId.appendSlot(), page.rayIds.view(qsizetype(rowAt(k))));
        for (std::size_t k = 0; k < n; ++k)
            packInto(d.m_resourceId.appendSlot(), page.resourceIds.view(qsizetype(rowAt(k))));
    };
    if (filtered)
        append([&kept](std::size_t k) { return kept[k]; });
    else
        append([first = std::size_t(from)](std::size_t k) { return first + k; });
    // Publish the row count last: readers index only below it.
    d.m_rows += quint32(n);
    return quint32(n);
}

QSet<QString> AuditStore::idsAtOrAfter(qint64 timeMs) const
{
    QSet<QString> ids;
    m_data.m_time.scan(0, m_data.rowCount(), [&](std::size_t row, qint64 t) {
        if (t >= timeMs)
            ids.insert(m_data.key(AuditKey::EntryId, quint32(row)));
    });
    return ids;
}

api::AuditEvent AuditStore::event(quint32 row) const
{
    const AuditSnapshot &d = m_data;
    api::AuditEvent e;
    e.id = d.key(AuditKey::EntryId, row);
    e.actionTimeMs = d.timeMs(row);
    e.actionTime = QDateTime::fromMSecsSinceEpoch(e.actionTimeMs, Qt::UTC);
    if (d.status(row) >= 0)
        e.rawStatusCode = d.status(row);
    e.actorEmail = d.field(AuditField::ActorEmail, row);
    e.actorId = d.field(AuditField::ActorId, row);
    e.actorContext = d.field(AuditField::ActorContext, row);
    e.actorType = d.field(AuditField::ActorType, row);
    e.actorIpAddress = d.field(AuditField::ActorIp, row);
    e.actorTokenId = d.field(AuditField::ActorTokenId, row);
    e.actorTokenName = d.field(AuditField::ActorTokenName, row);
    e.actionType = d.field(AuditField::ActionType, row);
    e.actionResult = d.field(AuditField::ActionResult, row);
    e.actionDescription = d.field(AuditField::ActionDescription, row);
    e.resourceType = d.field(AuditField::ResourceType, row);
    e.resourceProduct = d.field(AuditField::ResourceProduct, row);
    e.rawMethod = d.field(AuditField::RawMethod, row);
    e.rawUri = d.field(AuditField::RawUri, row);
    e.rawUserAgent = d.field(AuditField::RawUserAgent, row);
    e.organizationId = d.field(AuditField::OrganizationId, row);
    e.rawCfRayId = d.key(AuditKey::RayId, row);
    e.resourceId = d.key(AuditKey::ResourceId, row);
    return e;
}

std::size_t AuditStore::bytes() const
{
    std::size_t total = m_data.bytes();
    // QHash node: key QString + value + span bookkeeping (~1 byte offset per
    // bucket and 8 slots per span); the key text is shared with the pool.
    for (const auto &index : m_index)
        total += std::size_t(index.size()) * (sizeof(QString) + sizeof(quint32) + 4) + index.capacity() * 2;
    for (const auto &index : m_utf8Index)
        total += index.bytes();
    return total;
}

} // namespace models
