#include "api/usageapi.h"

#include "api/decoders.h"

#include <QDateTime>

namespace api {

namespace {

QString usagePath(const QString &organizationId)
{
    return QStringLiteral("/organizations/") + QString::fromLatin1(Query::encode(organizationId)) +
           QStringLiteral("/billable/usage");
}

// The day asked for as `to`: one past the window while that stays within
// the API's 31 days, so an exclusive `to` loses nothing.
QDate requestTo(const QDate &from, const QDate &to)
{
    if (!from.isValid() || !to.isValid() || from.daysTo(to) + 1 >= UsageApi::MaxDaysPerRequest)
        return to;
    // Never into the future, which a server might refuse (today has no complete day anyway).
    return to < QDateTime::currentDateTimeUtc().date() ? to.addDays(1) : to;
}

Query usageQuery(const QDate &from, const QDate &to, const QString &metric)
{
    Query q;
    q.add(QStringLiteral("from"), from.toString(Qt::ISODate));
    q.add(QStringLiteral("to"), requestTo(from, to).toString(Qt::ISODate));
    q.addIfSet(QStringLiteral("metric"), metric);
    return q;
}

qint64 dayStartMs(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

TypedJob<QList<UsageRecord>> *UsageApi::get(const QString &organizationId, const QDate &from, const QDate &to,
                                            QObject *parent) const
{
    const qint64 fromMs = dayStartMs(from);
    const qint64 endMs = dayStartMs(to.addDays(1));
    auto *job = new TypedJob<QList<UsageRecord>>(
        m_client, Job::Method::Get, usagePath(organizationId), usageQuery(from, to, m_metric), {},
        [fromMs, endMs, metric = m_metric](const QByteArray &b, int) {
            Decoded<QList<UsageRecord>> d = decode::usageResponse(b);
            // The day past the window, and a metric the server did not filter on.
            d.value.removeIf([&](const UsageRecord &r) {
                if (!metric.isEmpty() && r.billableMetricId != metric)
                    return true;
                if (!r.chargePeriodStart.isValid())
                    return false;
                const qint64 start = r.chargePeriodStart.toMSecsSinceEpoch();
                return start < fromMs || start >= endMs;
            });
            return d;
        },
        parent);
    job->setOffThreadThreshold(0);
    return job;
}

TypedJob<UsageColumns> *UsageApi::getColumns(const QString &organizationId, const QDate &from,
                                             const QDate &to, QObject *parent) const
{
    const qint64 fromMs = dayStartMs(from);
    const qint64 endMs = dayStartMs(to.addDays(1));
    auto *job = new TypedJob<UsageColumns>(
        m_client, Job::Method::Get, usagePath(organizationId), usageQuery(from, to, m_metric), {},
        [fromMs, endMs, metric = m_metric](const QByteArray &b, int) {
            Decoded<UsageColumns> d = decode::usageColumns(b);
            UsageColumns &c = d.value;
            qint32 metricIndex = -1; // the metric's dictionary index; -1: absent from the answer
            if (!metric.isEmpty())
                metricIndex = qint32(c.values[UsageColumns::BillableMetricId].indexOf(metric));
            c.removeRowsIf([&](qsizetype row) {
                if (!metric.isEmpty() &&
                    qint32(c.textIndex(UsageColumns::BillableMetricId, row)) != metricIndex)
                    return true;
                const qint64 start = c.timeAt(UsageColumns::ChargePeriodStart, row);
                return start != UsageColumns::kNoTime && (start < fromMs || start >= endMs);
            });
            return d;
        },
        parent);
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
