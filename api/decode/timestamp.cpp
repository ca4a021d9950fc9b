// RFC 3339 timestamps without QDateTime: a decoder reads one per row.
#include "api/decoders.h"

namespace api::decode {

bool parseTimestamp(std::string_view s, qint64 *msSinceEpoch)
{
    const auto digits = [&s](size_t at, size_t n, int *out) {
        if (at + n > s.size())
            return false;
        int v = 0;
        for (size_t i = at; i < at + n; ++i) {
            const char c = s[i];
            if (c < '0' || c > '9')
                return false;
            v = v * 10 + (c - '0');
        }
        *out = v;
        return true;
    };
    int year, month, day;
    if (!digits(0, 4, &year) || s.size() < 10 || s[4] != '-' || !digits(5, 2, &month) || s[7] != '-' ||
        !digits(8, 2, &day))
        return false;
    if (month < 1 || month > 12 || day < 1)
        return false;
    static const int daysIn[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > daysIn[month - 1] + ((month == 2 && leap) ? 1 : 0))
        return false;
    int hour = 0, minute = 0, second = 0, millis = 0;
    qint64 offsetMinutes = 0;
    size_t pos = 10;
    if (pos < s.size()) {
        if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')
            return false;
        if (!digits(pos + 1, 2, &hour) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !digits(pos + 4, 2, &minute))
            return false;
        pos += 6;
        if (pos < s.size() && s[pos] == ':') {
            if (!digits(pos + 1, 2, &second))
                return false;
            pos += 3;
        }
        if (hour > 23 || minute > 59 || second > 60)
            return false;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            int scale = 100;
            size_t n = 0;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                millis += (s[pos] - '0') * scale;
                scale /= 10;
                ++pos;
                ++n;
            }
            if (n == 0)
                return false;
        }
        if (pos >= s.size())
            return false; // RFC 3339 requires a zone
        if (s[pos] == 'Z' || s[pos] == 'z') {
            ++pos;
        } else if (s[pos] == '+' || s[pos] == '-') {
            int oh, om;
            if (!digits(pos + 1, 2, &oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
                !digits(pos + 4, 2, &om))
                return false;
            if (oh > 23 || om > 59)
                return false;
            offsetMinutes = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
            pos += 6;
        } else {
            return false;
        }
        if (pos != s.size())
            return false;
        if (second == 60)
            second = 59; // leap second: clamp rather than reject
    }
    // Days from civil (proleptic Gregorian), Howard Hinnant's algorithm.
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = unsigned((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const qint64 days = qint64(era) * 146097 + qint64(doe) - 719468;
    *msSinceEpoch =
        ((days * 24 + hour) * 60 + minute) * 60000 + qint64(second) * 1000 + millis - offsetMinutes * 60000;
    return true;
}

} // namespace api::decode
