#include "ui/shell/pagefactory.h"

#include "ui/audit/auditpage.h"
#include "ui/common/placeholderpage.h"
#include "ui/organizations/organizationspage.h"
#include "ui/shell/mainwindow.h"
#include "ui/members/memberspage.h"

namespace ui {

QList<Page *> createPages(const PageContext &context, QWidget *parent)
{
    QList<Page *> pages;
    auto placeholder = [&](const char *objectName, const QString &title, const char *icon,
                           const QString &text) {
        auto *page = new PlaceholderPage(context.session, title, QString::fromLatin1(icon), text, parent);
        page->setObjectName(QString::fromLatin1(objectName));
        pages.append(page);
    };
    {
        // The toolbar picker shows the page's own tree model, so both always agree.
        auto *organizations = new OrganizationsPage(context.session, context.activity, context.settings, parent);
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
    placeholder("usagePage", QObject::tr("Usage"), "office-chart-bar",
                QObject::tr("Usage and cost of the chosen organization will live here, as charts and a pivot "
                            "table by product, account and zone."));
    return pages;
}

} // namespace ui
