#pragma once
// The audit table's menus: the header's (per-column value filter, clear it,
// show or hide columns, reset; it also sets the default widths) with the
// value filter popup under a section, and a cell's (filter to or exclude its
// value, copy the cell, the row or the entry's JSON).

#include <QObject>

class QMenu;
class QModelIndex;
class QPoint;
class QWidget;
class QTableView;

namespace models {
class AuditTableModel;
}

namespace ui {

class AuditTableMenus : public QObject
{
    Q_OBJECT
public:
    // Sets the header of table up; model is the table's model.
    AuditTableMenus(QTableView *table, models::AuditTableModel *model);

    // The popup listing the column's values with their counts.
    void openValueFilter(int column);
    void copyCell(const QModelIndex &index) const;
    // The row's shown columns in their order, tab separated.
    void copyRow(const QModelIndex &index) const;
    // The menu of a cell (owned by parent); showing it is the caller's.
    QMenu *buildCellMenu(const QModelIndex &index, QWidget *parent);

Q_SIGNALS:
    void filterRequested(const QModelIndex &index, bool exclude);
    void copyJsonRequested(const QModelIndex &index);

private:
    void showHeaderMenu(const QPoint &pos);
    void showCellMenu(const QPoint &pos);

    QTableView *m_table;
    models::AuditTableModel *m_model;
};

} // namespace ui
