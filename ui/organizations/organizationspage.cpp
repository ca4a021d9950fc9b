#include "ui/organizations/organizationspage.h"

#include "ui/organizations/organizationtreestatus.h"

#include "models/organizations/organizationfilterproxymodel.h"
#include "models/organizations/organizationtreemodel.h"
#include "models/settings/appsettings.h"
#include "ui/common/accessibility.h"
#include "ui/common/dialogs.h"
#include "ui/common/icons.h"
#include "ui/common/messagebanner.h"
#include "ui/organizations/moveorganizationdialog.h"
#include "ui/organizations/organizationtabs.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace ui {

namespace {

using Controller = models::OrganizationsController;

} // namespace

OrganizationsPage::OrganizationsPage(models::Session *session, models::ActivityLog *activity,
                                     models::AppSettings *settings, QWidget *parent)
    : OrganizationsPage(session, new Controller(session, activity, settings), settings, parent)
{
    m_controller->setParent(this);
}

OrganizationsPage::OrganizationsPage(models::Session *session, Controller *controller,
                                     models::AppSettings *settings, QWidget *parent)
    : Page(session, parent), m_controller(controller), m_settings(settings)
{
    setObjectName(QStringLiteral("organizationsPage"));
    buildUi();
    createActions();
    bindController();
    updateTreeStatus();
    updateActions();
}

OrganizationsPage::~OrganizationsPage() = default;

QString OrganizationsPage::title() const
{
    return tr("Organizations");
}

models::OrganizationTreeModel *OrganizationsPage::treeModel() const
{
    return m_controller->tree();
}

int OrganizationsPage::organizationIdRole()
{
    return models::OrganizationTreeModel::IdRole;
}

QString OrganizationsPage::currentOrganizationId() const
{
    return m_controller->currentId();
}

bool OrganizationsPage::isBusy() const
{
    return m_controller->isOperationRunning();
}

void OrganizationsPage::refresh()
{
    m_controller->reload(false);
}

void OrganizationsPage::moveOrganization(const QString &id, const QString &newParentId)
{
    m_controller->move(id, newParentId);
}

void OrganizationsPage::buildUi()
{
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("organizationsBanner"));

    m_toolBar = new QToolBar(tr("Organization actions"), this);
    m_toolBar->setObjectName(QStringLiteral("organizationsToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("organizationsProgress"));
    m_progress->setRange(0, 0); // busy indicator: the API gives no percentage
    m_progress->setMaximumWidth(120);
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("organizationsProgressLabel"));

    // Left: search, find-containing, the tree.
    auto *left = new QWidget(this);
    m_search = new QLineEdit(left);
    m_search->setObjectName(QStringLiteral("organizationSearch"));
    m_search->setPlaceholderText(tr("Filter by name (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(icon(QStringLiteral("edit-find")), QLineEdit::LeadingPosition);

    m_findKind = new QComboBox(left);
    m_findKind->setObjectName(QStringLiteral("findContainingKind"));
    m_findKind->addItem(tr("Account ID"), int(Containing::Account));
    m_findKind->addItem(tr("User ID"), int(Containing::User));
    m_findKind->addItem(tr("Organization ID"), int(Containing::Organization));
    m_findKind->setToolTip(tr("What the ID identifies"));
    m_findInput = new QLineEdit(left);
    m_findInput->setObjectName(QStringLiteral("findContainingInput"));
    m_findInput->setPlaceholderText(tr("ID to look for")); // the box beside it says of what
    // Wide enough for most of a 32-character ID whatever else shares the row.
    m_findInput->setMinimumWidth(m_findInput->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 16);
    m_findInput->setToolTip(
        tr("Show the organizations that contain this account, user or organization ID (Ctrl+Shift+F)"));
    m_findButton = new QPushButton(tr("F&ind"), left);
    m_findButton->setObjectName(QStringLiteral("findContainingButton"));
    m_findClear = new QPushButton(tr("Show &All"), left);
    m_findClear->setObjectName(QStringLiteral("findContainingClear"));
    m_findClear->setToolTip(tr("Show every organization again"));
    m_findClear->hide(); // only while a find result is shown

    m_tree = new QTreeView(left);
    m_tree->setObjectName(QStringLiteral("organizationTree"));
    m_tree->setAccessibleName(tr("organization tree"));
    m_tree->setModel(m_controller->shownTree());
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setExpandsOnDoubleClick(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(models::OrganizationTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(models::OrganizationTreeModel::SubOrganizationsColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(models::OrganizationTreeModel::NoteColumn,
                                           QHeaderView::ResizeToContents);
    m_treeStatus = new QLabel(left);
    m_treeStatus->setObjectName(QStringLiteral("organizationTreeStatus"));

    auto *searchLabel = new QLabel(tr("&Search:"), left);
    searchLabel->setBuddy(m_search);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_findKind);
    findRow->addWidget(m_findInput, 1);
    findRow->addWidget(m_findButton);
    // Show All sits with the count it changes, so the ID field keeps its width when it appears.
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_treeStatus, 1);
    statusRow->addWidget(m_findClear);
    m_treeStatus->setWordWrap(true);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(searchRow);
    leftLayout->addLayout(findRow);
    leftLayout->addWidget(m_tree, 1);
    leftLayout->addLayout(statusRow);

    // Right: heading and tabs.
    m_tabs = new OrganizationTabs(m_controller, m_settings, this);
    connect(m_tabs, &OrganizationTabs::statusMessage, m_progressLabel, &QLabel::setText);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("organizationsSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({340, 760});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->addWidget(m_banner);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_splitter, 1);

    setTabOrder(m_search, m_findKind);
    setTabOrder(m_findKind, m_findInput);
    setTabOrder(m_findInput, m_findButton);
    setTabOrder(m_findButton, m_findClear);
    setTabOrder(m_findClear, m_tree);
    setTabOrder(m_tree, m_tabs->tabs());

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_controller->setNameFilter(text);
        if (m_controller->shownTree()->isFiltering())
            m_tree->expandAll();
        updateTreeStatus(); // an empty result says why it is empty
    });
    connect(m_findInput, &QLineEdit::returnPressed, this, &OrganizationsPage::runFind);
    connect(m_findButton, &QPushButton::clicked, this, &OrganizationsPage::runFind);
    connect(m_findClear, &QPushButton::clicked, this, [this] {
        m_controller->clearFind();
        if (!m_controller->shownTree()->isFiltering())
            m_tree->expandToDepth(0);
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &OrganizationsPage::onTreeCurrentChanged);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &OrganizationsPage::showTreeMenu);
}

void OrganizationsPage::createActions()
{
    m_newAction = new QAction(icon(QStringLiteral("folder-new")), tr("&New…"), this);
    m_newAction->setObjectName(QStringLiteral("actionNewOrganization"));
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setToolTip(tr("New sub-organization under the selected organization (Ctrl+N)"));
    m_newRootAction = new QAction(tr("New &Root Organization…"), this);
    m_newRootAction->setObjectName(QStringLiteral("actionNewRootOrganization"));
    m_newRootAction->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    m_renameAction = new QAction(icon(QStringLiteral("edit-rename")), tr("Re&name…"), this);
    m_renameAction->setObjectName(QStringLiteral("actionRenameOrganization"));
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_renameAction->setToolTip(tr("Rename the selected organization (F2)"));
    m_moveAction = new QAction(icon(QStringLiteral("go-jump")), tr("&Move…"), this);
    m_moveAction->setObjectName(QStringLiteral("actionMoveOrganization"));
    m_moveAction->setShortcut(QKeySequence(tr("Ctrl+M")));
    m_moveAction->setToolTip(tr("Move the selected organization under another parent (Ctrl+M)"));
    m_deleteAction = new QAction(icon(QStringLiteral("edit-delete")), tr("&Delete…"), this);
    m_deleteAction->setObjectName(QStringLiteral("actionDeleteOrganization"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setToolTip(tr("Delete the selected organization; it must be empty (Del)"));
    m_copyIdAction = new QAction(icon(QStringLiteral("edit-copy")), tr("Copy &ID"), this);
    m_copyIdAction->setObjectName(QStringLiteral("actionCopyOrganizationId"));
    m_copyIdAction->setShortcut(QKeySequence::Copy);
    m_findAction = new QAction(tr("Find Containing…"), this);
    m_findAction->setObjectName(QStringLiteral("actionFindContaining"));
    m_findAction->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    m_searchAction = new QAction(tr("Search Organizations"), this);
    m_searchAction->setObjectName(QStringLiteral("actionSearchOrganizations"));
    m_searchAction->setShortcut(QKeySequence::Find);
    m_refreshAction = new QAction(icon(QStringLiteral("view-refresh")), tr("Re&load"), this);
    m_refreshAction->setObjectName(QStringLiteral("actionReloadOrganizations"));
    m_refreshAction->setToolTip(tr("Reload the organization tree (F5)"));

    // Page-wide shortcuts only while the page has focus; Del, F2 and Ctrl+C
    // only in the tree so editing a field never deletes or renames.
    for (QAction *a : {m_newAction, m_newRootAction, m_moveAction, m_findAction, m_searchAction}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    for (QAction *a : {m_renameAction, m_deleteAction, m_copyIdAction}) {
        a->setShortcutContext(Qt::WidgetShortcut);
        m_tree->addAction(a);
    }

    m_toolBar->addAction(m_newAction);
    m_toolBar->addAction(m_renameAction);
    m_toolBar->addAction(m_moveAction);
    m_toolBar->addAction(m_deleteAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_copyIdAction);
    m_toolBar->addAction(m_refreshAction);
    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_toolBar->addWidget(m_progressLabel);
    m_toolBar->addWidget(m_progress);
    makeToolBarTabbable(m_toolBar);

    connect(m_newAction, &QAction::triggered, this, [this] { newOrganization(true); });
    connect(m_newRootAction, &QAction::triggered, this, [this] { newOrganization(false); });
    connect(m_renameAction, &QAction::triggered, this, &OrganizationsPage::askRename);
    connect(m_moveAction, &QAction::triggered, this, &OrganizationsPage::askMove);
    connect(m_deleteAction, &QAction::triggered, this, &OrganizationsPage::askDelete);
    connect(m_copyIdAction, &QAction::triggered, this, [this] {
        const QString id = m_controller->currentId();
        if (id.isEmpty())
            return;
        QApplication::clipboard()->setText(id);
        m_progressLabel->setText(tr("Copied organization ID %1.").arg(id));
    });
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_findInput->setFocus();
        m_findInput->selectAll();
    });
    connect(m_searchAction, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    connect(m_refreshAction, &QAction::triggered, this, &OrganizationsPage::refresh);
}

void OrganizationsPage::bindController()
{
    Controller *c = m_controller;
    connect(m_banner, &MessageBanner::retryRequested, c, &Controller::retry);
    connect(c, &Controller::errorChanged, this, &OrganizationsPage::updateBanner);
    connect(c, &Controller::noticeChanged, this, &OrganizationsPage::updateBanner);
    connect(c, &Controller::busyChanged, this, [this](bool busy) {
        m_progress->setVisible(busy);
        updateActions();
    });
    connect(c, &Controller::operationTextChanged, m_progressLabel, &QLabel::setText);
    connect(c, &Controller::treeStateChanged, this, &OrganizationsPage::updateTreeStatus);
    // Rows leaving the view move the tree's current index; that is not the user choosing.
    connect(c, &Controller::treeAboutToChange, this, [this] { m_syncingSelection = true; });
    connect(c, &Controller::treeChanged, this, [this] {
        m_syncingSelection = false;
        updateTreeStatus(); // the count follows every change: create, delete, find, filter
        m_findClear->setVisible(m_controller->isShowingFindResult());
        if (m_controller->isShowingFindResult())
            m_tree->expandAll();
        selectInTree(m_controller->currentId());
    });
    connect(c, &Controller::treeLoaded, this, [this](bool ok) {
        if (ok) {
            if (m_controller->shownTree()->isFiltering())
                m_tree->expandAll();
            else
                m_tree->expandToDepth(0);
        }
        m_tabs->updateDetails();
        Q_EMIT treeLoaded(ok);
    });
    connect(c, &Controller::currentChanged, this, &OrganizationsPage::onCurrentChanged);
    connect(c, &Controller::operationFinished, this,
            [this](Controller::Operation, bool ok) { Q_EMIT operationFinished(ok); });
    connect(c, &Controller::accountsLoaded, this, &OrganizationsPage::accountsLoaded);
    connect(c, &Controller::accountsStateChanged, this, &OrganizationsPage::updateActions);
    connect(c, &Controller::profileLoaded, this, &OrganizationsPage::profileLoaded);
    connect(c, &Controller::profileSaveFinished, this, &OrganizationsPage::profileSaveFinished);
    connect(c, &Controller::questionRequested, this, &OrganizationsPage::onQuestion);
    connect(c, &Controller::leaveDecided, this, [this](bool ok) {
        if (std::exchange(m_leaving, false))
            Q_EMIT leaveDecided(ok);
    });
}

void OrganizationsPage::updateActions()
{
    const bool connected = m_controller->isConnected();
    const bool idle = !m_controller->isOperationRunning();
    const api::Organization *org = m_controller->currentOrganization();
    const bool has = org != nullptr;
    m_newAction->setEnabled(connected && idle && has);
    m_newRootAction->setEnabled(connected && idle);
    m_renameAction->setEnabled(connected && idle && has);
    m_moveAction->setEnabled(connected && idle && has);
    m_deleteAction->setEnabled(connected && idle && has);
    // Known to be refused: the tooltip says why before anyone asks, and Delete explains instead of asking.
    const QString blocker = has ? m_controller->deleteBlocker(org->id) : QString();
    m_deleteAction->setToolTip(
        blocker.isEmpty() ? tr("Delete the selected organization; it must be empty (Del)") : blocker);
    m_copyIdAction->setEnabled(has);
    m_refreshAction->setEnabled(connected);
    m_findAction->setEnabled(connected);
    m_findButton->setEnabled(connected);
    if (has && org->flag(QStringLiteral("sub_org_creation")) == QLatin1String("disabled"))
        m_newAction->setToolTip(
            tr("New sub-organization under “%1” (Ctrl+N). Its capabilities say sub-organization "
               "creation is disabled, so the API will probably refuse.")
                .arg(org->name));
    else
        m_newAction->setToolTip(tr("New sub-organization under the selected organization (Ctrl+N)"));
}

void OrganizationsPage::updateBanner()
{
    const models::ErrorInfo error = m_controller->error();
    if (error.isError()) {
        m_banner->showError(error.message, error.retryable);
        return;
    }
    switch (m_controller->noticeKind()) {
    case Controller::NoticeKind::None:
        m_banner->clear();
        break;
    case Controller::NoticeKind::Info:
        m_banner->showInfo(m_controller->notice());
        break;
    case Controller::NoticeKind::Warning:
        m_banner->showMessage(MessageBanner::Kind::Warning, m_controller->notice(), false);
        break;
    }
}

void OrganizationsPage::updateTreeStatus()
{
    m_treeStatus->setText(treeStatusText(*m_controller));
    m_progress->setVisible(m_controller->isBusy());
    updateActions();
}

// --- selection ----------------------------------------------------------------

void OrganizationsPage::selectInTree(const QString &id)
{
    const bool was = m_syncingSelection;
    m_syncingSelection = true;
    auto *shown = m_controller->shownTree();
    const QModelIndex index = shown->mapFromSource(m_controller->tree()->indexOf(id));
    if (index.isValid()) {
        m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
        m_tree->scrollTo(index);
    } else if (id.isEmpty() || !m_controller->tree()->contains(id)) {
        m_tree->selectionModel()->clearSelection();
    }
    m_syncingSelection = was;
}

void OrganizationsPage::onTreeCurrentChanged()
{
    if (m_syncingSelection)
        return;
    const QString id =
        m_tree->currentIndex().siblingAtColumn(0).data(models::OrganizationTreeModel::IdRole).toString();
    // A refused switch comes back as currentChanged and puts the selection back.
    m_controller->selectOrganization(id);
}

void OrganizationsPage::onCurrentChanged()
{
    selectInTree(m_controller->currentId());
    updateActions();
}

// --- leaving with unsaved edits -----------------------------------------------

bool OrganizationsPage::hasUnsavedChanges() const
{
    return m_controller->hasUnsavedProfile();
}

void OrganizationsPage::requestLeave()
{
    m_leaving = true;
    m_controller->requestLeave();
}

void OrganizationsPage::onQuestion(const Controller::Question &question)
{
    const quint64 id = question.id;
    QPointer<Controller> controller = m_controller;
    Dialogs::askUnsaved(this,
                        tr("The business profile of “%1” has unsaved changes. Save them before leaving?")
                            .arg(question.organizationName),
                        [controller, id](QMessageBox::StandardButton button) {
                            if (!controller)
                                return;
                            controller->answer(id, button == QMessageBox::Save ? Controller::Answer::Save
                                                   : button == QMessageBox::Discard
                                                       ? Controller::Answer::Discard
                                                       : Controller::Answer::Cancel);
                        });
}

// --- actions ------------------------------------------------------------------

void OrganizationsPage::newOrganization(bool underSelected)
{
    const api::Organization *parent = underSelected ? m_controller->currentOrganization() : nullptr;
    const QString label = parent ? tr("Name of the new sub-organization of “%1”:").arg(parent->name)
                                 : tr("Name of the new root organization:");
    const QString name = Dialogs::text(this, tr("New Organization"), label);
    if (name.trimmed().isEmpty())
        return;
    m_controller->create(name.trimmed(), parent ? parent->id : QString());
}

void OrganizationsPage::askRename()
{
    const api::Organization *org = m_controller->currentOrganization();
    if (!org)
        return;
    const QString name =
        Dialogs::text(this, tr("Rename Organization"), tr("New name of “%1”:").arg(org->name), org->name);
    if (name.trimmed().isEmpty() || name.trimmed() == org->name)
        return;
    m_controller->rename(org->id, name.trimmed());
}

void OrganizationsPage::askMove()
{
    const QString id = m_controller->currentId();
    if (!m_controller->currentOrganization())
        return;
    auto *dialog = new MoveOrganizationDialog(m_controller->tree(), id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        if (!dialog->chosenParentId().isEmpty())
            m_controller->move(id, dialog->chosenParentId());
    });
    dialog->open();
}

void OrganizationsPage::askDelete()
{
    const api::Organization *org = m_controller->currentOrganization();
    if (!org)
        return;
    const QString id = org->id; // taken now: the tree may change while the user reads
    if (!m_controller->deleteBlocker(id).isEmpty()) {
        m_controller->remove(id); // refused at once with the reason in the banner; nothing to confirm
        return;
    }
    const QString text = tr("Delete the organization “%1” (%2)?\n\nThis cannot be undone. The API deletes "
                            "only empty organizations: "
                            "no sub-organizations, accounts or members.")
                             .arg(org->name, org->id);
    if (!Dialogs::confirm(this, tr("Delete Organization"), text,
                          tr("Delete “%1”").arg(escapeMnemonic(org->name))))
        return;
    m_controller->remove(id);
}

void OrganizationsPage::runFind()
{
    const QString id = m_findInput->text().trimmed();
    if (id.isEmpty()) {
        m_controller->clearFind();
        return;
    }
    m_controller->findContaining(Containing(m_findKind->currentData().toInt()), id);
}

void OrganizationsPage::showTreeMenu(const QPoint &pos)
{
    if (!m_treeMenu) {
        m_treeMenu = new QMenu(this);
        m_treeMenu->addAction(m_newAction);
        m_treeMenu->addAction(m_newRootAction);
        m_treeMenu->addSeparator();
        m_treeMenu->addAction(m_renameAction);
        m_treeMenu->addAction(m_moveAction);
        m_treeMenu->addAction(m_deleteAction);
        m_treeMenu->addSeparator();
        m_treeMenu->addAction(m_copyIdAction);
        m_treeMenu->addAction(m_findAction);
        m_treeMenu->addSeparator();
        connect(m_treeMenu->addAction(tr("Expand All")), &QAction::triggered, m_tree, &QTreeView::expandAll);
        connect(m_treeMenu->addAction(tr("Collapse All")), &QAction::triggered, m_tree,
                &QTreeView::collapseAll);
    }
    m_treeMenu->popup(m_tree->viewport()->mapToGlobal(pos));
}

// --- view state ---------------------------------------------------------------

void OrganizationsPage::saveViewState(models::AppSettings &settings)
{
    settings.setSplitterState(QStringLiteral("organizations"), m_splitter->saveState());
    settings.setHeaderState(QStringLiteral("organizations/tree"), m_tree->header()->saveState());
    m_tabs->saveViewState(settings);
}

void OrganizationsPage::restoreViewState(models::AppSettings &settings)
{
    const QByteArray splitter = settings.splitterState(QStringLiteral("organizations"));
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    const QByteArray tree = settings.headerState(QStringLiteral("organizations/tree"));
    if (!tree.isEmpty())
        m_tree->header()->restoreState(tree);
    m_tabs->restoreViewState(settings);
}

} // namespace ui
