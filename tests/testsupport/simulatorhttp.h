#pragma once
// Plain HTTP to orgscope-sim as its demo user, beside the code under test
// (nothing from api/): its hooks under /__sim, and what its audit log holds.
// Header-only (Qt Network and Test).

#include "testsupport/simulatorprocess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QSignalSpy>
#include <QUrlQuery>

namespace testsupport {

// `path` is an API path (/organizations) or a hook (/__sim/…): the request
// for it as the demo user.
inline QNetworkRequest simulatorRequest(const QString &baseUrl, const QString &path, const QUrlQuery &query)
{
    const bool hook = path.startsWith(QLatin1String("/__sim"));
    QUrl url(hook ? QString(baseUrl).remove(QStringLiteral("/client/v4")) + path : baseUrl + path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + SimulatorProcess::demoToken().toUtf8());
    return request;
}

// One attempt, for a simulator without a fault mix: the body as answered
// (whatever the status; empty after 20 s without an answer).
inline QByteArray simulatorSend(QNetworkAccessManager &nam, const QString &baseUrl, const QByteArray &verb,
                                const QString &path, const QUrlQuery &query = {})
{
    QNetworkReply *reply = nam.sendCustomRequest(simulatorRequest(baseUrl, path, query), verb);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(20000);
    reply->deleteLater();
    return reply->readAll();
}

// A simulator with a fault mix answers some calls badly: tried until it
// answers 200 with a JSON object, up to 30 times; empty if it never does.
inline QByteArray simulatorCall(QNetworkAccessManager &nam, const QString &baseUrl, const QByteArray &verb,
                                const QString &path, const QUrlQuery &query = {})
{
    const QNetworkRequest request = simulatorRequest(baseUrl, path, query);
    for (int attempt = 0; attempt < 30; ++attempt) {
        QNetworkReply *reply = nam.sendCustomRequest(request, verb);
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(20000);
        const QByteArray body = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        if (status == 200 && QJsonDocument::fromJson(body).isObject())
            return body;
    }
    return {};
}

// Ids of the organization's audit entries of the last hour that the server
// keeps under `filter` (query parameters), every page.
inline QStringList serverAuditIds(QNetworkAccessManager &nam, const QString &baseUrl, const QString &org,
                                  const QList<QPair<QString, QString>> &filter)
{
    QStringList ids;
    QString cursor;
    do {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("since"),
                       QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate));
        q.addQueryItem(QStringLiteral("before"), QStringLiteral("2099-01-01"));
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
        for (const auto &f : filter)
            q.addQueryItem(f.first, f.second);
        if (!cursor.isEmpty())
            q.addQueryItem(QStringLiteral("cursor"), cursor);
        const QJsonObject page =
            QJsonDocument::fromJson(simulatorCall(nam, baseUrl, "GET",
                                                  QStringLiteral("/organizations/%1/logs/audit").arg(org), q))
                .object();
        for (const QJsonValue &e : page.value(QStringLiteral("result")).toArray())
            ids << e.toObject().value(QStringLiteral("id")).toString();
        cursor =
            page.value(QStringLiteral("result_info")).toObject().value(QStringLiteral("cursor")).toString();
    } while (!cursor.isEmpty());
    return ids;
}

// The ids of the organizations the simulator lists first (the seeded root
// first), through simulatorCall; empty when it never answers.
inline QStringList simulatorOrganizationIds(QNetworkAccessManager &nam, const QString &baseUrl)
{
    QStringList ids;
    const QJsonArray orgs =
        QJsonDocument::fromJson(simulatorCall(nam, baseUrl, "GET", QStringLiteral("/organizations")))
            .object()
            .value(QStringLiteral("result"))
            .toArray();
    for (const QJsonValue &o : orgs)
        ids << o.toObject().value(QStringLiteral("id")).toString();
    return ids;
}

} // namespace testsupport
