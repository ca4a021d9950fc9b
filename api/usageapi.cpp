#include "api/usageapi.h"

#include "api/decoders.h"

namespace api {

TypedJob<QList<UsageRecord>> *UsageApi::get(const QString &organizationId, const QDate &from, const QDate &to,
                                            QObject *parent) const
{
    Query q;
    q.add(QStringLiteral("from"), from.toString(Qt::ISODate));
    q.add(QStringLiteral("to"), to.toString(Qt::ISODate));
    auto *job = new TypedJob<QList<UsageRecord>>(
        m_client, Job::Method::Get,
        QStringLiteral("/organizations/") + QString::fromLatin1(Query::encode(organizationId)) +
            QStringLiteral("/billable/usage"),
        q, {}, [](const QByteArray &b, int) { return decode::usageResponse(b); }, parent);
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
