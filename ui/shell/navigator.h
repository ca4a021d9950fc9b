#pragma once
// Page-to-page navigation ("show this member's activity", "audit around this
// anomaly") without a page knowing the main window or another page. The
// shell owns one and serves pageRequested by switching its stack; pages get
// it through PageContext (Page::navigator()). The Audit log's controller is
// handed over by the page factory.

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

class QAbstractItemModel;

namespace models {
class AuditController;
}

namespace ui {

enum class PageId { Organizations, Members, Audit, Usage, Watch };

class Navigator : public QObject
{
    Q_OBJECT
public:
    explicit Navigator(QObject *parent = nullptr);

    // The object name of the page for id in the stack ("auditPage"…).
    static QString pageName(PageId id);

    void setAuditController(models::AuditController *audit);
    // The organizations the toolbar picker lists (the id of a row in idRole).
    void setOrganizationModel(QAbstractItemModel *model, int idRole);
    QAbstractItemModel *organizationModel() const { return m_orgModel; }
    int organizationIdRole() const { return m_orgIdRole; }

    // How the shell switches the organization for a navigation (it asks the
    // pages with unsaved edits first, then calls then()); without one the
    // navigation stays in the current organization.
    using OrganizationSwitcher =
        std::function<void(const QString &id, const QString &name, std::function<void()> then)>;
    void setOrganizationSwitcher(OrganizationSwitcher switcher)
    {
        m_switchOrganization = std::move(switcher);
    }

    PageId currentPage() const { return m_current; }
    // The shell reports the page it shows (by object name).
    void setCurrentPageName(const QString &objectName);

public Q_SLOTS:
    void showPage(ui::PageId id);
    // The Audit log with the entries of this actor over the API's retention.
    void showAuditForActor(const QString &email);
    // The Audit log with the entries of [fromMs, toMs] (an anomaly's day).
    void showAuditAround(const QString &accountId, qint64 fromMs, qint64 toMs);
    // The Audit log with one entry of an organization (a watch match), switching to it first.
    void showAuditEntry(const QString &organizationId, const QString &organizationName,
                        const QString &entryId, qint64 timeMs);

Q_SIGNALS:
    // Served by the shell: bring the page forward.
    void pageRequested(ui::PageId id);
    void currentPageChanged(ui::PageId id);
    void organizationModelChanged(QAbstractItemModel *model, int idRole);
    // What was asked, after the page came forward.
    void auditForActorRequested(const QString &email);
    void auditAroundRequested(const QString &accountId, qint64 fromMs, qint64 toMs);
    void auditEntryRequested(const QString &organizationId, const QString &entryId);

private:
    QPointer<models::AuditController> m_audit;
    QPointer<QAbstractItemModel> m_orgModel;
    int m_orgIdRole = 0;
    PageId m_current = PageId::Organizations;
    OrganizationSwitcher m_switchOrganization;
};

} // namespace ui
