#pragma once
// Every organizations page by page (page-token pagination, REFERENCE §3.1).

#include "api/listfilters.h"
#include "api/records.h"
#include "api/tokenpager.h"

namespace api {

class OrganizationsPager : public TokenPager<Organization>
{
    Q_OBJECT
public:
    OrganizationsPager(Client *client, const OrganizationFilter &filter = {}, QObject *parent = nullptr);

Q_SIGNALS:
    void pageReady(const QList<api::Organization> &organizations);

protected:
    TypedJob<Page<Organization>> *createTokenJob(const QString &token, int pageSize) override;
    void emitPage(const QList<Organization> &organizations) override { Q_EMIT pageReady(organizations); }

private:
    OrganizationFilter m_filter;
};

} // namespace api
