// The Organizations page against orgscope-sim: the tree and the picker share
// one model; create, rename, move and delete go over HTTP, refusals leave the
// tree unchanged and explain themselves in the banner.

#include "organizationsfixture.h"

#include "api/organizationsapi.h"
#include "models/organizations/accounttablemodel.h"
#include "ui/organizations/moveorganizationdialog.h"
#include "ui/shell/pagefactory.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>

using Model = models::OrganizationTreeModel;

class TestOrganizationsActions : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<OrganizationsFixture> f;

    // The API's view, not the page's: proves the change really happened on the server.
    std::optional<api::Organization> serverOrganization(const QString &id)
    {
        auto *job = api::OrganizationsApi(&f->client).get(id);
        job->setAutoDelete(false);
        QSignalSpy done(job, &api::Job::finished);
        job->start();
        if (!done.wait(10000)) {
            delete job;
            return std::nullopt;
        }
        std::optional<api::Organization> out;
        if (!job->error())
            out = job->result();
        delete job;
        return out;
    }

    QString treeStatus() const
    {
        return f->page->findChild<QLabel *>(QStringLiteral("organizationTreeStatus"))->text();
    }

    QString progressText() const
    {
        return f->page->findChild<QLabel *>(QStringLiteral("organizationsProgressLabel"))->text();
    }

    bool waitOperation(bool expected)
    {
        QSignalSpy done(f->page, &ui::OrganizationsPage::operationFinished);
        if (!done.wait(15000))
            return false;
        return done.first().first().toBool() == expected;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("ui_organizations_actions"));
        models::AppSettings().setLastOrganizationId(QString());
        f = std::make_unique<OrganizationsFixture>();
        QVERIFY(f->start());
    }

    void cleanupTestCase() { f.reset(); }

    void init()
    {
        ui::Dialogs::clearAnswers();
        f->banner->clear();
    }

    void treeLoadsAndChoosesAnOrganization()
    {
        QCOMPARE(f->model()->organizationCount(), 10);
        QCOMPARE(treeStatus(), QStringLiteral("10 organizations"));
        const QString holdings = f->idOf(QStringLiteral(" Holdings"));
        QVERIFY(!holdings.isEmpty());
        QVERIFY(f->model()->indexOf(f->idOf(QStringLiteral(" EMEA Retail"))).parent().parent() ==
                f->model()->indexOf(holdings));
        QCOMPARE(f->model()->indexOf(holdings).siblingAtColumn(Model::SubOrganizationsColumn).data().toInt(),
                 4);
        // Nothing was chosen before: the first root becomes the session's organization, everywhere.
        QCOMPARE(f->session.organizationId(), f->model()->firstRootId());
        QCOMPARE(f->picker->currentText(), f->session.organizationName());
        QCOMPARE(f->tree->currentIndex().data(Model::IdRole).toString(), f->session.organizationId());
        auto *name = f->page->findChild<QLabel *>(QStringLiteral("detailsName"));
        QVERIFY(name);
        QCOMPARE(name->text(), f->session.organizationName());
    }

    void choosingInTheTreeUpdatesSessionAndPicker()
    {
        const QString emea = f->idOf(QStringLiteral(" EMEA"));
        QVERIFY(f->clickOrganization(emea));
        QCOMPARE(f->session.organizationId(), emea);
        QCOMPARE(f->picker->currentText(), f->nameOf(emea));
        QCOMPARE(f->settings.lastOrganizationId(), emea);
        // And the other way round: a choice made elsewhere selects the row.
        const QString apac = f->idOf(QStringLiteral(" APAC"));
        f->session.setOrganization(apac, f->nameOf(apac));
        QCOMPARE(f->tree->currentIndex().data(Model::IdRole).toString(), apac);
        QCOMPARE(f->page->currentOrganizationId(), apac);
    }

    void createUnderTheSelectedOrganization()
    {
        const QString labs = f->idOf(QStringLiteral(" Labs"));
        QVERIFY(f->clickOrganization(labs));
        const int before = f->model()->organizationCount();
        ui::Dialogs::enqueueAnswer(QStringLiteral("Labs Child"));
        f->tree->setFocus();
        QTest::keyClick(f->tree, Qt::Key_N, Qt::ControlModifier);
        QVERIFY(waitOperation(true));
        QCOMPARE(f->model()->organizationCount(), before + 1);
        // The count under the tree follows the model.
        QCOMPARE(treeStatus(), QStringLiteral("%1 organizations").arg(before + 1));
        const QString child = f->idOf(QStringLiteral("Labs Child"));
        QVERIFY(!child.isEmpty());
        QCOMPARE(f->model()->indexOf(child).parent(), f->model()->indexOf(labs));
        QCOMPARE(f->session.organizationId(), child);
        QCOMPARE(f->picker->currentText(), QStringLiteral("Labs Child"));
        const auto server = serverOrganization(child);
        QVERIFY(server);
        QCOMPARE(server->parentId, labs);
    }

    void createRefusedKeepsTheTree()
    {
        // APAC's capabilities forbid sub-organizations.
        const QString apac = f->idOf(QStringLiteral(" APAC"));
        QVERIFY(f->clickOrganization(apac));
        const int before = f->model()->organizationCount();
        ui::Dialogs::enqueueAnswer(QStringLiteral("Not Allowed"));
        auto *newAction = f->page->findChild<QAction *>(QStringLiteral("actionNewOrganization"));
        QVERIFY(newAction && newAction->isEnabled());
        newAction->trigger();
        QVERIFY(waitOperation(false));
        QCOMPARE(f->model()->organizationCount(), before);
        QVERIFY(f->banner->isVisible());
        QCOMPARE(f->banner->kind(), ui::MessageBanner::Kind::Error);
        // Orgscope's own explanation (from the parent's capability), not the server's wording.
        QVERIFY2(f->banner->text().contains(QStringLiteral("does not allow sub-organizations")),
                 qPrintable(f->banner->text()));
        // The same request would be refused again: no Retry.
        QVERIFY(!f->banner->retryOffered());
        QCOMPARE(f->session.organizationId(), apac);
    }

    void renameWithF2()
    {
        const QString child = f->idOf(QStringLiteral("Labs Child"));
        QVERIFY(f->clickOrganization(child));
        ui::Dialogs::enqueueAnswer(QStringLiteral("Labs Child Renamed"));
        QTest::keyClick(f->tree, Qt::Key_F2);
        QVERIFY(waitOperation(true));
        QCOMPARE(f->nameOf(child), QStringLiteral("Labs Child Renamed"));
        QCOMPARE(f->session.organizationName(), QStringLiteral("Labs Child Renamed"));
        QCOMPARE(f->picker->currentText(), QStringLiteral("Labs Child Renamed"));
        QCOMPARE(f->page->findChild<QLabel *>(QStringLiteral("detailsName"))->text(),
                 QStringLiteral("Labs Child Renamed"));
        const auto server = serverOrganization(child);
        QVERIFY(server);
        QCOMPARE(server->name, QStringLiteral("Labs Child Renamed"));
        QVERIFY(ui::Dialogs::askedQuestions().contains(QStringLiteral("Rename Organization")));
    }

    void searchKeepsAncestorsVisible()
    {
        auto *search = f->page->findChild<QLineEdit *>(QStringLiteral("organizationSearch"));
        QVERIFY(search);
        const QString before = f->session.organizationId();
        QTest::keyClicks(search, QStringLiteral("renamed"));
        const QAbstractItemModel *view = f->tree->model();
        QCOMPARE(view->rowCount(), 1); // the root holding the match
        const QModelIndex root = view->index(0, 0);
        QCOMPARE(view->rowCount(root), 1);
        const QModelIndex labs = view->index(0, 0, root);
        QVERIFY(labs.data().toString().endsWith(QStringLiteral(" Labs")));
        QCOMPARE(view->index(0, 0, labs).data().toString(), QStringLiteral("Labs Child Renamed"));
        // Typing never changes the chosen organization.
        QCOMPARE(f->session.organizationId(), before);
        // No match: the status under the empty tree says why it is empty.
        search->clear();
        QTest::keyClicks(search, QStringLiteral("zzz-no-such"));
        QCOMPARE(view->rowCount(), 0);
        QVERIFY2(treeStatus().contains(QStringLiteral("No organization")) &&
                     treeStatus().contains(QStringLiteral("zzz-no-such")),
                 qPrintable(treeStatus()));
        search->clear();
        QCOMPARE(view->rowCount(), 2);
        QVERIFY2(treeStatus().endsWith(QStringLiteral(" organizations")), qPrintable(treeStatus()));
    }

    void deleteOfAParentExplainsInsteadOfAsking()
    {
        const QString emea = f->idOf(QStringLiteral(" EMEA"));
        const QString retail = f->idOf(QStringLiteral(" EMEA Retail"));
        QVERIFY(f->clickOrganization(emea));
        const int before = f->model()->organizationCount();
        // The tree shows its sub-organizations: Delete says so before anyone asks.
        auto *deleteAction = f->page->findChild<QAction *>(QStringLiteral("actionDeleteOrganization"));
        QVERIFY2(deleteAction->toolTip().contains(f->nameOf(retail)), qPrintable(deleteAction->toolTip()));
        QSignalSpy finished(f->page, &ui::OrganizationsPage::operationFinished);
        QTest::keyClick(f->tree, Qt::Key_Delete);
        QVERIFY(ui::Dialogs::askedQuestions().isEmpty()); // no confirmation of what cannot succeed
        QCOMPARE(finished.count(), 1);
        QVERIFY(!f->page->isBusy());
        QCOMPARE(f->model()->organizationCount(), before);
        const QString text = f->banner->text();
        QVERIFY2(text.contains(QStringLiteral("cannot be deleted")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("2 sub-organizations (“")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("(s)")), qPrintable(text));
        QVERIFY2(text.contains(f->nameOf(retail)), qPrintable(text));
        QVERIFY(!f->banner->retryOffered());
        QCOMPARE(f->session.organizationId(), emea);
        // The banner is about EMEA: choosing another organization clears it.
        QVERIFY(f->clickOrganization(f->idOf(QStringLiteral(" APAC"))));
        QVERIFY(!f->banner->isVisible());
    }

    void deleteAcceptedRemovesTheRow()
    {
        const QString child = f->idOf(QStringLiteral("Labs Child Renamed"));
        const QString labs = f->idOf(QStringLiteral(" Labs"));
        QVERIFY(f->clickOrganization(child));
        // An ampersand in the name stays an ampersand on the confirm button.
        f->page->controller()->rename(child, QStringLiteral("Labs R&D"));
        QVERIFY(waitOperation(true));
        {
            ui::MoveOrganizationDialog move(f->model(), child, f->page);
            bool shown = false;
            for (const QLabel *label : move.findChildren<QLabel *>())
                shown = shown || label->text().contains(QStringLiteral("“Labs R&&D”"));
            QVERIFY(shown);
        }
        const int before = f->model()->organizationCount();
        ui::Dialogs::enqueueAnswer(true);
        auto *toolBar = f->page->findChild<QToolBar *>(QStringLiteral("organizationsToolBar"));
        auto *deleteAction = f->page->findChild<QAction *>(QStringLiteral("actionDeleteOrganization"));
        QVERIFY(toolBar && deleteAction);
        QWidget *button = toolBar->widgetForAction(deleteAction);
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(ui::Dialogs::lastConfirmLabel(), QStringLiteral("Delete “Labs R&&D”"));
        QVERIFY(waitOperation(true));
        QCOMPARE(f->model()->organizationCount(), before - 1);
        QCOMPARE(treeStatus(), QStringLiteral("%1 organizations").arg(before - 1));
        QVERIFY(!f->model()->contains(child));
        QVERIFY(!serverOrganization(child));
        // The parent becomes the chosen organization.
        QCOMPARE(f->session.organizationId(), labs);
        QCOMPARE(f->picker->currentText(), f->nameOf(labs));
        QVERIFY(!f->banner->isVisible());
    }

    void moveExplainsWhenTheApiKeepsTheParent()
    {
        const QString sandbox = f->idOf(QStringLiteral(" Americas Sandbox"));
        const QString americas = f->idOf(QStringLiteral(" Americas"));
        const QString labs = f->idOf(QStringLiteral(" Labs"));
        f->page->moveOrganization(sandbox, labs);
        QVERIFY(waitOperation(false));
        QCOMPARE(f->model()->indexOf(sandbox).parent(), f->model()->indexOf(americas));
        QCOMPARE(f->banner->kind(), ui::MessageBanner::Kind::Warning);
        QVERIFY2(f->banner->text().contains(QStringLiteral("was not moved")), qPrintable(f->banner->text()));
    }

    void accountsTabFiltersServerSideAndExports()
    {
        const QString retail = f->idOf(QStringLiteral(" EMEA Retail"));
        QVERIFY(f->clickOrganization(retail));
        QSignalSpy loaded(f->page, &ui::OrganizationsPage::accountsLoaded);
        f->showTab(1);
        QVERIFY(loaded.wait(10000));
        QVERIFY(loaded.first().first().toBool());
        auto *table = f->page->findChild<QTableView *>(QStringLiteral("accountsView"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 2);
        const QString firstName =
            table->model()->index(0, models::AccountTableModel::NameColumn).data().toString();
        // Server-side filter: the API answers only the matches.
        auto *filter = f->page->findChild<QLineEdit *>(QStringLiteral("accountsFilter"));
        QVERIFY(filter);
        loaded.clear();
        QTest::keyClicks(filter, firstName.section(u' ', -1));
        QTest::keyClick(filter, Qt::Key_Return);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(), firstName);
        // Export what is shown.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("accounts.csv"));
        ui::Dialogs::enqueueAnswer(path);
        auto *exportButton = f->page->findChild<QPushButton *>(QStringLiteral("accountsExport"));
        QVERIFY(exportButton && exportButton->isEnabled());
        QTest::mouseClick(exportButton, Qt::LeftButton);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(1).contains(firstName.toUtf8()));
        filter->clear();
        QTest::keyClick(filter, Qt::Key_Return);
        f->showTab(0);
    }

    void findContainingAnAccount()
    {
        const QString retail = f->idOf(QStringLiteral(" EMEA Retail"));
        if (f->session.organizationId() != retail)
            QVERIFY(f->clickOrganization(retail));
        f->showTab(1);
        auto *table = f->page->findChild<QTableView *>(QStringLiteral("accountsView"));
        QTRY_COMPARE(table->model()->rowCount(), 2);
        const QString accountId =
            table->model()->index(0, 0).data(models::AccountTableModel::IdRole).toString();
        QVERIFY(!accountId.isEmpty());
        f->showTab(0);
        // Go elsewhere, then ask where the account lives.
        QVERIFY(f->clickOrganization(f->idOf(QStringLiteral(" APAC"))));
        auto *input = f->page->findChild<QLineEdit *>(QStringLiteral("findContainingInput"));
        QVERIFY(input);
        // Text that cannot be an ID is refused before any request.
        QTest::keyClicks(input, QStringLiteral("abc123"));
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(!f->page->isBusy());
        QVERIFY2(f->banner->text().contains(QStringLiteral("cannot be an ID")),
                 qPrintable(f->banner->text()));
        QVERIFY(!f->banner->retryOffered());
        input->clear();
        const int inputWidth = input->width();
        QTest::keyClicks(input, accountId);
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(waitOperation(true));
        // Show All appears without squeezing the ID field.
        auto *showAll = f->page->findChild<QPushButton *>(QStringLiteral("findContainingClear"));
        QVERIFY(showAll->isVisible());
        QTRY_VERIFY2(input->width() >= inputWidth - 2,
                     qPrintable(QStringLiteral("%1 < %2").arg(input->width()).arg(inputWidth)));
        QCOMPARE(f->session.organizationId(), retail);
        // Only the holder and its ancestors remain visible.
        const QAbstractItemModel *view = f->tree->model();
        QCOMPARE(view->rowCount(), 1);
        QVERIFY2(f->banner->text().contains(f->nameOf(retail)), qPrintable(f->banner->text()));
        QTest::mouseClick(showAll, Qt::LeftButton);
        QCOMPARE(view->rowCount(), 2);
        QCOMPARE(f->session.organizationId(), retail);
        QVERIFY2(!progressText().startsWith(QStringLiteral("Found")), qPrintable(progressText()));
        // An ID nobody holds: "Nothing found." and the whole tree, not the previous result.
        input->clear();
        QTest::keyClicks(input, accountId);
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(waitOperation(true));
        QCOMPARE(view->rowCount(), 1);
        input->clear();
        QTest::keyClicks(input, QStringLiteral("ffffffffffffffffffffffffffffffff"));
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(waitOperation(true));
        QCOMPARE(progressText(), QStringLiteral("Nothing found."));
        QCOMPARE(view->rowCount(), 2);
        QVERIFY(!showAll->isVisible());
        input->clear();
    }

    void failureKeepsTreeAndRetryRecovers()
    {
        const QString apac = f->idOf(QStringLiteral(" APAC"));
        QVERIFY(f->clickOrganization(apac));
        const QUrl good = f->client.baseUrl();
        f->client.setMaxRetries(0);
        f->client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1/client/v4"))); // nothing listens there
        ui::Dialogs::enqueueAnswer(QStringLiteral("APAC Renamed"));
        QTest::keyClick(f->tree, Qt::Key_F2);
        QVERIFY(waitOperation(false));
        QVERIFY(f->nameOf(apac).endsWith(QStringLiteral(" APAC")));
        QVERIFY(f->banner->retryOffered());
        f->client.setBaseUrl(good);
        f->client.setMaxRetries(2);
        QSignalSpy done(f->page, &ui::OrganizationsPage::operationFinished);
        QTest::mouseClick(f->banner->findChild<QPushButton *>(QStringLiteral("messageBannerRetry")),
                          Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QVERIFY(done.first().first().toBool());
        QCOMPARE(f->nameOf(apac), QStringLiteral("APAC Renamed"));
    }

    void factoryWiresThePickerToTheTree()
    {
        models::AppSettings settings;
        models::Session session;
        models::ActivityLog activity;
        ui::MainWindow window(&session, &activity, &settings);
        const auto pages = ui::createPages({&session, &activity, &settings, window.navigator()}, &window);
        auto *page = qobject_cast<ui::OrganizationsPage *>(pages.value(0));
        QVERIFY(page);
        auto *picker = window.findChild<QComboBox *>(QStringLiteral("organizationPicker"));
        QVERIFY(picker);
        QCOMPARE(picker->model(), page->treeModel());
    }
};

QTEST_MAIN(TestOrganizationsActions)
#include "tst_organizationsactions.moc"
