#pragma once
// Export of loaded audit rows through the shared models::RecordExporter (the
// writer and columns `orgscope export audit` uses), so GUI and CLI files agree.
// Loaded rows are compact: JSON entries are rebuilt in the API's shape from
// their fields (request/response bodies stay in the archive). Qt Core only,
// so it runs on a worker thread over a snapshot.

#include "models/audit/auditsnapshot.h"
#include "models/export/recordexporter.h"

#include "api/records.h"

#include <QString>
#include <functional>
#include <span>

class QIODevice;

namespace ui {

class AuditExportWriter
{
public:
    using Format = models::RecordExporter::Format;

    // The compact fields of a loaded row as a record (no bodies, no rawJson).
    static api::AuditEvent event(const models::AuditSnapshot &snapshot, quint32 row);
    // The entry in the API's JSON shape: rawJson when the record has it, else
    // rebuilt from its fields.
    static QByteArray toJson(const api::AuditEvent &event);

    // Writes rows of snapshot; progress(done) is called every few thousand
    // rows and stops the export when it returns false.
    static bool writeRows(QIODevice *device, Format format, const models::AuditSnapshot &snapshot,
                          std::span<const quint32> rows, const std::function<bool(qint64)> &progress,
                          QString *error);
};

} // namespace ui
