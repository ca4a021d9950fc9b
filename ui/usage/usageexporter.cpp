#include "ui/usage/usageexporter.h"

#include "ui/common/dialogs.h"
#include "ui/common/messagebanner.h"
#include "ui/usage/usagechart.h"

#include <QSaveFile>

namespace ui {

bool UsageExporter::exportChart(QWidget *parent, MessageBanner *banner, UsageChart *chart,
                                const QString &format)
{
    const bool svg = format.compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0;
    const QString path = Dialogs::saveFileName(parent, tr("Export chart"),
                                               QStringLiteral("usage-chart.") +
                                                   (svg ? QStringLiteral("svg") : QStringLiteral("png")),
                                               svg ? tr("SVG image (*.svg)") : tr("PNG image (*.png)"));
    if (path.isEmpty())
        return false;
    if (!chart->exportImage(path, tr("Usage"))) {
        banner->showError(tr("Could not write %1.").arg(path), false);
        return false;
    }
    return true;
}

bool UsageExporter::exportCsv(QWidget *parent, MessageBanner *banner, const QString &title,
                              const QString &suggested, const std::function<bool(QIODevice *)> &write)
{
    const QString path = Dialogs::saveFileName(parent, title, suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !write(&file) || !file.commit()) {
        banner->showError(tr("Could not write %1: %2").arg(path, file.errorString()), false);
        return false;
    }
    return true;
}

} // namespace ui
