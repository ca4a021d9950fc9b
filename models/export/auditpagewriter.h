#pragma once
// Streams decoded audit pages (api::AuditColumns) to a device as CSV or as a
// JSON array of the entries exactly as received, without building a record
// per entry: JSON copies each entry's bytes out of the page, CSV escapes
// each distinct value of a page once and formats times itself. The output
// is byte for byte what RecordExporter writes for the same entries (the
// columns are ExportColumns::auditEvents()); `orgscope export audit` uses it.

#include "models/export/recordexporter.h"

#include <QByteArray>

#include <functional>
#include <memory>
#include <string>
#include <vector>

class QIODevice;

namespace api {
struct AuditColumns;
}

namespace models {

class AuditPageWriter
{
public:
    using Format = RecordExporter::Format;

    AuditPageWriter(QIODevice *device, Format format);

    // Writes the CSV header or the opening bracket.
    bool begin();
    // The whole page reaches the device before this returns (a resumable
    // export records its position after each page). Entries set in `skip`
    // (one flag per entry, e.g. AuditFilterCheck's drop) are left out.
    bool add(const api::AuditColumns &page, const std::vector<bool> *skip = nullptr);
    // Continues an output that already holds the header and `rows` entries
    // (orgscope export --resume): nothing is written now.
    void resume(qint64 rows) { m_rows = rows; }
    // Closing bracket (JSON) and the last buffered bytes; false when any write failed.
    bool finish();

    qint64 rows() const { return m_rows; }
    bool ok() const { return m_ok; }
    // CSV times in this zone with its offset (ExportColumns::time); UTC by default.
    void setTimeZone(const QTimeZone &zone) { m_zone = zone == QTimeZone::utc() ? QTimeZone() : zone; }

    // ISO 8601 UTC with milliseconds, as ExportColumns::time() writes a QDateTime.
    static void appendTime(QByteArray &out, qint64 msSinceEpoch);
    // One CSV text cell, as CsvWriter::cell() escapes it, from UTF-8.
    static void appendCell(QByteArray &out, QByteArrayView utf8);

    // Formats a page's CSV rows for add() to write as they are. For
    // api::AuditPager::setPrepare: it runs on the decoding threads, so a CSV
    // export formats pages while the network fetches the next (and several
    // pages at once where api::decodePool() has more than one thread).
    // It holds copies of the writer's settings (call it after setTimeZone),
    // never the writer. Empty for JSON (its rows are the entries' own bytes).
    using Prepare = std::function<std::shared_ptr<const QByteArray>(const api::AuditColumns &page)>;
    Prepare preparer() const;

private:
    void addCsv(const api::AuditColumns &page, const std::vector<bool> *skip);
    // Appends the rows to `out`; the number of rows.
    static qint64 formatCsv(const api::AuditColumns &page, const std::vector<bool> *skip,
                            const QTimeZone &zone, QByteArray &out);
    static qint64 formatCsvRanges(const api::AuditColumns &page, const std::vector<bool> *skip,
                                  const QTimeZone &zone, QByteArray &out);
    static qsizetype csvBytesFor(const api::AuditColumns &page);
    bool flush(bool force);

    QIODevice *m_device;
    Format m_format;
    // The JSON entries and the CSV header. std::string: QByteArray's append
    // goes through insert(), about twice as dear for small pieces. CSV rows
    // are formatted through a pointer instead (formatCsv) and written as they are.
    std::string m_buffer;
    qint64 m_rows = 0;
    bool m_ok = true;
    QTimeZone m_zone;
};

} // namespace models
