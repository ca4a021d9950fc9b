#include "ui/organizations/moveorganizationdialog.h"

#include "models/organizations/organizationfilterproxymodel.h"
#include "models/organizations/organizationtreemodel.h"
#include "ui/common/dialogs.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTreeView>
#include <QVBoxLayout>
#include <functional>

namespace ui {

MoveOrganizationDialog::MoveOrganizationDialog(models::OrganizationTreeModel *model,
                                               const QString &organizationId, QWidget *parent)
    : QDialog(parent), m_model(model), m_proxy(new models::OrganizationFilterProxyModel(this)),
      m_id(organizationId), m_search(new QLineEdit(this)), m_view(new QTreeView(this)),
      m_hint(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("moveOrganizationDialog"));
    const api::Organization *org = model->organization(organizationId);
    const QString name = org ? org->name : organizationId;
    m_currentParent = org ? org->parentId : QString();
    setWindowTitle(tr("Move “%1”").arg(name));
    resize(460, 420);

    // Every organization except the moved one's subtree.
    QSet<QString> allowed;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parentIndex) {
        for (int r = 0; r < model->rowCount(parentIndex); ++r) {
            const QModelIndex i = model->index(r, 0, parentIndex);
            const QString id = i.data(models::OrganizationTreeModel::IdRole).toString();
            if (id == organizationId)
                continue;
            allowed.insert(id);
            walk(i);
        }
    };
    walk({});
    m_proxy->setSourceModel(model);
    m_proxy->setIdFilter(allowed.isEmpty() ? QSet<QString>{QStringLiteral("\x01")} : allowed);

    m_view->setObjectName(QStringLiteral("moveParentView"));
    m_view->setModel(m_proxy);
    m_view->setHeaderHidden(true);
    for (int c = 1; c < m_proxy->columnCount(); ++c)
        m_view->hideColumn(c);
    m_view->expandAll();
    m_search->setObjectName(QStringLiteral("moveParentSearch"));
    m_search->setPlaceholderText(tr("Find a parent by name"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setNameFilter(text);
        m_view->expandAll();
    });
    m_hint->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Move Here"));

    // The label has a buddy, so an & in the name would turn into a mnemonic.
    auto *label = new QLabel(tr("Choose the new &parent of “%1”:").arg(escapeMnemonic(name)), this);
    label->setBuddy(m_view);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MoveOrganizationDialog::updateOk);
    connect(m_view, &QTreeView::activated, this, [this] {
        if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            accept();
    });
    updateOk();
    m_view->setFocus();
}

QString MoveOrganizationDialog::chosenParentId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid()
               ? current.siblingAtColumn(0).data(models::OrganizationTreeModel::IdRole).toString()
               : QString();
}

void MoveOrganizationDialog::updateOk()
{
    const QString chosen = chosenParentId();
    const bool same = !chosen.isEmpty() && chosen == m_currentParent;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosen.isEmpty() && !same);
    m_hint->setText(same ? tr("That is already its parent.")
                         : tr("The new parent must allow sub-organizations. The API may refuse moves "
                              "altogether; the console will say so."));
}

} // namespace ui
