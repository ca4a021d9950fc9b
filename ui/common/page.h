#pragma once
// Base of every page in the main window's stack. A page is passive about
// where its data comes from: its controller reads the session (client and
// current organization) and reacts to its signals.

#include <QWidget>

namespace models {
class AppSettings;
class Session;
} // namespace models

namespace ui {

class Navigator;

class Page : public QWidget
{
    Q_OBJECT
public:
    explicit Page(models::Session *session, QWidget *parent = nullptr);

    // Name shown in the navigation list and the window title.
    virtual QString title() const = 0;
    // Theme icon name for the navigation list.
    virtual QString iconName() const { return {}; }

    // Leaving (the organization changes, the window closes) would lose edits.
    virtual bool hasUnsavedChanges() const { return false; }
    // Only when hasUnsavedChanges(): asks the user without blocking, saves or
    // discards as answered, then emits leaveDecided (true: go on, false: stay).
    virtual void requestLeave() { Q_EMIT leaveDecided(true); }

    // Header, splitter and column state; keys are the page's own.
    virtual void saveViewState(models::AppSettings &settings) { Q_UNUSED(settings) }
    virtual void restoreViewState(models::AppSettings &settings) { Q_UNUSED(settings) }

    // Reload what the page shows (F5).
    virtual void refresh() {}

    // How the page asks for another page; may be null (a page on its own).
    Navigator *navigator() const { return m_navigator; }
    void setNavigator(Navigator *navigator) { m_navigator = navigator; }

Q_SIGNALS:
    void leaveDecided(bool ok);

protected:
    models::Session *session() const { return m_session; }

private:
    models::Session *m_session;
    Navigator *m_navigator = nullptr;
};

} // namespace ui
