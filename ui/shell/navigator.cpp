#include "ui/shell/navigator.h"

#include "models/audit/auditcontroller.h"

#include <QAbstractItemModel>

namespace ui {

Navigator::Navigator(QObject *parent) : QObject(parent)
{
    setObjectName(QStringLiteral("navigator"));
}

QString Navigator::pageName(PageId id)
{
    switch (id) {
    case PageId::Organizations:
        return QStringLiteral("organizationsPage");
    case PageId::Members:
        return QStringLiteral("membersPage");
    case PageId::Audit:
        return QStringLiteral("auditPage");
    case PageId::Usage:
        return QStringLiteral("usagePage");
    case PageId::Watch:
        return QStringLiteral("watchPage");
    }
    return {};
}

void Navigator::setAuditController(models::AuditController *audit)
{
    m_audit = audit;
}

void Navigator::setOrganizationModel(QAbstractItemModel *model, int idRole)
{
    m_orgModel = model;
    m_orgIdRole = idRole;
    Q_EMIT organizationModelChanged(model, idRole);
}

void Navigator::setCurrentPageName(const QString &objectName)
{
    for (PageId id : {PageId::Organizations, PageId::Members, PageId::Audit, PageId::Usage, PageId::Watch}) {
        if (pageName(id) == objectName && id != m_current) {
            m_current = id;
            Q_EMIT currentPageChanged(id);
        }
    }
}

void Navigator::showPage(PageId id)
{
    Q_EMIT pageRequested(id);
}

void Navigator::showAuditForActor(const QString &email)
{
    // The page comes first: showing it opens the archive, which the Run then supersedes.
    showPage(PageId::Audit);
    if (m_audit)
        m_audit->showForActor(email);
    Q_EMIT auditForActorRequested(email);
}

void Navigator::showAuditAround(const QString &accountId, qint64 fromMs, qint64 toMs)
{
    showPage(PageId::Audit);
    if (m_audit)
        m_audit->showAround(accountId, fromMs, toMs);
    Q_EMIT auditAroundRequested(accountId, fromMs, toMs);
}

} // namespace ui

namespace ui {

void Navigator::showAuditEntry(const QString &organizationId, const QString &organizationName,
                               const QString &entryId, qint64 timeMs)
{
    const QPointer<Navigator> self(this);
    auto show = [self, organizationId, entryId, timeMs] {
        if (!self)
            return;
        self->showPage(PageId::Audit);
        if (self->m_audit)
            self->m_audit->showEntry(entryId, timeMs);
        Q_EMIT self->auditEntryRequested(organizationId, entryId);
    };
    if (m_switchOrganization && !organizationId.isEmpty())
        m_switchOrganization(organizationId, organizationName, show);
    else
        show();
}

} // namespace ui
