#include "ui/usage/usagechartarea.h"

#include "models/usage/usagecontroller.h"
#include "ui/usage/usagebarchart.h"
#include "ui/usage/usagedonutchart.h"
#include "ui/usage/usagelinechart.h"
#include "ui/usage/usageoutlookchart.h"

#include <QStackedWidget>

namespace ui {

UsageChartArea::UsageChartArea(models::UsageController *controller, QWidget *parent)
    : QSplitter(Qt::Horizontal, parent), m_controller(controller)
{
    setObjectName(QStringLiteral("usageChartSplitter"));
    m_charts = new QStackedWidget(this);
    m_bars = new UsageBarChart(m_charts);
    m_lines = new UsageLineChart(m_charts);
    m_donut = new UsageDonutChart(m_charts);
    m_charts->addWidget(m_bars);
    m_charts->addWidget(m_lines);
    m_charts->addWidget(m_donut);
    m_bars->setModel(m_controller->seriesModel());
    m_lines->setModel(m_controller->seriesModel());
    m_donut->setModel(m_controller->breakdownModel());
    m_charts->setMinimumHeight(220);
    m_outlookChart = new UsageOutlookChart(this);
    m_outlookChart->hide();
    setStretchFactor(0, 2);
    setStretchFactor(1, 1);
    setSizes({900, 440});
    connect(m_controller, &models::UsageController::costChanged, this, &UsageChartArea::updateOutlookChart);
    connect(m_controller, &models::UsageController::drillChanged, this, &UsageChartArea::updateOutlookChart);
    for (UsageChart *chart : {static_cast<UsageChart *>(m_bars), static_cast<UsageChart *>(m_lines),
                              static_cast<UsageChart *>(m_donut)})
        connect(chart, &UsageChart::groupActivated, this, &UsageChartArea::groupActivated);
}

void UsageChartArea::showChart(int index)
{
    m_charts->setCurrentIndex(index);
}

UsageChart *UsageChartArea::currentChart() const
{
    return qobject_cast<UsageChart *>(m_charts->currentWidget());
}

void UsageChartArea::updateOutlookChart()
{
    const models::CostOutlook &outlook = m_controller->outlook();
    // The line is the budget of what the outlook covers: the organization's,
    // or a product family's when the view is drilled into one.
    models::Budget budget = m_controller->budget();
    QStringList families;
    for (const models::UsageFilter &f : m_controller->query().filters)
        if (f.dimension == models::UsageDimension::ProductFamily)
            families << f.label;
    if (!m_controller->query().filters.isEmpty()) {
        const double family = families.size() == 1 ? budget.family.value(families.constFirst()) : 0.0;
        budget = {};
        budget.monthly = m_controller->query().filters.size() == 1 ? family : 0.0;
    }
    m_outlookChart->setOutlook(outlook, budget);
    m_outlookChart->setVisible(outlook.valid);
}

} // namespace ui
