#include "ui/audit/auditpage.h"

#include "models/audit/auditarchive.h"

#include "ui/audit/auditarchiveworker.h"
#include "ui/audit/auditdetailspane.h"
#include "ui/audit/auditfilterrow.h"
#include "ui/audit/auditquerybar.h"
#include "ui/audit/auditrowdelegate.h"
#include "ui/audit/audittimeline.h"
#include "ui/audit/auditvaluefilterpopup.h"
#include "ui/common/dialogs.h"
#include "ui/common/icons.h"
#include "ui/common/messagebanner.h"
#include "ui/shell/mainwindow.h"

#include "models/audit/auditrowdetails.h"
#include "models/audit/audittablemodel.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"

#include "api/auditpager.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSaveFile>
#include <QShowEvent>
#include <QSplitter>
#include <QTableView>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <numeric>

namespace ui {

namespace {

const QString kHeaderKey = QStringLiteral("audit/table");
const QString kSplitterKey = QStringLiteral("audit/splitter");
const QString kPresetKey = QStringLiteral("audit/lastRange");
constexpr int kSearchDebounceMs = 150;
constexpr int kHistogramDebounceMs = 250;

using Column = models::AuditColumn;

// The server filter a table column corresponds to (empty when none).
QString wireKeyFor(Column c, const QString &value)
{
    switch (c) {
    case Column::Actor:
        return value.contains(u'@') ? QStringLiteral("actor_email") : QStringLiteral("actor_id");
    case Column::Context:
        return QStringLiteral("actor_context");
    case Column::ActionType:
        return QStringLiteral("action_type");
    case Column::Result:
        return QStringLiteral("action_result");
    case Column::ResourceType:
        return QStringLiteral("resource_type");
    case Column::ResourceId:
        return QStringLiteral("resource_id");
    case Column::Product:
        return QStringLiteral("resource_product");
    case Column::Ip:
        return QStringLiteral("actor_ip_address");
    case Column::Method:
        return QStringLiteral("raw_method");
    case Column::Status:
        return QStringLiteral("raw_status_code");
    default:
        return {};
    }
}

QString rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString pagesText(int pages)
{
    return pages == 1 ? AuditPage::tr("1 page") : AuditPage::tr("%1 pages").arg(QLocale().toString(pages));
}

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    return b;
}

// QtConcurrent::run without linking Qt Concurrent: a pool task fulfilling a promise.
template <typename F> auto runInPool(F f) -> QFuture<std::invoke_result_t<F>>
{
    using T = std::invoke_result_t<F>;
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, f = std::move(f)]() mutable {
        promise->addResult(f());
        promise->finish();
    });
    return future;
}

} // namespace

AuditPage::AuditPage(models::Session *session, models::AppSettings *settings, QWidget *parent)
    : Page(session, parent), m_settings(settings), m_model(new models::AuditTableModel(this)),
      m_archive(new AuditArchiveWorker(this)), m_banner(new MessageBanner(this)),
      m_queryBar(new AuditQueryBar(this)), m_search(new QLineEdit(this)), m_searchTimer(new QTimer(this)),
      m_tick(new QTimer(this)), m_histogramTimer(new QTimer(this)), m_timeline(new AuditTimeline(this)),
      m_splitter(new QSplitter(Qt::Horizontal, this)), m_table(new QTableView(this)),
      m_details(new AuditDetailsPane(this)), m_count(new QLabel(this)), m_progressLabel(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("auditPage"));
    m_banner->setObjectName(QStringLiteral("auditBanner"));
    m_queryBar->setObjectName(QStringLiteral("auditQueryBar"));
    m_timeline->setObjectName(QStringLiteral("auditTimeline"));
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_details->setObjectName(QStringLiteral("auditDetails"));
    m_count->setObjectName(QStringLiteral("auditCount"));
    m_progressLabel->setObjectName(QStringLiteral("auditProgress"));
    m_progress->setObjectName(QStringLiteral("auditProgressBar"));
    m_cancel->setObjectName(QStringLiteral("auditCancel"));
    m_splitter->setObjectName(QStringLiteral("auditSplitter"));

    // --- local search
    m_search->setObjectName(QStringLiteral("auditSearch"));
    m_search->setPlaceholderText(tr("Search loaded entries (any column)…"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(icon(QStringLiteral("edit-find")), QLineEdit::LeadingPosition);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDebounceMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, [this] { m_model->setSearchText(m_search->text()); });

    // --- table
    m_table->setModel(m_model);
    m_table->setItemDelegate(new AuditRowDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    // Uniform rows: the view never measures a million of them.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    const QList<std::pair<Column, int>> widths = {
        {Column::Time, 150},       {Column::Actor, 190},   {Column::Context, 80},
        {Column::ActionType, 70},  {Column::Result, 70},   {Column::ResourceType, 120},
        {Column::ResourceId, 150}, {Column::Product, 110}, {Column::Ip, 110},
        {Column::Method, 60},      {Column::Status, 55}};
    for (const auto &[c, w] : widths)
        header->resizeSection(int(c), w);
    m_table->sortByColumn(int(Column::Time), Qt::DescendingOrder);
    connect(m_table, &QWidget::customContextMenuRequested, this, &AuditPage::showTableMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &AuditPage::showHeaderMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditPage::updateDetails);
    // A reset (new filter or sort result, history from the archive, a large
    // merge) forgets the current row: put it back on the entry the details
    // pane shows, so the highlighted row and the details always agree.
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditPage::keepDetailsEntrySelected);
    // No refresh on modelReset: the pane keeps showing its entry while pages stream in.

    connect(m_model, &models::AuditTableModel::visibleRowsChanged, this, &AuditPage::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditPage::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditPage::updateCount);
    connect(m_model, &models::AuditTableModel::filteringChanged, this, [this](bool) { updateCount(); });
    // The timeline covers every loaded row, so only the row count matters.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditPage::scheduleHistogram);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditPage::scheduleHistogram);
    m_histogramTimer->setSingleShot(true);
    m_histogramTimer->setInterval(kHistogramDebounceMs);
    connect(m_histogramTimer, &QTimer::timeout, this, &AuditPage::computeHistogram);
    connect(&m_histogramWatcher, &QFutureWatcher<models::AuditHistogram>::finished, this, [this] {
        m_timeline->setHistogram(m_histogramWatcher.result());
        if (std::exchange(m_histogramAgain, false))
            scheduleHistogram();
    });

    // --- timeline
    connect(m_timeline, &AuditTimeline::rangeSelected, this, &AuditPage::setTimeRangeFilter);
    m_resetRange = new QToolButton(this);
    m_resetRange->setObjectName(QStringLiteral("auditResetRange"));
    m_resetRange->setIcon(icon(QStringLiteral("edit-clear")));
    m_resetRange->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_resetRange->setAutoRaise(true);
    m_resetRange->setToolTip(tr("Show every loaded time again"));
    m_resetRange->hide();
    connect(m_resetRange, &QToolButton::clicked, this, &AuditPage::resetTimeRange);

    // --- details and archive
    connect(m_archive, &AuditArchiveWorker::opened, this, &AuditPage::onArchiveOpened);
    connect(m_archive, &AuditArchiveWorker::historyLoaded, this, &AuditPage::onHistoryLoaded);
    connect(m_archive, &AuditArchiveWorker::noticeRaised, this,
            [this](const QString &notice) { m_banner->showMessage(MessageBanner::Kind::Warning, notice); });
    connect(m_archive, &AuditArchiveWorker::appended, this, [this](int added, const QString &error) {
        Q_UNUSED(added)
        if (!error.isEmpty())
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("Entries could not be saved to the local archive: %1").arg(error));
    });
    connect(m_archive, &AuditArchiveWorker::fullEntryRead, this,
            [this](const QString &id, const QByteArray &json) {
                if (id != m_details->entryId())
                    return;
                m_details->setFullEntry(id, json);
                Q_EMIT detailsLoaded(id);
            });

    // --- query and progress
    connect(m_queryBar, &AuditQueryBar::runRequested, this, &AuditPage::run);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel->hide();
    m_cancel->setToolTip(tr("Stop; keep what has loaded"));
    connect(m_cancel, &QPushButton::clicked, this, &AuditPage::cancel);
    m_tick->setInterval(250);
    connect(m_tick, &QTimer::timeout, this, &AuditPage::updateProgress);
    connect(&m_exportWatcher, &QFutureWatcher<QString>::finished, this, &AuditPage::onExportDone);
    connect(m_banner, &MessageBanner::retryRequested, this, [this] {
        if (m_retry)
            m_retry();
    });

    buildActions();

    // --- layout
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_search, 2);
    filterRow->addWidget(m_clearFilters);
    filterRow->addWidget(m_count, 1);
    filterRow->addStretch(0);
    filterRow->addWidget(m_refreshButton);
    filterRow->addWidget(m_exportButton);

    auto *timelineRow = new QHBoxLayout;
    timelineRow->addWidget(m_timeline, 1);
    timelineRow->addWidget(m_resetRange, 0, Qt::AlignTop);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(timelineRow);
    leftLayout->addWidget(m_table, 1);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({900, 380});
    m_splitter->setChildrenCollapsible(false);

    auto *status = new QHBoxLayout;
    status->addWidget(m_progressLabel, 1);
    status->addWidget(m_progress);
    status->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_queryBar);
    layout->addLayout(filterRow);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(status);

    // --- session
    connect(session, &models::Session::organizationChanged, this, &AuditPage::onOrganizationChanged);
    connect(session, &models::Session::clientChanged, this, [this] {
        if (isVisible() && m_model->store().rowCount() == 0 && !isLoading())
            m_autoRunPending = true;
    });
    connect(session, &models::Session::stateChanged, this, [this](models::Session::State state) {
        if (state == models::Session::State::Connected && m_autoRunPending && isVisible() && !isLoading()) {
            m_autoRunPending = false;
            run();
        }
    });
    connect(session, &models::Session::auditForActorRequested, this, &AuditPage::showForActor);
    connect(session, &models::Session::auditAroundRequested, this, &AuditPage::showAround);

    if (m_settings) {
        m_queryBar->setPreset(AuditQueryBar::Preset(
            m_settings->value(kPresetKey, int(AuditQueryBar::Preset::Last30Days)).toInt()));
        connect(m_queryBar, &AuditQueryBar::presetChanged, this, [this](AuditQueryBar::Preset p) {
            if (p != AuditQueryBar::Preset::Custom)
                m_settings->setValue(kPresetKey, int(p));
        });
    }
    applyTimeZone();
    updateCount();
    m_progressLabel->setText(tr("Choose a time range and filters, then Run."));
}

AuditPage::~AuditPage()
{
    if (m_pager) {
        m_pager->disconnect(this);
        m_pager->abort();
    }
    if (m_exportCancel)
        m_exportCancel->store(true);
    m_exportWatcher.waitForFinished();
    m_histogramWatcher.waitForFinished();
}

QString AuditPage::title() const
{
    return tr("Audit log");
}

void AuditPage::buildActions()
{
    auto *refresh = new QAction(icon(QStringLiteral("view-refresh")), tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("actionAuditRefresh"));
    refresh->setToolTip(tr("Fetch only entries newer than the newest loaded one"));
    connect(refresh, &QAction::triggered, this, &AuditPage::refresh);
    m_refreshButton = toolButton(refresh, this);

    auto *find = new QAction(tr("Find"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);

    auto *menu = new QMenu(this);
    QAction *csv = menu->addAction(tr("Export as CSV…"));
    csv->setObjectName(QStringLiteral("actionAuditExportCsv"));
    connect(csv, &QAction::triggered, this, [this] { exportInteractive(Format::Csv); });
    QAction *json = menu->addAction(tr("Export as JSON…"));
    json->setObjectName(QStringLiteral("actionAuditExportJson"));
    connect(json, &QAction::triggered, this, [this] { exportInteractive(Format::Json); });
    m_exportButton = new QToolButton(this);
    m_exportButton->setObjectName(QStringLiteral("auditExport"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setIcon(icon(QStringLiteral("document-export")));
    m_exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_exportButton->setAutoRaise(true);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setToolTip(tr("Export the rows shown (after local filters) to CSV or JSON"));
    m_exportButton->setMenu(menu);

    auto *clear = new QAction(icon(QStringLiteral("edit-clear-all")), tr("Clear filters"), this);
    clear->setToolTip(tr("Clear the search, column filters and time range"));
    connect(clear, &QAction::triggered, this, &AuditPage::clearLocalFilters);
    m_clearFilters = toolButton(clear, this);
    m_clearFilters->setObjectName(QStringLiteral("auditClearFilters"));
}

// ---------------------------------------------------------------- session

void AuditPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (m_dirty)
        openArchive();
    else if (m_autoRunPending && !isLoading() && session()->client()) {
        m_autoRunPending = false;
        run();
    }
}

void AuditPage::onOrganizationChanged()
{
    if (m_pager) {
        m_pager->disconnect(this);
        m_pager->abort();
        m_pager = nullptr;
        m_tick->stop();
        m_progress->hide();
        m_cancel->hide();
    }
    m_model->clear();
    m_details->clear();
    m_banner->clear();
    m_loadedQuery = {};
    m_loadedIsLive = false;
    m_dirty = true;
    if (isVisible())
        openArchive();
}

void AuditPage::openArchive()
{
    m_dirty = false;
    const QString org = session()->organizationId();
    m_archiveOrg = org;
    m_generationAtOpen = m_model->queryGeneration();
    if (org.isEmpty()) {
        m_progressLabel->setText(tr("Choose an organization to see its audit log."));
        return;
    }
    m_progressLabel->setText(tr("Opening the local archive…"));
    m_archive->open(++m_archiveTicket, org, m_archiveDir, true);
}

void AuditPage::onArchiveOpened(quint64 ticket, const QString &notice, const QString &error)
{
    if (ticket != m_archiveTicket)
        return;
    if (!notice.isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Warning, notice);
    else if (!error.isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("The local audit archive is not available (%1); entries are kept in memory "
                                 "only.")
                                  .arg(error));
}

void AuditPage::onHistoryLoaded(quint64 ticket, std::shared_ptr<models::AuditStore> store, qint64 newestMs)
{
    if (ticket != m_archiveTicket)
        return;
    // A Run started meanwhile wins over the saved history.
    if (m_model->queryGeneration() != m_generationAtOpen || isLoading()) {
        Q_EMIT historyLoaded(0);
        return;
    }
    const qint64 rows = store ? store->rowCount() : 0;
    if (rows == 0) {
        m_progressLabel->setText(tr("No saved history for this organization yet."));
        Q_EMIT historyLoaded(0);
        if (session()->client())
            run();
        else
            m_autoRunPending = true;
        return;
    }
    m_model->setStore(std::move(*store));
    // The archive holds everything ever loaded: refresh it like an unfiltered live range.
    m_loadedQuery = api::AuditQuery{};
    m_loadedQuery.direction = QStringLiteral("desc");
    m_loadedIsLive = true;
    m_progressLabel->setText(tr("%1 entries from the local archive (newest %2).")
                                 .arg(QLocale().toString(rows), m_model->timeText(newestMs)));
    Q_EMIT historyLoaded(rows);
    if (session()->client())
        refresh();
}

void AuditPage::bringToFront()
{
    for (QWidget *w = parentWidget(); w; w = w->parentWidget()) {
        if (auto *window = qobject_cast<MainWindow *>(w)) {
            const int index = window->pageIndex(objectName());
            if (index >= 0)
                window->showPage(index);
            return;
        }
    }
}

void AuditPage::showForActor(const QString &email)
{
    m_queryBar->clearFilters();
    m_queryBar->addFilter(QStringLiteral("actor_email"), email, false);
    m_queryBar->setPreset(AuditQueryBar::Preset::Last18Months);
    bringToFront();
    run();
}

void AuditPage::showAround(const QString &accountId, qint64 fromMs, qint64 toMs)
{
    m_queryBar->clearFilters();
    m_queryBar->setCustomRange(fromMs, toMs);
    bringToFront();
    run();
    if (!accountId.isEmpty())
        m_banner->showInfo(
            tr("Entries between %1 and %2 (around account %3); search the account id to narrow "
               "them.")
                .arg(m_model->timeText(fromMs), m_model->timeText(toMs), accountId));
}

bool AuditPage::ensureConnected()
{
    if (!session()->client()) {
        showError(tr("Not connected: connect to Cloudflare or start the demo first."), false, {});
        return false;
    }
    if (session()->organizationId().isEmpty()) {
        showError(tr("Choose an organization in the toolbar first."), false, {});
        return false;
    }
    return true;
}

// ---------------------------------------------------------------- loading

bool AuditPage::isLoading() const
{
    return m_pager && m_pager->isRunning();
}

void AuditPage::run()
{
    if (!ensureConnected())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const api::AuditQuery query = m_queryBar->query(now);
    const QString problem = query.validate();
    if (!problem.isEmpty()) {
        showError(problem + u'.', false, {});
        return;
    }
    m_loadedIsLive = m_queryBar->preset() != AuditQueryBar::Preset::Custom;
    m_queryBar->markApplied();
    startLoad(LoadKind::Run, query);
}

void AuditPage::refresh()
{
    if (isLoading())
        return;
    if (m_model->store().rowCount() == 0 || !m_loadedIsLive) {
        run();
        return;
    }
    if (!ensureConnected())
        return;
    const qint64 newest = m_model->store().newestTimeMs();
    api::AuditQuery query = m_loadedQuery;
    // The server treats since as inclusive: entries at the boundary come
    // again and are skipped by id.
    query.since = rfc3339(newest);
    query.before = rfc3339(QDateTime::currentMSecsSinceEpoch() + 60 * 1000);
    query.direction = QStringLiteral("desc");
    query.limit = 1000;
    startLoad(LoadKind::Refresh, query);
}

void AuditPage::startLoad(LoadKind kind, const api::AuditQuery &query)
{
    if (m_pager) {
        m_pager->disconnect(this);
        m_pager->abort();
    }
    // An archive notice stays until dismissed; only a stale error goes.
    if (m_banner->kind() == MessageBanner::Kind::Error)
        m_banner->clear();
    m_retry = nullptr;
    m_loadKind = kind;
    quint64 generation = m_model->queryGeneration();
    if (kind == LoadKind::Run) {
        generation = m_model->beginQuery();
        m_loadedQuery = query;
        m_skipIds.clear();
        m_details->clear();
    } else {
        m_skipIds = m_model->store().idsAtOrAfter(m_model->store().newestTimeMs());
    }
    m_rowsAtStart = m_model->store().rowCount();
    m_lastAdded = 0;
    m_lastReceived = 0;

    auto *pager = new api::AuditPager(session()->client(), session()->organizationId(), query, this);
    m_pager = pager;
    connect(pager, &api::AuditPager::columnsReady, this,
            [this, generation](const api::AuditColumns &page) { onPage(generation, page); });
    connect(pager, &api::Pager::progress, this, &AuditPage::updateProgress);
    connect(pager, &api::Pager::finished, this, &AuditPage::onLoadFinished);
    m_elapsed.start();
    m_tick->start();
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_cancel->setEnabled(true);
    updateProgress();
    pager->start();
}

void AuditPage::onPage(quint64 generation, const api::AuditColumns &page)
{
    m_lastReceived += page.size();
    if (!m_model->appendPage(generation, page, m_skipIds))
        return;
    if (m_archiveOrg == session()->organizationId())
        m_archive->append(page);
}

void AuditPage::updateProgress()
{
    if (!m_pager)
        return;
    const qint64 items = m_pager->itemCount();
    const int pages = m_pager->pageCount();
    const double seconds = std::max<qint64>(1, m_elapsed.elapsed()) / 1000.0;
    const QLocale locale;
    const QString verb = m_pager->isRunning()
                             ? (m_loadKind == LoadKind::Refresh ? tr("Refreshing…") : tr("Loading…"))
                             : QString();
    m_progressLabel->setText(tr("%1 %2 entries · %3 · %4 s · %5 entries/s")
                                 .arg(verb, locale.toString(items), pagesText(pages),
                                      locale.toString(seconds, 'f', 1),
                                      locale.toString(qint64(items / seconds)))
                                 .trimmed());
}

void AuditPage::onLoadFinished()
{
    api::AuditPager *pager = m_pager;
    m_tick->stop();
    m_progress->hide();
    m_cancel->hide();
    if (!pager)
        return;
    m_pager = nullptr;
    pager->deleteLater();
    const qint64 received = pager->itemCount();
    m_lastAdded = qint64(m_model->store().rowCount()) - m_rowsAtStart;
    const double seconds = std::max<qint64>(1, m_elapsed.elapsed()) / 1000.0;
    const QLocale locale;
    const QString figures =
        tr("%1 entries · %2 · %3 s · %4 entries/s")
            .arg(locale.toString(received), pagesText(pager->pageCount()), locale.toString(seconds, 'f', 1),
                 locale.toString(qint64(received / seconds)));
    const LoadKind kind = m_loadKind;
    if (pager->wasCanceled()) {
        m_progressLabel->setText(tr("Canceled; kept %1 (%2)").arg(locale.toString(m_lastAdded), figures));
    } else if (pager->error()) {
        const api::ApiError error = pager->error();
        m_progressLabel->setText(tr("Stopped after %1").arg(figures));
        showError(error.userMessage(),
                  error.isRetryable() || error.kind() != api::ApiError::Kind::InvalidRequest,
                  [this, kind] { kind == LoadKind::Refresh ? refresh() : run(); });
    } else if (kind == LoadKind::Refresh) {
        m_progressLabel->setText(
            tr("Refreshed: %1 new entries (%2)").arg(locale.toString(m_lastAdded), figures));
    } else {
        m_progressLabel->setText(tr("Loaded %1").arg(figures));
    }
    m_skipIds.clear();
    // Something to read in the details pane from the start.
    if (!m_table->selectionModel()->currentIndex().isValid() && m_model->rowCount() > 0)
        m_table->selectionModel()->setCurrentIndex(m_model->index(0, 0), QItemSelectionModel::ClearAndSelect |
                                                                             QItemSelectionModel::Rows);
    Q_EMIT loadFinished();
}

void AuditPage::cancel()
{
    if (m_pager && m_pager->isRunning())
        m_pager->abort();
    if (m_exportRunning && m_exportCancel)
        m_exportCancel->store(true);
}

void AuditPage::showError(const QString &text, bool retryable, std::function<void()> retry)
{
    m_retry = retryable ? std::move(retry) : std::function<void()>();
    m_banner->showError(text, retryable && m_retry);
}

void AuditPage::flushArchive()
{
    m_archive->flush();
}

// ---------------------------------------------------------------- local filter

void AuditPage::updateCount()
{
    const QLocale locale;
    const int shown = m_model->rowCount();
    const quint32 loaded = m_model->store().rowCount();
    const bool filtered = !m_model->filter().isEmpty();
    QString text = filtered ? tr("%1 of %2 entries").arg(locale.toString(shown), locale.toString(loaded))
                            : tr("%1 entries").arg(locale.toString(loaded));
    if (!m_rangeText.isEmpty() && m_model->filter().hasTimeRange())
        text += QStringLiteral(" · ") + m_rangeText;
    if (m_model->isFiltering())
        text += tr(" · filtering…");
    m_count->setText(text);
    m_clearFilters->setEnabled(filtered);
}

bool AuditPage::filterToCell(const QModelIndex &index, bool exclude)
{
    if (!index.isValid() || index.model() != m_model)
        return false;
    const auto column = Column(index.column());
    const QString value = index.data(models::AuditTableModel::FilterValueRole).toString();
    const bool ok = exclude ? m_model->excludeValue(index.column(), index.row())
                            : m_model->filterToValue(index.column(), index.row());
    if (!ok)
        return false;
    if (column == Column::Time)
        return true;
    const QString key = wireKeyFor(column, value);
    if (!key.isEmpty() && !value.isEmpty())
        m_queryBar->addFilter(key, value, exclude);
    return true;
}

void AuditPage::setTimeRangeFilter(qint64 fromMs, qint64 toMs)
{
    if (fromMs >= toMs)
        return resetTimeRange();
    m_model->setTimeRange(fromMs, toMs);
    m_timeline->setSelection(fromMs, toMs);
    // Short text so the timeline keeps its width; the range is in the tooltip and the count.
    m_rangeText = tr("%1 – %2").arg(m_model->timeText(fromMs), m_model->timeText(toMs));
    m_resetRange->setText(tr("Reset time"));
    m_resetRange->setToolTip(tr("Narrowed to %1; click to show every loaded time again").arg(m_rangeText));
    updateCount();
    m_resetRange->show();
}

void AuditPage::resetTimeRange()
{
    m_model->clearTimeRange();
    m_timeline->setSelection(0, 0);
    m_resetRange->hide();
    m_rangeText.clear();
    updateCount();
}

void AuditPage::clearLocalFilters()
{
    m_search->blockSignals(true);
    m_search->clear();
    m_search->blockSignals(false);
    m_searchTimer->stop();
    m_model->setFilter({});
    m_timeline->setSelection(0, 0);
    m_resetRange->hide();
    m_rangeText.clear();
}

void AuditPage::openValueFilter(int column)
{
    if (column < 0 || column >= models::kAuditColumnCount || column == int(Column::Time))
        return;
    const QString title = m_model->headerData(column, Qt::Horizontal).toString();
    auto *popup = new AuditValueFilterPopup(title, m_model->distinctValues(column),
                                            m_model->filter().columns[std::size_t(column)], this);
    connect(popup, &AuditValueFilterPopup::applied, this,
            [this, column](const QSet<QString> &include, const QSet<QString> &exclude) {
                if (include.isEmpty() && exclude.isEmpty())
                    m_model->clearColumnFilter(column);
                else
                    m_model->setColumnValues(column, include, exclude);
            });
    QHeaderView *header = m_table->horizontalHeader();
    const int x = header->sectionViewportPosition(column);
    popup->move(header->mapToGlobal(QPoint(std::max(0, x), header->height())));
    popup->show();
    popup->list()->setFocus();
}

// ---------------------------------------------------------------- menus

void AuditPage::showTableMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid())
        return;
    const auto column = Column(index.column());
    const QString value = index.data(Qt::DisplayRole).toString();
    const QString shown = value.size() > 40 ? value.left(40) + QStringLiteral("…") : value;
    QMenu menu(this);
    QAction *only =
        menu.addAction(tr("Filter to this value (%1)").arg(shown.isEmpty() ? tr("empty") : shown));
    only->setObjectName(QStringLiteral("actionAuditFilterTo"));
    connect(only, &QAction::triggered, this, [this, index] { filterToCell(index, false); });
    QAction *drop = menu.addAction(tr("Exclude this value"));
    drop->setObjectName(QStringLiteral("actionAuditExclude"));
    connect(drop, &QAction::triggered, this, [this, index] { filterToCell(index, true); });
    if (column != Column::Time && !wireKeyFor(column, value).isEmpty())
        menu.addSection(tr("Also added to the query bar for the next Run"));
    menu.addSeparator();
    QAction *copy = menu.addAction(icon(QStringLiteral("edit-copy")), tr("Copy cell"));
    connect(copy, &QAction::triggered, this, [this, index] { copyCell(index); });
    QAction *row = menu.addAction(tr("Copy row"));
    connect(row, &QAction::triggered, this, [this, index] { copyRow(index); });
    QAction *json = menu.addAction(tr("Copy as JSON"));
    connect(json, &QAction::triggered, this, [this, index] {
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
        m_details->copyJson();
    });
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void AuditPage::showHeaderMenu(const QPoint &pos)
{
    QHeaderView *header = m_table->horizontalHeader();
    const int section = header->logicalIndexAt(pos);
    QMenu menu(this);
    if (section >= 0 && section != int(Column::Time)) {
        const QString title = m_model->headerData(section, Qt::Horizontal).toString();
        QAction *values = menu.addAction(tr("Filter %1 values…").arg(title));
        connect(values, &QAction::triggered, this, [this, section] { openValueFilter(section); });
        QAction *clear = menu.addAction(tr("Clear %1 filter").arg(title));
        clear->setEnabled(!m_model->filter().columns[std::size_t(section)].isEmpty());
        connect(clear, &QAction::triggered, this, [this, section] { m_model->clearColumnFilter(section); });
        menu.addSeparator();
    }
    QMenu *columns = menu.addMenu(tr("Columns"));
    for (int c = 0; c < models::kAuditColumnCount; ++c) {
        QAction *a = columns->addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        // The last visible column cannot be hidden.
        a->setEnabled(header->isSectionHidden(c) || header->count() - header->hiddenSectionCount() > 1);
        connect(a, &QAction::toggled, this, [header, c](bool on) { header->setSectionHidden(c, !on); });
    }
    QAction *reset = menu.addAction(tr("Reset columns"));
    connect(reset, &QAction::triggered, this, [header] {
        for (int c = 0; c < header->count(); ++c) {
            header->setSectionHidden(c, false);
            header->moveSection(header->visualIndex(c), c);
        }
    });
    menu.exec(header->mapToGlobal(pos));
}

void AuditPage::copyCell(const QModelIndex &index) const
{
    if (index.isValid())
        QApplication::clipboard()->setText(index.data(Qt::DisplayRole).toString());
}

void AuditPage::copyRow(const QModelIndex &index) const
{
    if (!index.isValid())
        return;
    const QHeaderView *header = m_table->horizontalHeader();
    QStringList cells;
    for (int v = 0; v < header->count(); ++v) {
        const int c = header->logicalIndex(v);
        if (!header->isSectionHidden(c))
            cells.append(m_model->index(index.row(), c).data(Qt::DisplayRole).toString());
    }
    QApplication::clipboard()->setText(cells.join(u'\t'));
}

// ---------------------------------------------------------------- details

void AuditPage::keepDetailsEntrySelected()
{
    const int row = m_model->rowOfEntry(m_details->entryId());
    if (row >= 0) {
        m_table->selectionModel()->setCurrentIndex(
            m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        return;
    }
    updateDetails(); // the entry is filtered out: follow whatever is current now
}

void AuditPage::updateDetails()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const int row = current.isValid() ? m_model->storeRow(current.row()) : -1;
    if (row < 0) {
        m_details->clear();
        return;
    }
    const models::AuditStore &store = m_model->store();
    const api::AuditEvent event = AuditExportWriter::event(store.data(), quint32(row));
    if (event.id == m_details->entryId()) {
        // Already shown (or its full entry is on the way).
        if (m_details->hasFullEntry())
            Q_EMIT detailsLoaded(event.id);
        return;
    }
    m_details->showEntry(event.id, models::AuditRowDetails::fields(store, quint32(row)),
                         AuditExportWriter::toJson(event));
    if (!event.id.isEmpty())
        m_archive->readFullEntry(event.id);
}

// ---------------------------------------------------------------- timeline

void AuditPage::scheduleHistogram()
{
    if (!m_histogramTimer->isActive())
        m_histogramTimer->start();
}

void AuditPage::computeHistogram()
{
    if (m_histogramWatcher.isRunning()) {
        m_histogramAgain = true;
        return;
    }
    const models::AuditSnapshot snapshot = m_model->snapshot();
    m_histogramWatcher.setFuture(runInPool([snapshot] {
        std::vector<quint32> rows(snapshot.rowCount());
        std::iota(rows.begin(), rows.end(), 0u);
        return models::AuditHistogram::compute(snapshot, rows);
    }));
}

void AuditPage::applyTimeZone()
{
    const bool utc = m_settings && m_settings->showTimesInUtc();
    const QTimeZone zone = utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    m_model->setTimeZone(zone);
    m_timeline->setTimeZone(zone);
    m_queryBar->setTimeZone(zone);
}

// ---------------------------------------------------------------- export

void AuditPage::exportInteractive(Format format)
{
    const bool json = format == Format::Json;
    const QString name = QStringLiteral("audit-%1-%2.%3")
                             .arg(session()->organizationId().left(12),
                                  QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmm")),
                                  json ? QStringLiteral("json") : QStringLiteral("csv"));
    const QString path = Dialogs::saveFileName(
        this, json ? tr("Export audit entries as JSON") : tr("Export audit entries as CSV"),
        QDir::home().filePath(name), json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path, format);
}

bool AuditPage::exportTo(const QString &path, Format format)
{
    if (m_exportRunning)
        return false;
    const models::AuditSnapshot snapshot = m_model->snapshot();
    const std::vector<quint32> rows = m_model->visibleRows();
    auto done = std::make_shared<std::atomic<qint64>>(0);
    auto canceled = std::make_shared<std::atomic<bool>>(false);
    auto rebuilt = std::make_shared<std::atomic<qint64>>(0);
    // JSON takes entries as received (bodies included) from the archive's file
    // through a read-only connection of its own.
    const QString archiveOrg = m_archiveOrg == session()->organizationId() ? m_archiveOrg : QString();
    const QString archiveDir = m_archiveDir;
    m_exportDone = done;
    m_exportRebuilt = rebuilt;
    m_exportCancel = canceled;
    m_exportTotal = qint64(rows.size());
    m_exportPath = path;
    m_exportRunning = true;
    m_exportButton->setEnabled(false);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    auto *tick = new QTimer(this);
    tick->setInterval(100);
    connect(tick, &QTimer::timeout, this, [this, tick, done] {
        if (!m_exportRunning) {
            tick->deleteLater();
            return;
        }
        const qint64 n = done->load();
        m_progress->setValue(m_exportTotal > 0 ? int(n * 1000 / m_exportTotal) : 0);
        m_progressLabel->setText(
            tr("Exporting… %1 of %2 entries").arg(QLocale().toString(n), QLocale().toString(m_exportTotal)));
    });
    tick->start();
    m_exportWatcher.setFuture(runInPool(
        [path, format, snapshot, rows, done, canceled, rebuilt, archiveOrg, archiveDir]() -> QString {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return file.errorString();
            std::unique_ptr<models::AuditArchive> archive;
            AuditExportWriter::FullEntries lookup;
            if (format == Format::Json && !archiveOrg.isEmpty()) {
                archive = std::make_unique<models::AuditArchive>(archiveOrg, archiveDir);
                if (archive->openReadOnly())
                    lookup = [&archive](const QStringList &ids) { return archive->fullEntries(ids); };
            }
            QString error;
            qint64 rebuiltCount = 0;
            const bool ok = AuditExportWriter::writeRows(
                &file, format, snapshot, rows,
                [&](qint64 n) {
                    done->store(n);
                    return !canceled->load();
                },
                &error, lookup, &rebuiltCount);
            rebuilt->store(rebuiltCount);
            if (!ok) {
                file.cancelWriting();
                return error.isEmpty() ? QStringLiteral("write failed") : error;
            }
            if (!file.commit())
                return file.errorString();
            return {};
        }));
    return true;
}

void AuditPage::onExportDone()
{
    m_exportRunning = false;
    m_exportButton->setEnabled(true);
    if (!isLoading()) {
        m_progress->hide();
        m_cancel->hide();
    }
    const QString error = m_exportWatcher.result();
    if (error.isEmpty()) {
        const qint64 rebuilt = m_exportRebuilt ? m_exportRebuilt->load() : 0;
        const QString done =
            tr("Exported %1 entries to %2")
                .arg(QLocale().toString(m_exportTotal), QDir::toNativeSeparators(m_exportPath));
        m_progressLabel->setText(
            rebuilt == 0
                ? done
                : done + QLatin1Char(' ') +
                      tr("(%1 of them without request and response bodies: they are not in the local "
                         "archive yet)")
                          .arg(QLocale().toString(rebuilt)));
        Q_EMIT exportFinished(true, m_exportPath);
    } else if (m_exportCancel && m_exportCancel->load()) {
        m_progressLabel->setText(tr("Export canceled; nothing was written."));
        Q_EMIT exportFinished(false, error);
    } else {
        const QString path = m_exportPath;
        const Format format =
            path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? Format::Json : Format::Csv;
        showError(tr("Could not export to %1: %2").arg(QDir::toNativeSeparators(path), error), true,
                  [this, path, format] { exportTo(path, format); });
        Q_EMIT exportFinished(false, error);
    }
}

// ---------------------------------------------------------------- view state

void AuditPage::saveViewState(models::AppSettings &settings)
{
    settings.setHeaderState(kHeaderKey, m_table->horizontalHeader()->saveState());
    settings.setSplitterState(kSplitterKey, m_splitter->saveState());
}

void AuditPage::restoreViewState(models::AppSettings &settings)
{
    const QByteArray header = settings.headerState(kHeaderKey);
    if (!header.isEmpty())
        m_table->horizontalHeader()->restoreState(header);
    const QByteArray split = settings.splitterState(kSplitterKey);
    if (!split.isEmpty())
        m_splitter->restoreState(split);
    applyTimeZone();
}

} // namespace ui
