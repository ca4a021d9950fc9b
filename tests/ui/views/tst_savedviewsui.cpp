// Saved views in the real main window against orgscope-sim: a query built by
// hand on the Audit log page, saved from the Views menu and reopened after
// everything was changed, sends the simulator the same query and puts back
// the search, columns and sort; a Usage view puts back grouping, measure,
// granularity, range preset and chart; the menu and the list rename,
// duplicate and delete; export and import go through the views file.

#include "api/client.h"
#include "api/organizationsapi.h"
#include "models/audit/auditcontroller.h"
#include "models/audit/audittablemodel.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "models/usage/usagecontroller.h"
#include "models/views/savedviewstore.h"
#include "ui/audit/auditlogpage.h"
#include "ui/common/dialogs.h"
#include "ui/common/page.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigator.h"
#include "ui/shell/pagefactory.h"
#include "ui/usage/usagepage.h"
#include "ui/views/savedviewscontroller.h"
#include "ui/views/savedviewslist.h"
#include "ui/views/savedviewsmenu.h"
#include "ui/views/savedviewsshell.h"

#include "testsupport/simulatorprocess.h"

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using models::AuditColumn;

namespace {

QList<QPair<QString, QString>> auditItems(const QUrl &url)
{
    QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    items.removeIf([](const QPair<QString, QString> &i) { return i.first == QLatin1String("cursor"); });
    std::sort(items.begin(), items.end());
    return items;
}

} // namespace

class TestSavedViewsUi : public QObject
{
    Q_OBJECT

    testsupport::SimulatorProcess m_sim{{QStringLiteral("--audit-events"), QStringLiteral("3000"),
                                         QStringLiteral("--usage-days"), QStringLiteral("100")}};
    api::Client *m_client = nullptr;
    models::AppSettings *m_settings = nullptr;
    models::Session *m_session = nullptr;
    models::ActivityLog *m_activity = nullptr;
    models::SavedViewStore *m_store = nullptr;
    ui::MainWindow *m_window = nullptr;
    ui::SavedViewsController *m_views = nullptr;
    ui::AuditLogPage *m_audit = nullptr;
    ui::UsagePage *m_usage = nullptr;
    QList<QUrl> m_sent;

    ui::SavedViewsMenu *menu() const { return m_window->findChild<ui::SavedViewsMenu *>(); }
    QAction *action(const char *name) const
    {
        return menu()->findChild<QAction *>(QString::fromLatin1(name));
    }
    QAction *viewAction(const QString &name) const
    {
        for (QAction *a : menu()->viewActions())
            if (a->text() == name)
                return a;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("views"));
        QSettings().clear();
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        m_client = new api::Client(this);
        m_client->setBaseUrl(QUrl(m_sim.baseUrl()));
        m_client->setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        // The manager and its replies live on the client's network thread:
        // the reply is read there, its address handed to this thread.
        connect(
            m_client->networkAccessManager(), &QNetworkAccessManager::finished,
            m_client->networkAccessManager(),
            [this](QNetworkReply *r) {
                const QUrl url = r->url();
                if (url.path().endsWith(QLatin1String("/logs/audit")))
                    QMetaObject::invokeMethod(
                        this, [this, url] { m_sent.append(url); }, Qt::QueuedConnection);
            },
            Qt::DirectConnection);
        api::OrganizationsApi orgs(m_client);
        auto *list = orgs.list({}, 1000, {}, this);
        list->setAutoDelete(false);
        QSignalSpy done(list, &api::Job::finished);
        list->start();
        QVERIFY(list->isFinished() || done.wait(20000));
        QVERIFY(!list->error() && !list->result().items.isEmpty());
        QString orgId;
        for (const api::Organization &o : list->result().items)
            if (o.parentId.isEmpty())
                orgId = o.id;
        delete list;
        QVERIFY(!orgId.isEmpty());

        m_settings = new models::AppSettings;
        m_session = new models::Session(this);
        m_activity = new models::ActivityLog(this);
        m_session->setClient(m_client);
        m_session->setState(models::Session::State::Connected);
        m_window = new ui::MainWindow(m_session, m_activity, m_settings);
        for (ui::Page *p :
             ui::createPages({m_session, m_activity, m_settings, m_window->navigator()}, m_window))
            m_window->addPage(p);
        m_store = new models::SavedViewStore(m_settings, this);
        m_store->setProfile(QStringLiteral("test-profile"));
        m_views = ui::installSavedViews(m_window, m_store);
        connect(m_session, &models::Session::organizationChanged, m_store,
                [this](const QString &id) { m_store->setOrganization(id); });
        m_audit = m_window->findChild<ui::AuditLogPage *>();
        m_usage = m_window->findChild<ui::UsagePage *>();
        QVERIFY(m_audit && m_usage && menu());
        QVERIFY(m_window->menuBar()->actions().contains(menu()->menuAction()));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_session->setOrganization(orgId, QString());
        QCOMPARE(m_store->organization(), orgId);
    }

    void auditViewReopensTheSameQuery()
    {
        m_window->navigator()->showPage(ui::PageId::Audit);
        models::AuditController *c = m_audit->controller();
        QSignalSpy loaded(c, &models::AuditController::loadFinished);
        if (c->isBusy())
            QVERIFY(loaded.wait(60000));
        // By hand: 200 days back, two action types, no PATCH, a search, a column hidden, sorted by actor.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        models::AuditQueryDraft draft;
        draft.setCustomRange(now - 200LL * 86400000, now - 3600000);
        draft.addFilter(QStringLiteral("action_type"), QStringLiteral("update"), false);
        draft.addFilter(QStringLiteral("action_type"), QStringLiteral("delete"), false);
        draft.addFilter(QStringLiteral("raw_method"), QStringLiteral("PATCH"), true);
        c->setDraft(draft);
        m_audit->searchBox()->setText(QStringLiteral("organization"));
        QHeaderView *header = m_audit->table()->horizontalHeader();
        header->hideSection(int(AuditColumn::Context));
        header->moveSection(header->visualIndex(int(AuditColumn::ActionType)), 1);
        m_audit->table()->sortByColumn(int(AuditColumn::Actor), Qt::AscendingOrder);
        m_sent.clear();
        loaded.clear();
        m_audit->run();
        QVERIFY(loaded.wait(60000));
        QTRY_VERIFY(!m_sent.isEmpty());
        const auto handItems = auditItems(m_sent.first());
        QTRY_COMPARE(c->table()->filter().text, QStringLiteral("organization"));
        const int handRows = c->table()->rowCount();
        QVERIFY(handRows > 0);

        ui::Dialogs::clearAnswers();
        ui::Dialogs::enqueueAnswer(QStringLiteral("Updates and deletes"));
        QVERIFY(action("actionSaveView")->isEnabled());
        action("actionSaveView")->trigger();
        QCOMPARE(m_store->rowCount(), 1);
        QCOMPARE(m_views->currentViewId(), m_store->viewAt(0)->id);
        QVERIFY(viewAction(QStringLiteral("Updates and deletes")));
        QVERIFY(viewAction(QStringLiteral("Updates and deletes"))->isChecked());
        auto *list = m_window->findChild<ui::SavedViewsList *>();
        QVERIFY(list && list->view()->isVisible());
        QCOMPARE(list->view()->model()->rowCount(), 1);

        // Everything changed.
        c->clearFilters();
        m_audit->searchBox()->clear();
        header->showSection(int(AuditColumn::Context));
        m_audit->table()->sortByColumn(int(AuditColumn::Time), Qt::DescendingOrder);
        if (c->isBusy())
            QVERIFY(loaded.wait(60000));

        // Reopened from the list (activated), as a double-click would.
        m_window->navigator()->showPage(ui::PageId::Organizations);
        m_sent.clear();
        loaded.clear();
        emit list->view()->activated(list->view()->model()->index(0, 0));
        QCOMPARE(m_window->currentPage(), m_audit);
        QVERIFY(loaded.wait(60000));
        QTRY_VERIFY(!m_sent.isEmpty());
        QCOMPARE(auditItems(m_sent.first()), handItems);
        QCOMPARE(m_audit->searchBox()->text(), QStringLiteral("organization"));
        QCOMPARE(c->table()->filter().text, QStringLiteral("organization"));
        QVERIFY(header->isSectionHidden(int(AuditColumn::Context)));
        QCOMPARE(header->visualIndex(int(AuditColumn::ActionType)), 1);
        QCOMPARE(header->sortIndicatorSection(), int(AuditColumn::Actor));
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        QTRY_COMPARE(c->table()->rowCount(), handRows);
    }

    void menuRenamesDuplicatesAndDeletes()
    {
        QCOMPARE(m_store->rowCount(), 1);
        const QString id = m_store->viewAt(0)->id;
        QVERIFY(m_views->open(id));
        ui::Dialogs::clearAnswers();
        ui::Dialogs::enqueueAnswer(QStringLiteral("Member changes"));
        action("actionRenameView")->trigger();
        QCOMPARE(m_store->view(id)->name, QStringLiteral("Member changes"));
        QVERIFY(viewAction(QStringLiteral("Member changes")));
        QVERIFY(!viewAction(QStringLiteral("Updates and deletes")));

        action("actionDuplicateView")->trigger();
        QCOMPARE(m_store->rowCount(), 2);
        const QString copy = m_views->currentViewId();
        QVERIFY(copy != id);
        QCOMPARE(m_store->view(copy)->name, QStringLiteral("Member changes (copy)"));
        QCOMPARE(m_store->view(copy)->audit, m_store->view(id)->audit);
        QVERIFY(viewAction(QStringLiteral("Member changes (copy)"))->isChecked());

        // A taken name is refused with a warning.
        ui::Dialogs::enqueueAnswer(QStringLiteral("member CHANGES"));
        ui::Dialogs::enqueueAnswer(QVariant()); // the warning
        action("actionRenameView")->trigger();
        QCOMPARE(m_store->view(copy)->name, QStringLiteral("Member changes (copy)"));

        // Delete asks first: No keeps it, Yes removes it.
        ui::Dialogs::enqueueAnswer(false);
        action("actionDeleteView")->trigger();
        QCOMPARE(m_store->rowCount(), 2);
        ui::Dialogs::enqueueAnswer(true);
        action("actionDeleteView")->trigger();
        QCOMPARE(m_store->rowCount(), 1);
        QVERIFY(m_views->currentViewId().isEmpty());
        QVERIFY(!action("actionRenameView")->isEnabled());

        // The list's context menu does the same.
        auto *list = m_window->findChild<ui::SavedViewsList *>();
        QMenu *context = list->contextMenuFor(0);
        QVERIFY(context);
        context->findChild<QAction *>(QStringLiteral("actionListDuplicateView"))->trigger();
        QCOMPARE(m_store->rowCount(), 2);
        context = list->contextMenuFor(m_store->rowOf(m_views->currentViewId()));
        ui::Dialogs::enqueueAnswer(QStringLiteral("Second"));
        context->findChild<QAction *>(QStringLiteral("actionListRenameView"))->trigger();
        QVERIFY(m_store->findByName(QStringLiteral("Second")));
        context = list->contextMenuFor(m_store->rowOf(m_store->findByName(QStringLiteral("Second"))->id));
        ui::Dialogs::enqueueAnswer(true);
        context->findChild<QAction *>(QStringLiteral("actionListDeleteView"))->trigger();
        QCOMPARE(m_store->rowCount(), 1);
        QVERIFY(!ui::Dialogs::hasQueuedAnswers());
    }

    void usageViewPutsGroupingAndMeasureBack()
    {
        m_window->navigator()->showPage(ui::PageId::Usage);
        m_usage->setRangePreset(ui::UsagePage::RangePreset::Last90Days);
        m_usage->setGroupBy(models::UsageDimension::Account, models::UsageDimension::Metric);
        m_usage->setGranularity(models::UsageGranularity::Week);
        m_usage->setTopN(3);
        m_usage->setChartKind(ui::UsagePage::ChartKind::Lines);
        m_usage->setMeasure(models::UsageMeasure::ConsumedQuantity);
        const models::UsageQuery saved = m_usage->controller()->query();
        ui::Dialogs::clearAnswers();
        ui::Dialogs::enqueueAnswer(QStringLiteral("Accounts by week"));
        action("actionSaveView")->trigger();
        const std::optional<models::SavedView> view = m_store->findByName(QStringLiteral("Accounts by week"));
        QVERIFY(view && view->kind == models::SavedView::Kind::Usage);
        QCOMPARE(view->usage.rangePreset, models::UsageRangePreset::Last90Days);
        QCOMPARE(view->usage.chart, QStringLiteral("lines"));

        // Another view of the page, then the saved one from the menu.
        m_usage->setRangePreset(ui::UsagePage::RangePreset::ThisMonth);
        m_usage->setGroupBy(models::UsageDimension::Zone);
        m_usage->setGranularity(models::UsageGranularity::Month);
        m_usage->setTopN(8);
        m_usage->setChartKind(ui::UsagePage::ChartKind::Donut);
        m_window->navigator()->showPage(ui::PageId::Members);
        viewAction(QStringLiteral("Accounts by week"))->trigger();
        QCOMPARE(m_window->currentPage(), m_usage);
        const models::UsageQuery q = m_usage->controller()->query();
        QCOMPARE(q.groupBy, saved.groupBy);
        QCOMPARE(q.granularity, models::UsageGranularity::Week);
        QCOMPARE(q.topN, 3);
        QCOMPARE(q.measure, models::UsageMeasure::ConsumedQuantity);
        QCOMPARE(m_usage->measureCombo()->currentData().toInt(), int(models::UsageMeasure::ConsumedQuantity));
        QCOMPARE(m_usage->chartKind(), ui::UsagePage::ChartKind::Lines);
        QCOMPARE(m_usage->findChild<QComboBox *>(QStringLiteral("usageRangePreset"))->currentData().toInt(),
                 int(ui::UsagePage::RangePreset::Last90Days));
        QCOMPARE(m_usage->controller()->range().dayCount(), 90);
    }

    void exportAndImportTheViewsFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("views.json"));
        const int count = int(m_store->views().size());
        QVERIFY(count >= 2);
        ui::Dialogs::clearAnswers();
        ui::Dialogs::enqueueAnswer(path);
        action("actionExportViews")->trigger();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const models::SavedViewFile::ReadResult read = models::SavedViewFile::read(file.readAll());
        QVERIFY(read.ok() && read.ignored.isEmpty());
        QCOMPARE(read.views, m_store->views());

        // Into another profile: the same views, the import result said.
        m_store->setProfile(QStringLiteral("colleague"));
        QCOMPARE(m_store->rowCount(), 0);
        QVERIFY(menu()->viewActions().size() == 1 && !menu()->viewActions().first()->isEnabled());
        ui::Dialogs::enqueueAnswer(path);
        ui::Dialogs::enqueueAnswer(QVariant()); // the summary
        action("actionImportViews")->trigger();
        QCOMPARE(m_store->views(), read.views);
        QVERIFY2(ui::Dialogs::askedQuestions().last().contains(QStringLiteral("2 view")),
                 qPrintable(ui::Dialogs::askedQuestions().last()));
    }

    void cleanupTestCase()
    {
        delete m_window;
        m_window = nullptr;
        delete m_settings;
    }
};

QTEST_MAIN(TestSavedViewsUi)
#include "tst_savedviewsui.moc"
