#include "api/accountspager.h"

#include "api/organizationsapi.h"

namespace api {

AccountsPager::AccountsPager(Client *client, const QString &organizationId, const AccountFilter &filter,
                             QObject *parent)
    : TokenPager(client, parent), m_organizationId(organizationId), m_filter(filter)
{}

TypedJob<Page<Account>> *AccountsPager::createTokenJob(const QString &token, int pageSize)
{
    return OrganizationsApi(client()).accounts(m_organizationId, m_filter, pageSize, token, this);
}

} // namespace api
