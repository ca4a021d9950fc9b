// "Report…" on the Usage and Audit log pages, wired by createPages(), against
// orgscope-sim: the PDF's text (pdftotext) holds the organization, the range
// and the totals the page shows (the pivot's total and group cells, the audit
// view's entry and failure counts, its filters), each page has a footer with
// its number, and the dialog's page size reaches the PDF (pdfinfo).

#include "api/client.h"
#include "api/organizationsapi.h"
#include "models/audit/auditcontroller.h"
#include "models/audit/audittablemodel.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "models/usage/usagecontroller.h"
#include "models/usage/usagepivotmodel.h"
#include "ui/audit/auditlogpage.h"
#include "ui/audit/auditquerybar.h"
#include "ui/common/dialogs.h"
#include "ui/common/page.h"
#include "ui/reports/pagereports.h"
#include "ui/reports/reportdialog.h"
#include "ui/shell/pagefactory.h"
#include "ui/usage/usagecontrolsbar.h"
#include "ui/usage/usagepage.h"

#include "testsupport/prerequisite.h"
#include "testsupport/simulatorprocess.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QPrintDialog>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The PDF's text with non-breaking spaces as spaces (the report keeps "1,234.50 USD" on one line).
QString pdfText(const QString &path, bool layout = false)
{
    QProcess p;
    QStringList args{QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")};
    if (layout)
        args.prepend(QStringLiteral("-layout"));
    p.start(QStringLiteral("pdftotext"), args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).replace(QChar(0x00A0), QLatin1Char(' '));
}

// "Page size: 595.276 x 841.89 pts (A4)"
QString pdfPageSize(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {path});
    if (!p.waitForFinished(60000))
        return {};
    for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("Page size:")))
            return line.simplified();
    return {};
}

} // namespace

class TestPageReports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("reports"));
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
            ORGSCOPE_MISSING_PREREQUISITE("pdftotext and pdfinfo (poppler-utils, scripts/deps installs it)");
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        m_client = new api::Client(this);
        m_client->setBaseUrl(QUrl(m_sim.baseUrl()));
        m_client->setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        m_client->setRetryBaseDelay(10);
        api::OrganizationsApi orgs(m_client);
        auto *list = orgs.list({}, 1000, {}, this);
        list->setAutoDelete(false);
        QSignalSpy done(list, &api::Job::finished);
        list->start();
        QVERIFY(list->isFinished() || done.wait(20000));
        QVERIFY2(!list->error(), qPrintable(list->error().toLogString()));
        // The root: its usage covers every account, its audit log holds entries.
        m_orgId = list->result().items.constFirst().id;
        m_orgName = list->result().items.constFirst().name;
        delete list;

        m_session = new models::Session(this);
        m_session->setClient(m_client);
        m_session->setOrganization(m_orgId, m_orgName);
        m_activity = new models::ActivityLog(this);
        m_host = std::make_unique<QWidget>();
        m_pages = ui::createPages({m_session, m_activity, &m_settings, nullptr}, m_host.get());
        for (ui::Page *p : std::as_const(m_pages)) {
            if (auto *usage = qobject_cast<ui::UsagePage *>(p))
                m_usage = usage;
            if (auto *audit = qobject_cast<ui::AuditLogPage *>(p))
                m_audit = audit;
            p->hide();
        }
        QVERIFY(m_usage && m_audit);
    }

    void init() { ui::Dialogs::clearAnswers(); }

    void usageReportHoldsWhatThePageShows()
    {
        showOnly(m_usage);
        QVERIFY(waitUsage());
        models::UsageController *c = m_usage->controller();
        QVERIFY(c->aggregate().groupCount() > 1);

        const QString path = m_dir.filePath(QStringLiteral("usage.pdf"));
        ui::PageReports *reports = m_usage->findChild<ui::PageReports *>(QStringLiteral("pageReports"));
        QVERIFY(reports);
        QSignalSpy finished(reports, &ui::PageReports::finished);
        reports->writePdf(path, models::ReportPageSize::A4);
        QVERIFY(finished.count() == 1 || finished.wait(30000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY(pdfPageSize(path).contains(QLatin1String("(A4)")));

        const QString text = pdfText(path);
        QVERIFY(!text.isEmpty());
        QVERIFY(text.contains(m_orgName));
        QVERIFY(text.contains(m_orgId));
        // The range of the page's date fields.
        const QString first = c->range().firstDate().toString(Qt::ISODate);
        const QString last = c->range().lastDate().toString(Qt::ISODate);
        QVERIFY2(text.contains(first + QStringLiteral(" – ") + last),
                 qPrintable(first + QLatin1Char(' ') + last));
        // The totals the pivot shows on screen, as it shows them: the grand total and every group's total.
        const auto *pivotModel = c->pivotModel();
        const QAbstractItemModel *pivot = pivotModel;
        const QString grand =
            pivot->index(pivotModel->totalsRow(), pivotModel->totalColumn()).data().toString();
        QVERIFY(!grand.isEmpty());
        QVERIFY2(text.contains(grand), qPrintable(grand));
        for (int row = 0; row < pivotModel->totalsRow(); ++row) {
            const QString label = pivot->index(row, 0).data().toString();
            const QString total = pivot->index(row, pivotModel->totalColumn()).data().toString();
            QVERIFY2(text.contains(label) && text.contains(total),
                     qPrintable(label + QLatin1Char(' ') + total));
        }
        QVERIFY(text.contains(QStringLiteral("Top movers against the previous period")));
        QVERIFY(text.contains(QStringLiteral("Budget status and month-end forecast")));
        QVERIFY(text.contains(QStringLiteral("Anomalies")));
        // Generated when, in which zone; a footer on every page.
        QVERIFY(text.contains(QStringLiteral("Generated ") + QDate::currentDate().toString(Qt::ISODate)));
        QVERIFY(text.contains(QStringLiteral("Page 1 of ")));
    }

    void auditReportHoldsTheViewsEntries()
    {
        showOnly(m_audit);
        m_audit->queryBar()->setPreset(ui::AuditQueryBar::Preset::Last18Months);
        QSignalSpy loaded(m_audit->controller(), &models::AuditController::loadFinished);
        m_audit->run();
        QVERIFY(loaded.wait(60000));
        QTRY_VERIFY(!m_audit->isLoading());
        models::AuditTableModel *model = m_audit->model();
        QTRY_VERIFY(!model->isFiltering());
        const int all = model->rowCount();
        QVERIFY(all > 0);

        // Narrow the view by an actor: the report is of the rows shown.
        const QString actor = model->index(0, int(models::AuditColumn::Actor)).data().toString();
        QVERIFY(!actor.isEmpty());
        m_audit->searchBox()->setText(actor);
        QTRY_VERIFY(model->rowCount() < all && model->rowCount() > 0);
        QTRY_VERIFY(!model->isFiltering());
        const int shown = model->rowCount();
        int failures = 0;
        for (int r = 0; r < shown; ++r)
            failures += model->index(r, 0).data(models::AuditTableModel::FailedRole).toBool();

        const QString path = m_dir.filePath(QStringLiteral("audit.pdf"));
        ui::PageReports *reports = m_audit->findChild<ui::PageReports *>(QStringLiteral("pageReports"));
        QVERIFY(reports);
        QSignalSpy finished(reports, &ui::PageReports::finished);
        reports->writePdf(path, models::ReportPageSize::A4);
        QVERIFY(finished.count() == 1 || finished.wait(30000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        const QString text = pdfText(path);
        QVERIFY(text.contains(m_orgName));
        // The query's range in the table's zone, the search, the counts of the view.
        const auto [from, to] = m_audit->controller()->draft().range(QDateTime::currentMSecsSinceEpoch());
        const QString fromText = QDateTime::fromMSecsSinceEpoch(from, model->timeZone())
                                     .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        QVERIFY2(text.contains(fromText), qPrintable(fromText));
        QVERIFY(text.contains(QStringLiteral("Search: “%1”").arg(actor)));
        // The key figures, in a row: entries in view, failures.
        bool figures = false;
        const QString figureRow =
            QStringLiteral("%1 %2 ").arg(QLocale().toString(shown), QLocale().toString(failures));
        for (const QString &line : pdfText(path, true).split(QLatin1Char('\n')))
            figures |= line.simplified().startsWith(figureRow);
        QVERIFY2(figures, qPrintable(figureRow));
        QVERIFY(text.contains(QStringLiteral("of %1 loaded").arg(QLocale().toString(all))));
        QVERIFY(text.contains(QStringLiteral("Failures")));
        QVERIFY(text.contains(QStringLiteral("Entries by action")));
        // Every entry of the view is listed (the view is under the cap), with the table's time text.
        QVERIFY(shown < 500);
        QVERIFY(text.contains(
            QStringLiteral("Every entry of the view is listed (%1).").arg(QLocale().toString(shown))));
        QVERIFY(text.contains(model->index(0, int(models::AuditColumn::Time)).data().toString()));
        QVERIFY(text.count(actor) >= shown);
        if (failures == 0)
            QVERIFY(text.contains(QStringLiteral("No entry in this view failed.")));

        // The whole log: more entries than the cap, and the note says how many are left out.
        m_audit->searchBox()->clear();
        QTRY_COMPARE(model->rowCount(), all);
        if (all > 500) {
            QSignalSpy again(reports, &ui::PageReports::finished);
            reports->writePdf(path, models::ReportPageSize::A4);
            QVERIFY(again.count() == 1 || again.wait(30000));
            const QString full = pdfText(path);
            QVERIFY(full.contains(QStringLiteral("%1 are left out").arg(QLocale().toString(all - 500))));
        }
    }

    void printRendersTheReport()
    {
        // The print path, on a printer set to PDF output: no QPrintDialog is shown.
        showOnly(m_usage);
        QVERIFY(waitUsage());
        ui::PageReports *reports = m_usage->findChild<ui::PageReports *>(QStringLiteral("pageReports"));
        QVERIFY(reports);
        const QString path = m_dir.filePath(QStringLiteral("printed.pdf"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(path);
        printer.setPageSize(QPageSize(QPageSize::A4));
        printer.setFullPage(true);
        QSignalSpy finished(reports, &ui::PageReports::finished);
        reports->printOn(&printer);
        QVERIFY(finished.count() == 1 || finished.wait(30000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        for (QWidget *w : QApplication::topLevelWidgets())
            QVERIFY(!qobject_cast<QPrintDialog *>(w));
        const QString text = pdfText(path);
        QVERIFY(text.contains(m_orgName));
        QVERIFY(text.contains(m_orgId));
        const models::UsageController *c = m_usage->controller();
        QVERIFY(text.contains(c->range().firstDate().toString(Qt::ISODate)));
        QVERIFY(text.contains(QStringLiteral("Page 1 of ")));
    }

    void dialogChoosesPageSizeAndFile()
    {
        showOnly(m_usage);
        QVERIFY(waitUsage());
        QMenu *menu = m_usage->findChild<ui::UsageControlsBar *>()->exportButton()->menu();
        QAction *action = menu->findChild<QAction *>(QStringLiteral("actionReport"));
        QVERIFY(action);
        action->trigger();
        auto *dialog = m_usage->findChild<ui::ReportDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *size = dialog->findChild<QComboBox *>(QStringLiteral("reportPageSize"));
        QVERIFY(size);
        size->setCurrentIndex(size->findData(int(models::ReportPageSize::Letter)));
        const QString path = m_dir.filePath(QStringLiteral("letter.pdf"));
        ui::Dialogs::enqueueAnswer(path);
        ui::PageReports *reports = m_usage->findChild<ui::PageReports *>(QStringLiteral("pageReports"));
        QSignalSpy finished(reports, &ui::PageReports::finished);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(finished.count() == 1 || finished.wait(30000));
        QVERIFY(finished.first().at(0).toBool());
        QCOMPARE(finished.first().at(1).toString(), path);
        QVERIFY2(pdfPageSize(path).contains(QLatin1String("(letter)")), qPrintable(pdfPageSize(path)));
        QCOMPARE(m_settings.value(QStringLiteral("reports/pageSize")).toString(), QStringLiteral("letter"));
        QVERIFY(!ui::Dialogs::hasQueuedAnswers());
    }

    void cleanupTestCase()
    {
        m_pages.clear();
        m_host.reset();
        m_sim.stop();
    }

private:
    void showOnly(ui::Page *page)
    {
        for (ui::Page *p : std::as_const(m_pages))
            if (p != page)
                p->hide();
        m_host->resize(1300, 800);
        m_host->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_host.get()));
        page->setGeometry(m_host->rect());
        page->show();
    }

    bool waitUsage()
    {
        models::UsageController *c = m_usage->controller();
        return QTest::qWaitFor(
            [c] {
                return !c->isLoading() && !c->isAggregating() && c->cube().rowCount() > 0 &&
                       c->aggregate().query().range == c->query().range &&
                       c->aggregate().measure() == c->query().measure;
            },
            60000);
    }

    testsupport::SimulatorProcess m_sim{{QStringLiteral("--audit-events"), QStringLiteral("3000"),
                                         QStringLiteral("--usage-days"), QStringLiteral("70")}};
    QTemporaryDir m_dir;
    api::Client *m_client = nullptr;
    QString m_orgId;
    QString m_orgName;
    models::Session *m_session = nullptr;
    models::ActivityLog *m_activity = nullptr;
    models::AppSettings m_settings;
    std::unique_ptr<QWidget> m_host;
    QList<ui::Page *> m_pages;
    ui::UsagePage *m_usage = nullptr;
    ui::AuditLogPage *m_audit = nullptr;
};

QTEST_MAIN(TestPageReports)
#include "tst_pagereports.moc"
