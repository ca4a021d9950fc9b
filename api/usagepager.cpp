#include "api/usagepager.h"

#include "api/usageapi.h"

namespace api {

namespace {
const char *const WindowProperty = "orgscopeUsageWindow";
}

UsagePager::UsagePager(Client *client, const QString &organizationId, const QDate &from, const QDate &to,
                       QObject *parent)
    : Pager(client, parent), m_organizationId(organizationId), m_windows(UsageApi::windows(from, to))
{}

ApiError UsagePager::validate() const
{
    if (m_windows.isEmpty())
        return ApiError::invalidRequest(
            QStringLiteral("The usage range is empty or invalid (from must not be after to)"));
    return {};
}

Job *UsagePager::createPageJob(const QString &token)
{
    const int index = token.isEmpty() ? 0 : token.toInt();
    const auto &window = m_windows.at(index);
    Job *job = UsageApi(client(), m_metric).get(m_organizationId, window.first, window.second, this);
    job->setProperty(WindowProperty, index);
    return job;
}

Pager::Scan UsagePager::scanPage(Job *job, const QByteArray &) const
{
    const int next = job->property(WindowProperty).toInt() + 1;
    return Scan{next < m_windows.size() ? QString::number(next) : QString(), true};
}

qint64 UsagePager::deliverPage(Job *job, QString *nextToken)
{
    *nextToken = scanPage(job, {}).next;
    QList<UsageRecord> records = static_cast<TypedJob<QList<UsageRecord>> *>(job)->takeResult();
    // Windows meet edge to edge; a record the server returns outside its
    // window would otherwise be counted twice.
    const auto &window = m_windows.at(job->property(WindowProperty).toInt());
    records.removeIf([&window](const UsageRecord &r) {
        if (!r.chargePeriodStart.isValid())
            return false;
        const QDate day = r.chargePeriodStart.toUTC().date();
        return day < window.first || day > window.second;
    });
    const qint64 count = records.size();
    Q_EMIT pageReady(records);
    return count;
}

} // namespace api
