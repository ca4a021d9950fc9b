#pragma once
// Read-only facts about one organization: name, copyable id, creation time
// (local, UTC on hover), parent, managed by, hierarchy path and every flag
// of meta.tenant_flags (or the older meta.flags) in readable words.

#include "api/records.h"

#include <QList>
#include <QTimeZone>
#include <QWidget>

class QLabel;
class QToolButton;
class QTreeWidget;

namespace ui {

class OrganizationDetailsView : public QWidget
{
    Q_OBJECT
public:
    explicit OrganizationDetailsView(QWidget *parent = nullptr);

    // path: root first, self last, as far as the parents are visible.
    // parentVisible=false: the parent exists but the credentials cannot see it.
    void setOrganization(const api::Organization &organization, const QList<const api::Organization *> &path,
                         bool parentVisible, int subOrganizationCount, const QTimeZone &zone);
    void clear(const QString &message = {});
    QString organizationId() const { return m_id; }

    // "account_creation" → "Account creation"
    static QString flagTitle(const QString &name);
    // "enabled" → "Enabled", unknown values stay raw and say so.
    static QString flagValueText(const QString &value);

Q_SIGNALS:
    void idCopied(const QString &id);

private:
    QString m_id;
    QLabel *m_empty;
    QWidget *m_content;
    QLabel *m_name;
    QLabel *m_idLabel;
    QToolButton *m_copyId;
    QLabel *m_created;
    QLabel *m_parent;
    QLabel *m_managedBy;
    QLabel *m_path;
    QLabel *m_subOrgs;
    QLabel *m_flagsSource;
    QTreeWidget *m_flags;
};

} // namespace ui
