#pragma once
// The Audit log page: a query bar (time range and every server filter,
// include or exclude), the rows of the AuditController's table with an
// instant local filter (search, per-column values, "filter to this value"),
// a timeline that narrows the table to a time range, a details pane with the
// full entry, and export. It shows the controller's state and forwards the
// user's intents; the loading, archive, histogram and export work is the
// controller's (models/audit/auditcontroller.h).

#include "ui/common/page.h"

#include "models/audit/auditcontroller.h"

#include <vector>

class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;
class QToolButton;

namespace models {
class AuditTableModel;
class AppSettings;
} // namespace models

namespace ui {

class AuditDetailsPane;
class AuditTableMenus;
class AuditQueryBar;
class AuditStatusLine;
class AuditTimeline;
class MessageBanner;

class AuditLogPage : public Page
{
    Q_OBJECT
public:
    using Format = models::AuditController::Format;

    // controller is not owned; it outlives the page.
    AuditLogPage(models::Session *session, models::AuditController *controller, models::AppSettings *settings,
                 QWidget *parent = nullptr);
    ~AuditLogPage() override;

    QString title() const override;
    QString iconName() const override { return QStringLiteral("document-open-recent"); }
    void saveViewState(models::AppSettings &settings) override;
    void restoreViewState(models::AppSettings &settings) override;
    void refresh() override;

    models::AuditController *controller() const { return m_controller; }

    // Intents, forwarded to the controller with what the widgets hold.
    void run();
    void cancel();
    bool isLoading() const { return m_controller->isLoading(); }
    bool isExporting() const { return m_controller->isExporting(); }
    // "Filter to / exclude this value" for a table cell.
    bool filterToCell(const QModelIndex &index, bool exclude);
    // Narrows the table to [fromMs, toMs); resetTimeRange() undoes it.
    void setTimeRangeFilter(qint64 fromMs, qint64 toMs);
    void resetTimeRange();
    void clearLocalFilters();
    // The "Clear filters" button: local filters and the query's filter rows
    // (the controller runs the query again when the rows shown were filtered).
    void clearFilters();
    void openValueFilter(int column);
    bool exportTo(const QString &path, Format format) { return m_controller->exportTo(path, format); }
    void exportInteractive(Format format);
    void copyCell(const QModelIndex &index) const;
    void copyRow(const QModelIndex &index) const;

    models::AuditTableModel *model() const { return m_controller->table(); }
    AuditQueryBar *queryBar() const { return m_queryBar; }
    QTableView *table() const { return m_table; }
    AuditDetailsPane *details() const { return m_details; }
    AuditTimeline *timeline() const { return m_timeline; }
    MessageBanner *banner() const { return m_banner; }
    QLineEdit *searchBox() const { return m_search; }
    QLabel *progressLabel() const;
    AuditStatusLine *statusLine() const { return m_status; }
    QLabel *staleLabel() const { return m_staleLabel; }
    QPushButton *exportButton() const { return m_exportButton; }
    QToolButton *clearFiltersButton() const { return m_clearFilters; }
    AuditTableMenus *menus() const { return m_menus; }

Q_SIGNALS:
    // The details pane shows the full entry of id.
    void detailsLoaded(const QString &id);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildTable();
    void buildActions();
    void buildLayout();
    void bindController();
    void onLoadStarted();
    void onLoadFinished();
    void updateBusyWidgets();
    void updateCount();
    void updateStale();
    void resetLocalWidgets();
    void updateDetails();
    void keepDetailsEntrySelected();
    void rememberSelection();
    void applyTimeZone();

    models::AuditController *m_controller;
    models::AppSettings *m_settings;
    QString m_rangeText; // the timeline range the table is narrowed to, for the count
    // Store rows selected before a reset (a filter or sort result), put back after it.
    std::vector<int> m_selectedStoreRows;
    quint64 m_selectionGeneration = 0;

    MessageBanner *m_banner;
    AuditQueryBar *m_queryBar;
    QLineEdit *m_search;
    QTimer *m_searchTimer;
    QToolButton *m_refreshButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QToolButton *m_clearFilters = nullptr;
    QToolButton *m_resetRange;
    AuditTimeline *m_timeline;
    QSplitter *m_splitter;
    QTableView *m_table;
    AuditTableMenus *m_menus = nullptr;
    AuditDetailsPane *m_details;
    QLabel *m_count;
    QLabel *m_staleLabel;
    AuditStatusLine *m_status;
};

} // namespace ui
