#pragma once
// A saved audit view as a watch rule's query (issue 23: "any saved audit view
// can be watched"). The rule keeps the view's server filters (include and
// exclude) and its search text; the time range does not apply to a watch
// (it follows new entries), and the view's per-column value filters are
// not carried (the rule would have to be told apart from the view's
// table state); watchQueryFromView says so through *dropped.

#include "models/watch/auditwatchquery.h"

namespace models {

struct SavedAuditQuery;
struct SavedView;

AuditWatchQuery watchQueryFromView(const SavedAuditQuery &view, bool *droppedColumnFilters = nullptr);

} // namespace models
