#pragma once
// Organization members (REFERENCE §4.9–4.12 and members:batchCreate).

#include "api/listfilters.h"
#include "api/page.h"
#include "api/records.h"
#include "api/typedjob.h"

namespace api {

class Client;

struct MemberInvite
{
    QString email;
    QString status; // "" (server default, pending) | "active" | "canceled"
};

class MembersApi
{
public:
    explicit MembersApi(Client *client) : m_client(client) {}

    // One page; for all pages use MembersPager.
    TypedJob<Page<Member>> *list(const QString &organizationId, const MemberFilter &filter = {},
                                 int pageSize = 1000, const QString &pageToken = {},
                                 QObject *parent = nullptr) const;
    TypedJob<Member> *get(const QString &organizationId, const QString &memberId,
                          QObject *parent = nullptr) const;
    TypedJob<Member> *create(const QString &organizationId, const MemberInvite &invite,
                             QObject *parent = nullptr) const;
    // POST …/members:batchCreate; result: the created members.
    TypedJob<QList<Member>> *batchCreate(const QString &organizationId, const QList<MemberInvite> &invites,
                                         QObject *parent = nullptr) const;
    // 204, no body sent.
    TypedJob<NoContent> *remove(const QString &organizationId, const QString &memberId,
                                QObject *parent = nullptr) const;

private:
    Client *m_client;
};

} // namespace api
