#pragma once
// Estimated cost of every row of a usage cube under a rate card.
//
// The rule (docs/RATE-CARD.md): for each billing account x metric x UTC month,
// days are taken in order and the month's allowance is used up first; a day
// costs price x the part of its PricingQuantity beyond what remains of the
// allowance, shared among that day's rows in proportion to their quantity.
// Corrections are priced with no allowance (a credit gives a negative cost).
// A metric the card does not price, or priced in another unit, is unpriced:
// its rows get NaN, never 0.
//
// Pure and thread-safe on an immutable cube snapshot: the page runs it on a
// worker thread.

#include "models/cost/ratecard.h"
#include "models/usage/usagecube.h"

#include <QList>
#include <QString>
#include <functional>
#include <limits>
#include <span>
#include <vector>

namespace api {
struct UsageRecord;
}

namespace models {

struct CostEstimate
{
    struct Unpriced
    {
        QString metricKey;  // id on the wire (or the name when there is none)
        QString metricName; // display name as received
        QString unit;       // the records' ConsumedUnit
        QString reason;     // why it is unpriced, for the notice
        qsizetype rows = 0;
        bool operator==(const Unpriced &) const = default;
    };

    std::vector<double> rowCost; // per cube row; NaN when unpriced
    QString currency;
    QList<Unpriced> unpriced;
    qsizetype pricedRows = 0;
    qsizetype unpricedRows = 0;
    double total = 0.0; // sum over priced rows

    static constexpr double Unknown = std::numeric_limits<double>::quiet_NaN();
    bool isEmpty() const { return rowCost.empty(); }
};

// The columns the rule reads, for any row source. Ids index dictionaries the
// callbacks resolve; flags use UsageCube's Correction and HasQuantity bits.
struct CostInput
{
    enum Flag : quint8 { Correction = 0x01, HasQuantity = 0x02 };
    std::span<const qint32> days;
    std::span<const qint32> accounts; // 0 = no billing account (one bucket)
    std::span<const qint32> metrics;
    std::span<const qint32> units;
    std::span<const double> quantities;
    std::span<const quint8> flags;
    qint32 accountCount = 0;
    qint32 metricCount = 0;
    qint32 unitCount = 0;
    UsageDayRange extent; // first and last day of any row
    std::function<QString(qint32)> metricKey;
    std::function<QString(qint32)> metricName;
    std::function<QString(qint32)> unitName;
};

CostEstimate estimateCost(const CostInput &input, const RateCard &card);
CostEstimate estimateCost(const UsageCube &cube, const RateCard &card);
// One cost per record, in the list's order (the export path); records
// without a valid ChargePeriodStart get NaN.
CostEstimate estimateCost(const QList<api::UsageRecord> &records, const RateCard &card);

// Days of the UTC month holding `day` (days since 1970-01-01).
int daysInMonthOf(qint32 day);

} // namespace models
