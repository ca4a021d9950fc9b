#pragma once
// Puts saved views into the main window: the Views menu (before Help) and
// the list under the page list, bound to the Audit log and Usage pages the
// window holds. Returns the controller (owned by the window).

namespace models {
class SavedViewStore;
}

namespace ui {

class MainWindow;
class SavedViewsController;

SavedViewsController *installSavedViews(MainWindow *window, models::SavedViewStore *store);

} // namespace ui
