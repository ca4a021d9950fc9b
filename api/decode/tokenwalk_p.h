#pragma once
// A JSON check and an audit page's outline from simdjson's stage-1 token
// index alone (internal to api/decode/). Stage 1 finds every token and
// checks UTF-8, strings and control characters; this walk checks the rest
// of the grammar (commas, colons, brackets, true/false/null, numbers,
// escapes) without building anything, and notes where each entry of the
// envelope's "result" array starts and ends. A JSON export copies entries
// by those offsets: about half the cost of parsing the page to check it.

#include "api/auditcolumns.h"

#include <QString>

#include <cstddef>
#include <vector>

namespace api::decode::detail {

struct PageOutline
{
    enum class Verdict {
        Outlined, // JSON; entries and info below describe the page
        NotJson,  // error says why
        Unusual   // JSON, but an envelope only the full walk reads exactly
                  // (success false, errors listed, odd types, repeated or
                  // escaped keys): decode it the ordinary way
    };
    Verdict verdict = Verdict::NotJson;
    QString error;
    // Per element of "result": the object's bytes, or size -1 (not an object).
    std::vector<AuditColumns::Span> entries;
    // result_info's bytes; size -1 when absent or null.
    AuditColumns::Span info;
    // With `fields`: AuditColumns::FieldCount ranges per entry
    // (AuditColumns::fields). A page whose entries the ranges cannot say
    // exactly as the full decoder reads them is Unusual: an entry that is
    // not an object, an escaped key inside one, a status code that is not
    // a plain integer, a time that is not a string.
    std::vector<AuditColumns::FieldBytes> fields;
};

// `body` must be readable for simdjson::SIMDJSON_PADDING bytes past `size`.
PageOutline outlineAuditPage(const char *body, std::size_t size, bool fields = false);

// Only the check (the fuzzer compares it with simdjson's DOM parser): empty
// when `body` is one JSON value, else why not.
QString checkJson(const char *body, std::size_t size);

} // namespace api::decode::detail
