#pragma once
// CSV export of usage records and of a pivot, through the shared
// models/export writer (RFC 4180, formula-injection safe), with the same
// record columns as `orgscope export usage` (ExportColumns::usageRecords()).

#include "usageaggregate.h"
#include "usagecube.h"

#include <QIODevice>
#include <QStringList>

namespace api {
struct UsageRecord;
}

namespace models {

class UsageCsv
{
public:
    static QString textField(const QString &text); // one escaped text cell
    static QString numberField(double value);      // shortest round-trip, '.' decimal point

    // ExportColumns::usageRecords() headers (FOCUS column names).
    static QStringList recordHeader();
    // Rows of the cube that pass query's filters, range and correction choice
    // (groupBy, measure and granularity are ignored), in storage order.
    // Columns the cube does not keep (pricing, billing period, providers,
    // tags) are empty; ChargePeriodEnd is the next midnight (daily records).
    static bool writeRecords(QIODevice *out, const UsageCube &cube, const UsageQuery &query = {});
    static bool writeRecords(QIODevice *out, const QList<api::UsageRecord> &records);

    // Group label columns, one column per bucket, Total, Previous, Change,
    // Change %, then a totals line; groups in the aggregate's order.
    static bool writePivot(QIODevice *out, const UsageAggregate &aggregate);
};

} // namespace models
