// Pages an organization's audit log from a server into the audit table model
// exactly as the Audit log page does (AuditPager → AuditTableModel::appendPage
// on the event-loop thread, decoding on workers), and measures entries/s, the
// longest event-loop stall, and bytes held per entry. Prints one JSON line.
// With --archive DIR every page also goes to an AuditArchiveWorker writing
// DIR, as the page does with its archive on; the line then adds how long the
// archive took to catch up after the last page (archive_lag_s, including
// the last pass of the id index; archive_stored_lag_s: until every page was
// stored, before that pass) and the process's resident
// memory before the load, at its end and once the archive caught up
// (rss_mb_*; audit_rss_mb_1m is rss_mb_caught_up - rss_mb_before; rss_mb_peak
// is the high-water mark), and the archive queue's peak bytes in memory.
//
//   bench_audit_ingest --base-url URL [--org ID] [--since D] [--before D] [--limit N] [--token T]
//                      [--archive DIR]

#include "api/allocatorpolicy.h"
#include "api/auditpager.h"
#include "api/client.h"
#include "api/organizationspager.h"
#include "bench/cputime.h"
#include "models/audit/auditarchiveworker.h"
#include "models/audit/audittablemodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>

#include <ctime>
#include <fstream>
#include <memory>
#include <string>

namespace {

using bench::processCpuSeconds;
using bench::threadCpuSeconds;

// Measures how late a 5 ms timer fires: the longest time the loop was busy.
class StallProbe : public QObject
{
public:
    explicit StallProbe(QObject *parent) : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
                m_maxGapNs = std::max(m_maxGapNs, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_timer.start();
    }
    double maxStallMs() const { return std::max<qint64>(0, m_maxGapNs - 5'000'000) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGapNs = 0;
};

// Resident memory of this process in MB (Linux /proc; 0 elsewhere); with
// "VmHWM:" its peak so far.
double residentMb(const char *field = "VmRSS:")
{
    std::ifstream status("/proc/self/status");
    std::string line;
    const std::string key(field);
    while (std::getline(status, line))
        if (line.rfind(key, 0) == 0)
            return std::stod(line.substr(key.size())) / 1024.0;
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    api::keepFreedMemoryInProcess(); // as the console does
    QLoggingCategory::setFilterRules(QStringLiteral("orgscope.*.info=false\norgscope.*.debug=false"));
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption baseUrl(QStringLiteral("base-url"), QStringLiteral("API base URL"),
                                     QStringLiteral("url"));
    const QCommandLineOption org(
        QStringLiteral("org"), QStringLiteral("Organization id (default: first root)"), QStringLiteral("id"));
    const QCommandLineOption since(QStringLiteral("since"), QStringLiteral("Start (default: 18 months ago)"),
                                   QStringLiteral("date"));
    const QCommandLineOption before(QStringLiteral("before"), QStringLiteral("End (default: tomorrow)"),
                                    QStringLiteral("date"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("Page size"), QStringLiteral("n"),
                                   QStringLiteral("1000"));
    const QCommandLineOption token(QStringLiteral("token"), QStringLiteral("API token"),
                                   QStringLiteral("token"), QStringLiteral("orgscope-demo-token"));
    const QCommandLineOption archiveDir(QStringLiteral("archive"),
                                        QStringLiteral("Also store the pages in an archive in this folder"),
                                        QStringLiteral("dir"));
    parser.addOptions({baseUrl, org, since, before, limit, token, archiveDir});
    parser.process(app);

    api::Client client;
    client.setBaseUrl(QUrl(parser.value(baseUrl)));
    client.setCredentials(api::Credentials{parser.value(token), {}, {}});

    const QDate today = QDateTime::currentDateTimeUtc().date();
    api::AuditQuery query;
    query.since = parser.isSet(since) ? parser.value(since) : today.addMonths(-18).toString(Qt::ISODate);
    query.before = parser.isSet(before) ? parser.value(before) : today.addDays(1).toString(Qt::ISODate);
    query.limit = parser.value(limit).toInt();

    models::AuditTableModel model;
    std::unique_ptr<models::AuditArchiveWorker> archive;
    double rssBefore = 0;
    StallProbe probe(&app);
    QElapsedTimer clock;
    double guiCpuStart = 0;
    double processCpuStart = 0;
    QTextStream out(stdout);
    int exitCode = 0;

    auto runAudit = [&](const QString &orgId) {
        const quint64 generation = model.beginQuery();
        auto *pager = new api::AuditPager(&client, orgId, query, &app);
        QObject::connect(pager, &api::AuditPager::columnsReady, &model,
                         [&model, &archive, generation](const api::AuditColumns &page) {
                             if (model.appendPage(generation, page) && archive)
                                 archive->append(page);
                         });
        QObject::connect(pager, &api::Pager::finished, &app, [&](api::Pager *p) {
            const double seconds = clock.nsecsElapsed() / 1e9;
            const double guiCpu = threadCpuSeconds() - guiCpuStart;
            const double processCpu = processCpuSeconds() - processCpuStart;
            const qint64 rows = model.rowCount();
            QJsonObject result{
                {QStringLiteral("entries"), rows},
                {QStringLiteral("requests"), p->pageCount()},
                {QStringLiteral("seconds"), seconds},
                {QStringLiteral("entries_per_s"), seconds > 0 ? rows / seconds : 0.0},
                {QStringLiteral("stall_max_ms"), probe.maxStallMs()},
                {QStringLiteral("gui_cpu_us_per_entry"), rows ? guiCpu * 1e6 / double(rows) : 0.0},
                {QStringLiteral("process_cpu_us_per_entry"), rows ? processCpu * 1e6 / double(rows) : 0.0},
                {QStringLiteral("bytes_per_entry"),
                 rows ? double(model.store().bytes()) / double(rows) : 0.0}};
            if (archive) {
                result.insert(QStringLiteral("rss_mb_before"), rssBefore);
                result.insert(QStringLiteral("rss_mb_loaded"), residentMb());
                QElapsedTimer lag;
                lag.start();
                // Every page stored (requests are served in order), then the
                // load's end as AuditController tells it: the ids still
                // waiting go into the index, freed memory goes back.
                archive->flush();
                result.insert(QStringLiteral("archive_stored_lag_s"), lag.nsecsElapsed() / 1e9);
                archive->releaseFreedMemory();
                archive->flush();
                result.insert(QStringLiteral("archive_lag_s"), lag.nsecsElapsed() / 1e9);
                result.insert(QStringLiteral("archive_entries_per_s"),
                              rows / (seconds + lag.nsecsElapsed() / 1e9));
                result.insert(QStringLiteral("rss_mb_caught_up"), residentMb());
                result.insert(QStringLiteral("rss_mb_peak"), residentMb("VmHWM:"));
                // Of which the archive file's pages SQLite read through its mapping.
                result.insert(QStringLiteral("rss_file_mb_caught_up"), residentMb("RssFile:"));
                result.insert(QStringLiteral("archive_queue_peak_mb"),
                              double(archive->peakQueuedBytes()) / (1024.0 * 1024.0));
                result.insert(QStringLiteral("archive_spilled_blocks"), archive->spilledBlocks());
            }
            if (!p->succeeded()) {
                result.insert(QStringLiteral("error"), p->error().userMessage());
                exitCode = 1;
            }
            out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
            out.flush();
            QCoreApplication::exit(exitCode);
        });
        if (parser.isSet(archiveDir)) {
            archive = std::make_unique<models::AuditArchiveWorker>();
            archive->open(1, orgId, parser.value(archiveDir), false);
            archive->flush();
        }
        rssBefore = residentMb();
        probe.start();
        guiCpuStart = threadCpuSeconds();
        processCpuStart = processCpuSeconds();
        clock.start();
        pager->start();
    };

    if (parser.isSet(org)) {
        QTimer::singleShot(0, &app, [&] { runAudit(parser.value(org)); });
    } else {
        auto *orgs = new api::OrganizationsPager(&client, api::OrganizationFilter::rootsOnly(), &app);
        auto rootId = std::make_shared<QString>();
        QObject::connect(orgs, &api::OrganizationsPager::pageReady, &app,
                         [rootId](const QList<api::Organization> &page) {
                             if (rootId->isEmpty() && !page.isEmpty())
                                 *rootId = page.first().id;
                         });
        QObject::connect(orgs, &api::Pager::finished, &app, [&, rootId](api::Pager *p) {
            if (!p->succeeded() || rootId->isEmpty()) {
                QTextStream(stderr) << "bench_audit_ingest: no organization: " << p->error().userMessage()
                                    << '\n';
                QCoreApplication::exit(2);
                return;
            }
            runAudit(*rootId);
        });
        orgs->start();
    }
    return QCoreApplication::exec();
}
