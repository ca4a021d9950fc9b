#pragma once
// The envelope walk every response decoder goes through, and what the page
// scans share with the decoders (internal to api/decode/).

#include "api/decode/jsonreader_p.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace api::decode::detail {

inline bool hasTrailingContent(od::document &doc)
{
    const char *location = nullptr;
    return doc.current_location().get(location) == simdjson::SUCCESS;
}

// One on-demand parser per thread (its buffers grow to the largest body seen).
od::parser &threadParser();

// The body in place when it has room for the parser's padding (the client
// reads bodies that way), else a padded copy made in *copy.
inline simdjson::padded_string_view paddedBody(const QByteArray &body, simdjson::padded_string *copy)
{
    if (body.capacity() - body.size() >= qsizetype(simdjson::SIMDJSON_PADDING))
        return simdjson::padded_string_view(body.constData(), size_t(body.size()), size_t(body.capacity()));
    *copy = simdjson::padded_string(body.constData(), size_t(body.size()));
    return *copy;
}

// errors[] / messages[] items; lenient about everything but structure.
bool readMessages(Reader &r, od::value &v, const Path &path, QList<ApiMessage> *out);
// result_info of a page-token list: next_page_token and total_size.
bool readTokenInfo(Reader &r, od::value &v, const Path &p, QString *token, std::optional<qint64> *total);
// result_info of an audit page: cursor (flat, else cursors.after) and count.
bool readAuditInfo(Reader &r, od::value &v, const Path &p, QString *cursor, std::optional<qint64> *count);

// Validates, parses and walks the top-level envelope object. onResult is
// called for "result", onInfo for "result_info". Returns an error or none.
template <typename OnResult, typename OnInfo>
ApiError walkEnvelope(const QByteArray &body, OnResult &&onResult, OnInfo &&onInfo, bool *sawResult = nullptr)
{
    if (body.trimmed().isEmpty())
        return ApiError::decode(QStringLiteral("empty response body"));
    simdjson::padded_string copy;
    const simdjson::padded_string_view padded = paddedBody(body, &copy);
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
    bool refused = false; // "success": false (the last "success" key decides)
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
            std::optional<bool> success;
            if (!r.boolean(val, fp, &success))
                return false;
            refused = success == false;
            return true;
        }
        if (is(k, "errors"))
            return readMessages(r, val, fp, &errors);
        return true;
    });
    if (!ok)
        return ApiError::decode(r.error);
    if (hasTrailingContent(doc))
        return ApiError::decode(QStringLiteral("malformed JSON: trailing content after the envelope"));
    if (refused)
        return ApiError::http(200, errors);
    if (sawResult)
        *sawResult = haveResult;
    return {};
}

// The helpers below take the record reader as a value. They have internal
// linkage, as they had in the one file they come from: each instantiation is
// local to its resource file, so the compiler sees which reader it is given
// and calls it directly (inlined), not through a pointer once per record.
namespace {

// What a lenient read found wrong inside the records of one answer.
struct Issues
{
    qsizetype entries = 0; // records with a field read as absent (or left out)
    QString first;         // the first problem, with its field path
};

// One record, read leniently (issue 20, REFERENCE: read leniently): a
// non-key field of the wrong type, a null object group or an unreadable
// timestamp reads as absent and the record counts in `issues`; malformed
// JSON is still an error. Returns false only for that.
template <typename T, typename ReadFn>
bool readLenient(Reader &r, od::value &v, const Path &p, T *record, ReadFn read, Issues *issues,
                 bool *hadIssue)
{
    ++r.lenient;
    const qsizetype before = r.softIssues;
    const bool ok = read(r, v, p, record);
    --r.lenient;
    *hadIssue = r.softIssues != before;
    // The reader keeps its first problem; the first record with one holds it.
    if (*hadIssue && issues && issues->entries++ == 0)
        issues->first = r.firstSoftIssue;
    return ok;
}

// Records with an id: one whose id is unreadable cannot be shown or acted on,
// so it is left out (and counted); every other problem keeps the record.
template <typename T> bool keepRecord(const T &record, bool hadIssue)
{
    if constexpr (requires { record.id; })
        return !(hadIssue && record.id.isEmpty());
    else
        return true;
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
            bool hadIssue = false;
            if (!readLenient(r, v, p, &out.value, read, nullptr, &hadIssue))
                return false;
            if (keepRecord(out.value, hadIssue))
                return true;
            // One object and no usable id: nothing to show, so an error after all.
            r.error = QStringLiteral("field '%1': the record has no readable id (%2)")
                          .arg(p.child("id").toString(), r.firstSoftIssue);
            return false;
        },
        [](Reader &, od::value &, const Path &) { return true; }, &haveResult);
    if (!out.error && !haveResult)
        out.error = ApiError::decode(QStringLiteral("field 'result' is missing"));
    return out;
}

template <typename T, typename ReadFn>
bool readList(Reader &r, od::value &v, const Path &p, QList<T> *items, ReadFn read, Issues *issues = nullptr)
{
    return r.array(v, p, [&](od::value &item, const Path &ip) {
        T record;
        bool hadIssue = false;
        if (!readLenient(r, item, ip, &record, read, issues, &hadIssue))
            return false;
        if (keepRecord(record, hadIssue))
            items->append(std::move(record));
        return true;
    });
}

template <typename T, typename ReadFn> Decoded<Page<T>> tokenPage(const QByteArray &body, ReadFn read)
{
    Decoded<Page<T>> out;
    Issues issues;
    out.error = walkEnvelope(
        body,
        [&](Reader &r, od::value &v, const Path &p) {
            return readList(r, v, p, &out.value.items, read, &issues);
        },
        [&](Reader &r, od::value &v, const Path &p) {
            return readTokenInfo(r, v, p, &out.value.nextPageToken, &out.value.totalSize);
        });
    if (out.error)
        out.value = {};
    else {
        out.value.entriesWithIssues = issues.entries;
        out.value.firstIssue = issues.first;
    }
    return out;
}

// A bare object (no envelope): tests, fuzzing and cached raw JSON.
template <typename T, typename ReadFn> Decoded<T> bareObject(const QByteArray &json, ReadFn read)
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

} // namespace

} // namespace api::decode::detail
