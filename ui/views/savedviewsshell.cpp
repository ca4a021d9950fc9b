#include "ui/views/savedviewsshell.h"

#include "ui/audit/auditlogpage.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigator.h"
#include "ui/usage/usagepage.h"
#include "ui/views/savedviewscontroller.h"
#include "ui/views/savedviewslist.h"
#include "ui/views/savedviewsmenu.h"
#include "ui/watch/watchpage.h"

#include "models/views/savedviewstore.h"
#include "models/watch/watchfromview.h"

#include <QAction>

namespace ui {

namespace {
// The window's page of type P, built now if it was not yet (null if it has none).
template <typename P> P *pageOf(MainWindow *window, PageId id)
{
    return qobject_cast<P *>(window->page(window->pageIndex(Navigator::pageName(id))));
}
} // namespace

SavedViewsController *installSavedViews(MainWindow *window, models::SavedViewStore *store)
{
    auto *controller = new SavedViewsController(
        store, window->navigator(), [window] { return pageOf<AuditLogPage>(window, PageId::Audit); },
        [window] { return pageOf<UsagePage>(window, PageId::Usage); }, window, window);
    auto *menu = new SavedViewsMenu(controller, window);
    window->addMenuBeforeHelp(menu);
    if (window->pageIndex(Navigator::pageName(PageId::Watch)) >= 0) {
        // Any saved audit view can be watched: its filters become a new rule.
        menu->addSeparator();
        QAction *watchView = menu->addAction(SavedViewsMenu::tr("&Watch Current View…"));
        watchView->setObjectName(QStringLiteral("actionWatchView"));
        const auto update = [controller, store, watchView] {
            const auto view = store->view(controller->currentViewId());
            watchView->setEnabled(view && view->kind == models::SavedView::Kind::Audit);
        };
        QObject::connect(menu, &QMenu::aboutToShow, watchView, update);
        update();
        QObject::connect(watchView, &QAction::triggered, window, [controller, store, window] {
            const auto view = store->view(controller->currentViewId());
            auto *watch = pageOf<WatchPage>(window, PageId::Watch);
            if (!view || view->kind != models::SavedView::Kind::Audit || !watch)
                return;
            window->navigator()->showPage(PageId::Watch);
            watch->newRuleFromView(view->name, models::watchQueryFromView(view->audit));
        });
    }
    window->addNavigationWidget(new SavedViewsList(controller, window));
    return controller;
}

} // namespace ui
