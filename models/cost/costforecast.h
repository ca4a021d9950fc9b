#pragma once
// Month-end forecast of a daily cost series, and a budget check.
//
// Method (stated to the user by methodDescription()): each remaining day of
// the month is forecast as the average of the same weekday over the last four
// weeks of actual data; the band is the lowest and highest of those four days.
// Weekdays matter: Workers and R2 traffic follows the working week.

#include <QList>
#include <QMap>
#include <QString>
#include <optional>
#include <vector>

namespace models {

struct DailySeries
{
    qint32 firstDay = 0;        // days since 1970-01-01 (UTC)
    std::vector<double> values; // one per day from firstDay; NaN = no data

    std::optional<double> at(qint32 day) const;
    qint32 lastDay() const { return firstDay + qint32(values.size()) - 1; }
};

struct MonthForecast
{
    bool valid = false;    // false when there is no actual day in the month
    qint32 monthFirst = 0; // the month forecast
    qint32 monthLast = 0;
    qint32 lastActual = 0; // month to date runs through this day
    double monthToDate = 0.0;
    double forecast = 0.0; // month to date + the remaining days
    double low = 0.0;      // band of the month-end figure
    double high = 0.0;
    std::vector<double> actual;    // per day monthFirst .. lastActual (0 where no data)
    std::vector<double> projected; // per day lastActual+1 .. monthLast
    std::vector<double> projectedLow;
    std::vector<double> projectedHigh;
};

// Forecast of the month holding `asOf`, from the actual values up to and
// including `asOf` (later values are ignored).
MonthForecast forecastMonth(const DailySeries &series, qint32 asOf);
QString forecastMethodDescription();

// The month as running totals, what a chart of the month draws: `actual` is
// the cost up to and including each day monthFirst .. lastActual; the
// forecast and its band continue from lastActual (their first point is the
// month to date) through monthLast, so the lines join.
struct ForecastCurve
{
    qint32 firstDay = 0;         // monthFirst
    qint32 forecastFirstDay = 0; // lastActual
    std::vector<double> actual;
    std::vector<double> forecast;
    std::vector<double> low;
    std::vector<double> high;
};
ForecastCurve cumulativeCurve(const MonthForecast &forecast);

struct Budget
{
    double monthly = 0.0;         // 0 = none
    QMap<QString, double> family; // per product family; 0 or absent = none

    bool isEmpty() const { return monthly <= 0.0 && family.isEmpty(); }
    bool operator==(const Budget &) const = default;
};

struct BudgetStatus
{
    struct Family
    {
        QString name;
        double forecast = 0.0;
        std::optional<double> budget;
        double previousMonth = 0.0; // same family, whole previous month
        double monthToDate = 0.0;   // same family, this month so far (set by computeCostOutlook)
        bool overBudget() const { return budget && forecast > *budget; }
    };

    bool overBudget = false; // the whole month's forecast crosses the monthly budget
    double budget = 0.0;
    double forecast = 0.0;
    QList<Family> families; // largest forecast first
    QStringList drivers;    // families that drove the overrun (or are over their own budget)
};

// forecastByFamily: month-end forecast per product family; previousByFamily:
// the previous month's actual cost per family.
BudgetStatus checkBudget(const Budget &budget, const QMap<QString, double> &forecastByFamily,
                         const QMap<QString, double> &previousByFamily);

} // namespace models
