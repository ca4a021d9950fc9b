#pragma once
// Usage and cost explorer (issue 8): range, measure, one or two grouping
// levels, granularity and top N over the organization's FOCUS records, shown
// as a chart (stacked bars, lines or donut) with drill-down, a pivot table
// with the previous period, and the days that look like anomalies.

#include "models/usage/usagetypes.h"
#include "ui/common/page.h"
#include "ui/usage/usagechartarea.h"
#include "ui/usage/usagetables.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableView;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace models {
class AppSettings;
class UsageController;
} // namespace models

namespace ui {

class CostOutlookBar;
class UsageControlsBar;
class MessageBanner;
class UsageAnomalyPanel;
class UsageBreadcrumbBar;

class UsagePage : public Page
{
    Q_OBJECT
public:
    enum class RangePreset { ThisMonth, LastMonth, Last30Days, Last90Days, Last12Months, Custom };
    Q_ENUM(RangePreset)
    enum class ChartKind { StackedBars, Lines, Donut };
    Q_ENUM(ChartKind)

    UsagePage(models::Session *session, models::AppSettings *settings, QWidget *parent = nullptr);
    ~UsagePage() override;

    QString title() const override;
    QString iconName() const override { return QStringLiteral("office-chart-bar"); }
    void saveViewState(models::AppSettings &settings) override;
    void restoreViewState(models::AppSettings &settings) override;
    void refresh() override;

    // The days a preset covers, counted from `today` (UTC).
    static models::UsageDayRange presetRange(RangePreset preset, QDate today);

    void setRangePreset(RangePreset preset);
    void setCustomRange(QDate from, QDate to);
    void setMeasure(models::UsageMeasure measure);
    void setGroupBy(models::UsageDimension first, std::optional<models::UsageDimension> second = {});
    void setGranularity(models::UsageGranularity granularity);
    void setTopN(int topN);
    void setChartKind(ChartKind kind);
    ChartKind chartKind() const;

    // Exports through ui::Dialogs file pickers; false when cancelled or failed.
    bool exportChart(const QString &format); // "png" or "svg"
    bool exportPivotCsv();
    bool exportRecordsCsv();

    // For tests and keyboard users.
    models::UsageController *controller() const { return m_controller; }
    UsageChart *currentChart() const;
    UsageBarChart *barChart() const { return m_chartArea->barChart(); }
    UsageLineChart *lineChart() const { return m_chartArea->lineChart(); }
    UsageDonutChart *donutChart() const { return m_chartArea->donutChart(); }
    // This month's running cost, forecast, band and budget beside the chart.
    UsageOutlookChart *outlookChart() const { return m_chartArea->outlookChart(); }
    UsageBreadcrumbBar *breadcrumbBar() const { return m_crumbs; }
    UsagePivotView *pivotView() const { return m_tables->pivotView(); }
    // The Records tab beside the pivot: every record in view, every column.
    QTableView *recordsView() const { return m_tables->recordsView(); }
    QLineEdit *recordsFilter() const { return m_tables->recordsFilter(); }
    QLabel *recordsCount() const { return m_tables->recordsCount(); }
    void showRecords(bool records); // the Records tab (true) or the pivot
    QTreeWidget *anomalyList() const;
    QComboBox *measureCombo() const { return m_measure; }
    QCheckBox *correctionsCheck() const;
    QComboBox *unitCombo() const;
    QLabel *noteLabel() const { return m_note; }
    CostOutlookBar *costBar() const { return m_costBar; }
    QLabel *statusLabel() const { return m_status; }
    MessageBanner *banner() const { return m_banner; }
    // Opens the audit log around the anomaly in row `row` of the list.
    void openAnomaly(int row);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    void applyPreset();
    void applyCustomRange();
    void applyGroupBy();
    void rebuildMeasures();
    void applyMeasure();
    void onAggregateChanged();
    void onLoadingChanged(bool loading);
    void onProgress(int done, int total);
    void updateNote();
    void updateStatus();
    void onChartGroupActivated(int group);

    models::AppSettings *m_settings;
    models::UsageController *m_controller;
    MessageBanner *m_banner;
    QComboBox *m_preset;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_measure;
    QComboBox *m_group1;
    QComboBox *m_group2;
    QComboBox *m_granularity;
    QSpinBox *m_topN;
    QComboBox *m_chartKind;
    QPushButton *m_export;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_note;
    CostOutlookBar *m_costBar = nullptr;
    UsageControlsBar *m_controls = nullptr;
    QLabel *m_status;
    UsageBreadcrumbBar *m_crumbs;
    QSplitter *m_mainSplitter;
    QSplitter *m_bottomSplitter;
    UsageChartArea *m_chartArea;
    UsageTables *m_tables;
    UsageAnomalyPanel *m_anomalies;
};

} // namespace ui
