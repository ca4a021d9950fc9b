#include "ui/members/memberspage.h"

#include "api/memberspager.h"
#include "models/members/memberbatchmodel.h"
#include "models/members/memberremover.h"
#include "models/members/membersexporter.h"
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
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
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
    : Page(session, parent), m_activity(activity), m_model(new models::MembersModel(this)),
      m_proxy(new models::MembersFilterProxy(this)), m_banner(new MessageBanner(this)),
      m_status(new QComboBox(this)), m_emailMatch(new QComboBox(this)), m_email(new QLineEdit(this)),
      m_search(new QPushButton(tr("Search"), this)), m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_table(new QTableView(this)), m_details(new MemberDetailsPanel(this)), m_count(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_proxy->setSourceModel(m_model);

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
    m_exportButton = new QToolButton(this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setText(tr("&Export"));
    m_exportButton->setIcon(icon(QStringLiteral("document-export")));
    m_exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_exportButton->setAutoRaise(true);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
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

    // Table and details.
    m_table->setObjectName(QStringLiteral("membersTable"));
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

    m_details->setMinimumWidth(240);
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
    hideProgress();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(statusLine);

    // Wiring.
    connect(m_banner, &MessageBanner::retryRequested, this, [this] {
        if (m_retry) {
            auto retry = std::move(m_retry);
            m_retry = nullptr;
            retry();
        }
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] { reload(); });
    connect(m_emailMatch, &QComboBox::currentIndexChanged, this, [this] {
        const bool local = EmailMatch(m_emailMatch->currentData().toInt()) == EmailMatch::Loaded;
        m_search->setVisible(!local);
        m_email->setPlaceholderText(local ? tr("Filter by e-mail or name (Ctrl+F)")
                                          : tr("E-mail to ask the server for, then Enter"));
        m_proxy->setTextFilter(local ? m_email->text() : QString());
        // Leaving a server e-mail query (or entering one with text) changes what must be loaded.
        if (!m_loadedOrg.isEmpty() && serverFilter().toQuery() != m_loadedQuery)
            reload();
    });
    connect(m_email, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (EmailMatch(m_emailMatch->currentData().toInt()) == EmailMatch::Loaded)
            m_proxy->setTextFilter(text);
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
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MembersPage::updateCountLabel);
    connect(m_details, &MemberDetailsPanel::activityRequested, this, [this](const QString &email) {
        if (navigator())
            navigator()->showAuditForActor(email);
    });
    connect(session, &models::Session::organizationChanged, this, &MembersPage::onOrganizationChanged);
    connect(session, &models::Session::clientChanged, this, &MembersPage::onOrganizationChanged);

    updateCountLabel();
    updateActions();
}

MembersPage::~MembersPage()
{
    if (m_pager)
        m_pager->disconnect(this);
}

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
    return m_pager && m_pager->isRunning();
}

void MembersPage::refresh()
{
    reload();
}

void MembersPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (m_dirty)
        reload();
}

void MembersPage::onOrganizationChanged()
{
    // Nothing of the previous organization may stay on screen or in flight.
    if (m_pager) {
        m_pager->disconnect(this);
        m_pager->abort();
        m_pager->deleteLater();
        m_pager = nullptr;
    }
    if (m_remover)
        m_remover->cancel();
    if (m_invite)
        m_invite->reject();
    m_model->beginLoad();
    m_complete = false;
    m_loadedOrg.clear();
    m_banner->clear();
    hideProgress();
    m_dirty = true;
    if (isVisible())
        reload();
    else
        updateCountLabel();
}

void MembersPage::reload()
{
    if (m_pager) {
        m_pager->disconnect(this);
        m_pager->abort();
        m_pager->deleteLater();
        m_pager = nullptr;
    }
    m_dirty = false;
    m_complete = false;
    api::Client *client = session()->client();
    const QString org = session()->organizationId();
    // A refresh of the same list keeps the rows on screen until new ones arrive.
    const bool sameList = !org.isEmpty() && org == m_loadedOrg && serverFilter().toQuery() == m_loadedQuery;
    const int gen = m_model->beginLoad(sameList);
    m_loadedOrg = org;
    m_banner->clear();
    m_retry = nullptr;
    if (!client || org.isEmpty()) {
        hideProgress();
        updateCountLabel();
        updateActions();
        return;
    }
    const api::MemberFilter filter = serverFilter();
    m_loadedQuery = filter.toQuery();
    const bool unfiltered = m_loadedQuery.isEmpty();
    auto *pager = new api::MembersPager(client, org, filter, this);
    m_pager = pager;
    connect(pager, &api::MembersPager::pageReady, this, [this, gen](const QList<api::Member> &members) {
        m_model->appendPage(gen, members);
        updateCountLabel();
    });
    connect(pager, &api::Pager::progress, this, [this, pager](qint64 items, int) {
        showProgress(tr("Loading members… %v of %m"), int(items), int(pager->totalSize().value_or(0)));
    });
    connect(pager, &api::Pager::finished, this, [this, pager, gen, unfiltered] {
        pager->deleteLater();
        if (m_pager == pager)
            m_pager = nullptr;
        if (gen != m_model->generation())
            return;
        hideProgress();
        if (pager->succeeded()) {
            m_model->endLoad(gen);
            m_complete = unfiltered;
            fitColumnsOnce();
        } else if (pager->wasCanceled()) {
            m_banner->showInfo(tr("Loading stopped after %n member(s).", nullptr, m_model->rowCount()));
        } else {
            const api::ApiError &error = pager->error();
            showError(tr("Could not load the members: %1").arg(error.userMessage()), true,
                      [this] { reload(); });
            if (m_activity)
                m_activity->add(models::ActivityLog::Severity::Error, tr("Members"), error.userMessage());
        }
        // The details pane shows the first member rather than sitting empty.
        if (!m_table->selectionModel()->hasSelection() && m_proxy->rowCount() > 0)
            m_table->selectRow(0);
        updateCountLabel();
        updateActions();
        Q_EMIT loadFinished();
    });
    showProgress(tr("Loading members…"), 0, 0);
    updateActions();
    pager->start();
}

void MembersPage::cancelOperation()
{
    if (m_pager)
        m_pager->abort();
    if (m_remover)
        m_remover->cancel();
}

InviteDialog *MembersPage::openInviteDialog()
{
    if (m_invite) {
        m_invite->raise();
        m_invite->activateWindow();
        return m_invite;
    }
    if (!session()->client() || session()->organizationId().isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Choose an organization before inviting members."));
        return nullptr;
    }
    auto *dialog = new InviteDialog(session()->client(), session()->organizationId(),
                                    session()->organizationName(), m_model, m_complete, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_invite = dialog;
    const int gen = m_model->generation();
    connect(dialog, &InviteDialog::membersInvited, this, [this, gen](const QList<api::Member> &members) {
        // A member that does not match the current server filter would only confuse; a new load shows it.
        if (gen == m_model->generation())
            m_model->upsert(members);
    });
    connect(dialog, &InviteDialog::operationFinished, this, [this](const QString &summary) {
        m_banner->showInfo(summary);
        if (m_activity)
            m_activity->add(models::ActivityLog::Severity::Info, tr("Members"), summary);
    });
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
    if (m_remover || !session()->client())
        return;
    const QList<int> rows = selectedSourceRows();
    if (rows.isEmpty())
        return;
    QList<api::Member> members;
    for (int row : rows)
        members.append(m_model->member(row));
    QStringList names;
    for (int i = 0; i < members.size() && i < kNamesInConfirmation; ++i)
        names.append(QStringLiteral("• ") + describe(members.at(i)));
    if (members.size() > kNamesInConfirmation)
        names.append(tr("… and %n more", nullptr, int(members.size()) - kNamesInConfirmation));
    const QString text =
        tr("Remove %n member(s) from %1? They lose access to the organization.", nullptr, int(members.size()))
            .arg(session()->organizationName()) +
        QStringLiteral("\n\n") + names.join(u'\n');
    if (!Dialogs::confirm(this, tr("Remove members"), text,
                          tr("Remove %n member(s)", nullptr, int(members.size()))))
        return;

    auto *rowsModel = new models::MemberBatchModel(models::MemberBatchModel::Kind::Remove, this);
    rowsModel->setMembers(members);
    auto *remover =
        new models::MemberRemover(session()->client(), session()->organizationId(), rowsModel, this);
    remover->setMaxParallel(m_removeParallel);
    m_remover = remover;
    connect(remover, &models::MemberRemover::memberGone, this,
            [this](const QString &id) { m_model->removeIds({id}); });
    connect(remover, &models::MemberRemover::progress, this,
            [this](int done, int total) { showProgress(tr("Removing… %v of %m"), done, total); });
    connect(remover, &models::MemberRemover::finished, this, [this, remover, rowsModel] {
        remover->deleteLater();
        m_remover = nullptr;
        hideProgress();
        updateActions();
        using Outcome = models::MemberBatchModel::Outcome;
        const int removed = rowsModel->countOutcome(Outcome::Done);
        if (removed == rowsModel->rowCount()) {
            QStringList who;
            for (const auto &r : rowsModel->rows())
                who.append(r.email);
            m_banner->showInfo(
                tr("Removed %n member(s): %1", nullptr, removed).arg(who.join(QStringLiteral(", "))));
            if (m_activity)
                m_activity->add(models::ActivityLog::Severity::Info, tr("Members"), m_banner->text());
            rowsModel->deleteLater();
        } else {
            QList<api::Member> retryable;
            QStringList failed;
            for (const auto &r : rowsModel->rows()) {
                if (r.outcome == Outcome::Done)
                    continue;
                failed.append(r.email + QStringLiteral(": ") +
                              (r.detail.isEmpty() ? rowsModel->outcomeText(r) : r.detail));
                const int row = m_model->rowOfId(r.memberId);
                if (row >= 0)
                    retryable.append(m_model->member(row));
            }
            const QString text = tr("Removal finished: %1.").arg(rowsModel->summary()) + u' ' +
                                 failed.join(QStringLiteral("; "));
            if (m_activity)
                m_activity->add(models::ActivityLog::Severity::Error, tr("Members"), text);
            showError(text, !retryable.isEmpty(), [this, retryable] {
                // The user already confirmed these members; select them and go again.
                m_table->clearSelection();
                for (const api::Member &m : retryable) {
                    const int row = m_model->rowOfId(m.id);
                    if (row >= 0)
                        m_table->selectionModel()->select(m_proxy->mapFromSource(m_model->index(row, 0)),
                                                          QItemSelectionModel::Select |
                                                              QItemSelectionModel::Rows);
                }
                removeSelected();
            });
            auto *dialog = new BatchResultDialog(tr("Removal results"), rowsModel, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }
        Q_EMIT removalFinished();
    });
    remover->start();
}

bool MembersPage::exportTo(const QString &path, bool json)
{
    QList<api::Member> shown;
    shown.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        shown.append(m_model->member(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
    QSaveFile file(path);
    const QByteArray data =
        json ? models::MembersExporter::toJson(shown) : models::MembersExporter::toCsv(shown);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) < 0 || !file.commit()) {
        showError(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), false,
                  {});
        return false;
    }
    m_banner->showInfo(
        tr("Exported %n member(s) to %1.", nullptr, int(shown.size())).arg(QDir::toNativeSeparators(path)));
    return true;
}

void MembersPage::exportInteractive(bool json)
{
    QString base = session()->organizationName().isEmpty()
                       ? QStringLiteral("members")
                       : session()->organizationName() + QStringLiteral(" members");
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
    m_model->setShowTimesInUtc(settings.showTimesInUtc());
    m_dirty = true;
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
    const bool connected = session()->client() && !session()->organizationId().isEmpty();
    m_inviteAction->setEnabled(connected);
    m_removeAction->setEnabled(connected && !m_remover && m_table->selectionModel()->hasSelection());
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
    if (!session()->client() || session()->organizationId().isEmpty()) {
        m_count->setText(tr("Choose an organization to see its members."));
        return;
    }
    const int loaded = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString text = shown == loaded ? tr("%n member(s)", nullptr, loaded)
                                   : tr("%1 of %n loaded member(s) shown", nullptr, loaded).arg(shown);
    if (m_pager && m_pager->totalSize() && *m_pager->totalSize() > loaded)
        text += u' ' + tr("(%1 in total, loading…)").arg(*m_pager->totalSize());
    m_count->setText(text);
    updateActions();
}

void MembersPage::showProgress(const QString &format, int done, int total)
{
    m_progress->setFormat(format);
    m_progress->setMaximum(qMax(0, total));
    m_progress->setValue(total > 0 ? qMin(done, total) : 0);
    m_progress->show();
    m_cancel->show();
}

void MembersPage::hideProgress()
{
    m_progress->hide();
    m_cancel->hide();
}

void MembersPage::showError(const QString &text, bool retryable, std::function<void()> retry)
{
    m_retry = retryable ? std::move(retry) : nullptr;
    m_banner->showError(text, retryable && m_retry);
}

} // namespace ui
