#include "ui/views/savedviewscontroller.h"

#include "ui/audit/auditlogpage.h"
#include "ui/common/dialogs.h"
#include "ui/shell/navigator.h"
#include "ui/usage/usagepage.h"
#include "ui/views/pageviews.h"

#include "models/views/savedviewstore.h"

#include <QFile>
#include <QSaveFile>

namespace ui {

SavedViewsController::SavedViewsController(models::SavedViewStore *store, Navigator *navigator,
                                           std::function<AuditLogPage *()> audit,
                                           std::function<UsagePage *()> usage, QWidget *parentWidget,
                                           QObject *parent)
    : QObject(parent), m_store(store), m_navigator(navigator), m_audit(std::move(audit)),
      m_usage(std::move(usage)), m_parentWidget(parentWidget)
{
    // Another profile or a removed view: "current" would point at nothing.
    connect(m_store, &models::SavedViewStore::viewsChanged, this, [this] {
        if (!m_current.isEmpty() && !m_store->view(m_current))
            setCurrent({});
    });
}

bool SavedViewsController::canSave() const
{
    if (!m_navigator)
        return false;
    const PageId page = m_navigator->currentPage();
    return (page == PageId::Audit && m_audit && m_audit()) || (page == PageId::Usage && m_usage && m_usage());
}

void SavedViewsController::setCurrent(const QString &id)
{
    if (id == m_current)
        return;
    m_current = id;
    Q_EMIT currentViewChanged(id);
}

QString SavedViewsController::saveCurrent()
{
    if (!canSave()) {
        Dialogs::information(m_parentWidget, tr("Save View"),
                             tr("Open the Audit log or the Usage page: their query and view can be saved."));
        return {};
    }
    if (m_store->profile().isEmpty()) {
        Dialogs::information(m_parentWidget, tr("Save View"),
                             tr("Views are kept per connection: connect first (File › Connect…)."));
        return {};
    }
    models::SavedView view;
    if (m_navigator->currentPage() == PageId::Audit) {
        view.kind = models::SavedView::Kind::Audit;
        view.audit = captureAuditPage(*m_audit());
    } else {
        view.kind = models::SavedView::Kind::Usage;
        view.usage = captureUsagePage(*m_usage());
    }
    view.organizationId = m_store->organization();
    const QString name =
        Dialogs::text(m_parentWidget, tr("Save View"),
                      view.kind == models::SavedView::Kind::Audit ? tr("Name of this Audit log query:")
                                                                  : tr("Name of this Usage view:"),
                      m_store->uniqueName(view.kind == models::SavedView::Kind::Audit ? tr("Audit query")
                                                                                      : tr("Usage view")));
    if (name.trimmed().isEmpty())
        return {};
    if (m_store->nameTaken(name)) {
        // Saving under a taken name replaces that view, once the user agreed.
        const std::optional<models::SavedView> existing = m_store->findByName(name);
        if (!existing || !Dialogs::confirm(m_parentWidget, tr("Save View"),
                                           tr("A view called “%1” exists. Replace it?").arg(existing->name),
                                           tr("&Replace")))
            return {};
        view.id = existing->id;
        view.name = existing->name;
        view.allOrganizations = existing->allOrganizations;
        m_store->update(view);
        setCurrent(view.id);
        return view.id;
    }
    view.name = name.trimmed();
    const QString id = m_store->add(view);
    setCurrent(id);
    return id;
}

bool SavedViewsController::open(const QString &id)
{
    const std::optional<models::SavedView> view = m_store->view(id);
    if (!view || !m_navigator)
        return false;
    if (view->kind == models::SavedView::Kind::Audit) {
        AuditLogPage *audit = m_audit ? m_audit() : nullptr;
        if (!audit)
            return false;
        m_navigator->showPage(PageId::Audit);
        applyAuditPage(*audit, view->audit);
    } else {
        UsagePage *usage = m_usage ? m_usage() : nullptr;
        if (!usage)
            return false;
        m_navigator->showPage(PageId::Usage);
        applyUsagePage(*usage, view->usage);
    }
    setCurrent(id);
    Q_EMIT viewOpened(id);
    return true;
}

bool SavedViewsController::rename(const QString &id)
{
    const std::optional<models::SavedView> view = m_store->view(id);
    if (!view)
        return false;
    const QString name = Dialogs::text(m_parentWidget, tr("Rename View"), tr("New name:"), view->name);
    if (name.trimmed().isEmpty() || name.trimmed() == view->name)
        return false;
    if (m_store->nameTaken(name, id)) {
        Dialogs::warning(m_parentWidget, tr("Rename View"),
                         tr("Another view is called “%1”; choose another name.").arg(name.trimmed()));
        return false;
    }
    return m_store->rename(id, name);
}

QString SavedViewsController::duplicate(const QString &id)
{
    const QString copy = m_store->duplicate(id);
    if (!copy.isEmpty())
        setCurrent(copy);
    return copy;
}

bool SavedViewsController::remove(const QString &id)
{
    const std::optional<models::SavedView> view = m_store->view(id);
    if (!view ||
        !Dialogs::confirm(m_parentWidget, tr("Delete View"),
                          tr("Delete the view “%1”? Its query is not kept anywhere else.").arg(view->name),
                          tr("&Delete view")))
        return false;
    return m_store->remove(id);
}

bool SavedViewsController::setAllOrganizations(const QString &id, bool all)
{
    return m_store->setAllOrganizations(id, all);
}

bool SavedViewsController::exportViews(const QStringList &ids)
{
    if (m_store->views().isEmpty()) {
        Dialogs::information(m_parentWidget, tr("Export Views"),
                             tr("There are no saved views to export yet."));
        return false;
    }
    const QString path = Dialogs::saveFileName(m_parentWidget, tr("Export Views"),
                                               QStringLiteral("orgscope-views.json"), tr("Views (*.json)"));
    if (path.isEmpty())
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_store->exportJson(ids)) < 0 || !file.commit()) {
        Dialogs::warning(m_parentWidget, tr("Export Views"),
                         tr("The views could not be written to %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

bool SavedViewsController::importViews()
{
    if (m_store->profile().isEmpty()) {
        Dialogs::information(m_parentWidget, tr("Import Views"),
                             tr("Views are kept per connection: connect first (File › Connect…)."));
        return false;
    }
    const QString path = Dialogs::openFileName(m_parentWidget, tr("Import Views"), tr("Views (*.json)"));
    if (path.isEmpty())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Dialogs::warning(m_parentWidget, tr("Import Views"),
                         tr("%1 could not be read: %2").arg(path, file.errorString()));
        return false;
    }
    const models::SavedViewStore::ImportResult result = m_store->importJson(file.read(16 << 20));
    if (!result.ok()) {
        Dialogs::warning(m_parentWidget, tr("Import Views"),
                         tr("%1 is not a views file: %2").arg(path, result.error));
        return false;
    }
    QString text = tr("%n view(s) imported", nullptr, result.added);
    if (result.replaced > 0)
        text += u'\n' + tr("%n view(s) replaced (the same view imported before)", nullptr, result.replaced);
    if (!result.ignored.isEmpty())
        text += u'\n' + tr("Left out, because this version does not know it:") + u'\n' +
                result.ignored.join(u'\n');
    Dialogs::information(m_parentWidget, tr("Import Views"), text);
    return true;
}

} // namespace ui
