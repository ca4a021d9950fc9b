#include "ui/views/savedviewsmenu.h"

#include "ui/common/dialogs.h"
#include "ui/common/icons.h"
#include "ui/views/savedviewscontroller.h"

#include "models/views/savedviewstore.h"

#include <QKeySequence>

namespace ui {

namespace {
QString kindIcon(models::SavedView::Kind kind)
{
    return kind == models::SavedView::Kind::Audit ? QStringLiteral("document-open-recent")
                                                  : QStringLiteral("office-chart-bar");
}
} // namespace

SavedViewsMenu::SavedViewsMenu(SavedViewsController *controller, QWidget *parent)
    : QMenu(tr("Vie&ws"), parent), m_controller(controller)
{
    setObjectName(QStringLiteral("menuViews"));
    m_save = addAction(ui::icon(QStringLiteral("document-save")), tr("&Save Current View…"));
    m_save->setObjectName(QStringLiteral("actionSaveView"));
    m_save->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    m_save->setToolTip(tr("Keep the Audit log query or the Usage view shown under a name"));
    connect(m_save, &QAction::triggered, m_controller, &SavedViewsController::saveCurrent);
    addSeparator();
    m_viewsEnd = addSeparator();

    m_rename = addAction(ui::icon(QStringLiteral("edit-rename")), tr("&Rename Current View…"));
    m_rename->setObjectName(QStringLiteral("actionRenameView"));
    connect(m_rename, &QAction::triggered, this,
            [this] { m_controller->rename(m_controller->currentViewId()); });
    m_duplicate = addAction(ui::icon(QStringLiteral("edit-copy")), tr("D&uplicate Current View"));
    m_duplicate->setObjectName(QStringLiteral("actionDuplicateView"));
    connect(m_duplicate, &QAction::triggered, this,
            [this] { m_controller->duplicate(m_controller->currentViewId()); });
    m_delete = addAction(ui::icon(QStringLiteral("edit-delete")), tr("&Delete Current View…"));
    m_delete->setObjectName(QStringLiteral("actionDeleteView"));
    connect(m_delete, &QAction::triggered, this,
            [this] { m_controller->remove(m_controller->currentViewId()); });
    m_allOrganizations = addAction(tr("Available in Every &Organization"));
    m_allOrganizations->setObjectName(QStringLiteral("actionViewAllOrganizations"));
    m_allOrganizations->setCheckable(true);
    m_allOrganizations->setToolTip(tr("List the current view for every organization of this connection, not "
                                      "only the one it was saved in"));
    connect(m_allOrganizations, &QAction::triggered, this,
            [this](bool on) { m_controller->setAllOrganizations(m_controller->currentViewId(), on); });
    addSeparator();
    QAction *exportViews = addAction(ui::icon(QStringLiteral("document-export")), tr("&Export Views…"));
    exportViews->setObjectName(QStringLiteral("actionExportViews"));
    connect(exportViews, &QAction::triggered, this, [this] { m_controller->exportViews(); });
    QAction *importViews = addAction(tr("&Import Views…"));
    importViews->setObjectName(QStringLiteral("actionImportViews"));
    connect(importViews, &QAction::triggered, m_controller, &SavedViewsController::importViews);

    connect(m_controller->store(), &models::SavedViewStore::viewsChanged, this, &SavedViewsMenu::rebuild);
    connect(m_controller, &SavedViewsController::currentViewChanged, this, &SavedViewsMenu::rebuild);
    connect(this, &QMenu::aboutToShow, this, [this] { m_save->setEnabled(m_controller->canSave()); });
    rebuild();
}

void SavedViewsMenu::rebuild()
{
    qDeleteAll(m_viewActions);
    m_viewActions.clear();
    const QString current = m_controller->currentViewId();
    const QList<models::SavedView> views = m_controller->store()->visibleViews();
    for (const models::SavedView &v : views) {
        auto *a = new QAction(ui::icon(kindIcon(v.kind)), escapeMnemonic(v.name), this);
        a->setObjectName(QStringLiteral("actionOpenView"));
        a->setData(v.id);
        a->setCheckable(true);
        a->setChecked(v.id == current);
        a->setToolTip(v.allOrganizations ? tr("Every organization") : QString());
        const QString id = v.id;
        connect(a, &QAction::triggered, this, [this, id] { m_controller->open(id); });
        insertAction(m_viewsEnd, a);
        m_viewActions.append(a);
    }
    if (views.isEmpty()) {
        auto *none = new QAction(tr("No saved views for this organization"), this);
        none->setEnabled(false);
        insertAction(m_viewsEnd, none);
        m_viewActions.append(none);
    }
    const std::optional<models::SavedView> view = m_controller->store()->view(current);
    for (QAction *a : {m_rename, m_duplicate, m_delete, m_allOrganizations})
        a->setEnabled(view.has_value());
    m_allOrganizations->setChecked(view && view->allOrganizations);
}

} // namespace ui
