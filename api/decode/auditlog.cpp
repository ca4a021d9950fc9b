// Audit-log pages, column by column (REFERENCE §3.2).
#include "api/decode/envelope_p.h"
#include "api/decode/pagedictionary_p.h"

#include <algorithm>

namespace api::decode {

using namespace detail;

namespace {

// What decoding one audit page keeps between its entries.
struct AuditPageState
{
    std::array<PageDictionary, AuditColumns::TextCount> dicts;
    std::string uriShape; // reused for every entry
};

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
    // The contract says read leniently: a field of the wrong type or a null
    // group does not cost the page, it reads as absent and is counted.
    ++r.lenient;
    const qsizetype issuesBefore = r.softIssues;
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
            return r.array(
                v, p, [&](od::value &item, const Path &ip) { return readAuditEntry(r, item, ip, &c, page); });
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
        if (!readAuditEntry(r, v, p, &c, page))
            return false;
        *out = c.event(0);
        return true;
    });
}

} // namespace api::decode
