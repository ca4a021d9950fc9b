#pragma once
// Flags days on which a group's usage departs from its recent level: a robust
// z-score (median and MAD) of the day against the previous `window` days.
// With weekly seasonality on, the day must also depart from the same weekday
// of the previous weeks, so a quiet weekend after a busy week is not news.
// A minimum relative change keeps near-constant series from flagging noise.

#include "usageaggregate.h"
#include "usagecube.h"

#include <QList>
#include <span>

namespace models {

struct UsageAnomaly
{
    // Group index in the scanned aggregate; for detect(cube, query) that is the
    // detector's own daily aggregate, so match on groupKeys.
    int group = -1;
    QString groupLabel;
    QList<UsageGroupKey> groupKeys; // to filter or open the audit log for that account
    QDate day;
    double value = 0;
    double baseline = 0; // median of the previous window
    double score = 0;    // robust z-score, capped at +-MaxScore
};

class UsageAnomalyDetector
{
public:
    static constexpr double MaxScore = 1000.0; // stands for "departs from a perfectly flat history"

    struct Settings
    {
        int window = 14;                 // days of history the level is taken from
        double threshold = 3.5;          // |z| at or above which a day is flagged
        double minRelativeChange = 0.25; // and |value - baseline| >= this x |baseline|
        double minAbsoluteChange = 0.0;  // and |value - baseline| > this
        bool weeklySeasonality = true;
        int seasonalWeeks = 4; // same weekdays looked at
        int minHistory = 7;    // days needed before a day is judged
    };

    struct Point
    {
        int index = 0;
        double value = 0;
        double baseline = 0;
        double score = 0;
    };

    UsageAnomalyDetector();
    explicit UsageAnomalyDetector(const Settings &settings);
    const Settings &settings() const { return m_settings; }

    // Points of one daily series that are anomalies; indexes before
    // firstReported serve as history only.
    QList<Point> scan(std::span<const double> daily, int firstReported = 0) const;

    // Every group of a Day (or Cumulative: its daily increments) aggregate.
    // Week and Month aggregates give an empty list.
    QList<UsageAnomaly> detect(const UsageAggregate &daily) const;

    // Aggregates `query` by day with enough loaded history before its range for
    // the first days to be judged too, and scans each group. Pure; run off-thread.
    QList<UsageAnomaly> detect(const UsageCube &cube, const UsageQuery &query) const;

private:
    QList<UsageAnomaly> detect(const UsageAggregate &daily, qint32 firstReportedDay) const;
    Settings m_settings;
};

} // namespace models
