#pragma once
// This month's cost as running totals: the month to date (solid), the
// forecast to month end (dashed) with its band (shaded), and the monthly
// budget (a horizontal line). Fed from the controller's CostOutlook; the
// forecast method is written under the chart.

#include "models/cost/costforecast.h"
#include "models/cost/costoutlook.h"
#include "ui/usage/usagechart.h"

class QLabel;

namespace ui {

class UsageOutlookChart : public UsageChart
{
    Q_OBJECT
public:
    // The lines drawn, in this order (toolTipFor's `group`).
    enum Line { MonthToDate, Forecast, Band, BudgetLine };
    Q_ENUM(Line)

    explicit UsageOutlookChart(QWidget *parent = nullptr);

    void setOutlook(const models::CostOutlook &outlook, const models::Budget &budget);
    bool hasOutlook() const { return m_outlook.valid; }
    bool hasBudgetLine() const;
    // Legend names of the lines drawn.
    QStringList lineNames() const;
    // The sentence under the chart: how the forecast is computed.
    QString methodText() const;
    // Where the running total or the forecast meets the budget, or empty
    // without a budget (the note under the legend).
    QString budgetNote() const;

    int seriesCount() const override;
    // `bucket` is the day of the month counted from 0.
    QString toolTipFor(int line, int bucket) const override;
    // One row per day: running total to date, forecast and its band.
    ChartTable table() const override;

protected:
    void rebuild() override;
    void updateAccessibleText() override;

private:
    QString lineName(Line line) const;
    QString money(double amount) const;

    models::CostOutlook m_outlook;
    models::Budget m_budget;
    models::ForecastCurve m_curve;
    QStringList m_drawn;
    QLabel *m_method;
};

} // namespace ui
