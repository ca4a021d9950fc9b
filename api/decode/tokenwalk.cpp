// The grammar check over stage 1's token index, and the audit page outline
// read in the same pass (tokenwalk_p.h).
#include "api/decode/tokenwalk_p.h"

#include <simdjson.h>

#include <cstring>
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

// The walk. With an outline, it also notes the envelope's members.
class Walk
{
public:
    Walk(const char *body, std::size_t size, PageOutline *outline)
        : m_body(body), m_size(size), m_outline(outline)
    {}

    QString run(const uint32_t *index, uint32_t count)
    {
        m_index = index;
        m_count = count;
        m_stack.reserve(16);
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
                expect = m_stack.empty() ? Expect::Nothing : Expect::CommaOrClose;
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
        if (m_inResult && m_stack.size() == 2) {
            const qsizetype at = m_index[i];
            m_outline->entries.push_back(c == '{' ? AuditColumns::Span{at, -1} : AuditColumns::Span{});
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

public:
    bool unusual() const { return m_unusual; }

private:
    const char *m_body;
    std::size_t m_size;
    PageOutline *m_outline;
    const uint32_t *m_index = nullptr;
    uint32_t m_count = 0;
    std::vector<bool> m_stack; // per open container: an object (else an array)
    unsigned m_member = Other;
    unsigned m_seen = 0;
    bool m_inResult = false;
    bool m_unusual = false;
};

} // namespace

PageOutline outlineAuditPage(const char *body, std::size_t size)
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
    Walk walk(body, size, &out);
    out.error = walk.run(index, count);
    if (!out.error.isEmpty()) {
        out.verdict = PageOutline::Verdict::NotJson;
        out.entries.clear();
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

} // namespace api::decode::detail
