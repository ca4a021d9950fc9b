#pragma once
// JSON → typed records (simdjson On-Demand). Lenient per REFERENCE: unknown
// fields are ignored, optional fields may be absent or null; a wrong type is
// a decode error naming the field; invalid UTF-8 or truncated input is an
// error; nothing here can crash on hostile input. Pure functions, safe on any
// thread. Each record keeps the object's bytes as received in rawJson.
// Implemented in api/decode/: one file per resource, the envelope walk, the
// page scans and the timestamp parser around one shared reader
// (decode/jsonreader_p.h).

#include "api/apierror.h"
#include "api/auditcolumns.h"
#include "api/decoded.h"
#include "api/page.h"
#include "api/records.h"
#include "api/usagecolumns.h"

#include <QByteArray>
#include <QList>
#include <string_view>

namespace api::decode {

// Envelopes (all three families). body = the whole HTTP body.
Decoded<Organization> organizationResponse(const QByteArray &body);
Decoded<Page<Organization>> organizationsPage(const QByteArray &body);
Decoded<Page<Account>> accountsPage(const QByteArray &body);
Decoded<Profile> profileResponse(const QByteArray &body);
Decoded<Member> memberResponse(const QByteArray &body);
Decoded<QList<Member>> membersResponse(const QByteArray &body); // batchCreate
Decoded<Page<Member>> membersPage(const QByteArray &body);
Decoded<AuditPage> auditPage(const QByteArray &body);
Decoded<AuditColumns> auditColumns(const QByteArray &body); // the same page, column by column
// Only each entry's bytes (raw), the cursor and the count: what a JSON export writes.
Decoded<AuditColumns> auditEntries(const QByteArray &body);
// Each entry's bytes, its fields as ranges of them (AuditColumns::fields) and
// its time: what a CSV export writes. A page whose ranges could not say what
// auditColumns() reads (tokenwalk_p.h) is decoded by auditColumns() instead.
Decoded<AuditColumns> auditFields(const QByteArray &body);
Decoded<QList<UsageRecord>> usageResponse(const QByteArray &body);
Decoded<UsageColumns> usageColumns(const QByteArray &body); // the same answer, column by column
Decoded<TokenVerification> tokenVerificationResponse(const QByteArray &body);
Decoded<QString> deletedIdResponse(const QByteArray &body); // {"result":{"id":…}}

// Error envelope of a non-2xx answer: errors[] items (empty when the body is
// not JSON). Never fails.
QList<ApiMessage> errorMessages(const QByteArray &body);

// Quick scans for pagers (no record decoding).
struct PageScan
{
    QString next;           // next_page_token, or audit cursor (flat, else cursors.after)
    bool emptyPage = false; // result is an empty array
    bool ok = false;        // body is a readable envelope
};
PageScan scanPageToken(const QByteArray &body);
PageScan scanAuditCursor(const QByteArray &body);
// The same from the envelope's tail (servers write result_info after the
// result array), so a megabyte page is not indexed to find its cursor;
// emptyPage when result starts as an empty array. Falls back to
// scanAuditCursor when the tail is unreadable.
PageScan scanAuditTail(const QByteArray &body);

// Bare objects (no envelope) — for tests, fuzzing and cached raw JSON.
Decoded<Organization> organization(const QByteArray &objectJson);
Decoded<Account> account(const QByteArray &objectJson);
Decoded<Member> member(const QByteArray &objectJson);
Decoded<AuditEvent> auditEvent(const QByteArray &objectJson);
Decoded<UsageRecord> usageRecord(const QByteArray &objectJson);

// RFC 3339 → ms since epoch (UTC); false when unparsable. Accepts fractions,
// 'Z' or ±hh:mm offsets, and a bare YYYY-MM-DD.
bool parseTimestamp(std::string_view text, qint64 *msSinceEpoch);

} // namespace api::decode
