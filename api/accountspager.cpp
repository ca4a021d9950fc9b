#include "api/accountspager.h"

#include "api/decoders.h"
#include "api/organizationsapi.h"

namespace api {

AccountsPager::AccountsPager(Client *client, const QString &organizationId, const AccountFilter &filter,
                             QObject *parent)
    : Pager(client, parent), m_organizationId(organizationId), m_filter(filter)
{}

Job *AccountsPager::createPageJob(const QString &token)
{
    return OrganizationsApi(client()).accounts(m_organizationId, m_filter, m_pageSize, token, this);
}

Pager::Scan AccountsPager::scanPage(Job *, const QByteArray &body) const
{
    const decode::PageScan s = decode::scanPageToken(body);
    return Scan{s.next, s.ok};
}

qint64 AccountsPager::deliverPage(Job *job, QString *nextToken)
{
    Page<Account> page = static_cast<TypedJob<Page<Account>> *>(job)->takeResult();
    if (page.totalSize)
        setTotal(page.totalSize);
    *nextToken = page.nextPageToken;
    const qint64 count = page.items.size();
    Q_EMIT pageReady(page.items);
    return count;
}

} // namespace api
