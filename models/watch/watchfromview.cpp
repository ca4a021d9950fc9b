#include "models/watch/watchfromview.h"

#include "models/views/savedview.h"

namespace models {

AuditWatchQuery watchQueryFromView(const SavedAuditQuery &view, bool *droppedColumnFilters)
{
    AuditWatchQuery watch;
    // Any instant gives the same filter values; only the range depends on it.
    const api::AuditQuery query = view.query(0);
    for (const api::AuditQuery::Field &f : api::AuditQuery::fields())
        watch.filters.*(f.member) = query.*(f.member);
    watch.search = view.search;
    if (droppedColumnFilters)
        *droppedColumnFilters = !view.columnValues.isEmpty();
    return watch;
}

} // namespace models
