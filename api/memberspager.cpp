#include "api/memberspager.h"

#include "api/membersapi.h"

namespace api {

MembersPager::MembersPager(Client *client, const QString &organizationId, const MemberFilter &filter,
                           QObject *parent)
    : TokenPager(client, parent), m_organizationId(organizationId), m_filter(filter)
{}

TypedJob<Page<Member>> *MembersPager::createTokenJob(const QString &token, int pageSize)
{
    return MembersApi(client()).list(m_organizationId, m_filter, pageSize, token, this);
}

} // namespace api
