#pragma once
// CSV export of usage records and of a pivot. RFC 4180 (comma, CRLF, quotes
// doubled, fields with comma/quote/line break quoted) and safe to open in a
// spreadsheet: a text field starting with = + - @ tab or CR gets a leading
// apostrophe so it is not run as a formula. Numbers are written unformatted
// (shortest round-trip, '.' decimal point) and never prefixed.

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
    static QString textField(const QString &text); // quoted/neutralised as needed
    static QString numberField(double value);
    static QByteArray line(const QStringList &fields); // fields already escaped, CRLF-terminated

    // FOCUS column names, one per exported column.
    static QStringList recordHeader();
    // Rows of the cube that pass query's filters, range and correction choice
    // (groupBy, measure and granularity are ignored), in storage order.
    static bool writeRecords(QIODevice *out, const UsageCube &cube, const UsageQuery &query = {});
    static bool writeRecords(QIODevice *out, const QList<api::UsageRecord> &records);

    // Group label columns, one column per bucket, Total, Previous, Change,
    // Change %, then a totals line; groups in the aggregate's order.
    static bool writePivot(QIODevice *out, const UsageAggregate &aggregate);
};

} // namespace models
