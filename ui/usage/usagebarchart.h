#pragma once
// Stacked bars over time: one bar per time bucket, one stacked set per group
// of a UsageSeriesModel. Hovering a segment shows its exact value, clicking
// it activates the group.

#include "ui/usage/usagechart.h"

#include <QPointer>

namespace models {
class UsageSeriesModel;
}

namespace ui {

class UsageBarChart : public UsageChart
{
    Q_OBJECT
public:
    explicit UsageBarChart(QWidget *parent = nullptr);

    void setModel(models::UsageSeriesModel *model);
    int seriesCount() const override { return m_sets; }
    QString toolTipFor(int group, int bucket) const override;

protected:
    const models::UsageAggregate *shownAggregate() const override;
    void rebuild() override;

private:
    QPointer<models::UsageSeriesModel> m_model;
    int m_sets = 0;
};

} // namespace ui
