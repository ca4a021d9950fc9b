#include "models/members/membersexporter.h"

#include "models/members/csvwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace models {

namespace {
QString isoUtc(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}
} // namespace

QByteArray MembersExporter::toCsv(const QList<api::Member> &members)
{
    CsvWriter csv;
    csv.addRow({QStringLiteral("id"), QStringLiteral("email"), QStringLiteral("name"),
                QStringLiteral("status"), QStringLiteral("two_factor_authentication_enabled"),
                QStringLiteral("user_id"), QStringLiteral("create_time"), QStringLiteral("update_time")});
    for (const api::Member &m : members)
        csv.addRow({m.id, m.user.email, m.user.name, m.status,
                    m.user.twoFactorEnabled ? QStringLiteral("true") : QStringLiteral("false"), m.user.id,
                    isoUtc(m.createTime), isoUtc(m.updateTime)});
    return csv.data();
}

QByteArray MembersExporter::toJson(const QList<api::Member> &members)
{
    QJsonArray array;
    for (const api::Member &m : members) {
        const QJsonDocument raw = QJsonDocument::fromJson(m.rawJson);
        if (raw.isObject()) {
            array.append(raw.object());
            continue;
        }
        // Records built in code (tests, upserts) carry no raw JSON: rebuild the API shape.
        QJsonObject user{{QStringLiteral("id"), m.user.id},
                         {QStringLiteral("email"), m.user.email},
                         {QStringLiteral("name"), m.user.name},
                         {QStringLiteral("two_factor_authentication_enabled"), m.user.twoFactorEnabled}};
        array.append(QJsonObject{{QStringLiteral("id"), m.id},
                                 {QStringLiteral("status"), m.status},
                                 {QStringLiteral("create_time"), isoUtc(m.createTime)},
                                 {QStringLiteral("update_time"), isoUtc(m.updateTime)},
                                 {QStringLiteral("meta"), QJsonObject()},
                                 {QStringLiteral("user"), user}});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace models
