#pragma once
// The columns every export of a record type uses (CLI `orgscope export` and
// the GUI's export actions), so a CSV looks the same wherever it came from.

#include "api/records.h"
#include "models/export/exportcolumn.h"

#include <QList>
#include <QStringList>
#include <QTimeZone>

namespace models {

class ExportColumns
{
public:
    static const QList<ExportColumn<api::Organization>> &organizations();
    static const QList<ExportColumn<api::Account>> &accounts();
    static const QList<ExportColumn<api::Member>> &members();
    static const QList<ExportColumn<api::AuditEvent>> &auditEvents();
    static const QList<ExportColumn<api::UsageRecord>> &usageRecords();

    // ISO 8601 UTC with milliseconds, empty for an invalid time.
    static QString time(const QDateTime &t);
    // ISO 8601 with milliseconds in `zone`, with its offset ("Z" for UTC).
    static QString time(const QDateTime &t, const QTimeZone &zone);
    static QString number(const std::optional<double> &v);
    static QString boolean(const std::optional<bool> &v);

    template <typename Record> static QStringList headers(const QList<ExportColumn<Record>> &columns)
    {
        QStringList out;
        for (const auto &c : columns)
            out << c.header;
        return out;
    }
    // Times in UTC, or in `zone` with its offset. Usage records' times stay
    // UTC whatever the zone: usage is counted in the API's UTC days.
    template <typename Record>
    static QStringList row(const QList<ExportColumn<Record>> &columns, const Record &record,
                           const QTimeZone *zone = nullptr)
    {
        QStringList out;
        out.reserve(columns.size());
        for (const auto &c : columns)
            out << (zone && c.when ? time(c.when(record), *zone) : c.value(record));
        return out;
    }
    template <typename Record> static QList<bool> numericFlags(const QList<ExportColumn<Record>> &columns)
    {
        QList<bool> out;
        for (const auto &c : columns)
            out << c.numeric;
        return out;
    }
};

} // namespace models
