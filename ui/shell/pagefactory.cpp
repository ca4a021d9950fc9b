#include "ui/shell/pagefactory.h"

#include "ui/audit/auditpage.h"
#include "ui/members/memberspage.h"
#include "ui/organizations/organizationspage.h"
#include "ui/shell/mainwindow.h"
#include "ui/usage/usagepage.h"

namespace ui {

QList<Page *> createPages(const PageContext &context, QWidget *parent)
{
    QList<Page *> pages;
    {
        // The toolbar picker shows the page's own tree model, so both always agree.
        auto *organizations =
            new OrganizationsPage(context.session, context.activity, context.settings, parent);
        if (auto *window = qobject_cast<MainWindow *>(parent))
            window->setOrganizationModel(organizations->treeModel(), OrganizationsPage::organizationIdRole());
        pages.append(organizations);
    }
    {
        auto *members = new MembersPage(context.session, context.activity, parent);
        members->setObjectName(QStringLiteral("membersPage"));
        pages.append(members);
    }
    {
        auto *audit = new AuditPage(context.session, context.settings, parent);
        audit->setObjectName(QStringLiteral("auditPage"));
        pages.append(audit);
    }
    {
        auto *usage = new UsagePage(context.session, context.settings, parent);
        usage->setObjectName(QStringLiteral("usagePage"));
        pages.append(usage);
    }
    return pages;
}

} // namespace ui
