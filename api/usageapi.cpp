#include "api/usageapi.h"

#include "api/decoders.h"

namespace api {

namespace {

QString usagePath(const QString &organizationId)
{
    return QStringLiteral("/organizations/") + QString::fromLatin1(Query::encode(organizationId)) +
           QStringLiteral("/billable/usage");
}

Query usageQuery(const QDate &from, const QDate &to)
{
    Query q;
    q.add(QStringLiteral("from"), from.toString(Qt::ISODate));
    q.add(QStringLiteral("to"), to.toString(Qt::ISODate));
    return q;
}

} // namespace

TypedJob<QList<UsageRecord>> *UsageApi::get(const QString &organizationId, const QDate &from, const QDate &to,
                                            QObject *parent) const
{
    auto *job = new TypedJob<QList<UsageRecord>>(
        m_client, Job::Method::Get, usagePath(organizationId), usageQuery(from, to), {},
        [](const QByteArray &b, int) { return decode::usageResponse(b); }, parent);
    job->setOffThreadThreshold(0);
    return job;
}

TypedJob<UsageColumns> *UsageApi::getColumns(const QString &organizationId, const QDate &from,
                                             const QDate &to, QObject *parent) const
{
    auto *job = new TypedJob<UsageColumns>(
        m_client, Job::Method::Get, usagePath(organizationId), usageQuery(from, to), {},
        [](const QByteArray &b, int) { return decode::usageColumns(b); }, parent);
    job->setOffThreadThreshold(0);
    return job;
}

QList<QPair<QDate, QDate>> UsageApi::windows(const QDate &from, const QDate &to, int maxDays)
{
    QList<QPair<QDate, QDate>> out;
    if (!from.isValid() || !to.isValid() || to < from || maxDays < 1)
        return out;
    QDate start = from;
    while (start <= to) {
        const QDate end = std::min(start.addDays(maxDays - 1), to);
        out.append({start, end});
        start = end.addDays(1);
    }
    return out;
}

} // namespace api
