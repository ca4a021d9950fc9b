#include "timeutil.h"

#include <QRegularExpression>

namespace sim {

qint64 TimeUtil::daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

void TimeUtil::civilFromDays(qint64 z, int &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = int(qint64(yoe) + era * 400 + (m <= 2));
}

int TimeUtil::weekday(qint64 msecs)
{
    const qint64 days = floorDay(msecs) / DayMs;
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    return int(((days % 7) + 7 + 3) % 7);
}

namespace {
inline void put2(char *p, unsigned v)
{
    p[0] = char('0' + v / 10);
    p[1] = char('0' + v % 10);
}
} // namespace

void TimeUtil::appendRfc3339(QByteArray &out, qint64 msecs, bool withMillis)
{
    const qint64 day = floorDay(msecs);
    qint64 rest = msecs - day;
    int y;
    unsigned m, d;
    civilFromDays(day / DayMs, y, m, d);
    char buf[32];
    buf[0] = char('0' + (y / 1000) % 10);
    buf[1] = char('0' + (y / 100) % 10);
    buf[2] = char('0' + (y / 10) % 10);
    buf[3] = char('0' + y % 10);
    buf[4] = '-';
    put2(buf + 5, m);
    buf[7] = '-';
    put2(buf + 8, d);
    buf[10] = 'T';
    const unsigned ms = unsigned(rest % 1000);
    rest /= 1000;
    put2(buf + 11, unsigned(rest / 3600));
    buf[13] = ':';
    put2(buf + 14, unsigned((rest / 60) % 60));
    buf[16] = ':';
    put2(buf + 17, unsigned(rest % 60));
    int len = 19;
    if (withMillis) {
        buf[19] = '.';
        buf[20] = char('0' + ms / 100);
        buf[21] = char('0' + (ms / 10) % 10);
        buf[22] = char('0' + ms % 10);
        len = 23;
    }
    buf[len++] = 'Z';
    out.append(buf, len);
}

QByteArray TimeUtil::rfc3339(qint64 msecs, bool withMillis)
{
    QByteArray out;
    appendRfc3339(out, msecs, withMillis);
    return out;
}

QByteArray TimeUtil::date(qint64 msecs)
{
    return rfc3339(msecs).left(10);
}

bool TimeUtil::isDateOnly(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    return re.match(text).hasMatch();
}

std::optional<qint64> TimeUtil::parse(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt "
                       "](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?([Zz]|[+-]\\d{2}:\\d{2}))?$"));
    const auto match = re.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const int y = match.captured(1).toInt();
    const unsigned mo = match.captured(2).toUInt();
    const unsigned d = match.captured(3).toUInt();
    static const unsigned monthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12 || d < 1 || d > monthDays[mo - 1])
        return std::nullopt;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (mo == 2 && d == 29 && !leap)
        return std::nullopt;
    qint64 ms = daysFromCivil(y, mo, d) * DayMs;
    if (match.capturedLength(4) > 0) {
        const unsigned h = match.captured(4).toUInt();
        const unsigned mi = match.captured(5).toUInt();
        const unsigned s = match.captured(6).toUInt();
        if (h > 23 || mi > 59 || s > 60)
            return std::nullopt;
        ms += (qint64(h) * 3600 + mi * 60 + s) * 1000;
        const QString frac = match.captured(7);
        if (!frac.isEmpty())
            ms += QString(frac + QStringLiteral("00")).left(3).toInt();
        const QString zone = match.captured(8);
        if (zone.size() == 6) {
            const int sign = zone.at(0) == QLatin1Char('-') ? -1 : 1;
            const int oh = zone.mid(1, 2).toInt();
            const int om = zone.mid(4, 2).toInt();
            if (oh > 23 || om > 59)
                return std::nullopt;
            ms -= sign * (qint64(oh) * 3600 + om * 60) * 1000;
        }
    }
    return ms;
}

} // namespace sim
