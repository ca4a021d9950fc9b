#pragma once
// Donut of the breakdown: one slice per group of a UsageBreakdownModel with
// its share of the range's total. Hovering a slice shows the value and
// share; clicking it activates the group.

#include "ui/usage/usagechart.h"

#include <QPointer>

namespace models {
class UsageBreakdownModel;
}

namespace ui {

class UsageDonutChart : public UsageChart
{
    Q_OBJECT
public:
    explicit UsageDonutChart(QWidget *parent = nullptr);

    void setModel(models::UsageBreakdownModel *model);
    int seriesCount() const override { return m_slices; }
    // bucket is ignored: a slice covers the whole range.
    QString toolTipFor(int group, int bucket = -1) const override;

protected:
    const models::UsageAggregate *shownAggregate() const override;
    bool drawsPeriods() const override { return false; }
    void rebuild() override;

private:
    QPointer<models::UsageBreakdownModel> m_model;
    int m_slices = 0;
};

} // namespace ui
