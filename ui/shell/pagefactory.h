#pragma once
// Builds the console's pages in navigation order. Each feature page adds its
// own line here; the shell knows nothing else about them.

#include <QList>
#include <QString>
#include <functional>

class QWidget;

namespace models {
class ActivityLog;
class AuditController;
class AppSettings;
class Session;
} // namespace models

namespace ui {

class MainWindow;
class Navigator;
class Page;

struct PageContext
{
    models::Session *session;
    models::ActivityLog *activity;
    models::AppSettings *settings;
    // The shell's navigator (MainWindow::navigator()); every page gets it.
    Navigator *navigator = nullptr;
};

// A page before it is built: what the navigation shows of it, and how to make it.
struct PageSpec
{
    QString objectName;
    QString title;
    QString iconName;
    std::function<Page *(QWidget *parent)> build;
};

// Every page, in navigation order, not built yet.
QList<PageSpec> pageSpecs(const PageContext &context);
// Every page built now (tests, tools).
QList<Page *> createPages(const PageContext &context, QWidget *parent);
// The console's way: the Organizations page now (its tree feeds the toolbar
// picker and chooses the organization), every other page when it is first
// shown or asked for (MainWindow::page()).
void installPages(MainWindow *window, const PageContext &context);

} // namespace ui
