#pragma once
// One line per group of a UsageSeriesModel over a date axis. Hovering a
// point shows its exact value, clicking a line activates the group.

#include "ui/usage/usagechart.h"

#include <QPointer>

namespace models {
class UsageSeriesModel;
}

namespace ui {

class UsageLineChart : public UsageChart
{
    Q_OBJECT
public:
    explicit UsageLineChart(QWidget *parent = nullptr);

    void setModel(models::UsageSeriesModel *model);
    int seriesCount() const override { return m_lines; }
    QString toolTipFor(int group, int bucket) const override;

protected:
    const models::UsageAggregate *shownAggregate() const override;
    void rebuild() override;

private:
    int nearestBucket(qreal msecs) const;

    QPointer<models::UsageSeriesModel> m_model;
    int m_lines = 0;
};

} // namespace ui
