#pragma once
// `orgscope --measure-audit-load` (bench/run_bench.py, issue 22): the real
// console, started as a user starts it (MainWindow, every page, the
// connection from CLOUDFLARE_API_TOKEN / --base-url, the Audit log's
// controller with its archive on), opens the Audit log, lets its first
// automatic load end, sets the query bar's range and clicks its Run button.
// It records, from that click:
//   audit_first_rows_ms  the first paint of the table's viewport showing at
//                        least 1,000 rows (all rows when fewer arrive);
//   gui_audit_load_ms    the load's end, the last row in the table;
// and the process's resident memory (VmRSS) before the click, at the last
// row, and once the archive has stored every page (audit_rss_mb = caught up
// minus before). Then it writes one JSON object to --out (and stdout) and
// quits: 0 when measured, 1 with one line on stderr when not.
//
// Nothing of the product is skipped or replaced: the probe watches (an
// event filter on the table's viewport, the controller's signals) and does
// what a user does (the query bar's range, the Run button). Beyond that it
// only points the archive at --archive-dir, sets "Last hour" before the page
// first opens (so the page's automatic first load stays small), and, after
// the last row, waits for the archive on the event-loop thread
// (AuditController::flushArchive) instead of polling it.

#include "models/audit/auditquerydraft.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <optional>

class QCommandLineParser;
class QTimer;

namespace models {
struct AuditLoadSummary;
}
namespace ui {
class AuditLogPage;
}

namespace app {

class Console;

struct AuditLoadMeasureOptions
{
    models::AuditQueryDraft range; // only the range (preset or custom) is used
    QString organizationId;        // empty: the organization the console picks
    QString archiveDirectory;      // empty: the console's default
    QString outPath;               // empty: stdout only
    QString token;                 // --token: CLOUDFLARE_API_TOKEN for the console's environment profile
    bool firstRowsOnly = false;    // quit once the first rows are painted
    int timeoutSeconds = 1800;
};

// --range: last-hour, last-24-hours, last-7-days, last-30-days, last-90-days,
// last-18-months, or SINCE/BEFORE (ISO 8601 dates, UTC midnight, or date-times).
std::optional<models::AuditQueryDraft> parseAuditRange(const QString &text, QString *error);

// The hidden options of the measurement (--measure-audit-load, --token,
// --range, --org, --archive-dir, --out, --first-rows-only, --measure-timeout).
void addAuditLoadOptions(QCommandLineParser &parser);
// nullopt when --measure-audit-load is not given, or (error set) when its options are wrong.
std::optional<AuditLoadMeasureOptions> auditLoadOptions(const QCommandLineParser &parser, QString *error);

// Resident memory of this process in MB (/proc/self/status; 0 elsewhere);
// field "VmHWM:" gives the peak.
double residentMb(const char *field = "VmRSS:");

class AuditLoadProbe : public QObject
{
    Q_OBJECT
public:
    // Before Console::start(): the archive directory must be set before the page opens.
    AuditLoadProbe(Console &console, const AuditLoadMeasureOptions &options);

    // The rows that make "the first rows" (the first 1,000).
    static constexpr int kFirstRows = 1000;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Step { Organization, Settling, Running, Painting, Done };

    void onOrganization(const QString &id);
    void openPage();
    void pollSettled();
    void startRun();
    void onLoadFinished(const models::AuditLoadSummary &summary);
    void catchUp();
    void finish();
    void fail(const QString &why);

    Console &m_console;
    AuditLoadMeasureOptions m_options;
    QPointer<ui::AuditLogPage> m_page;
    Step m_step = Step::Organization;
    QTimer *m_poll;
    QElapsedTimer m_clock; // from the Run click
    QElapsedTimer m_sinceStart;
    bool m_switchedOrganization = false; // --org asked for once
    qint64 m_historyRows = -1;
    qint64 m_firstRowsMs = -1;
    int m_firstPaintRows = 0;
    qint64 m_lastRowMs = -1;
    QJsonObject m_result;
};

} // namespace app
