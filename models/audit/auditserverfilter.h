#pragma once
// Turns local column filters into server-side audit filters (REFERENCE
// §4.13), so "Filter to this value" can be offered for the next query.

#include "models/audit/auditfilterspec.h"

#include "api/auditquery.h"

namespace models {

class AuditServerFilter
{
public:
    // True when the column has a server-side filter (Description and Time
    // have none; Time maps to since/before instead).
    static bool hasServerFilter(AuditColumn column);
    // Adds the include/exclude values of every column of spec to query (the
    // Actor column goes to actor_email when the value looks like an e-mail,
    // else to actor_id). Returns the number of values added.
    static int apply(const AuditFilterSpec &spec, api::AuditQuery &query);
    // Adds one value, as include or exclude; false when the column has no server filter.
    static bool addValue(AuditColumn column, const QString &value, bool exclude, api::AuditQuery &query);
    // The wire key (api::AuditQuery::fields()) the value of a table column
    // goes to, e.g. "actor_email"; empty when the column has no server filter.
    static QString wireKey(AuditColumn column, const QString &value);
};

} // namespace models
