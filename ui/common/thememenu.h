#pragma once
// View › Theme: System, Light, Dark, High contrast. The choice is remembered
// in the settings (view/theme); --palette on the command line wins for the
// session it starts.

class QMenu;

namespace models {
class AppSettings;
}

namespace ui {

QMenu *addThemeMenu(QMenu *viewMenu, models::AppSettings *settings);

} // namespace ui
