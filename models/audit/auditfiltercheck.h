#pragma once
// Checks each entry of an audit page against the positive (non-".not")
// filters a query sent. The public documentation does not confirm that the
// endpoint honours them (API.md §9.4): when an entry that contradicts one
// comes back, the server ignored that filter, and the entry is dropped here
// so the table still shows what the query asked for. A pure value: the
// controller keeps one per load.

#include "api/auditquery.h"

#include <QStringList>
#include <vector>

namespace api {
struct AuditColumns;
}

namespace models {

class AuditFilterCheck
{
public:
    AuditFilterCheck() = default;
    explicit AuditFilterCheck(const api::AuditQuery &query);

    // The query sent positive filters: there is something to check.
    bool isActive() const { return !m_keys.empty(); }

    struct Result
    {
        std::vector<bool> drop;  // per entry of the page: contradicts a filter sent
        qsizetype dropped = 0;   // entries set in drop
        QStringList ignoredKeys; // wire keys the server evidently ignored, in fields() order
    };
    // Entries whose field is absent cannot be judged and are kept (a lenient
    // read leaves a broken field empty); values compare case-insensitively.
    Result check(const api::AuditColumns &page) const;

private:
    struct Key
    {
        QString wireKey;
        QStringList values;
    };
    std::vector<Key> m_keys;
};

} // namespace models
