#include "api/auditlogsapi.h"

#include "api/decoders.h"

namespace api {

namespace {
QString auditPath(const QString &organizationId)
{
    return QStringLiteral("/organizations/") + QString::fromLatin1(Query::encode(organizationId)) +
           QStringLiteral("/logs/audit");
}
} // namespace

TypedJob<AuditPage> *AuditLogsApi::page(const QString &organizationId, const AuditQuery &query,
                                        const QString &cursor, QObject *parent) const
{
    auto *job = new TypedJob<AuditPage>(
        m_client, Job::Method::Get, auditPath(organizationId), query.toQuery(cursor), {},
        [](const QByteArray &b, int) { return decode::auditPage(b); }, parent);
    // Audit pages are the big ones: always decode on the pool.
    job->setOffThreadThreshold(0);
    return job;
}

TypedJob<AuditColumns> *AuditLogsApi::columns(const QString &organizationId, const AuditQuery &query,
                                              const QString &cursor, QObject *parent, Prepare prepare,
                                              Fields fields) const
{
    auto *job = new TypedJob<AuditColumns>(
        m_client, Job::Method::Get, auditPath(organizationId), query.toQuery(cursor), {},
        [prepare = std::move(prepare), fields](const QByteArray &b, int) {
            Decoded<AuditColumns> page = fields == Fields::BytesOnly ? decode::auditEntries(b)
                                         : fields == Fields::Ranges  ? decode::auditFields(b)
                                                                     : decode::auditColumns(b);
            if (prepare && page.ok())
                page.value.prepared = prepare(page.value);
            return page;
        },
        parent);
    job->setOffThreadThreshold(0);
    return job;
}

} // namespace api
