#include "api/membersapi.h"

#include "api/decoders.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace api {

namespace {
QString segment(const QString &id)
{
    return QString::fromLatin1(Query::encode(id));
}
QString membersPath(const QString &orgId)
{
    return QStringLiteral("/organizations/") + segment(orgId) + QStringLiteral("/members");
}

QJsonObject inviteJson(const MemberInvite &invite)
{
    QJsonObject member{{QStringLiteral("user"), QJsonObject{{QStringLiteral("email"), invite.email}}}};
    if (!invite.status.isEmpty())
        member.insert(QStringLiteral("status"), invite.status);
    return member;
}
} // namespace

TypedJob<Page<Member>> *MembersApi::list(const QString &organizationId, const MemberFilter &filter,
                                         int pageSize, const QString &pageToken, QObject *parent) const
{
    Query q = filter.toQuery();
    q.add(QStringLiteral("page_size"), qint64(pageSize));
    q.addIfSet(QStringLiteral("page_token"), pageToken);
    return new TypedJob<Page<Member>>(
        m_client, Job::Method::Get, membersPath(organizationId), q, {},
        [](const QByteArray &b, int) { return decode::membersPage(b); }, parent);
}

TypedJob<Member> *MembersApi::get(const QString &organizationId, const QString &memberId,
                                  QObject *parent) const
{
    return new TypedJob<Member>(
        m_client, Job::Method::Get, membersPath(organizationId) + QLatin1Char('/') + segment(memberId), {},
        {}, [](const QByteArray &b, int) { return decode::memberResponse(b); }, parent);
}

TypedJob<Member> *MembersApi::create(const QString &organizationId, const MemberInvite &invite,
                                     QObject *parent) const
{
    const QJsonObject body{{QStringLiteral("member"), inviteJson(invite)}};
    return new TypedJob<Member>(
        m_client, Job::Method::Post, membersPath(organizationId), {},
        QJsonDocument(body).toJson(QJsonDocument::Compact),
        [](const QByteArray &b, int) { return decode::memberResponse(b); }, parent);
}

TypedJob<QList<Member>> *MembersApi::batchCreate(const QString &organizationId,
                                                 const QList<MemberInvite> &invites, QObject *parent) const
{
    QJsonArray members;
    for (const MemberInvite &i : invites)
        members.append(inviteJson(i));
    const QJsonObject body{{QStringLiteral("members"), members}};
    return new TypedJob<QList<Member>>(
        m_client, Job::Method::Post, membersPath(organizationId) + QStringLiteral(":batchCreate"), {},
        QJsonDocument(body).toJson(QJsonDocument::Compact),
        [](const QByteArray &b, int) { return decode::membersResponse(b); }, parent);
}

TypedJob<NoContent> *MembersApi::remove(const QString &organizationId, const QString &memberId,
                                        QObject *parent) const
{
    auto *job = new TypedJob<NoContent>(m_client, Job::Method::Delete,
                                        membersPath(organizationId) + QLatin1Char('/') + segment(memberId),
                                        {}, {}, {}, parent);
    job->setAcceptAnything(true);
    return job;
}

} // namespace api
