#include "models/settings/timezonesetting.h"

#include "models/reports/reportdocument.h"
#include "models/settings/appsettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>

#include <algorithm>

namespace models {

namespace {
const auto kKey = QStringLiteral("display/timeZone");
const auto kLocal = QStringLiteral("local");
const auto kUtc = QStringLiteral("UTC");
} // namespace

TimeZoneSetting *TimeZoneSetting::instance()
{
    static QPointer<TimeZoneSetting> setting;
    if (!setting)
        setting = new TimeZoneSetting; // parented to the application, gone with it
    return setting;
}

TimeZoneSetting::TimeZoneSetting() : QObject(QCoreApplication::instance())
{
    AppSettings settings;
    QString choice = settings.value(kKey).toString();
    if (choice.isEmpty())
        choice = settings.showTimesInUtc() ? kUtc : kLocal;
    if (!zoneFor(choice).isValid())
        choice = kLocal;
    m_choice = choice;
    m_zone = zoneFor(choice);
}

QTimeZone TimeZoneSetting::zoneFor(const QString &choice)
{
    if (choice.isEmpty() || choice == kLocal)
        return QTimeZone::systemTimeZone();
    if (choice.compare(kUtc, Qt::CaseInsensitive) == 0)
        return QTimeZone::utc();
    return QTimeZone(choice.toUtf8());
}

bool TimeZoneSetting::setChoice(const QString &choice)
{
    const QString normalized = choice.compare(kUtc, Qt::CaseInsensitive) == 0 ? kUtc
                               : choice.isEmpty()                             ? kLocal
                                                                              : choice;
    const QTimeZone zone = zoneFor(normalized);
    if (!zone.isValid())
        return false;
    AppSettings settings;
    settings.setValue(kKey, normalized);
    settings.setShowTimesInUtc(normalized == kUtc);
    if (normalized == m_choice)
        return true;
    m_choice = normalized;
    m_zone = zone;
    Q_EMIT zoneChanged(m_zone);
    return true;
}

QStringList TimeZoneSetting::availableZones()
{
    QStringList zones;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        zones << QString::fromUtf8(id);
    zones.sort();
    return zones;
}

QString TimeZoneSetting::label() const
{
    const QString zone = reportZoneText(m_zone, QDateTime::currentDateTimeUtc());
    return m_choice == kLocal ? QStringLiteral("Local: %1").arg(zone) : zone;
}

} // namespace models
