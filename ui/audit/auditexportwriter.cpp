#include "ui/audit/auditexportwriter.h"

#include <algorithm>

#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ui {

namespace {

QString isoTime(const api::AuditEvent &e)
{
    const qint64 ms =
        e.actionTimeMs != 0 || !e.actionTime.isValid() ? e.actionTimeMs : e.actionTime.toMSecsSinceEpoch();
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

void put(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

void putJson(QJsonObject &o, const char *key, const QByteArray &raw)
{
    if (raw.isEmpty())
        return;
    // Wrapped in an array so scalars parse too.
    const QJsonDocument doc = QJsonDocument::fromJson('[' + raw + ']');
    if (doc.isArray() && !doc.array().isEmpty())
        o.insert(QLatin1String(key), doc.array().first());
    else
        o.insert(QLatin1String(key), QString::fromUtf8(raw));
}

QByteArray synthesize(const api::AuditEvent &e)
{
    QJsonObject action, actor, org, raw, resource, entry;
    put(action, "description", e.actionDescription);
    put(action, "result", e.actionResult);
    put(action, "time", isoTime(e));
    put(action, "type", e.actionType);
    put(actor, "id", e.actorId);
    put(actor, "context", e.actorContext);
    put(actor, "email", e.actorEmail);
    put(actor, "ip_address", e.actorIpAddress);
    put(actor, "token_id", e.actorTokenId);
    put(actor, "token_name", e.actorTokenName);
    put(actor, "type", e.actorType);
    put(org, "id", e.organizationId);
    put(raw, "cf_ray_id", e.rawCfRayId);
    put(raw, "method", e.rawMethod);
    if (e.rawStatusCode)
        raw.insert(QLatin1String("status_code"), *e.rawStatusCode);
    put(raw, "uri", e.rawUri);
    put(raw, "user_agent", e.rawUserAgent);
    put(resource, "id", e.resourceId);
    put(resource, "product", e.resourceProduct);
    put(resource, "type", e.resourceType);
    putJson(resource, "request", e.resourceRequestJson);
    putJson(resource, "response", e.resourceResponseJson);
    putJson(resource, "scope", e.resourceScopeJson);
    put(entry, "id", e.id);
    entry.insert(QLatin1String("action"), action);
    entry.insert(QLatin1String("actor"), actor);
    entry.insert(QLatin1String("organization"), org);
    entry.insert(QLatin1String("raw"), raw);
    entry.insert(QLatin1String("resource"), resource);
    return QJsonDocument(entry).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray AuditExportWriter::toJson(const api::AuditEvent &event)
{
    return event.rawJson.isEmpty() ? synthesize(event) : event.rawJson;
}

api::AuditEvent AuditExportWriter::event(const models::AuditSnapshot &s, quint32 row)
{
    using F = models::AuditField;
    api::AuditEvent e;
    e.id = s.key(models::AuditKey::EntryId, row);
    e.actionTimeMs = s.timeMs(row);
    e.actionTime = QDateTime::fromMSecsSinceEpoch(e.actionTimeMs, Qt::UTC);
    e.actionDescription = s.field(F::ActionDescription, row);
    e.actionResult = s.field(F::ActionResult, row);
    e.actionType = s.field(F::ActionType, row);
    e.actorId = s.field(F::ActorId, row);
    e.actorContext = s.field(F::ActorContext, row);
    e.actorEmail = s.field(F::ActorEmail, row);
    e.actorIpAddress = s.field(F::ActorIp, row);
    e.actorTokenId = s.field(F::ActorTokenId, row);
    e.actorTokenName = s.field(F::ActorTokenName, row);
    e.actorType = s.field(F::ActorType, row);
    e.organizationId = s.field(F::OrganizationId, row);
    e.rawCfRayId = s.key(models::AuditKey::RayId, row);
    e.rawMethod = s.field(F::RawMethod, row);
    if (s.status(row) >= 0)
        e.rawStatusCode = s.status(row);
    e.rawUri = s.field(F::RawUri, row);
    e.rawUserAgent = s.field(F::RawUserAgent, row);
    e.resourceId = s.key(models::AuditKey::ResourceId, row);
    e.resourceProduct = s.field(F::ResourceProduct, row);
    e.resourceType = s.field(F::ResourceType, row);
    return e;
}

bool AuditExportWriter::writeRows(QIODevice *device, Format format, const models::AuditSnapshot &snapshot,
                                  std::span<const quint32> rows, const std::function<bool(qint64)> &progress,
                                  QString *error, const FullEntries &fullEntries, qint64 *rebuilt)
{
    const auto &columns = models::ExportColumns::auditEvents();
    const QList<bool> numeric = models::ExportColumns::numericFlags(columns);
    models::RecordExporter out(device, format);
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
                ids.append(snapshot.key(models::AuditKey::EntryId, row));
            full = fullEntries(ids);
        }
        for (quint32 row : batch) {
            if (!out.ok())
                break;
            const api::AuditEvent e = event(snapshot, row);
            QByteArray json;
            if (format == Format::Json) {
                json = full.value(e.id);
                if (json.isEmpty()) {
                    json = toJson(e);
                    ++synthesized;
                }
            }
            out.addRow(format == Format::Csv ? models::ExportColumns::row(columns, e) : QStringList(),
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

} // namespace ui
