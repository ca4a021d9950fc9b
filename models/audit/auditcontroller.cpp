#include "models/audit/auditcontroller.h"

#include "models/audit/auditarchive.h"
#include "models/audit/auditarchiveworker.h"
#include "models/audit/auditorgarchives.h"
#include "models/audit/auditserverfilter.h"
#include "models/audit/audittablemodel.h"
#include "models/rollup/auditrollupcontroller.h"
#include "models/session/session.h"

#include "api/auditpager.h"
#include "api/decoders.h"

#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QPromise>
#include <QSaveFile>
#include <QThreadPool>
#include <QTimer>
#include <algorithm>
#include <numeric>

namespace models {

namespace {

constexpr int kProgressTickMs = 250; // about 4 progress notifications a second
constexpr int kExportTickMs = 100;
constexpr int kHistogramDebounceMs = 250;
// Pages of a running load reach the views at most this often: a table view
// repaints every row it shows on each insert (three quarters of the GUI
// thread's time when each page was inserted on its own), while storing a page is cheap.
constexpr int kRevealIntervalMs = 200;

QString rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

qint64 parseMs(const QString &text)
{
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

// Only a load of the unfiltered stream can tell the archive a range is complete.
bool hasServerFilters(const api::AuditQuery &query)
{
    const auto &fields = api::AuditQuery::fields();
    return std::any_of(fields.begin(), fields.end(),
                       [&](const api::AuditQuery::Field &f) { return !(query.*f.member).isEmpty(); });
}

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kSettleMs = 5 * 60 * 1000;

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

AuditController::AuditController(Session *session, QObject *parent)
    : QObject(parent), m_session(session), m_model(new AuditTableModel(this)),
      m_archive(new AuditArchiveWorker(this)), m_rollup(new AuditRollupController(session, m_model, this)),
      m_tick(new QTimer(this)), m_exportTick(new QTimer(this)), m_histogramTimer(new QTimer(this))
{
    qRegisterMetaType<models::AuditLoadSummary>();
    qRegisterMetaType<models::AuditQueryDraft>();
    qRegisterMetaType<models::Progress>();
    qRegisterMetaType<models::ErrorInfo>();

    // The page's archive is held open here, so the roll-up leaves its organization's pages to it.
    connect(m_rollup, &AuditRollupController::pagesNotStored, this,
            [this](const QString &organizationId, const QList<api::AuditColumns> &pages) {
                if (organizationId != m_archiveOrg || !m_archiveWritable)
                    return;
                for (const api::AuditColumns &page : pages)
                    m_archive->append(page);
            });
    connect(m_rollup, &AuditRollupController::merged, this, [this](bool complete) {
        const qint64 from = parseMs(m_loadedQuery.since);
        const qint64 to = std::min(parseMs(m_loadedQuery.before), QDateTime::currentMSecsSinceEpoch());
        AuditArchiveCoverage shown;
        if (complete)
            shown.add(from, to);
        setShownCoverage(shown, from, to);
        scheduleHistogram();
    });
    connect(m_archive, &AuditArchiveWorker::opened, this, &AuditController::onArchiveOpened);
    connect(m_archive, &AuditArchiveWorker::historyLoaded, this, &AuditController::onHistoryLoaded);
    connect(m_archive, &AuditArchiveWorker::noticeRaised, this, &AuditController::setNotice);
    connect(m_archive, &AuditArchiveWorker::coverageChanged, this,
            [this](const AuditArchiveCoverage &coverage) { m_archiveCoverage = coverage; });
    connect(m_archive, &AuditArchiveWorker::deleted, this, [this](bool ok, const QString &message) {
        if (ok)
            m_archiveCoverage = {};
        Q_EMIT archiveDeleted(ok, message);
    });
    connect(m_archive, &AuditArchiveWorker::appended, this, [this](int added, const QString &error) {
        Q_UNUSED(added)
        if (!error.isEmpty())
            setNotice(tr("Entries could not be saved to the local archive: %1").arg(error));
    });
    connect(m_archive, &AuditArchiveWorker::fullEntryRead, this, &AuditController::emitFullEntry);

    m_model->setRevealInterval(kRevealIntervalMs);
    m_tick->setInterval(kProgressTickMs);
    connect(m_tick, &QTimer::timeout, this, [this] { Q_EMIT progressChanged(progress()); });
    m_exportTick->setInterval(kExportTickMs);
    connect(m_exportTick, &QTimer::timeout, this, [this] { Q_EMIT exportProgressChanged(exportProgress()); });
    connect(&m_exportWatcher, &QFutureWatcher<QString>::finished, this, &AuditController::onExportDone);

    // The timeline draws the rows shown over the buckets of every loaded row:
    // new rows and every change of the local filter recompute it.
    m_histogramTimer->setSingleShot(true);
    m_histogramTimer->setInterval(kHistogramDebounceMs);
    connect(m_histogramTimer, &QTimer::timeout, this, &AuditController::computeHistogram);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditController::scheduleHistogram);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditController::scheduleHistogram);
    connect(m_model, &AuditTableModel::visibleRowsChanged, this, &AuditController::scheduleHistogram);
    connect(&m_histogramWatcher, &QFutureWatcher<AuditHistogram>::finished, this, [this] {
        m_histogram = m_histogramWatcher.result();
        // Names and tree paths from the table's labels (the roll-up's organizations),
        // and a colour that stays with the organization while filters change.
        QSet<int> used;
        for (const AuditHistogram::OrganizationSeries &s : m_histogram.organizationSeries())
            if (!s.isOther() && m_seriesColors.contains(s.id))
                used.insert(m_seriesColors.value(s.id));
        for (int i = 0; i < m_histogram.organizationSeries().size(); ++i) {
            const AuditHistogram::OrganizationSeries s = m_histogram.organizationSeries().at(i);
            if (s.isOther())
                continue;
            if (!m_seriesColors.contains(s.id)) {
                int color = 0;
                while (used.contains(color))
                    ++color;
                m_seriesColors.insert(s.id, color);
                used.insert(color);
            }
            m_histogram.setSeriesLabel(i, m_model->organizationName(s.id),
                                       m_model->organizationLabel(s.id).path, m_seriesColors.value(s.id));
        }
        Q_EMIT histogramChanged();
        if (std::exchange(m_histogramAgain, false))
            scheduleHistogram();
    });

    if (m_session) {
        connect(m_session, &Session::organizationChanged, this, &AuditController::onOrganizationChanged);
        connect(m_session, &Session::clientChanged, this, [this] {
            if (m_active && m_model->store().rowCount() == 0 && !isLoading())
                m_autoRunPending = true;
        });
        connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
            if (state == Session::State::Connected && m_autoRunPending && m_active && !isLoading()) {
                m_autoRunPending = false;
                run();
            }
        });
    }
}

AuditController::~AuditController()
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

// ---------------------------------------------------------------- state

bool AuditController::isLoading() const
{
    return m_pager && m_pager->isRunning();
}

Progress AuditController::progress() const
{
    return {m_pager ? m_accReceived + m_pager->itemCount() : m_lastReceived, -1};
}

int AuditController::pagesLoaded() const
{
    return m_pager ? m_pager->pageCount() : 0;
}

Progress AuditController::exportProgress() const
{
    return {m_exportDone ? m_exportDone->load() : 0, m_exportTotal};
}

void AuditController::setActivity(Activity activity)
{
    if (activity == m_activity)
        return;
    m_activity = activity;
    Q_EMIT activityChanged(m_activity);
}

void AuditController::setError(const QString &message, bool retryable, RetryAction action)
{
    m_retry = retryable ? action : RetryAction::None;
    m_error = {message, retryable && action != RetryAction::None};
    Q_EMIT errorChanged(m_error);
}

void AuditController::clearError()
{
    m_retry = RetryAction::None;
    if (m_error.isEmpty())
        return;
    m_error = {};
    Q_EMIT errorChanged(m_error);
}

void AuditController::setNotice(const QString &notice)
{
    // Emitted again for the same text: each warning is news to the page.
    m_notice = notice;
    Q_EMIT noticeChanged(m_notice);
}

void AuditController::setDraft(const AuditQueryDraft &draft)
{
    if (draft == m_draft)
        return;
    m_draft = draft;
    Q_EMIT draftChanged(m_draft);
    updateStale();
}

bool AuditController::sameQuery(const AuditQueryDraft &a, const AuditQueryDraft &b)
{
    if (a.preset != b.preset)
        return false;
    if (a.preset == AuditQueryDraft::Preset::Custom && (a.fromMs != b.fromMs || a.toMs != b.toMs))
        return false;
    // What reaches the wire: the query's filter values, whatever the rows' order or pending marks.
    const api::AuditQuery qa = a.query(0);
    const api::AuditQuery qb = b.query(0);
    for (const api::AuditQuery::Field &f : api::AuditQuery::fields()) {
        QStringList ia = (qa.*f.member).include, ib = (qb.*f.member).include;
        QStringList ea = (qa.*f.member).exclude, eb = (qb.*f.member).exclude;
        for (QStringList *l : {&ia, &ib, &ea, &eb})
            l->sort();
        if (ia != ib || ea != eb)
            return false;
    }
    return true;
}

void AuditController::setApplied(const std::optional<AuditQueryDraft> &applied)
{
    m_appliedDraft = applied;
    updateStale();
}

void AuditController::updateStale()
{
    const bool stale = m_appliedDraft && !sameQuery(*m_appliedDraft, m_draft);
    if (stale == m_stale)
        return;
    m_stale = stale;
    Q_EMIT staleChanged(m_stale);
}

// ---------------------------------------------------------------- session and archive

void AuditController::setActive(bool active)
{
    m_active = active;
    if (!m_active)
        return;
    if (m_dirty)
        openArchive();
    else if (m_autoRunPending && !isLoading() && m_session && m_session->client()) {
        m_autoRunPending = false;
        run();
    }
}

void AuditController::onOrganizationChanged()
{
    m_seriesColors.clear(); // another tree
    if (m_pager) {
        m_pager->disconnect(this);
        m_pager->abort();
        m_pager = nullptr;
        m_tick->stop();
    }
    m_model->clear();
    clearError();
    m_notice.clear();
    m_loadedQuery = {};
    m_loadedIsLive = false;
    m_gapQueue.clear();
    m_archiveCoverage = {};
    m_archiveWritable = false;
    m_showingArchive = false;
    setShownCoverage({}, 0, 0);
    m_dirty = true;
    setApplied(std::nullopt);
    if (!m_ignoredFilters.isEmpty()) {
        m_ignoredFilters.clear();
        Q_EMIT ignoredFiltersChanged(m_ignoredFilters);
    }
    setActivity(Activity::Idle);
    Q_EMIT organizationCleared(m_session && !m_session->organizationId().isEmpty());
    if (m_active)
        openArchive();
}

void AuditController::openArchive()
{
    m_dirty = false;
    const QString org = m_session ? m_session->organizationId() : QString();
    m_archiveOrg = org;
    m_generationAtOpen = m_model->queryGeneration();
    if (org.isEmpty())
        return;
    setActivity(Activity::OpeningArchive);
    Q_EMIT archiveOpening();
    const qint64 retainFrom =
        m_retentionDays > 0 ? QDateTime::currentMSecsSinceEpoch() - qint64(m_retentionDays) * kDayMs : 0;
    m_archive->open(++m_archiveTicket, org, m_archiveDir, true, retainFrom, m_retentionMaxBytes);
}

void AuditController::setArchiveRetention(int days, qint64 maxBytes)
{
    m_retentionDays = std::max(days, 0);
    m_retentionMaxBytes = std::max<qint64>(maxBytes, 0);
}

void AuditController::deleteArchive()
{
    m_archive->deleteArchive();
}

QList<AuditTimeRange> AuditController::incompleteRanges() const
{
    return m_shownCoverage.gaps(m_shownFrom, m_shownTo);
}

void AuditController::setShownCoverage(const AuditArchiveCoverage &coverage, qint64 fromMs, qint64 toMs)
{
    const QList<AuditTimeRange> before = incompleteRanges();
    m_shownCoverage = coverage;
    m_shownFrom = fromMs;
    m_shownTo = toMs;
    if (incompleteRanges() != before)
        Q_EMIT incompleteRangesChanged();
}

void AuditController::onArchiveOpened(quint64 ticket, const QString &notice, const QString &error)
{
    if (ticket != m_archiveTicket)
        return;
    if (!notice.isEmpty())
        setNotice(notice);
    else if (!error.isEmpty())
        setNotice(
            tr("The local audit archive is not available (%1); entries are kept in memory only.").arg(error));
}

void AuditController::onHistoryLoaded(quint64 ticket, const AuditArchiveHistory &history)
{
    if (ticket != m_archiveTicket)
        return;
    m_archiveCoverage = history.coverage;
    m_archiveWritable = history.writable;
    m_prunedBeforeMs = history.prunedBeforeMs;
    const std::shared_ptr<AuditStore> &store = history.store;
    const qint64 newestMs = history.newestMs;
    if (m_activity == Activity::OpeningArchive)
        setActivity(Activity::Idle);
    // A Run started meanwhile wins over the saved history.
    if (m_model->queryGeneration() != m_generationAtOpen || isLoading()) {
        Q_EMIT historyLoaded(0, 0);
        return;
    }
    const qint64 rows = store ? store->rowCount() : 0;
    const bool connected = m_session && m_session->client();
    if (rows == 0 && history.coverage.isEmpty()) {
        Q_EMIT historyLoaded(0, 0);
        if (connected)
            run();
        else
            m_autoRunPending = true;
        return;
    }
    m_model->setStore(std::move(*store));
    // The archive's rows are the unfiltered stream; what it covers is
    // complete, the rest of the draft's range is a gap that refresh() fetches.
    m_loadedQuery = api::AuditQuery{};
    m_loadedQuery.direction = QStringLiteral("desc");
    m_loadedIsLive = true;
    // Unfiltered rows: a draft with filters asks for something else.
    AuditQueryDraft shown = m_draft;
    shown.filters.clear();
    setApplied(shown);
    m_showingArchive = true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto [from, to] = m_draft.range(now);
    setShownCoverage(history.coverage, std::max(from, m_prunedBeforeMs), std::min(to, now));
    Q_EMIT historyLoaded(rows, newestMs);
    if (connected)
        refresh();
}

void AuditController::flushArchive()
{
    m_archive->flush();
}

void AuditController::requestFullEntry(const QString &id, const QString &organizationId)
{
    if (id.isEmpty())
        return;
    if (organizationId.isEmpty() || organizationId == m_archiveOrg) {
        m_archive->readFullEntry(id);
        return;
    }
    // A roll-up's row of another organization: the roll-up stored it in that
    // organization's archive, read here on a pool thread.
    auto *watcher = new QFutureWatcher<QByteArray>(this);
    connect(watcher, &QFutureWatcher<QByteArray>::finished, this, [this, watcher, id] {
        emitFullEntry(id, watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(runInPool([id, organizationId, dir = m_archiveDir] {
        return AuditOrgArchives(dir, QString()).fullEntry(id, organizationId);
    }));
}

void AuditController::emitFullEntry(const QString &id, const QByteArray &json)
{
    // One entry of a few kilobytes, asked for by a click: decoded here.
    QList<AuditRowDetails::Field> fields;
    if (!json.isEmpty()) {
        const api::Decoded<api::AuditEvent> decoded = api::decode::auditEvent(json);
        if (decoded.ok())
            fields = AuditRowDetails::fields(decoded.value);
    }
    Q_EMIT fullEntryReady(id, json, fields);
}

// ---------------------------------------------------------------- loading

bool AuditController::ensureConnected()
{
    if (!m_session || !m_session->client()) {
        setError(tr("Not connected: connect to Cloudflare or start the demo first."), false,
                 RetryAction::None);
        return false;
    }
    if (m_session->organizationId().isEmpty()) {
        setError(tr("Choose an organization in the toolbar first."), false, RetryAction::None);
        return false;
    }
    return true;
}

void AuditController::run()
{
    if (!ensureConnected())
        return;
    const api::AuditQuery query = m_draft.query(QDateTime::currentMSecsSinceEpoch());
    const QString problem = query.validate();
    if (!problem.isEmpty()) {
        setError(problem + u'.', false, RetryAction::None);
        return;
    }
    m_loadedIsLive = m_draft.isLive();
    AuditQueryDraft applied = m_draft;
    applied.markApplied();
    setDraft(applied);
    setApplied(applied);
    if (m_rollup->includeSubOrganizations())
        startRollup(query);
    else
        startLoad(LoadKind::Run, query);
}

void AuditController::startRollup(const api::AuditQuery &query)
{
    if (m_pager) {
        m_pager->disconnect(this);
        m_pager->abort();
        m_tick->stop();
    }
    clearError();
    m_showingArchive = false;
    m_loadedQuery = query;
    m_gapQueue.clear();
    const quint64 generation = m_model->beginQuery();
    setShownCoverage({}, parseMs(query.since),
                     std::min(parseMs(query.before), QDateTime::currentMSecsSinceEpoch()));
    setActivity(Activity::Idle);
    m_rollup->setArchiveDirectory(m_archiveDir);
    m_rollup->start(query, generation);
}

void AuditController::setArchiveDirectory(const QString &directory)
{
    m_archiveDir = directory;
    m_rollup->setArchiveDirectory(directory);
}

void AuditController::refresh()
{
    if (isLoading())
        return;
    if (m_rollup->includeSubOrganizations()) {
        run(); // each organization's archive makes it cheap
        return;
    }
    // Extending rows of another query would only make them staler.
    if (m_stale || (!m_showingArchive && (m_model->store().rowCount() == 0 || !m_loadedIsLive))) {
        run();
        return;
    }
    if (!ensureConnected())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 before = now + AuditQueryDraft::kBeforeSlackMs;
    if (m_showingArchive) {
        // Exactly the stretches of the draft's range the archive does not hold.
        const auto [rangeFrom, rangeTo] = m_draft.range(now);
        const qint64 from = std::max(rangeFrom, m_prunedBeforeMs);
        setShownCoverage(m_shownCoverage, from, std::max(m_shownTo, std::min(rangeTo, now)));
        startGapLoad(m_shownCoverage.gaps(from, rangeTo));
        return;
    }
    // The server treats since as inclusive: entries at the boundary come
    // again and are skipped by id.
    startGapLoad({{m_model->store().newestTimeMs(), before}});
}

void AuditController::startGapLoad(QList<AuditTimeRange> gaps)
{
    std::reverse(gaps.begin(), gaps.end()); // newest first: the recent rows show first
    m_gapQueue = gaps;
    m_accReceived = 0;
    m_accPages = 0;
    if (m_gapQueue.isEmpty()) {
        // Nothing is missing: a Refresh that fetched nothing.
        clearError();
        m_lastAdded = 0;
        m_lastReceived = 0;
        AuditLoadSummary summary;
        summary.kind = LoadKind::Refresh;
        Q_EMIT loadStarted(summary.kind);
        Q_EMIT loadFinished(summary);
        return;
    }
    startNextGap(false);
}

void AuditController::startNextGap(bool continuation)
{
    const AuditTimeRange gap = m_gapQueue.takeFirst();
    api::AuditQuery query = m_loadedQuery;
    query.since = rfc3339(gap.fromMs);
    query.before = rfc3339(gap.toMs);
    query.direction = QStringLiteral("desc");
    query.limit = 1000;
    startLoad(LoadKind::Refresh, query, continuation);
}

void AuditController::startLoad(LoadKind kind, const api::AuditQuery &query, bool continuation,
                                const QString &startToken)
{
    if (m_pager) {
        m_pager->disconnect(this);
        m_pager->abort();
    }
    if (!continuation) {
        // An archive notice stays until dismissed; only a stale error goes.
        clearError();
        m_rowsAtStart = m_model->store().rowCount();
        m_lastAdded = 0;
        m_lastReceived = 0;
        m_accReceived = 0;
        m_accPages = 0;
    }
    m_loadKind = kind;
    m_loadFromMs = parseMs(query.since);
    m_loadToMs = parseMs(query.before);
    m_loadStartMs = QDateTime::currentMSecsSinceEpoch();
    m_loadUnfiltered = !hasServerFilters(query);
    quint64 generation = m_model->queryGeneration();
    if (kind == LoadKind::Run && !startToken.isEmpty()) {
        m_skipIds.clear(); // continuing: same query, same generation, rows kept
    } else if (kind == LoadKind::Run) {
        generation = m_model->beginQuery();
        m_loadedQuery = query;
        m_skipIds.clear();
        m_gapQueue.clear();
        m_showingArchive = false;
        setShownCoverage({}, m_loadFromMs, std::min(m_loadToMs, m_loadStartMs));
    } else {
        // Rows already held in the range (from the archive, a cancelled load
        // or the boundary millisecond) are skipped by id.
        m_skipIds.clear();
        const AuditSnapshot &rows = m_model->store().data();
        for (quint32 r = 0; r < rows.rowCount(); ++r) {
            const qint64 t = rows.timeMs(r);
            if (t >= m_loadFromMs && t <= m_loadToMs)
                m_skipIds.insert(rows.key(AuditKey::EntryId, r));
        }
        setShownCoverage(m_shownCoverage, std::min(m_shownFrom, m_loadFromMs),
                         std::max(m_shownTo, std::min(m_loadToMs, m_loadStartMs)));
    }
    if (!continuation) {
        m_entriesWithIssues = 0;
        m_firstIssue.clear();
        m_dropped = 0;
    }
    m_filterCheck = AuditFilterCheck(query);
    // A Refresh extends the same query: what the server ignored then it still ignores.
    if (kind == LoadKind::Run && !m_ignoredFilters.isEmpty()) {
        m_ignoredFilters.clear();
        Q_EMIT ignoredFiltersChanged(m_ignoredFilters);
    }

    auto *pager = new api::AuditPager(m_session->client(), m_session->organizationId(), query, this);
    m_pager = pager;
    pager->setStartToken(startToken);
    // Pages arrive decoded (on the pager's workers) and go straight into the
    // model: nothing per row happens here.
    connect(pager, &api::AuditPager::columnsReady, this,
            [this, generation](const api::AuditColumns &page) { onPage(generation, page); });
    connect(pager, &api::Pager::finished, this, &AuditController::onLoadFinished);
    if (!continuation)
        m_elapsed.start();
    m_tick->start();
    setActivity(kind == LoadKind::Refresh ? Activity::Refreshing : Activity::Loading);
    if (!continuation)
        Q_EMIT loadStarted(kind);
    Q_EMIT progressChanged(progress());
    pager->start();
}

void AuditController::onPage(quint64 generation, const api::AuditColumns &page)
{
    if (generation != m_model->queryGeneration())
        return;
    m_lastReceived += page.size();
    if (page.entriesWithIssues > 0 && m_entriesWithIssues == 0)
        m_firstIssue = page.firstIssue;
    m_entriesWithIssues += page.entriesWithIssues;
    // Positive filters are not confirmed for this endpoint: every entry is
    // checked against them (integer work per entry, each distinct value of
    // the page compared once).
    AuditFilterCheck::Result checked;
    if (m_filterCheck.isActive()) {
        checked = m_filterCheck.check(page);
        m_dropped += checked.dropped;
        bool news = false;
        for (const QString &key : std::as_const(checked.ignoredKeys)) {
            if (!m_ignoredFilters.contains(key)) {
                m_ignoredFilters.append(key);
                news = true;
            }
        }
        if (news)
            Q_EMIT ignoredFiltersChanged(m_ignoredFilters);
    }
    if (!m_model->appendPage(generation, page, m_skipIds, checked.dropped > 0 ? &checked.drop : nullptr))
        return;
    if (m_session && m_archiveOrg == m_session->organizationId())
        m_archive->append(page);
}

void AuditController::onLoadFinished()
{
    api::AuditPager *pager = m_pager;
    m_tick->stop();
    if (!pager)
        return;
    m_pager = nullptr;
    pager->deleteLater();
    AuditLoadSummary summary;
    summary.kind = m_loadKind;
    summary.received = m_accReceived + pager->itemCount();
    summary.pages = m_accPages + pager->pageCount();
    summary.elapsedMs = m_elapsed.elapsed();
    m_lastAdded = qint64(m_model->store().rowCount()) - m_rowsAtStart;
    summary.added = m_lastAdded;
    summary.canceled = pager->wasCanceled();
    summary.entriesWithIssues = m_entriesWithIssues;
    summary.firstIssue = m_firstIssue;
    summary.ignoredFilters = m_ignoredFilters;
    summary.dropped = m_dropped;
    if (!summary.canceled && !pager->error()) {
        // The range ran to its end: complete up to when it started (later
        // entries may have been logged meanwhile).
        const qint64 to = std::min(m_loadToMs, m_loadStartMs);
        AuditArchiveCoverage shown = m_shownCoverage;
        shown.add(m_loadFromMs, to);
        setShownCoverage(shown, m_shownFrom, m_shownTo);
        // The archive keeps a margin: an entry can carry a time a little
        // before it became visible (coarse server clocks, late ingestion),
        // so the newest minutes are fetched again on the next start.
        if (m_loadUnfiltered && m_session && m_archiveOrg == m_session->organizationId())
            m_archive->addCoverage(m_loadFromMs, std::min(to, m_loadStartMs - kSettleMs));
        if (!m_gapQueue.isEmpty()) {
            m_accReceived = summary.received;
            m_accPages = summary.pages;
            startNextGap(true);
            return;
        }
    }
    m_gapQueue.clear();
    m_accReceived = 0;
    m_accPages = 0;
    if (!summary.canceled && pager->error()) {
        const api::ApiError error = pager->error();
        summary.failed = true;
        // Rows stay; a Run that got somewhere continues at the failed page.
        m_continueToken = m_loadKind == LoadKind::Run ? pager->resumeToken() : QString();
        setError(error.userMessage(),
                 error.isRetryable() || error.kind() != api::ApiError::Kind::InvalidRequest,
                 m_loadKind == LoadKind::Refresh ? RetryAction::Refresh
                 : m_continueToken.isEmpty()     ? RetryAction::Run
                                                 : RetryAction::Continue);
    }
    m_skipIds.clear();
    m_model->revealPending(); // the load's last rows, before anyone hears it ended
    // The pages' bytes are freed as the archive stores them: give them back.
    m_archive->releaseFreedMemory();
    setActivity(Activity::Idle);
    Q_EMIT progressChanged({summary.received, summary.received});
    Q_EMIT loadFinished(summary);
}

void AuditController::cancel()
{
    m_rollup->cancel();
    if (m_pager && m_pager->isRunning())
        m_pager->abort();
    if (m_exportRunning && m_exportCancel)
        m_exportCancel->store(true);
}

void AuditController::retry()
{
    const RetryAction action = std::exchange(m_retry, RetryAction::None);
    switch (action) {
    case RetryAction::Run:
        run();
        break;
    case RetryAction::Continue:
        if (ensureConnected())
            startLoad(LoadKind::Run, m_loadedQuery, false, std::exchange(m_continueToken, QString()));
        break;
    case RetryAction::Refresh:
        refresh();
        break;
    case RetryAction::Export:
        exportTo(m_exportPath, m_exportFormat);
        break;
    case RetryAction::None:
        break;
    }
}

// ---------------------------------------------------------------- local filter

void AuditController::setSearchText(const QString &text)
{
    m_model->setSearchText(text);
}

void AuditController::setTimeRange(qint64 fromMs, qint64 toMs)
{
    if (fromMs >= toMs)
        m_model->clearTimeRange();
    else
        m_model->setTimeRange(fromMs, toMs);
}

void AuditController::clearLocalFilters()
{
    m_model->setFilter({});
}

void AuditController::clearFilters()
{
    clearLocalFilters();
    bool shownFiltered = false;
    if (m_appliedDraft)
        for (const AuditQueryDraft::Filter &f : std::as_const(m_appliedDraft->filters))
            shownFiltered |= !f.values.isEmpty();
    AuditQueryDraft draft = m_draft;
    draft.filters.clear();
    setDraft(draft);
    if (shownFiltered)
        run();
}

bool AuditController::filterToValue(int row, int column, bool exclude)
{
    if (row < 0 || row >= m_model->rowCount() || column < 0 || column >= kAuditColumnCount)
        return false;
    const QString value = m_model->index(row, column).data(AuditTableModel::FilterValueRole).toString();
    const bool ok = exclude ? m_model->excludeValue(column, row) : m_model->filterToValue(column, row);
    if (!ok)
        return false;
    const QString key = AuditServerFilter::wireKey(AuditColumn(column), value);
    if (!key.isEmpty() && !value.isEmpty()) {
        AuditQueryDraft draft = m_draft;
        draft.addFilter(key, value, exclude);
        setDraft(draft);
    }
    return true;
}

// ---------------------------------------------------------------- navigation

void AuditController::showForActor(const QString &email)
{
    // What the user navigates to must not be hidden by a filter set earlier.
    clearLocalFilters();
    Q_EMIT localFiltersReset();
    AuditQueryDraft draft = m_draft;
    draft.filters.clear();
    draft.addFilter(QStringLiteral("actor_email"), email, false);
    draft.preset = AuditQueryDraft::Preset::Last18Months;
    setDraft(draft);
    run();
}

void AuditController::showAround(const QString &accountId, qint64 fromMs, qint64 toMs)
{
    clearLocalFilters();
    Q_EMIT localFiltersReset();
    AuditQueryDraft draft = m_draft;
    draft.filters.clear();
    draft.setCustomRange(fromMs, toMs);
    setDraft(draft);
    run();
    if (!accountId.isEmpty())
        Q_EMIT hintRaised(tr("Entries between %1 and %2 (around account %3); search the account id to narrow "
                             "them.")
                              .arg(m_model->timeText(fromMs), m_model->timeText(toMs), accountId));
}

void AuditController::showEntry(const QString &entryId, qint64 timeMs)
{
    clearLocalFilters();
    Q_EMIT localFiltersReset();
    AuditQueryDraft draft = m_draft;
    draft.filters.clear();
    draft.addFilter(QStringLiteral("id"), entryId, false);
    draft.setCustomRange(timeMs - 60 * 1000, timeMs + 60 * 1000);
    setDraft(draft);
    run();
}

// ---------------------------------------------------------------- histogram

void AuditController::scheduleHistogram()
{
    if (!m_histogramTimer->isActive())
        m_histogramTimer->start();
}

void AuditController::computeHistogram()
{
    if (m_histogramWatcher.isRunning()) {
        m_histogramAgain = true;
        return;
    }
    // The model's visible rows always index its current store, so the two
    // copies agree; the counting happens on a pool thread.
    const AuditSnapshot snapshot = m_model->snapshot();
    std::vector<quint32> shown = m_model->visibleRows();
    const int split = m_splitByOrganization ? kSplitOrganizations : 0;
    m_histogramWatcher.setFuture(runInPool([snapshot, shown = std::move(shown), split] {
        return AuditHistogram::computeShown(snapshot, shown, split);
    }));
}

void AuditController::setSplitByOrganization(bool split)
{
    if (split == m_splitByOrganization)
        return;
    m_splitByOrganization = split;
    m_histogramTimer->stop();
    computeHistogram();
}

// ---------------------------------------------------------------- export

bool AuditController::exportTo(const QString &path, Format format)
{
    if (m_exportRunning)
        return false;
    if (m_retry == RetryAction::Export)
        clearError();
    const AuditSnapshot snapshot = m_model->snapshot();
    const std::vector<quint32> rows = m_model->visibleRows();
    auto done = std::make_shared<std::atomic<qint64>>(0);
    auto canceled = std::make_shared<std::atomic<bool>>(false);
    auto rebuilt = std::make_shared<std::atomic<qint64>>(0);
    // JSON takes entries as received (bodies included) from the archive's file
    // through a read-only connection of its own.
    const QString archiveOrg =
        m_session && m_archiveOrg == m_session->organizationId() ? m_archiveOrg : QString();
    const QString archiveDir = m_archiveDir;
    m_exportDone = done;
    m_exportRebuilt = rebuilt;
    m_exportCancel = canceled;
    m_exportTotal = qint64(rows.size());
    m_exportPath = path;
    m_exportFormat = format;
    m_exportRunning = true;
    m_exportCanceled = false;
    Q_EMIT exportingChanged(true);
    Q_EMIT exportProgressChanged(exportProgress());
    m_exportTick->start();
    m_exportWatcher.setFuture(runInPool([path, format, snapshot, rows, done, canceled, rebuilt, archiveOrg,
                                         archiveDir, zone = m_model->timeZone()]() -> QString {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return file.errorString();
        // Each row's full entry from the archive of its organization (a
        // roll-up's rows come from several); rows without one from the page's.
        AuditOrgArchives archives(archiveDir, archiveOrg);
        AuditExportWriter::FullEntries lookup;
        std::size_t next = 0; // the writer asks for the rows' ids in order, a batch at a time
        if (format == Format::Json) {
            lookup = [&](const QStringList &ids) {
                QStringList organizations;
                organizations.reserve(ids.size());
                for (const QString &id : ids) {
                    const bool inStep =
                        next < rows.size() && snapshot.key(AuditKey::EntryId, rows[next]) == id;
                    organizations.append(inStep ? snapshot.field(AuditField::OrganizationId, rows[next])
                                                : QString());
                    ++next;
                }
                return archives.fullEntries(ids, organizations);
            };
        }
        QString error;
        qint64 rebuiltCount = 0;
        const bool ok = AuditExportWriter::writeRows(
            &file, format, snapshot, rows,
            [&](qint64 n) {
                done->store(n);
                return !canceled->load();
            },
            &error, lookup, &rebuiltCount, zone);
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

void AuditController::onExportDone()
{
    m_exportRunning = false;
    m_exportTick->stop();
    Q_EMIT exportingChanged(false);
    const QString error = m_exportWatcher.result();
    if (error.isEmpty()) {
        Q_EMIT exportFinished(true, m_exportPath, m_exportRebuilt ? m_exportRebuilt->load() : 0);
    } else if (m_exportCancel && m_exportCancel->load()) {
        m_exportCanceled = true;
        Q_EMIT exportFinished(false, error, 0);
    } else {
        setError(tr("Could not export to %1: %2").arg(QDir::toNativeSeparators(m_exportPath), error), true,
                 RetryAction::Export);
        Q_EMIT exportFinished(false, error, 0);
    }
}

} // namespace models
