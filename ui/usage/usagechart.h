#pragma once
// Base of the usage page's chart widgets. Each concrete chart kind (stacked
// bars, lines, donut) is the only code that touches Qt Charts for that kind;
// the base holds the view, follows the light/dark palette and renders the
// chart to PNG or SVG. Clicking a segment emits groupActivated() with the
// aggregate's group index so the page can drill down.

#include <QColor>
#include <QDate>
#include <QWidget>

namespace models {
class UsageAggregate;
}

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace ui {

class UsageChart : public QWidget
{
    Q_OBJECT
public:
    explicit UsageChart(QWidget *parent = nullptr);

    // Writes the chart as PNG (or any raster format Qt knows) or SVG, chosen
    // by the file suffix. False when the file cannot be written.
    bool exportImage(const QString &path, const QString &title = {}) const;
    // Number of segments/series currently drawn (for tests and empty states).
    virtual int seriesCount() const = 0;
    // Does what a click on a segment of `group` does (tests go through here).
    void activateGroup(int group);
    // Text of the tooltip the chart would show when hovering that segment.
    virtual QString toolTipFor(int group, int bucket) const = 0;

Q_SIGNALS:
    void groupActivated(int group);

protected:
    QChart *chart() const { return m_chart; }
    // Rebuilds the series from the model; called on every model reset.
    virtual void rebuild() = 0;
    void scheduleRebuild();
    // Follows the widget palette: light or dark chart theme, page background,
    // readable axis and legend text. True when the theme changed (series
    // colours then have to be set again).
    bool applyPalette();
    // Distinct colours for up to ten series, then repeating; "Other" is grey.
    QColor seriesColor(int index, bool isOther) const;
    void showToolTip(const QString &text);
    // Axis values above a thousand are drawn divided by a power of 1000 so
    // that labels read "8" with "billions" in the title instead of "8e+09".
    static double axisScale(double largest);
    // Hover text of one bar or point: group, period, value and unit.
    static QString valueToolTip(const models::UsageAggregate &aggregate, int group, int bucket);
    // Removes every series and axis before a rebuild.
    void clearChart();
    static QString scaleName(double scale);
    // Short bucket label for a category axis ("Oct 25", "W47", "Nov 2026").
    static QString shortBucketLabel(QDate start, int granularity);
    void changeEvent(QEvent *event) override;

private:
    QChartView *m_view;
    QChart *m_chart;
    bool m_rebuildPending = false;
};

} // namespace ui
