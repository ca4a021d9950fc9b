#include "api/auditpager.h"

#include "api/auditlogsapi.h"
#include "api/decoders.h"

#include <QMetaMethod>
#include <QThreadPool>

namespace api {

namespace {

// True when the first "result" key holds an empty array: an empty page ends the
// listing even when it carries a cursor.
bool startsWithEmptyResult(const QByteArray &body)
{
    static const QByteArray key = QByteArrayLiteral("\"result\"");
    const qsizetype at = body.indexOf(key);
    if (at < 0)
        return false;
    auto skipSpace = [&](qsizetype i) {
        while (i < body.size() && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t'))
            ++i;
        return i;
    };
    qsizetype i = skipSpace(at + key.size());
    if (i >= body.size() || body[i] != ':')
        return false;
    i = skipSpace(i + 1);
    if (i >= body.size() || body[i] != '[')
        return false;
    i = skipSpace(i + 1);
    return i < body.size() && body[i] == ']';
}

} // namespace

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
    return AuditLogsApi(client()).columns(m_organizationId, m_query, token, this);
}

Pager::Scan AuditPager::scanPage(Job *, const QByteArray &body) const
{
    // Servers write result_info after the result array, so the cursor is
    // found by reading only the envelope's tail instead of indexing a
    // megabyte page on the GUI thread. It is a hint: the pager follows the
    // decoded cursor if the two ever disagree.
    const qsizetype at = body.lastIndexOf("\"result_info\"");
    if (at > 0) {
        const decode::PageScan tail =
            decode::scanAuditCursor('{' + QByteArrayView(body).sliced(at).toByteArray());
        if (tail.ok)
            return Scan{startsWithEmptyResult(body) ? QString() : tail.next, true};
    }
    const decode::PageScan s = decode::scanAuditCursor(body);
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
