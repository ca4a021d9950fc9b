#include "ui/members/memberspage.h"
#include "ui/members/membertreedialog.h"

#include "models/members/memberbatchmodel.h"
#include "models/members/memberscontroller.h"
#include "models/members/membersfilterproxy.h"
#include "models/members/membersmodel.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "ui/common/dialogs.h"
#include "ui/common/icons.h"
#include "ui/common/messagebanner.h"
#include "ui/members/batchresultdialog.h"
#include "ui/members/invitedialog.h"
#include "ui/members/memberdetailspanel.h"
#include "ui/shell/navigator.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHideEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

namespace {
const QString kHeaderKey = QStringLiteral("members/table");
const QString kSplitterKey = QStringLiteral("members/splitter");
const QString kStatusKey = QStringLiteral("members/statusFilter");
const QString kMatchKey = QStringLiteral("members/emailMatch");
constexpr int kNamesInConfirmation = 10;

QString describe(const api::Member &m)
{
    return m.user.name.isEmpty() ? m.user.email : m.user.email + QStringLiteral(" (") + m.user.name + u')';
}

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    return b;
}
} // namespace

MembersPage::MembersPage(models::Session *session, models::ActivityLog *activity, QWidget *parent)
    : MembersPage(session, new models::MembersController(session, activity), parent)
{
    m_controller->setParent(this);
}

MembersPage::MembersPage(models::Session *session, models::MembersController *controller, QWidget *parent)
    : Page(session, parent), m_controller(controller), m_model(controller->members()),
      m_proxy(controller->shown()), m_banner(new MessageBanner(this)), m_status(new QComboBox(this)),
      m_emailMatch(new QComboBox(this)), m_email(new QLineEdit(this)),
      m_search(new QPushButton(tr("Search"), this)), m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_table(new QTableView(this)), m_details(new MemberDetailsPanel(this)), m_count(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this))
{
    buildUi();
    updateProgress();
    updateCountLabel();
    updateActions();
}

void MembersPage::buildUi()
{
    // Actions (keyboard first).
    m_inviteAction = new QAction(icon(QStringLiteral("list-add-user")), tr("&Invite…"), this);
    m_inviteAction->setObjectName(QStringLiteral("actionInviteMembers"));
    m_inviteAction->setShortcut(QKeySequence(tr("Ctrl+I")));
    m_inviteAction->setToolTip(tr("Invite one or many members (Ctrl+I)"));
    connect(m_inviteAction, &QAction::triggered, this, [this] { openInviteDialog(); });
    addAction(m_inviteAction);

    m_removeAction = new QAction(icon(QStringLiteral("list-remove-user")), tr("&Remove"), this);
    m_removeAction->setObjectName(QStringLiteral("actionRemoveMembers"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    // Only on the table: Delete in the filter box edits text.
    m_removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_removeAction->setToolTip(tr("Remove the selected members (Delete)"));
    connect(m_removeAction, &QAction::triggered, this, &MembersPage::removeSelected);
    m_table->addAction(m_removeAction);

    m_findAction = new QAction(tr("Filter by e-mail"), this);
    m_findAction->setObjectName(QStringLiteral("actionFindMember"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_email->setFocus(Qt::ShortcutFocusReason);
        m_email->selectAll();
    });
    addAction(m_findAction);

    m_exportCsvAction = new QAction(tr("Export as &CSV…"), this);
    m_exportCsvAction->setObjectName(QStringLiteral("actionExportMembersCsv"));
    connect(m_exportCsvAction, &QAction::triggered, this, [this] { exportInteractive(false); });
    m_exportJsonAction = new QAction(tr("Export as &JSON…"), this);
    m_exportJsonAction->setObjectName(QStringLiteral("actionExportMembersJson"));
    connect(m_exportJsonAction, &QAction::triggered, this, [this] { exportInteractive(true); });

    // Filter bar.
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("All statuses"), QStringList());
    m_status->addItem(tr("Active"), QStringList{QStringLiteral("active")});
    m_status->addItem(tr("Pending"), QStringList{QStringLiteral("pending")});
    m_status->addItem(tr("Active or pending"),
                      QStringList{QStringLiteral("active"), QStringLiteral("pending")});
    m_status->addItem(tr("Canceled"), QStringList{QStringLiteral("canceled")});
    m_status->addItem(tr("Rejected"), QStringList{QStringLiteral("rejected")});
    m_status->setToolTip(tr("Status filter, applied by the server"));
    m_emailMatch->setObjectName(QStringLiteral("emailMatch"));
    m_emailMatch->addItem(tr("Loaded rows contain"), int(EmailMatch::Loaded));
    m_emailMatch->addItem(tr("E-mail is"), int(EmailMatch::Equals));
    m_emailMatch->addItem(tr("E-mail contains"), int(EmailMatch::Contains));
    m_emailMatch->addItem(tr("E-mail starts with"), int(EmailMatch::StartsWith));
    m_emailMatch->addItem(tr("E-mail ends with"), int(EmailMatch::EndsWith));
    m_emailMatch->setToolTip(tr("\"Loaded rows\" filters instantly what is shown; the other forms ask the "
                                "server (press Enter)"));
    m_email->setObjectName(QStringLiteral("emailFilter"));
    m_email->setClearButtonEnabled(true);
    m_email->setPlaceholderText(tr("Filter by e-mail or name (Ctrl+F)"));
    m_email->setMinimumWidth(220);
    m_search->setObjectName(QStringLiteral("searchButton"));

    m_inviteButton = toolButton(m_inviteAction, this);
    m_inviteButton->setObjectName(QStringLiteral("inviteButton"));
    m_removeButton = toolButton(m_removeAction, this);
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    // A push button lays its menu arrow out beside the text (a tool button draws it over the text).
    m_exportButton = new QPushButton(icon(QStringLiteral("document-export")), tr("&Export"), this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setFlat(true);
    auto *exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(m_exportCsvAction);
    exportMenu->addAction(m_exportJsonAction);
    m_exportButton->setMenu(exportMenu);

    auto *bar = new QHBoxLayout;
    auto *statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_status);
    bar->addWidget(statusLabel);
    bar->addWidget(m_status);
    bar->addSpacing(12);
    bar->addWidget(m_emailMatch);
    bar->addWidget(m_email, 1);
    bar->addWidget(m_search);
    bar->addSpacing(12);
    bar->addWidget(m_inviteButton);
    bar->addWidget(m_removeButton);
    bar->addWidget(m_exportButton);
    bar->addWidget(MemberTreeDialog::button(this, session())); // issue 24: the e-mail across the tree

    // Table and details.
    m_table->setObjectName(QStringLiteral("membersTable"));
    m_table->setAccessibleName(tr("member table"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(models::MembersModel::EmailColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setObjectName(QStringLiteral("membersHeader"));
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->setColumnWidth(models::MembersModel::EmailColumn, 260);
    m_table->setColumnWidth(models::MembersModel::NameColumn, 180);
    m_table->setColumnWidth(models::MembersModel::StatusColumn, 90);
    m_table->setColumnWidth(models::MembersModel::TwoFactorColumn, 50);
    m_table->setColumnWidth(models::MembersModel::CreatedColumn, 140);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addAction(m_inviteAction);
    m_table->addAction(m_exportCsvAction);

    m_details->setMinimumWidth(260); // labels, a few characters of each value, the copy buttons
    m_splitter->setObjectName(QStringLiteral("membersSplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({900, 320});

    // Status line: counts, progress, cancel.
    m_count->setObjectName(QStringLiteral("membersCount"));
    m_progress->setObjectName(QStringLiteral("membersProgress"));
    m_progress->setMaximumWidth(320);
    m_progress->setTextVisible(true);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    auto *statusLine = new QHBoxLayout;
    statusLine->addWidget(m_count, 1);
    statusLine->addWidget(m_progress);
    statusLine->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(statusLine);

    // Wiring: widgets to intents, controller state to widgets.
    connect(m_banner, &MessageBanner::retryRequested, m_controller, &models::MembersController::retry);
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] { reload(); });
    connect(m_emailMatch, &QComboBox::currentIndexChanged, this, [this] {
        const bool local = EmailMatch(m_emailMatch->currentData().toInt()) == EmailMatch::Loaded;
        m_search->setVisible(!local);
        m_email->setPlaceholderText(local ? tr("Filter by e-mail or name (Ctrl+F)")
                                          : tr("E-mail to ask the server for, then Enter"));
        m_controller->setLocalFilter(local ? m_email->text() : QString());
        // Leaving a server e-mail query (or entering one with text) changes what must be loaded.
        m_controller->setServerFilter(serverFilter());
        if (m_controller->filterDiffersFromLoaded())
            reload();
    });
    connect(m_email, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (EmailMatch(m_emailMatch->currentData().toInt()) == EmailMatch::Loaded)
            m_controller->setLocalFilter(text);
        updateCountLabel();
    });
    connect(m_email, &QLineEdit::returnPressed, this, [this] {
        if (EmailMatch(m_emailMatch->currentData().toInt()) != EmailMatch::Loaded)
            reload();
    });
    connect(m_search, &QPushButton::clicked, this, [this] { reload(); });
    m_search->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, &MembersPage::cancelOperation);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateDetails();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MembersPage::updateDetails);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateDetails();
        updateCountLabel();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateDetails();
        updateCountLabel();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MembersPage::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MembersPage::updateCountLabel);
    connect(m_details, &MemberDetailsPanel::copied, this, [this](const QString &what) {
        m_count->setText(tr("Copied the %1 to the clipboard.").arg(what));
    });
    connect(m_details, &MemberDetailsPanel::activityRequested, this, [this](const QString &email) {
        if (navigator())
            navigator()->showAuditForActor(email);
    });

    connect(m_controller, &models::MembersController::activityChanged, this, [this] {
        updateProgress();
        updateCountLabel();
        updateActions();
    });
    connect(m_controller, &models::MembersController::progressChanged, this, [this] {
        updateProgress();
        updateCountLabel();
    });
    connect(m_controller, &models::MembersController::errorChanged, this, &MembersPage::updateBanner);
    connect(m_controller, &models::MembersController::noticeChanged, this, &MembersPage::updateBanner);
    connect(m_controller, &models::MembersController::organizationReset, this, [this] {
        if (m_invite)
            m_invite->reject();
        updateCountLabel();
    });
    connect(m_controller, &models::MembersController::loadFinished, this, &MembersPage::onLoadFinished);
    connect(m_controller, &models::MembersController::removalFinished, this, &MembersPage::onRemovalFinished);
}

MembersPage::~MembersPage() = default;

QString MembersPage::title() const
{
    return tr("Members");
}

api::MemberFilter MembersPage::serverFilter() const
{
    api::MemberFilter filter;
    filter.statuses = m_status->currentData().toStringList();
    const QString email = m_email->text().trimmed();
    if (!email.isEmpty()) {
        switch (EmailMatch(m_emailMatch->currentData().toInt())) {
        case EmailMatch::Loaded:
            break;
        case EmailMatch::Equals:
            filter.userEmail = email;
            break;
        case EmailMatch::Contains:
            filter.userEmailContains = email;
            break;
        case EmailMatch::StartsWith:
            filter.userEmailStartsWith = email;
            break;
        case EmailMatch::EndsWith:
            filter.userEmailEndsWith = email;
            break;
        }
    }
    return filter;
}

bool MembersPage::isLoading() const
{
    return m_controller->isLoading();
}

bool MembersPage::hasCompleteList() const
{
    return m_controller->hasCompleteList();
}

void MembersPage::setRemovalParallelism(int n)
{
    m_controller->setRemovalParallelism(n);
}

void MembersPage::refresh()
{
    reload();
}

void MembersPage::reload()
{
    m_controller->setServerFilter(serverFilter());
    m_controller->reload();
}

void MembersPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    m_controller->setServerFilter(serverFilter());
    m_controller->setActive(true);
}

void MembersPage::hideEvent(QHideEvent *event)
{
    Page::hideEvent(event);
    m_controller->setActive(false);
}

void MembersPage::onLoadFinished(bool ok)
{
    if (ok)
        fitColumnsOnce();
    // The details pane shows the first member rather than sitting empty.
    if (!m_table->selectionModel()->hasSelection() && m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    updateCountLabel();
    updateActions();
    Q_EMIT loadFinished();
}

void MembersPage::cancelOperation()
{
    m_controller->cancel();
}

InviteDialog *MembersPage::openInviteDialog()
{
    if (m_invite) {
        m_invite->raise();
        m_invite->activateWindow();
        return m_invite;
    }
    if (!m_controller->hasOrganization()) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Choose an organization before inviting members."));
        return nullptr;
    }
    auto *dialog = new InviteDialog(m_controller, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_invite = dialog;
    dialog->open();
    return dialog;
}

QList<int> MembersPage::selectedSourceRows() const
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(m_proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void MembersPage::removeSelected()
{
    if (m_controller->activity() == models::MembersController::Activity::Removing ||
        !m_controller->hasOrganization())
        return;
    const QList<int> rows = selectedSourceRows();
    if (rows.isEmpty())
        return;
    // The ids are taken now: the list may change while the user reads the question.
    QStringList ids;
    QStringList names;
    int pending = 0;
    for (int row : rows) {
        const api::Member &m = m_model->member(row);
        ids.append(m.id);
        if (m.status == QLatin1String("pending"))
            ++pending;
        if (names.size() < kNamesInConfirmation)
            names.append(QStringLiteral("• ") + describe(m));
    }
    const int n = int(ids.size());
    if (n > kNamesInConfirmation)
        names.append(tr("… and %n more", nullptr, n - kNamesInConfirmation));
    const QString org = m_controller->organizationName();
    // A pending invitation gives no access yet: removing it revokes the invitation.
    QString question;
    QString button;
    if (pending == n) {
        question =
            tr("Revoke %n invitation(s) to %1? The invitation e-mail can no longer be accepted.", nullptr, n)
                .arg(org);
        button = tr("Revoke %n invitation(s)", nullptr, n);
    } else if (pending == 0) {
        question =
            tr("Remove %n member(s) from %1? They lose access to the organization.", nullptr, n).arg(org);
        button = tr("Remove %n member(s)", nullptr, n);
    } else {
        question = tr("Remove %n member(s) from %1?", nullptr, n - pending).arg(org) + u' ' +
                   tr("They lose access to the organization.") + u' ' +
                   tr("%n pending invitation(s) in the selection will be revoked as well.", nullptr, pending);
        button = tr("Remove and revoke (%1)").arg(n);
    }
    const QString text = question + QStringLiteral("\n\n") + names.join(u'\n');
    Dialogs::confirm(this, pending == n ? tr("Revoke invitations") : tr("Remove members"), text, button,
                     [this, ids] { m_controller->removeMembers(ids); });
}

void MembersPage::onRemovalFinished(models::MemberBatchModel *rows, bool allDone)
{
    updateActions();
    if (!allDone) {
        auto *dialog = new BatchResultDialog(tr("Removal results"), rows, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    }
    Q_EMIT removalFinished();
}

bool MembersPage::exportTo(const QString &path, bool json)
{
    return m_controller->exportTo(path, json);
}

void MembersPage::exportInteractive(bool json)
{
    const QString org = m_controller->organizationName();
    QString base = org.isEmpty() ? QStringLiteral("members") : org + QStringLiteral(" members");
    base.replace(u'/', u'-');
    const QString path = Dialogs::saveFileName(
        this, tr("Export members"), base + (json ? QStringLiteral(".json") : QStringLiteral(".csv")),
        json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
    if (!path.isEmpty())
        exportTo(path, json);
}

void MembersPage::saveViewState(models::AppSettings &settings)
{
    settings.setHeaderState(kHeaderKey, m_table->horizontalHeader()->saveState());
    settings.setSplitterState(kSplitterKey, m_splitter->saveState());
    settings.setValue(kStatusKey, m_status->currentIndex());
    settings.setValue(kMatchKey, m_emailMatch->currentIndex());
}

void MembersPage::restoreViewState(models::AppSettings &settings)
{
    const QByteArray header = settings.headerState(kHeaderKey);
    if (!header.isEmpty() && m_table->horizontalHeader()->restoreState(header))
        m_columnsFitted = true; // the user's widths win over a fit to the content
    const QByteArray split = settings.splitterState(kSplitterKey);
    if (!split.isEmpty())
        m_splitter->restoreState(split);
    const QSignalBlocker blockStatus(m_status);
    const QSignalBlocker blockMatch(m_emailMatch);
    const int status = settings.value(kStatusKey, 0).toInt();
    if (status >= 0 && status < m_status->count())
        m_status->setCurrentIndex(status);
    const int match = settings.value(kMatchKey, 0).toInt();
    if (match >= 0 && match < m_emailMatch->count())
        m_emailMatch->setCurrentIndex(match);
    m_search->setVisible(EmailMatch(m_emailMatch->currentData().toInt()) != EmailMatch::Loaded);
    // The filter widgets changed without signals: load again the next time the page shows.
    m_controller->setServerFilter(serverFilter());
    if (m_controller->filterDiffersFromLoaded() && isVisible())
        reload();
}

void MembersPage::fitColumnsOnce()
{
    if (m_columnsFitted || m_model->rowCount() == 0)
        return;
    m_columnsFitted = true;
    QHeaderView *header = m_table->horizontalHeader();
    // Fit to what the first load holds, then cap so one long address cannot push the dates off screen.
    for (int c = 0; c < models::MembersModel::ColumnCount - 1; ++c) {
        m_table->resizeColumnToContents(c);
        const int cap = c == models::MembersModel::EmailColumn ? 320 : 200;
        header->resizeSection(c, qMin(header->sectionSize(c) + 12, cap));
    }
}

void MembersPage::updateActions()
{
    const bool connected = m_controller->hasOrganization();
    const bool removing = m_controller->activity() == models::MembersController::Activity::Removing;
    m_inviteAction->setEnabled(connected);
    m_removeAction->setEnabled(connected && !removing && m_table->selectionModel()->hasSelection());
    m_exportCsvAction->setEnabled(m_proxy->rowCount() > 0);
    m_exportJsonAction->setEnabled(m_proxy->rowCount() > 0);
    m_exportButton->setEnabled(m_proxy->rowCount() > 0);
}

void MembersPage::updateDetails()
{
    const QList<int> rows = selectedSourceRows();
    if (rows.size() != 1) {
        m_details->showNone(int(rows.size()));
        return;
    }
    const api::Member &m = m_model->member(rows.first());
    m_details->showMember(m, models::MembersModel::statusText(m.status), m_model->formatTime(m.createTime),
                          m_model->formatTime(m.updateTime));
}

void MembersPage::updateCountLabel()
{
    if (!m_controller->hasOrganization()) {
        m_count->setText(tr("Choose an organization to see its members."));
        return;
    }
    const int loaded = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString text = shown == loaded ? tr("%n member(s)", nullptr, loaded)
                                   : tr("%1 of %n loaded member(s) shown", nullptr, loaded).arg(shown);
    const qint64 total = m_controller->serverTotal();
    if (total > loaded)
        text += u' ' + tr("(%1 in total, loading…)").arg(total);
    m_count->setText(text);
    updateActions();
}

void MembersPage::updateProgress()
{
    using Activity = models::MembersController::Activity;
    const Activity activity = m_controller->activity();
    // Checking and inviting show in the invite dialog.
    if (activity != Activity::Loading && activity != Activity::Removing) {
        m_progress->hide();
        m_cancel->hide();
        return;
    }
    const models::Progress p = m_controller->progress();
    const int total = int(qMax<qint64>(0, p.total));
    m_progress->setFormat(activity == Activity::Loading ? tr("Loading members… %v of %m")
                                                        : tr("Removing… %v of %m"));
    m_progress->setMaximum(total);
    m_progress->setValue(total > 0 ? int(qMin<qint64>(p.done, total)) : 0);
    m_progress->show();
    m_cancel->show();
}

void MembersPage::updateBanner()
{
    const models::ErrorInfo error = m_controller->error();
    if (error.isError())
        m_banner->showError(error.message, error.retryable);
    else if (!m_controller->notice().isEmpty())
        m_banner->showInfo(m_controller->notice());
    else
        m_banner->clear();
}

} // namespace ui
