#pragma once
// The main window's Views menu: Save Current View…, the saved views of the
// organization shown (one action each, the current one checked), then
// rename, duplicate, delete and "every organization" for the current view,
// and export/import of the views file.

#include <QMenu>

namespace ui {

class SavedViewsController;

class SavedViewsMenu : public QMenu
{
    Q_OBJECT
public:
    SavedViewsMenu(SavedViewsController *controller, QWidget *parent = nullptr);

    // The actions that open a view, in menu order.
    QList<QAction *> viewActions() const { return m_viewActions; }

private:
    void rebuild();

    SavedViewsController *m_controller;
    QAction *m_save;
    QAction *m_viewsEnd; // separator after the view actions
    QAction *m_rename;
    QAction *m_duplicate;
    QAction *m_delete;
    QAction *m_allOrganizations;
    QList<QAction *> m_viewActions;
};

} // namespace ui
