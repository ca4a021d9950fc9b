#include "ui/views/savedviewsshell.h"

#include "ui/audit/auditlogpage.h"
#include "ui/shell/mainwindow.h"
#include "ui/usage/usagepage.h"
#include "ui/views/savedviewscontroller.h"
#include "ui/views/savedviewslist.h"
#include "ui/views/savedviewsmenu.h"

namespace ui {

SavedViewsController *installSavedViews(MainWindow *window, models::SavedViewStore *store)
{
    AuditLogPage *audit = nullptr;
    UsagePage *usage = nullptr;
    for (Page *p : window->pages()) {
        if (auto *a = qobject_cast<AuditLogPage *>(p))
            audit = a;
        if (auto *u = qobject_cast<UsagePage *>(p))
            usage = u;
    }
    auto *controller = new SavedViewsController(store, window->navigator(), audit, usage, window, window);
    window->addMenuBeforeHelp(new SavedViewsMenu(controller, window));
    window->addNavigationWidget(new SavedViewsList(controller, window));
    return controller;
}

} // namespace ui
