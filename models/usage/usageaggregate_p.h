#pragma once
// Storage of UsageAggregate, filled by UsageAggregator only.

#include "usageaggregate.h"

namespace models {

struct UsageAggregate::Data
{
    UsageQuery query;
    UsageDayRange range;
    UsageDayRange previousRange;
    bool rangeCovered = false;
    bool previousCovered = false;
    QList<UsageGroup> groups;
    // bucket b spans [bucketFirst[b], bucketLast[b]] (day numbers)
    std::vector<qint32> bucketFirst;
    std::vector<qint32> bucketLast;
    std::vector<qint32> bucketPeriod;
    std::vector<double> matrix; // groups x buckets, row-major
    std::vector<double> rowTotals;
    std::vector<double> columnTotals;
    std::vector<double> previous;
    double grandTotal = 0;
    double previousTotal = 0;
    QString unit;
    bool unitsMixed = false;
    bool measureAvailable = true;
    QString currency;
    qsizetype matchedRows = 0;
    qsizetype correctionRows = 0;
    qsizetype rowsWithoutMeasure = 0;
    QList<UsageUnitCount> units;
    bool hasComparison = false;
    std::vector<double> compareTotals;
    double compareGrandTotal = 0;
    qsizetype rowsWithoutCompare = 0;
};

} // namespace models
