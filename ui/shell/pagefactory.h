#pragma once
// Builds the console's pages in navigation order. Each feature page adds its
// own line here; the shell knows nothing else about them.

#include <QList>

class QWidget;

namespace models {
class ActivityLog;
class AuditController;
class AppSettings;
class Session;
} // namespace models

namespace ui {

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

QList<Page *> createPages(const PageContext &context, QWidget *parent);

} // namespace ui
