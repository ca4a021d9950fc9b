#pragma once
// Export of loaded audit rows through the shared RecordExporter (the
// writer and columns `orgscope export audit` uses), so GUI and CLI files agree.
// Loaded rows are compact: a JSON export takes each entry as received from
// the archive when a lookup is given and the archive has it, and otherwise
// rebuilds it in the API's shape from its fields (without request/response
// bodies, through models::auditentryjson). Qt Core only, so it runs on a
// worker thread over a snapshot.

#include "models/audit/auditsnapshot.h"
#include "models/export/recordexporter.h"

#include "api/records.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <functional>
#include <span>

class QIODevice;

namespace models {

class AuditExportWriter
{
public:
    using Format = RecordExporter::Format;

    // Full entries by id (those it knows), e.g. from an AuditArchive.
    using FullEntries = std::function<QHash<QString, QByteArray>(const QStringList &ids)>;

    // Writes rows of snapshot; progress(done) is called every few thousand
    // rows and stops the export when it returns false. For JSON, fullEntries
    // (when set) supplies the entries as received; *rebuilt counts the
    // entries that had to be rebuilt from their compact fields. CSV times are
    // written in `zone` with its offset (UTC when invalid).
    static bool writeRows(QIODevice *device, Format format, const AuditSnapshot &snapshot,
                          std::span<const quint32> rows, const std::function<bool(qint64)> &progress,
                          QString *error, const FullEntries &fullEntries = {}, qint64 *rebuilt = nullptr,
                          const QTimeZone &zone = {});
};

} // namespace models
