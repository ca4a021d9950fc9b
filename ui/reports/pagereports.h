#pragma once
// "Report…" on the Usage and Audit log pages: actions added to a page's
// Export menu, the report dialog, the file picker (ui::Dialogs) or
// QPrintDialog, and the build itself: the usage report from the page's
// controller (already aggregated), the audit report computed on a worker from
// a snapshot of the rows shown, then laid out and painted here.

#include "models/reports/reportdocument.h"

#include <QObject>
#include <functional>
#include <memory>

class QMenu;
class QPrinter;
class QWidget;

namespace models {
class AppSettings;
class Session;
} // namespace models

namespace ui {

class AuditLogPage;
class UsagePage;

class PageReports : public QObject
{
    Q_OBJECT
public:
    using Ready = std::function<void(const models::ReportDocument &)>;

    // Adds "Report…" (and Print) to menu; the object lives as long as the page.
    static PageReports *attach(UsagePage *page, QMenu *menu, models::Session *session,
                               models::AppSettings *settings);
    static PageReports *attach(AuditLogPage *page, QMenu *menu, models::Session *session,
                               models::AppSettings *settings);

    // The page's report, when it is ready (at once for usage, after a worker for audit).
    void build(const Ready &ready);
    // Builds and writes a PDF; finished(ok, pathOrError) follows.
    void writePdf(const QString &path, models::ReportPageSize size);
    // Builds the report and prints it on `printer` (set up by QPrintDialog, or
    // by a test as PDF output); finished(ok, "printer" or error) follows. The
    // printer must live until then.
    void printOn(QPrinter *printer);
    // The dialog (page size, Save as PDF… or Print…), opened without blocking.
    void openDialog();
    // The zone of the times a report states (the application's setting).
    QTimeZone timeZone() const;

Q_SIGNALS:
    void finished(bool ok, const QString &pathOrError);

private:
    PageReports(QWidget *page, models::Session *session, models::AppSettings *settings);
    void addActions(QMenu *menu);
    void save(models::ReportPageSize size);
    void print(models::ReportPageSize size);
    void printOn(std::shared_ptr<QPrinter> printer);
    QString suggestedFileName() const;
    QString summary() const;
    void report(bool ok, const QString &message);

    QWidget *m_page;
    UsagePage *m_usage = nullptr;
    AuditLogPage *m_audit = nullptr;
    models::Session *m_session;
    models::AppSettings *m_settings;
    quint64 m_generation = 0;
};

} // namespace ui
