#pragma once
// The on-demand JSON reader every decoder shares (internal to api/decode/):
// field paths for error messages, key and string fast paths straight from
// the body, per-call-site string interning, RFC 3339 timestamps. Everything
// here is inline: it runs once per field of a million-row answer.

#include "api/decoders.h"

#include <QDateTime>
#include <QtAlgorithms>
#include <simdjson.h>

#include <array>
#include <charconv>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace api::decode::detail {

namespace od = simdjson::ondemand;

// A JSON number as a whole count, or nothing when it is fractional or out of
// range (a plain cast would be undefined behaviour for 1e30 or NaN).
// simdjson's On-Demand parser refuses some numbers the JSON grammar allows
// (an exponent written with many digits, "1.5e0000000000000000000300"); its
// DOM parser reads them. This reads such a token the same way: the nearest
// double, or nothing when the text is not a JSON number or out of range.
inline std::optional<double> numberFromToken(std::string_view token)
{
    while (!token.empty() &&
           (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' || token.back() == '\t' ||
            token.back() == ',' || token.back() == '}' || token.back() == ']'))
        token.remove_suffix(1);
    if (token.empty())
        return std::nullopt;
    double d = 0;
    const char *end = token.data() + token.size();
    const auto [ptr, ec] = std::from_chars(token.data(), end, d, std::chars_format::general);
    if (ptr != end)
        return std::nullopt;
    if (ec == std::errc::result_out_of_range) {
        // Too small for a double is zero (what the DOM parser answers); too
        // large has no nearest double and is not read.
        const bool negative = token.front() == '-';
        const std::string_view digits = negative ? token.substr(1) : token;
        const bool tiny = digits.find("e-") != std::string_view::npos ||
                          digits.find("E-") != std::string_view::npos || digits.substr(0, 2) == "0.";
        if (!tiny)
            return std::nullopt;
        return negative ? -0.0 : 0.0;
    }
    if (ec != std::errc())
        return std::nullopt;
    return d;
}

inline std::optional<qint64> wholeNumber(double d)
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

// Eight or four bytes of text as a number (fixed-size copies compile to one load).
inline quint64 load64(const char *p)
{
    quint64 w;
    std::memcpy(&w, p, 8);
    return w;
}
inline quint32 load32(const char *p)
{
    quint32 w;
    std::memcpy(&w, p, 4);
    return w;
}

// A hash of a short text eight bytes at a time (a byte-wise hash costs more
// than the rest of decoding a field). Equality is always checked after it.
// Up to 32 bytes the words overlap instead of looping, and each is
// multiplied on its own (no chain of multiplies to wait on): the branches
// depend only on the length's range, so values of varying length in one
// column cost no mispredicted loop exits. Longer texts run two independent
// lanes over 16 bytes at a time, then the last 16 bytes.
inline quint32 textHash(std::string_view sv)
{
    constexpr quint64 kMulA = 0x9E3779B97F4A7C15ull;
    constexpr quint64 kMulB = 0xBF58476D1CE4E5B9ull;
    constexpr quint64 kMulC = 0x94D049BB133111EBull;
    constexpr quint64 kMulD = 0xD6E8FEB86659FD93ull;
    const char *p = sv.data();
    const size_t n = sv.size();
    quint64 a, b;
    if (n <= 16) {
        quint64 w0, w1;
        if (n >= 8) {
            w0 = load64(p);
            w1 = load64(p + n - 8);
        } else if (n >= 4) {
            w0 = load32(p);
            w1 = load32(p + n - 4);
        } else {
            w0 = n == 0 ? 0
                        : quint64(quint8(p[0])) | quint64(quint8(p[n / 2])) << 8 |
                              quint64(quint8(p[n - 1])) << 16;
            w1 = 0;
        }
        a = (w0 ^ kMulC) * kMulA;
        b = (w1 ^ kMulD ^ n) * kMulB;
    } else if (n <= 32) {
        a = (load64(p) ^ kMulC) * kMulA ^ (load64(p + 8) ^ kMulD) * kMulB;
        b = (load64(p + n - 16) ^ kMulD ^ n) * kMulC ^ (load64(p + n - 8) ^ kMulA) * kMulD;
    } else {
        a = quint64(n) * kMulA;
        b = kMulB;
        size_t i = 0;
        for (; i + 16 < n; i += 16) {
            a = (a ^ load64(p + i)) * kMulA;
            b = (b ^ load64(p + i + 8)) * kMulB;
            a ^= a >> 29;
            b ^= b >> 31;
        }
        a = (a ^ load64(p + n - 16)) * kMulC;
        b = (b ^ load64(p + n - 8)) * kMulD;
    }
    a ^= a >> 29;
    b ^= b >> 31;
    const quint64 h = (a ^ (b << 23 | b >> 41)) * kMulA;
    return quint32(h ^ (h >> 32));
}

// Equality of two short texts by word loads, inline: the dictionaries compare
// a value with a stored one for nearly every field of every row, and a call
// to memcmp costs more than comparing a 5–70 byte value. Up to 32 bytes the
// words overlap instead of looping, so the branches depend on the length's
// range only, not on the length or on where the texts differ (a loop's exit
// is mispredicted when lengths vary from row to row).
inline bool sameText(std::string_view a, std::string_view b)
{
    const size_t n = a.size();
    if (n != b.size())
        return false;
    const char *p = a.data();
    const char *q = b.data();
    auto differ16 = [](const char *x, const char *y) {
        return (load64(x) ^ load64(y)) | (load64(x + 8) ^ load64(y + 8));
    };
    if (n > 32) {
        for (size_t i = 0; i + 32 < n; i += 32)
            if ((differ16(p + i, q + i) | differ16(p + i + 16, q + i + 16)) != 0)
                return false;
        // The last 32 bytes, overlapping what was compared.
        return (differ16(p + n - 32, q + n - 32) | differ16(p + n - 16, q + n - 16)) == 0;
    }
    if (n >= 16) // the first and the last 16 bytes
        return (differ16(p, q) | differ16(p + n - 16, q + n - 16)) == 0;
    if (n >= 8)
        return ((load64(p) ^ load64(q)) | (load64(p + n - 8) ^ load64(q + n - 8))) == 0;
    if (n >= 4)
        return ((load32(p) ^ load32(q)) | (load32(p + n - 4) ^ load32(q + n - 4))) == 0;
    // 0–3 bytes: the first, middle and last (the same byte more than once when short).
    if (n == 0)
        return true;
    return ((p[0] ^ q[0]) | (p[n / 2] ^ q[n / 2]) | (p[n - 1] ^ q[n - 1])) == 0;
}

// Key comparison with the literal's length known at compile time, so the
// compiler inlines the comparison instead of calling memcmp for every key.
template <size_t N> inline bool is(std::string_view key, const char (&literal)[N])
{
    return key.size() == N - 1 && std::memcmp(key.data(), literal, N - 1) == 0;
}

// Index of the first byte equal to a or b in p[0, n), or n; eight bytes at a
// time (keys and values are short, and a library call costs more than the scan).
inline size_t findEither(const char *p, size_t n, char a, char b)
{
#if defined(__SSE2__)
    // Sixteen bytes at a time: a key is nearly always one step.
    const __m128i va = _mm_set1_epi8(a);
    const __m128i vb = _mm_set1_epi8(b);
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        const unsigned found =
            unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(w, va), _mm_cmpeq_epi8(w, vb))));
        if (found)
            return i + size_t(qCountTrailingZeroBits(found));
    }
    for (; i < n; ++i)
        if (p[i] == a || p[i] == b)
            return i;
    return n;
#else
    constexpr quint64 kOnes = 0x0101010101010101ull;
    constexpr quint64 kHigh = 0x8080808080808080ull;
    const quint64 wa = kOnes * quint8(a);
    const quint64 wb = kOnes * quint8(b);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const quint64 w = load64(p + i);
        const quint64 x = w ^ wa; // a zero byte where a stood
        const quint64 y = w ^ wb;
        const quint64 found = ((x - kOnes) & ~x & kHigh) | ((y - kOnes) & ~y & kHigh);
        // The lowest flagged byte is always a true match (a borrow can only
        // flag bytes above one), so it is the index, without a byte loop.
        if (found)
            return i + size_t(qCountTrailingZeroBits(found)) / 8;
    }
    for (; i < n; ++i)
        if (p[i] == a || p[i] == b)
            return i;
    return n;
#endif
}

// Whether p[0, n) holds the byte c, 32 (without SSE2: 8) bytes at a time
// including the last partial block: it reads up to 31 bytes past p + n, so p
// must lie in a parsed body (simdjson's 64 bytes of padding follow every one).
inline bool holdsByteInPadded(const char *p, size_t n, char c)
{
#if defined(__SSE2__)
    // 32 bytes a step, the last one read whole (the padding is 64 bytes):
    // most values take one step, so the loop's exit is rarely mispredicted.
    const __m128i vc = _mm_set1_epi8(c);
    for (size_t i = 0; i < n; i += 32) {
        const __m128i lo = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        const __m128i hi = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i + 16));
        quint32 found = quint32(_mm_movemask_epi8(_mm_cmpeq_epi8(lo, vc))) |
                        quint32(_mm_movemask_epi8(_mm_cmpeq_epi8(hi, vc))) << 16;
        if (n - i < 32)
            found &= (quint32(1) << (n - i)) - 1; // only the bytes still inside the text
        if (found)
            return true;
    }
    return false;
#else
    constexpr quint64 kOnes = 0x0101010101010101ull;
    constexpr quint64 kHigh = 0x8080808080808080ull;
    const quint64 pattern = kOnes * quint8(c);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const quint64 x = load64(p + i) ^ pattern;
        if ((x - kOnes) & ~x & kHigh)
            return true;
    }
    if (i == n)
        return false;
    const quint64 x = load64(p + i) ^ pattern;
    // Only the bytes still inside the text count; a flag inside them is a
    // true match or sits above one (a borrow moves upwards only).
    const quint64 inside = (quint64(1) << (8 * (n - i))) - 1;
    return ((x - kOnes) & ~x & kHigh & inside) != 0;
#endif
}

inline bool isJsonSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// raw_json() spans up to the next token: drop the whitespace in between.
inline size_t trimmedSize(std::string_view sv)
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
    // Inside an entry (lenient > 0) a value of the wrong type, a null object
    // group or an unreadable timestamp is not an error: the field reads as
    // absent and the problem is counted. Malformed JSON stays an error.
    int lenient = 0;
    qsizetype softIssues = 0;
    QString firstSoftIssue;

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
        if (lenient > 0)
            return soft(path, expected);
        if (error.isEmpty())
            error = QStringLiteral("field '%1': expected %2").arg(path.toString(), QLatin1String(expected));
        return false;
    }
    bool invalid(const Path &path, const char *what)
    {
        if (lenient > 0)
            return soft(path, what);
        if (error.isEmpty())
            error = QStringLiteral("field '%1': %2").arg(path.toString(), QLatin1String(what));
        return false;
    }

    bool soft(const Path &path, const char *what)
    {
        if (softIssues++ == 0)
            firstSoftIssue = QStringLiteral("field '%1': %2").arg(path.toString(), QLatin1String(what));
        return true;
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
        if (const error_code e = v.get_double().get(d)) {
            if (e != simdjson::NUMBER_ERROR)
                return syntax(path, e);
            const std::optional<double> lenient = numberFromToken(v.raw_json_token());
            if (!lenient) // beyond a double: malformed, as the DOM parser says
                return syntax(path, e);
            d = *lenient;
        }
        *out = d;
        return true;
    }
    bool integer(od::value &v, const Path &path, std::optional<int> *out)
    {
        // A plain integer token (nearly always): read as one. The library
        // moves past the value only when it succeeds, so anything else
        // (null, a fraction, an exponent, a string, too many digits) is
        // read by the general path below as before.
        int64_t whole = 0;
        if (v.get_int64().get(whole) == simdjson::SUCCESS) {
            if (whole < std::numeric_limits<int>::min() || whole > std::numeric_limits<int>::max())
                return wrongType(path, "an integer");
            *out = int(whole);
            return true;
        }
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
                if (e == simdjson::NUMBER_ERROR && numberFromToken(sv))
                    e = simdjson::SUCCESS;
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
        // The object's bytes run from its '{' to where the iterator stands
        // once every field was visited: one pass instead of raw_json() + reset().
        const char *start = raw ? v.raw_json_token().data() : nullptr;
        // Straight to the object (the library moves on only when it is one);
        // its type is asked only when it is not, to tell a value of another
        // type (lenient) from a malformed one.
        od::object o;
        if (const error_code e = v.get_object().get(o)) {
            if (e != simdjson::INCORRECT_TYPE)
                return syntax(path, e);
            od::json_type t{};
            if (!type(v, path, &t))
                return false; // not a value at all
            return wrongType(path, "an object");
        }
        for (auto result : o) {
            // The field where the iterator built it, used in place: copying
            // it out of its simdjson_result (get()) reloads in 16-byte words
            // what was just stored in 4- and 8-byte ones, which stalls on
            // store forwarding once per field.
            if (const error_code e = result.error())
                return syntax(path, e); // a malformed object: reported, never thrown
            od::field &&field = std::move(result).value_unsafe();
            std::string_view key;
            if (const error_code e = fieldKey(field, &key))
                return syntax(path, e);
            if (!fn(key, field.value(), path.child(key)))
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
            // Used in place, as object() does with its fields.
            if (const error_code e = element.error())
                return syntax(path.at(i), e);
            od::value &&val = std::move(element).value_unsafe();
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
        // The token lies in the parsed body, so the last partial word may be read whole.
        if (holdsByteInPadded(inner.data(), inner.size(), '\\'))
            return false;
        *out = inner;
        return true;
    }
    // A field's key, the same way: the key's raw bytes when it has no escape.
    error_code fieldKey(od::field &field, std::string_view *key)
    {
        const char *begin = field.key().raw();
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
        // A string token without an escape (nearly every one) straight from
        // its first byte, without asking its type first.
        // Left unconsumed: the object or array walk steps over it.
        const std::string_view token = v.raw_json_token();
        if (!token.empty() && token[0] == '"' && plainStringToken(token, sv))
            return true;
        od::json_type t{};
        if (!type(v, path, &t))
            return false;
        if (t == od::json_type::null) {
            *sv = {};
            if (out)
                out->clear();
            return true;
        }
        if (t != od::json_type::string) {
            *sv = {};
            if (out)
                out->clear();
            return wrongType(path, "a string");
        }
        // A string with an escape (one without was taken above), unescaped
        // into the parser's buffer.
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

} // namespace api::decode::detail
