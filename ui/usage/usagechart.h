#pragma once
// Base of the usage page's chart widgets. Each concrete chart kind (stacked
// bars, lines, donut) is the only code that touches Qt Charts for that kind;
// the base holds the view, follows the light/dark palette and renders the
// chart to PNG or SVG. Clicking a segment emits groupActivated() with the
// aggregate's group index so the page can drill down. By keyboard: the arrow
// keys choose a group, Enter drills, Ctrl+Shift+T shows the numbers as a
// table; the accessible description summarises what is drawn.

#include "ui/common/accessibility.h"

#include <QColor>
#include <QDate>
#include <QWidget>

namespace models {
class UsageAggregate;
}

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLabel;
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
    // Title of the value axis: the unit or currency, with its scale.
    QString valueAxisTitle() const;
    // The legend under the chart as shown (entries, and the words they share
    // as its caption), for tests and the accessible description.
    QStringList legendEntries() const { return m_legendEntries; }
    QString legendCaption() const { return m_legendCaption; }
    QString legendNote() const { return m_legendNote; }
    // Labels without the leading words they all share ("Workers Standard
    // requests", "Workers Standard CPU ms" -> "requests", "CPU ms"); the
    // words go to *shared. "Other" takes no part. Nothing is dropped from
    // fewer than two labels or when it would empty one.
    static QStringList shortLabels(const QStringList &labels, QString *shared = nullptr);
    // Short bucket label for a category axis ("Oct 25", "Nov 3–9", "Nov 2026").
    static QString shortBucketLabel(QDate start, QDate last, int granularity);
    // The numbers drawn, one row per group ("Show as table").
    virtual ChartTable table() const;
    // The group the keyboard cursor is on, -1 when none.
    int currentGroup() const { return m_cursor; }

Q_SIGNALS:
    void groupActivated(int group);

protected:
    QChart *chart() const { return m_chart; }
    // The aggregate drawn (keyboard, description, table); null when none.
    virtual const models::UsageAggregate *shownAggregate() const { return nullptr; }
    // Bars and lines draw every period; the donut only each group's total.
    virtual bool drawsPeriods() const { return true; }
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    // Sets the accessible description from what is drawn (after each rebuild).
    virtual void updateAccessibleText();
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
    // The period of a bucket as a reader names it: its label, and for weeks
    // and months its days ("2026-W47, Nov 16–22"), partial ones saying so.
    static QString periodText(const models::UsageAggregate &aggregate, int bucket);
    // The legend of a chart with one entry per group (short labels, shared
    // words as the caption) and the note on partial periods.
    void setGroupLegend(const models::UsageAggregate &aggregate, const QString &partialNote);
    // "Faint: partial periods — …" or empty.
    static QString partialNote(const models::UsageAggregate &aggregate, const QString &how);
    // A colour for a partial period's bar or point.
    static QColor faint(QColor color);
    // Removes every series and axis before a rebuild.
    void clearChart();
    static QString scaleName(double scale);
    struct LegendEntry
    {
        QColor color;
        QString label;
        QString fullLabel; // for the tooltip
    };
    // The legend under the chart: it wraps instead of eliding, so every entry
    // stays readable. An empty list hides it; `note` is a line under it.
    void setLegend(const QList<LegendEntry> &entries, const QString &caption = {}, const QString &note = {});
    void changeEvent(QEvent *event) override;

private:
    void moveCursor(int group);
    void renderLegend();

    QChartView *m_view;
    QList<LegendEntry> m_entries;
    int m_cursor = -1;
    QChart *m_chart;
    QLabel *m_legend;
    QStringList m_legendEntries;
    QString m_legendCaption;
    QString m_legendNote;
    bool m_rebuildPending = false;
};

} // namespace ui
