#include "models/rollup/rollupexport.h"

#include "models/export/auditpagewriter.h"
#include "models/export/exportcolumns.h"
#include "models/rollup/orgtreerollup.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace models {

QByteArray withOrganizationId(const QByteArray &rawJson, const QString &organizationId)
{
    const QByteArray value =
        QJsonDocument(QJsonObject{{QStringLiteral("v"), organizationId}}).toJson(QJsonDocument::Compact);
    const QByteArray added = "\"organization_id\":" + value.mid(5).chopped(1); // {"v":"…"} → "…"
    const qsizetype close = rawJson.lastIndexOf('}');
    if (close < 0)
        return "{" + added + "}";
    qsizetype before = close - 1;
    while (before >= 0 && QByteArrayView(" \t\r\n").contains(rawJson.at(before)))
        --before;
    const bool empty = before >= 0 && rawJson.at(before) == '{';
    return rawJson.left(close) + (empty ? "" : ",") + added + rawJson.mid(close);
}

namespace {

bool isCorrection(const api::UsageRecord &r)
{
    return r.chargeClass.compare(QLatin1String("Correction"), Qt::CaseInsensitive) == 0;
}

template <typename Record>
bool writeRows(RecordExporter &exporter, const QList<ExportColumn<Record>> &columns, const Record &record,
               const QString &organizationId, RecordExporter::Format format)
{
    QList<bool> numeric = ExportColumns::numericFlags(columns);
    numeric << false;
    const QStringList cells =
        format == RecordExporter::Format::Csv
            ? ExportColumns::row(columns, record, exporter.timeZone()) + QStringList{organizationId}
            : QStringList();
    return exporter.addRow(cells, numeric, withOrganizationId(record.rawJson, organizationId));
}

} // namespace

RollupWriteResult writeRollup(const OrgTreeRollup &rollup, RecordExporter::Format format, QIODevice *device,
                              bool includeCorrections, const QTimeZone &zone)
{
    RollupWriteResult result;
    const QList<OrgNode> &nodes = rollup.organizations();
    if (rollup.kind() == OrgTreeRollup::Kind::Audit) {
        AuditPageWriter writer(device, format);
        writer.setTimeZone(zone);
        result.ok = writer.begin();
        for (qsizetype i = 0; i < nodes.size() && result.ok; ++i) {
            for (api::AuditColumns page : rollup.auditPages(i)) {
                // Every row names its organization: an entry without one was read from nodes[i].
                auto &column = page.text[api::AuditColumns::OrganizationId];
                quint32 id = 0;
                for (quint32 &value : column) {
                    if (value != 0)
                        continue;
                    if (id == 0) {
                        id = quint32(page.values[api::AuditColumns::OrganizationId].size());
                        page.values[api::AuditColumns::OrganizationId].append(nodes.at(i).id);
                    }
                    value = id;
                }
                if (!(result.ok = writer.add(page)))
                    break;
            }
        }
        result.ok = result.ok && writer.finish();
        result.rows = writer.rows();
        return result;
    }
    RecordExporter exporter(device, format);
    exporter.setTimeZone(zone);
    const QString header = QStringLiteral("organization_id");
    if (rollup.kind() == OrgTreeRollup::Kind::Members) {
        const auto &columns = ExportColumns::members();
        result.ok = exporter.begin(ExportColumns::headers(columns) + QStringList{header});
        for (qsizetype i = 0; i < nodes.size() && result.ok; ++i) {
            for (const api::Member &m : rollup.members(i)) {
                if (!(result.ok = writeRows(exporter, columns, m, nodes.at(i).id, format)))
                    break;
            }
        }
    } else {
        const UsageRollup merged = rollup.mergedUsage();
        result.duplicatesRemoved = merged.duplicatesRemoved;
        const auto &columns = ExportColumns::usageRecords();
        result.ok = exporter.begin(ExportColumns::headers(columns) + QStringList{header});
        for (qsizetype k = 0; k < merged.records.size() && result.ok; ++k) {
            const api::UsageRecord &r = merged.records.at(k);
            if (!includeCorrections && isCorrection(r))
                continue;
            result.ok = writeRows(exporter, columns, r, nodes.at(merged.organization.at(k)).id, format);
        }
    }
    result.ok = result.ok && exporter.finish();
    result.rows = exporter.rows();
    return result;
}

} // namespace models
