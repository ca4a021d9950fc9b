#pragma once
// Shared pieces of the accessibility rules (docs/ACCESSIBILITY.md): telling
// assistive technology that a live text changed, naming widgets in bulk, and
// the "Show as table" alternative every chart offers with the same numbers.

#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>

#include <functional>

class QAction;
class QToolBar;
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

// Observes every announce() (tests: QAccessible drops its events while no
// assistive technology is active, as under the offscreen platform).
using AnnouncementObserver = std::function<void(QWidget *widget, bool alert)>;
void setAnnouncementObserver(AnnouncementObserver observer);

// Once per application (MainWindow installs it): a widget without an
// accessible name gets one when it is first polished, the way the web's
// accessible-name computation falls back: the QFormLayout label of its row or
// a label whose buddy it is, else its tooltip, else its placeholder text.
void installAccessibleNameFallbacks();
// The name that fallback would give `widget` (empty when none).
QString fallbackAccessibleName(const QWidget *widget);

// Keeps the tab order of `root` in reading order each time it is shown:
// along the chain, a widget never follows one below it in its column or one
// right of it in its row; otherwise the chain keeps its order.
void keepReadingTabOrder(QWidget *root);
void applyReadingTabOrder(QWidget *root);
// The focusable, visible widgets under root in tab-chain order.
QList<QWidget *> tabChain(QWidget *root);
// Whether reading order puts `a` before `b` (rectangles in one coordinate system).
bool readsBefore(const QRect &a, const QRect &b);

// QToolBar's buttons take no keyboard focus by default: gives the ones it
// holds Tab focus, so a toolbar is in its page's tab chain.
void makeToolBarTabbable(QToolBar *bar);

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
