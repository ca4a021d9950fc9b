#include "models/members/membersexporter.h"

#include "models/export/recordexporter.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>

namespace models {

namespace {

// Members built in code (tests) carry no raw JSON: rebuild the API shape so
// the JSON export never holds an empty object.
api::Member withRawJson(const api::Member &m)
{
    if (!m.rawJson.isEmpty())
        return m;
    api::Member copy = m;
    const QJsonObject user{{QStringLiteral("id"), m.user.id},
                           {QStringLiteral("email"), m.user.email},
                           {QStringLiteral("name"), m.user.name},
                           {QStringLiteral("two_factor_authentication_enabled"), m.user.twoFactorEnabled}};
    copy.rawJson =
        QJsonDocument(QJsonObject{{QStringLiteral("id"), m.id},
                                  {QStringLiteral("status"), m.status},
                                  {QStringLiteral("create_time"), ExportColumns::time(m.createTime)},
                                  {QStringLiteral("update_time"), ExportColumns::time(m.updateTime)},
                                  {QStringLiteral("meta"), QJsonObject()},
                                  {QStringLiteral("user"), user}})
            .toJson(QJsonDocument::Compact);
    return copy;
}

QByteArray run(const QList<api::Member> &members, RecordExporter::Format format, const QTimeZone &zone = {})
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    RecordExporter exporter(&buffer, format);
    exporter.setTimeZone(zone);
    const auto &columns = ExportColumns::members();
    exporter.begin(columns);
    QList<api::Member> rows;
    rows.reserve(members.size());
    for (const api::Member &m : members)
        rows.append(format == RecordExporter::Format::Json ? withRawJson(m) : m);
    exporter.add(columns, rows);
    exporter.finish();
    return out;
}

} // namespace

QByteArray MembersExporter::toCsv(const QList<api::Member> &members, const QTimeZone &zone)
{
    return run(members, RecordExporter::Format::Csv, zone);
}

QByteArray MembersExporter::toJson(const QList<api::Member> &members)
{
    return run(members, RecordExporter::Format::Json);
}

} // namespace models
