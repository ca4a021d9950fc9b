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
    setAccessibleName(tr("Usage shares as a donut"));
}

const models::UsageAggregate *UsageDonutChart::shownAggregate() const
{
    return m_model ? &m_model->aggregate() : nullptr;
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
        const models::UsageAggregate &a = m_model->aggregate();
        const QLocale locale;
        const QString period = tr("%1 – %2").arg(locale.toString(a.range().firstDate(), QLocale::ShortFormat),
                                                 locale.toString(a.range().lastDate(), QLocale::ShortFormat));
        const double v = m_model->index(row, models::UsageBreakdownModel::ValueColumn).data().toDouble();
        QString text = label.data().toString() + QStringLiteral("\n") + period + QStringLiteral(": ") +
                       locale.toString(v, 'f', 2);
        if (group >= 0 && group < a.groupCount() && !a.group(group).unit.isEmpty())
            text += QLatin1Char(' ') + a.group(group).unit;
        return text + QStringLiteral(" (") + locale.toString(m_model->share(row), 'f', 1) +
               QStringLiteral(" %)");
    }
    return {};
}

void UsageDonutChart::rebuild()
{
    QChart *c = chart();
    clearChart();
    setLegend({});
    m_slices = 0;
    if (!m_model)
        return;
    QStringList labels;
    for (int row = 0; row < m_model->rowCount(); ++row)
        labels << m_model->index(row, models::UsageBreakdownModel::LabelColumn).data().toString();
    QString shared;
    const QStringList shortened = shortLabels(labels, &shared);
    QList<LegendEntry> entries;
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
        // The share in the legend under the chart, which wraps instead of cutting it.
        const QString share = QLocale().toString(m_model->share(row), 'f', 1) + QStringLiteral(" %");
        auto *slice = series->append(label.data().toString() + QStringLiteral(" ") + share, v);
        slice->setColor(seriesColor(m_slices, label.data(models::UsageBreakdownModel::IsOtherRole).toBool()));
        entries.append({slice->color(), shortened.at(row) + QStringLiteral(" ") + share,
                        labels.at(row) + QStringLiteral(" ") + share});
        slice->setBorderColor(palette().color(QPalette::Base));
        connect(slice, &QPieSlice::hovered, this, [this, slice, group](bool state) {
            slice->setExploded(state);
            showToolTip(state ? toolTipFor(group) : QString());
        });
        connect(slice, &QPieSlice::clicked, this, [this, group] { activateGroup(group); });
        ++m_slices;
    }
    c->addSeries(series);
    setLegend(entries, shared);
}

} // namespace ui
