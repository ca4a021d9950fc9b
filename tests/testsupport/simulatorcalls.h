#pragma once
// Calls a test makes straight to the server beside the code it tests: what
// the server holds, or a change made behind the code's back. Header-only;
// the test links orgscope_api.

#include "api/auditpager.h"
#include "api/client.h"
#include "api/organizationsapi.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <type_traits>

namespace testsupport {

// The organization's audit entries on the server, up to an hour from now; -1 when the listing fails.
inline qint64 serverAuditCount(api::Client *client, const QString &orgId)
{
    api::AuditQuery q;
    q.since = QStringLiteral("2000-01-01");
    q.before = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch() + 3600 * 1000, Qt::UTC)
                   .toString(Qt::ISODateWithMs);
    q.limit = 1000;
    api::AuditPager pager(client, orgId, q);
    QSignalSpy done(&pager, &api::Pager::finished);
    pager.start();
    if (!pager.isFinished() && !done.wait(30000))
        return -1;
    return pager.succeeded() ? pager.itemCount() : -1;
}

// Renames the organization on the server; a failure fails the running test.
inline void renameOrganization(api::Client *client, const QString &orgId, const QString &name)
{
    api::OrganizationsApi orgs(client);
    auto *job = orgs.update(orgId, name, {}, nullptr);
    const std::unique_ptr<std::remove_pointer_t<decltype(job)>> owner(job); // also when a check fails
    job->setAutoDelete(false);
    QSignalSpy done(job, &api::Job::finished);
    job->start();
    QVERIFY(job->isFinished() || done.wait(20000));
    QVERIFY2(!job->error(), qPrintable(job->error().toLogString()));
}

} // namespace testsupport
