// Every page against a simulator that fails: each shows its banner with a
// Retry, no page crashes or hangs, and a page that loaded keeps its rows when
// a later refresh fails.

#include "api/client.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "testsupport/simulatorprocess.h"
#include "ui/common/messagebanner.h"
#include "ui/common/page.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/pagefactory.h"

#include <QAbstractItemView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

namespace {

ui::MessageBanner *bannerOf(ui::Page *page)
{
    // The page's own banner, not one of a dialog it may own.
    const auto banners = page->findChildren<ui::MessageBanner *>();
    for (ui::MessageBanner *b : banners)
        if (b->window() == page->window())
            return b;
    return nullptr;
}

void configure(api::Client &client, const QString &baseUrl)
{
    client.setBaseUrl(QUrl(baseUrl));
    client.setCredentials(api::Credentials{testsupport::SimulatorProcess::demoToken(), {}, {}});
    client.setRetryBaseDelay(20);
    client.setMaxServerRetryDelay(50);
}

} // namespace

class TestPagesUnderFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("faults"));
    }

    // Every request answers 500: each page says so in its banner and offers Retry.
    void everyPageShowsItsBanner()
    {
        testsupport::SimulatorProcess sim({QStringLiteral("--faults"), QStringLiteral("500:1.0"),
                                           QStringLiteral("--audit-events"), QStringLiteral("500")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        api::Client client;
        configure(client, sim.baseUrl());
        models::AppSettings settings;
        models::Session session;
        models::ActivityLog activity;
        ui::MainWindow window(&session, &activity, &settings);
        for (ui::Page *p : ui::createPages({&session, &activity, &settings, window.navigator()}, &window))
            window.addPage(p);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.setClient(&client);
        session.setOrganization(QStringLiteral("0123456789abcdef0123456789abcdef"), QStringLiteral("Faulty"));

        const QList<ui::Page *> pages = window.pages();
        // The four data pages; the Watch page (fifth) sends nothing without rules.
        QCOMPARE(pages.size(), 5);
        for (int i = 0; i < 4; ++i) {
            window.showPage(i);
            ui::Page *page = pages.at(i);
            if (i == 0 || i == 1)
                page->refresh();
            ui::MessageBanner *banner = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT((banner = bannerOf(page)) && banner->isVisible(), 30000);
            QVERIFY2(banner->kind() == ui::MessageBanner::Kind::Error, qPrintable(page->title()));
            QVERIFY2(banner->retryOffered(), qPrintable(page->title()));
            QVERIFY2(!banner->text().isEmpty(), qPrintable(page->title()));
        }
        QVERIFY(activity.errorCount() > 0);
        QVERIFY(window.close());
    }

    // A loaded page keeps its rows when the next load is refused (forced 429s).
    void loadedRowsSurviveAFailedRefresh()
    {
        testsupport::SimulatorProcess sim({QStringLiteral("--audit-events"), QStringLiteral("300")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        api::Client client;
        configure(client, sim.baseUrl());
        models::AppSettings settings;
        models::Session session;
        models::ActivityLog activity;
        ui::MainWindow window(&session, &activity, &settings);
        for (ui::Page *p : ui::createPages({&session, &activity, &settings, window.navigator()}, &window))
            window.addPage(p);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.setClient(&client);
        // The Organizations page picks the first root once its tree has loaded.
        QTRY_VERIFY_WITH_TIMEOUT(!session.organizationId().isEmpty(), 30000);

        window.showPage(1); // Members
        ui::Page *members = window.pages().at(1);
        auto *view = members->findChild<QAbstractItemView *>();
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->model() && view->model()->rowCount() > 0, 30000);
        const int rows = view->model()->rowCount();

        // Refuse the next calls at the server; Retry-After is honoured, then the client gives up.
        QNetworkAccessManager nam;
        QUrl hook(sim.baseUrl());
        hook.setPath(QStringLiteral("/__sim/force-429"));
        hook.setQuery(QStringLiteral("count=50"));
        QNetworkReply *reply = nam.post(QNetworkRequest(hook), QByteArray());
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        reply->deleteLater();

        members->refresh();
        ui::MessageBanner *banner = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((banner = bannerOf(members)) && banner->isVisible(), 60000);
        QVERIFY(banner->retryOffered());
        QCOMPARE(view->model()->rowCount(), rows);
    }
};

QTEST_MAIN(TestPagesUnderFaults)
#include "tst_pagesunderfaults.moc"
