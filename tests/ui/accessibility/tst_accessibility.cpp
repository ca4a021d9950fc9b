// Every page and dialog through QAccessible (docs/ACCESSIBILITY.md): no
// interactive widget without a name, headers on every table column, charts
// described and offered as a table with the same numbers, live texts
// announced, and each page's tab order following its reading order.

#include "a11ywalk.h"

#include "models/audit/auditcontroller.h"
#include "models/audit/audittablemodel.h"
#include "models/connections/connectionprofilestore.h"
#include "models/connections/secretstore.h"
#include "models/members/memberbatchmodel.h"
#include "models/usage/usagecontroller.h"
#include "models/usage/usageseriesmodel.h"
#include "ui/audit/auditarchivedialog.h"
#include "ui/audit/auditlogpage.h"
#include "ui/audit/auditrowdelegate.h"
#include "ui/audit/auditstatusline.h"
#include "ui/audit/audittimeline.h"
#include "ui/common/accessibility.h"
#include "ui/common/messagebanner.h"
#include "ui/common/palettes.h"
#include "ui/common/pluralforms.h"
#include "ui/common/rowtint.h"
#include "ui/common/timezonemenu.h"
#include "ui/connections/connectdialog.h"
#include "ui/members/batchresultdialog.h"
#include "ui/members/invitedialog.h"
#include "ui/members/memberspage.h"
#include "ui/organizations/moveorganizationdialog.h"
#include "ui/organizations/organizationspage.h"
#include "ui/usage/budgetdialog.h"
#include "ui/usage/pricingdialog.h"
#include "ui/usage/usagebarchart.h"
#include "ui/usage/usageoutlookchart.h"
#include "ui/usage/usagepage.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QSet>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QToolBar>
#include <QToolButton>

namespace {

const QStringList kSimArgs{QStringLiteral("--audit-events"), QStringLiteral("400"),
                           QStringLiteral("--usage-days"), QStringLiteral("40")};

// Records the announcements made while it lives (QAccessible itself drops
// events while no assistive technology is active, as under offscreen).
struct EventLog
{
    static inline QList<std::pair<QObject *, QAccessible::Event>> events;
    EventLog()
    {
        events.clear();
        ui::setAnnouncementObserver([](QWidget *w, bool alert) {
            events.append({w, QAccessible::NameChanged});
            if (alert)
                events.append({w, QAccessible::Alert});
        });
    }
    ~EventLog() { ui::setAnnouncementObserver({}); }
    static bool has(QObject *object, QAccessible::Event type)
    {
        return std::any_of(events.begin(), events.end(),
                           [&](const auto &e) { return e.first == object && e.second == type; });
    }
};

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("accessibility"));
        ui::installPluralForms(QCoreApplication::instance());
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        m_console.open(m_sim, this);
        // Every page loaded once, as a user visiting them would see it.
        for (int i = 0; i < m_console.pages.size(); ++i) {
            m_console.window->showPage(i);
            QTest::qWait(200);
        }
        auto *usage = page<ui::UsagePage>();
        m_console.window->showPage(int(m_console.pages.indexOf(usage)));
        QTRY_VERIFY_WITH_TIMEOUT(usage->barChart()->seriesCount() > 0, 30000);
        auto *audit = page<ui::AuditLogPage>();
        m_console.window->showPage(int(m_console.pages.indexOf(audit)));
        QTRY_VERIFY_WITH_TIMEOUT(audit->model()->rowCount() > 0 && !audit->isLoading(), 30000);
    }

    void everyPageNamesItsWidgets_data()
    {
        QTest::addColumn<int>("index");
        // Every page createPages() makes (a page added later is walked too).
        for (int i = 0; i < m_console.pages.size(); ++i)
            QTest::addRow("%s", qPrintable(m_console.pages.at(i)->title())) << i;
    }
    void everyPageNamesItsWidgets()
    {
        QFETCH(int, index);
        m_console.window->showPage(index);
        QTest::qWait(50);
        const QStringList problems = a11y::unnamedWidgets(m_console.pages.at(index));
        report(problems);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QString::number(problems.size()) + QStringLiteral(" problems")));
    }

    void shellNamesItsWidgets()
    {
        // Everything outside the pages: toolbar, picker, navigation, status bar.
        QStringList problems;
        for (const QString &p : a11y::unnamedWidgets(m_console.window.get()))
            if (!p.contains(QLatin1String("#pages >"))) // the page stack (ui::PageStack)
                problems << p;
        report(problems);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QString::number(problems.size()) + QStringLiteral(" problems")));
    }

    void everyDialogNamesItsWidgets()
    {
        models::ConnectionProfileStore store;
        models::SecretStore secrets;
        const QList<QDialog *> dialogs = makeDialogs(&store, &secrets);
        QStringList problems;
        for (QDialog *d : dialogs) {
            d->show();
            QVERIFY(QTest::qWaitForWindowExposed(d));
            problems += a11y::unnamedWidgets(d);
            delete d;
        }
        report(problems);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QString::number(problems.size()) + QStringLiteral(" problems")));
    }

    void everyDialogsTabOrderFollowsReadingOrder()
    {
        models::ConnectionProfileStore store;
        models::SecretStore secrets;
        const QList<QDialog *> dialogs = makeDialogs(&store, &secrets);
        QStringList problems;
        for (QDialog *d : dialogs) {
            d->show();
            QVERIFY(QTest::qWaitForWindowExposed(d));
            QTest::qWait(20);
            if (a11y::tabChain(d).size() < 2)
                problems << QString::fromLatin1(d->metaObject()->className()) +
                                QStringLiteral(": fewer than two stops in the tab chain");
            for (const QString &p : a11y::tabOrderProblems(d))
                problems << QString::fromLatin1(d->metaObject()->className()) + QStringLiteral(": ") + p;
            delete d;
        }
        report(problems);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QString::number(problems.size()) + QStringLiteral(" problems")));
    }

    void organizationsToolBarIsReachableByTab()
    {
        auto *orgs = page<ui::OrganizationsPage>();
        m_console.window->showPage(int(m_console.pages.indexOf(orgs)));
        QTest::qWait(50);
        auto *bar = orgs->findChild<QToolBar *>(QStringLiteral("organizationsToolBar"));
        QVERIFY(bar);
        QList<QWidget *> wanted;
        for (QAction *a : bar->actions())
            if (QWidget *w = bar->widgetForAction(a);
                qobject_cast<QToolButton *>(w) && w->isVisible() && w->isEnabled())
                wanted << w;
        QVERIFY(wanted.size() >= 2); // New and Refresh at least
        // Tab from the page's first stop round the whole chain, as a user would.
        const QList<QWidget *> chain = a11y::tabChain(orgs);
        QVERIFY(!chain.isEmpty());
        m_console.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_console.window.get()));
        chain.first()->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(QApplication::focusWidget());
        QSet<QWidget *> reached;
        const auto allReached = [&] {
            return std::all_of(wanted.begin(), wanted.end(), [&](QWidget *w) { return reached.contains(w); });
        };
        // Round the whole window's chain (shell widgets included) at most a few times.
        for (int i = 0; i < 400 && !allReached(); ++i) {
            reached.insert(QApplication::focusWidget());
            QWidget *focus = QApplication::focusWidget();
            QTest::keyClick(focus ? focus : m_console.window.get(), Qt::Key_Tab);
        }
        reached.insert(QApplication::focusWidget());
        for (QWidget *w : std::as_const(wanted))
            QVERIFY2(reached.contains(w), qPrintable(a11y::describe(w)));
    }

    void failedRowsStandOutInHighContrast()
    {
        // A failed audit row as the table's delegate paints it on the high-contrast palette.
        QStandardItemModel model(1, 1);
        model.setData(model.index(0, 0), true, models::AuditTableModel::FailedRole);
        ui::AuditRowDelegate delegate;
        QStyleOptionViewItem option;
        option.rect = QRect(0, 0, 200, 24);
        option.palette = ui::highContrastPalette();
        option.state = QStyle::State_Enabled;
        QImage image(option.rect.size(), QImage::Format_RGB32);
        const QColor base = option.palette.color(QPalette::Base);
        image.fill(base);
        {
            QPainter painter(&image);
            delegate.paint(&painter, option, model.index(0, 0));
        }
        const QColor tint = image.pixelColor(190, 12); // right of any text
        // WCAG 2.1 1.4.11: a non-text indicator at least 3:1 against what surrounds it.
        QVERIFY2(ui::contrastRatio(tint, base) >= 3.0, qPrintable(tint.name()));
        // Text on it stays at the palette's AAA 7:1.
        const ui::RowTint colours = ui::failedRowTint(option.palette);
        QVERIFY(ui::contrastRatio(colours.text, tint) >= 7.0);
        // Light and dark keep a readable text colour too (AA).
        for (const QPalette &p : {ui::lightPalette(), ui::darkPalette()}) {
            const ui::RowTint t = ui::failedRowTint(p);
            const QColor text = t.text.isValid() ? t.text : QColor(0xb0, 0x00, 0x20);
            QColor over = p.color(QPalette::Base);
            const double a = t.background.alphaF();
            over.setRgbF(over.redF() * (1 - a) + t.background.redF() * a,
                         over.greenF() * (1 - a) + t.background.greenF() * a,
                         over.blueF() * (1 - a) + t.background.blueF() * a);
            QVERIFY2(ui::contrastRatio(text, over) >= 4.5, qPrintable(text.name() + over.name()));
        }
    }

private:
    QList<QDialog *> makeDialogs(models::ConnectionProfileStore *store, models::SecretStore *secrets)
    {
        QList<QDialog *> dialogs;
        dialogs << new ui::ConnectDialog(store, secrets);
        dialogs << new ui::InviteDialog(page<ui::MembersPage>()->controller());
        // The dialog takes the rows over.
        dialogs << new ui::BatchResultDialog(QStringLiteral("Invite"), new models::MemberBatchModel);
        dialogs << new ui::MoveOrganizationDialog(page<ui::OrganizationsPage>()->treeModel(),
                                                  m_console.orgId);
        dialogs << new ui::AuditArchiveDialog(&m_console.session, page<ui::AuditLogPage>()->controller(),
                                              &m_console.settings);
        dialogs << new ui::PricingDialog(m_console.orgName, std::nullopt, 0.0, {});
        dialogs << new ui::BudgetDialog(m_console.orgName, models::Budget{}, {QStringLiteral("Workers")},
                                        QStringLiteral("USD"));
        dialogs << new ui::TimeZoneDialog;
        return dialogs;
    }

private Q_SLOTS:

    void tabOrderFollowsReadingOrder_data() { everyPageNamesItsWidgets_data(); }
    void tabOrderFollowsReadingOrder()
    {
        QFETCH(int, index);
        m_console.window->showPage(index);
        QTest::qWait(50);
        ui::Page *p = m_console.pages.at(index);
        QVERIFY(a11y::tabChain(p).size() >= 3);
        const QStringList problems = a11y::tabOrderProblems(p);
        report(problems);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QString::number(problems.size()) + QStringLiteral(" problems")));
    }

    void chartsAreDescribedAndOfferedAsTable()
    {
        auto *usage = page<ui::UsagePage>();
        m_console.window->showPage(int(m_console.pages.indexOf(usage)));
        ui::UsageBarChart *chart = usage->barChart();
        QTRY_VERIFY(chart->seriesCount() > 0);
        QVERIFY(!chart->accessibleDescription().isEmpty());
        QVERIFY(chart->accessibleDescription().contains(QStringLiteral("group")));
        QCOMPARE(chart->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
        auto *action = chart->findChild<QAction *>(QStringLiteral("actionShowAsTable"));
        QVERIFY(action);
        action->trigger();
        auto *dialog = chart->findChild<QDialog *>(QStringLiteral("chartTableDialog"));
        QVERIFY(dialog);
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("chartTable"));
        const models::UsageAggregate &a = usage->controller()->seriesModel()->aggregate();
        QCOMPARE(table->rowCount(), a.groupCount());
        QCOMPARE(table->columnCount(), a.bucketCount() + 2); // group, buckets, total
        const QLocale locale;
        for (int g = 0; g < a.groupCount(); ++g) {
            QCOMPARE(table->item(g, 0)->text(), a.group(g).label);
            for (int b = 0; b < a.bucketCount(); ++b)
                QCOMPARE(locale.toDouble(table->item(g, b + 1)->text()),
                         std::round(a.value(g, b) * 100) / 100);
        }
        report(a11y::unnamedWidgets(dialog));
        QVERIFY(a11y::unnamedWidgets(dialog).isEmpty());
        delete dialog;

        // The month's outlook beside it: its running total, forecast and band, day by day.
        ui::UsageOutlookChart *outlook = usage->outlookChart();
        QTRY_VERIFY_WITH_TIMEOUT(outlook->hasOutlook(), 20000);
        QVERIFY2(outlook->accessibleDescription().contains(QStringLiteral("to date")),
                 qPrintable(outlook->accessibleDescription()));
        const ui::ChartTable month = outlook->table();
        QVERIFY(month.rows.size() >= 28);
        QCOMPARE(month.columns.size(), 5);

        auto *audit = page<ui::AuditLogPage>();
        m_console.window->showPage(int(m_console.pages.indexOf(audit)));
        ui::AuditTimeline *timeline = audit->timeline();
        QVERIFY(!timeline->accessibleName().isEmpty());
        QVERIFY(!timeline->accessibleDescription().isEmpty());
        auto *timelineAction = timeline->findChild<QAction *>(QStringLiteral("actionShowAsTable"));
        QVERIFY(timelineAction);
        timelineAction->trigger();
        auto *timelineDialog = timeline->findChild<QDialog *>(QStringLiteral("chartTableDialog"));
        QVERIFY(timelineDialog);
        auto *rows = timelineDialog->findChild<QTableWidget *>(QStringLiteral("chartTable"));
        const auto &buckets = timeline->histogram().buckets();
        QCOMPARE(rows->rowCount(), int(buckets.size()));
        quint64 shown = 0;
        for (int r = 0; r < rows->rowCount(); ++r)
            shown += locale.toULongLong(rows->item(r, 1)->text());
        quint64 expected = 0;
        for (const auto &b : buckets)
            expected += b.total();
        QCOMPARE(shown, expected);
        delete timelineDialog;
    }

    void bannerAndProgressAreAnnounced()
    {
        EventLog log;
        auto *audit = page<ui::AuditLogPage>();
        audit->banner()->showError(QStringLiteral("Something failed"));
        QVERIFY(EventLog::has(audit->banner(), QAccessible::Alert));
        QVERIFY(!audit->banner()->accessibleName().isEmpty());
        audit->banner()->clear();
        // A load announces its progress line.
        EventLog::events.clear();
        m_console.window->showPage(int(m_console.pages.indexOf(audit)));
        audit->run();
        QTRY_VERIFY_WITH_TIMEOUT(!audit->isLoading(), 30000);
        QVERIFY(EventLog::has(audit->statusLine()->label(), QAccessible::NameChanged));
    }

    void highContrastThemeIsOffered()
    {
        QVERIFY(ui::themeFromName(QStringLiteral("high-contrast")).has_value());
        const QPalette p = ui::highContrastPalette();
        QCOMPARE(p.color(QPalette::Window), QColor(Qt::black));
        QCOMPARE(p.color(QPalette::WindowText), QColor(Qt::white));
        auto *action = m_console.window->findChild<QAction *>(QStringLiteral("actionThemeHighContrast"));
        QVERIFY(action);
        action->trigger();
        QCOMPARE(ui::currentTheme(), ui::Theme::HighContrast);
        QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::black));
        m_console.window->findChild<QAction *>(QStringLiteral("actionThemeSystem"))->trigger();
    }

    void cleanupTestCase()
    {
        m_console.window.reset();
        m_sim.stop();
    }

private:
    static void report(const QStringList &problems)
    {
        for (const QString &p : problems)
            qWarning("%s", qPrintable(p));
    }

    template <typename P> P *page() const { return m_console.page<P>(); }

    testsupport::SimulatorProcess m_sim{kSimArgs};
    a11y::Console m_console;
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
