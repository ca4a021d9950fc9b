#pragma once
// What to aggregate: measure, drill-down filters, grouping, time buckets.

#include "usagetypes.h"

#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace models {

struct CostEstimate;

// dimension = key, where key is the value's id on the wire (or its name when
// the API sent no id), as returned by UsageCube::valueKey(). Several filters
// on the same dimension mean "any of these"; different dimensions must all hold.
struct UsageFilter
{
    UsageDimension dimension = UsageDimension::ProductFamily;
    QString key;
    QString label; // for breadcrumbs; not used for matching
    friend bool operator==(const UsageFilter &a, const UsageFilter &b)
    {
        return a.dimension == b.dimension && a.key == b.key;
    }
};

struct UsageQuery
{
    UsageMeasure measure = UsageMeasure::ConsumedQuantity;
    QList<UsageFilter> filters;
    QList<UsageDimension> groupBy; // zero, one or two levels; more are ignored
    UsageGranularity granularity = UsageGranularity::Day;
    UsageDayRange range;         // empty: every day the cube holds
    UsageDayRange previousRange; // empty: as many days immediately before range
    int topN = 0;                // > 0: keep the N largest groups and fold the rest into "Other"
    bool includeCorrections = true;
    // Quantity only: keep the rows of this ConsumedUnit, so that no total adds
    // requests to gigabytes. Empty: every unit (totals may then be mixed).
    QString unit;
    // A second cost measure summed per group beside the first (e.g. estimated
    // beside billed): UsageAggregate::compareTotal() and the pivot's
    // difference column. Ignored for quantities.
    std::optional<UsageMeasure> compare;
    // For UsageMeasure::EstimatedCost: the estimate of the same cube (one
    // cost per row, NaN = unpriced). Immutable, so workers may share it.
    std::shared_ptr<const CostEstimate> estimate;

    friend bool operator==(const UsageQuery &, const UsageQuery &) = default;
};

} // namespace models
