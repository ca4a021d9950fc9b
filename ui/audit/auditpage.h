#pragma once
// The audit log of the current organization: a query bar (time range and
// every server filter, include or exclude), rows streaming into a compact
// table with an instant local filter (search, per-column values, "filter to
// this value"), a timeline that narrows the table to a time range, a details
// pane with the full entry read from the local archive, background export,
// and a per-organization SQLite archive that shows the last history at once
// and lets Refresh fetch only newer entries. This page is also the
// controller wiring api::AuditPager, the audit models and the widgets.

#include "ui/audit/auditexportwriter.h"
#include "ui/common/page.h"

#include "models/audit/audithistogram.h"

#include "api/auditcolumns.h"
#include "api/auditquery.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPointer>
#include <QSet>
#include <atomic>
#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;
class QToolButton;

namespace api {
class AuditPager;
}

namespace models {
class AuditStore;
class AuditTableModel;
class AppSettings;
} // namespace models

namespace ui {

class AuditArchiveWorker;
class AuditDetailsPane;
class AuditQueryBar;
class AuditTimeline;
class MessageBanner;

class AuditPage : public Page
{
    Q_OBJECT
public:
    using Format = AuditExportWriter::Format;

    AuditPage(models::Session *session, models::AppSettings *settings, QWidget *parent = nullptr);
    ~AuditPage() override;

    QString title() const override;
    QString iconName() const override { return QStringLiteral("document-open-recent"); }
    void saveViewState(models::AppSettings &settings) override;
    void restoreViewState(models::AppSettings &settings) override;
    // Fetches only entries newer than the newest loaded one (a full Run when
    // nothing is loaded or the loaded range is not "up to now").
    void refresh() override;

    // Replaces the rows with the query bar's query.
    void run();
    // Stops the running load (keeping what arrived) or export.
    void cancel();
    bool isLoading() const;
    bool isExporting() const { return m_exportRunning; }

    // Where per-organization archives live (default AuditArchive::defaultDirectory()).
    void setArchiveDirectory(const QString &directory) { m_archiveDir = directory; }
    QString archiveDirectory() const { return m_archiveDir; }

    // "Filter to / exclude this value" for a table cell: applied locally at
    // once and added to the query bar as a pending server filter when the
    // column has one.
    bool filterToCell(const QModelIndex &index, bool exclude);
    // Narrows the table to [fromMs, toMs); resetTimeRange() undoes it.
    void setTimeRangeFilter(qint64 fromMs, qint64 toMs);
    void resetTimeRange();
    void clearLocalFilters();
    void openValueFilter(int column);

    // Writes the filtered rows in the background; false when one is running.
    bool exportTo(const QString &path, Format format);
    void exportInteractive(Format format);

    void copyCell(const QModelIndex &index) const;
    void copyRow(const QModelIndex &index) const;

    // Navigation from other pages.
    void showForActor(const QString &email);
    void showAround(const QString &accountId, qint64 fromMs, qint64 toMs);

    models::AuditTableModel *model() const { return m_model; }
    AuditQueryBar *queryBar() const { return m_queryBar; }
    QTableView *table() const { return m_table; }
    AuditDetailsPane *details() const { return m_details; }
    AuditTimeline *timeline() const { return m_timeline; }
    MessageBanner *banner() const { return m_banner; }
    QLineEdit *searchBox() const { return m_search; }
    QLabel *progressLabel() const { return m_progressLabel; }
    // Entries the last Run or Refresh added (after removing doubles).
    qint64 lastLoadAdded() const { return m_lastAdded; }
    // Entries the pager delivered in the last Run or Refresh.
    qint64 lastLoadReceived() const { return m_lastReceived; }
    // Waits until the archive stored everything sent to it (tests).
    void flushArchive();

Q_SIGNALS:
    // A Run or Refresh ended (success, error or cancel).
    void loadFinished();
    // The archive of the organization was opened and its rows shown.
    void historyLoaded(qint64 rows);
    void exportFinished(bool ok, const QString &pathOrError);
    // The details pane shows the full entry of id.
    void detailsLoaded(const QString &id);

protected:
    void showEvent(QShowEvent *event) override;

private:
    enum class LoadKind { Run, Refresh };

    void buildActions();
    void onOrganizationChanged();
    void openArchive();
    void onArchiveOpened(quint64 ticket, const QString &notice, const QString &error);
    void onHistoryLoaded(quint64 ticket, std::shared_ptr<models::AuditStore> store, qint64 newestMs);
    void startLoad(LoadKind kind, const api::AuditQuery &query);
    void onPage(quint64 generation, const api::AuditColumns &page);
    void onLoadFinished();
    void updateProgress();
    void updateCount();
    void updateDetails();
    void keepDetailsEntrySelected();
    void scheduleHistogram();
    void computeHistogram();
    void showTableMenu(const QPoint &pos);
    void showHeaderMenu(const QPoint &pos);
    void onExportDone();
    void showError(const QString &text, bool retryable, std::function<void()> retry);
    void applyTimeZone();
    bool ensureConnected();
    void bringToFront();

    models::AppSettings *m_settings;
    models::AuditTableModel *m_model;
    AuditArchiveWorker *m_archive;
    QString m_archiveDir;
    QString m_archiveOrg;
    quint64 m_archiveTicket = 0;
    quint64 m_generationAtOpen = 0;
    bool m_dirty = true;
    bool m_autoRunPending = false;

    QPointer<api::AuditPager> m_pager;
    LoadKind m_loadKind = LoadKind::Run;
    api::AuditQuery m_loadedQuery;
    bool m_loadedIsLive = false; // the loaded range ends "now": Refresh can extend it
    QSet<QString> m_skipIds;
    qint64 m_rowsAtStart = 0;
    qint64 m_lastAdded = 0;
    qint64 m_lastReceived = 0;
    QElapsedTimer m_elapsed;
    std::function<void()> m_retry;

    QFutureWatcher<QString> m_exportWatcher;
    std::shared_ptr<std::atomic<qint64>> m_exportDone;
    std::shared_ptr<std::atomic<qint64>> m_exportRebuilt; // JSON entries without their bodies
    std::shared_ptr<std::atomic<bool>> m_exportCancel;
    qint64 m_exportTotal = 0;
    QString m_exportPath;
    bool m_exportRunning = false;

    QFutureWatcher<models::AuditHistogram> m_histogramWatcher;
    bool m_histogramAgain = false;
    QString m_rangeText; // the timeline range the table is narrowed to, for the count

    MessageBanner *m_banner;
    AuditQueryBar *m_queryBar;
    QLineEdit *m_search;
    QTimer *m_searchTimer;
    QTimer *m_tick;
    QTimer *m_histogramTimer;
    QToolButton *m_refreshButton;
    QToolButton *m_exportButton;
    QToolButton *m_clearFilters;
    QToolButton *m_resetRange;
    AuditTimeline *m_timeline;
    QSplitter *m_splitter;
    QTableView *m_table;
    AuditDetailsPane *m_details;
    QLabel *m_count;
    QLabel *m_progressLabel;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
};

} // namespace ui
