#pragma once
// The Usage page's report: what its controller shows (the same aggregate,
// totals formatted as the pivot formats them), as a document: period and
// view, key figures, the chart by group, top movers against the previous
// period, totals by group, this month's budget status and forecast, and the
// anomalies. Built on the GUI thread from data the controller's worker has
// already aggregated.

#include "models/reports/reportdocument.h"
#include "models/usage/usagetypes.h"

namespace models {

class UsageController;

struct UsageReportOptions
{
    QString organizationName;
    QString organizationId;
    QDateTime generated = QDateTime::currentDateTimeUtc();
    QTimeZone zone = QTimeZone::systemTimeZone(); // for the generation time
    int chartGroups = 7;                          // series in the chart; the rest are "Other"
    int movers = 10;                              // rows of top movers
    int groupRows = 25;                           // rows of totals by group
    int anomalyRows = 20;
};

ReportDocument buildUsageReport(const UsageController &controller, const UsageReportOptions &options);

// "2026-11-01 – 2026-11-22 (22 days, UTC)": the period as the report states it.
QString usageReportRangeText(const UsageDayRange &range);
// A cost as the report and the outlook bar write it ("$1,234.50", "1.234,50 €", "12.50 CHF").
QString reportMoney(double amount, const QString &currency);

} // namespace models
