#pragma once
// A stacked bar chart drawn with QPainter for a report: vector output in a
// PDF, no Qt Charts (that needs widgets). Categories along the bottom, the
// series stacked in each, a value axis with round ticks, a legend below.

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

class QPainter;
class QRectF;

namespace models {

struct ReportChart
{
    struct Series
    {
        QString name;
        QList<double> values; // one per category; NaN counts as 0
        QColor color;         // invalid: the next colour of the palette
    };

    QStringList categories;
    QList<Series> series;
    // Categories drawn faint (a week or month the range cuts short).
    QList<bool> faint;
    // Text under the value axis' top ("USD", "GB", "entries").
    QString valueLabel;
    // Tick labels; default: the locale's number with as few decimals as the step needs.
    std::function<QString(double)> formatTick;
    // A line one line high under the chart ("Days are UTC days.").
    QString footnote;

    double maxStackedValue() const;
    bool isEmpty() const;

    // The report palette (colour-blind friendly, prints in grey distinguishably).
    static QColor paletteColor(int index);
};

// Paints the chart into rect; fontScale multiplies the report's 7.5 pt axis font.
void paintReportChart(QPainter *painter, const QRectF &rect, const ReportChart &chart);

} // namespace models
