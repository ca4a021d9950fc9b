#pragma once
// Builds the console's pages in navigation order. Each feature page adds its
// own line here; the shell knows nothing else about them.

#include <QList>

class QWidget;

namespace models {
class ActivityLog;
class AppSettings;
class Session;
} // namespace models

namespace ui {

class Page;

struct PageContext
{
    models::Session *session;
    models::ActivityLog *activity;
    models::AppSettings *settings;
};

QList<Page *> createPages(const PageContext &context, QWidget *parent);

} // namespace ui
