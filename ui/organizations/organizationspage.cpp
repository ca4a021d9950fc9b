#include "ui/organizations/organizationspage.h"

#include "api/accountspager.h"
#include "api/client.h"
#include "api/job.h"
#include "api/organizationsapi.h"
#include "api/organizationspager.h"
#include "models/organizations/accountscsv.h"
#include "models/organizations/accounttablemodel.h"
#include "models/organizations/organizationfilterproxymodel.h"
#include "models/organizations/organizationtreemodel.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "ui/common/dialogs.h"
#include "ui/common/icons.h"
#include "ui/common/messagebanner.h"
#include "ui/organizations/accountspanel.h"
#include "ui/organizations/moveorganizationdialog.h"
#include "ui/organizations/organizationdetailsview.h"
#include "ui/organizations/profileform.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEventLoop>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <memory>
#include <utility>

namespace ui {

namespace {

constexpr int kDetailsTab = 0;
constexpr int kAccountsTab = 1;
constexpr int kProfileTab = 2;

// The API's own sentences (errors[].message), else the api layer's summary.
QString apiSentences(const api::ApiError &error)
{
    QStringList parts;
    for (const api::ApiMessage &m : error.errors())
        if (!m.message.isEmpty())
            parts << m.message;
    return parts.isEmpty() ? error.userMessage() : parts.join(QStringLiteral("; "));
}

} // namespace

OrganizationsPage::OrganizationsPage(models::Session *session, models::ActivityLog *activity,
                                     models::AppSettings *settings, QWidget *parent)
    : Page(session, parent), m_activity(activity), m_settings(settings),
      m_model(new models::OrganizationTreeModel(this)),
      m_proxy(new models::OrganizationFilterProxyModel(this))
{
    setObjectName(QStringLiteral("organizationsPage"));
    m_proxy->setSourceModel(m_model);
    buildUi();
    createActions();

    connect(session, &models::Session::clientChanged, this, [this] { reload(true); });
    connect(session, &models::Session::organizationChanged, this,
            [this](const QString &id) { onSessionOrganizationChanged(id); });
    connect(m_banner, &MessageBanner::retryRequested, this, [this] {
        if (auto retry = std::exchange(m_retry, {}))
            retry();
    });
    if (session->client())
        QTimer::singleShot(0, this, [this] { reload(true); });
    else
        m_treeStatus->setText(tr("Not connected."));
    updateActions();
}

OrganizationsPage::~OrganizationsPage() = default;

QString OrganizationsPage::title() const
{
    return tr("Organizations");
}

int OrganizationsPage::organizationIdRole()
{
    return models::OrganizationTreeModel::IdRole;
}

bool OrganizationsPage::isTreeLoading() const
{
    return !m_treePager.isNull();
}

api::Client *OrganizationsPage::client() const
{
    return session()->client();
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
    m_findInput->setPlaceholderText(tr("Find containing…"));
    m_findInput->setToolTip(
        tr("Show the organizations that contain this account, user or organization ID (Ctrl+Shift+F)"));
    m_findButton = new QPushButton(tr("F&ind"), left);
    m_findButton->setObjectName(QStringLiteral("findContainingButton"));
    m_findClear = new QPushButton(tr("Show &All"), left);
    m_findClear->setObjectName(QStringLiteral("findContainingClear"));
    m_findClear->hide(); // only while a find result is shown

    m_tree = new QTreeView(left);
    m_tree->setObjectName(QStringLiteral("organizationTree"));
    m_tree->setModel(m_proxy);
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
    findRow->addWidget(m_findClear);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(searchRow);
    leftLayout->addLayout(findRow);
    leftLayout->addWidget(m_tree, 1);
    leftLayout->addWidget(m_treeStatus);

    // Right: heading and tabs.
    auto *right = new QWidget(this);
    m_heading = new QLabel(right);
    m_heading->setObjectName(QStringLiteral("organizationHeading"));
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details = new OrganizationDetailsView(right);
    m_accounts = new AccountsPanel(right);
    m_profile = new ProfileForm(right);
    m_tabs = new QTabWidget(right);
    m_tabs->setObjectName(QStringLiteral("organizationTabs"));
    auto *detailsScroll = new QScrollArea(m_tabs);
    detailsScroll->setWidget(m_details);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    auto *profileScroll = new QScrollArea(m_tabs);
    profileScroll->setWidget(m_profile);
    profileScroll->setWidgetResizable(true);
    profileScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(detailsScroll, tr("&Details"));
    m_tabs->addTab(m_accounts, tr("A&ccounts"));
    m_tabs->addTab(profileScroll, tr("&Profile"));
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_heading);
    rightLayout->addWidget(m_tabs, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("organizationsSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
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
    setTabOrder(m_tree, m_tabs);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        withSelectionGuard([&] { m_proxy->setNameFilter(text); });
        if (m_proxy->isFiltering())
            m_tree->expandAll();
        selectInTree(m_currentId);
    });
    connect(m_findInput, &QLineEdit::returnPressed, this, &OrganizationsPage::runFind);
    connect(m_findButton, &QPushButton::clicked, this, &OrganizationsPage::runFind);
    connect(m_findClear, &QPushButton::clicked, this, &OrganizationsPage::clearFind);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &OrganizationsPage::onTreeCurrentChanged);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &OrganizationsPage::showTreeMenu);
    connect(m_tabs, &QTabWidget::currentChanged, this, &OrganizationsPage::onTabChanged);
    connect(m_accounts, &AccountsPanel::filterChanged, this, [this] {
        m_accountsLoadedFor.clear();
        loadAccounts();
    });
    connect(m_accounts, &AccountsPanel::exportRequested, this, &OrganizationsPage::exportAccounts);
    connect(m_accounts, &AccountsPanel::idCopied, this,
            [this](const QString &id) { m_progressLabel->setText(tr("Copied account ID %1.").arg(id)); });
    connect(m_details, &OrganizationDetailsView::idCopied, this, [this](const QString &id) {
        m_progressLabel->setText(tr("Copied organization ID %1.").arg(id));
    });
    connect(m_profile, &ProfileForm::saveRequested, this, &OrganizationsPage::saveProfile);
    connect(m_profile, &ProfileForm::modifiedChanged, this, [this](bool modified) {
        m_tabs->setTabText(kProfileTab, modified ? tr("&Profile •") : tr("&Profile"));
    });

    m_details->clear(tr("Connect to see your organizations."));
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

    connect(m_newAction, &QAction::triggered, this, [this] { newOrganization(true); });
    connect(m_newRootAction, &QAction::triggered, this, [this] { newOrganization(false); });
    connect(m_renameAction, &QAction::triggered, this, &OrganizationsPage::askRename);
    connect(m_moveAction, &QAction::triggered, this, &OrganizationsPage::askMove);
    connect(m_deleteAction, &QAction::triggered, this, &OrganizationsPage::askDelete);
    connect(m_copyIdAction, &QAction::triggered, this, [this] {
        if (m_currentId.isEmpty())
            return;
        QApplication::clipboard()->setText(m_currentId);
        m_progressLabel->setText(tr("Copied organization ID %1.").arg(m_currentId));
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

void OrganizationsPage::updateActions()
{
    const bool connected = client() != nullptr;
    const bool idle = m_running == 0;
    const api::Organization *org = m_model->organization(m_currentId);
    const bool has = org != nullptr;
    m_newAction->setEnabled(connected && idle && has);
    m_newRootAction->setEnabled(connected && idle);
    m_renameAction->setEnabled(connected && idle && has);
    m_moveAction->setEnabled(connected && idle && has);
    m_deleteAction->setEnabled(connected && idle && has);
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

// --- tree loading -----------------------------------------------------------

void OrganizationsPage::refresh()
{
    reload(false);
}

void OrganizationsPage::reload(bool clearFirst)
{
    if (m_treePager) {
        api::OrganizationsPager *old = m_treePager;
        old->disconnect(this);
        old->abort();
        old->deleteLater();
        m_treePager = nullptr;
    }
    if (clearFirst) {
        withSelectionGuard([this] { m_model->clear(); });
        m_treeLoadedOnce = false;
        showOrganization(QString());
    }
    api::Client *c = client();
    if (!c) {
        m_treeStatus->setText(tr("Not connected."));
        m_details->clear(tr("Connect to see your organizations."));
        updateActions();
        return;
    }
    const bool firstLoad = m_model->organizationCount() == 0;
    m_refreshBuffer.clear();
    auto *pager = new api::OrganizationsPager(c, {}, this);
    m_treePager = pager;
    connect(pager, &api::OrganizationsPager::pageReady, this,
            [this, pager, firstLoad](const QList<api::Organization> &organizations) {
                if (pager != m_treePager)
                    return;
                if (firstLoad)
                    m_model->addOrganizations(organizations); // rows appear as pages arrive
                else
                    m_refreshBuffer += organizations; // applied as one diff at the end
            });
    connect(pager, &api::Pager::progress, this, [this, pager](qint64 items, int) {
        if (pager == m_treePager)
            m_treeStatus->setText(tr("Loading organizations… %1").arg(items));
    });
    connect(pager, &api::Pager::finished, this,
            [this, pager, firstLoad] { onTreeFinished(pager, firstLoad); });
    m_treeStatus->setText(tr("Loading organizations…"));
    m_progress->show();
    pager->start();
}

void OrganizationsPage::onTreeFinished(api::OrganizationsPager *pager, bool firstLoad)
{
    if (pager != m_treePager)
        return;
    m_treePager = nullptr;
    pager->deleteLater();
    if (m_running == 0)
        m_progress->hide();
    if (pager->error() && !pager->wasCanceled()) {
        m_refreshBuffer.clear();
        m_treeStatus->setText(m_model->organizationCount() ? tr("Showing the last loaded organizations.")
                                                           : tr("No organizations loaded."));
        showFailure(tr("Could not load the organizations"), pager->error(), [this] { reload(false); });
        if (m_model->organizationCount() == 0)
            m_details->clear(tr("The organizations could not be loaded."));
        Q_EMIT treeLoaded(false);
        return;
    }
    if (!firstLoad)
        withSelectionGuard([this] { m_model->synchronize(m_refreshBuffer); });
    m_refreshBuffer.clear();
    m_treeLoadedOnce = true;
    const int n = m_model->organizationCount();
    m_treeStatus->setText(n == 0 ? tr("These credentials can see no organization.")
                                 : tr("%n organization(s)", nullptr, n));
    if (m_proxy->isFiltering())
        m_tree->expandAll();
    else
        m_tree->expandToDepth(0);
    ensureOrganizationChosen();
    updateDetails();
    if (n == 0)
        m_details->clear(
            tr("These credentials can see no organization. Create one with New Root Organization "
               "(Ctrl+Shift+N)."));
    Q_EMIT treeLoaded(true);
}

void OrganizationsPage::ensureOrganizationChosen()
{
    const QString current = session()->organizationId();
    if (!current.isEmpty() && m_model->contains(current)) {
        if (m_currentId != current)
            showOrganization(current);
        selectInTree(current);
        return;
    }
    // Members, Audit and Usage need an organization: the last used one, else the first root.
    QString candidate = m_settings->lastOrganizationId();
    if (candidate.isEmpty() || !m_model->contains(candidate))
        candidate = m_model->firstRootId();
    if (candidate.isEmpty()) {
        if (!current.isEmpty())
            session()->setOrganization(QString(), QString());
        return;
    }
    session()->setOrganization(candidate, organizationName(candidate));
}

void OrganizationsPage::onSessionOrganizationChanged(const QString &id)
{
    if (!id.isEmpty())
        m_settings->setLastOrganizationId(id);
    showOrganization(id);
    selectInTree(id);
}

void OrganizationsPage::withSelectionGuard(const std::function<void()> &change)
{
    // Rows leaving the view move the tree's current index; that is not the user choosing.
    const bool was = m_syncingSelection;
    m_syncingSelection = true;
    change();
    m_syncingSelection = was;
    if (!was)
        selectInTree(session()->organizationId());
}

void OrganizationsPage::selectInTree(const QString &id)
{
    const bool was = m_syncingSelection;
    m_syncingSelection = true;
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(id));
    if (index.isValid()) {
        m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
        m_tree->scrollTo(index);
    } else if (id.isEmpty() || !m_model->contains(id)) {
        m_tree->selectionModel()->clearSelection();
    }
    m_syncingSelection = was;
}

void OrganizationsPage::onTreeCurrentChanged()
{
    if (m_syncingSelection)
        return;
    const QModelIndex current = m_tree->currentIndex();
    const QString id = current.siblingAtColumn(0).data(models::OrganizationTreeModel::IdRole).toString();
    if (id.isEmpty() || id == session()->organizationId())
        return;
    if (!confirmLeave()) {
        // Put the selection back once the view has finished its own update.
        QTimer::singleShot(0, this, [this] { selectInTree(session()->organizationId()); });
        return;
    }
    session()->setOrganization(id, organizationName(id));
}

void OrganizationsPage::showOrganization(const QString &id)
{
    if (id != m_currentId) {
        m_currentId = id;
        if (m_accountsPager) {
            m_accountsPager->disconnect(this);
            m_accountsPager->abort();
            m_accountsPager->deleteLater();
            m_accountsPager = nullptr;
        }
        m_accounts->model()->clear();
        m_accounts->setLoading(false);
        m_accountsLoadedFor.clear();
        m_profileLoadedFor.clear();
        ++m_profileGeneration;
        m_profile->setUnavailable(id.isEmpty() ? tr("Choose an organization to see its business profile.")
                                               : tr("Loading the business profile…"));
        onTabChanged();
    }
    updateDetails();
}

void OrganizationsPage::updateDetails()
{
    const api::Organization *org = m_model->organization(m_currentId);
    if (!org) {
        m_heading->setText(QStringLiteral("<span style='font-size:large; font-weight:600'>%1</span>")
                               .arg(tr("No organization selected")));
        if (m_treeLoadedOnce || !client())
            m_details->clear();
        m_accounts->setEnabledForOrganization(false);
        m_accounts->setStatus(tr("Choose an organization to see its accounts."));
        updateActions();
        return;
    }
    m_heading->setText(QStringLiteral("<span style='font-size:large; font-weight:600'>%1</span>"
                                      "&nbsp;&nbsp;<span style='color:gray'>%2</span>")
                           .arg(org->name.toHtmlEscaped(), org->id));
    const bool parentVisible = org->parentId.isEmpty() || m_model->contains(org->parentId);
    m_details->setOrganization(*org, m_model->path(org->id), parentVisible,
                               int(m_model->children(org->id).size()), showUtc());
    m_accounts->setEnabledForOrganization(true);
    updateActions();
}

void OrganizationsPage::onTabChanged()
{
    if (m_currentId.isEmpty())
        return;
    if (m_tabs->currentIndex() == kAccountsTab && m_accountsLoadedFor != m_currentId)
        loadAccounts();
    else if (m_tabs->currentIndex() == kProfileTab && m_profileLoadedFor != m_currentId)
        loadProfile();
}

// --- accounts ---------------------------------------------------------------

void OrganizationsPage::loadAccounts()
{
    if (m_accountsPager) {
        m_accountsPager->disconnect(this);
        m_accountsPager->abort();
        m_accountsPager->deleteLater();
        m_accountsPager = nullptr;
    }
    m_accounts->model()->clear();
    m_accountsLoadedFor = m_currentId;
    if (m_currentId.isEmpty() || !client()) {
        m_accounts->setStatus(tr("Choose an organization to see its accounts."));
        return;
    }
    auto *pager = new api::AccountsPager(client(), m_currentId, m_accounts->filter(), this);
    pager->setPageSize(100); // rows show up while a big organization is still loading
    m_accountsPager = pager;
    m_accounts->model()->setShowUtc(showUtc());
    m_accounts->setLoading(true);
    m_accounts->setStatus(tr("Loading accounts…"));
    connect(pager, &api::AccountsPager::pageReady, this, [this, pager](const QList<api::Account> &accounts) {
        if (pager != m_accountsPager)
            return;
        m_accounts->model()->appendAccounts(accounts);
        const auto total = pager->totalSize();
        m_accounts->setStatus(
            total ? tr("Loading accounts… %1 of %2").arg(m_accounts->model()->rowCount()).arg(*total)
                  : tr("Loading accounts… %1").arg(m_accounts->model()->rowCount()));
    });
    connect(pager, &api::Pager::finished, this, [this, pager] {
        if (pager != m_accountsPager)
            return;
        m_accountsPager = nullptr;
        pager->deleteLater();
        m_accounts->setLoading(false);
        if (pager->error() && !pager->wasCanceled()) {
            m_accounts->setStatus(tr("The accounts could not be loaded."));
            showFailure(tr("Could not load the accounts of “%1”").arg(organizationName(m_currentId)),
                        pager->error(), [this] {
                            m_accountsLoadedFor.clear();
                            loadAccounts();
                        });
            Q_EMIT accountsLoaded(false);
            return;
        }
        const int n = m_accounts->model()->rowCount();
        const api::AccountFilter f = m_accounts->filter();
        const bool filtered =
            !f.nameContains.isEmpty() || !f.nameStartsWith.isEmpty() || !f.nameEndsWith.isEmpty();
        m_accounts->setStatus(filtered ? tr("%n account(s) match the filter.", nullptr, n)
                                       : tr("%n account(s) in this organization.", nullptr, n));
        Q_EMIT accountsLoaded(true);
    });
    pager->start();
}

void OrganizationsPage::exportAccounts()
{
    const QList<api::Account> &accounts = m_accounts->model()->accounts();
    if (accounts.isEmpty())
        return;
    QString suggested = organizationName(m_currentId).toLower();
    suggested.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    const QString path =
        Dialogs::saveFileName(this, tr("Export Accounts"), suggested + QStringLiteral("-accounts.csv"),
                              tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const QByteArray csv = models::AccountsCsv::toCsv(accounts);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        m_banner->showError(tr("Could not write %1: %2").arg(path, file.errorString()), false);
        return;
    }
    m_accounts->setStatus(tr("Exported %n account(s) to %1.", nullptr, int(accounts.size())).arg(path));
}

// --- profile ----------------------------------------------------------------

void OrganizationsPage::loadProfile()
{
    const int generation = ++m_profileGeneration;
    m_profileLoadedFor = m_currentId;
    if (m_currentId.isEmpty() || !client()) {
        m_profile->setUnavailable(tr("Choose an organization to see its business profile."));
        return;
    }
    m_profile->setUnavailable(tr("Loading the business profile…"));
    auto *job = api::OrganizationsApi(client()).profile(m_currentId, this);
    connect(job, &api::Job::finished, this, [this, job, generation] {
        if (generation != m_profileGeneration)
            return;
        const api::ApiError &error = job->error();
        if (error) {
            if (error.kind() == api::ApiError::Kind::Canceled)
                return;
            // 404 "profile not found" (1008) means there is none yet: an empty form that creates it.
            if (error.httpStatus() == 404 && error.firstErrorCode() != 1004) {
                m_profile->load({}, false);
                Q_EMIT profileLoaded(true);
                return;
            }
            m_profile->setUnavailable(tr("The business profile could not be loaded."));
            showFailure(tr("Could not load the business profile of “%1”").arg(organizationName(m_currentId)),
                        error, [this] { loadProfile(); });
            Q_EMIT profileLoaded(false);
            return;
        }
        m_profile->load(job->result(), true);
        Q_EMIT profileLoaded(true);
    });
    job->start();
}

void OrganizationsPage::saveProfile(const api::Profile &profile)
{
    const QString id = m_currentId;
    const QString name = organizationName(id);
    if (!client() || id.isEmpty()) {
        m_profile->saveFailed(tr("Not connected."));
        Q_EMIT profileSaveFinished(false);
        return;
    }
    beginOperation(tr("Saving the business profile of “%1”…").arg(name));
    auto *job = api::OrganizationsApi(client()).updateProfile(id, profile, this);
    connect(job, &api::Job::finished, this, [this, job, id, name] {
        if (job->error()) {
            endOperation(false, tr("The profile was not saved."));
            m_profile->saveFailed(job->error().userMessage());
            showFailure(tr("Could not save the business profile of “%1”").arg(name), job->error(),
                        [this] { m_profile->save(); });
            Q_EMIT profileSaveFinished(false);
            Q_EMIT operationFinished(false);
            return;
        }
        if (id == m_currentId)
            m_profile->saveSucceeded();
        endOperation(true, tr("Saved the business profile of “%1”.").arg(name));
        m_activity->add(models::ActivityLog::Severity::Info, tr("Organizations"),
                        tr("Saved the business profile of “%1”.").arg(name));
        Q_EMIT profileSaveFinished(true);
        Q_EMIT operationFinished(true);
    });
    job->start();
}

bool OrganizationsPage::confirmLeave()
{
    if (!m_profile->isModified())
        return true;
    const auto answer = Dialogs::askUnsaved(
        this, tr("The business profile of “%1” has unsaved changes. Save them before leaving?")
                  .arg(organizationName(m_currentId)));
    if (answer == QMessageBox::Discard) {
        m_profile->discard();
        return true;
    }
    if (answer != QMessageBox::Save)
        return false;
    // Wait for the PUT (events keep flowing) so the caller can go on only when it landed.
    bool done = false;
    bool ok = false;
    QEventLoop loop;
    const auto connection = connect(this, &OrganizationsPage::profileSaveFinished, &loop, [&](bool result) {
        done = true;
        ok = result;
        loop.quit();
    });
    const ProfileForm::SaveOutcome outcome = m_profile->save();
    if (outcome == ProfileForm::SaveOutcome::Started && !done)
        loop.exec();
    disconnect(connection);
    if (!ok)
        m_tabs->setCurrentIndex(kProfileTab);
    return ok;
}

// --- actions ----------------------------------------------------------------

void OrganizationsPage::newOrganization(bool underSelected)
{
    const api::Organization *parent = underSelected ? m_model->organization(m_currentId) : nullptr;
    const QString label = parent ? tr("Name of the new sub-organization of “%1”:").arg(parent->name)
                                 : tr("Name of the new root organization:");
    const QString name = Dialogs::text(this, tr("New Organization"), label);
    if (name.trimmed().isEmpty())
        return;
    createOrganization(name.trimmed(), parent ? parent->id : QString());
}

void OrganizationsPage::askRename()
{
    const api::Organization *org = m_model->organization(m_currentId);
    if (!org)
        return;
    const QString name =
        Dialogs::text(this, tr("Rename Organization"), tr("New name of “%1”:").arg(org->name), org->name);
    if (name.trimmed().isEmpty() || name.trimmed() == org->name)
        return;
    renameOrganization(org->id, name.trimmed());
}

void OrganizationsPage::askMove()
{
    if (!m_model->organization(m_currentId))
        return;
    MoveOrganizationDialog dialog(m_model, m_currentId, this);
    if (dialog.exec() != QDialog::Accepted || dialog.chosenParentId().isEmpty())
        return;
    moveOrganization(m_currentId, dialog.chosenParentId());
}

void OrganizationsPage::askDelete()
{
    const api::Organization *org = m_model->organization(m_currentId);
    if (!org)
        return;
    const QString text = tr("Delete the organization “%1” (%2)?\n\nThis cannot be undone. The API deletes "
                            "only empty organizations: "
                            "no sub-organizations, accounts or members.")
                             .arg(org->name, org->id);
    if (!Dialogs::confirm(this, tr("Delete Organization"), text, tr("Delete “%1”").arg(org->name)))
        return;
    deleteOrganization(org->id);
}

void OrganizationsPage::createOrganization(const QString &name, const QString &parentId)
{
    if (!client())
        return;
    const QString parentName = organizationName(parentId);
    beginOperation(parentId.isEmpty() ? tr("Creating “%1”…").arg(name)
                                      : tr("Creating “%1” under “%2”…").arg(name, parentName));
    auto *job = api::OrganizationsApi(client()).create(name, parentId, std::nullopt, this);
    connect(job, &api::Job::finished, this, [this, job, name, parentId, parentName] {
        if (job->error()) {
            endOperation(false);
            QString extra;
            if (job->error().firstErrorCode() == 1006 || job->error().httpStatus() == 403)
                extra = tr(" “%1” does not allow sub-organizations (see Sub-organization creation in its "
                           "capabilities).")
                            .arg(parentName);
            showFailure(
                tr("Could not create “%1”").arg(name), job->error(),
                [this, name, parentId] { createOrganization(name, parentId); },
                parentId.isEmpty() ? QString() : extra);
            Q_EMIT operationFinished(false);
            return;
        }
        const api::Organization org = job->result();
        m_model->addOrganization(org);
        updateDetails();
        endOperation(true, tr("Created “%1”.").arg(org.name));
        m_activity->add(models::ActivityLog::Severity::Info, tr("Organizations"),
                        tr("Created the organization “%1” (%2).").arg(org.name, org.id));
        if (confirmLeave())
            session()->setOrganization(org.id, org.name);
        Q_EMIT operationFinished(true);
    });
    job->start();
}

void OrganizationsPage::renameOrganization(const QString &id, const QString &name)
{
    const api::Organization *org = m_model->organization(id);
    if (!client() || !org)
        return;
    const QString oldName = org->name;
    beginOperation(tr("Renaming “%1” to “%2”…").arg(oldName, name));
    auto *job = api::OrganizationsApi(client()).update(id, name, QString(), this);
    connect(job, &api::Job::finished, this, [this, job, id, name, oldName] {
        if (job->error()) {
            endOperation(false);
            showFailure(tr("Could not rename “%1”").arg(oldName), job->error(),
                        [this, id, name] { renameOrganization(id, name); });
            Q_EMIT operationFinished(false);
            return;
        }
        api::Organization updated = job->result();
        if (updated.id.isEmpty())
            updated.id = id;
        withSelectionGuard([&] {
            m_model->updateOrganization(updated);
            // Children carry their parent's name.
            for (const api::Organization *child : m_model->children(id)) {
                api::Organization copy = *child;
                copy.parentName = updated.name;
                m_model->updateOrganization(copy);
            }
        });
        if (session()->organizationId() == id)
            session()->setOrganization(id, updated.name);
        updateDetails();
        endOperation(true, tr("Renamed “%1” to “%2”.").arg(oldName, updated.name));
        m_activity->add(models::ActivityLog::Severity::Info, tr("Organizations"),
                        tr("Renamed “%1” to “%2”.").arg(oldName, updated.name));
        Q_EMIT operationFinished(true);
    });
    job->start();
}

void OrganizationsPage::moveOrganization(const QString &id, const QString &newParentId)
{
    const api::Organization *org = m_model->organization(id);
    if (!client() || !org || newParentId.isEmpty())
        return;
    const QString name = org->name;
    const QString oldParentName = org->parentId.isEmpty() ? QString() : organizationName(org->parentId);
    const QString newParentName = organizationName(newParentId);
    beginOperation(tr("Moving “%1” under “%2”…").arg(name, newParentName));
    auto *job = api::OrganizationsApi(client()).update(id, name, newParentId, this);
    connect(job, &api::Job::finished, this, [this, job, id, name, newParentId, newParentName, oldParentName] {
        if (job->error()) {
            endOperation(false);
            const QString extra =
                job->error().httpStatus() == 400
                    ? tr(" The API does not accept a new parent for an existing organization.")
                    : QString();
            showFailure(
                tr("Could not move “%1”").arg(name), job->error(),
                [this, id, newParentId] { moveOrganization(id, newParentId); }, extra);
            Q_EMIT operationFinished(false);
            return;
        }
        const api::Organization updated = job->result();
        withSelectionGuard([&] { m_model->updateOrganization(updated); });
        updateDetails();
        if (updated.parentId != newParentId) {
            // A 200 that ignored the parent: today's API renames only (REFERENCE §4.4).
            endOperation(false, tr("“%1” was not moved.").arg(name));
            m_banner->showMessage(
                MessageBanner::Kind::Warning,
                tr("“%1” was not moved: the API accepted the request but kept it %2. Cloudflare's "
                   "Organizations "
                   "API changes only the name of an existing organization today, so moving has to be done by "
                   "Cloudflare (dashboard or support).")
                    .arg(name,
                         oldParentName.isEmpty() ? tr("at the root") : tr("under “%1”").arg(oldParentName)),
                false);
            Q_EMIT operationFinished(false);
            return;
        }
        endOperation(true, tr("Moved “%1” under “%2”.").arg(name, newParentName));
        m_activity->add(models::ActivityLog::Severity::Info, tr("Organizations"),
                        tr("Moved “%1” under “%2”.").arg(name, newParentName));
        Q_EMIT operationFinished(true);
    });
    job->start();
}

void OrganizationsPage::deleteOrganization(const QString &id)
{
    const api::Organization *org = m_model->organization(id);
    if (!client() || !org)
        return;
    const QString name = org->name;
    const QString parentId = org->parentId;
    beginOperation(tr("Deleting “%1”…").arg(name));
    auto *job = api::OrganizationsApi(client()).remove(id, this);
    connect(job, &api::Job::finished, this, [this, job, id, name, parentId] {
        const api::ApiError &error = job->error();
        if (error) {
            endOperation(false, tr("“%1” was not deleted.").arg(name));
            const bool notEmpty = error.firstErrorCode() == 1005 ||
                                  (error.httpStatus() == 400 &&
                                   apiSentences(error).contains(QLatin1String("empty"), Qt::CaseInsensitive));
            if (notEmpty) {
                QString text = tr("“%1” was not deleted because it is not empty. The API says: %2")
                                   .arg(name, apiSentences(error));
                QStringList subs;
                for (const api::Organization *child : m_model->children(id))
                    subs << QStringLiteral("“%1”").arg(child->name);
                if (!subs.isEmpty())
                    text +=
                        QLatin1Char(' ') + tr("Sub-organizations: %1.").arg(subs.join(QStringLiteral(", ")));
                if (m_accountsLoadedFor == id && !m_accountsPager && m_accounts->model()->rowCount() > 0 &&
                    m_accounts->filter().nameContains.isEmpty() &&
                    m_accounts->filter().nameStartsWith.isEmpty() &&
                    m_accounts->filter().nameEndsWith.isEmpty()) {
                    QStringList names;
                    for (const api::Account &a : m_accounts->model()->accounts().mid(0, 5))
                        names << QStringLiteral("“%1”").arg(a.name.value_or(a.id));
                    text += QLatin1Char(' ') +
                            tr("Accounts (%1): %2%3.")
                                .arg(m_accounts->model()->rowCount())
                                .arg(names.join(QStringLiteral(", ")),
                                     m_accounts->model()->rowCount() > 5 ? QStringLiteral(", …") : QString());
                }
                text += QLatin1Char(' ') + tr("Remove or move what it contains, then retry.");
                m_banner->showError(text, true);
                m_retry = [this, id] { deleteOrganization(id); };
                m_activity->add(models::ActivityLog::Severity::Warning, tr("Organizations"), text);
            } else {
                const QString extra = error.firstErrorCode() == 1007
                                          ? tr(" Deleting is restricted to enterprise organizations.")
                                          : QString();
                showFailure(
                    tr("Could not delete “%1”").arg(name), error, [this, id] { deleteOrganization(id); },
                    extra);
            }
            Q_EMIT operationFinished(false);
            return;
        }
        // The next organization to show: the parent, else the first root.
        const bool wasCurrent = session()->organizationId() == id;
        withSelectionGuard([&] { m_model->removeOrganization(id); });
        if (wasCurrent || !m_model->contains(session()->organizationId())) {
            const QString next = m_model->contains(parentId) ? parentId : m_model->firstRootId();
            session()->setOrganization(next, organizationName(next));
        }
        updateDetails();
        m_treeStatus->setText(tr("%n organization(s)", nullptr, m_model->organizationCount()));
        endOperation(true, tr("Deleted “%1”.").arg(name));
        m_activity->add(models::ActivityLog::Severity::Info, tr("Organizations"),
                        tr("Deleted the organization “%1” (%2).").arg(name, id));
        Q_EMIT operationFinished(true);
    });
    job->start();
}

// --- find containing --------------------------------------------------------

void OrganizationsPage::runFind()
{
    const QString id = m_findInput->text().trimmed();
    if (id.isEmpty()) {
        clearFind();
        return;
    }
    findContaining(Containing(m_findKind->currentData().toInt()), id);
}

void OrganizationsPage::findContaining(Containing kind, const QString &id)
{
    if (!client() || id.isEmpty())
        return;
    if (m_findPager) {
        m_findPager->disconnect(this);
        m_findPager->abort();
        m_findPager->deleteLater();
        m_findPager = nullptr;
    }
    api::OrganizationFilter filter;
    QString what;
    switch (kind) {
    case Containing::Account:
        filter.containingAccount = id;
        what = tr("account %1").arg(id);
        break;
    case Containing::User:
        filter.containingUser = id;
        what = tr("user %1").arg(id);
        break;
    case Containing::Organization:
        filter.containingOrganization = id;
        what = tr("organization %1").arg(id);
        break;
    }
    beginOperation(tr("Looking for the organizations that contain %1…").arg(what));
    auto found = std::make_shared<QList<api::Organization>>();
    auto *pager = new api::OrganizationsPager(client(), filter, this);
    m_findPager = pager;
    connect(pager, &api::OrganizationsPager::pageReady, this,
            [found](const QList<api::Organization> &organizations) { *found += organizations; });
    connect(pager, &api::Pager::finished, this, [this, pager, found, kind, id, what] {
        if (pager != m_findPager)
            return;
        m_findPager = nullptr;
        pager->deleteLater();
        if (pager->error()) {
            endOperation(false);
            showFailure(tr("Could not look up the organizations that contain %1").arg(what), pager->error(),
                        [this, kind, id] { findContaining(kind, id); });
            Q_EMIT operationFinished(false);
            return;
        }
        if (found->isEmpty()) {
            endOperation(true, tr("Nothing found."));
            m_banner->showInfo(
                tr("No organization visible with these credentials contains the %1.").arg(what));
            Q_EMIT operationFinished(true);
            return;
        }
        QSet<QString> ids;
        QString deepest;
        qsizetype depth = -1;
        for (const api::Organization &o : std::as_const(*found)) {
            if (!m_model->contains(o.id))
                m_model->addOrganization(o); // may not be loaded yet
            ids.insert(o.id);
            const qsizetype d = m_model->path(o.id).size();
            if (d > depth) {
                depth = d;
                deepest = o.id;
            }
        }
        withSelectionGuard([&] { m_proxy->setIdFilter(ids); });
        m_tree->expandAll();
        m_findClear->show();
        QStringList names;
        for (const api::Organization *o : m_model->path(deepest))
            names << o->name;
        endOperation(true, tr("Found %n organization(s).", nullptr, int(ids.size())));
        m_banner->showInfo(
            tr("The %1 is in “%2” (%3). The tree shows only the organizations that contain it; "
               "Show All brings back the rest.")
                .arg(what, organizationName(deepest), names.join(QStringLiteral(" › "))));
        if (deepest != session()->organizationId() && confirmLeave())
            session()->setOrganization(deepest, organizationName(deepest));
        Q_EMIT operationFinished(true);
    });
    pager->start();
}

void OrganizationsPage::clearFind()
{
    withSelectionGuard([this] { m_proxy->setIdFilter({}); });
    m_findClear->hide();
    if (m_banner->kind() == MessageBanner::Kind::Info)
        m_banner->clear();
    if (!m_proxy->isFiltering())
        m_tree->expandToDepth(0);
    selectInTree(m_currentId);
}

// --- helpers ----------------------------------------------------------------

void OrganizationsPage::showTreeMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(m_newAction);
    menu.addAction(m_newRootAction);
    menu.addSeparator();
    menu.addAction(m_renameAction);
    menu.addAction(m_moveAction);
    menu.addAction(m_deleteAction);
    menu.addSeparator();
    menu.addAction(m_copyIdAction);
    menu.addAction(m_findAction);
    menu.addSeparator();
    QAction *expand = menu.addAction(tr("Expand All"));
    connect(expand, &QAction::triggered, m_tree, &QTreeView::expandAll);
    QAction *collapse = menu.addAction(tr("Collapse All"));
    connect(collapse, &QAction::triggered, m_tree, &QTreeView::collapseAll);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void OrganizationsPage::beginOperation(const QString &text)
{
    ++m_running;
    m_banner->clear();
    m_retry = {};
    m_progressLabel->setText(text);
    m_progress->show();
    updateActions();
}

void OrganizationsPage::endOperation(bool ok, const QString &statusText)
{
    Q_UNUSED(ok)
    m_running = qMax(0, m_running - 1);
    if (m_running == 0 && !m_treePager)
        m_progress->hide();
    m_progressLabel->setText(statusText);
    updateActions();
}

void OrganizationsPage::showFailure(const QString &what, const api::ApiError &error,
                                    std::function<void()> retry, const QString &extra)
{
    if (error.kind() == api::ApiError::Kind::Canceled)
        return;
    const QString text = tr("%1: %2").arg(what, error.userMessage()) + extra;
    m_retry = std::move(retry);
    m_banner->showError(text, true);
    m_activity->add(models::ActivityLog::Severity::Error, tr("Organizations"), text);
}

QString OrganizationsPage::organizationName(const QString &id) const
{
    const api::Organization *org = m_model->organization(id);
    return org ? org->name : id;
}

bool OrganizationsPage::showUtc() const
{
    return m_settings->showTimesInUtc();
}

// --- view state -------------------------------------------------------------

void OrganizationsPage::saveViewState(models::AppSettings &settings)
{
    settings.setSplitterState(QStringLiteral("organizations"), m_splitter->saveState());
    settings.setHeaderState(QStringLiteral("organizations/tree"), m_tree->header()->saveState());
    settings.setHeaderState(QStringLiteral("organizations/accounts"),
                            m_accounts->view()->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("organizations/tab"), m_tabs->currentIndex());
}

void OrganizationsPage::restoreViewState(models::AppSettings &settings)
{
    const QByteArray splitter = settings.splitterState(QStringLiteral("organizations"));
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    const QByteArray tree = settings.headerState(QStringLiteral("organizations/tree"));
    if (!tree.isEmpty())
        m_tree->header()->restoreState(tree);
    const QByteArray accounts = settings.headerState(QStringLiteral("organizations/accounts"));
    if (!accounts.isEmpty() && m_accounts->view()->horizontalHeader()->restoreState(accounts))
        m_accounts->keepColumnWidths();
    const int tab = settings.value(QStringLiteral("organizations/tab"), kDetailsTab).toInt();
    m_tabs->setCurrentIndex(qBound(0, tab, m_tabs->count() - 1));
}

} // namespace ui
