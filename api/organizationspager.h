#pragma once
// Every organizations page by page (page-token pagination, REFERENCE §3.1).

#include "api/listfilters.h"
#include "api/pager.h"
#include "api/records.h"

namespace api {

class OrganizationsPager : public Pager
{
    Q_OBJECT
public:
    OrganizationsPager(Client *client, const OrganizationFilter &filter = {}, QObject *parent = nullptr);
    void setPageSize(int pageSize) { m_pageSize = pageSize; } // default 1000 (the maximum)

Q_SIGNALS:
    void pageReady(const QList<api::Organization> &organizations);

protected:
    Job *createPageJob(const QString &token) override;
    Scan scanPage(Job *job, const QByteArray &body) const override;
    qint64 deliverPage(Job *job, QString *nextToken) override;

private:
    OrganizationFilter m_filter;
    int m_pageSize = 1000;
};

} // namespace api
