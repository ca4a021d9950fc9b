#pragma once
// A main window with the Organizations page, connected over HTTP to a fresh
// orgscope-sim, plus helpers to drive the tree like a user does.

#include "api/client.h"
#include "models/organizations/organizationtreemodel.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "testsupport/simulatorprocess.h"
#include "ui/common/dialogs.h"
#include "ui/common/messagebanner.h"
#include "ui/common/pluralforms.h"
#include "ui/organizations/organizationspage.h"
#include "ui/shell/mainwindow.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <memory>

class OrganizationsFixture
{
public:
    // A small dataset starts fast; the organizations are the full seeded set.
    OrganizationsFixture()
        : sim(QStringList{QStringLiteral("--audit-events"), QStringLiteral("50"),
                          QStringLiteral("--usage-days"), QStringLiteral("2")})
    {}

    bool start()
    {
        ui::installPluralForms(QCoreApplication::instance()); // as main() does: "10 organizations"
        if (!sim.start()) {
            qWarning() << "simulator:" << sim.errorString();
            return false;
        }
        client.setBaseUrl(QUrl(sim.baseUrl()));
        api::Credentials credentials;
        credentials.apiToken = testsupport::SimulatorProcess::demoToken();
        client.setCredentials(credentials);
        client.setRetryBaseDelay(50);
        window = std::make_unique<ui::MainWindow>(&session, &activity, &settings);
        page = new ui::OrganizationsPage(&session, &activity, &settings, window.get());
        // Same wiring as ui/shell/pagefactory.cpp.
        window->setOrganizationModel(page->treeModel(), ui::OrganizationsPage::organizationIdRole());
        window->addPage(page);
        window->restoreState();
        window->show();
        window->activateWindow();
        // Shortcuts (Del, F2, Ctrl+N) need an active window with focus in the tree.
        if (!QTest::qWaitForWindowActive(window.get()))
            return false;
        QSignalSpy loaded(page, &ui::OrganizationsPage::treeLoaded);
        session.setClient(&client);
        if (!loaded.wait(20000) || !loaded.first().first().toBool())
            return false;
        tree = page->findChild<QTreeView *>(QStringLiteral("organizationTree"));
        banner = page->findChild<ui::MessageBanner *>(QStringLiteral("organizationsBanner"));
        tabs = page->findChild<QTabWidget *>(QStringLiteral("organizationTabs"));
        picker = window->findChild<QComboBox *>(QStringLiteral("organizationPicker"));
        return tree && banner && tabs && picker;
    }

    ~OrganizationsFixture()
    {
        ui::Dialogs::clearAnswers();
        window.reset(); // pages go before the client they use
        session.setClient(nullptr);
    }

    models::OrganizationTreeModel *model() const { return page->treeModel(); }

    // The id of the organization whose name ends with `suffix` (names are "<Company><suffix>").
    QString idOf(const QString &suffix) const
    {
        QString found;
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            for (int r = 0; r < model()->rowCount(parent); ++r) {
                const QModelIndex i = model()->index(r, 0, parent);
                if (i.data().toString().endsWith(suffix))
                    found = i.data(models::OrganizationTreeModel::IdRole).toString();
                walk(i);
            }
        };
        walk({});
        return found;
    }

    QString nameOf(const QString &id) const
    {
        const api::Organization *o = model()->organization(id);
        return o ? o->name : QString();
    }

    // Clicks the organization's row in the tree, as a user would.
    bool clickOrganization(const QString &id)
    {
        auto *proxy = tree->model();
        QModelIndex index;
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            for (int r = 0; r < proxy->rowCount(parent) && !index.isValid(); ++r) {
                const QModelIndex i = proxy->index(r, 0, parent);
                if (i.data(models::OrganizationTreeModel::IdRole).toString() == id)
                    index = i;
                else
                    walk(i);
            }
        };
        walk({});
        if (!index.isValid())
            return false;
        tree->scrollTo(index);
        const QRect rect = tree->visualRect(index);
        if (!rect.isValid())
            return false;
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
        return true;
    }

    void showTab(int tab)
    {
        QTabBar *bar = tabs->tabBar();
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(tab).center());
    }

    testsupport::SimulatorProcess sim;
    api::Client client;
    models::AppSettings settings;
    models::Session session;
    models::ActivityLog activity;
    std::unique_ptr<ui::MainWindow> window;
    ui::OrganizationsPage *page = nullptr;
    QTreeView *tree = nullptr;
    ui::MessageBanner *banner = nullptr;
    QTabWidget *tabs = nullptr;
    QComboBox *picker = nullptr;
};
