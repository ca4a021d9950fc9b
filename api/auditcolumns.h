#pragma once
// One audit-log page decoded column by column (REFERENCE §4.13, §3.2). The
// repeated text fields are a small per-page dictionary plus an index per
// entry; the nearly unique ones are plain strings; request, response, scope
// and the whole entry are spans into the page's bytes. Decoding a page this
// way allocates a few arrays instead of dozens of strings per entry, and the
// audit store merges it by looking up each distinct value once.

#include "api/records.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <limits>
#include <optional>
#include <vector>

namespace api {

struct AuditColumns
{
    enum Text : int {
        ActionDescription,
        ActionResult,
        ActionType,
        ActorId,
        ActorContext,
        ActorEmail,
        ActorIp,
        ActorTokenId,
        ActorTokenName,
        ActorType,
        OrganizationId,
        RawMethod,
        RawUserAgent,
        ResourceProduct,
        ResourceType,
        TextCount
    };
    // Bytes of one JSON value inside body; size < 0 when the value is absent.
    struct Span
    {
        qsizetype offset = 0;
        qsizetype size = -1;
    };
    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

    AuditColumns();

    qsizetype size() const { return ids.size(); }
    bool isEmpty() const { return ids.isEmpty(); }
    const QString &textAt(Text field, qsizetype entry) const
    {
        return values[field][text[field][size_t(entry)]];
    }
    QByteArray bytes(const Span &span) const;

    // The entry as a record, for consumers that want whole records (export,
    // archive, tests). The bytes are copied out of the page.
    AuditEvent event(qsizetype entry) const;
    QList<AuditEvent> events() const;

    // Distinct values per field; values[f][0] is the empty string (absent or null).
    std::array<QList<QString>, TextCount> values;
    std::array<std::vector<quint32>, TextCount> text; // per entry: index into values[f]
    QList<QString> ids;
    QList<QString> rayIds;
    QList<QString> uris;
    QList<QString> resourceIds;
    std::vector<qint64> timeMs; // kNoTime when absent
    std::vector<std::optional<int>> statusCodes;
    std::vector<Span> raw; // the whole entry
    std::vector<Span> requests;
    std::vector<Span> responses;
    std::vector<Span> scopes;
    QByteArray body; // the page as received

    QString cursor;              // result_info.cursor, else result_info.cursors.after; empty on the last page
    std::optional<qint64> count; // result_info.count
};

} // namespace api
