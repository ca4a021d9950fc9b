// The console frame: opens, visits every page, persists its layout, and
// closes cleanly.

#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "ui/common/dialogs.h"
#include "ui/common/messagebanner.h"
#include "ui/common/page.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/pagefactory.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
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
