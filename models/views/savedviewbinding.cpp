#include "models/views/savedviewbinding.h"

#include "models/audit/auditcontroller.h"
#include "models/audit/audittablemodel.h"
#include "models/usage/usagecontroller.h"

namespace models {

SavedAuditQuery captureAuditView(const AuditController &controller)
{
    SavedAuditQuery q = SavedAuditQuery::fromDraft(controller.draft());
    q.setLocalFilter(controller.table()->filter());
    const AuditSortSpec sort = controller.table()->sortSpec();
    q.sortColumn = sort.isNatural() ? -1 : sort.column;
    q.sortOrder = sort.order;
    return q;
}

void applyAuditView(AuditController &controller, const SavedAuditQuery &query)
{
    controller.setDraft(query.draft());
    controller.table()->setFilter(query.localFilter());
    controller.table()->sort(query.sortColumn, query.sortOrder);
}

SavedUsageView captureUsageView(const UsageController &controller)
{
    const UsageQuery q = controller.query();
    SavedUsageView v;
    v.rangePreset = UsageRangePreset::Custom;
    if (!controller.range().isEmpty()) {
        v.from = controller.range().firstDate();
        v.to = controller.range().lastDate();
    }
    v.measure = q.measure;
    v.compare = q.compare;
    v.unit = q.unit;
    v.groupBy = q.groupBy;
    v.granularity = q.granularity;
    v.topN = q.topN;
    v.includeCorrections = q.includeCorrections;
    v.filters = q.filters;
    return v;
}

void applyUsageView(UsageController &controller, const SavedUsageView &view, QDate today)
{
    controller.setRange(view.range(today));
    controller.setCompare(view.compare);
    controller.setMeasure(view.measure);
    controller.setUnit(view.unit);
    controller.setGranularity(view.granularity);
    controller.setTopN(view.topN);
    controller.setIncludeCorrections(view.includeCorrections);
    controller.setDrillFilters(view.filters);
    if (!view.groupBy.isEmpty())
        controller.setGroupBy(view.groupBy);
}

} // namespace models
