#include "auditloadprobe.h"

#include "console.h"
#include "optionnames.h"

#include "models/audit/auditcontroller.h"
#include "models/audit/auditstore.h"
#include "models/audit/audittablemodel.h"
#include "models/connections/connectioncontroller.h"
#include "models/session/session.h"
#include "ui/audit/auditlogpage.h"
#include "ui/audit/auditquerybar.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QJsonDocument>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <cmath>
#include <utility>

namespace app {

namespace {

using Preset = models::AuditQueryDraft::Preset;

constexpr int kPollMs = 50;
// After the first automatic load (and its archive writes), before the click:
// the pages' deferred work of the start settles.
constexpr int kSettleMs = 500;

std::optional<qint64> parseInstant(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (!d.isValid())
            return std::nullopt;
        t = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    if (t.timeSpec() == Qt::LocalTime) // no offset given: UTC, as the API's times
        t.setTimeSpec(Qt::UTC);
    return t.toMSecsSinceEpoch();
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

double rounded(double mb)
{
    return std::round(mb * 10.0) / 10.0;
}

} // namespace

std::optional<models::AuditQueryDraft> parseAuditRange(const QString &text, QString *error)
{
    static const QList<std::pair<QString, Preset>> presets = {
        {QStringLiteral("last-hour"), Preset::LastHour},
        {QStringLiteral("last-24-hours"), Preset::Last24Hours},
        {QStringLiteral("last-7-days"), Preset::Last7Days},
        {QStringLiteral("last-30-days"), Preset::Last30Days},
        {QStringLiteral("last-90-days"), Preset::Last90Days},
        {QStringLiteral("last-18-months"), Preset::Last18Months},
    };
    models::AuditQueryDraft draft;
    for (const auto &[name, preset] : presets) {
        if (text == name) {
            draft.preset = preset;
            return draft;
        }
    }
    const QStringList parts = text.split(u'/');
    const std::optional<qint64> from = parts.size() == 2 ? parseInstant(parts.at(0)) : std::nullopt;
    const std::optional<qint64> to = parts.size() == 2 ? parseInstant(parts.at(1)) : std::nullopt;
    if (!from || !to || *from >= *to) {
        if (error)
            *error = QStringLiteral("--range: expected last-hour, last-24-hours, last-7-days, last-30-days, "
                                    "last-90-days, last-18-months or SINCE/BEFORE (ISO 8601, SINCE before "
                                    "BEFORE), got '%1'")
                         .arg(text);
        return std::nullopt;
    }
    draft.setCustomRange(*from, *to);
    return draft;
}

void addAuditLoadOptions(QCommandLineParser &parser)
{
    // For bench/run_bench.py (issue 22); not for users, so hidden from --help.
    QList<QCommandLineOption> options{
        QCommandLineOption(opt::measure,
                           QStringLiteral("Measure an audit load in the Audit log, then quit.")),
        QCommandLineOption(opt::token, QStringLiteral("API token (as CLOUDFLARE_API_TOKEN)."),
                           QStringLiteral("token")),
        QCommandLineOption(opt::range, QStringLiteral("Range to run (default last-18-months)."),
                           QStringLiteral("range")),
        QCommandLineOption(opt::org, QStringLiteral("Organization to load."), QStringLiteral("id")),
        QCommandLineOption(opt::archiveDir, QStringLiteral("Audit archive directory."),
                           QStringLiteral("dir")),
        QCommandLineOption(opt::out, QStringLiteral("Write the figures (JSON) here."),
                           QStringLiteral("file")),
        QCommandLineOption(opt::firstRowsOnly, QStringLiteral("Stop once the first rows are painted.")),
        QCommandLineOption(opt::timeout, QStringLiteral("Give up after this long (default 1800)."),
                           QStringLiteral("seconds")),
    };
    for (QCommandLineOption &option : options) {
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
    }
}

std::optional<AuditLoadMeasureOptions> auditLoadOptions(const QCommandLineParser &parser, QString *error)
{
    if (!parser.isSet(opt::measure))
        return std::nullopt;
    AuditLoadMeasureOptions options;
    const std::optional<models::AuditQueryDraft> range = parseAuditRange(
        parser.isSet(opt::range) ? parser.value(opt::range) : QStringLiteral("last-18-months"), error);
    if (!range)
        return std::nullopt;
    options.range = *range;
    options.organizationId = parser.value(opt::org);
    options.archiveDirectory = parser.value(opt::archiveDir);
    options.outPath = parser.value(opt::out);
    options.token = parser.value(opt::token);
    options.firstRowsOnly = parser.isSet(opt::firstRowsOnly);
    if (parser.isSet(opt::timeout)) {
        bool ok = false;
        options.timeoutSeconds = parser.value(opt::timeout).toInt(&ok);
        if (!ok || options.timeoutSeconds <= 0) {
            if (error)
                *error = QStringLiteral("--measure-timeout: expected a number of seconds, got '%1'")
                             .arg(parser.value(opt::timeout));
            return std::nullopt;
        }
    }
    return options;
}

double residentMb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray key(field);
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

AuditLoadProbe::AuditLoadProbe(Console &console, const AuditLoadMeasureOptions &options)
    : QObject(console.window()), m_console(console), m_options(options), m_poll(new QTimer(this))
{
    m_sinceStart.start();
    for (ui::Page *page : console.window()->pages())
        if (auto *audit = qobject_cast<ui::AuditLogPage *>(page))
            m_page = audit;
    if (!m_page) {
        QTimer::singleShot(0, this, [this] { fail(QStringLiteral("the console has no Audit log page")); });
        return;
    }
    models::AuditController *controller = m_page->controller();
    if (!m_options.archiveDirectory.isEmpty())
        controller->setArchiveDirectory(m_options.archiveDirectory);
    m_page->table()->viewport()->installEventFilter(this);

    connect(console.session(), &models::Session::organizationChanged, this,
            [this](const QString &id) { onOrganization(id); });
    connect(console.connections(), &models::ConnectionController::connectionFailed, this,
            [this](const QString &, const QString &message) {
                fail(QStringLiteral("the connection failed: %1").arg(message));
            });
    connect(console.session(), &models::Session::stateChanged, this,
            [this](models::Session::State state, const QString &text) {
                if (state == models::Session::State::Failed)
                    fail(text);
            });
    connect(controller, &models::AuditController::historyLoaded, this, [this](qint64 rows, qint64) {
        if (m_step != Step::Settling || m_historyRows >= 0)
            return;
        m_historyRows = rows;
        // The controller starts its automatic load (or refresh) right after this signal.
        m_poll->start();
    });
    connect(controller, &models::AuditController::loadFinished, this, &AuditLoadProbe::onLoadFinished);

    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &AuditLoadProbe::pollSettled);
    QTimer::singleShot(m_options.timeoutSeconds * 1000, this, [this] {
        static const char *const steps[] = {"choosing the organization", "opening the Audit log", "loading",
                                            "painting the rows", "done"};
        fail(QStringLiteral("not measured within %1 s (%2)")
                 .arg(m_options.timeoutSeconds)
                 .arg(QLatin1String(steps[int(m_step)])));
    });
}

void AuditLoadProbe::onOrganization(const QString &id)
{
    if (m_step != Step::Organization || id.isEmpty())
        return;
    if (!m_options.organizationId.isEmpty() && id != m_options.organizationId) {
        if (std::exchange(m_switchedOrganization, true)) {
            fail(QStringLiteral("the console did not switch to organization %1")
                     .arg(m_options.organizationId));
            return;
        }
        // As the toolbar picker does; nothing can be unsaved this early.
        m_console.session()->setOrganization(m_options.organizationId, QString());
        return;
    }
    m_result.insert(QStringLiteral("organization"), id);
    m_result.insert(QStringLiteral("organization_ms"), m_sinceStart.elapsed());
    // Deferred: the other pages see the organization first, as they would.
    QTimer::singleShot(0, this, &AuditLoadProbe::openPage);
}

void AuditLoadProbe::openPage()
{
    m_step = Step::Settling;
    // The page loads its draft's range when it opens with an empty archive
    // (default "Last 30 days"): "Last hour" keeps that first load small, so
    // "before" is the console with the page open and little else; the Run
    // below replaces its rows.
    models::AuditController *controller = m_page->controller();
    models::AuditQueryDraft first = controller->draft();
    first.preset = Preset::LastHour;
    first.filters.clear();
    controller->setDraft(first);
    m_console.window()->navigator()->showPage(ui::PageId::Audit);
    if (m_console.window()->currentPage() != m_page)
        fail(QStringLiteral("the Audit log page did not come forward"));
}

void AuditLoadProbe::pollSettled()
{
    models::AuditController *controller = m_page->controller();
    if (controller->isBusy() || controller->isLoading())
        return;
    m_poll->stop();
    if (controller->error().isError()) {
        fail(QStringLiteral("the Audit log's first load failed: %1").arg(controller->error().message));
        return;
    }
    m_result.insert(QStringLiteral("history_rows"), m_historyRows);
    m_result.insert(QStringLiteral("first_load_rows"), qint64(controller->table()->rowCount()));
    // Its pages stored, as for the measured load below.
    controller->flushArchive();
    QTimer::singleShot(kSettleMs, this, &AuditLoadProbe::startRun);
}

void AuditLoadProbe::startRun()
{
    models::AuditController *controller = m_page->controller();
    models::AuditQueryDraft draft = controller->draft();
    draft.preset = m_options.range.preset;
    draft.fromMs = m_options.range.fromMs;
    draft.toMs = m_options.range.toMs;
    draft.filters.clear();
    controller->setDraft(draft); // the query bar shows the controller's draft
    if (!models::AuditController::sameQuery(m_page->queryBar()->draft(), draft)) {
        fail(QStringLiteral("the query bar does not show the range to run"));
        return;
    }
    QPushButton *run = m_page->queryBar()->runButton();
    if (!run->isVisible() || !run->isEnabled()) {
        fail(QStringLiteral("the Run button cannot be clicked"));
        return;
    }
    const auto [from, to] = draft.range(QDateTime::currentMSecsSinceEpoch());
    m_result.insert(QStringLiteral("since"), iso(from));
    m_result.insert(QStringLiteral("before"), iso(to));
    m_result.insert(QStringLiteral("run_at_ms"), m_sinceStart.elapsed());
    m_result.insert(QStringLiteral("rss_mb_before"), rounded(residentMb()));
    m_step = Step::Running;
    m_clock.start();
    run->click();
    if (!controller->isLoading())
        fail(QStringLiteral("Run did not start a load: %1").arg(controller->error().message));
}

bool AuditLoadProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && m_firstRowsMs < 0 &&
        (m_step == Step::Running || m_step == Step::Painting)) {
        const int rows = m_page->table()->model()->rowCount();
        // Fewer than 1,000 in all: the first paint after the last of them.
        if (rows >= kFirstRows || (m_step == Step::Painting && rows > 0)) {
            m_firstRowsMs = m_clock.elapsed();
            m_firstPaintRows = rows;
            if (m_options.firstRowsOnly) {
                m_step = Step::Done;
                QTimer::singleShot(0, this, &AuditLoadProbe::finish);
            } else if (m_step == Step::Painting) {
                QTimer::singleShot(0, this, &AuditLoadProbe::catchUp);
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

void AuditLoadProbe::onLoadFinished(const models::AuditLoadSummary &summary)
{
    if (m_step != Step::Running)
        return; // the page's first automatic load
    if (summary.canceled || summary.failed) {
        fail(QStringLiteral("the load %1 after %2 entries: %3")
                 .arg(summary.canceled ? QStringLiteral("was canceled") : QStringLiteral("failed"))
                 .arg(summary.received)
                 .arg(m_page->controller()->error().message));
        return;
    }
    m_lastRowMs = m_clock.elapsed();
    if (summary.received == 0) {
        fail(QStringLiteral("the range holds no entries"));
        return;
    }
    models::AuditTableModel *table = m_page->controller()->table();
    m_result.insert(QStringLiteral("rss_mb_loaded"), rounded(residentMb()));
    m_result.insert(QStringLiteral("rows"), qint64(m_page->table()->model()->rowCount()));
    m_result.insert(QStringLiteral("store_rows"), qint64(table->store().rowCount()));
    m_result.insert(QStringLiteral("received"), summary.received);
    m_result.insert(QStringLiteral("added"), summary.added);
    m_result.insert(QStringLiteral("pages"), summary.pages);
    m_result.insert(QStringLiteral("entries_with_issues"), summary.entriesWithIssues);
    if (m_firstRowsMs < 0) {
        m_step = Step::Painting;
        m_page->table()->viewport()->update();
        return;
    }
    catchUp();
}

void AuditLoadProbe::catchUp()
{
    m_step = Step::Done;
    // The controller asked the archive to hand freed memory back once every
    // page is stored (AuditController::onLoadFinished); wait for that here.
    m_page->controller()->flushArchive();
    m_result.insert(QStringLiteral("archive_lag_ms"), m_clock.elapsed() - m_lastRowMs);
    m_result.insert(QStringLiteral("rss_mb_caught_up"), rounded(residentMb()));
    finish();
}

void AuditLoadProbe::finish()
{
    m_step = Step::Done;
    m_result.insert(QStringLiteral("audit_first_rows_ms"), m_firstRowsMs);
    m_result.insert(QStringLiteral("first_paint_rows"), m_firstPaintRows);
    m_result.insert(QStringLiteral("first_rows_only"), m_options.firstRowsOnly);
    if (m_options.firstRowsOnly) {
        m_page->cancel(); // as the Cancel button: what arrived stays
    } else {
        m_result.insert(QStringLiteral("gui_audit_load_ms"), m_lastRowMs);
        const double before = m_result.value(QStringLiteral("rss_mb_before")).toDouble();
        m_result.insert(QStringLiteral("audit_rss_mb"),
                        rounded(m_result.value(QStringLiteral("rss_mb_caught_up")).toDouble() - before));
        m_result.insert(QStringLiteral("loaded_rss_mb"),
                        rounded(m_result.value(QStringLiteral("rss_mb_loaded")).toDouble() - before));
        const qint64 received = m_result.value(QStringLiteral("received")).toInteger();
        if (m_lastRowMs > 0)
            m_result.insert(QStringLiteral("entries_per_s"), std::round(received * 1000.0 / m_lastRowMs));
    }
    m_result.insert(QStringLiteral("rss_mb_peak"), rounded(residentMb("VmHWM:")));
    m_result.insert(QStringLiteral("archive_directory"), m_page->controller()->archiveDirectory());
    const QByteArray json = QJsonDocument(m_result).toJson(QJsonDocument::Compact);
    if (!m_options.outPath.isEmpty()) {
        QSaveFile out(m_options.outPath);
        if (!out.open(QIODevice::WriteOnly) || out.write(json + '\n') < 0 || !out.commit()) {
            fail(QStringLiteral("cannot write %1: %2").arg(m_options.outPath, out.errorString()));
            return;
        }
    }
    QTextStream(stdout) << json << '\n';
    QCoreApplication::exit(0);
}

void AuditLoadProbe::fail(const QString &why)
{
    if (m_step == Step::Done && !why.startsWith(QLatin1String("cannot write")))
        return;
    m_step = Step::Done;
    m_poll->stop();
    QTextStream(stderr) << "orgscope: --measure-audit-load: " << why << '\n';
    QCoreApplication::exit(1);
}

} // namespace app
