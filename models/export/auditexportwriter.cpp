#include "models/export/auditexportwriter.h"

#include "models/audit/auditentryjson.h"
#include "models/export/exportcolumns.h"

#include <QIODevice>

#include <algorithm>

namespace models {

bool AuditExportWriter::writeRows(QIODevice *device, Format format, const models::AuditSnapshot &snapshot,
                                  std::span<const quint32> rows, const std::function<bool(qint64)> &progress,
                                  QString *error, const FullEntries &fullEntries, qint64 *rebuilt,
                                  const QTimeZone &zone)
{
    const auto &columns = ExportColumns::auditEvents();
    const QList<bool> numeric = ExportColumns::numericFlags(columns);
    models::RecordExporter out(device, format);
    out.setTimeZone(zone);
    out.begin(columns);
    qint64 done = 0;
    qint64 synthesized = 0;
    bool canceled = false;
    // Rows go in batches so full entries can be looked up a batch at a time.
    constexpr std::size_t kBatch = 2048;
    for (std::size_t from = 0; from < rows.size() && !canceled && out.ok(); from += kBatch) {
        const std::span<const quint32> batch = rows.subspan(from, std::min(kBatch, rows.size() - from));
        QHash<QString, QByteArray> full;
        if (format == Format::Json && fullEntries) {
            QStringList ids;
            ids.reserve(qsizetype(batch.size()));
            for (quint32 row : batch)
                ids.append(snapshot.key(AuditKey::EntryId, row));
            full = fullEntries(ids);
        }
        for (quint32 row : batch) {
            if (!out.ok())
                break;
            const api::AuditEvent e = auditentryjson::eventAt(snapshot, row);
            QByteArray json;
            if (format == Format::Json) {
                json = full.value(e.id);
                if (json.isEmpty()) {
                    json = auditentryjson::encode(e);
                    ++synthesized;
                }
            }
            out.addRow(format == Format::Csv ? ExportColumns::row(columns, e, out.timeZone()) : QStringList(),
                       numeric, json);
            ++done;
        }
        if (progress && !progress(done))
            canceled = true;
    }
    const bool ok = out.finish() && !canceled;
    if (rebuilt)
        *rebuilt = synthesized;
    if (!ok && error)
        *error = canceled ? QStringLiteral("canceled") : device->errorString();
    return ok;
}

} // namespace models
