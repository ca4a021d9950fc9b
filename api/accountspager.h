#pragma once
// Every accounts page by page (page-token pagination, REFERENCE §3.1).

#include "api/listfilters.h"
#include "api/records.h"
#include "api/tokenpager.h"

namespace api {

class AccountsPager : public TokenPager<Account>
{
    Q_OBJECT
public:
    AccountsPager(Client *client, const QString &organizationId, const AccountFilter &filter = {},
                  QObject *parent = nullptr);

Q_SIGNALS:
    void pageReady(const QList<api::Account> &accounts);

protected:
    TypedJob<Page<Account>> *createTokenJob(const QString &token, int pageSize) override;
    void emitPage(const QList<Account> &accounts) override { Q_EMIT pageReady(accounts); }

private:
    QString m_organizationId;
    AccountFilter m_filter;
};

} // namespace api
