#pragma once
// UTC time helpers working on milliseconds since the epoch. Formatting is
// hand-written because QDateTime::toString is too slow for a million audit
// entries at start-up.

#include <QByteArray>
#include <QString>
#include <optional>

namespace sim {

class TimeUtil
{
public:
    static constexpr qint64 DayMs = 86400000;

    // "2026-11-23T16:09:41Z" (withMillis: "2026-11-23T16:09:41.215Z").
    static void appendRfc3339(QByteArray &out, qint64 msecs, bool withMillis = false);
    static QByteArray rfc3339(qint64 msecs, bool withMillis = false);
    static QByteArray date(qint64 msecs); // "2026-11-23"

    // Accepts "YYYY-MM-DD" (midnight UTC) or an RFC 3339 timestamp with
    // optional fraction and Z or ±hh:mm offset. Nothing else.
    static std::optional<qint64> parse(const QString &text);
    static bool isDateOnly(const QString &text);

    static qint64 daysFromCivil(int y, unsigned m, unsigned d);
    static void civilFromDays(qint64 z, int &y, unsigned &m, unsigned &d);
    static qint64 floorDay(qint64 msecs) { return msecs - ((msecs % DayMs) + DayMs) % DayMs; }
    static int weekday(qint64 msecs); // 0 = Monday
};

} // namespace sim
