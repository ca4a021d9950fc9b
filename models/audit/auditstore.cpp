#include "models/audit/auditstore.h"

#include <QDateTime>
#include <algorithm>
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

namespace {
QString toQString(const QString &s)
{
    return s;
}
QString toQString(QByteArrayView utf8)
{
    return QString::fromUtf8(utf8);
}
} // namespace

template <int N, typename Text> PackedId<N> AuditStore::pack(const Text &s)
{
    PackedId<N> p;
    if (PackedId<N>::tryPack(s, p))
        return p;
    const auto index = quint32(m_data.m_overflow.size());
    m_data.m_overflow.push_back(toQString(s));
    return PackedId<N>::overflow(index);
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

quint32 AuditStore::appendRange(const api::AuditColumns &page, qsizetype from, qsizetype to)
{
    return appendRows(page, std::max<qsizetype>(from, 0), std::min(to, page.size()), {}, nullptr);
}

quint32 AuditStore::appendRows(const api::AuditColumns &page, qsizetype from, qsizetype to,
                               const QSet<QString> &skipIds, const std::vector<bool> *drop)
{
    using C = api::AuditColumns;
    static constexpr std::array<std::pair<C::Text, AuditField>, C::TextCount> kFields{{
        {C::ActorEmail, AuditField::ActorEmail},
        {C::ActorId, AuditField::ActorId},
        {C::ActorContext, AuditField::ActorContext},
        {C::ActorType, AuditField::ActorType},
        {C::ActorIp, AuditField::ActorIp},
        {C::ActorTokenId, AuditField::ActorTokenId},
        {C::ActorTokenName, AuditField::ActorTokenName},
        {C::ActionType, AuditField::ActionType},
        {C::ActionResult, AuditField::ActionResult},
        {C::ActionDescription, AuditField::ActionDescription},
        {C::ResourceType, AuditField::ResourceType},
        {C::ResourceProduct, AuditField::ResourceProduct},
        {C::RawMethod, AuditField::RawMethod},
        {C::RawUserAgent, AuditField::RawUserAgent},
        {C::OrganizationId, AuditField::OrganizationId},
        {C::RawUri, AuditField::RawUri},
    }};
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

    AuditSnapshot &d = m_data;
    quint32 added = 0;
    for (qsizetype i = from; i < to; ++i) {
        if (drop && std::size_t(i) < drop->size() && (*drop)[std::size_t(i)])
            continue;
        if (!skipIds.isEmpty() && skipIds.contains(page.ids.at(i)))
            continue;
        const auto row = size_t(i);
        const qint64 ms = page.timeMs[row] == C::kNoTime ? 0 : page.timeMs[row];
        d.m_time.push_back(ms);
        m_newestMs = std::max(m_newestMs, ms);
        const int status = page.statusCodes[row].value_or(-1);
        d.m_status.push_back(qint16(std::clamp(status, -1, int(std::numeric_limits<qint16>::max()))));

        d.m_ids[int(AuditField::ActorDisplay)].push_back(
            displayOf(page.text[C::ActorEmail][row], page.text[C::ActorId][row]));
        for (const auto &[text, field] : kFields)
            d.m_ids[int(field)].push_back(idOf(text, field, page.text[text][row]));

        d.m_entryId.push_back(pack<16>(page.ids.view(i)));
        d.m_rayId.push_back(pack<8>(page.rayIds.view(i)));
        d.m_resourceId.push_back(pack<16>(page.resourceIds.view(i)));
        // Publish the row count last: readers index only below it.
        ++d.m_rows;
        ++added;
    }
    return added;
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
    return total;
}

} // namespace models
