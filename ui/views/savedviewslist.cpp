#include "ui/views/savedviewslist.h"

#include "ui/common/icons.h"
#include "ui/views/savedviewscontroller.h"

#include "models/views/savedviewstore.h"

#include <QIdentityProxyModel>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QVBoxLayout>

namespace ui {

namespace {
// The store's rows with an icon for their kind.
class KindIconModel : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole)
            return icon(index.data(models::SavedViewStore::KindRole).toString() == QLatin1String("audit")
                            ? QStringLiteral("document-open-recent")
                            : QStringLiteral("office-chart-bar"));
        return QIdentityProxyModel::data(index, role);
    }
};
} // namespace

SavedViewsList::SavedViewsList(SavedViewsController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_title(new QLabel(tr("Saved views"), this)),
      m_list(new QListView(this)), m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("savedViews"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setContentsMargins(6, 8, 0, 2);
    auto *model = new KindIconModel(this);
    model->setSourceModel(controller->store());
    m_list->setObjectName(QStringLiteral("savedViewsList"));
    m_list->setModel(model);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setIconSize(QSize(16, 16));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setAccessibleName(tr("saved views"));
    m_hint->setObjectName(QStringLiteral("savedViewsHint"));
    m_hint->setWordWrap(true);
    m_hint->setContentsMargins(6, 0, 6, 0);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setText(tr("Views › Save Current View keeps the Audit log query or Usage view shown."));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_hint);
    layout->addStretch(0);

    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        m_controller->open(index.data(models::SavedViewStore::IdRole).toString());
    });
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_list->indexAt(pos);
        if (QMenu *menu = contextMenuFor(index.row()))
            menu->popup(m_list->viewport()->mapToGlobal(pos));
    });
    connect(controller->store(), &models::SavedViewStore::viewsChanged, this, &SavedViewsList::updateHint);
    connect(controller, &SavedViewsController::currentViewChanged, this, [this](const QString &id) {
        const int row = m_controller->store()->rowOf(id);
        m_list->setCurrentIndex(row >= 0 ? m_list->model()->index(row, 0) : QModelIndex());
    });
    updateHint();
}

void SavedViewsList::updateHint()
{
    const bool empty = m_controller->store()->rowCount() == 0;
    m_list->setVisible(!empty);
    m_hint->setVisible(empty);
}

QMenu *SavedViewsList::contextMenuFor(int row)
{
    const std::optional<models::SavedView> view = m_controller->store()->viewAt(row);
    if (!view)
        return nullptr;
    const QString id = view->id;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("savedViewMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *open = menu->addAction(tr("&Open"), this, [this, id] { m_controller->open(id); });
    open->setObjectName(QStringLiteral("actionListOpenView"));
    menu->addAction(icon(QStringLiteral("edit-rename")), tr("&Rename…"), this,
                    [this, id] { m_controller->rename(id); })
        ->setObjectName(QStringLiteral("actionListRenameView"));
    menu->addAction(icon(QStringLiteral("edit-copy")), tr("D&uplicate"), this,
                    [this, id] { m_controller->duplicate(id); })
        ->setObjectName(QStringLiteral("actionListDuplicateView"));
    menu->addAction(icon(QStringLiteral("edit-delete")), tr("&Delete…"), this,
                    [this, id] { m_controller->remove(id); })
        ->setObjectName(QStringLiteral("actionListDeleteView"));
    QAction *all = menu->addAction(tr("Available in Every &Organization"), this,
                                   [this, id](bool on) { m_controller->setAllOrganizations(id, on); });
    all->setObjectName(QStringLiteral("actionListViewAllOrganizations"));
    all->setCheckable(true);
    all->setChecked(view->allOrganizations);
    menu->addSeparator();
    menu->addAction(icon(QStringLiteral("document-export")), tr("&Export…"), this,
                    [this, id] { m_controller->exportViews({id}); })
        ->setObjectName(QStringLiteral("actionListExportView"));
    menu->setDefaultAction(open);
    return menu;
}

} // namespace ui
