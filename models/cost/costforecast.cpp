#include "costforecast.h"

#include "models/usage/usagetypes.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace models {

std::optional<double> DailySeries::at(qint32 day) const
{
    if (day < firstDay || day > lastDay())
        return std::nullopt;
    const double v = values[size_t(day - firstDay)];
    if (std::isnan(v))
        return std::nullopt;
    return v;
}

QString forecastMethodDescription()
{
    return QCoreApplication::translate(
        "models::MonthForecast", "Forecast: each remaining day is the average of the same weekday over the "
                                 "last four weeks; the band spans the lowest and highest of those days.");
}

MonthForecast forecastMonth(const DailySeries &series, qint32 asOf)
{
    MonthForecast f;
    f.monthFirst = usageday::monthStart(asOf);
    const QDate first = usageday::toDate(f.monthFirst);
    f.monthLast = f.monthFirst + first.daysInMonth() - 1;

    // Month to date: actual days of the month up to asOf.
    f.lastActual = -1;
    for (qint32 d = f.monthFirst; d <= asOf; ++d) {
        if (const auto v = series.at(d)) {
            f.monthToDate += *v;
            f.lastActual = d;
        }
    }
    if (f.lastActual < 0)
        return f;
    f.valid = true;
    f.lastActual = asOf; // days without data before asOf are days without cost
    for (qint32 d = f.monthFirst; d <= asOf; ++d)
        f.actual.push_back(series.at(d).value_or(0.0));
    f.forecast = f.low = f.high = f.monthToDate;

    for (qint32 d = asOf + 1; d <= f.monthLast; ++d) {
        // The same weekday in the last four weeks that have data.
        std::vector<double> samples;
        for (qint32 back = d - 7; back > asOf - 28 - 7 && samples.size() < 4; back -= 7) {
            if (back > asOf)
                continue;
            if (const auto v = series.at(back))
                samples.push_back(*v);
        }
        if (samples.empty()) {
            // Fewer than a week of history: the average of the days there are.
            for (qint32 back = asOf; back > asOf - 7; --back) {
                if (const auto v = series.at(back))
                    samples.push_back(*v);
            }
        }
        double mean = 0.0, lo = 0.0, hi = 0.0;
        if (!samples.empty()) {
            for (double v : samples)
                mean += v;
            mean /= double(samples.size());
            lo = *std::min_element(samples.begin(), samples.end());
            hi = *std::max_element(samples.begin(), samples.end());
        }
        f.projected.push_back(mean);
        f.projectedLow.push_back(lo);
        f.projectedHigh.push_back(hi);
        f.forecast += mean;
        f.low += lo;
        f.high += hi;
    }
    return f;
}

ForecastCurve cumulativeCurve(const MonthForecast &f)
{
    ForecastCurve c;
    if (!f.valid)
        return c;
    c.firstDay = f.monthFirst;
    c.forecastFirstDay = f.lastActual;
    double running = 0.0;
    for (double v : f.actual)
        c.actual.push_back(running += v);
    double mid = running, lo = running, hi = running;
    c.forecast.push_back(mid);
    c.low.push_back(lo);
    c.high.push_back(hi);
    for (size_t i = 0; i < f.projected.size(); ++i) {
        c.forecast.push_back(mid += f.projected[i]);
        c.low.push_back(lo += f.projectedLow[i]);
        c.high.push_back(hi += f.projectedHigh[i]);
    }
    return c;
}

BudgetStatus checkBudget(const Budget &budget, const QMap<QString, double> &forecastByFamily,
                         const QMap<QString, double> &previousByFamily)
{
    BudgetStatus s;
    s.budget = budget.monthly;
    for (auto it = forecastByFamily.begin(); it != forecastByFamily.end(); ++it) {
        BudgetStatus::Family f;
        f.name = it.key();
        f.forecast = it.value();
        f.previousMonth = previousByFamily.value(it.key());
        const double own = budget.family.value(it.key());
        if (own > 0.0)
            f.budget = own;
        s.forecast += it.value();
        s.families.append(f);
    }
    std::sort(
        s.families.begin(), s.families.end(),
        [](const BudgetStatus::Family &a, const BudgetStatus::Family &b) { return a.forecast > b.forecast; });
    s.overBudget = budget.monthly > 0.0 && s.forecast > budget.monthly;

    for (const BudgetStatus::Family &f : std::as_const(s.families)) {
        if (f.overBudget())
            s.drivers << f.name;
    }
    if (s.overBudget) {
        // The families that grew most against last month carry the overrun;
        // with no growth anywhere, the largest ones do.
        QList<BudgetStatus::Family> growth = s.families;
        std::sort(growth.begin(), growth.end(),
                  [](const BudgetStatus::Family &a, const BudgetStatus::Family &b) {
                      return a.forecast - a.previousMonth > b.forecast - b.previousMonth;
                  });
        const double overrun = s.forecast - budget.monthly;
        double covered = 0.0;
        for (const BudgetStatus::Family &f : std::as_const(growth)) {
            const double delta = f.forecast - f.previousMonth;
            if (delta <= 0.0 || covered >= overrun)
                break;
            if (!s.drivers.contains(f.name))
                s.drivers << f.name;
            covered += delta;
        }
        if (s.drivers.isEmpty()) {
            for (const BudgetStatus::Family &f : std::as_const(s.families)) {
                s.drivers << f.name;
                covered += f.forecast;
                if (covered >= overrun)
                    break;
            }
        }
    }
    return s;
}

} // namespace models
