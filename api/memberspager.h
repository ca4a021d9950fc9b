#pragma once
// Every members page by page (page-token pagination, REFERENCE §3.1).

#include "api/listfilters.h"
#include "api/records.h"
#include "api/tokenpager.h"

namespace api {

class MembersPager : public TokenPager<Member>
{
    Q_OBJECT
public:
    MembersPager(Client *client, const QString &organizationId, const MemberFilter &filter = {},
                 QObject *parent = nullptr);

Q_SIGNALS:
    void pageReady(const QList<api::Member> &members);

protected:
    TypedJob<Page<Member>> *createTokenJob(const QString &token, int pageSize) override;
    void emitPage(const QList<Member> &members) override { Q_EMIT pageReady(members); }

private:
    QString m_organizationId;
    MemberFilter m_filter;
};

} // namespace api
