#include "ui/shell/pagefactory.h"

#include "ui/audit/auditlogpage.h"
#include "ui/members/memberspage.h"
#include "ui/organizations/organizationspage.h"
#include "ui/reports/pagereports.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigator.h"
#include "ui/usage/usagecontrolsbar.h"
#include "ui/usage/usagepage.h"
#include "ui/watch/watchpage.h"

#include "models/audit/auditcontroller.h"
#include "models/watch/watchcontroller.h"

#include <QPointer>
#include <QPushButton>
#include <memory>

namespace ui {

namespace {

// The Audit log's controller, made by whichever comes first: its page, or the
// Watch page ("New Rule from Audit Log Query").
struct Shared
{
    QPointer<models::AuditController> audit;

    models::AuditController *auditController(const PageContext &context, QWidget *parent)
    {
        if (!audit) {
            audit = new models::AuditController(context.session, parent);
            // The navigator reaches it for "show in audit".
            if (context.navigator)
                context.navigator->setAuditController(audit);
        }
        return audit;
    }
};

template <typename P> P *withNavigator(P *page, const PageContext &context)
{
    page->setNavigator(context.navigator);
    return page;
}

} // namespace

QList<PageSpec> pageSpecs(const PageContext &context)
{
    const auto shared = std::make_shared<Shared>();
    QList<PageSpec> specs;
    // Titles and icons as the pages give them (tst_shell compares them with the built pages).
    specs.append({QStringLiteral("organizationsPage"), OrganizationsPage::tr("Organizations"),
                  QStringLiteral("folder"), [context](QWidget *parent) -> Page * {
                      auto *organizations =
                          new OrganizationsPage(context.session, context.activity, context.settings, parent);
                      // The toolbar picker shows the page's own tree model, so both always agree.
                      if (context.navigator)
                          context.navigator->setOrganizationModel(organizations->treeModel(),
                                                                  OrganizationsPage::organizationIdRole());
                      return withNavigator(organizations, context);
                  }});
    specs.append({QStringLiteral("membersPage"), MembersPage::tr("Members"), QStringLiteral("system-users"),
                  [context](QWidget *parent) -> Page * {
                      auto *members = new MembersPage(context.session, context.activity, parent);
                      members->setObjectName(QStringLiteral("membersPage"));
                      return withNavigator(members, context);
                  }});
    specs.append({QStringLiteral("auditPage"), AuditLogPage::tr("Audit log"),
                  QStringLiteral("document-open-recent"), [context, shared](QWidget *parent) -> Page * {
                      // The controller lives as long as its page.
                      models::AuditController *controller = shared->auditController(context, parent);
                      auto *audit = new AuditLogPage(context.session, controller, context.settings, parent);
                      controller->setParent(audit);
                      audit->setObjectName(QStringLiteral("auditPage"));
                      PageReports::attach(audit, audit->exportButton()->menu(), context.session,
                                          context.settings);
                      return withNavigator(audit, context);
                  }});
    specs.append({QStringLiteral("usagePage"), UsagePage::tr("Usage"), QStringLiteral("office-chart-bar"),
                  [context](QWidget *parent) -> Page * {
                      auto *usage = new UsagePage(context.session, context.settings, parent);
                      usage->setObjectName(QStringLiteral("usagePage"));
                      PageReports::attach(usage,
                                          usage->findChild<UsageControlsBar *>()->exportButton()->menu(),
                                          context.session, context.settings);
                      return withNavigator(usage, context);
                  }});
    specs.append({QStringLiteral("watchPage"), WatchPage::tr("Watch"), QStringLiteral("view-watch"),
                  [context, shared](QWidget *parent) -> Page * {
                      // Watch rules poll while connected, whichever page is shown: the controller lives
                      // with its page (the console builds it right after the first paint).
                      auto *controller = new models::WatchController(context.session);
                      auto *watch = new WatchPage(context.session, controller,
                                                  shared->auditController(context, parent), parent);
                      controller->setParent(watch);
                      return withNavigator(watch, context);
                  }});
    return specs;
}

QList<Page *> createPages(const PageContext &context, QWidget *parent)
{
    QList<Page *> pages;
    for (const PageSpec &spec : pageSpecs(context))
        pages.append(spec.build(parent));
    return pages;
}

void installPages(MainWindow *window, const PageContext &context)
{
    QList<PageSpec> specs = pageSpecs(context);
    window->addPage(specs.takeFirst().build(window));
    for (PageSpec &spec : specs)
        window->addPage(std::move(spec));
}

} // namespace ui
