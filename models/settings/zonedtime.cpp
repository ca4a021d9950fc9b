#include "models/settings/zonedtime.h"

#include "models/reports/reportdocument.h"

#include <QLocale>

namespace models {

QString zonedTimeText(const QDateTime &time, const QTimeZone &zone)
{
    if (!time.isValid())
        return {};
    return time.toTimeZone(zone.isValid() ? zone : QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString zonedDateText(const QDateTime &time, const QTimeZone &zone)
{
    if (!time.isValid())
        return {};
    return QLocale().toString(time.toTimeZone(zone.isValid() ? zone : QTimeZone::utc()).date(),
                              QLocale::ShortFormat);
}

QString zoneShortName(const QTimeZone &zone)
{
    return isUtc(zone) ? QStringLiteral("UTC") : QString::fromUtf8(zone.id());
}

QString headerWithZone(const QString &header, const QTimeZone &zone)
{
    return QStringLiteral("%1 (%2)").arg(header, zoneShortName(zone));
}

} // namespace models
