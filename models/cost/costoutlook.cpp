#include "costoutlook.h"

#include "models/usage/usageaggregator.h"
#include "models/usage/usagecube.h"

#include <cmath>

namespace models {

CostOutlook computeCostOutlook(const UsageCube &cube, const QList<UsageFilter> &filters,
                               const std::shared_ptr<const CostEstimate> &estimate, const Budget &budget)
{
    CostOutlook out;
    if (cube.rowsWithMeasure(UsageMeasure::BilledCost) > 0)
        out.measure = UsageMeasure::BilledCost;
    else if (estimate && estimate->pricedRows > 0 && qsizetype(estimate->rowCost.size()) == cube.rowCount())
        out.measure = UsageMeasure::EstimatedCost;
    else
        return out;
    const UsageDayRange extent = cube.dayExtent();
    if (extent.isEmpty())
        return out;
    const qint32 asOf = extent.last;
    const qint32 monthFirst = usageday::monthStart(asOf);
    const qint32 previousFirst = usageday::monthStart(monthFirst - 1);

    UsageQuery q;
    q.measure = out.measure;
    q.estimate = estimate;
    q.filters = filters;
    q.groupBy = {UsageDimension::ProductFamily};
    q.granularity = UsageGranularity::Day;
    q.range = {monthFirst - 35, asOf}; // five weeks of history before the month
    q.previousRange = {previousFirst, monthFirst - 1};
    const UsageAggregate agg = UsageAggregator::aggregate(cube, q);
    out.currency = agg.currency();

    // Days never fetched are unknown, not free.
    const auto covered = cube.coveredRanges();
    const auto isCovered = [&covered](qint32 day) {
        for (const UsageDayRange &r : covered) {
            if (r.contains(day))
                return true;
        }
        return false;
    };
    const auto seriesOf = [&](auto value) {
        DailySeries s;
        s.firstDay = q.range.first;
        for (qint32 day = q.range.first; day <= q.range.last; ++day)
            s.values.push_back(isCovered(day) ? value(int(day - q.range.first)) : std::nan(""));
        return s;
    };
    // Day buckets map one to one onto days of the range.
    if (agg.bucketCount() != q.range.dayCount())
        return out;
    out.forecast = forecastMonth(seriesOf([&agg](int b) { return agg.columnTotal(b); }), asOf);
    if (!out.forecast.valid)
        return out;
    out.valid = true;

    QMap<QString, double> forecastByFamily, previousByFamily, toDateByFamily;
    for (int g = 0; g < agg.groupCount(); ++g) {
        const UsageGroup &group = agg.group(g);
        const QString family = group.label;
        const MonthForecast f = forecastMonth(seriesOf([&agg, g](int b) { return agg.value(g, b); }), asOf);
        forecastByFamily[family] += f.valid ? f.forecast : 0.0;
        toDateByFamily[family] += f.valid ? f.monthToDate : 0.0;
        previousByFamily[family] += agg.previous(g);
    }
    out.budget = checkBudget(budget, forecastByFamily, previousByFamily);
    for (BudgetStatus::Family &f : out.budget.families)
        f.monthToDate = toDateByFamily.value(f.name);
    return out;
}

} // namespace models
