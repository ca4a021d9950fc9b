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
};

// Audit-log cursor page: REFERENCE §3.2.
struct AuditPage
{
    QList<AuditEvent> entries;
    QString cursor;              // result_info.cursor, else result_info.cursors.after; empty on the last page
    std::optional<qint64> count; // result_info.count (a string on the wire)
};

} // namespace api
