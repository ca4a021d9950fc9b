#pragma once
// A saved view taken from the controllers that hold the state and put back
// into them. What only the pages hold (the audit columns, the usage range
// preset and chart kind) the pages fill in and apply themselves.

#include "models/views/savedview.h"

namespace models {

class AuditController;
class UsageController;

// The controller's draft (as it stands), local filter and sort.
SavedAuditQuery captureAuditView(const AuditController &controller);
// Sets the draft, the local filter and the sort; the caller runs the query.
void applyAuditView(AuditController &controller, const SavedAuditQuery &query);

// Measure (and compared cost), unit, grouping, granularity, top N,
// corrections, drill-down filters and the range as a custom one.
SavedUsageView captureUsageView(const UsageController &controller);
// The same back, the range computed for today (UTC).
void applyUsageView(UsageController &controller, const SavedUsageView &view, QDate today);

} // namespace models
