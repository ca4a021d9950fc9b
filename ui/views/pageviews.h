#pragma once
// A saved view taken from the Audit log and Usage pages and put back into
// them: the controllers' state (models/views/savedviewbinding.h) plus what
// only the pages hold (edits typed in the query bar, the search box, the
// audit columns, the usage range preset and chart kind).

#include "models/views/savedview.h"

#include <QObject>
#include <QPointer>

namespace ui {

class AuditLogPage;
class UsagePage;

models::SavedAuditQuery captureAuditPage(const AuditLogPage &page);
// Replaces the page's query, local filters, columns and sort, and runs it.
void applyAuditPage(AuditLogPage &page, const models::SavedAuditQuery &query);

models::SavedUsageView captureUsagePage(const UsagePage &page);
// Sets range, measure, unit, grouping, granularity, top N, corrections,
// drill-down and chart. A cost measure the loaded data does not offer yet is
// chosen once it does (the measure list follows the data).
void applyUsagePage(UsagePage &page, const models::SavedUsageView &view);

QString usageChartToken(int chartKind);
int usageChartKind(const QString &token);

} // namespace ui
