#pragma once
// The Audit log page's report: the entries of the current view (after the
// query and the local filters) as a document: range and filters, key
// figures, the activity timeline, counts by action, actor and result, the
// failures, and the entries themselves (capped, with a note saying how many
// were left out). computeAuditReport() is pure and runs on a worker over a
// snapshot; buildAuditReport() lays the result out.

#include "models/audit/audithistogram.h"
#include "models/audit/auditsnapshot.h"
#include "models/reports/reportdocument.h"

#include <vector>

namespace models {

struct AuditFilterSpec;
struct AuditQueryDraft;

struct AuditReportRequest
{
    QString organizationName;
    QString organizationId;
    qint64 fromMs = 0; // the query's range [fromMs, toMs)
    qint64 toMs = 0;
    QStringList queryFilters; // sentences: "Action type is login"
    QStringList localFilters; // "Search: “token”"
    qint64 loadedEntries = 0; // rows loaded before the local filters
    QDateTime generated = QDateTime::currentDateTimeUtc();
    QTimeZone zone = QTimeZone::systemTimeZone(); // every time in the report
    int entryCap = 500;
    int failureCap = 100;
    int countRows = 12;
};

struct AuditReportData
{
    struct Count
    {
        QString value;
        qint64 count = 0;
        qint64 failures = 0;
    };
    struct Entry
    {
        qint64 timeMs = 0;
        QString actor;
        QString action;
        QString result;
        QString resource;
        QString status;
        QString description;
        bool failed = false;
    };

    qint64 entries = 0;
    qint64 failures = 0;
    AuditHistogram timeline;
    QList<Count> byAction; // most entries first
    QList<Count> byActor;
    QList<Count> byResult;
    QList<Entry> shown;       // the first entryCap entries of the view, in its order
    QList<Entry> failureRows; // the first failureCap failures, in the view's order
};

// rows: store rows of the view, in its order.
AuditReportData computeAuditReport(const AuditSnapshot &snapshot, const std::vector<quint32> &rows,
                                   const AuditReportRequest &request);
ReportDocument buildAuditReport(const AuditReportData &data, const AuditReportRequest &request);

// The draft's server filters and the table's local filters as sentences.
QStringList describeAuditQueryFilters(const AuditQueryDraft &draft);
QStringList describeAuditLocalFilters(const AuditFilterSpec &spec, const QTimeZone &zone);
// "2026-10-24 12:00 – 2026-11-23 12:00 Europe/Berlin (UTC+01:00)"
QString auditReportRangeText(qint64 fromMs, qint64 toMs, const QTimeZone &zone);

} // namespace models
