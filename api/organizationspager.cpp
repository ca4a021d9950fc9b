#include "api/organizationspager.h"

#include "api/organizationsapi.h"

namespace api {

OrganizationsPager::OrganizationsPager(Client *client, const OrganizationFilter &filter, QObject *parent)
    : TokenPager(client, parent), m_filter(filter)
{}

TypedJob<Page<Organization>> *OrganizationsPager::createTokenJob(const QString &token, int pageSize)
{
    return OrganizationsApi(client()).list(m_filter, pageSize, token, this);
}

} // namespace api
