#pragma once
// The roll-up tests' shared set-up against orgscope-sim with a seeded
// organization tree (--sub-orgs): the simulator's arguments, the tree's main
// root ("… Holdings") and the per-organization fault hook. Header-only; the
// test links orgscope_api (directly or through models/ or ui/).

#include "api/client.h"
#include "api/organizationsapi.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStringList>

#include <memory>

namespace testsupport {

// The simulator's clock in the roll-up tests that pin it (usage days and
// audit times then fall on known dates).
inline const QString kTreeNow = QStringLiteral("2026-11-23T12:00:00Z");

// Arguments seeding `subOrgs` organizations under the main root, with this
// many audit entries and days of usage; `now` pins the clock (empty: the real one).
inline QStringList subOrgArgs(int subOrgs, int auditEvents, int usageDays, const QString &now = {})
{
    QStringList args{QStringLiteral("--sub-orgs"),     QString::number(subOrgs),
                     QStringLiteral("--audit-events"), QString::number(auditEvents),
                     QStringLiteral("--usage-days"),   QString::number(usageDays)};
    if (!now.isEmpty())
        args << QStringLiteral("--now") << now;
    return args;
}

// The seeded tree's main root: the root organization whose name ends in
// "Holdings" (the last one listed, should there be several); an empty id
// when the listing fails.
inline api::Organization holdingsRoot(api::Client *client)
{
    api::Organization root;
    std::unique_ptr<api::TypedJob<api::Page<api::Organization>>> job(
        api::OrganizationsApi(client).list(api::OrganizationFilter::rootsOnly(), 1000));
    job->setAutoDelete(false);
    QSignalSpy done(job.get(), &api::Job::finished);
    job->start();
    if (!job->isFinished() && !done.wait(30000))
        return root;
    for (const api::Organization &o : job->result().items)
        if (o.name.endsWith(QLatin1String("Holdings")))
            root = o;
    return root;
}

// Faults for one organization's endpoints through the simulator's
// /__sim/org-faults hook (an empty spec clears them); true when it answered.
inline bool setOrgFaults(const QString &baseUrl, const QString &spec)
{
    QUrl url(baseUrl);
    url.setPath(QStringLiteral("/__sim/org-faults"));
    if (!spec.isEmpty())
        url.setQuery(QStringLiteral("spec=") + spec);
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.post(request, QByteArray());
    QSignalSpy done(reply, &QNetworkReply::finished);
    const bool ok = (reply->isFinished() || done.wait(10000)) && reply->error() == QNetworkReply::NoError;
    delete reply;
    return ok;
}

} // namespace testsupport
