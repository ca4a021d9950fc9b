#pragma once
// The Organizations page and its controller: the organization tree (shared
// with the toolbar picker), a details pane, the Accounts and Profile tabs,
// and create / rename / move / delete. Every call is asynchronous; a failure
// leaves the tree as it was and shows the API's sentence in the page banner
// with Retry.

#include "ui/common/page.h"

#include "api/records.h"
#include "models/organizations/organizationtreemodel.h"

#include <QPointer>
#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTabWidget;
class QToolBar;
class QTreeView;

namespace api {
class AccountsPager;
class ApiError;
class Client;
class OrganizationsPager;
class Pager;
} // namespace api

namespace models {
class ActivityLog;
class OrganizationFilterProxyModel;
} // namespace models

namespace ui {

class AccountsPanel;
class MessageBanner;
class OrganizationDetailsView;
class ProfileForm;

class OrganizationsPage : public Page
{
    Q_OBJECT
public:
    enum class Containing { Account, User, Organization };
    Q_ENUM(Containing)

    OrganizationsPage(models::Session *session, models::ActivityLog *activity, models::AppSettings *settings,
                      QWidget *parent = nullptr);
    ~OrganizationsPage() override;

    QString title() const override;
    QString iconName() const override { return QStringLiteral("folder"); }
    bool confirmLeave() override;
    void saveViewState(models::AppSettings &settings) override;
    void restoreViewState(models::AppSettings &settings) override;
    void refresh() override;

    // The tree of every visible organization; the toolbar picker shows it too.
    models::OrganizationTreeModel *treeModel() const { return m_model; }
    static int organizationIdRole();

    // What the actions do once their questions are answered.
    void createOrganization(const QString &name, const QString &parentId);
    void renameOrganization(const QString &id, const QString &name);
    void moveOrganization(const QString &id, const QString &newParentId);
    void deleteOrganization(const QString &id);
    void findContaining(Containing kind, const QString &id);
    void clearFind();

    QString currentOrganizationId() const { return m_currentId; }
    bool isBusy() const { return m_running > 0; }
    bool isTreeLoading() const;

Q_SIGNALS:
    // The tree finished loading (ok=false: the banner says why).
    void treeLoaded(bool ok);
    // An action (create, rename, move, delete, find, profile save) ended.
    void operationFinished(bool ok);
    void accountsLoaded(bool ok);
    void profileLoaded(bool ok);
    void profileSaveFinished(bool ok);

private:
    void buildUi();
    void createActions();
    void updateActions();
    api::Client *client() const;

    void reload(bool clearFirst);
    void onTreeFinished(api::OrganizationsPager *pager, bool firstLoad);
    void ensureOrganizationChosen();
    void onSessionOrganizationChanged(const QString &id);
    void onTreeCurrentChanged();
    void selectInTree(const QString &id);
    void showOrganization(const QString &id);
    void updateDetails();
    void onTabChanged();

    void loadAccounts();
    void exportAccounts();
    void loadProfile();
    void saveProfile(const api::Profile &profile);

    void newOrganization(bool underSelected);
    void askRename();
    void askMove();
    void askDelete();
    void runFind();
    void showTreeMenu(const QPoint &pos);

    void beginOperation(const QString &text);
    void endOperation(bool ok, const QString &statusText = {});
    void showFailure(const QString &what, const api::ApiError &error, std::function<void()> retry,
                     const QString &extra = {});
    void withSelectionGuard(const std::function<void()> &change);
    QString organizationName(const QString &id) const;
    bool showUtc() const;

    models::ActivityLog *m_activity;
    models::AppSettings *m_settings;
    models::OrganizationTreeModel *m_model;
    models::OrganizationFilterProxyModel *m_proxy;

    MessageBanner *m_banner = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_findKind = nullptr;
    QLineEdit *m_findInput = nullptr;
    QPushButton *m_findButton = nullptr;
    QPushButton *m_findClear = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_treeStatus = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_heading = nullptr;
    QTabWidget *m_tabs = nullptr;
    OrganizationDetailsView *m_details = nullptr;
    AccountsPanel *m_accounts = nullptr;
    ProfileForm *m_profile = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_newRootAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_moveAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_copyIdAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_searchAction = nullptr;
    QAction *m_refreshAction = nullptr;

    QPointer<api::OrganizationsPager> m_treePager;
    QPointer<api::OrganizationsPager> m_findPager;
    QPointer<api::AccountsPager> m_accountsPager;
    QList<api::Organization> m_refreshBuffer;
    std::function<void()> m_retry;
    QString m_currentId;
    QString m_accountsLoadedFor; // org id whose accounts are shown (or loading)
    QString m_profileLoadedFor;  // org id whose profile is in the form (or loading)
    int m_profileGeneration = 0;
    int m_running = 0; // actions in flight
    bool m_syncingSelection = false;
    bool m_treeLoadedOnce = false;
};

} // namespace ui
