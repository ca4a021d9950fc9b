#include "api/auditpager.h"

#include "api/auditlogsapi.h"
#include "api/decoders.h"

#include <QMetaMethod>
#include <QThreadPool>

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

namespace {
// The next page's cursor as the quick scan reads it, on the network thread:
// a page read ahead on its word is used only if the pager asks for the same.
QString nextCursorOf(const QByteArray &body)
{
    const decode::PageScan s = decode::scanAuditTail(body);
    return s.ok && !s.emptyPage ? s.next : QString();
}
} // namespace

Job *AuditPager::createPageJob(const QString &token)
{
    Job *job = AuditLogsApi(client()).columns(m_organizationId, m_query, token, this, m_prepare, m_fields);
    job->setReadAhead(QStringLiteral("cursor"), &nextCursorOf, quintptr(this));
    return job;
}

Pager::Scan AuditPager::scanPage(Job *, const QByteArray &body) const
{
    // A hint: the pager follows the decoded cursor if the two ever disagree.
    const decode::PageScan s = decode::scanAuditTail(body);
    // An empty page ends the listing even when a cursor is present.
    return Scan{s.emptyPage ? QString() : s.next, s.ok};
}

qint64 AuditPager::deliverPage(Job *job, QString *nextToken)
{
    AuditColumns page = static_cast<TypedJob<AuditColumns> *>(job)->takeResult();
    *nextToken = page.isEmpty() ? QString() : page.cursor;
    const qint64 count = page.size();
    if (count == 0)
        return 0;
    Q_EMIT columnsReady(page);
    if (isSignalConnected(QMetaMethod::fromSignal(&AuditPager::pageReady)))
        Q_EMIT pageReady(page.events());
    // Free the page's arrays on a worker: the GUI thread only drops a reference.
    QThreadPool::globalInstance()->start([doomed = std::move(page)]() mutable { doomed = AuditColumns(); });
    return count;
}

} // namespace api
