// Month-end forecast on fixed series (weekday pattern, short history, gaps)
// and the budget check naming the families that drove an overrun.

#include "models/cost/costforecast.h"
#include "models/usage/usagetypes.h"

#include <QTest>
#include <cmath>

using models::BudgetStatus;
using models::DailySeries;
using models::MonthForecast;
namespace usageday = models::usageday;

namespace {

// Weekdays cost 10, weekends 2, from `first` through `last`.
DailySeries weekly(QDate first, QDate last)
{
    DailySeries s;
    s.firstDay = usageday::fromDate(first);
    for (QDate d = first; d <= last; d = d.addDays(1))
        s.values.push_back(d.dayOfWeek() >= 6 ? 2.0 : 10.0);
    return s;
}

} // namespace

class TestCostForecast : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void weekdayPattern()
    {
        // Data through 2026-11-15 (a Sunday); November has 30 days.
        const DailySeries s = weekly(QDate(2026, 9, 1), QDate(2026, 11, 15));
        const MonthForecast f = models::forecastMonth(s, usageday::fromDate(QDate(2026, 11, 15)));
        QVERIFY(f.valid);
        QCOMPARE(usageday::toDate(f.monthFirst), QDate(2026, 11, 1));
        QCOMPARE(usageday::toDate(f.monthLast), QDate(2026, 11, 30));
        double mtd = 0;
        for (QDate d(2026, 11, 1); d <= QDate(2026, 11, 15); d = d.addDays(1))
            mtd += d.dayOfWeek() >= 6 ? 2.0 : 10.0;
        QCOMPARE(f.monthToDate, mtd);
        QCOMPARE(f.projected.size(), size_t(15));
        double rest = 0;
        for (QDate d(2026, 11, 16); d <= QDate(2026, 11, 30); d = d.addDays(1)) {
            const double expected = d.dayOfWeek() >= 6 ? 2.0 : 10.0;
            QCOMPARE(f.projected[size_t(d.day() - 16)], expected);
            rest += expected;
        }
        QCOMPARE(f.forecast, mtd + rest);
        // A perfectly regular history has no band.
        QCOMPARE(f.low, f.forecast);
        QCOMPARE(f.high, f.forecast);
        QVERIFY(!models::forecastMethodDescription().isEmpty());
    }

    void bandFromTheFourWeeks()
    {
        // Mondays over the four weeks before: 4, 8, 12, 16 -> mean 10, band 4..16.
        DailySeries s;
        const QDate first(2026, 10, 5); // a Monday
        s.firstDay = usageday::fromDate(first);
        for (QDate d = first; d <= QDate(2026, 11, 1); d = d.addDays(1))
            s.values.push_back(d.dayOfWeek() == 1 ? 4.0 * (1 + first.daysTo(d) / 7) : 0.0);
        const MonthForecast f = models::forecastMonth(s, usageday::fromDate(QDate(2026, 11, 1)));
        QVERIFY(f.valid);
        const size_t monday = size_t(QDate(2026, 11, 2).day() - 2); // first projected day is Nov 2
        QCOMPARE(f.projected[monday], 10.0);
        QCOMPARE(f.projectedLow[monday], 4.0);
        QCOMPARE(f.projectedHigh[monday], 16.0);
        QVERIFY(f.low < f.forecast && f.forecast < f.high);
    }

    void cumulativeCurveJoinsActualAndForecast()
    {
        // What the Usage page's month chart draws: running totals of the month
        // to date, then the forecast and its band from the last actual day on.
        DailySeries s;
        const QDate first(2026, 10, 5); // a Monday
        s.firstDay = usageday::fromDate(first);
        for (QDate d = first; d <= QDate(2026, 11, 3); d = d.addDays(1))
            s.values.push_back(d.dayOfWeek() == 1 ? 4.0 * (1 + first.daysTo(d) / 7) : 1.0);
        s.values[size_t(first.daysTo(QDate(2026, 11, 2)))] = std::nan(""); // a day never fetched
        const MonthForecast f = models::forecastMonth(s, usageday::fromDate(QDate(2026, 11, 3)));
        QVERIFY(f.valid);
        const models::ForecastCurve c = models::cumulativeCurve(f);
        QCOMPARE(c.firstDay, usageday::fromDate(QDate(2026, 11, 1)));
        QCOMPARE(c.forecastFirstDay, usageday::fromDate(QDate(2026, 11, 3)));
        // Nov 1 (Sunday) 1, Nov 2 unknown (counted as 0), Nov 3 1.
        QCOMPARE(c.actual, (std::vector<double>{1.0, 1.0, 2.0}));
        QCOMPARE(c.actual.back(), f.monthToDate);
        QCOMPARE(c.forecast.size(), size_t(30 - 3 + 1));
        QCOMPARE(c.forecast.front(), f.monthToDate);
        QCOMPARE(c.forecast.back(), f.forecast);
        QCOMPARE(c.low.back(), f.low);
        QCOMPARE(c.high.back(), f.high);
        // Nov 9 is a Monday: its step is the Mondays' average, the band their extremes.
        const size_t nov9 = size_t(9 - 3);
        QCOMPARE(c.forecast[nov9] - c.forecast[nov9 - 1], f.projected[nov9 - 1]);
        QCOMPARE(c.high[nov9] - c.high[nov9 - 1], 16.0);
        QCOMPARE(c.low[nov9] - c.low[nov9 - 1], 4.0);
        for (size_t i = 0; i < c.forecast.size(); ++i)
            QVERIFY(c.low[i] <= c.forecast[i] && c.forecast[i] <= c.high[i]);
        QVERIFY(models::cumulativeCurve(MonthForecast{}).actual.empty());
    }

    void shortHistoryUsesTheDaysThereAre()
    {
        const DailySeries s = weekly(QDate(2026, 11, 1), QDate(2026, 11, 3)); // Sun 2, Mon 10, Tue 10
        const MonthForecast f = models::forecastMonth(s, usageday::fromDate(QDate(2026, 11, 3)));
        QVERIFY(f.valid);
        // Nov 4 has no same weekday before it: the average of the days there are.
        QCOMPARE(f.projected[0], (2.0 + 10.0 + 10.0) / 3.0);
        // Nov 8 (Sunday) has one: Nov 1.
        QCOMPARE(f.projected[4], 2.0);
    }

    void noDataInTheMonth()
    {
        const DailySeries s = weekly(QDate(2026, 9, 1), QDate(2026, 10, 31));
        const MonthForecast f = models::forecastMonth(s, usageday::fromDate(QDate(2026, 11, 30)));
        QVERIFY(!f.valid);
    }

    void budgetOverrunNamesDrivers()
    {
        models::Budget budget;
        budget.monthly = 1000;
        budget.family.insert(QStringLiteral("R2"), 100);
        const QMap<QString, double> forecast{
            {QStringLiteral("Workers"), 700}, {QStringLiteral("R2"), 150}, {QStringLiteral("Stream"), 300}};
        const QMap<QString, double> previous{
            {QStringLiteral("Workers"), 400}, {QStringLiteral("R2"), 140}, {QStringLiteral("Stream"), 310}};
        const BudgetStatus s = models::checkBudget(budget, forecast, previous);
        QVERIFY(s.overBudget);
        QCOMPARE(s.forecast, 1150.0);
        QCOMPARE(s.families.first().name, QStringLiteral("Workers"));
        // R2 is over its own budget; Workers grew by 300, which covers the 150 overrun.
        QCOMPARE(s.drivers, (QStringList{QStringLiteral("R2"), QStringLiteral("Workers")}));
        QVERIFY(!s.drivers.contains(QStringLiteral("Stream")));
    }

    void withinBudget()
    {
        models::Budget budget;
        budget.monthly = 5000;
        const BudgetStatus s = models::checkBudget(budget, {{QStringLiteral("Workers"), 700}},
                                                   {{QStringLiteral("Workers"), 100}});
        QVERIFY(!s.overBudget);
        QVERIFY(s.drivers.isEmpty());
        // No budget at all is never "over".
        QVERIFY(!models::checkBudget({}, {{QStringLiteral("Workers"), 700}}, {}).overBudget);
    }
};

QTEST_GUILESS_MAIN(TestCostForecast)
#include "tst_costforecast.moc"
