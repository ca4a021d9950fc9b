// The production path of a response body: bytes arrive through a QIODevice in
// chunks, api::readReplyBody (what Job uses) collects them with spare capacity
// behind, and the decoders parse that buffer in place, reading into the
// padding. The padding is filled with hostile bytes (digits, quotes,
// backslashes, braces, NULs) and every decoder must read exactly what it reads
// from a copy that has no spare capacity (parsed from a zero-padded copy).
//
// Input: [decoder] [chunking] [padding byte] body…

#include "api/decode/tokenwalk_p.h"
#include "api/decoders.h"
#include "api/replybody.h"

#include <QIODevice>

#include <cstddef>
#include <cstdint>
#include <cstring>

#include <simdjson.h>

namespace {

// Hands out the body in chunks, like a network reply still filling up.
class ChunkedDevice : public QIODevice
{
public:
    ChunkedDevice(const char *data, qint64 size, qint64 chunk) : m_data(data), m_size(size), m_chunk(chunk)
    {
        open(ReadOnly | Unbuffered);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return std::min(m_chunk, m_size - m_pos); }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = std::min({max, m_chunk, m_size - m_pos});
        if (n <= 0)
            return m_pos >= m_size ? -1 : 0;
        std::memcpy(out, m_data + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    const char *m_data;
    qint64 m_size;
    qint64 m_chunk;
    qint64 m_pos = 0;
};

// What a decoder read, as bytes to compare.
struct Digest
{
    QByteArray d;
    Digest &operator<<(const QByteArray &b)
    {
        d += QByteArray::number(b.size()) + ':' + b + ';';
        return *this;
    }
    Digest &operator<<(const QString &s) { return *this << s.toUtf8(); }
    Digest &operator<<(qint64 v) { return *this << QByteArray::number(v); }
    Digest &operator<<(double v) { return *this << QByteArray::number(v, 'g', 17); }
    Digest &operator<<(const QDateTime &t)
    {
        return *this << (t.isValid() ? t.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min());
    }
    template <typename T> Digest &operator<<(const std::optional<T> &v)
    {
        if (!v)
            return *this << QByteArray("none");
        return *this << *v;
    }
};

void add(Digest &g, const api::Profile &p)
{
    g << p.businessName << p.businessEmail << p.businessPhone << p.businessAddress << p.externalMetadata;
}
void add(Digest &g, const api::Organization &o)
{
    g << o.id << o.name << o.createTime << o.parentId << o.parentName << o.managedBy
      << o.hierarchyTags.join(u'\x1f') << qint64(o.flagsAreTenantFlags) << o.rawJson;
    for (const api::Flag &f : o.flags)
        g << f.name << f.value;
    if (o.profile)
        add(g, *o.profile);
}
void add(Digest &g, const api::Account &a)
{
    g << a.id << a.name << a.type << a.createdOn << a.settings.abuseContactEmail
      << a.settings.defaultNameservers << a.rawJson;
    for (auto it = a.tags.cbegin(); it != a.tags.cend(); ++it)
        g << it.key() << it.value();
}
void add(Digest &g, const api::Member &m)
{
    g << m.id << m.status << m.createTime << m.updateTime << m.user.id << m.user.email << m.user.name
      << qint64(m.user.twoFactorEnabled) << m.rawJson;
}
void add(Digest &g, const api::AuditEvent &e)
{
    g << e.id << e.actionDescription << e.actionResult << e.actionTimeMs << e.actionType << e.actorId
      << e.actorContext << e.actorEmail << e.actorIpAddress << e.actorTokenId << e.actorTokenName
      << e.actorType << e.organizationId << e.rawCfRayId << e.rawMethod
      << std::optional<qint64>(e.rawStatusCode) << e.rawUri << e.rawUserAgent << e.resourceId
      << e.resourceProduct << e.resourceType << e.resourceRequestJson << e.resourceResponseJson
      << e.resourceScopeJson << e.rawJson;
}
void add(Digest &g, const api::UsageRecord &u)
{
    g << u.billingAccountId << u.billingAccountName << u.billableMetricId << u.chargePeriodStart
      << u.chargePeriodEnd << u.consumedQuantity << u.consumedUnit << u.billedCost << u.effectiveCost
      << u.zoneName << u.rawJson;
    for (auto it = u.tags.cbegin(); it != u.tags.cend(); ++it)
        g << it.key() << it.value();
}
void add(Digest &g, const api::TokenVerification &t)
{
    g << t.id << t.status << t.expiresOn << t.notBefore << t.message;
}
void add(Digest &g, const QString &s)
{
    g << s;
}
void add(Digest &g, const api::ApiMessage &m)
{
    g << qint64(m.code) << m.message << m.pointer << m.documentationUrl;
}
template <typename T> void add(Digest &g, const QList<T> &list)
{
    g << qint64(list.size());
    for (const T &item : list)
        add(g, item);
}
template <typename T> void add(Digest &g, const api::Page<T> &page)
{
    add(g, page.items);
    g << page.nextPageToken << page.totalSize;
}
void add(Digest &g, const api::AuditPage &page)
{
    add(g, page.entries);
    g << page.cursor << page.count;
}
void add(Digest &g, const api::AuditColumns &c)
{
    g << qint64(c.size()) << c.cursor << c.count;
    for (qsizetype i = 0; i < c.size(); ++i) {
        add(g, c.event(i));
        g << c.textAt(api::AuditColumns::RawUri, i) << c.ids.at(i);
    }
}
void add(Digest &g, const api::UsageColumns &c)
{
    g << qint64(c.size());
    for (qsizetype i = 0; i < c.size(); ++i) {
        for (int f = 0; f < api::UsageColumns::TextCount; ++f)
            g << c.textAt(api::UsageColumns::Text(f), i);
        for (int f = 0; f < api::UsageColumns::NumberCount; ++f)
            g << c.optionalNumber(api::UsageColumns::Number(f), i);
        for (int f = 0; f < api::UsageColumns::TimeCount; ++f)
            g << c.timeAt(api::UsageColumns::Time(f), i);
    }
}
void add(Digest &g, const api::decode::PageScan &s)
{
    g << s.next << qint64(s.emptyPage) << qint64(s.ok);
}
template <typename T> void add(Digest &g, const api::Decoded<T> &d)
{
    g << QByteArray(d.ok() ? "ok" : "error") << d.error.detail();
    if (d.ok())
        add(g, d.value);
}

QByteArray digest(int decoder, const QByteArray &body)
{
    namespace dec = api::decode;
    Digest g;
    switch (decoder) {
    case 0:
        add(g, dec::organizationResponse(body));
        break;
    case 1:
        add(g, dec::organizationsPage(body));
        break;
    case 2:
        add(g, dec::accountsPage(body));
        break;
    case 3:
        add(g, dec::profileResponse(body));
        break;
    case 4:
        add(g, dec::memberResponse(body));
        break;
    case 5:
        add(g, dec::membersResponse(body));
        break;
    case 6:
        add(g, dec::membersPage(body));
        break;
    case 7:
        add(g, dec::auditPage(body));
        break;
    case 8:
        add(g, dec::auditColumns(body));
        break;
    case 9:
        add(g, dec::usageResponse(body));
        break;
    case 10:
        add(g, dec::usageColumns(body));
        break;
    case 11:
        add(g, dec::tokenVerificationResponse(body));
        break;
    case 12:
        add(g, dec::deletedIdResponse(body));
        break;
    case 13:
        add(g, dec::errorMessages(body));
        break;
    case 14:
        add(g, dec::scanPageToken(body));
        break;
    default:
        add(g, dec::scanAuditCursor(body));
        add(g, dec::auditEntries(body)); // the JSON export's decode
        add(g, dec::auditFields(body));  // the CSV export's
        break;
    }
    return g.d;
}

constexpr char kFills[] = {'1', '"', '\\', '}', ']',    ' ', '\0', 'e',
                           '.', ',', ':',  '-', '\xff', 'n', '{',  '['};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    const int decoder = data[0] % 16;
    // Mostly everything at once (a finished reply), sometimes in small pieces.
    const qint64 chunk = data[1] < 192 ? qint64(size) : qint64(data[1] - 191) * 7;
    const char fill = kFills[data[2] % sizeof(kFills)];
    const auto *body = reinterpret_cast<const char *>(data + 3);
    const auto bodySize = qint64(size - 3);

    ChunkedDevice device(body, bodySize, chunk);
    QByteArray inPlace = api::readReplyBody(&device);
    if (inPlace != QByteArrayView(body, bodySize) ||
        inPlace.capacity() - inPlace.size() < api::kDecoderPadding)
        __builtin_trap();
    // Hostile padding; the terminating NUL QByteArray guarantees stays.
    char *p = inPlace.data();
    std::memset(p + inPlace.size() + 1, fill, size_t(inPlace.capacity() - inPlace.size() - 1));

    QByteArray copy(body, bodySize);
    copy.squeeze();
    if (copy.capacity() - copy.size() >= api::kDecoderPadding)
        __builtin_trap(); // the copy must take the decoders' copying path

    if (digest(decoder, inPlace) != digest(decoder, copy))
        __builtin_trap();

    if (decoder == 15) {
        // The JSON export's grammar check says what simdjson's DOM parser
        // says (numbers out of a double's range are JSON all the same).
        simdjson::dom::parser dom;
        simdjson::dom::element ignored;
        const simdjson::error_code theirs = dom.parse(copy.constData(), size_t(copy.size())).get(ignored);
        const bool ours =
            api::decode::detail::checkJson(inPlace.constData(), size_t(inPlace.size())).isEmpty();
        if (ours != !theirs && !(ours && theirs == simdjson::NUMBER_ERROR))
            __builtin_trap();
        // A page the CSV export reads as ranges reads the same decoded in full.
        const api::Decoded<api::AuditColumns> ranges = api::decode::auditFields(inPlace);
        if (ranges.ok() && !ranges.value.fields.empty()) {
            const api::Decoded<api::AuditColumns> full = api::decode::auditColumns(inPlace);
            if (!full.ok() || full.value.size() != ranges.value.size())
                __builtin_trap();
            Digest a, b;
            a << full.value.cursor << full.value.count;
            b << ranges.value.cursor << ranges.value.count;
            for (qsizetype i = 0; i < full.value.size(); ++i) {
                add(a, full.value.event(i));
                add(b, ranges.value.event(i));
            }
            if (a.d != b.d)
                __builtin_trap();
        }
    }
    return 0;
}
