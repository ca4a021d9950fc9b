#pragma once
// The Usage page's chart row: the chart of the kind chosen (stacked bars,
// lines or donut, one stack page each) over the controller's series and
// breakdown models, and beside it this month's outlook chart with the budget
// of what the view covers. Activating a group in a chart asks to drill in.

#include <QSplitter>

class QStackedWidget;

namespace models {
class UsageController;
} // namespace models

namespace ui {

class UsageBarChart;
class UsageChart;
class UsageDonutChart;
class UsageLineChart;
class UsageOutlookChart;

class UsageChartArea : public QSplitter
{
    Q_OBJECT
public:
    explicit UsageChartArea(models::UsageController *controller, QWidget *parent = nullptr);

    // Shows the chart at `index`: 0 bars, 1 lines, 2 donut (UsagePage::ChartKind).
    void showChart(int index);
    UsageChart *currentChart() const;
    UsageBarChart *barChart() const { return m_bars; }
    UsageLineChart *lineChart() const { return m_lines; }
    UsageDonutChart *donutChart() const { return m_donut; }
    UsageOutlookChart *outlookChart() const { return m_outlookChart; }

Q_SIGNALS:
    void groupActivated(int group);

private:
    void updateOutlookChart();

    models::UsageController *m_controller;
    QStackedWidget *m_charts;
    UsageBarChart *m_bars;
    UsageLineChart *m_lines;
    UsageDonutChart *m_donut;
    UsageOutlookChart *m_outlookChart;
};

} // namespace ui
