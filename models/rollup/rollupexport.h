#pragma once
// Writes a finished roll-up (OrgTreeRollup) the way `orgscope export
// audit|usage|members --include-suborgs` does: every organization's rows in
// tree order, each row with the organization it belongs to —
// `organization_id` as the last CSV column and as a field of every JSON
// object (audit entries carry it from the API; an entry that lacks it gets
// the organization it was read from in CSV). Usage is the de-duplicated
// merge (mergeUsage).

#include "models/export/recordexporter.h"

#include <QByteArray>
#include <QString>
#include <QTimeZone>

class QIODevice;

namespace models {

class OrgTreeRollup;

struct RollupWriteResult
{
    bool ok = true;
    qint64 rows = 0;
    qsizetype duplicatesRemoved = 0; // usage records returned by a parent and a child, written once
};

// CSV times are written in `zone` (null: UTC), as RecordExporter does; usage
// keeps the API's UTC days.
RollupWriteResult writeRollup(const OrgTreeRollup &rollup, RecordExporter::Format format, QIODevice *device,
                              bool includeCorrections = true, const QTimeZone &zone = QTimeZone());

// `rawJson` (an object) with "organization_id": id added as its last field.
QByteArray withOrganizationId(const QByteArray &rawJson, const QString &organizationId);

} // namespace models
