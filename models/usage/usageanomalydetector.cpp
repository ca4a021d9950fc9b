#include "usageanomalydetector.h"

#include "usageaggregator.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace models {

namespace {

double medianOf(std::vector<double> &v)
{
    const size_t n = v.size();
    const auto mid = v.begin() + std::ptrdiff_t(n / 2);
    std::nth_element(v.begin(), mid, v.end());
    const double upper = *mid;
    if (n % 2)
        return upper;
    return (upper + *std::max_element(v.begin(), mid)) / 2.0;
}

struct Level
{
    double median = 0;
    double scale = 0; // robust standard deviation estimate; 0 for a flat history
};

// 1.4826 x MAD estimates the standard deviation of normal data; when more than
// half the history is identical MAD is 0 and the mean absolute deviation
// (x 1.2533) still measures the rest (Iglewicz & Hoaglin).
Level levelOf(std::vector<double> &values, std::vector<double> &scratch)
{
    Level level;
    level.median = medianOf(values);
    scratch.clear();
    double sumAbs = 0;
    for (double v : values) {
        scratch.push_back(std::abs(v - level.median));
        sumAbs += scratch.back();
    }
    const double mad = medianOf(scratch);
    level.scale = mad > 0 ? 1.4826 * mad : 1.2533 * sumAbs / double(values.size());
    return level;
}

double zScore(double value, const Level &level)
{
    const double dev = value - level.median;
    if (dev == 0)
        return 0;
    if (level.scale <= 0)
        return dev > 0 ? UsageAnomalyDetector::MaxScore : -UsageAnomalyDetector::MaxScore;
    return std::clamp(dev / level.scale, -UsageAnomalyDetector::MaxScore, UsageAnomalyDetector::MaxScore);
}

} // namespace

UsageAnomalyDetector::UsageAnomalyDetector() : UsageAnomalyDetector(Settings{}) {}

UsageAnomalyDetector::UsageAnomalyDetector(const Settings &settings) : m_settings(settings)
{
    m_settings.window = qMax(3, m_settings.window);
    m_settings.minHistory = qBound(3, m_settings.minHistory, m_settings.window);
    m_settings.seasonalWeeks = qMax(2, m_settings.seasonalWeeks);
}

QList<UsageAnomalyDetector::Point> UsageAnomalyDetector::scan(std::span<const double> daily,
                                                              int firstReported) const
{
    QList<Point> out;
    const int n = int(daily.size());
    const Settings &s = m_settings;
    std::vector<double> history;
    std::vector<double> scratch;
    const int start = qMax(firstReported, s.minHistory);
    for (int t = start; t < n; ++t) {
        history.assign(daily.begin() + qMax(0, t - s.window), daily.begin() + t);
        const Level level = levelOf(history, scratch);
        const double value = daily[size_t(t)];
        const double z = zScore(value, level);
        if (std::abs(z) < s.threshold)
            continue;
        const double dev = value - level.median;
        if (std::abs(dev) < s.minRelativeChange * std::abs(level.median) ||
            std::abs(dev) <= s.minAbsoluteChange)
            continue;
        if (s.weeklySeasonality) {
            history.clear();
            for (int k = 1; k <= s.seasonalWeeks && t - 7 * k >= 0; ++k)
                history.push_back(daily[size_t(t - 7 * k)]);
            // Without two earlier same weekdays a weekly rhythm cannot be told
            // from an anomaly: stay silent rather than flag every weekend.
            if (history.size() < 2)
                continue;
            const Level weekday = levelOf(history, scratch);
            const double zw = zScore(value, weekday);
            const double devw = value - weekday.median;
            if (std::abs(zw) < s.threshold || (zw > 0) != (z > 0) ||
                std::abs(devw) < s.minRelativeChange * std::abs(weekday.median))
                continue;
        }
        out.append({t, value, level.median, z});
    }
    return out;
}

QList<UsageAnomaly> UsageAnomalyDetector::detect(const UsageAggregate &daily) const
{
    return detect(daily, daily.range().first);
}

QList<UsageAnomaly> UsageAnomalyDetector::detect(const UsageAggregate &daily, qint32 firstReportedDay) const
{
    QList<UsageAnomaly> out;
    const UsageGranularity g = daily.granularity();
    if (g != UsageGranularity::Day && g != UsageGranularity::Cumulative)
        return out;
    const int firstReported = qMax(0, firstReportedDay - daily.range().first);
    std::vector<double> increments;
    for (int group = 0; group < daily.groupCount(); ++group) {
        // "Other" mixes whatever did not make the top N: a spike there names
        // nothing one could look into, so it is left out.
        if (daily.group(group).isOther)
            continue;
        std::span<const double> series = daily.series(group);
        if (g == UsageGranularity::Cumulative) {
            increments.assign(series.begin(), series.end());
            for (size_t i = increments.size(); i-- > 1;)
                increments[i] -= increments[i - 1];
            series = increments;
        }
        const UsageGroup &grp = daily.group(group);
        for (const Point &p : scan(series, firstReported)) {
            UsageAnomaly a;
            a.group = group;
            a.groupLabel = grp.label;
            a.groupKeys = grp.keys;
            a.day = daily.bucketStart(p.index);
            a.value = p.value;
            a.baseline = p.baseline;
            a.score = p.score;
            out.append(a);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const UsageAnomaly &a, const UsageAnomaly &b) {
        if (a.day != b.day)
            return a.day < b.day;
        return std::abs(a.score) > std::abs(b.score);
    });
    return out;
}

QList<UsageAnomaly> UsageAnomalyDetector::detect(const UsageCube &cube, const UsageQuery &query) const
{
    UsageQuery q = query;
    q.granularity = UsageGranularity::Day;
    const UsageDayRange range = q.range.isEmpty() ? cube.dayExtent() : q.range;
    if (range.isEmpty())
        return {};
    // Borrow history from before the range, but only days actually fetched:
    // an unfetched day would read as zero usage and make the next day a spike.
    const int lookback = qMax(m_settings.window, 7 * m_settings.seasonalWeeks);
    UsageDayRange before{range.first - lookback, range.first - 1};
    if (cube.coveredRanges().isEmpty()) {
        before.first = qMax(before.first, cube.dayExtent().first);
    } else {
        const QList<UsageDayRange> missing = cube.missingRanges(before);
        if (!missing.isEmpty())
            before.first = missing.last().last + 1;
    }
    q.range = {qMin(before.first, range.first), range.last};
    q.previousRange = {};
    return detect(UsageAggregator::aggregate(cube, q), range.first);
}

} // namespace models
