#pragma once
// What the Views menu and the navigation's view list do: save the Audit log
// query or Usage view shown under a name, reopen, rename, duplicate, delete,
// make available for every organization, export and import the views file.
// Questions go through ui::Dialogs; the views live in a models::SavedViewStore.

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

class QWidget;

namespace models {
class SavedViewStore;
}

namespace ui {

class AuditLogPage;
class Navigator;
class UsagePage;

class SavedViewsController : public QObject
{
    Q_OBJECT
public:
    // None of these is owned; dialogs open over parentWidget. The pages are asked for when a view
    // needs them (the shell builds a page the first time it is asked for); either may give null.
    SavedViewsController(models::SavedViewStore *store, Navigator *navigator,
                         std::function<AuditLogPage *()> audit, std::function<UsagePage *()> usage,
                         QWidget *parentWidget, QObject *parent = nullptr);

    models::SavedViewStore *store() const { return m_store; }
    // The view opened or saved last (what "Rename Current View…" means).
    QString currentViewId() const { return m_current; }
    // Whether the page shown has a view to save (the Audit log or Usage).
    bool canSave() const;

public Q_SLOTS:
    // Asks for a name; returns the new view's id (empty when cancelled).
    QString saveCurrent();
    // Brings the view's page forward and applies the view.
    bool open(const QString &id);
    bool rename(const QString &id);
    QString duplicate(const QString &id);
    bool remove(const QString &id);
    bool setAllOrganizations(const QString &id, bool all);
    // Every view of the profile (ids empty) or the ones given, to a file the user picks.
    bool exportViews(const QStringList &ids = {});
    bool importViews();

Q_SIGNALS:
    void currentViewChanged(const QString &id);
    void viewOpened(const QString &id);

private:
    void setCurrent(const QString &id);

    models::SavedViewStore *m_store;
    QPointer<Navigator> m_navigator;
    std::function<AuditLogPage *()> m_audit;
    std::function<UsagePage *()> m_usage;
    QPointer<QWidget> m_parentWidget;
    QString m_current;
};

} // namespace ui
