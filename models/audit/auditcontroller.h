#pragma once
// The work behind the Audit log page: loads a query's entries page by page
// into the table model (decoded on workers, one insert per page, a query
// generation dropping pages of superseded queries), keeps the
// per-organization archive (history at once, Refresh fetching only newer
// entries, full entries for the details), filters locally, computes the
// timeline's histogram off the GUI thread, exports in the background and
// holds the error and notice to show. No widgets: the page binds its views
// to these models, properties and signals and forwards the user's intents.

#include "models/audit/auditarchivecoverage.h"
#include "models/audit/auditfiltercheck.h"
#include "models/audit/audithistogram.h"
#include "models/audit/auditquerydraft.h"
#include "models/audit/auditrowdetails.h"
#include "models/export/auditexportwriter.h"
#include "models/session/errorinfo.h"
#include "models/session/progress.h"

#include "api/auditquery.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <atomic>
#include <memory>
#include <optional>

class QTimer;

namespace api {
struct AuditColumns;
class AuditPager;
} // namespace api

namespace models {

struct AuditArchiveHistory;
class AuditArchiveWorker;
class AuditRollupController;
class AuditStore;
class AuditTableModel;
class Session;

// How a Run or Refresh ended.
struct AuditLoadSummary
{
    enum class Kind { Run, Refresh };
    Kind kind = Kind::Run;
    qint64 received = 0; // entries the pager delivered
    qint64 added = 0;    // entries added after removing doubles
    int pages = 0;
    qint64 elapsedMs = 0;
    bool canceled = false;
    bool failed = false; // error() says why
    // Entries kept although a field was missing, null or of the wrong type
    // (they show "—" there), and the first such problem.
    qint64 entriesWithIssues = 0;
    QString firstIssue;
    // Positive filters the server evidently ignored (wire keys), and the
    // entries left out here because they contradict one of them.
    QStringList ignoredFilters;
    qint64 dropped = 0;
};

class AuditController : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE("models/audit/audittablemodel.h")
    Q_PROPERTY(models::AuditTableModel *table READ table CONSTANT)
    Q_PROPERTY(models::AuditQueryDraft draft READ draft WRITE setDraft NOTIFY draftChanged)
    Q_PROPERTY(Activity activity READ activity NOTIFY activityChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY activityChanged)
    // Entries received (total unknown) of the running load, about 4 times a second.
    Q_PROPERTY(models::Progress progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(bool exporting READ isExporting NOTIFY exportingChanged)
    Q_PROPERTY(models::Progress exportProgress READ exportProgress NOTIFY exportProgressChanged)
    Q_PROPERTY(models::AuditHistogram histogram READ histogram NOTIFY histogramChanged)
    Q_PROPERTY(models::ErrorInfo error READ error NOTIFY errorChanged)
    // Archive warnings (set aside, not available, not saved).
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    // The rows shown are not what the draft says: it changed since they were
    // loaded (another range, another filter). A Run brings them in line.
    Q_PROPERTY(bool stale READ isStale NOTIFY staleChanged)
    // Positive filters of the loaded query the server ignored (wire keys);
    // the controller applied them to the entries itself.
    Q_PROPERTY(QStringList ignoredFilters READ ignoredFilters NOTIFY ignoredFiltersChanged)
public:
    // An export runs beside these (see exporting).
    enum class Activity { Idle, OpeningArchive, Loading, Refreshing };
    Q_ENUM(Activity)
    using Format = AuditExportWriter::Format;

    explicit AuditController(Session *session, QObject *parent = nullptr);
    ~AuditController() override;

    AuditTableModel *table() const { return m_model; }
    // "Include sub-organizations": while it is on, Run and Refresh roll the
    // query up over the organization and every organization under it.
    AuditRollupController *rollup() const { return m_rollup; }
    AuditQueryDraft draft() const { return m_draft; }
    Activity activity() const { return m_activity; }
    bool isBusy() const { return m_activity != Activity::Idle; }
    // A Run or Refresh is under way.
    bool isLoading() const;
    Progress progress() const;
    int pagesLoaded() const;
    qint64 elapsedMs() const { return m_elapsed.isValid() ? m_elapsed.elapsed() : 0; }
    bool isExporting() const { return m_exportRunning; }
    Progress exportProgress() const;
    // The last export ended because cancel() asked it to.
    bool exportWasCanceled() const { return m_exportCanceled; }
    AuditHistogram histogram() const { return m_histogram; }
    // "Split by organization" (a roll-up's timeline): the histogram also counts
    // the shown rows per organization, this many series plus "Other".
    static constexpr int kSplitOrganizations = 6;
    bool splitByOrganization() const { return m_splitByOrganization; }
    void setSplitByOrganization(bool split);
    ErrorInfo error() const { return m_error; }
    QString notice() const { return m_notice; }
    bool isStale() const { return m_stale; }
    QStringList ignoredFilters() const { return m_ignoredFilters; }
    // Whether two drafts ask the server for the same entries (pending marks
    // and empty filter rows do not count).
    static bool sameQuery(const AuditQueryDraft &a, const AuditQueryDraft &b);

    // Where per-organization archives live (default AuditArchive::defaultDirectory()).
    // Also the roll-up's: every organization's archive lives in one directory.
    void setArchiveDirectory(const QString &directory);
    QString archiveDirectory() const { return m_archiveDir; }
    // Retention applied when an archive opens: entries older than days (0:
    // no limit) and beyond maxBytes of pages (0: no cap) are removed.
    void setArchiveRetention(int days, qint64 maxBytes);
    int archiveRetentionDays() const { return m_retentionDays; }
    qint64 archiveMaxBytes() const { return m_retentionMaxBytes; }
    // What the open archive holds completely for the unfiltered stream.
    AuditArchiveCoverage archiveCoverage() const { return m_archiveCoverage; }
    // Stretches of the shown time range whose rows are not known to be
    // complete (the timeline marks them); empty when the table is complete.
    QList<AuditTimeRange> incompleteRanges() const;
    // Whether the archive takes new entries (false: read-only or unavailable).
    bool isArchiveWritable() const { return m_archiveWritable; }
    // Entries the last Run or Refresh added (after removing doubles) / received.
    qint64 lastLoadAdded() const { return m_lastAdded; }
    qint64 lastLoadReceived() const { return m_lastReceived; }
    // Waits until the archive stored everything sent to it (tests, shutdown).
    void flushArchive();

public Q_SLOTS:
    // While inactive (page hidden) nothing is opened or loaded; activating
    // opens the organization's archive or runs a pending first load.
    void setActive(bool active);
    void setDraft(const models::AuditQueryDraft &draft);
    // Replaces the rows with the draft's query.
    void run();
    // Fetches only entries newer than the newest loaded one (a full Run when
    // nothing is loaded or the loaded range is not "up to now").
    void refresh();
    // Stops the running load (keeping what arrived) and the running export.
    void cancel();
    // Repeats what failed last (a Run, a Refresh or an export).
    void retry();

    void setSearchText(const QString &text);
    // Narrows the table to [fromMs, toMs); an empty range shows every time again.
    void setTimeRange(qint64 fromMs, qint64 toMs);
    void clearLocalFilters();
    // "Clear filters": the local filters and the draft's filter rows; when the
    // rows shown came from a filtered query, runs the unfiltered one so the
    // table and the query bar agree.
    void clearFilters();
    // "Filter to / exclude this value" of a shown cell: applied locally at
    // once and added to the draft as a pending server filter when the column
    // has one. False for a bad cell.
    bool filterToValue(int row, int column, bool exclude);

    // Navigation from other pages: a new draft, then a Run.
    void showForActor(const QString &email);
    void showAround(const QString &accountId, qint64 fromMs, qint64 toMs);
    // One entry (a watch match): its id as the filter, a minute around its time.
    void showEntry(const QString &entryId, qint64 timeMs);

    // fullEntryReady(id, json, fields) follows; json is empty when the archive
    // lacks it. organizationId: the row's organization (a roll-up's row of a
    // sub-organization is read from that organization's archive).
    void requestFullEntry(const QString &id, const QString &organizationId = QString());
    // Writes the shown rows in the background; false when one is running.
    bool exportTo(const QString &path, models::AuditController::Format format);
    // "Delete local archive": removes the organization's archive files and
    // starts an empty one; the rows shown stay. archiveDeleted() follows.
    void deleteArchive();

Q_SIGNALS:
    void draftChanged(const models::AuditQueryDraft &draft);
    void activityChanged(models::AuditController::Activity activity);
    void progressChanged(const models::Progress &progress);
    void exportingChanged(bool exporting);
    void exportProgressChanged(const models::Progress &progress);
    void histogramChanged();
    void errorChanged(const models::ErrorInfo &error);
    void noticeChanged(const QString &notice);
    void staleChanged(bool stale);
    void ignoredFiltersChanged(const QStringList &wireKeys);
    // A passing remark for the user (e.g. what "audit around" shows).
    void hintRaised(const QString &text);
    // A navigation into the Audit log started from a clean local filter
    // state (no search, value filters or time selection left from before).
    void localFiltersReset();

    // The organization changed; rows, draft results and messages are gone.
    void organizationCleared(bool hasOrganization);
    void archiveOpening();
    // The archive of the organization was opened and its rows shown (0: none).
    void historyLoaded(qint64 rows, qint64 newestMs);
    void incompleteRangesChanged();
    void archiveDeleted(bool ok, const QString &message);
    void loadStarted(models::AuditLoadSummary::Kind kind);
    // A Run or Refresh ended (success, error or cancel).
    void loadFinished(const models::AuditLoadSummary &summary);
    // The entry as received (bodies included) and its fields (empty when
    // the archive lacks it or it does not decode).
    void fullEntryReady(const QString &id, const QByteArray &json,
                        const QList<models::AuditRowDetails::Field> &fields);
    // ok: pathOrError is the path; withoutBodies counts JSON entries rebuilt
    // from their fields. !ok: canceled (error() unchanged) or failed (error() set).
    void exportFinished(bool ok, const QString &pathOrError, qint64 withoutBodies);

private:
    using LoadKind = AuditLoadSummary::Kind;
    // Continue: a Run that failed after some pages goes on at the failed page.
    enum class RetryAction { None, Run, Continue, Refresh, Export };

    void onOrganizationChanged();
    void openArchive();
    void onArchiveOpened(quint64 ticket, const QString &notice, const QString &error);
    void onHistoryLoaded(quint64 ticket, const models::AuditArchiveHistory &history);
    bool ensureConnected();
    // continuation: the next gap of one Refresh; startToken: continue the loaded Run at
    // this page, keeping its rows.
    void startLoad(LoadKind kind, const api::AuditQuery &query, bool continuation = false,
                   const QString &startToken = {});
    // Fetches each range with the loaded query's filters, newest first, as one Refresh.
    void startGapLoad(QList<AuditTimeRange> gaps);
    void startNextGap(bool continuation);
    void startRollup(const api::AuditQuery &query);
    void setShownCoverage(const AuditArchiveCoverage &coverage, qint64 fromMs, qint64 toMs);
    void onPage(quint64 generation, const api::AuditColumns &page);
    void onLoadFinished();
    void onExportDone();
    void emitFullEntry(const QString &id, const QByteArray &json);
    void scheduleHistogram();
    void computeHistogram();
    void setActivity(Activity activity);
    void setError(const QString &message, bool retryable, RetryAction action);
    void clearError();
    void setNotice(const QString &notice);
    void setApplied(const std::optional<AuditQueryDraft> &applied);
    void updateStale();

    QPointer<Session> m_session;
    AuditTableModel *m_model;
    AuditArchiveWorker *m_archive;
    AuditRollupController *m_rollup;
    AuditQueryDraft m_draft;
    Activity m_activity = Activity::Idle;
    ErrorInfo m_error;
    RetryAction m_retry = RetryAction::None;
    QString m_notice;
    // The draft whose results are shown (nullopt: nothing loaded).
    std::optional<AuditQueryDraft> m_appliedDraft;
    bool m_stale = false;
    AuditFilterCheck m_filterCheck; // of the running load
    QStringList m_ignoredFilters;
    qint64 m_dropped = 0;
    qint64 m_entriesWithIssues = 0;
    QString m_firstIssue;

    QString m_archiveDir;
    QString m_archiveOrg;
    quint64 m_archiveTicket = 0;
    quint64 m_generationAtOpen = 0;
    bool m_active = false;
    bool m_dirty = true; // the organization's archive is not opened yet
    bool m_autoRunPending = false;

    // Coverage: what the archive holds completely, and what the table shows
    // completely over [m_shownFrom, m_shownTo).
    AuditArchiveCoverage m_archiveCoverage;
    bool m_archiveWritable = false;
    bool m_showingArchive = false; // the rows are the archive's history (plus refreshes)
    qint64 m_prunedBeforeMs = 0;
    int m_retentionDays = 0;
    qint64 m_retentionMaxBytes = 0;
    AuditArchiveCoverage m_shownCoverage;
    qint64 m_shownFrom = 0;
    qint64 m_shownTo = 0;
    QList<AuditTimeRange> m_gapQueue; // newest first
    qint64 m_loadFromMs = 0;          // the running pager's [since, before)
    qint64 m_loadToMs = 0;
    qint64 m_loadStartMs = 0; // entries logged after this may be missing from the load
    bool m_loadUnfiltered = false;
    qint64 m_accReceived = 0; // earlier ranges of a gap load
    int m_accPages = 0;

    QPointer<api::AuditPager> m_pager;
    LoadKind m_loadKind = LoadKind::Run;
    api::AuditQuery m_loadedQuery;
    QString m_continueToken;     // the page a failed Run stopped at
    bool m_loadedIsLive = false; // the loaded range ends "now": Refresh can extend it
    QSet<QString> m_skipIds;
    qint64 m_rowsAtStart = 0;
    qint64 m_lastAdded = 0;
    qint64 m_lastReceived = 0;
    QElapsedTimer m_elapsed;
    QTimer *m_tick;

    QFutureWatcher<QString> m_exportWatcher;
    std::shared_ptr<std::atomic<qint64>> m_exportDone;
    std::shared_ptr<std::atomic<qint64>> m_exportRebuilt; // JSON entries without their bodies
    std::shared_ptr<std::atomic<bool>> m_exportCancel;
    qint64 m_exportTotal = 0;
    QString m_exportPath;
    Format m_exportFormat = Format::Csv;
    bool m_exportRunning = false;
    bool m_exportCanceled = false;
    QTimer *m_exportTick;

    QFutureWatcher<AuditHistogram> m_histogramWatcher;
    AuditHistogram m_histogram;
    bool m_histogramAgain = false;
    bool m_splitByOrganization = false;
    QHash<QString, int> m_seriesColors; // an organization keeps its colour while filters change
    QTimer *m_histogramTimer;
};

} // namespace models

Q_DECLARE_METATYPE(models::AuditLoadSummary)
