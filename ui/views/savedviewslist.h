#pragma once
// The saved views under the page list in the navigation: activate to reopen,
// a context menu to rename, duplicate, delete, make available for every
// organization or export one.

#include <QWidget>

class QLabel;
class QListView;

namespace ui {

class SavedViewsController;

class SavedViewsList : public QWidget
{
    Q_OBJECT
public:
    explicit SavedViewsList(SavedViewsController *controller, QWidget *parent = nullptr);

    QListView *view() const { return m_list; }
    // The context menu of the view in `row` (tests open it without a mouse).
    QMenu *contextMenuFor(int row);

private:
    void updateHint();

    SavedViewsController *m_controller;
    QLabel *m_title;
    QListView *m_list;
    QLabel *m_hint;
};

} // namespace ui
