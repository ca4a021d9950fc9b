// Audit-log pages, column by column (REFERENCE §3.2).
#include "api/decode/envelope_p.h"
#include "api/decode/pagedictionary_p.h"
#include "api/decode/tokenwalk_p.h"

#include <algorithm>

namespace api::decode {

using namespace detail;

namespace {

// The column whose value in the same entry nearly determines a column's
// value (-1: none): an actor's id its e-mail, address, user agent, context and
// token; a token's id its name; an action's description its type, the HTTP
// method, the resource's product and type and the URI's shape. Audit rows do
// not repeat the previous row as often as they pair these values (on the
// simulator's pages about six of the sixteen fields per entry hit no other
// way). Only a guess: the dictionary compares it with the value first, and
// a wrong one costs that comparison. Predictors are looked up before the
// columns they predict (kLookupOrder), whatever the entry's key order.
constexpr std::array<int, AuditColumns::TextCount> kPredictor = [] {
    using C = AuditColumns;
    std::array<int, C::TextCount> p{};
    p.fill(-1);
    p[C::ActionType] = C::ActionDescription;
    p[C::ActorContext] = C::ActorId;
    p[C::ActorEmail] = C::ActorId;
    p[C::ActorIp] = C::ActorId;
    p[C::ActorTokenId] = C::ActorId;
    p[C::ActorTokenName] = C::ActorTokenId;
    p[C::ActorType] = C::ActorId;
    p[C::RawMethod] = C::ActionDescription;
    p[C::RawUserAgent] = C::ActorId;
    p[C::ResourceProduct] = C::ActionDescription;
    p[C::ResourceType] = C::ActionDescription;
    p[C::RawUri] = C::ActionDescription;
    return p;
}();

// The order in which a batch's text columns are looked up: the predictors first.
constexpr std::array<AuditColumns::Text, AuditColumns::TextCount> kLookupOrder = {
    AuditColumns::ActionDescription, AuditColumns::ActorId,
    AuditColumns::ActorTokenId,      AuditColumns::ActionResult,
    AuditColumns::ActionType,        AuditColumns::ActorContext,
    AuditColumns::ActorEmail,        AuditColumns::ActorIp,
    AuditColumns::ActorTokenName,    AuditColumns::ActorType,
    AuditColumns::OrganizationId,    AuditColumns::RawMethod,
    AuditColumns::RawUserAgent,      AuditColumns::ResourceProduct,
    AuditColumns::ResourceType,      AuditColumns::RawUri,
};

// What decoding one audit page keeps between its entries.
//
// The walk over an entry only notes where each text field's value is; the
// dictionaries look the values up a batch of entries at a time, column by
// column (one dictionary, its previous value and its guesses hot in one
// short loop, instead of sixteen of them interleaved with the JSON walk).
// The notes are views into the body or the parser's buffer, both alive
// until the walk is over; every batch is looked up before it ends.
struct AuditPageState
{
    static constexpr size_t kBatch = 64;

    std::array<PageDictionary, AuditColumns::TextCount> dicts;
    // Per column with a predictor: by the predictor's index, the index this
    // column had the last time the predictor had that value (0: none yet).
    std::array<std::vector<quint32>, AuditColumns::TextCount> byPredictor;
    std::string uriShape; // reused for every entry
    // The batch: entries [first, first + count) of the page, their text
    // (RawUri: the URI itself) and resource ids (for the URI's shape).
    std::array<std::array<std::string_view, kBatch>, AuditColumns::TextCount> pending;
    std::array<std::string_view, kBatch> pendingResourceIds;
    size_t first = 0;
    size_t count = 0;

    AuditPageState()
    {
        // One set per thread: the pages of a listing are decoded on a few
        // pool threads, each of which meets the same values page after page.
        thread_local std::array<RecentStrings, AuditColumns::TextCount> recent;
        for (size_t f = 0; f < dicts.size(); ++f)
            dicts[f].shareStrings(&recent[f]);
    }

    // A slot for the next entry's notes (looking the batch up when it is full).
    size_t startEntry(AuditColumns *c)
    {
        if (count == kBatch)
            lookUp(c);
        for (auto &column : pending)
            column[count] = {};
        pendingResourceIds[count] = {};
        return count++;
    }

    // The batch's text columns from their dictionaries; ends the batch.
    void lookUp(AuditColumns *c)
    {
        using C = AuditColumns;
        for (const C::Text f : kLookupOrder) {
            std::vector<quint32> &column = c->text[f];
            column.resize(first + count, 0);
            quint32 *out = column.data() + first;
            PageDictionary &dict = dicts[f];
            QList<QString> *values = &c->values[f];
            const std::array<std::string_view, kBatch> &in = pending[f];
            const int predictor = kPredictor[size_t(f)];
            if (predictor < 0) {
                for (size_t k = 0; k < count; ++k)
                    out[k] = dict.indexOf(in[k], values);
                continue;
            }
            const quint32 *keys = c->text[size_t(predictor)].data() + first;
            std::vector<quint32> &seen = byPredictor[f];
            for (size_t k = 0; k < count; ++k) {
                std::string_view sv = in[k];
                if (f == C::RawUri) {
                    if (sv.empty())
                        continue; // stays 0
                    C::uriShape(sv, pendingResourceIds[k], &uriShape);
                    sv = uriShape;
                }
                // The predictor's index in this entry: 0 when it was absent.
                const quint32 key = keys[k];
                const quint32 guess = key < seen.size() ? seen[key] : 0;
                const quint32 found = dict.indexOf(sv, values, guess);
                if (found != guess) {
                    if (seen.size() <= key)
                        seen.resize(std::max<size_t>(size_t(key) + 1, seen.size() * 2), 0);
                    seen[key] = found;
                }
                out[k] = found;
            }
        }
        first += count;
        count = 0;
    }
};

// One audit entry appended to the page's columns. Every column grows by one
// first (the text columns when their batch is looked up), so an absent field
// simply keeps its empty default.
bool readAuditEntry(Reader &r, od::value &v, const Path &path, AuditColumns *c, AuditPageState &page)
{
    using C = AuditColumns;
    const size_t slot = page.startEntry(c);
    c->timeMs.push_back(C::kNoTime);
    c->statusCodes.emplace_back();
    c->raw.emplace_back();
    c->requests.emplace_back();
    c->responses.emplace_back();
    c->scopes.emplace_back();
    const auto row = c->timeMs.size() - 1;
    // The contract says read leniently: a field of the wrong type or a null
    // group does not cost the page, it reads as absent and is counted.
    ++r.lenient;
    const qsizetype issuesBefore = r.softIssues;
    // Views into the page (valid until it is decoded), stored once the whole
    // entry is read: the URI's shape needs the resource id, which comes later.
    std::string_view id, rayId, uri, resourceId;

    auto text = [&](C::Text f, od::value &val, const Path &p) {
        // Looked up with the rest of the batch (a repeated key: the last one wins).
        return r.stringView(val, p, &page.pending[f][slot]);
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
    page.pending[C::RawUri][slot] = uri;
    page.pendingResourceIds[slot] = resourceId;
    if (ok)
        c->raw[row] = r.span(whole);
    --r.lenient;
    if (r.softIssues != issuesBefore) {
        if (c->entriesWithIssues++ == 0)
            c->firstIssue = r.firstSoftIssue;
    }
    return ok;
}

// Room for n entries in every per-entry column, so that a page's columns
// are allocated once instead of doubling (and copying) ten times each.
void reserveEntries(AuditColumns &c, qsizetype n, qsizetype idBytes)
{
    const auto entries = size_t(n);
    for (auto &column : c.text)
        column.reserve(entries);
    c.timeMs.reserve(entries);
    c.statusCodes.reserve(entries);
    c.raw.reserve(entries);
    c.requests.reserve(entries);
    c.responses.reserve(entries);
    c.scopes.reserve(entries);
    c.ids.reserve(n, idBytes);
    c.rayIds.reserve(n, idBytes / 2);
    c.resourceIds.reserve(n, idBytes);
}

} // namespace

Decoded<AuditColumns> auditColumns(const QByteArray &body)
{
    Decoded<AuditColumns> out;
    AuditColumns &c = out.value;
    c.body = body; // shared, not copied: spans index into these bytes
    // Pages of one listing have one size, so the previous page's on this
    // thread (bounded by what this body could hold) sizes the columns.
    thread_local qsizetype lastEntries = 0;
    thread_local qsizetype lastIdBytes = 0;
    if (lastEntries > 0)
        reserveEntries(c, std::min(lastEntries, body.size() / 64 + 1), std::min(lastIdBytes, body.size()));
    AuditPageState page;
    out.error = walkEnvelope(
        body,
        [&](Reader &r, od::value &v, const Path &p) {
            const bool ok = r.array(
                v, p, [&](od::value &item, const Path &ip) { return readAuditEntry(r, item, ip, &c, page); });
            page.lookUp(&c); // the last batch, while the text it notes is alive
            return ok;
        },
        [&](Reader &r, od::value &v, const Path &p) { return readAuditInfo(r, v, p, &c.cursor, &c.count); });
    if (out.error) {
        out.value = {};
    } else {
        lastEntries = c.size();
        lastIdBytes = c.ids.byteSize();
    }
    return out;
}

namespace {

// auditEntries() by the ordinary envelope walk, stepping over each entry:
// for the envelopes the outline leaves to it (the body is JSON by then).
Decoded<AuditColumns> walkEntries(const QByteArray &body)
{
    Decoded<AuditColumns> out;
    AuditColumns &c = out.value;
    c.body = body;
    out.error = walkEnvelope(
        body,
        [&](Reader &r, od::value &v, const Path &p) {
            return r.array(v, p, [&](od::value &item, const Path &ip) {
                // Only an object has bytes to keep; any other value is an
                // entry without them, as auditColumns() keeps it.
                od::json_type t{};
                if (!r.type(item, ip, &t))
                    return false;
                AuditColumns::Span span;
                if (t == od::json_type::object) {
                    std::string_view whole;
                    if (!r.rawJsonView(item, ip, &whole))
                        return false;
                    span = r.span(whole);
                }
                c.raw.push_back(span);
                return true;
            });
        },
        [&](Reader &r, od::value &v, const Path &p) { return readAuditInfo(r, v, p, &c.cursor, &c.count); });
    if (out.error)
        out.value = {};
    return out;
}

// result_info, read on its own from the outline's span of the page.
bool readInfoAt(simdjson::padded_string_view page, const AuditColumns::Span &span, AuditColumns *c)
{
    if (span.size < 0)
        return true; // absent or null
    const simdjson::padded_string_view info(page.data() + span.offset, size_t(span.size),
                                            page.capacity() - size_t(span.offset));
    od::document doc;
    od::value v;
    if (threadParser().iterate(info).get(doc) || doc.get_value().get(v))
        return false;
    Reader r;
    r.setDocument(&doc, std::string_view(info.data(), info.size()));
    return readAuditInfo(r, v, Path().child("result_info"), &c->cursor, &c->count);
}

// Every column but raw (and the times, when read) as absent, one per entry
// of raw: a page as whole as any other, for a consumer that looks further
// after all (a few zero-filled arrays).
void readAsAbsent(AuditColumns &c)
{
    const size_t n = c.raw.size();
    for (auto &column : c.text)
        column.resize(n);
    c.timeMs.resize(n, AuditColumns::kNoTime);
    c.statusCodes.resize(n);
    c.requests.resize(n);
    c.responses.resize(n);
    c.scopes.resize(n);
    for (auto *column : {&c.ids, &c.rayIds, &c.resourceIds}) {
        column->reserve(qsizetype(n), 0);
        for (size_t i = 0; i < n; ++i)
            column->append({});
    }
}

} // namespace

Decoded<AuditColumns> auditEntries(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return walkEntries(body); // says so as every decoder does
    // One pass over the page's tokens checks that it is JSON and finds the
    // entries; only the short result_info is parsed.
    simdjson::padded_string copy;
    const simdjson::padded_string_view padded = paddedBody(body, &copy);
    PageOutline outline = outlineAuditPage(padded.data(), padded.size());
    Decoded<AuditColumns> out;
    if (outline.verdict == PageOutline::Verdict::NotJson) {
        out.error = ApiError::decode(outline.error);
        return out;
    }
    AuditColumns &c = out.value;
    if (outline.verdict == PageOutline::Verdict::Unusual || !readInfoAt(padded, outline.info, &c)) {
        out = walkEntries(body); // the envelope as the ordinary walk reads it, errors included
        if (out.error)
            return out;
    } else {
        c.body = body;
        c.raw = std::move(outline.entries);
    }
    readAsAbsent(c);
    return out;
}

Decoded<AuditColumns> auditFields(const QByteArray &body)
{
    if (body.trimmed().isEmpty() || body.size() >= qsizetype(std::numeric_limits<quint32>::max()))
        return auditColumns(body);
    simdjson::padded_string copy;
    const simdjson::padded_string_view padded = paddedBody(body, &copy);
    PageOutline outline = outlineAuditPage(padded.data(), padded.size(), true);
    Decoded<AuditColumns> out;
    if (outline.verdict == PageOutline::Verdict::NotJson) {
        out.error = ApiError::decode(outline.error);
        return out;
    }
    AuditColumns &c = out.value;
    if (outline.verdict == PageOutline::Verdict::Unusual || !readInfoAt(padded, outline.info, &c))
        return auditColumns(body); // every column, errors and all, as the full walk reads them
    c.body = body;
    c.raw = std::move(outline.entries);
    c.fields = std::move(outline.fields);
    const size_t n = c.raw.size();
    // Times are read here, by the decoder's own rules (parseTimestamp).
    c.timeMs.resize(n, AuditColumns::kNoTime);
    std::string scratch;
    for (size_t e = 0; e < n; ++e) {
        const AuditColumns::FieldBytes &f =
            c.fields[e * AuditColumns::FieldCount + AuditColumns::FieldActionTime];
        if (f.size == 0)
            continue;
        const std::string_view text =
            AuditColumns::unescape(std::string_view(body.constData() + f.offset, f.size), &scratch);
        qint64 ms = 0;
        if (!text.empty() && parseTimestamp(text, &ms))
            c.timeMs[e] = ms;
    }
    readAsAbsent(c);
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
Decoded<AuditEvent> auditEvent(const QByteArray &j)
{
    return bareObject<AuditEvent>(j, [&j](Reader &r, od::value &v, const Path &p, AuditEvent *out) {
        AuditColumns c;
        c.body = j;
        AuditPageState page;
        const bool ok = readAuditEntry(r, v, p, &c, page);
        page.lookUp(&c);
        if (!ok)
            return false;
        *out = c.event(0);
        return true;
    });
}

} // namespace api::decode
