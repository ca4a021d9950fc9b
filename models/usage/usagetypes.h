#pragma once
// Vocabulary shared by the usage data layer: dimensions, measures, time
// granularity and whole-day ranges. Days are counted from 1970-01-01 (UTC)
// so that a day fits in an int32 and bucketing is integer arithmetic.

#include <QDate>
#include <QList>
#include <QString>
#include <cstdint>

namespace models {

// Groupable dimensions of a FOCUS usage record. The order is also the
// drill-down order used by UsageDrillDown.
enum class UsageDimension : std::uint8_t {
    ProductFamily,
    Metric,
    Account,
    SubAccount,
    Zone,
    Region,
    ChargeDescription,
    Category,
    // The organization a record was fetched for: set only on a roll-up
    // across the organization tree (UsageCube::setOrganization), empty on a
    // single organization's cube. Not in the drill order: drilling into an
    // organization goes to its accounts.
    Organization,
};
inline constexpr int UsageDimensionCount = 9;

enum class UsageMeasure : std::uint8_t {
    ConsumedQuantity,
    BilledCost,
    EffectiveCost,
    ListCost,
    ContractedCost,
    // From a rate card (models/cost), not from the API: the aggregator reads it
    // from UsageQuery::estimate, NaN meaning unpriced.
    EstimatedCost,
};
inline constexpr int UsageMeasureCount = 6;

enum class UsageGranularity : std::uint8_t {
    Day,
    Week, // ISO weeks, starting on Monday
    Month,
    Cumulative, // one bucket per day holding the running total
};

QString usageDimensionName(UsageDimension dimension);  // user-facing, e.g. "Product family"
QString usageDimensionToken(UsageDimension dimension); // stable, e.g. "product_family"
QString usageMeasureName(UsageMeasure measure);
QString usageGranularityName(UsageGranularity granularity);
inline bool usageMeasureIsCost(UsageMeasure m)
{
    return m != UsageMeasure::ConsumedQuantity;
}

// Day number <-> calendar date (UTC days since 1970-01-01).
namespace usageday {
inline constexpr qint64 EpochJulianDay = 2440588; // QDate(1970, 1, 1).toJulianDay()
inline qint32 fromDate(QDate date)
{
    return qint32(date.toJulianDay() - EpochJulianDay);
}
inline QDate toDate(qint32 day)
{
    return QDate::fromJulianDay(qint64(day) + EpochJulianDay);
}
// Monday of the ISO week holding `day` (1970-01-01 was a Thursday).
inline qint32 weekStart(qint32 day)
{
    const qint32 sinceMonday = ((day + 3) % 7 + 7) % 7;
    return day - sinceMonday;
}
qint32 monthStart(qint32 day);
} // namespace usageday

// An inclusive range of whole UTC days.
struct UsageDayRange
{
    qint32 first = 0;
    qint32 last = -1; // last < first means empty

    static UsageDayRange fromDates(QDate from, QDate to)
    {
        return {usageday::fromDate(from), usageday::fromDate(to)};
    }
    bool isEmpty() const { return last < first; }
    qint32 dayCount() const { return isEmpty() ? 0 : last - first + 1; }
    bool contains(qint32 day) const { return day >= first && day <= last; }
    QDate firstDate() const { return usageday::toDate(first); }
    QDate lastDate() const { return usageday::toDate(last); }
    friend bool operator==(const UsageDayRange &, const UsageDayRange &) = default;

    // Consecutive windows of at most maxDays days that cover the range with
    // no gap and no overlap (the API accepts at most 31 days per request).
    QList<UsageDayRange> splitIntoWindows(int maxDays = 31) const;
};

} // namespace models
