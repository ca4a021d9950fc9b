#pragma once
// What a watch looks for: the server filters of an audit query (every
// AuditQuery field, include and exclude, as `orgscope export audit` takes
// them) and the Audit log's local search text. since, before, direction and
// limit are the watcher's own. A saved audit view carries the same two
// parts, so a view becomes a watch rule without translation.

#include "api/auditquery.h"

#include <QJsonObject>
#include <QString>

namespace models {

struct AuditWatchQuery
{
    api::AuditQuery filters; // only the filter values are used
    QString search;          // AuditFilterSpec::text: case-insensitive, any shown field

    bool hasFilters() const;
    // {"filters":{"action_type":{"include":[…],"exclude":[…]},…},"search":"…"}
    QJsonObject toJson() const;
    static AuditWatchQuery fromJson(const QJsonObject &object);
    // "action_type=delete, actor_email≠bot@x.example, “search”", for lists and tooltips.
    QString summary() const;
    // The filters as editable text, one condition per line: key=value or
    // key!=value (values of one key OR-ed, keys AND-ed), e.g.
    // "action_type=delete\nactor_email!=bot@example.com".
    QString filterText() const;
    // Reads filterText() back into filters; false with error naming the line.
    bool setFilterText(const QString &text, QString *error);

    friend bool operator==(const AuditWatchQuery &a, const AuditWatchQuery &b)
    {
        return a.search == b.search && sameFilters(a.filters, b.filters);
    }
    static bool sameFilters(const api::AuditQuery &a, const api::AuditQuery &b);
};

} // namespace models
