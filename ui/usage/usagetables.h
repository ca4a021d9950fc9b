#pragma once
// The Usage page's tables beside the anomalies: the Pivot tab (the groups
// with the previous period; activating one asks to drill into it) and the
// Records tab (every record in view, every column, with a filter). Both are
// views of the controller's models; the user's pivot sort survives a new
// aggregate by column kind, since the columns change with the query.

#include <QTabWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace models {
class AppSettings;
class UsageController;
} // namespace models

namespace ui {

class UsagePivotView;

class UsageTables : public QTabWidget
{
    Q_OBJECT
public:
    explicit UsageTables(models::UsageController *controller, QWidget *parent = nullptr);

    UsagePivotView *pivotView() const { return m_pivotView; }
    QTableView *recordsView() const { return m_recordsView; }
    QLineEdit *recordsFilter() const { return m_recordsFilter; }
    QLabel *recordsCount() const { return m_recordsCount; }
    void showRecords(bool records); // the Records tab (true) or the pivot

    // After a new aggregate: the user's sort again, widths and frozen columns fitted.
    void refreshPivot();

    // The tab shown and the pivot sort, under usage/ in the settings.
    void saveViewState(models::AppSettings &settings) const;
    void restoreViewState(const models::AppSettings &settings);

Q_SIGNALS:
    void groupActivated(int group); // a pivot row, by its aggregate group index

private:
    void resortPivot();

    models::UsageController *m_controller;
    UsagePivotView *m_pivotView;
    QTableView *m_recordsView;
    QLineEdit *m_recordsFilter;
    QLabel *m_recordsCount;
    int m_pivotSortKind = -1; // models::UsagePivotModel::ColumnKind of the user's sort
    Qt::SortOrder m_pivotSortOrder = Qt::DescendingOrder;
};

} // namespace ui
