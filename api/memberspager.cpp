#include "api/memberspager.h"

#include "api/decoders.h"
#include "api/membersapi.h"

namespace api {

MembersPager::MembersPager(Client *client, const QString &organizationId, const MemberFilter &filter,
                           QObject *parent)
    : Pager(client, parent), m_organizationId(organizationId), m_filter(filter)
{}

Job *MembersPager::createPageJob(const QString &token)
{
    return MembersApi(client()).list(m_organizationId, m_filter, m_pageSize, token, this);
}

Pager::Scan MembersPager::scanPage(Job *, const QByteArray &body) const
{
    const decode::PageScan s = decode::scanPageToken(body);
    return Scan{s.next, s.ok};
}

qint64 MembersPager::deliverPage(Job *job, QString *nextToken)
{
    Page<Member> page = static_cast<TypedJob<Page<Member>> *>(job)->takeResult();
    if (page.totalSize)
        setTotal(page.totalSize);
    *nextToken = page.nextPageToken;
    const qint64 count = page.items.size();
    Q_EMIT pageReady(page.items);
    return count;
}

} // namespace api
