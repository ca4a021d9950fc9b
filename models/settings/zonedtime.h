#pragma once
// Times as tables show them, in the zone of View › Time zone
// (models::TimeZoneSetting), and the zone's name for the column header, so
// a reader always knows which clock a time was read on.

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace models {

// "2026-11-23 13:04" in `zone`; empty for an invalid time.
QString zonedTimeText(const QDateTime &time, const QTimeZone &zone);
// The day in `zone`, in the locale's short format.
QString zonedDateText(const QDateTime &time, const QTimeZone &zone);
// "UTC", "Europe/Berlin".
QString zoneShortName(const QTimeZone &zone);
// "Created (Europe/Berlin)".
QString headerWithZone(const QString &header, const QTimeZone &zone);

} // namespace models
