#pragma once
// The console frame: navigation on the left, pages in a stack, the
// organization picker in the toolbar, connection state in the status bar.

#include <QList>
#include <QMainWindow>
#include <functional>

class QAbstractItemModel;
class QComboBox;
class QDockWidget;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTimer;
class QToolButton;
class QTreeView;

namespace models {
class ActivityLog;
class AppSettings;
class Session;
} // namespace models

namespace ui {

class Navigator;
class Page;
class PageStack;
struct PageSpec;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(models::Session *session, models::ActivityLog *activity, models::AppSettings *settings,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void addPage(Page *page);
    // A page built when it is first shown or asked for (page()).
    void addPage(PageSpec spec);
    // The pages built so far, in navigation order.
    QList<Page *> pages() const;
    int pageCount() const;
    // The page at index, built now if it was not yet.
    Page *page(int index);
    Page *currentPage() const;
    void showPage(int index);
    int pageIndex(const QString &objectName) const;
    // Page-to-page navigation; give it to the pages (PageContext::navigator).
    Navigator *navigator() const { return m_navigator; }

    // The picker lists the organizations of this model (a flat list or a tree);
    // the id of each row is in idRole, its name in Qt::DisplayRole.
    void setOrganizationModel(QAbstractItemModel *model, int idRole);

    void setRequestsInFlight(int count);
    // The throttled state (Session::rateLimitWait): the server blocked the
    // credential for waitMs. The status bar counts down with a Cancel button;
    // 0 clears it.
    void setRateLimitWait(qint64 waitMs);

    // Runs `go` once every page with unsaved edits has agreed to leave them (each
    // asks without blocking: Save / Discard / Cancel); never runs it on Cancel.
    // For work that resets the pages, e.g. connecting again.
    void whenPagesAllowLeaving(std::function<void()> go);

    // A section under the page list in the navigation (the saved views).
    void addNavigationWidget(QWidget *widget);
    // A menu of its own, before Help (Views).
    void addMenuBeforeHelp(QMenu *menu);

    // Restores geometry, dock and page state (a page built later, when it is). Call after all pages are
    // added.
    void restoreState();

    // Help › Keyboard Shortcuts: the window's own first ("Everywhere"), then one group per page.
    struct Shortcut
    {
        QString keys;
        QString action;
        friend bool operator==(const Shortcut &, const Shortcut &) = default;
    };
    struct ShortcutGroup
    {
        QString title;
        QList<Shortcut> shortcuts;
    };
    QList<ShortcutGroup> shortcutGroups() const;

Q_SIGNALS:
    void connectRequested();
    // A page added as a PageSpec was built (before it is shown).
    void pageBuilt(ui::Page *page);
    // Cancel in the throttled state was pressed (the session's client has
    // already been told: its waiting requests give up).
    void rateLimitWaitCanceled();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    // View › Theme: System, Light, Dark, applied live and remembered.
    void updateStatus();
    void pickOrganization(int comboIndex);
    void switchOrganization(const QString &id, const QString &name);
    bool askPagesToLeave();
    void onLeaveDecided(bool ok);
    void syncPickerToSession();
    void saveState();
    void showShortcuts();
    void showAbout();
    void updateThrottle();
    void addNavigation(int index, const QString &title, const QString &iconName);

    models::Session *m_session;
    models::ActivityLog *m_activity;
    models::AppSettings *m_settings;
    Navigator *m_navigator;
    QListWidget *m_nav;
    QWidget *m_navPane; // m_nav and the sections added under it
    QMenu *m_helpMenu = nullptr;
    PageStack *m_stack;
    QComboBox *m_picker;
    QTreeView *m_pickerView;
    QAbstractItemModel *m_orgModel = nullptr;
    int m_orgIdRole = 0;
    QDockWidget *m_activityDock;
    QLabel *m_connectionLabel;
    QLabel *m_requestsLabel;
    QLabel *m_activityLabel;
    QLabel *m_throttleLabel;
    QToolButton *m_throttleCancel;
    QTimer *m_throttleTimer;
    qint64 m_throttleUntil = 0; // QDateTime ms since epoch
    QMenu *m_viewMenu = nullptr;
    int m_inFlight = 0;
    bool m_syncingPicker = false;
    bool m_viewStateRestored = false; // restoreState() ran: a page built later restores its own
    // What to do once the pages with unsaved edits have answered.
    struct PendingLeave
    {
        enum class Kind { None, Close, SwitchOrganization, Run } kind = Kind::None;
        QString id;
        QString name;
        std::function<void()> run; // Kind::Run
    };
    PendingLeave m_pendingLeave;
    bool m_askingPage = false;
};

} // namespace ui
