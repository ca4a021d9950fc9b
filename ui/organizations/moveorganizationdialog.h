#pragma once
// Picks the new parent of an organization from the tree. The organization's
// own subtree is left out (it cannot move under itself).

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTreeView;

namespace models {
class OrganizationFilterProxyModel;
class OrganizationTreeModel;
} // namespace models

namespace ui {

class MoveOrganizationDialog : public QDialog
{
    Q_OBJECT
public:
    MoveOrganizationDialog(models::OrganizationTreeModel *model, const QString &organizationId,
                           QWidget *parent = nullptr);

    QString chosenParentId() const;

private:
    void updateOk();

    models::OrganizationTreeModel *m_model;
    models::OrganizationFilterProxyModel *m_proxy;
    QString m_id;
    QString m_currentParent;
    QLineEdit *m_search;
    QTreeView *m_view;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace ui
