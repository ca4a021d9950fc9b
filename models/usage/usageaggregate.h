#pragma once
// The immutable result of one aggregation: groups x time buckets with row,
// column and grand totals and the previous period per group. Cheap to copy
// (shared), safe to hand from a worker thread to the GUI thread.

#include "usagequery.h"

#include <QDate>
#include <QList>
#include <QString>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace models {

struct UsageGroupKey
{
    UsageDimension dimension = UsageDimension::ProductFamily;
    QString key;   // UsageCube::valueKey(), usable as a UsageFilter key
    QString label; // display name
};

struct UsageGroup
{
    QList<UsageGroupKey> keys; // one per grouping level; empty for "Other" and for "no grouping"
    QString label;             // levels joined with " › ", "Other", or "Total"
    bool isOther = false;
    int foldedGroups = 0;    // how many groups "Other" holds
    QString unit;            // ConsumedUnit of the group, or the currency for costs; empty when mixed
    bool mixedUnits = false; // quantities of different units were added (only for quantity)
    qsizetype rows = 0;      // records in the current range
    qsizetype correctionRows = 0;
};

struct UsageUnitCount
{
    QString unit;
    qsizetype rows = 0;
    friend bool operator==(const UsageUnitCount &, const UsageUnitCount &) = default;
};

class UsageAggregate
{
public:
    UsageAggregate(); // empty: no groups, no buckets

    const UsageQuery &query() const;
    UsageMeasure measure() const { return query().measure; }
    UsageGranularity granularity() const { return query().granularity; }
    UsageDayRange range() const;         // the days aggregated (query range or the cube's extent)
    UsageDayRange previousRange() const; // the days the "previous" values come from
    bool rangeCovered() const;           // every day of range() was fetched
    bool previousCovered() const;        // every day of previousRange() was fetched

    int groupCount() const;
    const UsageGroup &group(int g) const;
    // The group with these keys (same dimensions and values), or -1.
    int findGroup(const QList<UsageGroupKey> &keys) const;
    int bucketCount() const;
    // First and last day of bucket b inside range() (weeks and months are
    // clipped to the range); period start is the Monday or the 1st.
    QDate bucketStart(int b) const;
    QDate bucketLast(int b) const;
    QDate bucketPeriodStart(int b) const;
    QString bucketLabel(int b) const; // "2026-11-20", "2026-W47", "2026-11"
    // A week or month the range cuts: fewer days than its period has
    // (bucketDays() of bucketPeriodDays()). A chart marks it so that a short
    // bucket does not read as a drop.
    bool bucketPartial(int b) const { return bucketDays(b) < bucketPeriodDays(b); }
    int bucketDays(int b) const;
    int bucketPeriodDays(int b) const;

    // For Cumulative, value() is the running total up to the bucket.
    double value(int g, int b) const;
    std::span<const double> series(int g) const;
    double rowTotal(int g) const;
    double columnTotal(int b) const;
    double grandTotal() const;
    double previous(int g) const;
    double previousTotal() const;
    double change(int g) const { return rowTotal(g) - previous(g); }
    std::optional<double> changePercent(int g) const; // none when the previous value is 0

    // The unit every group shares (the currency for costs), empty when mixed.
    QString unit() const;
    // Quantity measure across metrics of different units: totals add apples
    // and oranges, so a view should say so or group by metric.
    bool unitsMixed() const;
    // The ConsumedUnits of the records in range() that pass the filters (before
    // UsageQuery::unit), most records first: what a unit selector offers.
    const QList<UsageUnitCount> &units() const;

    // The comparison measure (UsageQuery::compare) per group and in total;
    // NaN where no record of the group carries it.
    bool hasComparison() const;
    std::optional<UsageMeasure> compareMeasure() const;
    double compareTotal(int g) const;
    double compareGrandTotal() const;
    qsizetype rowsWithoutCompare() const; // rows counted in the measure but lacking the comparison

    // False when asking for a cost column no record carries (usage-only API).
    bool measureAvailable() const;
    QString currency() const;
    qsizetype matchedRows() const;        // records in range() that passed the filters
    qsizetype correctionRows() const;     // of which corrections
    qsizetype rowsWithoutMeasure() const; // passed the filters but lack the measure

    struct Data; // defined in usageaggregate_p.h, filled by UsageAggregator

private:
    friend class UsageAggregator;
    explicit UsageAggregate(std::shared_ptr<const Data> data);
    const Data &data() const;
    std::shared_ptr<const Data> d;
};

} // namespace models
