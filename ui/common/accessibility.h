#pragma once
// Shared pieces of the accessibility rules (docs/ACCESSIBILITY.md): telling
// assistive technology that a live text changed, naming widgets in bulk, and
// the "Show as table" alternative every chart offers with the same numbers.

#include <QString>
#include <QStringList>

#include <functional>

class QAction;
class QWidget;

namespace ui {

// A chart's numbers as a table: one row per row header, one cell per column.
struct ChartTable
{
    QString title;
    QStringList columns; // the first names the row headers' column
    QStringList rows;
    QList<QStringList> cells; // cells[row][column - 1]
    bool isEmpty() const { return rows.isEmpty(); }
};

// Tells assistive technology that `widget`'s text changed (a live region: the
// message banner, a progress or status line). Sends NameChanged, and Alert
// when `alert` (errors and warnings are read out at once).
void announce(QWidget *widget, bool alert = false);

// Sets name and, when not empty, description in one call.
void setAccessible(QWidget *widget, const QString &name, const QString &description = {});

// Adds "Show as table" (Ctrl+Shift+T while the chart has focus, and its
// context menu) to a chart: a dialog with `table()`'s numbers in a table view
// whose headers the screen reader reads. Returns the action.
QAction *addShowAsTable(QWidget *chart, std::function<ChartTable()> table);
// Opens the table dialog for `table` (non-modal, deleted on close).
QWidget *showChartTable(QWidget *parent, const ChartTable &table);

// Draws the keyboard focus of a custom-painted widget: a 2 px frame in the
// palette's highlight colour around `rect` (inside the widget).
class FocusFrame
{
public:
    static void paint(QWidget *widget);
};

} // namespace ui
