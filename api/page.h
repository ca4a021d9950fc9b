#pragma once
// One page of a list endpoint.

#include "api/records.h"

#include <QList>
#include <QString>
#include <optional>

namespace api {

// Page-token lists (organizations, accounts, members): REFERENCE §3.1.
template <typename T> struct Page
{
    QList<T> items;
    QString nextPageToken; // empty on the last page
    std::optional<qint64> totalSize;
    // Read leniently: records with a field of an unexpected type or a null
    // group (kept, the field absent) or without a readable id (left out).
    qsizetype entriesWithIssues = 0;
    QString firstIssue; // the first problem, with its field path
};

// Audit-log cursor page: REFERENCE §3.2.
struct AuditPage
{
    QList<AuditEvent> entries;
    QString cursor;              // result_info.cursor, else result_info.cursors.after; empty on the last page
    std::optional<qint64> count; // result_info.count (a string on the wire)
};

} // namespace api
