#pragma once
// A whole audit-log range page by page (cursor pagination, REFERENCE §3.2):
// takes result_info.cursor, else result_info.cursors.after; stops on no
// cursor or an empty page.

#include "api/auditcolumns.h"
#include "api/auditlogsapi.h"
#include "api/auditquery.h"
#include "api/pager.h"
#include "api/records.h"

namespace api {

class AuditPager : public Pager
{
    Q_OBJECT
public:
    AuditPager(Client *client, const QString &organizationId, const AuditQuery &query,
               QObject *parent = nullptr);

    // Runs on the decoding worker for each page, after decoding and before
    // columnsReady: whatever it returns comes with the page as
    // AuditColumns::prepared. Must be thread-safe (pages decode in parallel).
    using Prepare = AuditLogsApi::Prepare;
    void setPrepare(Prepare prepare) { m_prepare = std::move(prepare); }
    // Decode only each entry's bytes (AuditColumns::raw) when that is all
    // the consumer reads, e.g. a JSON export: several times cheaper.
    using Fields = AuditLogsApi::Fields;
    void setFields(Fields fields) { m_fields = fields; }

Q_SIGNALS:
    // Each page column by column: the cheap form the audit store takes.
    void columnsReady(const api::AuditColumns &page);
    // The same page as records, built only while something is connected.
    void pageReady(const QList<api::AuditEvent> &entries);

protected:
    ApiError validate() const override;
    Job *createPageJob(const QString &token) override;
    Scan scanPage(Job *job, const QByteArray &body) const override;
    qint64 deliverPage(Job *job, QString *nextToken) override;

private:
    QString m_organizationId;
    AuditQuery m_query;
    Prepare m_prepare;
    Fields m_fields = Fields::All;
};

} // namespace api
