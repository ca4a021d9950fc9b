#pragma once
// The one time zone the whole console shows times in (View › Time zone):
// the system's ("local"), UTC, or any IANA zone. Tables, the audit timeline,
// the query bar and reports follow zoneChanged(). Usage is counted in whole
// UTC days (the API's days) whatever this says; views of it say so.
// Kept in the settings as display/timeZone ("local", "UTC" or the IANA id);
// display/utc (the older switch) follows it, so a view that only knows
// "local or UTC" still shows UTC when UTC is chosen.

#include <QObject>
#include <QStringList>
#include <QTimeZone>

namespace models {

class TimeZoneSetting : public QObject
{
    Q_OBJECT
public:
    // The application's, read from the settings on first use.
    static TimeZoneSetting *instance();

    QTimeZone zone() const { return m_zone; }
    // "local", "UTC" or an IANA id.
    QString choice() const { return m_choice; }
    // Unknown ids are refused (false) and change nothing.
    bool setChoice(const QString &choice);

    // The zone a choice names; nullopt-like invalid zone for an unknown id.
    static QTimeZone zoneFor(const QString &choice);
    // Every IANA zone this system knows, sorted.
    static QStringList availableZones();
    // As a reader knows it: "UTC", "Europe/Berlin (UTC+01:00)"; local says so.
    QString label() const;

    // Calls apply now and whenever the zone changes, while context lives.
    template <typename F> static void follow(const QObject *context, F apply)
    {
        connect(instance(), &TimeZoneSetting::zoneChanged, context, apply);
        apply();
    }

Q_SIGNALS:
    void zoneChanged(const QTimeZone &zone);

private:
    TimeZoneSetting();
    QString m_choice;
    QTimeZone m_zone;
};

} // namespace models
