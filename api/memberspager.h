#pragma once
// Every members page by page (page-token pagination, REFERENCE §3.1).

#include "api/listfilters.h"
#include "api/pager.h"
#include "api/records.h"

namespace api {

class MembersPager : public Pager
{
    Q_OBJECT
public:
    MembersPager(Client *client, const QString &organizationId, const MemberFilter &filter = {},
                 QObject *parent = nullptr);
    void setPageSize(int pageSize) { m_pageSize = pageSize; } // default 1000 (the maximum)

Q_SIGNALS:
    void pageReady(const QList<api::Member> &members);

protected:
    Job *createPageJob(const QString &token) override;
    Scan scanPage(Job *job, const QByteArray &body) const override;
    qint64 deliverPage(Job *job, QString *nextToken) override;

private:
    QString m_organizationId;
    MemberFilter m_filter;
    int m_pageSize = 1000;
};

} // namespace api
