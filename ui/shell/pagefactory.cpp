#include "ui/shell/pagefactory.h"

#include "ui/audit/auditlogpage.h"
#include "ui/members/memberspage.h"
#include "ui/organizations/organizationspage.h"
#include "ui/reports/pagereports.h"
#include "ui/shell/navigator.h"
#include "ui/usage/usagecontrolsbar.h"
#include "ui/usage/usagepage.h"
#include "ui/watch/watchpage.h"

#include "models/audit/auditcontroller.h"
#include "models/watch/watchcontroller.h"

#include <QPushButton>

namespace ui {

QList<Page *> createPages(const PageContext &context, QWidget *parent)
{
    QList<Page *> pages;
    models::AuditController *auditController = nullptr;
    {
        // The toolbar picker shows the page's own tree model, so both always agree.
        auto *organizations =
            new OrganizationsPage(context.session, context.activity, context.settings, parent);
        if (context.navigator)
            context.navigator->setOrganizationModel(organizations->treeModel(),
                                                    OrganizationsPage::organizationIdRole());
        pages.append(organizations);
    }
    {
        auto *members = new MembersPage(context.session, context.activity, parent);
        members->setObjectName(QStringLiteral("membersPage"));
        pages.append(members);
    }
    {
        // The controller lives as long as its page; the navigator reaches it for "show in audit".
        auto *controller = new models::AuditController(context.session);
        auto *audit = new AuditLogPage(context.session, controller, context.settings, parent);
        auditController = controller;
        controller->setParent(audit);
        audit->setObjectName(QStringLiteral("auditPage"));
        if (context.navigator)
            context.navigator->setAuditController(controller);
        PageReports::attach(audit, audit->exportButton()->menu(), context.session, context.settings);
        pages.append(audit);
    }
    {
        auto *usage = new UsagePage(context.session, context.settings, parent);
        usage->setObjectName(QStringLiteral("usagePage"));
        PageReports::attach(usage, usage->findChild<UsageControlsBar *>()->exportButton()->menu(),
                            context.session, context.settings);
        pages.append(usage);
    }
    {
        // Watch rules poll while connected, whichever page is shown: the controller lives with its page.
        auto *controller = new models::WatchController(context.session);
        auto *watch = new WatchPage(context.session, controller, auditController, parent);
        controller->setParent(watch);
        pages.append(watch);
    }
    for (Page *page : std::as_const(pages))
        page->setNavigator(context.navigator);
    return pages;
}

} // namespace ui
