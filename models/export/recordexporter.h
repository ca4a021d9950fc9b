#pragma once
// Streams records to a device as CSV (header + one row per record) or as a
// JSON array of the API's objects exactly as received (rawJson). CSV times
// are UTC unless setTimeZone() names another zone: then they carry its offset
// (JSON keeps the API's own UTC times).

#include "models/export/csvwriter.h"
#include "models/export/exportcolumns.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

class QIODevice;

namespace models {

class RecordExporter
{
public:
    enum class Format { Csv, Json };

    RecordExporter(QIODevice *device, Format format) : m_device(device), m_format(format) {}

    void setTimeZone(const QTimeZone &zone) { m_zone = zone == QTimeZone::utc() ? QTimeZone() : zone; }
    // The zone CSV times are written in; null for UTC.
    const QTimeZone *timeZone() const { return m_zone.isValid() ? &m_zone : nullptr; }

    // Writes the CSV header or the opening bracket.
    bool begin(const QStringList &headers);
    bool addRow(const QStringList &cells, const QList<bool> &numeric, const QByteArray &rawJson);
    // Closing bracket (JSON); false when any write failed.
    bool finish();

    template <typename Record> bool begin(const QList<ExportColumn<Record>> &columns)
    {
        m_numeric = ExportColumns::numericFlags(columns);
        return begin(ExportColumns::headers(columns));
    }
    template <typename Record>
    bool add(const QList<ExportColumn<Record>> &columns, const QList<Record> &records)
    {
        for (const Record &r : records)
            if (!addRow(m_format == Format::Csv ? ExportColumns::row(columns, r, timeZone()) : QStringList(),
                        m_numeric, r.rawJson))
                return false;
        return true;
    }

    // Continue an export whose header (and `rows` records) the device already
    // holds: an interrupted `orgscope export --output` run taken up with --resume.
    template <typename Record> void resume(const QList<ExportColumn<Record>> &columns, qint64 rows)
    {
        m_numeric = ExportColumns::numericFlags(columns);
        m_rows = rows;
    }

    qint64 rows() const { return m_rows; }
    bool ok() const { return m_ok; }

private:
    bool write(const QByteArray &bytes);

    QIODevice *m_device;
    Format m_format;
    QList<bool> m_numeric;
    qint64 m_rows = 0;
    bool m_ok = true;
    QTimeZone m_zone;
};

} // namespace models
