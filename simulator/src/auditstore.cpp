#include "auditstore.h"

#include "envelope.h"
#include "jsonwriter.h"
#include "random.h"
#include "timeutil.h"

#include <algorithm>

namespace sim {

namespace {
constexpr qsizetype ChunkSize = 32 * 1024 * 1024;

struct FilterKey
{
    const char *name;
    int field; // AuditStore::Field, or one of the special values below
};
constexpr int IdField = 100;
constexpr int RayField = 101;
constexpr int StatusField = 102;

const QStringList &enumValues(int field);
} // namespace

struct AuditStore::Filter
{
    struct Set
    {
        bool active = false;
        QList<quint32> include; // pool indices / status codes
        bool includeImpossible = false;
        QList<quint32> exclude;
        QList<QByteArray> includeText; // ids, ray ids
        QList<QByteArray> excludeText;
    };
    Set pooled[PooledFieldCount];
    Set id;
    Set ray;
    Set status;
    bool any = false;
};

namespace {
constexpr FilterKey filterKeys[] = {
    {"id", IdField},
    {"action_result", 0},
    {"action_type", 1},
    {"actor_context", 2},
    {"actor_email", 3},
    {"actor_id", 4},
    {"actor_ip_address", 5},
    {"actor_token_id", 6},
    {"actor_token_name", 7},
    {"actor_type", 8},
    {"raw_cf_ray_id", RayField},
    {"raw_method", 9},
    {"raw_status_code", StatusField},
    {"raw_uri", 10},
    {"resource_id", 11},
    {"resource_product", 12},
    {"resource_scope", 13},
    {"resource_type", 14},
};

const QStringList &enumValues(int field)
{
    static const QStringList none;
    static const QStringList results{QStringLiteral("success"), QStringLiteral("failure")};
    static const QStringList types{QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("view"),
                                   QStringLiteral("update")};
    static const QStringList contexts{QStringLiteral("api"),       QStringLiteral("api_key"),
                                      QStringLiteral("api_token"), QStringLiteral("dash"),
                                      QStringLiteral("oauth"),     QStringLiteral("origin_ca_key")};
    static const QStringList actorTypes{QStringLiteral("cloudflare_admin"), QStringLiteral("system"),
                                        QStringLiteral("user"), QStringLiteral("account"),
                                        QStringLiteral("delegated_service")};
    static const QStringList scopes{QStringLiteral("organizations"), QStringLiteral("accounts"),
                                    QStringLiteral("user"), QStringLiteral("zones")};
    switch (field) {
    case 0:
        return results;
    case 1:
        return types;
    case 2:
        return contexts;
    case 8:
        return actorTypes;
    case 13:
        return scopes;
    default:
        return none;
    }
}

QByteArray base64Url(const QByteArray &raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
} // namespace

namespace {
quint64 rayValue(quint64 seed, quint64 counter)
{
    return Random::mix(seed * 0x2545f4914f6cdd1dULL + counter + 0x7f4a7c15);
}
} // namespace

AuditStore::AuditStore(quint64 seed) : m_seed(seed), m_idLabelHash(Random::hash("audit-entry", seed)) {}

void AuditStore::reserve(qsizetype rows)
{
    m_rows.reserve(size_t(rows));
}

qsizetype AuditStore::bytesUsed() const
{
    qsizetype total = qsizetype(m_rows.capacity() * sizeof(Row));
    for (const auto &c : m_chunks)
        total += c.capacity();
    return total;
}

int AuditStore::organizationIndex(const QByteArray &organizationId, bool create)
{
    const auto it = m_orgIndex.constFind(organizationId);
    if (it != m_orgIndex.constEnd())
        return it.value();
    if (!create)
        return -1;
    const int index = int(m_orgRows.size());
    m_orgIndex.insert(organizationId, index);
    m_orgRows.emplace_back();
    return index;
}

// An entry's identity includes its time: the seeded history is laid out
// relative to the clock, so after a restart the same sequence number lands at
// another time and must be another entry (archives of earlier runs keep
// theirs, and ids never change meaning).
quint64 AuditStore::idCounter(const Row &row)
{
    return Random::mix(quint64(row.seq) * 0x9E3779B97F4A7C15ULL ^ quint64(row.timeMs));
}

QByteArray AuditStore::entryId(const Row &row) const
{
    quint64 a, b;
    Random::idParts(m_idLabelHash, idCounter(row), a, b);
    QByteArray out(32, Qt::Uninitialized);
    Random::writeHex(out.data(), a, 16);
    Random::writeHex(out.data() + 16, b, 16);
    return out;
}

QByteArray AuditStore::rayId(const Row &row) const
{
    return Random::hex(rayValue(m_seed, idCounter(row)), 16);
}

void AuditStore::append(const AuditEvent &e)
{
    Row row{};
    row.seq = quint32(m_rows.size());
    row.timeMs = qMax(e.timeMs, lastTime());
    row.org = quint16(organizationIndex(e.organizationId, true));
    row.status = quint16(e.statusCode);
    row.fields[ActionResult] = m_pool.intern(e.result);
    row.fields[ActionType] = m_pool.intern(e.type);
    row.fields[ActorContext] = m_pool.intern(e.actorContext);
    row.fields[ActorEmail] = m_pool.intern(e.actorEmail);
    row.fields[ActorId] = m_pool.intern(e.actorId);
    row.fields[ActorIp] = m_pool.intern(e.actorIp);
    row.fields[ActorTokenId] = m_pool.intern(e.actorTokenId);
    row.fields[ActorTokenName] = m_pool.intern(e.actorTokenName);
    row.fields[ActorType] = m_pool.intern(e.actorType);
    row.fields[RawMethod] = m_pool.intern(e.method);
    row.fields[RawUri] = m_pool.intern(e.uri);
    row.fields[ResourceId] = m_pool.intern(e.resourceId);
    row.fields[ResourceProduct] = m_pool.intern(e.resourceProduct);
    row.fields[ResourceScope] = m_pool.intern(e.resourceScope);
    row.fields[ResourceType] = m_pool.intern(e.resourceType);

    if (m_chunks.empty() || m_chunks.back().size() > ChunkSize - 64 * 1024) {
        m_chunks.emplace_back();
        m_chunks.back().reserve(ChunkSize);
    }
    QByteArray &out = m_chunks.back();
    row.chunk = quint32(m_chunks.size() - 1);
    row.offset = quint32(out.size());

    JsonWriter w(out);
    w.beginObject();
    quint64 idHi, idLo;
    Random::idParts(m_idLabelHash, idCounter(row), idHi, idLo);
    w.key("id").hexValue(idHi, idLo, 32);
    w.key("action").beginObject();
    w.field("description", e.description).field("result", e.result);
    w.key("time").time(row.timeMs);
    w.field("type", e.type).endObject();
    w.key("actor").beginObject();
    if (!e.actorId.isEmpty())
        w.field("id", e.actorId);
    if (!e.actorContext.isEmpty())
        w.field("context", e.actorContext);
    if (!e.actorEmail.isEmpty())
        w.field("email", e.actorEmail);
    if (!e.actorIp.isEmpty())
        w.field("ip_address", e.actorIp);
    if (!e.actorTokenId.isEmpty())
        w.field("token_id", e.actorTokenId);
    if (!e.actorTokenName.isEmpty())
        w.field("token_name", e.actorTokenName);
    w.field("type", e.actorType).endObject();
    w.key("organization").beginObject().field("id", e.organizationId).endObject();
    w.key("raw")
        .beginObject()
        .key("cf_ray_id")
        .hexValue(0, rayValue(m_seed, idCounter(row)), 16)
        .field("method", e.method);
    w.field("status_code", e.statusCode).field("uri", e.uri);
    if (!e.userAgent.isEmpty())
        w.field("user_agent", e.userAgent);
    w.endObject();
    w.key("resource").beginObject();
    if (!e.resourceId.isEmpty())
        w.field("id", e.resourceId);
    w.field("product", e.resourceProduct);
    w.key("request").raw(e.requestJson.isEmpty() ? QByteArrayLiteral("{}") : e.requestJson);
    w.key("response").raw(e.responseJson.isEmpty() ? QByteArrayLiteral("{}") : e.responseJson);
    w.field("scope", e.resourceScope).field("type", e.resourceType).endObject();
    w.endObject();

    row.length = quint32(out.size()) - row.offset;
    m_orgRows[row.org].push_back(quint32(m_rows.size()));
    m_rows.push_back(row);
}

QByteArray AuditStore::entryJson(qsizetype index) const
{
    const Row &row = m_rows[size_t(index)];
    return m_chunks[row.chunk].mid(row.offset, row.length);
}

bool AuditStore::matches(const Row &row, const Filter &f) const
{
    if (!f.any)
        return true;
    for (int i = 0; i < PooledFieldCount; ++i) {
        const Filter::Set &s = f.pooled[i];
        if (!s.active)
            continue;
        const quint32 v = row.fields[i];
        if (s.includeImpossible)
            return false;
        if (!s.include.isEmpty() && !s.include.contains(v))
            return false;
        if (s.exclude.contains(v))
            return false;
    }
    if (f.status.active) {
        if (!f.status.include.isEmpty() && !f.status.include.contains(row.status))
            return false;
        if (f.status.exclude.contains(row.status))
            return false;
    }
    if (f.id.active) {
        const QByteArray id = entryId(row);
        if (!f.id.includeText.isEmpty() && !f.id.includeText.contains(id))
            return false;
        if (f.id.excludeText.contains(id))
            return false;
    }
    if (f.ray.active) {
        const QByteArray ray = rayId(row);
        if (!f.ray.includeText.isEmpty() && !f.ray.includeText.contains(ray))
            return false;
        if (f.ray.excludeText.contains(ray))
            return false;
    }
    return true;
}

HttpResponse AuditStore::list(const QByteArray &organizationId, const QueryString &q, CursorStyle style,
                              bool ignorePositive) const
{
    // Validation first, in a fixed order so the first problem is reported.
    if (!q.contains(QStringLiteral("since")))
        return Envelope::auditError(400, QStringLiteral("since: required query parameter is missing"));
    if (!q.contains(QStringLiteral("before")))
        return Envelope::auditError(400, QStringLiteral("before: required query parameter is missing"));
    const auto since = TimeUtil::parse(q.value(QStringLiteral("since")));
    if (!since)
        return Envelope::auditError(
            400, QStringLiteral("since: expected a date (YYYY-MM-DD) or an RFC 3339 timestamp"));
    const auto before = TimeUtil::parse(q.value(QStringLiteral("before")));
    if (!before)
        return Envelope::auditError(
            400, QStringLiteral("before: expected a date (YYYY-MM-DD) or an RFC 3339 timestamp"));
    if (*since >= *before)
        return Envelope::auditError(400, QStringLiteral("since: must be earlier than before"));

    int limit = 100;
    if (q.contains(QStringLiteral("limit"))) {
        bool ok = false;
        limit = q.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return Envelope::auditError(400, QStringLiteral("limit: must be an integer between 1 and 1000"));
    }
    bool ascending = false;
    if (q.contains(QStringLiteral("direction"))) {
        const QString d = q.value(QStringLiteral("direction"));
        if (d == QLatin1String("asc"))
            ascending = true;
        else if (d != QLatin1String("desc"))
            return Envelope::auditError(400, QStringLiteral("direction: must be one of asc, desc"));
    }

    Filter filter;
    for (const FilterKey &fk : filterKeys) {
        for (int negated = 0; negated < 2; ++negated) {
            const QString key = QLatin1String(fk.name) + (negated ? QStringLiteral(".not") : QString());
            const QStringList values = q.values(key);
            if (values.isEmpty())
                continue;
            Filter::Set *set = fk.field == IdField       ? &filter.id
                               : fk.field == RayField    ? &filter.ray
                               : fk.field == StatusField ? &filter.status
                                                         : &filter.pooled[fk.field];
            set->active = true;
            filter.any = true;
            for (const QString &value : values) {
                if (fk.field == StatusField) {
                    bool ok = false;
                    const int code = value.toInt(&ok);
                    if (!ok || code < 100 || code > 599)
                        return Envelope::auditError(
                            400, QStringLiteral("%1: must be an HTTP status code (100-599)").arg(key));
                    (negated ? set->exclude : set->include).append(quint32(code));
                    continue;
                }
                if (fk.field == IdField || fk.field == RayField) {
                    (negated ? set->excludeText : set->includeText).append(value.toUtf8());
                    continue;
                }
                const QStringList &allowed = enumValues(fk.field);
                if (!allowed.isEmpty() && !allowed.contains(value))
                    return Envelope::auditError(400,
                                                QStringLiteral("%1: invalid value '%2' (allowed: %3)")
                                                    .arg(key, value, allowed.join(QStringLiteral(", "))));
                const auto index = m_pool.find(value.toUtf8());
                if (negated) {
                    if (index)
                        set->exclude.append(*index);
                } else if (index) {
                    set->include.append(*index);
                }
            }
            // Include values that never occur in the data can match nothing.
            if (!negated && set->include.isEmpty() && set->includeText.isEmpty() && fk.field != StatusField)
                set->includeImpossible = true;
            // --ignore-positive-filters: what a server that does not know them would do.
            if (!negated && ignorePositive) {
                set->include.clear();
                set->includeText.clear();
                set->includeImpossible = false;
                set->active = !set->exclude.isEmpty() || !set->excludeText.isEmpty();
            }
        }
    }

    const QByteArray binding =
        Random::hex(Random::hash(QByteArray(q.canonical({QStringLiteral("cursor"), QStringLiteral("limit")}) +
                                            organizationId)),
                    16);
    qint64 cursorPos = -1;
    if (q.contains(QStringLiteral("cursor"))) {
        const QByteArray raw = QByteArray::fromBase64(q.value(QStringLiteral("cursor")).toLatin1(),
                                                      QByteArray::Base64UrlEncoding);
        const QList<QByteArray> parts = raw.split('.');
        bool ok = false;
        if (parts.size() == 3 && parts[0] == "c1")
            cursorPos = parts[1].toLongLong(&ok);
        if (!ok || cursorPos < 0)
            return Envelope::auditError(400, QStringLiteral("cursor: invalid cursor"));
        if (parts[2] != binding)
            return Envelope::auditError(
                400,
                QStringLiteral("cursor: does not match the request filters (repeat since, before, direction "
                               "and every filter unchanged)"));
    }

    static const std::vector<quint32> noRows;
    const auto orgIt = m_orgIndex.constFind(organizationId);
    const std::vector<quint32> &rows =
        orgIt == m_orgIndex.constEnd() ? noRows : m_orgRows[size_t(orgIt.value())];
    auto timeAt = [&](size_t i) { return m_rows[rows[i]].timeMs; };
    // rows are in time order: [lo, hi) is the since/before window.
    const auto lower = [&](qint64 t) {
        size_t a = 0, b = rows.size();
        while (a < b) {
            const size_t mid = (a + b) / 2;
            if (timeAt(mid) < t)
                a = mid + 1;
            else
                b = mid;
        }
        return qint64(a);
    };
    const qint64 lo = lower(*since);
    const qint64 hi = lower(*before);

    qint64 pos = ascending ? lo : hi - 1;
    if (cursorPos >= 0)
        pos = ascending ? qMax(pos, cursorPos) : qMin(pos, cursorPos);
    const int step = ascending ? 1 : -1;

    QList<quint32> page;
    page.reserve(limit);
    qint64 nextPos = -1;
    qsizetype bytes = 0;
    for (; pos >= lo && pos < hi; pos += step) {
        const Row &row = m_rows[rows[size_t(pos)]];
        if (!matches(row, filter))
            continue;
        if (page.size() == limit) {
            nextPos = pos;
            break;
        }
        page.append(rows[size_t(pos)]);
        bytes += row.length + 1;
    }

    QByteArray out;
    out.reserve(bytes + 256);
    out += "{\"success\":true,\"errors\":[],\"result\":[";
    for (qsizetype i = 0; i < page.size(); ++i) {
        if (i)
            out += ',';
        const Row &row = m_rows[page[i]];
        out.append(m_chunks[row.chunk].constData() + row.offset, row.length);
    }
    out += "],\"result_info\":{\"count\":\"";
    out += QByteArray::number(page.size());
    out += '"';
    if (nextPos >= 0) {
        const QByteArray cursor = base64Url("c1." + QByteArray::number(nextPos) + '.' + binding);
        if (style == CursorStyle::Flat || style == CursorStyle::Both)
            out += ",\"cursor\":\"" + cursor + '"';
        if (style == CursorStyle::After || style == CursorStyle::Both)
            out += ",\"cursors\":{\"after\":\"" + cursor + "\"}";
    }
    out += "}}";
    return HttpResponse::json(200, out);
}

} // namespace sim
