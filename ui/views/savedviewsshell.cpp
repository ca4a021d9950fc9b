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

SavedViewsController *installSavedViews(MainWindow *window, models::SavedViewStore *store)
{
    AuditLogPage *audit = nullptr;
    UsagePage *usage = nullptr;
    WatchPage *watch = nullptr;
    for (Page *p : window->pages()) {
        if (auto *w = qobject_cast<WatchPage *>(p))
            watch = w;
        if (auto *a = qobject_cast<AuditLogPage *>(p))
            audit = a;
        if (auto *u = qobject_cast<UsagePage *>(p))
            usage = u;
    }
    auto *controller = new SavedViewsController(store, window->navigator(), audit, usage, window, window);
    auto *menu = new SavedViewsMenu(controller, window);
    window->addMenuBeforeHelp(menu);
    if (watch) {
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
        QObject::connect(watchView, &QAction::triggered, watch, [controller, store, watch, window] {
            const auto view = store->view(controller->currentViewId());
            if (!view || view->kind != models::SavedView::Kind::Audit)
                return;
            window->navigator()->showPage(PageId::Watch);
            watch->newRuleFromView(view->name, models::watchQueryFromView(view->audit));
        });
    }
    window->addNavigationWidget(new SavedViewsList(controller, window));
    return controller;
}

} // namespace ui
