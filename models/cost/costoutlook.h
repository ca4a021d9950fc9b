#pragma once
// This month's cost at a glance: month to date, the forecast to month end
// with its band, and the budget check per product family. Computed on a
// worker from a cube snapshot (billed cost when the API sends it, else the
// rate-card estimate).

#include "models/cost/costestimator.h"
#include "models/cost/costforecast.h"
#include "models/usage/usagequery.h"

#include <memory>

namespace models {

class UsageCube;

struct CostOutlook
{
    bool valid = false;
    UsageMeasure measure = UsageMeasure::EstimatedCost; // BilledCost or EstimatedCost
    QString currency;
    MonthForecast forecast; // the whole organization (under the view's filters)
    BudgetStatus budget;
};

CostOutlook computeCostOutlook(const UsageCube &cube, const QList<UsageFilter> &filters,
                               const std::shared_ptr<const CostEstimate> &estimate, const Budget &budget);

} // namespace models
