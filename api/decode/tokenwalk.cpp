// The grammar check over stage 1's token index, and the audit page outline
// read in the same pass (tokenwalk_p.h).
#include "api/decode/tokenwalk_p.h"

#include <simdjson.h>

#include <QtEndian>

#include <array>
#include <cstring>
#include <limits>
#include <memory>
#include <string_view>

namespace api::decode::detail {

namespace {

// simdjson's own limit for its parsers.
constexpr std::size_t kMaxDepth = simdjson::DEFAULT_MAX_DEPTH;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

const char *digits(const char *p, const char *end)
{
    while (p != end && isDigit(*p))
        ++p;
    return p;
}

// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
bool isNumber(const char *p, const char *end)
{
    if (p != end && *p == '-')
        ++p;
    if (p == end || !isDigit(*p))
        return false;
    p = *p == '0' ? p + 1 : digits(p, end);
    if (p != end && *p == '.') {
        const char *first = ++p;
        if ((p = digits(p, end)) == first)
            return false;
    }
    if (p != end && (*p == 'e' || *p == 'E')) {
        if (++p != end && (*p == '+' || *p == '-'))
            ++p;
        const char *first = p;
        if ((p = digits(p, end)) == first)
            return false;
    }
    return p == end;
}

// A token that is neither a string nor punctuation: true, false, null or a number.
bool isAtom(const char *p, const char *end)
{
    const std::string_view t(p, std::size_t(end - p));
    switch (*p) {
    case 't':
        return t == "true";
    case 'f':
        return t == "false";
    case 'n':
        return t == "null";
    default:
        return isNumber(p, end);
    }
}

bool hex4(const char *p, const char *end, unsigned *out)
{
    if (end - p < 4)
        return false;
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        const int d = isDigit(c)               ? c - '0'
                      : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                      : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                               : -1;
        if (d < 0)
            return false;
        v = v * 16 + unsigned(d);
    }
    *out = v;
    return true;
}

// The first escape JSON does not allow, or null. A backslash outside a
// string is part of an atom, which the walk refuses, so every one found here
// starts an escape (an escaped backslash is stepped over with its escape).
const char *badEscape(const char *body, std::size_t size)
{
    const char *const end = body + size;
    const char *p = static_cast<const char *>(std::memchr(body, '\\', size));
    while (p) {
        if (end - p < 2)
            return p;
        switch (p[1]) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            p += 2;
            break;
        case 'u': {
            unsigned unit = 0;
            if (!hex4(p + 2, end, &unit) || (unit >= 0xDC00 && unit <= 0xDFFF))
                return p; // not hex, or a low surrogate alone
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                unsigned low = 0;
                if (end - p < 12 || p[6] != '\\' || p[7] != 'u' || !hex4(p + 8, end, &low) || low < 0xDC00 ||
                    low > 0xDFFF)
                    return p; // a high surrogate without its low one
                p += 12;
            } else {
                p += 6;
            }
            break;
        }
        default:
            return p;
        }
        p = p < end ? static_cast<const char *>(std::memchr(p, '\\', std::size_t(end - p))) : nullptr;
    }
    return nullptr;
}

// Stage 1 of the active (fastest) implementation, with index room for the
// largest body seen on this thread.
simdjson::error_code tokenize(const char *body, std::size_t size, const uint32_t **index, uint32_t *count)
{
    thread_local std::unique_ptr<simdjson::internal::dom_parser_implementation> stage1;
    if (!stage1 || stage1->capacity() < size + 1) {
        const std::size_t capacity = size + size / 4 + 64; // pages of one listing differ a little
        const simdjson::error_code e =
            stage1 ? stage1->set_capacity(capacity)
                   : simdjson::get_active_implementation()->create_dom_parser_implementation(
                         capacity, kMaxDepth, stage1);
        if (e)
            return e;
    }
    if (const simdjson::error_code e =
            stage1->stage1(reinterpret_cast<const uint8_t *>(body), size, simdjson::stage1_mode::regular))
        return e;
    *index = stage1->structural_indexes.get();
    *count = stage1->n_structural_indexes;
    return simdjson::SUCCESS;
}

QString stage1Problem(simdjson::error_code e)
{
    if (e == simdjson::UTF8_ERROR)
        return QStringLiteral("response is not valid UTF-8");
    return QStringLiteral("response is not valid JSON (%1)")
        .arg(QString::fromUtf8(simdjson::error_message(e)));
}

// An entry's groups, and the fields each names (AuditColumns::fields).
enum Group : int { NoGroup, Action, Actor, Organization, Raw, Resource };
// A key of up to 16 bytes as two little-endian words, the bytes past it
// zero: a name is compared in three instructions, not a memcmp call.
struct Words
{
    uint64_t a = 0;
    uint64_t b = 0;
    std::size_t n = 0;
    bool operator==(const Words &) const = default;
};
constexpr uint64_t word(std::string_view s, std::size_t from)
{
    uint64_t w = 0;
    for (std::size_t k = 0; k < 8 && from + k < s.size(); ++k)
        w |= uint64_t(static_cast<unsigned char>(s[from + k])) << (8 * k);
    return w;
}
constexpr Words words(std::string_view s)
{
    return {word(s, 0), word(s, 8), s.size()};
}
// The key at p (n bytes, readable 16 bytes on: the body is padded).
Words keyWords(const char *p, std::size_t n)
{
    if (n > 16)
        return {~uint64_t(0), ~uint64_t(0), n}; // longer than every name
    uint64_t a = qFromLittleEndian<quint64>(p);
    uint64_t b = qFromLittleEndian<quint64>(p + 8);
    if (n < 8) {
        a &= (uint64_t(1) << (8 * n)) - 1;
        b = 0;
    } else if (n < 16) {
        b &= (uint64_t(1) << (8 * (n - 8))) - 1;
    }
    return {a, b, n};
}
struct Name
{
    Words name;
    int field;
    constexpr Name(std::string_view s, int f) : name(words(s)), field(f) {}
};
constexpr int kGroupSlot = AuditColumns::FieldCount;
// The fields whose value is text, one bit each.
constexpr uint32_t kTextFields =
    ((uint32_t(1) << AuditColumns::FieldCount) - 1) & ~(uint32_t(1) << AuditColumns::FieldStatusCode) &
    ~(uint32_t(1) << AuditColumns::FieldRequest) & ~(uint32_t(1) << AuditColumns::FieldResponse) &
    ~(uint32_t(1) << AuditColumns::FieldScope);
// An entry's own members: its id, or a group (kGroupSlot + the group).
constexpr std::array<Name, 6> kEntryMembers{{
    {"id", AuditColumns::FieldId},
    {"action", kGroupSlot + Action},
    {"actor", kGroupSlot + Actor},
    {"organization", kGroupSlot + Organization},
    {"raw", kGroupSlot + Raw},
    {"resource", kGroupSlot + Resource},
}};
constexpr std::array<Name, 4> kActionFields{{
    {"description", AuditColumns::FieldActionDescription},
    {"result", AuditColumns::FieldActionResult},
    {"time", AuditColumns::FieldActionTime},
    {"type", AuditColumns::FieldActionType},
}};
constexpr std::array<Name, 7> kActorFields{{
    {"id", AuditColumns::FieldActorId},
    {"context", AuditColumns::FieldActorContext},
    {"email", AuditColumns::FieldActorEmail},
    {"ip_address", AuditColumns::FieldActorIp},
    {"token_id", AuditColumns::FieldActorTokenId},
    {"token_name", AuditColumns::FieldActorTokenName},
    {"type", AuditColumns::FieldActorType},
}};
constexpr std::array<Name, 1> kOrganizationFields{{{"id", AuditColumns::FieldOrganizationId}}};
constexpr std::array<Name, 5> kRawFields{{
    {"cf_ray_id", AuditColumns::FieldRayId},
    {"method", AuditColumns::FieldRawMethod},
    {"status_code", AuditColumns::FieldStatusCode},
    {"uri", AuditColumns::FieldRawUri},
    {"user_agent", AuditColumns::FieldUserAgent},
}};
constexpr std::array<Name, 6> kResourceFields{{
    {"id", AuditColumns::FieldResourceId},
    {"product", AuditColumns::FieldResourceProduct},
    {"type", AuditColumns::FieldResourceType},
    {"request", AuditColumns::FieldRequest},
    {"response", AuditColumns::FieldResponse},
    {"scope", AuditColumns::FieldScope},
}};

// The name's field (or kGroupSlot + group, at an entry's level) among the
// names `group` has, or -1. Only for a key the guess below missed.
template <size_t N> int findIn(const std::array<Name, N> &names, const Words &key)
{
    for (const Name &n : names)
        if (n.name == key)
            return n.field;
    return -1;
}
int findName(const Words &key, Group group)
{
    switch (group) {
    case NoGroup:
        return findIn(kEntryMembers, key);
    case Action:
        return findIn(kActionFields, key);
    case Actor:
        return findIn(kActorFields, key);
    case Organization:
        return findIn(kOrganizationFields, key);
    case Raw:
        return findIn(kRawFields, key);
    case Resource:
        return findIn(kResourceFields, key);
    }
    return -1;
}

// The walk. With an outline, it also notes the envelope's members.
class Walk
{
public:
    Walk(const char *body, std::size_t size, PageOutline *outline, bool fields = false)
        : m_body(body), m_size(size), m_outline(outline), m_fields(outline && fields)
    {}

    QString run(const uint32_t *index, uint32_t count)
    {
        m_index = index;
        m_count = count;
        Expect expect = Expect::Value;
        for (uint32_t i = 0; i < count; ++i) {
            const uint32_t at = index[i];
            const char c = m_body[at];
            switch (expect) {
            case Expect::KeyOrClose:
                if (c == '}') {
                    expect = close(at, true);
                    continue;
                }
                [[fallthrough]];
            case Expect::Key:
                if (c != '"')
                    return unexpected(at);
                if (m_outline && m_stack.size() == 1)
                    noteMember(i);
                else if (m_fields && m_inResult && m_stack.size() >= 3)
                    noteFieldKey(i);
                // Its colon in the same step (one dispatch fewer per member).
                if (i + 1 < count) {
                    const uint32_t colon = index[++i];
                    if (m_body[colon] != ':')
                        return unexpected(colon);
                    expect = Expect::Value;
                    continue;
                }
                expect = Expect::Colon;
                continue;
            case Expect::Colon:
                if (c != ':')
                    return unexpected(at);
                expect = Expect::Value;
                continue;
            case Expect::CommaOrClose:
                if (c == ',') {
                    expect = m_stack.back() ? Expect::Key : Expect::Value;
                    continue;
                }
                if (c != (m_stack.back() ? '}' : ']'))
                    return unexpected(at);
                expect = close(at, c == '}');
                continue;
            case Expect::ValueOrClose:
                if (c == ']') {
                    expect = close(at, false);
                    continue;
                }
                [[fallthrough]];
            case Expect::Value:
                if (m_outline)
                    noteValue(i, c);
                if (c == '{' || c == '[') {
                    if (m_stack.size() >= kMaxDepth)
                        return QStringLiteral("response is not valid JSON (nested more than %1 deep)")
                            .arg(kMaxDepth);
                    m_stack.push_back(c == '{');
                    expect = c == '{' ? Expect::KeyOrClose : Expect::ValueOrClose;
                    continue;
                }
                if (c != '"' && !isAtom(m_body + at, m_body + tokenEnd(i)))
                    return unexpected(at);
                if (m_stack.empty()) {
                    expect = Expect::Nothing;
                    continue;
                }
                // A comma after it in the same step; anything else next time round.
                if (i + 1 < count && m_body[index[i + 1]] == ',') {
                    ++i;
                    expect = m_stack.back() ? Expect::Key : Expect::Value;
                    continue;
                }
                expect = Expect::CommaOrClose;
                continue;
            case Expect::Nothing:
                return unexpected(at);
            }
        }
        if (expect != Expect::Nothing)
            return QStringLiteral("response is not valid JSON (it ends too early)");
        if (const char *p = badEscape(m_body, m_size))
            return QStringLiteral("response is not valid JSON (a bad escape at byte %1)").arg(p - m_body);
        return {};
    }

private:
    enum class Expect { Value, ValueOrClose, KeyOrClose, Key, Colon, CommaOrClose, Nothing };
    // The top object's members the outline reads.
    enum Member : unsigned { Other = 0, Success = 1, Errors = 2, Result = 4, ResultInfo = 8 };

    // Where token i ends: before the next token, trailing blanks left out.
    uint32_t tokenEnd(uint32_t i) const
    {
        uint32_t end = i + 1 < m_count ? m_index[i + 1] : uint32_t(m_size);
        while (end > m_index[i] && isSpace(m_body[end - 1]))
            --end;
        return end;
    }

    QString unexpected(uint32_t at) const
    {
        return QStringLiteral("response is not valid JSON (unexpected '%1' at byte %2)")
            .arg(QLatin1Char(m_body[at]))
            .arg(at);
    }

    Expect close(uint32_t at, bool object)
    {
        m_stack.pop_back();
        if (m_fields && m_inResult)
            closeInEntry(at);
        if (m_outline) {
            if (object && m_inResult && m_stack.size() == 2) {
                AuditColumns::Span &entry = m_outline->entries.back();
                entry.size = qsizetype(at) + 1 - entry.offset;
            } else if (!object && m_inResult && m_stack.size() == 1) {
                m_inResult = false;
            } else if (object && m_member == ResultInfo && m_stack.size() == 1) {
                m_outline->info.size = qsizetype(at) + 1 - m_outline->info.offset;
            }
        }
        return m_stack.empty() ? Expect::Nothing : Expect::CommaOrClose;
    }

    // Token i is a key of the top object: which member starts.
    void noteMember(uint32_t i)
    {
        // The key runs to its closing quote before the colon that follows.
        const uint32_t end = tokenEnd(i);
        const std::string_view key(m_body + m_index[i] + 1, end > m_index[i] + 1 ? end - m_index[i] - 2 : 0);
        m_member = key == "success"       ? Success
                   : key == "errors"      ? Errors
                   : key == "result"      ? Result
                   : key == "result_info" ? ResultInfo
                                          : Other;
        if (key.find('\\') != std::string_view::npos || (m_seen & m_member))
            m_unusual = true; // an escaped key could be one of these; a repeated one: the last counts
        m_seen |= m_member;
    }

    // Token i starts a value.
    void noteValue(uint32_t i, char c)
    {
        if (m_stack.empty()) {
            m_unusual = m_unusual || c != '{';
            return;
        }
        if (m_slot >= 0) {
            noteFieldValue(i, c);
            return;
        }
        if (m_inResult && m_stack.size() == 2) {
            const qsizetype at = m_index[i];
            m_outline->entries.push_back(c == '{' ? AuditColumns::Span{at, -1} : AuditColumns::Span{});
            if (m_fields) {
                const std::size_t base = m_outline->fields.size();
                m_outline->fields.resize(base + AuditColumns::FieldCount);
                m_entry = m_outline->fields.data() + base;
                m_keyOrdinal = 0;
                m_unusual = m_unusual || c != '{';
            }
            return;
        }
        if (m_stack.size() != 1)
            return;
        const char next = i + 1 < m_count ? m_body[m_index[i + 1]] : '\0';
        switch (m_member) {
        case Success:
            m_unusual = m_unusual || c != 't';
            break;
        case Errors:
            m_unusual = m_unusual || !(c == 'n' || (c == '[' && next == ']'));
            break;
        case Result:
            if (c == '[')
                m_inResult = true;
            else
                m_unusual = m_unusual || c != 'n';
            break;
        case ResultInfo:
            if (c == '{')
                m_outline->info = AuditColumns::Span{m_index[i], -1};
            else
                m_unusual = m_unusual || c != 'n';
            break;
        default:
            break;
        }
    }

    // Token i is a key inside an entry (depth 3) or one of its groups (4).
    void noteFieldKey(uint32_t i)
    {
        const std::size_t depth = m_stack.size();
        if (depth > 4 || (depth == 4 && m_group == NoGroup))
            return;
        if (depth == 3)
            m_group = NoGroup;
        // Entries of a page spell their keys alike: the key the previous
        // entry had at this place, with its closing quote, compared as two
        // words, before anything is worked out.
        const char *const key = m_body + m_index[i] + 1; // readable 16 bytes on: the body is padded
        const uint64_t a = qFromLittleEndian<quint64>(key);
        const uint64_t b = qFromLittleEndian<quint64>(key + 8);
        // By its place among its object's keys (an optional key moves only
        // the keys after it in the same group).
        const std::size_t place = m_keyOrdinal++;
        KeyGuess *guess = place < kGuessesPerObject
                              ? &m_guesses[std::size_t(m_group) * kGuessesPerObject + place]
                              : nullptr;
        int found;
        if (guess && guess->group == m_group && ((a ^ guess->a) & guess->maskA) == 0 &&
            ((b ^ guess->b) & guess->maskB) == 0) {
            found = guess->found;
        } else {
            const uint32_t end = tokenEnd(i);
            const std::size_t n = end > m_index[i] + 1 ? end - m_index[i] - 2 : 0;
            found = findName(keyWords(key, n), m_group);
            if (found < 0 && std::string_view(key, n).find('\\') != std::string_view::npos)
                m_unusual = true; // an escaped key could name one of these
            if (guess) {
                // The key and its closing quote (one byte that cannot be
                // inside it unescaped), when they fit in the two words.
                *guess = KeyGuess{};
                if (n + 1 <= 16) {
                    const auto mask = [](std::size_t bytes) {
                        return bytes >= 8 ? ~uint64_t(0) : (uint64_t(1) << (8 * bytes)) - 1;
                    };
                    guess->a = a;
                    guess->b = b;
                    guess->maskA = mask(n + 1);
                    guess->maskB = n + 1 > 8 ? mask(n + 1 - 8) : 0;
                    guess->group = m_group;
                    guess->found = found;
                }
            }
        }
        if (found >= kGroupSlot) {
            m_pendingGroup = Group(found - kGroupSlot);
            m_slot = kGroupSlot;
        } else {
            m_slot = found;
        }
    }

    // Token i (starting with c) is the value of the key that set m_slot.
    void noteFieldValue(uint32_t i, char c)
    {
        const int slot = m_slot;
        m_slot = -1;
        if (slot == kGroupSlot) {
            // A group that is not an object (null included) leaves its fields
            // as they are, as the full decoder reads it.
            if (c == '{') {
                m_group = m_pendingGroup;
                m_entryOrdinal = m_keyOrdinal;
                m_keyOrdinal = 0;
            }
            return;
        }
        AuditColumns::FieldBytes &f = m_entry[slot];
        const uint32_t at = m_index[i];
        if ((kTextFields >> slot) & 1) {
            // Text (nearly every field): a value of another type reads as absent.
            if (c == '"') {
                const uint32_t end = tokenEnd(i);
                f = {at + 1, end - at - 2};
            } else {
                f = {};
            }
            return;
        }
        f = {};
        switch (slot) {
        case AuditColumns::FieldRequest:
        case AuditColumns::FieldResponse:
        case AuditColumns::FieldScope:
            if (c == '{' || c == '[') {
                f.offset = at; // its size when it closes
                m_openField = slot;
            } else if (c != 'n') {
                f = {at, tokenEnd(i) - at};
            }
            return;
        case AuditColumns::FieldStatusCode:
            if (c == 'n')
                return;
            if (!plainInteger(m_body + at, m_body + tokenEnd(i)))
                m_unusual = true; // a fraction, an exponent, a string...: the full decoder's rules
            else
                f = {at, tokenEnd(i) - at};
            return;
        default:
            return;
        }
    }

    // Something closed at `at`; m_stack is its parent's depth.
    void closeInEntry(uint32_t at)
    {
        const std::size_t depth = m_stack.size();
        if (depth == 4 && m_openField >= 0) {
            AuditColumns::FieldBytes &f = m_entry[m_openField];
            f.size = at + 1 - f.offset;
            m_openField = -1;
        } else if (depth == 3) {
            if (m_group != NoGroup)
                m_keyOrdinal = m_entryOrdinal; // back among the entry's own keys
            m_group = NoGroup;
        }
    }

    // -?[1-9][0-9]{0,8} or 0: an int whose digits are its own spelling.
    static bool plainInteger(const char *p, const char *end)
    {
        const bool negative = p != end && *p == '-';
        if (negative)
            ++p;
        const auto n = end - p;
        if (n < 1 || n > 9 || (*p == '0' && (n > 1 || negative)))
            return false;
        for (; p != end; ++p)
            if (!isDigit(*p))
                return false;
        return true;
    }

public:
    bool unusual() const { return m_unusual; }

private:
    const char *m_body;
    std::size_t m_size;
    PageOutline *m_outline;
    const uint32_t *m_index = nullptr;
    uint32_t m_count = 0;
    // Per open container: an object (else an array). A plain array, not
    // std::vector<bool>: its bit arithmetic was a tenth of the walk.
    struct Stack
    {
        std::array<bool, kMaxDepth> open;
        std::size_t depth = 0;

        std::size_t size() const { return depth; }
        bool empty() const { return depth == 0; }
        bool back() const { return open[depth - 1]; }
        void push_back(bool object) { open[depth++] = object; } // the walk checks kMaxDepth first
        void pop_back() { --depth; }
    } m_stack;
    unsigned m_member = Other;
    unsigned m_seen = 0;
    bool m_inResult = false;
    bool m_unusual = false;
    // With fields: the current entry's ranges (valid until the next entry
    // grows them), the slot the next value fills (-1: none; kGroupSlot: a
    // group), the group whose keys are read, and a request, response or
    // scope whose container has not closed yet.
    bool m_fields = false;
    AuditColumns::FieldBytes *m_entry = nullptr;
    // By group and a key's place among the group's keys (or the entry's):
    // the key the previous entry had there and what it named. An unset
    // guess has group -1, which no key has.
    struct KeyGuess
    {
        uint64_t a = 0;
        uint64_t b = 0;
        uint64_t maskA = 0;
        uint64_t maskB = 0;
        int group = -1;
        int found = -1;
    };
    static constexpr std::size_t kGuessesPerObject = 8;
    std::array<KeyGuess, (Resource + 1) * kGuessesPerObject> m_guesses{};
    std::size_t m_keyOrdinal = 0;   // keys read so far in the entry or group being read
    std::size_t m_entryOrdinal = 0; // the entry's, while one of its groups is read
    int m_slot = -1;
    Group m_group = NoGroup;
    Group m_pendingGroup = NoGroup;
    int m_openField = -1;
};

} // namespace

PageOutline outlineAuditPage(const char *body, std::size_t size, bool fields)
{
    PageOutline out;
    const uint32_t *index = nullptr;
    uint32_t count = 0;
    if (const simdjson::error_code e = tokenize(body, size, &index, &count)) {
        out.error = stage1Problem(e);
        return out;
    }
    thread_local std::size_t lastEntries = 0; // pages of one listing have one size
    out.entries.reserve(lastEntries);
    // Ranges are 32-bit offsets: a bigger page is read the ordinary way.
    fields = fields && size < std::numeric_limits<uint32_t>::max();
    if (fields)
        out.fields.reserve(lastEntries * AuditColumns::FieldCount);
    Walk walk(body, size, &out, fields);
    out.error = walk.run(index, count);
    if (!out.error.isEmpty()) {
        out.verdict = PageOutline::Verdict::NotJson;
        out.entries.clear();
        out.fields.clear();
    } else {
        out.verdict = walk.unusual() ? PageOutline::Verdict::Unusual : PageOutline::Verdict::Outlined;
        lastEntries = out.entries.size();
    }
    return out;
}

QString checkJson(const char *body, std::size_t size)
{
    const uint32_t *index = nullptr;
    uint32_t count = 0;
    if (const simdjson::error_code e = tokenize(body, size, &index, &count))
        return stage1Problem(e);
    return Walk(body, size, nullptr).run(index, count);
}

// The escapes badEscape() let through, read. Defined here, beside the check
// that vouches for them, for AuditColumns::unescape().
namespace {
void appendUtf8(std::string *out, char32_t c)
{
    if (c < 0x80) {
        out->push_back(char(c));
    } else if (c < 0x800) {
        out->push_back(char(0xC0 | (c >> 6)));
        out->push_back(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out->push_back(char(0xE0 | (c >> 12)));
        out->push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out->push_back(char(0x80 | (c & 0x3F)));
    } else {
        out->push_back(char(0xF0 | (c >> 18)));
        out->push_back(char(0x80 | ((c >> 12) & 0x3F)));
        out->push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out->push_back(char(0x80 | (c & 0x3F)));
    }
}
} // namespace

} // namespace api::decode::detail

namespace api {

std::string_view AuditColumns::unescape(std::string_view escaped, std::string *scratch)
{
    const size_t first = escaped.find('\\');
    if (first == std::string_view::npos)
        return escaped;
    scratch->assign(escaped.data(), first);
    const char *p = escaped.data() + first;
    const char *const end = escaped.data() + escaped.size();
    while (p < end) {
        if (*p != '\\') {
            scratch->push_back(*p++);
            continue;
        }
        if (end - p < 2)
            break; // not on a checked page
        const char e = p[1];
        p += 2;
        switch (e) {
        case 'b':
            scratch->push_back('\b');
            break;
        case 'f':
            scratch->push_back('\f');
            break;
        case 'n':
            scratch->push_back('\n');
            break;
        case 'r':
            scratch->push_back('\r');
            break;
        case 't':
            scratch->push_back('\t');
            break;
        case 'u': {
            unsigned unit = 0;
            if (!decode::detail::hex4(p, end, &unit))
                return *scratch; // not on a checked page
            p += 4;
            char32_t c = unit;
            unsigned low = 0;
            if (unit >= 0xD800 && unit <= 0xDBFF && end - p >= 6 && p[0] == '\\' && p[1] == 'u' &&
                decode::detail::hex4(p + 2, end, &low) && low >= 0xDC00 && low <= 0xDFFF) {
                c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
            }
            decode::detail::appendUtf8(scratch, c);
            break;
        }
        default: // '"', '\\', '/'
            scratch->push_back(e);
            break;
        }
    }
    return *scratch;
}

} // namespace api
