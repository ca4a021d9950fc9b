#include "ui/usage/usagedayaxis.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QTimeZone>

namespace ui::usagedayaxis {

qreal position(qint64 utcMSecs)
{
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(utcMSecs, QTimeZone::utc());
    return qreal(QDateTime(utc.date(), utc.time(), QTimeZone::systemTimeZone()).toMSecsSinceEpoch());
}

void setUtcRange(QDateTimeAxis *axis, qint64 fromUtcMSecs, qint64 toUtcMSecs,
                 models::UsageGranularity buckets)
{
    axis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(position(fromUtcMSecs)), QTimeZone::utc()),
                   QDateTime::fromMSecsSinceEpoch(qint64(position(toUtcMSecs)), QTimeZone::utc()));
    const char *title =
        buckets == models::UsageGranularity::Month  ? QT_TRANSLATE_NOOP("ui::UsageDayAxis", "Month (UTC)")
        : buckets == models::UsageGranularity::Week ? QT_TRANSLATE_NOOP("ui::UsageDayAxis", "Week (UTC)")
                                                    : QT_TRANSLATE_NOOP("ui::UsageDayAxis", "Day (UTC)");
    axis->setTitleText(QCoreApplication::translate("ui::UsageDayAxis", title));
}

} // namespace ui::usagedayaxis
