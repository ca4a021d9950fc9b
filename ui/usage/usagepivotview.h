#pragma once
// The Usage page's pivot table with its group column(s) frozen: a second
// view over the same model and selection shows only the label columns and
// stays put while the figures scroll sideways under it, so a row's name is
// always in sight.

#include <QTableView>

namespace ui {

class UsagePivotView : public QTableView
{
    Q_OBJECT
public:
    explicit UsagePivotView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    // The first `count` columns stay in place (the pivot's label columns).
    void setFrozenColumns(int count);
    int frozenColumns() const { return m_columns; }
    QTableView *frozenView() const { return m_frozen; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    void updateGeometries() override;

private:
    void syncColumns();
    void placeFrozen();

    QTableView *m_frozen;
    int m_columns = 1;
};

} // namespace ui
