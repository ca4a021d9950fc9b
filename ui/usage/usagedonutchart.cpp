#include "ui/usage/usagedonutchart.h"

#include "models/usage/usagebreakdownmodel.h"

#include <QChart>
#include <QLegend>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>

namespace ui {

UsageDonutChart::UsageDonutChart(QWidget *parent) : UsageChart(parent)
{
    setObjectName(QStringLiteral("usageDonutChart"));
    chart()->legend()->setAlignment(Qt::AlignRight);
}

void UsageDonutChart::setModel(models::UsageBreakdownModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model)
        connect(m_model, &QAbstractItemModel::modelReset, this, &UsageDonutChart::scheduleRebuild);
    scheduleRebuild();
}

QString UsageDonutChart::toolTipFor(int group, int) const
{
    if (!m_model)
        return {};
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex label = m_model->index(row, models::UsageBreakdownModel::LabelColumn);
        if (label.data(models::UsageBreakdownModel::GroupIndexRole).toInt() != group)
            continue;
        const QString value = m_model->index(row, models::UsageBreakdownModel::ValueColumn)
                                  .data(models::UsageBreakdownModel::FormattedRole)
                                  .toString();
        return label.data().toString() + QStringLiteral("\n") + value + QStringLiteral(" (") +
               QLocale().toString(m_model->share(row), 'f', 1) + QStringLiteral(" %)");
    }
    return {};
}

void UsageDonutChart::rebuild()
{
    QChart *c = chart();
    clearChart();
    m_slices = 0;
    if (!m_model)
        return;
    auto *series = new QPieSeries;
    series->setHoleSize(0.45);
    series->setPieSize(0.85);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const double v = m_model->index(row, models::UsageBreakdownModel::ValueColumn).data().toDouble();
        // A share of a negative total (a correction) cannot be drawn.
        if (!(v > 0))
            continue;
        const QModelIndex label = m_model->index(row, models::UsageBreakdownModel::LabelColumn);
        const int group = label.data(models::UsageBreakdownModel::GroupIndexRole).toInt();
        auto *slice =
            series->append(label.data().toString() + QStringLiteral(" ") +
                               QLocale().toString(m_model->share(row), 'f', 1) + QStringLiteral(" %"),
                           v);
        slice->setColor(seriesColor(m_slices, label.data(models::UsageBreakdownModel::IsOtherRole).toBool()));
        slice->setBorderColor(palette().color(QPalette::Base));
        connect(slice, &QPieSlice::hovered, this, [this, slice, group](bool state) {
            slice->setExploded(state);
            showToolTip(state ? toolTipFor(group) : QString());
        });
        connect(slice, &QPieSlice::clicked, this, [this, group] { activateGroup(group); });
        ++m_slices;
    }
    c->addSeries(series);
    c->legend()->setVisible(true);
}

} // namespace ui
