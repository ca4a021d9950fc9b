#include "api/decoders.h"

#include <QDateTime>
#include <simdjson.h>

#include <array>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace api::decode {

namespace {

namespace od = simdjson::ondemand;

// A JSON number as a whole count, or nothing when it is fractional or out of
// range (a plain cast would be undefined behaviour for 1e30 or NaN).
std::optional<qint64> wholeNumber(double d)
{
    // 2^63 is exactly representable; every double below it fits in qint64.
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
        return std::nullopt;
    const auto n = static_cast<qint64>(d);
    if (static_cast<double>(n) != d)
        return std::nullopt;
    return n;
}
using simdjson::error_code;

// Breadcrumb of the value being decoded; only formatted when something fails.
struct Path
{
    const Path *parent = nullptr;
    std::string_view key;
    qsizetype index = -1;

    Path child(std::string_view k) const { return Path{this, k, -1}; }
    Path at(qsizetype i) const { return Path{this, {}, i}; }
    QString toString() const
    {
        QString out;
        if (parent)
            out = parent->toString();
        if (index >= 0)
            out += QStringLiteral("[%1]").arg(index);
        else if (!key.empty()) {
            if (!out.isEmpty())
                out += QLatin1Char('.');
            out += QString::fromUtf8(key.data(), qsizetype(key.size()));
        }
        return out;
    }
};

// A hash of a short text eight bytes at a time (a byte-wise hash costs more
// than the rest of decoding a field). Equality is always checked after it.
quint32 textHash(std::string_view sv)
{
    constexpr quint64 kMul = 0x9E3779B97F4A7C15ull;
    quint64 h = quint64(sv.size()) * kMul;
    const char *p = sv.data();
    size_t n = sv.size();
    for (; n >= 8; p += 8, n -= 8) {
        quint64 w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * kMul;
        h ^= h >> 29;
    }
    if (n > 0) {
        quint64 w = 0;
        std::memcpy(&w, p, n);
        h = (h ^ w) * kMul;
        h ^= h >> 29;
    }
    return quint32(h ^ (h >> 32));
}

// Key comparison with the literal's length known at compile time, so the
// compiler inlines the comparison instead of calling memcmp for every key.
template <size_t N> bool is(std::string_view key, const char (&literal)[N])
{
    return key.size() == N - 1 && std::memcmp(key.data(), literal, N - 1) == 0;
}

// Index of the first byte equal to a or b in p[0, n), or n; eight bytes at a
// time (keys and values are short, and a library call costs more than the scan).
size_t findEither(const char *p, size_t n, char a, char b)
{
    constexpr quint64 kOnes = 0x0101010101010101ull;
    constexpr quint64 kHigh = 0x8080808080808080ull;
    const quint64 wa = kOnes * quint8(a);
    const quint64 wb = kOnes * quint8(b);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 w;
        std::memcpy(&w, p + i, 8);
        const quint64 x = w ^ wa; // a zero byte where a stood
        const quint64 y = w ^ wb;
        if (((x - kOnes) & ~x & kHigh) | ((y - kOnes) & ~y & kHigh))
            break; // the exact byte is found below
    }
    for (; i < n; ++i)
        if (p[i] == a || p[i] == b)
            return i;
    return n;
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// raw_json() spans up to the next token: drop the whitespace in between.
size_t trimmedSize(std::string_view sv)
{
    size_t n = sv.size();
    while (n > 0 && (sv[n - 1] == ' ' || sv[n - 1] == '\n' || sv[n - 1] == '\r' || sv[n - 1] == '\t'))
        --n;
    return n;
}

class Reader
{
public:
    QString error;

    // The document being read and the end of its bytes (for raw object spans).
    void setDocument(od::document *doc, const simdjson::padded_string &bytes)
    {
        setDocument(doc, std::string_view(bytes.data(), bytes.size()));
    }
    void setDocument(od::document *doc, std::string_view bytes)
    {
        m_doc = doc;
        m_begin = bytes.data();
        m_end = bytes.data() + bytes.size();
    }
    // Where a view into the parsed bytes sits in the body they were copied from.
    AuditColumns::Span span(std::string_view sv) const
    {
        if (!sv.data() || !m_begin)
            return {};
        return {qsizetype(sv.data() - m_begin), qsizetype(sv.size())};
    }

    bool syntax(const Path &path, error_code code)
    {
        if (error.isEmpty()) {
            const QString where = path.toString();
            error = QStringLiteral("malformed JSON%1: %2")
                        .arg(where.isEmpty() ? QString() : QStringLiteral(" at '%1'").arg(where),
                             QString::fromUtf8(simdjson::error_message(code)));
        }
        return false;
    }
    bool wrongType(const Path &path, const char *expected)
    {
        if (error.isEmpty())
            error = QStringLiteral("field '%1': expected %2").arg(path.toString(), QLatin1String(expected));
        return false;
    }
    bool invalid(const Path &path, const char *what)
    {
        if (error.isEmpty())
            error = QStringLiteral("field '%1': %2").arg(path.toString(), QLatin1String(what));
        return false;
    }

    // Type of a value; false on malformed input.
    bool type(od::value &v, const Path &path, od::json_type *t)
    {
        const error_code e = v.type().get(*t);
        return e ? syntax(path, e) : true;
    }

    // Strings: null/absent → empty.
    bool string(od::value &v, const Path &path, QString *out)
    {
        std::string_view sv;
        if (!rawString(v, path, &sv, out))
            return false;
        if (sv.data())
            *out = QString::fromUtf8(sv.data(), qsizetype(sv.size()));
        return true;
    }
    // Same, sharing one QString per distinct value (enum-like columns repeat a
    // handful of values across a million rows). Each call site has its own
    // small cache so fields do not evict each other.
    bool internedString(od::value &v, const Path &path, QString *out, int cache)
    {
        std::string_view sv;
        if (!rawString(v, path, &sv, out))
            return false;
        if (!sv.data())
            return true;
        // Direct-mapped: one comparison per lookup, a collision just evicts.
        if (m_caches.empty())
            m_caches.resize(48);
        InternCache &c = m_caches[size_t(cache) % m_caches.size()];
        const size_t n = sv.size();
        // Hash the whole value: e-mail addresses and IPs differ in the
        // middle, and two values sharing a slot evict each other every entry.
        const size_t slot = textHash(sv) % c.size();
        auto &e = c[slot];
        if (e.first.size() == n && std::memcmp(e.first.data(), sv.data(), n) == 0) {
            *out = e.second;
            return true;
        }
        *out = QString::fromUtf8(sv.data(), qsizetype(n));
        if (n <= 96) {
            e.first.assign(sv.data(), n);
            e.second = *out;
        }
        return true;
    }
    bool optString(od::value &v, const Path &path, std::optional<QString> *out)
    {
        od::json_type t{};
        if (!type(v, path, &t))
            return false;
        if (t == od::json_type::null) {
            out->reset();
            return true;
        }
        QString s;
        if (!string(v, path, &s))
            return false;
        *out = s;
        return true;
    }
    bool boolean(od::value &v, const Path &path, std::optional<bool> *out)
    {
        od::json_type t{};
        if (!type(v, path, &t))
            return false;
        if (t == od::json_type::null) {
            out->reset();
            return true;
        }
        if (t != od::json_type::boolean)
            return wrongType(path, "a boolean");
        bool b = false;
        if (const error_code e = v.get_bool().get(b))
            return syntax(path, e);
        *out = b;
        return true;
    }
    bool number(od::value &v, const Path &path, std::optional<double> *out)
    {
        od::json_type t{};
        if (!type(v, path, &t))
            return false;
        if (t == od::json_type::null) {
            out->reset();
            return true;
        }
        if (t != od::json_type::number)
            return wrongType(path, "a number");
        double d = 0;
        if (const error_code e = v.get_double().get(d))
            return syntax(path, e);
        *out = d;
        return true;
    }
    bool integer(od::value &v, const Path &path, std::optional<int> *out)
    {
        std::optional<double> d;
        if (!number(v, path, &d))
            return false;
        if (!d) {
            out->reset();
            return true;
        }
        // Range first: converting an out-of-range double to an integer is undefined.
        const std::optional<qint64> n = wholeNumber(*d);
        if (!n || *n < std::numeric_limits<int>::min() || *n > std::numeric_limits<int>::max())
            return wrongType(path, "an integer");
        *out = int(*n);
        return true;
    }
    bool timestamp(od::value &v, const Path &path, QDateTime *out, qint64 *ms = nullptr)
    {
        constexpr qint64 kAbsent = std::numeric_limits<qint64>::min();
        qint64 value = kAbsent;
        if (!timestampMs(v, path, &value))
            return false;
        if (value == kAbsent) {
            *out = QDateTime();
            return true;
        }
        *out = QDateTime::fromMSecsSinceEpoch(value, Qt::UTC);
        if (ms)
            *ms = value;
        return true;
    }
    // The same without a QDateTime; *ms is left as it was when the value is
    // absent, null or empty.
    bool timestampMs(od::value &v, const Path &path, qint64 *ms)
    {
        std::string_view sv;
        if (!rawString(v, path, &sv, nullptr))
            return false;
        if (!sv.data() || sv.empty())
            return true;
        if (!parseTimestamp(sv, ms))
            return invalid(path, "not an RFC 3339 timestamp");
        return true;
    }
    // Any JSON value, kept as its text.
    bool rawJson(od::value &v, const Path &path, QByteArray *out)
    {
        std::string_view sv;
        if (!rawJsonView(v, path, &sv))
            return false;
        *out = sv.data() ? QByteArray(sv.data(), qsizetype(sv.size())) : QByteArray();
        return true;
    }
    // The same as a view into the parsed bytes; data() == nullptr for null.
    bool rawJsonView(od::value &v, const Path &path, std::string_view *out)
    {
        od::json_type t{};
        if (!type(v, path, &t))
            return false;
        std::string_view sv;
        error_code e = simdjson::SUCCESS;
        if (t == od::json_type::object) {
            od::object o;
            e = v.get_object().get(o);
            if (!e)
                e = o.raw_json().get(sv);
        } else if (t == od::json_type::array) {
            od::array a;
            e = v.get_array().get(a);
            if (!e)
                e = a.raw_json().get(sv);
        } else {
            if (t == od::json_type::null) {
                *out = {};
                return true;
            }
            sv = v.raw_json_token();
            // Validates the scalar as a side effect of consuming it.
            if (t == od::json_type::string) {
                std::string_view ignored;
                e = v.get_string().get(ignored);
            } else if (t == od::json_type::number) {
                double d;
                e = v.get_double().get(d);
            } else if (t == od::json_type::boolean) {
                bool b;
                e = v.get_bool().get(b);
            }
        }
        if (e)
            return syntax(path, e);
        *out = std::string_view(sv.data(), trimmedSize(sv));
        return true;
    }
    // Object of string values ({"k":"v"}); `true` (key-only tag) → empty.
    bool stringMap(od::value &v, const Path &path, QMap<QString, QString> *out)
    {
        od::json_type t{};
        if (!type(v, path, &t))
            return false;
        out->clear();
        if (t == od::json_type::null)
            return true;
        if (t != od::json_type::object)
            return wrongType(path, "an object");
        od::object o;
        if (const error_code e = v.get_object().get(o))
            return syntax(path, e);
        for (auto field : o) {
            std::string_view key;
            if (const error_code e = field.unescaped_key().get(key))
                return syntax(path, e);
            const QString k = QString::fromUtf8(key.data(), qsizetype(key.size()));
            const Path p = path.child(key);
            od::value val = field.value();
            od::json_type vt{};
            if (!type(val, p, &vt))
                return false;
            if (vt == od::json_type::boolean) {
                std::optional<bool> b;
                if (!boolean(val, p, &b))
                    return false;
                out->insert(k, *b ? QString() : QStringLiteral("false"));
            } else {
                QString s;
                if (!string(val, p, &s))
                    return false;
                out->insert(k, s);
            }
        }
        return true;
    }

    // Iterates an object's fields: fn(key, value, path) → bool.
    template <typename Fn> bool object(od::value &v, const Path &path, Fn &&fn, QByteArray *raw = nullptr)
    {
        std::string_view view;
        if (!object(v, path, std::forward<Fn>(fn), raw ? &view : nullptr))
            return false;
        if (raw)
            *raw = QByteArray(view.data(), qsizetype(view.size()));
        return true;
    }
    template <typename Fn> bool object(od::value &v, const Path &path, Fn &&fn, std::string_view *raw)
    {
        od::json_type t{};
        if (!type(v, path, &t))
            return false;
        if (t != od::json_type::object)
            return wrongType(path, "an object");
        // The object's bytes run from its '{' to where the iterator stands
        // once every field was visited: one pass instead of raw_json() + reset().
        const char *start = raw ? v.raw_json_token().data() : nullptr;
        od::object o;
        if (const error_code e = v.get_object().get(o))
            return syntax(path, e);
        for (auto field : o) {
            std::string_view key;
            if (const error_code e = fieldKey(field, &key))
                return syntax(path, e);
            od::value val;
            if (const error_code e = field.value().get(val))
                return syntax(path, e);
            if (!fn(key, val, path.child(key)))
                return false;
        }
        if (raw) {
            const char *end = nullptr;
            if (!m_doc || m_doc->current_location().get(end) != simdjson::SUCCESS)
                end = m_end;
            if (!start || !end || end < start)
                return invalid(path, "unreadable object bounds");
            *raw = std::string_view(start, trimmedSize(std::string_view(start, size_t(end - start))));
        }
        return true;
    }
    // Iterates an array: fn(value, path) → bool. null → empty.
    template <typename Fn> bool array(od::value &v, const Path &path, Fn &&fn)
    {
        od::json_type t{};
        if (!type(v, path, &t))
            return false;
        if (t == od::json_type::null)
            return true;
        if (t != od::json_type::array)
            return wrongType(path, "an array");
        od::array a;
        if (const error_code e = v.get_array().get(a))
            return syntax(path, e);
        qsizetype i = 0;
        for (auto element : a) {
            od::value val;
            if (const error_code e = element.get(val))
                return syntax(path.at(i), e);
            if (!fn(val, path.at(i)))
                return false;
            ++i;
        }
        return true;
    }

    // A string's bytes (unescaped, valid while the document is); data() ==
    // nullptr for null.
    bool stringView(od::value &v, const Path &path, std::string_view *sv)
    {
        return rawString(v, path, sv, nullptr);
    }

private:
    // A string token's text straight from the input when it holds no escape
    // (nearly always): no copy into the parser's buffer. The tokenizer has
    // checked the whole body's UTF-8 and found the closing quote, so the bytes
    // between the quotes are the value.
    static bool plainStringToken(std::string_view token, std::string_view *out)
    {
        size_t n = token.size();
        while (n > 0 && isJsonSpace(token[n - 1]))
            --n;
        if (n < 2 || token[0] != '"' || token[n - 1] != '"')
            return false;
        const std::string_view inner = token.substr(1, n - 2);
        if (findEither(inner.data(), inner.size(), '\\', '\\') != inner.size())
            return false;
        *out = inner;
        return true;
    }
    // A field's key, the same way: the key's raw bytes when it has no escape.
    template <typename Field> error_code fieldKey(Field &field, std::string_view *key)
    {
        od::raw_json_string raw;
        if (const error_code e = field.key().get(raw))
            return e; // a malformed object: reported, never thrown
        const char *begin = raw.raw();
        if (begin && m_end && begin < m_end) {
            const size_t n = findEither(begin, size_t(m_end - begin), '"', '\\');
            if (begin + n < m_end && begin[n] == '"') {
                *key = std::string_view(begin, n);
                return simdjson::SUCCESS;
            }
        }
        return field.unescaped_key().get(*key);
    }

    // sv.data() == nullptr for null; out (optional) is cleared for null.
    bool rawString(od::value &v, const Path &path, std::string_view *sv, QString *out)
    {
        od::json_type t{};
        if (!type(v, path, &t))
            return false;
        if (t == od::json_type::null) {
            *sv = {};
            if (out)
                out->clear();
            return true;
        }
        if (t != od::json_type::string)
            return wrongType(path, "a string");
        // Left unconsumed: the object or array walk steps over it.
        if (plainStringToken(v.raw_json_token(), sv))
            return true;
        if (const error_code e = v.get_string().get(*sv))
            return syntax(path, e);
        if (!sv->data())
            *sv = std::string_view("", 0);
        return true;
    }

    using InternCache = std::array<std::pair<std::string, QString>, 64>;
    // Allocated on the first interned value: quick scans never need it.
    std::vector<InternCache> m_caches;
    od::document *m_doc = nullptr;
    const char *m_begin = nullptr;
    const char *m_end = nullptr;
};

// The distinct values of one text column within a page, found by their bytes.
// Keys are views into the page's bytes or the parser's string buffer, valid
// for the whole page; indexOfCopy keeps its own copy of a new key instead.
class PageDictionary
{
public:
    quint32 indexOf(std::string_view sv, QList<QString> *values) { return find(sv, values, false); }
    quint32 indexOfCopy(std::string_view sv, QList<QString> *values) { return find(sv, values, true); }

private:
    struct Slot
    {
        std::string_view key;
        quint32 hash = 0;
        quint32 index = 0; // 0: free (index 0 is the empty value, never stored)
    };

    quint32 find(std::string_view sv, QList<QString> *values, bool copy)
    {
        if (sv.empty())
            return 0;
        // Answers are sorted, so a column often repeats the previous row's
        // value: one comparison instead of a hash.
        if (sv.size() == m_last.size() && std::memcmp(sv.data(), m_last.data(), sv.size()) == 0)
            return m_lastIndex;
        const Slot found = lookup(sv, values, copy);
        m_lastIndex = found.index;
        // The row's own bytes are the warmest to compare the next row with;
        // a copied key's row bytes are scratch, so its stored copy is used.
        m_last = copy ? found.key : sv;
        return m_lastIndex;
    }
    Slot lookup(std::string_view sv, QList<QString> *values, bool copy)
    {
        const quint32 h = textHash(sv);
        if (m_slots.empty())
            m_slots.resize(64);
        const size_t mask = m_slots.size() - 1;
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.index == 0) {
                const auto index = quint32(values->size());
                values->append(QString::fromUtf8(sv.data(), qsizetype(sv.size())));
                if (copy)
                    sv = *m_owned.emplace_back(std::make_unique<std::string>(sv));
                slot = {sv, h, index};
                const Slot inserted = slot;
                if (++m_used * 2 > m_slots.size())
                    grow();
                return inserted;
            }
            if (slot.hash == h && slot.key == sv)
                return slot;
        }
    }

    void grow()
    {
        std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(m_slots.size() * 2));
        const size_t mask = m_slots.size() - 1;
        for (const Slot &slot : old) {
            if (slot.index == 0)
                continue;
            size_t i = slot.hash & mask;
            while (m_slots[i].index != 0)
                i = (i + 1) & mask;
            m_slots[i] = slot;
        }
    }
    std::vector<Slot> m_slots;
    std::vector<std::unique_ptr<std::string>> m_owned; // keys of indexOfCopy (stable addresses)
    size_t m_used = 0;
    std::string_view m_last;
    quint32 m_lastIndex = 0;
};
// What decoding one audit page keeps between its entries.
struct AuditPageState
{
    std::array<PageDictionary, AuditColumns::TextCount> dicts;
    std::string uriShape; // reused for every entry
};

// ---------------------------------------------------------------- records

bool readProfile(Reader &r, od::value &v, const Path &path, Profile *p)
{
    return r.object(v, path, [&](std::string_view k, od::value &val, const Path &fp) {
        if (is(k, "business_name"))
            return r.string(val, fp, &p->businessName);
        if (is(k, "business_email"))
            return r.string(val, fp, &p->businessEmail);
        if (is(k, "business_phone"))
            return r.string(val, fp, &p->businessPhone);
        if (is(k, "business_address"))
            return r.string(val, fp, &p->businessAddress);
        if (is(k, "external_metadata"))
            return r.string(val, fp, &p->externalMetadata);
        return true;
    });
}

bool readFlags(Reader &r, od::value &v, const Path &path, QList<Flag> *flags)
{
    flags->clear();
    od::json_type t{};
    if (!r.type(v, path, &t))
        return false;
    if (t == od::json_type::null)
        return true;
    return r.object(v, path, [&](std::string_view k, od::value &val, const Path &fp) {
        Flag f;
        f.name = QString::fromUtf8(k.data(), qsizetype(k.size()));
        od::json_type vt{};
        if (!r.type(val, fp, &vt))
            return false;
        if (vt == od::json_type::boolean) {
            std::optional<bool> b;
            if (!r.boolean(val, fp, &b))
                return false;
            f.value = *b ? QStringLiteral("enabled") : QStringLiteral("disabled");
        } else if (!r.internedString(val, fp, &f.value, 0)) {
            return false;
        }
        flags->append(f);
        return true;
    });
}

bool readOrganization(Reader &r, od::value &v, const Path &path, Organization *o)
{
    QList<Flag> legacyFlags;
    bool haveTenantFlags = false;
    bool ok = r.object(
        v, path,
        [&](std::string_view k, od::value &val, const Path &fp) {
            if (is(k, "id"))
                return r.string(val, fp, &o->id);
            if (is(k, "name"))
                return r.string(val, fp, &o->name);
            if (is(k, "create_time"))
                return r.timestamp(val, fp, &o->createTime);
            if (is(k, "parent")) {
                od::json_type t{};
                if (!r.type(val, fp, &t))
                    return false;
                if (t == od::json_type::null)
                    return true;
                return r.object(val, fp, [&](std::string_view pk, od::value &pv, const Path &pp) {
                    if (pk == "id")
                        return r.string(pv, pp, &o->parentId);
                    if (pk == "name")
                        return r.string(pv, pp, &o->parentName);
                    return true;
                });
            }
            if (is(k, "profile")) {
                od::json_type t{};
                if (!r.type(val, fp, &t))
                    return false;
                if (t == od::json_type::null)
                    return true;
                Profile p;
                if (!readProfile(r, val, fp, &p))
                    return false;
                o->profile = p;
                return true;
            }
            if (is(k, "meta")) {
                od::json_type t{};
                if (!r.type(val, fp, &t))
                    return false;
                if (t == od::json_type::null)
                    return true;
                return r.object(val, fp, [&](std::string_view mk, od::value &mv, const Path &mp) {
                    if (mk == "tenant_flags") {
                        haveTenantFlags = true;
                        return readFlags(r, mv, mp, &o->flags);
                    }
                    if (mk == "flags")
                        return readFlags(r, mv, mp, &legacyFlags);
                    if (mk == "managed_by")
                        return r.string(mv, mp, &o->managedBy);
                    if (mk == "hierarchy_tags") {
                        o->hierarchyTags.clear();
                        return r.array(mv, mp, [&](od::value &tv, const Path &tp) {
                            QString tag;
                            if (!r.string(tv, tp, &tag))
                                return false;
                            o->hierarchyTags.append(tag);
                            return true;
                        });
                    }
                    return true;
                });
            }
            return true;
        },
        &o->rawJson);
    if (!ok)
        return false;
    o->flagsAreTenantFlags = haveTenantFlags;
    if (!haveTenantFlags)
        o->flags = legacyFlags;
    return true;
}

bool readAccount(Reader &r, od::value &v, const Path &path, Account *a)
{
    return r.object(
        v, path,
        [&](std::string_view k, od::value &val, const Path &fp) {
            if (is(k, "id"))
                return r.string(val, fp, &a->id);
            if (is(k, "name"))
                return r.optString(val, fp, &a->name);
            if (is(k, "type"))
                return r.internedString(val, fp, &a->type, 1);
            if (is(k, "created_on"))
                return r.timestamp(val, fp, &a->createdOn);
            if (is(k, "tags"))
                return r.stringMap(val, fp, &a->tags);
            if (is(k, "settings")) {
                od::json_type t{};
                if (!r.type(val, fp, &t))
                    return false;
                if (t == od::json_type::null)
                    return true;
                AccountSettings &s = a->settings;
                return r.object(val, fp, [&](std::string_view sk, od::value &sv, const Path &sp) {
                    if (is(sk, "abuse_contact_email"))
                        return r.optString(sv, sp, &s.abuseContactEmail);
                    if (is(sk, "access_approval_expiry")) {
                        od::json_type st{};
                        if (!r.type(sv, sp, &st))
                            return false;
                        if (st == od::json_type::null)
                            return true;
                        QDateTime d;
                        if (!r.timestamp(sv, sp, &d))
                            return false;
                        s.accessApprovalExpiry = d;
                        return true;
                    }
                    if (is(sk, "api_access_enabled"))
                        return r.boolean(sv, sp, &s.apiAccessEnabled);
                    if (is(sk, "default_nameservers"))
                        return r.optString(sv, sp, &s.defaultNameservers);
                    if (is(sk, "enforce_twofactor"))
                        return r.boolean(sv, sp, &s.enforceTwoFactor);
                    if (is(sk, "use_account_custom_ns_by_default"))
                        return r.boolean(sv, sp, &s.useAccountCustomNsByDefault);
                    return true;
                });
            }
            return true;
        },
        &a->rawJson);
}

bool readMember(Reader &r, od::value &v, const Path &path, Member *m)
{
    return r.object(
        v, path,
        [&](std::string_view k, od::value &val, const Path &fp) {
            if (is(k, "id"))
                return r.string(val, fp, &m->id);
            if (is(k, "status"))
                return r.internedString(val, fp, &m->status, 2);
            if (is(k, "create_time"))
                return r.timestamp(val, fp, &m->createTime);
            if (is(k, "update_time"))
                return r.timestamp(val, fp, &m->updateTime);
            if (is(k, "user")) {
                return r.object(val, fp, [&](std::string_view uk, od::value &uv, const Path &up) {
                    if (uk == "id")
                        return r.string(uv, up, &m->user.id);
                    if (uk == "email")
                        return r.string(uv, up, &m->user.email);
                    if (uk == "name")
                        return r.string(uv, up, &m->user.name);
                    if (uk == "two_factor_authentication_enabled") {
                        std::optional<bool> b;
                        if (!r.boolean(uv, up, &b))
                            return false;
                        m->user.twoFactorEnabled = b.value_or(false);
                    }
                    return true;
                });
            }
            return true;
        },
        &m->rawJson);
}

// One audit entry appended to the page's columns. Every column grows by one
// first, so an absent field simply keeps its empty default.
bool readAuditEntry(Reader &r, od::value &v, const Path &path, AuditColumns *c, AuditPageState &page)
{
    using C = AuditColumns;
    for (auto &column : c->text)
        column.push_back(0);
    c->timeMs.push_back(C::kNoTime);
    c->statusCodes.emplace_back();
    c->raw.emplace_back();
    c->requests.emplace_back();
    c->responses.emplace_back();
    c->scopes.emplace_back();
    const auto row = c->timeMs.size() - 1;
    // Views into the page (valid until it is decoded), stored once the whole
    // entry is read: the URI's shape needs the resource id, which comes later.
    std::string_view id, rayId, uri, resourceId;

    auto text = [&](C::Text f, od::value &val, const Path &p) {
        std::string_view sv;
        if (!r.stringView(val, p, &sv))
            return false;
        c->text[f][row] = page.dicts[f].indexOf(sv, &c->values[f]);
        return true;
    };
    auto json = [&](std::vector<C::Span> &column, od::value &val, const Path &p) {
        std::string_view sv;
        if (!r.rawJsonView(val, p, &sv))
            return false;
        column[row] = r.span(sv);
        return true;
    };
    std::string_view whole;
    const bool ok = r.object(
        v, path,
        [&](std::string_view k, od::value &val, const Path &fp) {
            if (is(k, "id"))
                return r.stringView(val, fp, &id);
            if (is(k, "action")) {
                return r.object(val, fp, [&](std::string_view sk, od::value &sv, const Path &sp) {
                    if (is(sk, "description"))
                        return text(C::ActionDescription, sv, sp);
                    if (is(sk, "result"))
                        return text(C::ActionResult, sv, sp);
                    if (is(sk, "time")) {
                        c->timeMs[row] = C::kNoTime; // a repeated key: the last one wins
                        return r.timestampMs(sv, sp, &c->timeMs[row]);
                    }
                    if (is(sk, "type"))
                        return text(C::ActionType, sv, sp);
                    return true;
                });
            }
            if (is(k, "actor")) {
                return r.object(val, fp, [&](std::string_view sk, od::value &sv, const Path &sp) {
                    if (is(sk, "id"))
                        return text(C::ActorId, sv, sp);
                    if (is(sk, "context"))
                        return text(C::ActorContext, sv, sp);
                    if (is(sk, "email"))
                        return text(C::ActorEmail, sv, sp);
                    if (is(sk, "ip_address"))
                        return text(C::ActorIp, sv, sp);
                    if (is(sk, "token_id"))
                        return text(C::ActorTokenId, sv, sp);
                    if (is(sk, "token_name"))
                        return text(C::ActorTokenName, sv, sp);
                    if (is(sk, "type"))
                        return text(C::ActorType, sv, sp);
                    return true;
                });
            }
            if (is(k, "organization")) {
                return r.object(val, fp, [&](std::string_view sk, od::value &sv, const Path &sp) {
                    if (is(sk, "id"))
                        return text(C::OrganizationId, sv, sp);
                    return true;
                });
            }
            if (is(k, "raw")) {
                return r.object(val, fp, [&](std::string_view sk, od::value &sv, const Path &sp) {
                    if (is(sk, "cf_ray_id"))
                        return r.stringView(sv, sp, &rayId);
                    if (is(sk, "method"))
                        return text(C::RawMethod, sv, sp);
                    if (is(sk, "status_code"))
                        return r.integer(sv, sp, &c->statusCodes[row]);
                    if (is(sk, "uri"))
                        return r.stringView(sv, sp, &uri);
                    if (is(sk, "user_agent"))
                        return text(C::RawUserAgent, sv, sp);
                    return true;
                });
            }
            if (is(k, "resource")) {
                return r.object(val, fp, [&](std::string_view sk, od::value &sv, const Path &sp) {
                    if (is(sk, "id"))
                        return r.stringView(sv, sp, &resourceId);
                    if (is(sk, "product"))
                        return text(C::ResourceProduct, sv, sp);
                    if (is(sk, "type"))
                        return text(C::ResourceType, sv, sp);
                    if (is(sk, "request"))
                        return json(c->requests, sv, sp);
                    if (is(sk, "response"))
                        return json(c->responses, sv, sp);
                    if (is(sk, "scope"))
                        return json(c->scopes, sv, sp);
                    return true;
                });
            }
            return true;
        },
        &whole);
    c->ids.append(id);
    c->rayIds.append(rayId);
    c->resourceIds.append(resourceId);
    if (!uri.empty()) {
        C::uriShape(uri, resourceId, &page.uriShape);
        c->text[C::RawUri][row] = page.dicts[C::RawUri].indexOfCopy(page.uriShape, &c->values[C::RawUri]);
    }
    if (ok)
        c->raw[row] = r.span(whole);
    return ok;
}

bool readUsageRecord(Reader &r, od::value &v, const Path &path, UsageRecord *u)
{
    return r.object(
        v, path,
        [&](std::string_view k, od::value &val, const Path &fp) {
            if (k.empty())
                return true;
            // Dispatch on the first letter keeps this cheap on a 36-column record.
            switch (k[0]) {
            case 'B':
                if (is(k, "BillingAccountId"))
                    return r.internedString(val, fp, &u->billingAccountId, 18);
                if (is(k, "BillingAccountName"))
                    return r.internedString(val, fp, &u->billingAccountName, 19);
                if (is(k, "BillingCurrency"))
                    return r.internedString(val, fp, &u->billingCurrency, 20);
                if (is(k, "BillingPeriodStart"))
                    return r.timestamp(val, fp, &u->billingPeriodStart);
                if (is(k, "BillingPeriodEnd"))
                    return r.timestamp(val, fp, &u->billingPeriodEnd);
                if (is(k, "BilledCost"))
                    return r.number(val, fp, &u->billedCost);
                break;
            case 'C':
                if (is(k, "ChargeCategory"))
                    return r.internedString(val, fp, &u->chargeCategory, 21);
                if (is(k, "ChargeClass"))
                    return r.internedString(val, fp, &u->chargeClass, 22);
                if (is(k, "ChargeDescription"))
                    return r.internedString(val, fp, &u->chargeDescription, 23);
                if (is(k, "ChargeFrequency"))
                    return r.internedString(val, fp, &u->chargeFrequency, 24);
                if (is(k, "ChargePeriodStart"))
                    return r.timestamp(val, fp, &u->chargePeriodStart);
                if (is(k, "ChargePeriodEnd"))
                    return r.timestamp(val, fp, &u->chargePeriodEnd);
                if (is(k, "ConsumedQuantity"))
                    return r.number(val, fp, &u->consumedQuantity);
                if (is(k, "ConsumedUnit"))
                    return r.internedString(val, fp, &u->consumedUnit, 25);
                if (is(k, "ContractedUnitPrice"))
                    return r.number(val, fp, &u->contractedUnitPrice);
                if (is(k, "ContractedCost"))
                    return r.number(val, fp, &u->contractedCost);
                break;
            case 'E':
                if (is(k, "EffectiveCost"))
                    return r.number(val, fp, &u->effectiveCost);
                break;
            case 'H':
                if (is(k, "HostProviderName"))
                    return r.internedString(val, fp, &u->hostProviderName, 26);
                break;
            case 'I':
                if (is(k, "InvoiceIssuerName"))
                    return r.internedString(val, fp, &u->invoiceIssuerName, 27);
                break;
            case 'L':
                if (is(k, "ListUnitPrice"))
                    return r.number(val, fp, &u->listUnitPrice);
                if (is(k, "ListCost"))
                    return r.number(val, fp, &u->listCost);
                break;
            case 'P':
                if (is(k, "PricingQuantity"))
                    return r.number(val, fp, &u->pricingQuantity);
                if (is(k, "PricingUnit"))
                    return r.internedString(val, fp, &u->pricingUnit, 28);
                break;
            case 'R':
                if (is(k, "RegionId"))
                    return r.internedString(val, fp, &u->regionId, 29);
                if (is(k, "RegionName"))
                    return r.internedString(val, fp, &u->regionName, 30);
                break;
            case 'S':
                if (is(k, "ServiceProviderName"))
                    return r.internedString(val, fp, &u->serviceProviderName, 31);
                if (is(k, "SubAccountId"))
                    return r.internedString(val, fp, &u->subAccountId, 32);
                if (is(k, "SubAccountName"))
                    return r.internedString(val, fp, &u->subAccountName, 33);
                break;
            case 'T':
                if (is(k, "Tags"))
                    return r.stringMap(val, fp, &u->tags);
                break;
            case 'x':
                if (is(k, "x_BillableMetricId"))
                    return r.internedString(val, fp, &u->billableMetricId, 34);
                if (is(k, "x_BillableMetricName"))
                    return r.internedString(val, fp, &u->billableMetricName, 35);
                if (is(k, "x_ProductFamilyId"))
                    return r.internedString(val, fp, &u->productFamilyId, 36);
                if (is(k, "x_ProductFamilyName"))
                    return r.internedString(val, fp, &u->productFamilyName, 37);
                if (is(k, "x_ProductCategoryName"))
                    return r.internedString(val, fp, &u->productCategoryName, 38);
                if (is(k, "x_ZoneId"))
                    return r.internedString(val, fp, &u->zoneId, 39);
                if (is(k, "x_ZoneName"))
                    return r.internedString(val, fp, &u->zoneName, 40);
                break;
            default:
                break;
            }
            return true;
        },
        &u->rawJson);
}

using UsageDictionaries = std::array<PageDictionary, UsageColumns::TextCount>;

// Where a FOCUS key goes in UsageColumns; both usage column readers use it.
struct UsageField
{
    enum Kind : quint8 { Other, Text, Number, Time, Tags } kind = Other;
    int index = 0;
};

UsageField usageField(std::string_view k)
{
    using C = UsageColumns;
    using F = UsageField;
    if (k.empty())
        return {};
    // Dispatch on the first letter keeps this cheap on a 36-column record.
    switch (k[0]) {
    case 'B':
        if (is(k, "BillingAccountId"))
            return {F::Text, C::BillingAccountId};
        if (is(k, "BillingAccountName"))
            return {F::Text, C::BillingAccountName};
        if (is(k, "BillingCurrency"))
            return {F::Text, C::BillingCurrency};
        if (is(k, "BillingPeriodStart"))
            return {F::Time, C::BillingPeriodStart};
        if (is(k, "BillingPeriodEnd"))
            return {F::Time, C::BillingPeriodEnd};
        if (is(k, "BilledCost"))
            return {F::Number, C::BilledCost};
        break;
    case 'C':
        if (is(k, "ChargeCategory"))
            return {F::Text, C::ChargeCategory};
        if (is(k, "ChargeClass"))
            return {F::Text, C::ChargeClass};
        if (is(k, "ChargeDescription"))
            return {F::Text, C::ChargeDescription};
        if (is(k, "ChargeFrequency"))
            return {F::Text, C::ChargeFrequency};
        if (is(k, "ChargePeriodStart"))
            return {F::Time, C::ChargePeriodStart};
        if (is(k, "ChargePeriodEnd"))
            return {F::Time, C::ChargePeriodEnd};
        if (is(k, "ConsumedQuantity"))
            return {F::Number, C::ConsumedQuantity};
        if (is(k, "ConsumedUnit"))
            return {F::Text, C::ConsumedUnit};
        if (is(k, "ContractedUnitPrice"))
            return {F::Number, C::ContractedUnitPrice};
        if (is(k, "ContractedCost"))
            return {F::Number, C::ContractedCost};
        break;
    case 'E':
        if (is(k, "EffectiveCost"))
            return {F::Number, C::EffectiveCost};
        break;
    case 'H':
        if (is(k, "HostProviderName"))
            return {F::Text, C::HostProviderName};
        break;
    case 'I':
        if (is(k, "InvoiceIssuerName"))
            return {F::Text, C::InvoiceIssuerName};
        break;
    case 'L':
        if (is(k, "ListUnitPrice"))
            return {F::Number, C::ListUnitPrice};
        if (is(k, "ListCost"))
            return {F::Number, C::ListCost};
        break;
    case 'P':
        if (is(k, "PricingQuantity"))
            return {F::Number, C::PricingQuantity};
        if (is(k, "PricingUnit"))
            return {F::Text, C::PricingUnit};
        break;
    case 'R':
        if (is(k, "RegionId"))
            return {F::Text, C::RegionId};
        if (is(k, "RegionName"))
            return {F::Text, C::RegionName};
        break;
    case 'S':
        if (is(k, "ServiceProviderName"))
            return {F::Text, C::ServiceProviderName};
        if (is(k, "SubAccountId"))
            return {F::Text, C::SubAccountId};
        if (is(k, "SubAccountName"))
            return {F::Text, C::SubAccountName};
        break;
    case 'T':
        if (is(k, "Tags"))
            return {F::Tags, 0};
        break;
    case 'x':
        if (is(k, "x_BillableMetricId"))
            return {F::Text, C::BillableMetricId};
        if (is(k, "x_BillableMetricName"))
            return {F::Text, C::BillableMetricName};
        if (is(k, "x_ProductFamilyId"))
            return {F::Text, C::ProductFamilyId};
        if (is(k, "x_ProductFamilyName"))
            return {F::Text, C::ProductFamilyName};
        if (is(k, "x_ProductCategoryName"))
            return {F::Text, C::ProductCategoryName};
        if (is(k, "x_ZoneId"))
            return {F::Text, C::ZoneId};
        if (is(k, "x_ZoneName"))
            return {F::Text, C::ZoneName};
        break;
    default:
        break;
    }
    return {};
}

// The same record into columns. Accepts and rejects exactly what
// readUsageRecord does, so an answer decodes the same either way.
bool readUsageRow(Reader &r, od::value &v, const Path &path, UsageColumns *c, UsageDictionaries &dicts)
{
    using C = UsageColumns;
    const size_t row = c->rows.size();
    C::Row &out = c->appendRow();

    auto text = [&](C::Text f, od::value &val, const Path &p) {
        std::string_view sv;
        if (!r.stringView(val, p, &sv))
            return false;
        out.text[f] = dicts[f].indexOf(sv, &c->values[f]);
        return true;
    };
    auto number = [&](C::Number f, od::value &val, const Path &p) {
        std::optional<double> d;
        if (!r.number(val, p, &d))
            return false;
        c->setNumber(f, row, d);
        return true;
    };
    auto time = [&](C::Time f, od::value &val, const Path &p) {
        out.times[f] = C::kNoTime;
        return r.timestampMs(val, p, &out.times[f]);
    };
    const bool ok = r.object(v, path, [&](std::string_view k, od::value &val, const Path &fp) {
        const UsageField f = usageField(k);
        switch (f.kind) {
        case UsageField::Text:
            return text(C::Text(f.index), val, fp);
        case UsageField::Number:
            return number(C::Number(f.index), val, fp);
        case UsageField::Time:
            return time(C::Time(f.index), val, fp);
        case UsageField::Tags: {
            QMap<QString, QString> tags; // checked, not kept
            return r.stringMap(val, fp, &tags);
        }
        case UsageField::Other:
            break;
        }
        return true;
    });
    return ok;
}

// The fast path for a usage answer: simdjson's DOM parser, whose both stages
// run on the machine's SIMD instructions, then a walk over its tape. It takes
// only what it can read without judgement (every field of the expected type,
// no error list) and returns false otherwise; the caller then runs the
// on-demand reader above, which is the authority on what is accepted and on
// every error message.
bool usageColumnsFast(simdjson::dom::parser &parser, const QByteArray &body, UsageColumns *c)
{
    namespace dom = simdjson::dom;
    using C = UsageColumns;
    dom::element root;
    const bool padded = body.capacity() - body.size() >= qsizetype(simdjson::SIMDJSON_PADDING);
    if (body.isEmpty() ||
        parser.parse(body.constData(), size_t(body.size()), !padded).get(root) != simdjson::SUCCESS)
        return false;
    dom::object top;
    if (root.get_object().get(top) != simdjson::SUCCESS)
        return false;
    UsageDictionaries dicts;

    auto text = [&](C::Row &row, C::Text f, dom::element v) {
        if (v.is_null())
            return true;
        std::string_view sv;
        if (v.get_string().get(sv) != simdjson::SUCCESS)
            return false;
        row.text[f] = dicts[f].indexOf(sv, &c->values[f]);
        return true;
    };
    auto number = [&](size_t index, C::Number f, dom::element v) {
        if (v.is_null()) {
            c->setNumber(f, index, std::nullopt);
            return true;
        }
        double d = 0;
        if (!v.is_number() || v.get_double().get(d) != simdjson::SUCCESS)
            return false;
        c->setNumber(f, index, d);
        return true;
    };
    auto time = [&](C::Row &row, C::Time f, dom::element v) {
        row.times[f] = C::kNoTime;
        if (v.is_null())
            return true;
        std::string_view sv;
        if (v.get_string().get(sv) != simdjson::SUCCESS)
            return false;
        return sv.empty() || parseTimestamp(sv, &row.times[f]);
    };
    auto tags = [](dom::element v) {
        if (v.is_null())
            return true;
        dom::object o;
        if (v.get_object().get(o) != simdjson::SUCCESS)
            return false;
        for (const dom::key_value_pair field : o)
            if (!field.value.is_string() && !field.value.is_bool() && !field.value.is_null())
                return false;
        return true;
    };
    auto readRow = [&](dom::object o) {
        const size_t index = c->rows.size();
        C::Row &row = c->appendRow();
        for (const dom::key_value_pair field : o) {
            const UsageField f = usageField(field.key);
            bool ok = true;
            switch (f.kind) {
            case UsageField::Text:
                ok = text(row, C::Text(f.index), field.value);
                break;
            case UsageField::Number:
                ok = number(index, C::Number(f.index), field.value);
                break;
            case UsageField::Time:
                ok = time(row, C::Time(f.index), field.value);
                break;
            case UsageField::Tags:
                ok = tags(field.value);
                break;
            case UsageField::Other:
                break;
            }
            if (!ok)
                return false;
        }
        return true;
    };

    for (const dom::key_value_pair field : top) {
        const std::string_view k = field.key;
        if (k == "result") {
            if (field.value.is_null())
                continue;
            dom::array rows;
            if (field.value.get_array().get(rows) != simdjson::SUCCESS)
                return false;
            if (c->rows.empty())
                c->reserve(qsizetype(rows.size()));
            for (const dom::element item : rows) {
                dom::object o;
                if (item.get_object().get(o) != simdjson::SUCCESS || !readRow(o))
                    return false;
            }
        } else if (k == "success") {
            bool success = true;
            if (field.value.is_bool() && field.value.get_bool().get(success) == simdjson::SUCCESS && !success)
                return false; // the error envelope's messages are read by the reader
        } else if (k == "errors") {
            dom::array errors;
            if (field.value.get_array().get(errors) != simdjson::SUCCESS || errors.size() != 0)
                return false;
        }
    }
    return true;
}

bool readTokenVerification(Reader &r, od::value &v, const Path &path, TokenVerification *t)
{
    return r.object(v, path, [&](std::string_view k, od::value &val, const Path &fp) {
        if (is(k, "id"))
            return r.string(val, fp, &t->id);
        if (is(k, "status"))
            return r.string(val, fp, &t->status);
        if (is(k, "expires_on"))
            return r.timestamp(val, fp, &t->expiresOn);
        if (is(k, "not_before"))
            return r.timestamp(val, fp, &t->notBefore);
        return true;
    });
}

// errors[] / messages[] items; lenient about everything but structure.
bool readMessages(Reader &r, od::value &v, const Path &path, QList<ApiMessage> *out)
{
    return r.array(v, path, [&](od::value &item, const Path &ip) {
        od::json_type t{};
        if (!r.type(item, ip, &t))
            return false;
        ApiMessage m;
        if (t == od::json_type::string) {
            if (!r.string(item, ip, &m.message))
                return false;
            out->append(m);
            return true;
        }
        if (t != od::json_type::object)
            return true; // the SDK types these as unknown: skip what we cannot use
        const bool ok = r.object(item, ip, [&](std::string_view k, od::value &val, const Path &fp) {
            od::json_type vt{};
            if (!r.type(val, fp, &vt))
                return false;
            if (is(k, "code") && vt == od::json_type::number) {
                std::optional<double> d;
                if (!r.number(val, fp, &d))
                    return false;
                const std::optional<qint64> n = d ? wholeNumber(*d) : std::nullopt;
                if (n && *n >= std::numeric_limits<int>::min() && *n <= std::numeric_limits<int>::max())
                    m.code = int(*n); // anything else is no code we could act on
            } else if (is(k, "message") && vt == od::json_type::string) {
                return r.string(val, fp, &m.message);
            } else if (is(k, "documentation_url") && vt == od::json_type::string) {
                return r.string(val, fp, &m.documentationUrl);
            } else if (is(k, "source") && vt == od::json_type::object) {
                return r.object(val, fp, [&](std::string_view sk, od::value &sv, const Path &sp) {
                    od::json_type st{};
                    if (!r.type(sv, sp, &st))
                        return false;
                    if (is(sk, "pointer") && st == od::json_type::string)
                        return r.string(sv, sp, &m.pointer);
                    return true;
                });
            }
            return true;
        });
        if (!ok)
            return false;
        out->append(m);
        return true;
    });
}

// ---------------------------------------------------------------- envelopes

struct Document
{
    simdjson::padded_string padded;
    od::document doc;
};

bool hasTrailingContent(od::document &doc)
{
    const char *location = nullptr;
    return doc.current_location().get(location) == simdjson::SUCCESS;
}

od::parser &threadParser()
{
    thread_local od::parser parser;
    return parser;
}

// Validates, parses and walks the top-level envelope object. onResult is
// called for "result", onInfo for "result_info". Returns an error or none.
template <typename OnResult, typename OnInfo>
ApiError walkEnvelope(const QByteArray &body, OnResult &&onResult, OnInfo &&onInfo, bool *sawResult = nullptr)
{
    if (body.trimmed().isEmpty())
        return ApiError::decode(QStringLiteral("empty response body"));
    // Parse in place when the body has room for the parser's padding (the
    // client reads bodies that way), else from a padded copy.
    simdjson::padded_string copy;
    simdjson::padded_string_view padded;
    if (body.capacity() - body.size() >= qsizetype(simdjson::SIMDJSON_PADDING)) {
        padded = simdjson::padded_string_view(body.constData(), size_t(body.size()), size_t(body.capacity()));
    } else {
        copy = simdjson::padded_string(body.constData(), size_t(body.size()));
        padded = copy;
    }
    od::document doc;
    Reader r;
    r.setDocument(&doc, std::string_view(padded.data(), padded.size()));
    const Path root;
    // The tokenizer checks the whole body's UTF-8 before anything is read
    // (the string fast paths rely on that), so no separate pass is needed.
    if (const error_code e = threadParser().iterate(padded).get(doc)) {
        if (e == simdjson::UTF8_ERROR)
            return ApiError::decode(QStringLiteral("response is not valid UTF-8"));
        r.syntax(root, e);
        return ApiError::decode(r.error);
    }
    od::value top;
    if (const error_code e = doc.get_value().get(top)) {
        r.syntax(root, e);
        return ApiError::decode(r.error);
    }
    std::optional<bool> success;
    QList<ApiMessage> errors;
    bool haveResult = false;
    const bool ok = r.object(top, root, [&](std::string_view k, od::value &val, const Path &fp) {
        if (is(k, "result")) {
            haveResult = true;
            return onResult(r, val, fp);
        }
        if (is(k, "result_info")) {
            od::json_type t{};
            if (!r.type(val, fp, &t))
                return false;
            if (t == od::json_type::null)
                return true;
            return onInfo(r, val, fp);
        }
        if (is(k, "success")) {
            od::json_type t{};
            if (!r.type(val, fp, &t))
                return false;
            if (t != od::json_type::boolean)
                return true; // tolerated: the status code decides success
            return r.boolean(val, fp, &success);
        }
        if (is(k, "errors"))
            return readMessages(r, val, fp, &errors);
        return true;
    });
    if (!ok)
        return ApiError::decode(r.error);
    if (hasTrailingContent(doc))
        return ApiError::decode(QStringLiteral("malformed JSON: trailing content after the envelope"));
    if (success.has_value() && !*success)
        return ApiError::http(200, errors);
    if (sawResult)
        *sawResult = haveResult;
    return {};
}

template <typename T, typename ReadFn> Decoded<T> objectResult(const QByteArray &body, ReadFn read)
{
    Decoded<T> out;
    bool haveResult = false;
    out.error = walkEnvelope(
        body,
        [&](Reader &r, od::value &v, const Path &p) {
            od::json_type t{};
            if (!r.type(v, p, &t))
                return false;
            if (t == od::json_type::null)
                return true;
            return read(r, v, p, &out.value);
        },
        [](Reader &, od::value &, const Path &) { return true; }, &haveResult);
    if (!out.error && !haveResult)
        out.error = ApiError::decode(QStringLiteral("field 'result' is missing"));
    return out;
}

template <typename T, typename ReadFn>
bool readList(Reader &r, od::value &v, const Path &p, QList<T> *items, ReadFn read)
{
    return r.array(v, p, [&](od::value &item, const Path &ip) {
        T record;
        if (!read(r, item, ip, &record))
            return false;
        items->append(std::move(record));
        return true;
    });
}

bool readTokenInfo(Reader &r, od::value &v, const Path &p, QString *token, std::optional<qint64> *total)
{
    return r.object(v, p, [&](std::string_view k, od::value &val, const Path &fp) {
        if (is(k, "next_page_token"))
            return r.string(val, fp, token);
        if (is(k, "total_size")) {
            std::optional<double> d;
            if (!r.number(val, fp, &d))
                return false;
            if (d)
                *total = wholeNumber(*d); // a count we cannot represent is no count
        }
        return true;
    });
}

template <typename T, typename ReadFn> Decoded<Page<T>> tokenPage(const QByteArray &body, ReadFn read)
{
    Decoded<Page<T>> out;
    out.error = walkEnvelope(
        body,
        [&](Reader &r, od::value &v, const Path &p) { return readList(r, v, p, &out.value.items, read); },
        [&](Reader &r, od::value &v, const Path &p) {
            return readTokenInfo(r, v, p, &out.value.nextPageToken, &out.value.totalSize);
        });
    if (out.error)
        out.value = {};
    return out;
}

bool readAuditInfo(Reader &r, od::value &v, const Path &p, QString *cursor, std::optional<qint64> *count)
{
    QString flat;
    QString after;
    const bool ok = r.object(v, p, [&](std::string_view k, od::value &val, const Path &fp) {
        if (is(k, "cursor"))
            return r.string(val, fp, &flat);
        if (is(k, "cursors")) {
            od::json_type t{};
            if (!r.type(val, fp, &t))
                return false;
            if (t == od::json_type::null)
                return true;
            return r.object(val, fp, [&](std::string_view ck, od::value &cv, const Path &cp) {
                if (ck == "after")
                    return r.string(cv, cp, &after);
                return true;
            });
        }
        if (is(k, "count")) {
            od::json_type t{};
            if (!r.type(val, fp, &t))
                return false;
            if (t == od::json_type::number) {
                std::optional<double> d;
                if (!r.number(val, fp, &d))
                    return false;
                if (d)
                    *count = wholeNumber(*d);
                return true;
            }
            QString s;
            if (!r.string(val, fp, &s))
                return false;
            bool isNumber = false;
            const qint64 n = s.toLongLong(&isNumber);
            if (isNumber)
                *count = n;
        }
        return true;
    });
    *cursor = flat.isEmpty() ? after : flat;
    return ok;
}

} // namespace

// ---------------------------------------------------------------- public

bool parseTimestamp(std::string_view s, qint64 *msSinceEpoch)
{
    const auto digits = [&s](size_t at, size_t n, int *out) {
        if (at + n > s.size())
            return false;
        int v = 0;
        for (size_t i = at; i < at + n; ++i) {
            const char c = s[i];
            if (c < '0' || c > '9')
                return false;
            v = v * 10 + (c - '0');
        }
        *out = v;
        return true;
    };
    int year, month, day;
    if (!digits(0, 4, &year) || s.size() < 10 || s[4] != '-' || !digits(5, 2, &month) || s[7] != '-' ||
        !digits(8, 2, &day))
        return false;
    if (month < 1 || month > 12 || day < 1)
        return false;
    static const int daysIn[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > daysIn[month - 1] + ((month == 2 && leap) ? 1 : 0))
        return false;
    int hour = 0, minute = 0, second = 0, millis = 0;
    qint64 offsetMinutes = 0;
    size_t pos = 10;
    if (pos < s.size()) {
        if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')
            return false;
        if (!digits(pos + 1, 2, &hour) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !digits(pos + 4, 2, &minute))
            return false;
        pos += 6;
        if (pos < s.size() && s[pos] == ':') {
            if (!digits(pos + 1, 2, &second))
                return false;
            pos += 3;
        }
        if (hour > 23 || minute > 59 || second > 60)
            return false;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            int scale = 100;
            size_t n = 0;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                millis += (s[pos] - '0') * scale;
                scale /= 10;
                ++pos;
                ++n;
            }
            if (n == 0)
                return false;
        }
        if (pos >= s.size())
            return false; // RFC 3339 requires a zone
        if (s[pos] == 'Z' || s[pos] == 'z') {
            ++pos;
        } else if (s[pos] == '+' || s[pos] == '-') {
            int oh, om;
            if (!digits(pos + 1, 2, &oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
                !digits(pos + 4, 2, &om))
                return false;
            if (oh > 23 || om > 59)
                return false;
            offsetMinutes = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
            pos += 6;
        } else {
            return false;
        }
        if (pos != s.size())
            return false;
        if (second == 60)
            second = 59; // leap second: clamp rather than reject
    }
    // Days from civil (proleptic Gregorian), Howard Hinnant's algorithm.
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = unsigned((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const qint64 days = qint64(era) * 146097 + qint64(doe) - 719468;
    *msSinceEpoch =
        ((days * 24 + hour) * 60 + minute) * 60000 + qint64(second) * 1000 + millis - offsetMinutes * 60000;
    return true;
}

Decoded<Organization> organizationResponse(const QByteArray &body)
{
    return objectResult<Organization>(body, readOrganization);
}
Decoded<Page<Organization>> organizationsPage(const QByteArray &body)
{
    return tokenPage<Organization>(body, readOrganization);
}
Decoded<Page<Account>> accountsPage(const QByteArray &body)
{
    return tokenPage<Account>(body, readAccount);
}
Decoded<Profile> profileResponse(const QByteArray &body)
{
    return objectResult<Profile>(body, readProfile);
}
Decoded<Member> memberResponse(const QByteArray &body)
{
    return objectResult<Member>(body, readMember);
}
Decoded<Page<Member>> membersPage(const QByteArray &body)
{
    return tokenPage<Member>(body, readMember);
}

Decoded<QList<Member>> membersResponse(const QByteArray &body)
{
    Decoded<QList<Member>> out;
    out.error = walkEnvelope(
        body,
        [&](Reader &r, od::value &v, const Path &p) {
            // Tolerate {"members":[…]} as well as a bare array.
            od::json_type t{};
            if (!r.type(v, p, &t))
                return false;
            if (t == od::json_type::object) {
                return r.object(v, p, [&](std::string_view k, od::value &mv, const Path &mp) {
                    if (is(k, "members"))
                        return readList(r, mv, mp, &out.value, readMember);
                    return true;
                });
            }
            return readList(r, v, p, &out.value, readMember);
        },
        [](Reader &, od::value &, const Path &) { return true; });
    return out;
}

Decoded<AuditColumns> auditColumns(const QByteArray &body)
{
    Decoded<AuditColumns> out;
    AuditColumns &c = out.value;
    c.body = body; // shared, not copied: spans index into these bytes
    AuditPageState page;
    out.error = walkEnvelope(
        body,
        [&](Reader &r, od::value &v, const Path &p) {
            return r.array(
                v, p, [&](od::value &item, const Path &ip) { return readAuditEntry(r, item, ip, &c, page); });
        },
        [&](Reader &r, od::value &v, const Path &p) { return readAuditInfo(r, v, p, &c.cursor, &c.count); });
    if (out.error)
        out.value = {};
    return out;
}

Decoded<AuditPage> auditPage(const QByteArray &body)
{
    const Decoded<AuditColumns> columns = auditColumns(body);
    Decoded<AuditPage> out;
    out.error = columns.error;
    if (!out.error) {
        out.value.entries = columns.value.events();
        out.value.cursor = columns.value.cursor;
        out.value.count = columns.value.count;
    }
    return out;
}

Decoded<QList<UsageRecord>> usageResponse(const QByteArray &body)
{
    Decoded<QList<UsageRecord>> out;
    out.error = walkEnvelope(
        body,
        [&](Reader &r, od::value &v, const Path &p) {
            return readList(r, v, p, &out.value, readUsageRecord);
        },
        [](Reader &, od::value &, const Path &) { return true; });
    if (out.error)
        out.value = {};
    return out;
}

namespace {

// One DOM parser per thread, reused: its buffers grow to the largest answer
// seen, which is what makes the next window cheap. An unusually large answer
// does not pin its buffers to the thread for good.
bool usageColumnsFast(const QByteArray &body, UsageColumns *c)
{
    constexpr size_t kKeepCapacity = size_t(64) << 20;
    thread_local simdjson::dom::parser parser;
    const bool ok = usageColumnsFast(parser, body, c);
    if (parser.capacity() > kKeepCapacity)
        parser = simdjson::dom::parser();
    return ok;
}

} // namespace

Decoded<UsageColumns> usageColumns(const QByteArray &body)
{
    Decoded<UsageColumns> out;
    if (usageColumnsFast(body, &out.value))
        return out;
    // Anything the fast path does not take (an error, an unusual shape) is
    // decided here, so both paths accept, reject and report alike.
    out.value = {};
    UsageColumns &c = out.value;
    UsageDictionaries dicts;
    out.error = walkEnvelope(
        body,
        [&](Reader &r, od::value &v, const Path &p) {
            return r.array(
                v, p, [&](od::value &item, const Path &ip) { return readUsageRow(r, item, ip, &c, dicts); });
        },
        [](Reader &, od::value &, const Path &) { return true; });
    if (out.error)
        out.value = {};
    return out;
}

Decoded<TokenVerification> tokenVerificationResponse(const QByteArray &body)
{
    Decoded<TokenVerification> out = objectResult<TokenVerification>(body, readTokenVerification);
    if (out.ok()) {
        // The informational text lives in messages[]; a second light walk is fine for one tiny body.
        Decoded<QList<ApiMessage>> messages;
        Reader r;
        simdjson::padded_string padded(body.constData(), size_t(body.size()));
        od::document doc;
        od::value top;
        if (!threadParser().iterate(padded).get(doc) && !doc.get_value().get(top)) {
            r.object(top, Path{}, [&](std::string_view k, od::value &v, const Path &p) {
                if (is(k, "messages"))
                    return readMessages(r, v, p, &messages.value);
                return true;
            });
        }
        if (!messages.value.isEmpty())
            out.value.message = messages.value.first().message;
    }
    return out;
}

Decoded<QString> deletedIdResponse(const QByteArray &body)
{
    return objectResult<QString>(body, [](Reader &r, od::value &v, const Path &p, QString *id) {
        return r.object(v, p, [&](std::string_view k, od::value &val, const Path &fp) {
            if (is(k, "id"))
                return r.string(val, fp, id);
            return true;
        });
    });
}

QList<ApiMessage> errorMessages(const QByteArray &body)
{
    QList<ApiMessage> errors;
    if (body.trimmed().isEmpty() || !simdjson::validate_utf8(body.constData(), size_t(body.size())))
        return errors;
    simdjson::padded_string padded(body.constData(), size_t(body.size()));
    od::document doc;
    od::value top;
    if (threadParser().iterate(padded).get(doc) || doc.get_value().get(top))
        return errors;
    Reader r;
    QList<ApiMessage> messages;
    od::json_type t{};
    if (!r.type(top, Path{}, &t) || t != od::json_type::object)
        return errors;
    r.object(top, Path{}, [&](std::string_view k, od::value &v, const Path &p) {
        if (is(k, "errors"))
            return readMessages(r, v, p, &errors);
        if (is(k, "messages"))
            return readMessages(r, v, p, &messages);
        return true;
    });
    // Some failures explain themselves only in messages[].
    if (errors.isEmpty())
        errors = messages;
    return errors;
}

namespace {
PageScan scan(const QByteArray &body, bool audit)
{
    PageScan out;
    if (body.trimmed().isEmpty() || !simdjson::validate_utf8(body.constData(), size_t(body.size())))
        return out;
    simdjson::padded_string padded(body.constData(), size_t(body.size()));
    od::document doc;
    od::value top;
    if (threadParser().iterate(padded).get(doc) || doc.get_value().get(top))
        return out;
    Reader r;
    bool sawResult = false;
    const bool ok = r.object(top, Path{}, [&](std::string_view k, od::value &v, const Path &p) {
        if (is(k, "result")) {
            sawResult = true;
            od::json_type t{};
            if (!r.type(v, p, &t))
                return false;
            if (t == od::json_type::null) {
                out.emptyPage = true;
                return true;
            }
            if (t != od::json_type::array)
                return r.wrongType(p, "an array");
            od::array a;
            if (v.get_array().get(a))
                return false;
            bool empty = true;
            if (a.is_empty().get(empty))
                return false;
            out.emptyPage = empty;
            return true; // the rest of the array is skipped structurally
        }
        if (is(k, "result_info")) {
            od::json_type t{};
            if (!r.type(v, p, &t))
                return false;
            if (t == od::json_type::null)
                return true;
            if (audit) {
                std::optional<qint64> count;
                return readAuditInfo(r, v, p, &out.next, &count);
            }
            std::optional<qint64> total;
            return readTokenInfo(r, v, p, &out.next, &total);
        }
        return true;
    });
    if (!sawResult)
        out.emptyPage = true;
    out.ok = ok;
    return out;
}
} // namespace

PageScan scanPageToken(const QByteArray &body)
{
    return scan(body, false);
}
PageScan scanAuditCursor(const QByteArray &body)
{
    return scan(body, true);
}

template <typename T, typename ReadFn> static Decoded<T> bareObject(const QByteArray &json, ReadFn read)
{
    Decoded<T> out;
    if (!simdjson::validate_utf8(json.constData(), size_t(json.size()))) {
        out.error = ApiError::decode(QStringLiteral("not valid UTF-8"));
        return out;
    }
    simdjson::padded_string padded(json.constData(), size_t(json.size()));
    od::document doc;
    od::value top;
    Reader r;
    r.setDocument(&doc, padded);
    if (const error_code e = threadParser().iterate(padded).get(doc)) {
        r.syntax(Path{}, e);
    } else if (const error_code e2 = doc.get_value().get(top)) {
        r.syntax(Path{}, e2);
    } else if (read(r, top, Path{}, &out.value) && hasTrailingContent(doc)) {
        r.error = QStringLiteral("malformed JSON: trailing content");
    }
    if (!r.error.isEmpty()) {
        out.error = ApiError::decode(r.error);
        out.value = {};
    }
    return out;
}

Decoded<Organization> organization(const QByteArray &j)
{
    return bareObject<Organization>(j, readOrganization);
}
Decoded<Account> account(const QByteArray &j)
{
    return bareObject<Account>(j, readAccount);
}
Decoded<Member> member(const QByteArray &j)
{
    return bareObject<Member>(j, readMember);
}
Decoded<AuditEvent> auditEvent(const QByteArray &j)
{
    return bareObject<AuditEvent>(j, [&j](Reader &r, od::value &v, const Path &p, AuditEvent *out) {
        AuditColumns c;
        c.body = j;
        AuditPageState page;
        if (!readAuditEntry(r, v, p, &c, page))
            return false;
        *out = c.event(0);
        return true;
    });
}
Decoded<UsageRecord> usageRecord(const QByteArray &j)
{
    return bareObject<UsageRecord>(j, readUsageRecord);
}

} // namespace api::decode
