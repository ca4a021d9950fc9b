#include "ui/common/accessibility.h"

#include <QAccessible>
#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

void announce(QWidget *widget, bool alert)
{
    if (!widget)
        return;
    QAccessibleEvent changed(widget, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&changed);
    if (alert) {
        QAccessibleEvent event(widget, QAccessible::Alert);
        QAccessible::updateAccessibility(&event);
    }
}

void setAccessible(QWidget *widget, const QString &name, const QString &description)
{
    widget->setAccessibleName(name);
    if (!description.isEmpty())
        widget->setAccessibleDescription(description);
}

QAction *addShowAsTable(QWidget *chart, std::function<ChartTable()> table)
{
    auto *action = new QAction(QCoreApplication::translate("ui::Accessibility", "Show as &table"), chart);
    action->setObjectName(QStringLiteral("actionShowAsTable"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(QCoreApplication::translate("ui::Accessibility", "The chart's numbers in a table"));
    chart->addAction(action);
    chart->setContextMenuPolicy(Qt::ActionsContextMenu);
    QObject::connect(action, &QAction::triggered, chart, [chart, table = std::move(table)] {
        showChartTable(chart, table());
    });
    return action;
}

QWidget *showChartTable(QWidget *parent, const ChartTable &table)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("chartTableDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(table.title);
    auto *layout = new QVBoxLayout(dialog);
    auto *view = new QTableWidget(int(table.rows.size()), int(table.columns.size()), dialog);
    view->setObjectName(QStringLiteral("chartTable"));
    view->setAccessibleName(table.title);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setHorizontalHeaderLabels(table.columns);
    view->verticalHeader()->hide();
    for (int r = 0; r < table.rows.size(); ++r) {
        view->setItem(r, 0, new QTableWidgetItem(table.rows.at(r)));
        const QStringList &cells = table.cells.value(r);
        for (int c = 0; c < cells.size() && c + 1 < table.columns.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            view->setItem(r, c + 1, item);
        }
    }
    view->resizeColumnsToContents();
    if (table.isEmpty()) {
        auto *empty = new QLabel(QCoreApplication::translate("ui::Accessibility", "The chart shows nothing yet."), dialog);
        layout->addWidget(empty);
    }
    layout->addWidget(view, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(720, 480);
    dialog->show();
    view->setFocus();
    if (view->rowCount() > 0)
        view->setCurrentCell(0, 0);
    return dialog;
}

void FocusFrame::paint(QWidget *widget)
{
    if (!widget->hasFocus())
        return;
    QPainter p(widget);
    QPen pen(widget->palette().color(QPalette::Highlight), 2);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawRect(widget->rect().adjusted(1, 1, -1, -1));
}

} // namespace ui
