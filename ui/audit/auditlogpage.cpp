#include "ui/audit/auditlogpage.h"

#include "ui/audit/auditarchivedialog.h"
#include "ui/audit/auditdetailspane.h"
#include "ui/audit/auditorgsplitbar.h"
#include "ui/audit/auditquerybar.h"
#include "ui/audit/auditrolluppanel.h"
#include "ui/audit/auditrowdelegate.h"
#include "ui/audit/auditstatusline.h"
#include "ui/audit/audittablemenus.h"
#include "ui/audit/audittimeline.h"
#include "ui/audit/audittoolbutton.h"
#include "ui/common/dialogs.h"
#include "ui/common/icons.h"
#include "ui/common/messagebanner.h"

#include "models/audit/auditentryjson.h"
#include "models/audit/auditrowdetails.h"
#include "models/audit/audittablemodel.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "models/settings/timezonesetting.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

namespace {

const QString kHeaderKey = QStringLiteral("audit/table");
const QString kSplitterKey = QStringLiteral("audit/splitter");
const QString kPresetKey = QStringLiteral("audit/lastRange");
constexpr int kSearchDebounceMs = 150;

using Column = models::AuditColumn;
using Preset = models::AuditQueryDraft::Preset;

} // namespace

AuditLogPage::AuditLogPage(models::Session *session, models::AuditController *controller,
                           models::AppSettings *settings, QWidget *parent)
    : Page(session, parent), m_controller(controller), m_settings(settings),
      m_banner(new MessageBanner(this)), m_queryBar(new AuditQueryBar(this)), m_search(new QLineEdit(this)),
      m_searchTimer(new QTimer(this)), m_resetRange(new QToolButton(this)),
      m_timeline(new AuditTimeline(this)), m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_table(new QTableView(this)), m_details(new AuditDetailsPane(this)), m_count(new QLabel(this)),
      m_staleLabel(new QLabel(this)), m_status(new AuditStatusLine(controller, this))
{
    setObjectName(QStringLiteral("auditPage"));
    m_banner->setObjectName(QStringLiteral("auditBanner"));
    m_queryBar->setObjectName(QStringLiteral("auditQueryBar"));
    m_timeline->setObjectName(QStringLiteral("auditTimeline"));
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_details->setObjectName(QStringLiteral("auditDetails"));
    m_count->setObjectName(QStringLiteral("auditCount"));
    m_staleLabel->setObjectName(QStringLiteral("auditStale"));
    m_staleLabel->setText(tr("Results of an earlier query — Run to update"));
    QFont staleFont = m_staleLabel->font();
    staleFont.setBold(true);
    m_staleLabel->setFont(staleFont);
    m_staleLabel->setToolTip(tr("The time range or filters in the query bar changed since these entries were "
                                "loaded; the table does not show what the query says until you Run it."));
    m_staleLabel->hide();
    m_splitter->setObjectName(QStringLiteral("auditSplitter"));

    // --- local search, debounced: the controller filters on every call
    m_search->setObjectName(QStringLiteral("auditSearch"));
    m_search->setPlaceholderText(tr("Search loaded entries (any column)…"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(icon(QStringLiteral("edit-find")), QLineEdit::LeadingPosition);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDebounceMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, [this] { m_controller->setSearchText(m_search->text()); });

    buildTable();

    // --- timeline
    connect(m_timeline, &AuditTimeline::rangeSelected, this, &AuditLogPage::setTimeRangeFilter);
    m_resetRange->setObjectName(QStringLiteral("auditResetRange"));
    m_resetRange->setIcon(icon(QStringLiteral("edit-clear")));
    m_resetRange->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_resetRange->setAutoRaise(true);
    m_resetRange->setToolTip(tr("Show every loaded time again"));
    m_resetRange->hide();
    connect(m_resetRange, &QToolButton::clicked, this, &AuditLogPage::resetTimeRange);

    // --- query and status
    connect(m_queryBar, &AuditQueryBar::runRequested, this, &AuditLogPage::run);
    // Every edit goes down at once, so the draft the controller runs is what the bar shows.
    connect(m_queryBar, &AuditQueryBar::edited, this,
            [this] { m_controller->setDraft(m_queryBar->draft()); });
    // A preset is a whole new range: picking one runs it (a custom range waits
    // for its dates, shown as stale meanwhile).
    connect(m_queryBar, &AuditQueryBar::presetActivated, this, [this](Preset p) {
        if (p != Preset::Custom)
            run();
    });
    connect(m_status, &AuditStatusLine::cancelRequested, this, &AuditLogPage::cancel);
    connect(m_banner, &MessageBanner::retryRequested, m_controller, &models::AuditController::retry);

    buildActions();
    buildLayout();
    bindController();

    if (m_settings) {
        m_queryBar->setPreset(Preset(m_settings->value(kPresetKey, int(Preset::Last30Days)).toInt()));
        connect(m_queryBar, &AuditQueryBar::presetChanged, this, [this](Preset p) {
            if (p != Preset::Custom)
                m_settings->setValue(kPresetKey, int(p));
        });
    }
    m_controller->setDraft(m_queryBar->draft());
    if (m_settings)
        AuditArchiveDialog::applySavedRetention(m_controller, *m_settings);
    models::TimeZoneSetting::follow(this, [this] { applyTimeZone(); });
    updateCount();
}

AuditLogPage::~AuditLogPage()
{
    if (m_controller)
        m_controller->setActive(false);
}

QString AuditLogPage::title() const
{
    return tr("Audit log");
}

QLabel *AuditLogPage::progressLabel() const
{
    return m_status->label();
}

void AuditLogPage::buildTable()
{
    models::AuditTableModel *model = m_controller->table();
    m_table->setModel(model);
    m_table->setItemDelegate(new AuditRowDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    // Uniform rows: the view never measures a million of them.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_menus = new AuditTableMenus(m_table, model);
    connect(m_menus, &AuditTableMenus::filterRequested, this, &AuditLogPage::filterToCell);
    connect(m_menus, &AuditTableMenus::copyJsonRequested, this, [this](const QModelIndex &index) {
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
        m_details->copyJson();
    });
    m_table->sortByColumn(int(Column::Time), Qt::DescendingOrder);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditLogPage::updateDetails);
    // A reset (new filter or sort result, history from the archive, a large
    // merge) forgets the current row: put it back on the entry the details
    // pane shows, so the highlighted row and the details always agree.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &AuditLogPage::rememberSelection);
    connect(model, &QAbstractItemModel::modelReset, this, &AuditLogPage::keepDetailsEntrySelected);
    // No refresh on modelReset: the pane keeps showing its entry while pages stream in.
    connect(model, &models::AuditTableModel::visibleRowsChanged, this, &AuditLogPage::updateCount);
    connect(model, &models::AuditTableModel::filteringChanged, this, [this](bool) { updateCount(); });
}

void AuditLogPage::buildActions()
{
    auto *refresh = new QAction(icon(QStringLiteral("view-refresh")), tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("actionAuditRefresh"));
    refresh->setToolTip(tr("Fetch only entries newer than the newest loaded one"));
    connect(refresh, &QAction::triggered, this, &AuditLogPage::refresh);
    m_refreshButton = auditToolButton(refresh, this);

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
    // A push button lays its menu arrow out beside the text; an instant-popup
    // tool button draws it in its bottom corner, over the text and cut off.
    m_exportButton = new QPushButton(icon(QStringLiteral("document-export")), tr("Export"), this);
    m_exportButton->setObjectName(QStringLiteral("auditExport"));
    m_exportButton->setFlat(true);
    m_exportButton->setToolTip(tr("Export the rows shown (after local filters) to CSV or JSON"));
    m_exportButton->setMenu(menu);

    // The archive's settings sit beside the export: both are about the data kept.
    menu->addSeparator();
    QAction *archive = menu->addAction(tr("Local archive settings…"));
    archive->setObjectName(QStringLiteral("actionAuditArchiveSettings"));
    connect(archive, &QAction::triggered, this,
            [this] { AuditArchiveDialog::openFor(session(), m_controller, m_settings, this); });

    auto *clear = new QAction(icon(QStringLiteral("edit-clear-all")), tr("Clear filters"), this);
    clear->setToolTip(tr("Clear the search, column filters, time selection and the query's filters (the "
                         "query runs again when the entries shown were filtered by the server)"));
    connect(clear, &QAction::triggered, this, &AuditLogPage::clearFilters);
    m_clearFilters = auditToolButton(clear, this);
    m_clearFilters->setObjectName(QStringLiteral("auditClearFilters"));
}

void AuditLogPage::buildLayout()
{
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_search, 2);
    filterRow->addWidget(m_clearFilters);
    filterRow->addWidget(m_count);
    filterRow->addWidget(m_staleLabel, 1);
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
    leftLayout->addWidget(new AuditOrgSplitBar(m_controller, left));
    leftLayout->addWidget(m_table, 1);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({900, 380});
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_queryBar);
    layout->addWidget(new AuditRollupPanel(m_controller, this));
    layout->addLayout(filterRow);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_status);
}

// ---------------------------------------------------------------- binding

void AuditLogPage::bindController()
{
    using C = models::AuditController;
    connect(m_controller, &C::draftChanged, m_queryBar, &AuditQueryBar::setDraft);
    connect(m_controller, &C::draftChanged, this, &AuditLogPage::updateCount);
    connect(m_controller, &C::staleChanged, this, &AuditLogPage::updateStale);
    connect(m_controller, &C::ignoredFiltersChanged, m_queryBar, &AuditQueryBar::setIgnoredFilters);
    connect(m_controller, &C::histogramChanged, this,
            [this] { m_timeline->setHistogram(m_controller->histogram()); });
    connect(m_controller, &C::errorChanged, this, [this](const models::ErrorInfo &error) {
        if (!error.isEmpty())
            m_banner->showError(error.message, error.retryable);
        else if (m_banner->kind() == MessageBanner::Kind::Error)
            m_banner->clear();
    });
    connect(m_controller, &C::noticeChanged, this, [this](const QString &notice) {
        if (!notice.isEmpty())
            m_banner->showMessage(MessageBanner::Kind::Warning, notice);
    });
    connect(m_controller, &C::hintRaised, m_banner, &MessageBanner::showInfo);
    connect(m_controller, &C::incompleteRangesChanged, this,
            [this] { m_timeline->setIncompleteRanges(m_controller->incompleteRanges()); });
    connect(m_controller, &C::archiveDeleted, this, [this](bool ok, const QString &message) {
        m_banner->showMessage(ok ? MessageBanner::Kind::Info : MessageBanner::Kind::Warning, message);
    });
    connect(m_controller, &C::localFiltersReset, this, &AuditLogPage::clearLocalFilters);
    connect(m_controller, &C::organizationCleared, this, [this] {
        m_details->clear();
        m_banner->clear();
        updateBusyWidgets();
    });
    // The status line (progress, summaries, Cancel) binds its own signals.
    connect(m_controller, &C::loadStarted, this, &AuditLogPage::onLoadStarted);
    connect(m_controller, &C::loadFinished, this, &AuditLogPage::onLoadFinished);
    connect(m_controller, &C::exportingChanged, this, &AuditLogPage::updateBusyWidgets);
    connect(m_controller, &C::exportFinished, this, &AuditLogPage::updateBusyWidgets);
    connect(m_controller, &C::fullEntryReady, this,
            [this](const QString &id, const QByteArray &json,
                   const QList<models::AuditRowDetails::Field> &fields) {
                if (id != m_details->entryId())
                    return;
                m_details->setFullEntry(id, json, fields);
                Q_EMIT detailsLoaded(id);
            });
}

void AuditLogPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (session() && session()->organizationId().isEmpty())
        m_status->showNoOrganization();
    m_controller->setActive(true);
}

void AuditLogPage::hideEvent(QHideEvent *event)
{
    Page::hideEvent(event);
    m_controller->setActive(false);
}

void AuditLogPage::run()
{
    m_controller->setDraft(m_queryBar->draft());
    m_controller->run();
}

void AuditLogPage::refresh()
{
    m_controller->setDraft(m_queryBar->draft());
    m_controller->refresh();
}

void AuditLogPage::cancel()
{
    m_controller->cancel();
}

void AuditLogPage::updateBusyWidgets()
{
    m_exportButton->setEnabled(!m_controller->isExporting());
}

void AuditLogPage::onLoadStarted()
{
    if (m_controller->activity() == models::AuditController::Activity::Loading)
        m_details->clear(); // a Run replaces the rows
    updateBusyWidgets();
}

void AuditLogPage::onLoadFinished()
{
    updateBusyWidgets();
    // Something to read in the details pane from the start.
    if (!m_table->selectionModel()->currentIndex().isValid() && model()->rowCount() > 0)
        m_table->selectionModel()->setCurrentIndex(model()->index(0, 0), QItemSelectionModel::ClearAndSelect |
                                                                             QItemSelectionModel::Rows);
}

// ---------------------------------------------------------------- local filter

void AuditLogPage::updateCount()
{
    const QLocale locale;
    const models::AuditTableModel *m = model();
    const int shown = m->rowCount();
    const quint32 loaded = m->store().rowCount();
    const bool filtered = !m->filter().isEmpty();
    QString text = filtered ? tr("%1 of %Ln entries", nullptr, int(loaded)).arg(locale.toString(shown))
                            : tr("%Ln entries", nullptr, int(loaded));
    if (!m_rangeText.isEmpty() && m->filter().hasTimeRange())
        text += QStringLiteral(" · ") + m_rangeText;
    if (m->isFiltering())
        text += tr(" · filtering…");
    m_count->setText(text);
    bool serverFilters = false;
    for (const models::AuditQueryDraft::Filter &f : m_controller->draft().filters)
        serverFilters |= !f.values.isEmpty();
    m_clearFilters->setEnabled(filtered || serverFilters);
}

void AuditLogPage::updateStale()
{
    const bool stale = m_controller->isStale();
    m_queryBar->setStale(stale);
    // A warning colour that reads on either palette.
    QPalette pal = m_staleLabel->palette();
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    pal.setColor(QPalette::WindowText, dark ? QColor(0xf0, 0xb4, 0x4c) : QColor(0x8a, 0x5a, 0x00));
    m_staleLabel->setPalette(pal);
    m_staleLabel->setVisible(stale);
}

bool AuditLogPage::filterToCell(const QModelIndex &index, bool exclude)
{
    if (!index.isValid() || index.model() != model())
        return false;
    // Edits still being typed in the bar go down first, so the new filter joins them.
    m_controller->setDraft(m_queryBar->draft());
    return m_controller->filterToValue(index.row(), index.column(), exclude);
}

void AuditLogPage::setTimeRangeFilter(qint64 fromMs, qint64 toMs)
{
    if (fromMs >= toMs)
        return resetTimeRange();
    m_controller->setTimeRange(fromMs, toMs);
    m_timeline->setSelection(fromMs, toMs);
    // Short text so the timeline keeps its width; the range is in the tooltip and the count.
    m_rangeText = tr("%1 – %2").arg(model()->timeText(fromMs), model()->timeText(toMs));
    m_resetRange->setText(tr("Reset time"));
    m_resetRange->setToolTip(tr("Narrowed to %1; click to show every loaded time again").arg(m_rangeText));
    updateCount();
    m_resetRange->show();
}

void AuditLogPage::resetTimeRange()
{
    m_controller->setTimeRange(0, 0);
    m_timeline->setSelection(0, 0);
    m_resetRange->hide();
    m_rangeText.clear();
    updateCount();
}

void AuditLogPage::resetLocalWidgets()
{
    m_search->blockSignals(true);
    m_search->clear();
    m_search->blockSignals(false);
    m_searchTimer->stop();
    m_timeline->setSelection(0, 0);
    m_resetRange->hide();
    m_rangeText.clear();
}

void AuditLogPage::clearLocalFilters()
{
    resetLocalWidgets();
    m_controller->clearLocalFilters();
    updateCount();
}

void AuditLogPage::clearFilters()
{
    resetLocalWidgets();
    // Rows still being typed go down first, so they are cleared too.
    m_controller->setDraft(m_queryBar->draft());
    m_controller->clearFilters();
    updateCount();
}

void AuditLogPage::openValueFilter(int column)
{
    m_menus->openValueFilter(column);
}

void AuditLogPage::copyCell(const QModelIndex &index) const
{
    m_menus->copyCell(index);
}

void AuditLogPage::copyRow(const QModelIndex &index) const
{
    m_menus->copyRow(index);
}

// ---------------------------------------------------------------- details

void AuditLogPage::rememberSelection()
{
    // Store rows stay valid across filter and sort resets of one query.
    constexpr qsizetype kMaxRemembered = 100000;
    m_selectedStoreRows.clear();
    m_selectionGeneration = model()->queryGeneration();
    // Ranges, not selectedRows(): Ctrl+A over a million rows is one range.
    const QItemSelection selection = m_table->selectionModel()->selection();
    qsizetype count = 0;
    for (const QItemSelectionRange &range : selection)
        count += range.height();
    if (count < 2 || count > kMaxRemembered)
        return; // one row is the current one, put back by the details' entry
    m_selectedStoreRows.reserve(std::size_t(count));
    for (const QItemSelectionRange &range : selection)
        for (int row = range.top(); row <= range.bottom(); ++row)
            m_selectedStoreRows.push_back(model()->storeRow(row));
}

void AuditLogPage::keepDetailsEntrySelected()
{
    const int row = model()->rowOfEntry(m_details->entryId());
    if (row < 0) {
        m_selectedStoreRows.clear();
        updateDetails(); // the entry is filtered out: follow whatever is current now
        return;
    }
    QItemSelectionModel *selection = m_table->selectionModel();
    selection->setCurrentIndex(model()->index(row, 0),
                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const std::vector<int> remembered = std::exchange(m_selectedStoreRows, {});
    if (remembered.empty() || m_selectionGeneration != model()->queryGeneration())
        return;
    // The other selected rows that are still shown, found in one pass over the view.
    std::vector<quint8> wanted(model()->store().rowCount(), 0);
    for (int r : remembered)
        if (r >= 0 && std::size_t(r) < wanted.size())
            wanted[std::size_t(r)] = 1;
    const std::vector<quint32> &visible = model()->visibleRows();
    QItemSelection rows;
    const int last = model()->columnCount() - 1;
    for (std::size_t v = 0; v < visible.size(); ++v) {
        if (visible[v] >= wanted.size() || !wanted[visible[v]])
            continue;
        std::size_t end = v;
        while (end + 1 < visible.size() && visible[end + 1] < wanted.size() && wanted[visible[end + 1]])
            ++end;
        rows.select(model()->index(int(v), 0), model()->index(int(end), last));
        v = end;
    }
    selection->select(rows, QItemSelectionModel::Select);
}

void AuditLogPage::updateDetails()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const int row = current.isValid() ? model()->storeRow(current.row()) : -1;
    if (row < 0) {
        m_details->clear();
        return;
    }
    const models::AuditStore &store = model()->store();
    const api::AuditEvent event = models::auditentryjson::eventAt(store.data(), quint32(row));
    if (event.id == m_details->entryId()) {
        // Already shown (or its full entry is on the way).
        if (m_details->hasFullEntry())
            Q_EMIT detailsLoaded(event.id);
        return;
    }
    m_details->showEntry(event.id, models::AuditRowDetails::fields(store, quint32(row)),
                         models::auditentryjson::fullOrEncoded(event));
    m_controller->requestFullEntry(event.id, event.organizationId); // a roll-up row: its own archive
}

void AuditLogPage::applyTimeZone()
{
    const QTimeZone zone = models::TimeZoneSetting::instance()->zone();
    model()->setTimeZone(zone);
    m_timeline->setTimeZone(zone);
    m_queryBar->setTimeZone(zone);
}

// ---------------------------------------------------------------- export

void AuditLogPage::exportInteractive(Format format)
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

// ---------------------------------------------------------------- view state

void AuditLogPage::saveViewState(models::AppSettings &settings)
{
    settings.setHeaderState(kHeaderKey, m_table->horizontalHeader()->saveState());
    settings.setSplitterState(kSplitterKey, m_splitter->saveState());
}

void AuditLogPage::restoreViewState(models::AppSettings &settings)
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
