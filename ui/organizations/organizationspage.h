#pragma once
// The Organizations page: the organization tree (shared with the toolbar
// picker), a details pane, the Accounts and Profile tabs, and create /
// rename / move / delete. A view: models::OrganizationsController does the
// work; this page binds its widgets to it, asks the user's questions and
// forwards intents.

#include "ui/common/page.h"

#include "models/organizations/organizationscontroller.h"
#include "models/organizations/organizationtreemodel.h"

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QSplitter;
class QToolBar;
class QTreeView;

namespace models {
class ActivityLog;
} // namespace models

namespace ui {

class MessageBanner;
class OrganizationTabs;

class OrganizationsPage : public Page
{
    Q_OBJECT
public:
    using Containing = models::OrganizationsController::Containing;

    OrganizationsPage(models::Session *session, models::ActivityLog *activity, models::AppSettings *settings,
                      QWidget *parent = nullptr);
    // With a controller the composition root built (not owned).
    OrganizationsPage(models::Session *session, models::OrganizationsController *controller,
                      models::AppSettings *settings, QWidget *parent = nullptr);
    ~OrganizationsPage() override;

    QString title() const override;
    QString iconName() const override { return QStringLiteral("folder"); }
    bool hasUnsavedChanges() const override;
    void requestLeave() override;
    void saveViewState(models::AppSettings &settings) override;
    void restoreViewState(models::AppSettings &settings) override;
    void refresh() override;

    models::OrganizationsController *controller() const { return m_controller; }
    // The tree of every visible organization; the toolbar picker shows it too.
    models::OrganizationTreeModel *treeModel() const;
    static int organizationIdRole();

    // The organizations' intents (create, rename, move, delete, find) are the controller's slots.
    void moveOrganization(const QString &id, const QString &newParentId);

    QString currentOrganizationId() const;
    bool isBusy() const;

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
    void bindController();
    void updateActions();
    void updateBanner();
    void updateTreeStatus();
    void onTreeCurrentChanged();
    void onCurrentChanged();
    void selectInTree(const QString &id);
    void onQuestion(const models::OrganizationsController::Question &question);

    void newOrganization(bool underSelected);
    void askRename();
    void askMove();
    void askDelete();
    void runFind();
    void showTreeMenu(const QPoint &pos);

    models::OrganizationsController *m_controller;
    models::AppSettings *m_settings;

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
    OrganizationTabs *m_tabs = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QMenu *m_treeMenu = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_newRootAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_moveAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_copyIdAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_searchAction = nullptr;
    QAction *m_refreshAction = nullptr;

    bool m_syncingSelection = false;
    bool m_leaving = false; // requestLeave() waits for the controller's leaveDecided
};

} // namespace ui
