#include "ui/shell/pagefactory.h"

#include "ui/common/placeholderpage.h"
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
    placeholder(
        "organizationsPage", QObject::tr("Organizations"), "folder",
        QObject::tr("The organization tree will live here: every organization you can see, its details, "
                    "accounts and business profile, with create, rename, move and delete."));
    {
        auto *members = new MembersPage(context.session, context.activity, parent);
        members->setObjectName(QStringLiteral("membersPage"));
        pages.append(members);
    }
    placeholder("auditPage", QObject::tr("Audit log"), "document-open-recent",
                QObject::tr("The audit history of the chosen organization will live here: query, filter, "
                            "search and export up to 18 months of entries."));
    placeholder("usagePage", QObject::tr("Usage"), "office-chart-bar",
                QObject::tr("Usage and cost of the chosen organization will live here, as charts and a pivot "
                            "table by product, account and zone."));
    return pages;
}

} // namespace ui
