#include "ui/usage/usagelinechart.h"

#include "models/usage/usageseriesmodel.h"
#include "ui/usage/usagedayaxis.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace ui {

UsageLineChart::UsageLineChart(QWidget *parent) : UsageChart(parent)
{
    setObjectName(QStringLiteral("usageLineChart"));
    setAccessibleName(tr("Usage as lines"));
}

const models::UsageAggregate *UsageLineChart::shownAggregate() const
{
    return m_model ? &m_model->aggregate() : nullptr;
}

void UsageLineChart::setModel(models::UsageSeriesModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model)
        connect(m_model, &QAbstractItemModel::modelReset, this, &UsageLineChart::scheduleRebuild);
    scheduleRebuild();
}

int UsageLineChart::nearestBucket(qreal msecs) const
{
    if (!m_model)
        return -1;
    const models::UsageAggregate &a = m_model->aggregate();
    int best = -1;
    qreal bestDistance = 0;
    for (int b = 0; b < a.bucketCount(); ++b) {
        const qreal d =
            std::abs(usagedayaxis::position(models::UsageSeriesModel::bucketMSecs(a.bucketStart(b))) - msecs);
        if (best < 0 || d < bestDistance) {
            best = b;
            bestDistance = d;
        }
    }
    return best;
}

QString UsageLineChart::toolTipFor(int group, int bucket) const
{
    if (!m_model)
        return {};
    return valueToolTip(m_model->aggregate(), group, bucket);
}

void UsageLineChart::rebuild()
{
    QChart *c = chart();
    clearChart();
    setLegend({});
    m_lines = 0;
    if (!m_model)
        return;
    const models::UsageAggregate &a = m_model->aggregate();
    const int buckets = a.bucketCount();
    if (a.groupCount() == 0 || buckets == 0)
        return;

    auto *xAxis = new QDateTimeAxis;
    xAxis->setFormat(a.granularity() == models::UsageGranularity::Month ? QStringLiteral("yyyy-MM")
                                                                        : QStringLiteral("MMM d"));
    xAxis->setTickCount(std::clamp(buckets, 2, 8));
    const qint64 first = models::UsageSeriesModel::bucketMSecs(a.bucketStart(0));
    const qint64 last = models::UsageSeriesModel::bucketMSecs(a.bucketStart(buckets - 1));
    usagedayaxis::setUtcRange(xAxis, first, std::max(last, first + 86400000), a.granularity());
    xAxis->setLabelsAngle(-45);
    c->addAxis(xAxis, Qt::AlignBottom);
    auto *yAxis = new QValueAxis;
    yAxis->setLabelFormat(QStringLiteral("%.6g"));
    c->addAxis(yAxis, Qt::AlignLeft);

    double top = 0;
    double bottom = 0;
    QList<QList<QPointF>> all;
    for (int g = 0; g < a.groupCount(); ++g) {
        all.append(m_model->points(g));
        for (const QPointF &p : std::as_const(all.last())) {
            top = std::max(top, p.y());
            bottom = std::min(bottom, p.y());
        }
    }
    const double scale = axisScale(std::max(top, -bottom));
    for (int g = 0; g < a.groupCount(); ++g) {
        auto *line = new QLineSeries;
        line->setName(a.group(g).label);
        line->setColor(seriesColor(g, a.group(g).isOther));
        QList<QPointF> points = all.at(g);
        for (QPointF &p : points)
            p = QPointF(usagedayaxis::position(qint64(p.x())), p.y() / scale);
        line->replace(points);
        // Single buckets would be invisible as a line.
        line->setPointsVisible(buckets <= 40);
        // Partial weeks and months: a faint, larger point.
        for (int b = 0; b < buckets; ++b)
            if (a.bucketPartial(b))
                line->setPointConfiguration(b, {{QXYSeries::PointConfiguration::Color, faint(line->color())},
                                                {QXYSeries::PointConfiguration::Size, 9.0},
                                                {QXYSeries::PointConfiguration::Visibility, true}});
        connect(line, &QLineSeries::hovered, this, [this, g](const QPointF &point, bool state) {
            showToolTip(state ? toolTipFor(g, nearestBucket(point.x())) : QString());
        });
        connect(line, &QLineSeries::clicked, this, [this, g](const QPointF &) { activateGroup(g); });
        c->addSeries(line);
        line->attachAxis(xAxis);
        line->attachAxis(yAxis);
    }
    yAxis->setRange(bottom / scale, top > bottom ? top * 1.05 / scale : bottom / scale + 1);
    yAxis->applyNiceNumbers();
    QString title = a.unit();
    if (scale > 1)
        title = title.isEmpty() ? scaleName(scale)
                                : scaleName(scale) + QStringLiteral(" (") + title + QLatin1Char(')');
    yAxis->setTitleText(title);
    setGroupLegend(a, partialNote(a, tr("Faint points")));
    m_lines = a.groupCount();
}

} // namespace ui
