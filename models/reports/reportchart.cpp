#include "models/reports/reportchart.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QRectF>

#include <algorithm>
#include <cmath>

namespace models {

namespace {

double valueOf(const ReportChart::Series &s, int i)
{
    if (i < 0 || i >= s.values.size())
        return 0.0;
    const double v = s.values.at(i);
    return std::isfinite(v) ? v : 0.0;
}

// A step of 1, 2 or 5 times a power of ten giving about `ticks` intervals up to max.
double niceStep(double max, int ticks)
{
    if (!(max > 0))
        return 1.0;
    const double raw = max / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double f : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (raw <= f * magnitude)
            return f * magnitude;
    return 10.0 * magnitude;
}

QString defaultTick(double value, double step)
{
    int decimals = 0;
    while (decimals < 6 &&
           std::abs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    return QLocale().toString(value, 'f', decimals);
}

} // namespace

QColor ReportChart::paletteColor(int index)
{
    static const QRgb colors[] = {0x4E79A7, 0xF28E2B, 0x59A14F, 0xE15759, 0x76B7B2,
                                  0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0xBAB0AC};
    return QColor(colors[std::size_t(index) % std::size(colors)]);
}

double ReportChart::maxStackedValue() const
{
    double max = 0.0;
    for (int i = 0; i < categories.size(); ++i) {
        double sum = 0.0;
        for (const Series &s : series)
            sum += std::max(0.0, valueOf(s, i));
        max = std::max(max, sum);
    }
    return max;
}

bool ReportChart::isEmpty() const
{
    return categories.isEmpty() || series.isEmpty();
}

void paintReportChart(QPainter *p, const QRectF &rect, const ReportChart &chart)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const double mm = p->device()->logicalDpiY() / 25.4;
    QFont font = p->font();
    font.setPointSizeF(7.5);
    font.setBold(false);
    p->setFont(font);
    const QFontMetricsF fm(font, p->device());
    const QColor text(0x33, 0x33, 0x33);
    const QColor grid(0xDD, 0xDD, 0xDD);
    const QColor axis(0x88, 0x88, 0x88);

    // Legend rows from the bottom up: swatch, name, gap; wrapped to the width.
    QList<QList<int>> legendRows;
    {
        double x = 0;
        legendRows.append(QList<int>());
        for (int i = 0; i < chart.series.size(); ++i) {
            const double w = 3 * mm + fm.horizontalAdvance(chart.series.at(i).name) + 5 * mm;
            if (x > 0 && x + w > rect.width()) {
                legendRows.append(QList<int>());
                x = 0;
            }
            legendRows.last().append(i);
            x += w;
        }
    }
    const double line = fm.height();
    const double legendHeight = chart.series.size() > 1 ? legendRows.size() * line * 1.25 + 2 * mm : 0;
    const double footHeight = chart.footnote.isEmpty() ? 0 : line * 1.4;

    const double maxValue = chart.maxStackedValue();
    const double step = niceStep(maxValue, 4);
    const double top = std::max(step, std::ceil(maxValue / step - 1e-9) * step);
    const auto tick = [&](double v) { return chart.formatTick ? chart.formatTick(v) : defaultTick(v, step); };
    double labelWidth = 0;
    for (double v = 0; v <= top + step / 2; v += step)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(tick(v)));
    const double valueLabelHeight = chart.valueLabel.isEmpty() ? 0 : line * 1.3;

    QRectF plot = rect.adjusted(labelWidth + 2 * mm, valueLabelHeight + line / 2, -1 * mm,
                                -(line * 1.6 + legendHeight + footHeight));
    if (plot.width() <= 0 || plot.height() <= 0) {
        p->restore();
        return;
    }

    // Value axis: grid lines and labels.
    if (!chart.valueLabel.isEmpty()) {
        p->setPen(axis);
        p->drawText(QRectF(rect.left(), rect.top(), rect.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                    chart.valueLabel);
    }
    for (double v = 0; v <= top + step / 2; v += step) {
        const double y = plot.bottom() - v / top * plot.height();
        p->setPen(QPen(v == 0 ? axis : grid, 0.2 * mm));
        p->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p->setPen(text);
        p->drawText(QRectF(rect.left(), y - line / 2, labelWidth, line), Qt::AlignRight | Qt::AlignVCenter,
                    tick(v));
    }

    // Bars.
    const int n = int(chart.categories.size());
    const double slot = n > 0 ? plot.width() / n : plot.width();
    const double barWidth = std::max(slot * 0.72, std::min(slot, 0.3 * mm));
    for (int i = 0; i < n; ++i) {
        const bool faint = i < chart.faint.size() && chart.faint.at(i);
        double base = 0.0;
        for (int s = 0; s < chart.series.size(); ++s) {
            const double v = std::max(0.0, valueOf(chart.series.at(s), i));
            if (v <= 0)
                continue;
            QColor c =
                chart.series.at(s).color.isValid() ? chart.series.at(s).color : ReportChart::paletteColor(s);
            if (faint)
                c.setAlphaF(0.45);
            const double y0 = plot.bottom() - base / top * plot.height();
            const double y1 = plot.bottom() - (base + v) / top * plot.height();
            p->fillRect(QRectF(plot.left() + i * slot + (slot - barWidth) / 2, y1, barWidth, y0 - y1), c);
            base += v;
        }
    }

    // Category labels: as many as fit without touching.
    double widest = 0;
    for (const QString &c : chart.categories)
        widest = std::max(widest, fm.horizontalAdvance(c));
    int every = 1;
    while (every < n && widest + 2 * mm > slot * every)
        ++every;
    p->setPen(text);
    for (int i = 0; i < n; i += every) {
        const double cx = plot.left() + i * slot + slot / 2;
        const double w = widest + 2 * mm;
        QRectF r(cx - w / 2, plot.bottom() + line * 0.3, w, line);
        if (r.left() < rect.left())
            r.moveLeft(rect.left());
        if (r.right() > rect.right())
            r.moveRight(rect.right());
        p->drawText(r, Qt::AlignHCenter | Qt::AlignTop, chart.categories.at(i));
    }

    // Legend.
    if (chart.series.size() > 1) {
        double y = plot.bottom() + line * 1.6 + 2 * mm;
        for (const QList<int> &row : std::as_const(legendRows)) {
            double x = rect.left() + plot.left() - rect.left();
            for (const int s : row) {
                const QColor c = chart.series.at(s).color.isValid() ? chart.series.at(s).color
                                                                    : ReportChart::paletteColor(s);
                p->fillRect(QRectF(x, y + (line - 2.2 * mm) / 2, 2.2 * mm, 2.2 * mm), c);
                x += 3 * mm;
                p->setPen(text);
                const QString name = chart.series.at(s).name;
                p->drawText(QRectF(x, y, fm.horizontalAdvance(name) + 1, line),
                            Qt::AlignLeft | Qt::AlignVCenter, name);
                x += fm.horizontalAdvance(name) + 5 * mm;
            }
            y += line * 1.25;
        }
    }
    if (!chart.footnote.isEmpty()) {
        p->setPen(axis);
        p->drawText(QRectF(plot.left(), rect.bottom() - line, rect.right() - plot.left(), line),
                    Qt::AlignLeft | Qt::AlignVCenter, chart.footnote);
    }
    p->restore();
}

} // namespace models
