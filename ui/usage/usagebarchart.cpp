#include "ui/usage/usagebarchart.h"

#include "models/usage/usageseriesmodel.h"
#include "ui/usage/usagedayaxis.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QDateTimeAxis>
#include <QLocale>
#include <QStackedBarSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// Category labels must be unique; hidden labels are runs of zero-width spaces
// of distinct lengths so that only every n-th bucket is written out.
QString hiddenLabel(int index)
{
    return QString(index + 1, QChar(0x200B));
}

} // namespace

UsageBarChart::UsageBarChart(QWidget *parent) : UsageChart(parent)
{
    setObjectName(QStringLiteral("usageBarChart"));
    setAccessibleName(tr("Usage as stacked bars"));
}

const models::UsageAggregate *UsageBarChart::shownAggregate() const
{
    return m_model ? &m_model->aggregate() : nullptr;
}

void UsageBarChart::setModel(models::UsageSeriesModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model)
        connect(m_model, &QAbstractItemModel::modelReset, this, &UsageBarChart::scheduleRebuild);
    scheduleRebuild();
}

QString UsageBarChart::toolTipFor(int group, int bucket) const
{
    if (!m_model)
        return {};
    return valueToolTip(m_model->aggregate(), group, bucket);
}

void UsageBarChart::rebuild()
{
    QChart *c = chart();
    clearChart();
    setLegend({});
    m_sets = 0;
    if (!m_model)
        return;
    const models::UsageAggregate &a = m_model->aggregate();
    const int buckets = a.bucketCount();
    if (a.groupCount() == 0 || buckets == 0)
        return;

    double top = 0;
    double bottom = 0;
    std::vector<double> positive(size_t(buckets), 0.0);
    std::vector<double> negative(size_t(buckets), 0.0);
    for (int g = 0; g < a.groupCount(); ++g)
        for (int b = 0; b < buckets; ++b) {
            const double v = a.value(g, b);
            (v >= 0 ? positive : negative)[size_t(b)] += v;
        }
    for (int b = 0; b < buckets; ++b) {
        top = std::max(top, positive[size_t(b)]);
        bottom = std::min(bottom, negative[size_t(b)]);
    }
    const double scale = axisScale(std::max(top, -bottom));

    auto *series = new QStackedBarSeries;
    series->setBarWidth(buckets > 60 ? 0.95 : 0.75);
    for (int g = 0; g < a.groupCount(); ++g) {
        auto *set = new QBarSet(a.group(g).label);
        set->setColor(seriesColor(g, a.group(g).isOther));
        set->setBorderColor(set->color());
        // Partial weeks and months are drawn faint (as "selected" bars).
        set->setSelectedColor(faint(set->color()));
        for (int b = 0; b < buckets; ++b) {
            set->append(a.value(g, b) / scale);
            if (a.bucketPartial(b))
                set->selectBar(b);
        }
        connect(set, &QBarSet::hovered, this, [this, g](bool status, int index) {
            showToolTip(status ? toolTipFor(g, index) : QString());
        });
        connect(set, &QBarSet::clicked, this, [this, g](int) { activateGroup(g); });
        series->append(set);
    }
    c->addSeries(series);

    auto *xAxis = new QBarCategoryAxis;
    QStringList categories;
    categories.reserve(buckets);
    // Qt Charts elides a category label wider than its bar, even rotated, so
    // beyond a couple of dozen bars the dates go on a date axis laid over
    // the categories instead (bar i spans bucket i's days).
    const bool dateAxis = buckets > 24;
    for (int b = 0; b < buckets; ++b)
        categories.append(dateAxis
                              ? hiddenLabel(b)
                              : shortBucketLabel(a.bucketStart(b), a.bucketLast(b), int(a.granularity())));
    xAxis->append(categories);
    xAxis->setLabelsAngle(buckets > 12 && !dateAxis ? -90 : 0);
    xAxis->setLabelsVisible(!dateAxis);
    xAxis->setGridLineVisible(false);
    c->addAxis(xAxis, Qt::AlignBottom);
    series->attachAxis(xAxis);
    if (dateAxis) {
        auto *dates = new QDateTimeAxis;
        const QDate first = a.bucketPeriodStart(0);
        QDate end = a.bucketPeriodStart(buckets - 1);
        switch (a.granularity()) {
        case models::UsageGranularity::Week:
            end = end.addDays(7);
            break;
        case models::UsageGranularity::Month:
            end = end.addMonths(1);
            break;
        default:
            end = end.addDays(1);
            break;
        }
        usagedayaxis::setUtcRange(dates, first.startOfDay(Qt::UTC).toMSecsSinceEpoch(),
                                  end.startOfDay(Qt::UTC).toMSecsSinceEpoch(), a.granularity());
        dates->setFormat(a.granularity() == models::UsageGranularity::Month || buckets > 120
                             ? QStringLiteral("MMM yyyy")
                             : QStringLiteral("MMM d"));
        dates->setTickCount(8);
        dates->setGridLineVisible(false);
        c->addAxis(dates, Qt::AlignBottom);
    }

    auto *yAxis = new QValueAxis;
    yAxis->setRange(bottom / scale, top > bottom ? top * 1.05 / scale : bottom / scale + 1);
    yAxis->applyNiceNumbers();
    yAxis->setLabelFormat(QStringLiteral("%.6g"));
    QString title = a.unit();
    if (scale > 1)
        title = title.isEmpty() ? scaleName(scale)
                                : scaleName(scale) + QStringLiteral(" (") + title + QLatin1Char(')');
    yAxis->setTitleText(title);
    c->addAxis(yAxis, Qt::AlignLeft);
    series->attachAxis(yAxis);
    setGroupLegend(a, partialNote(a, tr("Faint bars")));
    m_sets = a.groupCount();
}

} // namespace ui
