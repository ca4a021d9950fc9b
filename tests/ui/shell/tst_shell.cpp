// The console frame: opens, visits every page, persists its layout, and
// closes cleanly.

#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "ui/common/dialogs.h"
#include "ui/common/messagebanner.h"
#include "ui/common/page.h"
#include "ui/common/palettes.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigator.h"
#include "ui/shell/pagefactory.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QSet>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTest>

class TestShell : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("shell"));
    }

    void visitsEveryPageAndCloses()
    {
        models::AppSettings settings;
        models::Session session;
        models::ActivityLog activity;
        ui::MainWindow window(&session, &activity, &settings);
        const auto pages = ui::createPages({&session, &activity, &settings, window.navigator()}, &window);
        QVERIFY(pages.size() >= 4);
        for (ui::Page *p : pages)
            window.addPage(p);
        window.restoreState();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QVERIFY(nav && stack);
        QCOMPARE(nav->count(), int(pages.size()));
        const QStringList expected{QStringLiteral("Organizations"), QStringLiteral("Members"),
                                   QStringLiteral("Audit log"), QStringLiteral("Usage")};
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(nav->item(i)->text(), expected.at(i));

        for (int i = 0; i < nav->count(); ++i) {
            // Keyboard: Ctrl+1..N switch pages.
            QTest::keyClick(&window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(stack->currentIndex(), i);
            QVERIFY(window.windowTitle().startsWith(pages.at(i)->title()));
            QVERIFY(stack->currentWidget()->isVisible());
        }
        QVERIFY(window.close());
    }

    void remembersPageAndGeometry()
    {
        {
            models::AppSettings settings;
            models::Session session;
            models::ActivityLog activity;
            ui::MainWindow window(&session, &activity, &settings);
            for (ui::Page *p : ui::createPages({&session, &activity, &settings, window.navigator()}, &window))
                window.addPage(p);
            window.restoreState();
            window.show();
            window.resize(1111, 777);
            window.showPage(2);
            QVERIFY(window.close());
        }
        models::AppSettings settings;
        QCOMPARE(settings.currentPage(), 2);
        models::Session session;
        models::ActivityLog activity;
        ui::MainWindow window(&session, &activity, &settings);
        for (ui::Page *p : ui::createPages({&session, &activity, &settings, window.navigator()}, &window))
            window.addPage(p);
        window.restoreState();
        QCOMPARE(window.findChild<QStackedWidget *>(QStringLiteral("pages"))->currentIndex(), 2);
        QCOMPARE(window.size(), QSize(1111, 777));
    }

    void installedPagesAreBuiltWhenFirstShown()
    {
        models::AppSettings settings;
        settings.setCurrentPage(0);
        models::Session session;
        models::ActivityLog activity;
        ui::MainWindow window(&session, &activity, &settings);
        QSignalSpy built(&window, &ui::MainWindow::pageBuilt);
        ui::installPages(&window, {&session, &activity, &settings, window.navigator()});
        window.restoreState();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Only the Organizations page (it feeds the toolbar picker) is built at start.
        QCOMPARE(window.pageCount(), 5);
        QCOMPARE(window.pages().size(), 1);
        QCOMPARE(window.pages().first()->objectName(), QStringLiteral("organizationsPage"));
        QVERIFY(window.navigator()->organizationModel());
        QCOMPARE(built.count(), 0);
        auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QCOMPARE(nav->count(), 5);
        QCOMPARE(nav->item(2)->text(), QStringLiteral("Audit log"));
        QCOMPARE(window.pageIndex(QStringLiteral("watchPage")), 4);

        // Ctrl+3 builds the Audit log page, then shows it.
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(built.count(), 1);
        QCOMPARE(window.pages().size(), 2);
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("auditPage"));
        QCOMPARE(stack->currentWidget(), window.currentPage());
        QVERIFY(window.currentPage()->isVisible());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Audit log")));
        // Once built, a page stays: showing it again builds nothing.
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(built.count(), 1);
        // Asking for a page builds it without showing it.
        ui::Page *usage = window.page(3);
        QVERIFY(usage && !usage->isVisible());
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("auditPage"));
        QCOMPARE(window.pages().size(), 3);
        // The shortcut list names the keys of every page, also of those not visited yet.
        ui::Dialogs::clearAnswers();
        ui::Dialogs::enqueueAnswer(true);
        window.findChild<QAction *>(QStringLiteral("actionShortcuts"))->trigger();
        QCOMPARE(window.pages().size(), 5);
        QVERIFY(window.close());
        QCOMPARE(settings.currentPage(), 2);
    }

    void rememberedPageIsBuiltAtStart()
    {
        models::AppSettings settings;
        settings.setCurrentPage(3);
        models::Session session;
        models::ActivityLog activity;
        ui::MainWindow window(&session, &activity, &settings);
        ui::installPages(&window, {&session, &activity, &settings, window.navigator()});
        window.restoreState();
        QCOMPARE(window.pages().size(), 2);
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("usagePage"));
        QCOMPARE(window.findChild<QStackedWidget *>(QStringLiteral("pages"))->currentWidget(),
                 window.currentPage());
    }

    void pageSpecsDescribeTheirPages()
    {
        models::AppSettings settings;
        models::Session session;
        models::ActivityLog activity;
        ui::MainWindow window(&session, &activity, &settings);
        const QList<ui::PageSpec> specs = ui::pageSpecs({&session, &activity, &settings, window.navigator()});
        QCOMPARE(specs.size(), 5);
        for (const ui::PageSpec &spec : specs) {
            // What the navigation shows before a page is built is what the page says of itself.
            ui::Page *page = spec.build(&window);
            QCOMPARE(page->objectName(), spec.objectName);
            QCOMPARE(page->title(), spec.title);
            QCOMPARE(page->iconName(), spec.iconName);
            QCOMPARE(page->navigator(), window.navigator());
        }
    }

    void statusBarFollowsSession()
    {
        models::AppSettings settings;
        models::Session session;
        models::ActivityLog activity;
        ui::MainWindow window(&session, &activity, &settings);
        auto *status = window.findChild<QLabel *>(QStringLiteral("connectionStatus"));
        QVERIFY(status);
        QVERIFY(status->text().contains(QStringLiteral("Not connected")));
        session.setIdentity(QStringLiteral("demo@orgscope.test"));
        session.setState(models::Session::State::Connected, QStringLiteral("http://127.0.0.1:1/client/v4"));
        QVERIFY(status->text().contains(QStringLiteral("127.0.0.1")));
        QVERIFY(status->text().contains(QStringLiteral("demo@orgscope.test")));
        window.setRequestsInFlight(3);
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("requestsInFlight"))->text().contains(u'3'));
        activity.add(models::ActivityLog::Severity::Error, QStringLiteral("Test"), QStringLiteral("boom"));
        QCOMPARE(activity.rowCount(), 1);
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("activityStatus"))->text().contains(u'1'));
    }

    void pickerDrivesSessionOrganization()
    {
        models::AppSettings settings;
        models::Session session;
        models::ActivityLog activity;
        ui::MainWindow window(&session, &activity, &settings);
        QStandardItemModel orgs;
        constexpr int IdRole = Qt::UserRole + 1;
        auto *root = new QStandardItem(QStringLiteral("Root"));
        root->setData(QStringLiteral("r1"), IdRole);
        auto *child = new QStandardItem(QStringLiteral("Child"));
        child->setData(QStringLiteral("c1"), IdRole);
        root->appendRow(child);
        orgs.appendRow(root);
        window.setOrganizationModel(&orgs, IdRole);
        auto *picker = window.findChild<QComboBox *>(QStringLiteral("organizationPicker"));
        QVERIFY(picker && picker->isEnabled());
        session.setOrganization(QStringLiteral("c1"), QStringLiteral("Child"));
        QCOMPARE(picker->currentText(), QStringLiteral("Child"));
    }

    void shortcutsAreGroupedByPage()
    {
        models::AppSettings settings;
        models::Session session;
        models::ActivityLog activity;
        ui::MainWindow window(&session, &activity, &settings);
        for (ui::Page *p : ui::createPages({&session, &activity, &settings, window.navigator()}, &window))
            window.addPage(p);
        const auto groups = window.shortcutGroups();
        QVERIFY(groups.size() >= 3);
        QCOMPARE(groups.first().title, QStringLiteral("Everywhere"));
        QHash<QString, QStringList> byTitle;
        for (const auto &g : groups) {
            // Within one group a key twice is a clash unless each row says where it works.
            QHash<QString, QStringList> actionsOfKey;
            for (const auto &s : g.shortcuts) {
                actionsOfKey[s.keys] << s.action;
                QVERIFY2(!s.action.contains(u'&'), qPrintable(s.action));
                byTitle[g.title] << s.keys + QStringLiteral(" = ") + s.action;
            }
            for (auto it = actionsOfKey.cbegin(); it != actionsOfKey.cend(); ++it) {
                if (it.value().size() < 2)
                    continue;
                QCOMPARE(QSet<QString>(it.value().cbegin(), it.value().cend()).size(), it.value().size());
                for (const QString &action : it.value())
                    QVERIFY2(action.contains(QStringLiteral("(in the ")),
                             qPrintable(g.title + QStringLiteral(": ") + it.key() + QStringLiteral(" = ") +
                                        action));
            }
        }
        const QString del = QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText);
        QVERIFY2(byTitle.value(QStringLiteral("Organizations"))
                     .join(u'|')
                     .contains(del + QStringLiteral(" = Delete")),
                 qPrintable(byTitle.value(QStringLiteral("Organizations")).join(u'|')));
        QVERIFY2(
            byTitle.value(QStringLiteral("Members")).join(u'|').contains(del + QStringLiteral(" = Remove")),
            qPrintable(byTitle.value(QStringLiteral("Members")).join(u'|')));
        QVERIFY2(byTitle.value(QStringLiteral("Everywhere"))
                     .contains(QStringLiteral("Ctrl+1 = Show the Organizations page")),
                 qPrintable(byTitle.value(QStringLiteral("Everywhere")).join(u'|')));
        // The dialog shows one heading per group.
        ui::Dialogs::clearAnswers();
        ui::Dialogs::enqueueAnswer(true);
        window.findChild<QAction *>(QStringLiteral("actionShortcuts"))->trigger();
        const QString shown = ui::Dialogs::askedQuestions().constLast();
        for (const auto &g : groups)
            QVERIFY2(shown.contains(QStringLiteral("<h4>%1</h4>").arg(g.title)), qPrintable(shown));
    }

    void themeMenuAppliesLiveAndRemembers()
    {
        models::AppSettings settings;
        models::Session session;
        models::ActivityLog activity;
        settings.setValue(QStringLiteral("view/theme"),
                          QStringLiteral("system")); // whatever a run before left
        ui::applyTheme(ui::Theme::System);
        const QColor systemWindow = QApplication::palette().color(QPalette::Window);
        QWidget page; // banners live on pages
        auto &banner = *new ui::MessageBanner(&page);
        banner.showError(QStringLiteral("Shown before the switch."));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        {
            ui::MainWindow window(&session, &activity, &settings);
            auto *system = window.findChild<QAction *>(QStringLiteral("actionThemeSystem"));
            auto *light = window.findChild<QAction *>(QStringLiteral("actionThemeLight"));
            auto *dark = window.findChild<QAction *>(QStringLiteral("actionThemeDark"));
            QVERIFY(system && light && dark);
            QVERIFY(system->isChecked());
            dark->trigger();
            QVERIFY(dark->isChecked() && !system->isChecked());
            QVERIFY(ui::isDark(QApplication::palette()));
            QCOMPARE(settings.value(QStringLiteral("view/theme")).toString(), QStringLiteral("dark"));
            // A banner already on screen follows the theme.
            QTRY_VERIFY2(banner.background().lightness() < 128,
                         qPrintable(banner.background().name() + QStringLiteral(" ") +
                                    page.palette().color(QPalette::Window).name()));
            light->trigger();
            QVERIFY(!ui::isDark(QApplication::palette()));
            QTRY_VERIFY(banner.background().lightness() >= 128);
            dark->trigger();
        }
        // The next start applies the remembered choice.
        ui::applyTheme(ui::Theme::System);
        QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
        {
            ui::MainWindow window(&session, &activity, &settings);
            QVERIFY(ui::isDark(QApplication::palette()));
            QVERIFY(window.findChild<QAction *>(QStringLiteral("actionThemeDark"))->isChecked());
            window.findChild<QAction *>(QStringLiteral("actionThemeSystem"))->trigger();
            QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
            QCOMPARE(settings.value(QStringLiteral("view/theme")).toString(), QStringLiteral("system"));
        }
    }

    void bannerOffersRetry()
    {
        ui::MessageBanner banner;
        QSignalSpy retry(&banner, &ui::MessageBanner::retryRequested);
        banner.showError(QStringLiteral("The server answered 503."));
        QVERIFY(banner.retryOffered());
        QCOMPARE(banner.text(), QStringLiteral("The server answered 503."));
        QTest::mouseClick(banner.findChild<QWidget *>(QStringLiteral("messageBannerRetry")), Qt::LeftButton);
        QCOMPARE(retry.count(), 1);
    }

    void dialogsCanBePreAnswered()
    {
        ui::Dialogs::clearAnswers();
        ui::Dialogs::enqueueAnswer(true);
        QVERIFY(ui::Dialogs::confirm(nullptr, QStringLiteral("Delete"), QStringLiteral("Delete X?"),
                                     QStringLiteral("Delete")));
        QCOMPARE(ui::Dialogs::askedQuestions().size(), 1);
        QVERIFY(!ui::Dialogs::hasQueuedAnswers());
    }
};

QTEST_MAIN(TestShell)
#include "tst_shell.moc"
