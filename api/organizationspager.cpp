#include "api/organizationspager.h"

#include "api/decoders.h"
#include "api/organizationsapi.h"

namespace api {

OrganizationsPager::OrganizationsPager(Client *client, const OrganizationFilter &filter, QObject *parent)
    : Pager(client, parent), m_filter(filter)
{}

Job *OrganizationsPager::createPageJob(const QString &token)
{
    return OrganizationsApi(client()).list(m_filter, m_pageSize, token, this);
}

Pager::Scan OrganizationsPager::scanPage(Job *, const QByteArray &body) const
{
    const decode::PageScan s = decode::scanPageToken(body);
    return Scan{s.next, s.ok};
}

qint64 OrganizationsPager::deliverPage(Job *job, QString *nextToken)
{
    Page<Organization> page = static_cast<TypedJob<Page<Organization>> *>(job)->takeResult();
    if (page.totalSize)
        setTotal(page.totalSize);
    *nextToken = page.nextPageToken;
    const qint64 count = page.items.size();
    Q_EMIT pageReady(page.items);
    return count;
}

} // namespace api
