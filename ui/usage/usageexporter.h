#pragma once
// The Usage page's exports: a chart as PNG or SVG, the pivot or the records
// as CSV, each through a ui::Dialogs file picker; a failure is shown on the
// page's banner.

#include <QCoreApplication>
#include <QString>
#include <functional>

class QIODevice;
class QWidget;

namespace ui {

class MessageBanner;
class UsageChart;

class UsageExporter
{
    Q_DECLARE_TR_FUNCTIONS(ui::UsageExporter)

public:
    // False when cancelled or failed.
    static bool exportChart(QWidget *parent, MessageBanner *banner, UsageChart *chart, const QString &format);
    static bool exportCsv(QWidget *parent, MessageBanner *banner, const QString &title,
                          const QString &suggested, const std::function<bool(QIODevice *)> &write);
};

} // namespace ui
