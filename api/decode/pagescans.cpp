// Quick looks at a raw page for the pagers: the next token or cursor and
// whether the page is empty, without decoding a record.
#include "api/decode/envelope_p.h"

namespace api::decode {

using namespace detail;

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

// True when the first "result" key holds an empty array: an empty page ends the
// listing even when it carries a cursor.
bool startsWithEmptyResult(const QByteArray &body)
{
    static const QByteArray key = QByteArrayLiteral("\"result\"");
    const qsizetype at = body.indexOf(key);
    if (at < 0)
        return false;
    auto skipSpace = [&](qsizetype i) {
        while (i < body.size() && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t'))
            ++i;
        return i;
    };
    qsizetype i = skipSpace(at + key.size());
    if (i >= body.size() || body[i] != ':')
        return false;
    i = skipSpace(i + 1);
    if (i >= body.size() || body[i] != '[')
        return false;
    i = skipSpace(i + 1);
    return i < body.size() && body[i] == ']';
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

PageScan scanAuditTail(const QByteArray &body)
{
    // Servers write result_info after the result array, so the cursor is
    // found by reading only the envelope's tail instead of indexing a
    // megabyte page on the GUI thread.
    const qsizetype at = body.lastIndexOf("\"result_info\"");
    if (at > 0) {
        PageScan tail = scanAuditCursor('{' + QByteArrayView(body).sliced(at).toByteArray());
        if (tail.ok) {
            tail.emptyPage = startsWithEmptyResult(body);
            return tail;
        }
    }
    return scanAuditCursor(body);
}

} // namespace api::decode
