#include "api/auditpager.h"

#include "api/auditlogsapi.h"
#include "api/decoders.h"

namespace api {

AuditPager::AuditPager(Client *client, const QString &organizationId, const AuditQuery &query,
                       QObject *parent)
    : Pager(client, parent), m_organizationId(organizationId), m_query(query)
{}

ApiError AuditPager::validate() const
{
    const QString problem = m_query.validate();
    return problem.isEmpty() ? ApiError() : ApiError::invalidRequest(problem);
}

Job *AuditPager::createPageJob(const QString &token)
{
    return AuditLogsApi(client()).page(m_organizationId, m_query, token, this);
}

Pager::Scan AuditPager::scanPage(Job *, const QByteArray &body) const
{
    const decode::PageScan s = decode::scanAuditCursor(body);
    // An empty page ends the listing even when a cursor is present.
    return Scan{s.emptyPage ? QString() : s.next, s.ok};
}

qint64 AuditPager::deliverPage(Job *job, QString *nextToken)
{
    AuditPage page = static_cast<TypedJob<AuditPage> *>(job)->takeResult();
    *nextToken = page.entries.isEmpty() ? QString() : page.cursor;
    const qint64 count = page.entries.size();
    if (count > 0)
        Q_EMIT pageReady(page.entries);
    return count;
}

} // namespace api
