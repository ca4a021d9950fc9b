#include "ui/reports/pagereports.h"

#include "models/audit/auditcontroller.h"
#include "models/audit/audittablemodel.h"
#include "models/reports/auditreport.h"
#include "models/reports/usagereport.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "models/settings/timezonesetting.h"
#include "models/usage/usagecontroller.h"
#include "ui/audit/auditlogpage.h"
#include "ui/common/dialogs.h"
#include "ui/common/messagebanner.h"
#include "ui/reports/reportdialog.h"
#include "ui/usage/usagepage.h"

#include <QAction>
#include <QDir>
#include <QFutureWatcher>
#include <QMenu>
#include <QPointer>
#include <QPrintDialog>
#include <QPrinter>
#include <QtConcurrent>

namespace ui {

namespace {
const auto kPageSizeKey = QStringLiteral("reports/pageSize");
}

PageReports::PageReports(QWidget *page, models::Session *session, models::AppSettings *settings)
    : QObject(page), m_page(page), m_session(session), m_settings(settings)
{
    setObjectName(QStringLiteral("pageReports"));
}

PageReports *PageReports::attach(UsagePage *page, QMenu *menu, models::Session *session,
                                 models::AppSettings *settings)
{
    auto *reports = new PageReports(page, session, settings);
    reports->m_usage = page;
    reports->addActions(menu);
    return reports;
}

PageReports *PageReports::attach(AuditLogPage *page, QMenu *menu, models::Session *session,
                                 models::AppSettings *settings)
{
    auto *reports = new PageReports(page, session, settings);
    reports->m_audit = page;
    reports->addActions(menu);
    return reports;
}

void PageReports::addActions(QMenu *menu)
{
    if (!menu)
        return;
    menu->addSeparator();
    QAction *report = menu->addAction(tr("Report (PDF or print)…"));
    report->setObjectName(QStringLiteral("actionReport"));
    report->setToolTip(tr("A finished report of this view: figures, chart and tables, as a PDF or on paper"));
    connect(report, &QAction::triggered, this, &PageReports::openDialog);
}

QTimeZone PageReports::timeZone() const
{
    if (m_audit)
        return m_audit->model()->timeZone();
    return models::TimeZoneSetting::instance()->zone();
}

QString PageReports::summary() const
{
    const QString org = m_session ? m_session->organizationName() : QString();
    if (m_usage)
        return tr("The usage report of %1 for %2: the key figures, the chart, the top movers against the "
                  "previous "
                  "period, the totals by group, this month's budget status and the anomalies, as the page "
                  "shows "
                  "them.")
            .arg(org, models::usageReportRangeText(m_usage->controller()->aggregate().range()));
    return tr("The audit report of %1 for the entries the table shows (%2): the activity timeline, the "
              "counts "
              "by action, actor and result, the failures and the entries (the first %3).")
        .arg(org)
        .arg(m_audit->model()->rowCount())
        .arg(models::AuditReportRequest().entryCap);
}

QString PageReports::suggestedFileName() const
{
    const QString org = m_session ? m_session->organizationId().left(12) : QString();
    return QStringLiteral("%1-report-%2-%3.pdf")
        .arg(m_usage ? QStringLiteral("usage") : QStringLiteral("audit"), org,
             QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmm")));
}

void PageReports::openDialog()
{
    const auto saved = m_settings ? models::reportPageSizeFromName(m_settings->value(kPageSizeKey).toString())
                                  : std::nullopt;
    auto *dialog = new ReportDialog(m_usage ? tr("Usage report") : tr("Audit log report"), summary(),
                                    saved.value_or(models::defaultReportPageSize()), m_page);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const auto remember = [this](models::ReportPageSize size) {
        if (m_settings)
            m_settings->setValue(kPageSizeKey, models::reportPageSizeName(size));
    };
    connect(dialog, &ReportDialog::saveRequested, this, [this, remember](models::ReportPageSize size) {
        remember(size);
        save(size);
    });
    connect(dialog, &ReportDialog::printRequested, this, [this, remember](models::ReportPageSize size) {
        remember(size);
        print(size);
    });
    dialog->open();
}

void PageReports::save(models::ReportPageSize size)
{
    const QString path =
        Dialogs::saveFileName(m_page, tr("Save report as PDF"), QDir::home().filePath(suggestedFileName()),
                              tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        writePdf(path, size);
}

void PageReports::writePdf(const QString &path, models::ReportPageSize size)
{
    build([this, path, size](const models::ReportDocument &doc) {
        QString error;
        if (doc.writePdf(path, size, &error))
            report(true, path);
        else
            report(false, tr("The report could not be written to %1: %2").arg(path, error));
    });
}

void PageReports::print(models::ReportPageSize size)
{
    auto *printer = new QPrinter(QPrinter::HighResolution);
    printer->setPageSize(models::toPageSize(size));
    // The report draws its own margins, header and footer.
    printer->setFullPage(true);
    printer->setDocName(m_usage ? tr("Usage report") : tr("Audit log report"));
    auto *dialog = new QPrintDialog(printer, m_page);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, printer](int result) {
        if (result != QDialog::Accepted) {
            delete printer;
            return;
        }
        printOn(std::shared_ptr<QPrinter>(printer));
    });
    dialog->open();
}

void PageReports::printOn(QPrinter *printer)
{
    printOn(std::shared_ptr<QPrinter>(printer, [](QPrinter *) {})); // the caller's
}

void PageReports::printOn(std::shared_ptr<QPrinter> printer)
{
    build([this, printer](const models::ReportDocument &doc) {
        const bool ok = doc.paint(printer.get());
        report(ok, ok ? tr("printer") : tr("The report could not be printed."));
    });
}

void PageReports::build(const Ready &ready)
{
    const quint64 generation = ++m_generation;
    const QString orgName = m_session ? m_session->organizationName() : QString();
    const QString orgId = m_session ? m_session->organizationId() : QString();
    if (m_usage) {
        // The controller's aggregate is computed already: laying it out is cheap.
        models::UsageReportOptions options;
        options.organizationName = orgName;
        options.organizationId = orgId;
        options.zone = timeZone();
        ready(models::buildUsageReport(*m_usage->controller(), options));
        return;
    }
    models::AuditController *controller = m_audit->controller();
    models::AuditTableModel *table = controller->table();
    models::AuditReportRequest request;
    request.organizationName = orgName;
    request.organizationId = orgId;
    const auto [from, to] = controller->draft().range(QDateTime::currentMSecsSinceEpoch());
    request.fromMs = from;
    request.toMs = to;
    request.queryFilters = models::describeAuditQueryFilters(controller->draft());
    request.zone = timeZone();
    request.localFilters = models::describeAuditLocalFilters(table->filter(), request.zone);
    if (controller->isStale())
        request.localFilters.prepend(tr("(the query bar was changed after these entries were loaded)"));
    const models::AuditSnapshot snapshot = table->snapshot();
    request.loadedEntries = snapshot.rowCount();
    // Counting a million rows is not for the GUI thread.
    auto *watcher = new QFutureWatcher<models::AuditReportData>(this);
    connect(watcher, &QFutureWatcher<models::AuditReportData>::finished, this,
            [this, watcher, request, ready, generation] {
                watcher->deleteLater();
                if (generation != m_generation)
                    return;
                ready(models::buildAuditReport(watcher->result(), request));
            });
    watcher->setFuture(QtConcurrent::run([snapshot, rows = table->visibleRows(), request] {
        return models::computeAuditReport(snapshot, rows, request);
    }));
}

void PageReports::report(bool ok, const QString &message)
{
    MessageBanner *banner = m_usage ? m_usage->banner() : m_audit->banner();
    if (ok && message != tr("printer"))
        banner->showInfo(tr("Report saved to %1").arg(QDir::toNativeSeparators(message)));
    else if (!ok)
        banner->showError(message, false);
    Q_EMIT finished(ok, message);
}

} // namespace ui
