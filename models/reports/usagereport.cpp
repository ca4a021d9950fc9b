#include "models/reports/usagereport.h"

#include "models/cost/costforecast.h"
#include "models/usage/usagecontroller.h"
#include "models/usage/usagepivotmodel.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace models {

namespace {

QString dayText(QDate day)
{
    return day.toString(Qt::ISODate);
}

QString percentText(std::optional<double> pct)
{
    if (!pct)
        return QStringLiteral("—");
    return QString((*pct > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(*pct, 'f', 1) +
                   QStringLiteral(" %"));
}

QString bucketText(const UsageAggregate &a, int b)
{
    switch (a.granularity()) {
    case UsageGranularity::Day:
    case UsageGranularity::Cumulative:
        return QLocale().toString(a.bucketStart(b), QStringLiteral("d MMM"));
    case UsageGranularity::Week:
        return a.bucketLabel(b);
    case UsageGranularity::Month:
        return QLocale().toString(a.bucketPeriodStart(b), QStringLiteral("MMM yyyy"));
    }
    return a.bucketLabel(b);
}

QString measureText(const UsageAggregate &a)
{
    QString text = usageMeasureName(a.measure());
    if (!a.unit().isEmpty())
        text += QStringLiteral(" (%1)").arg(a.unit());
    return text;
}

} // namespace

QString usageReportRangeText(const UsageDayRange &range)
{
    if (range.isEmpty())
        return QStringLiteral("No period");
    return QStringLiteral("%1 – %2 (%3 days, UTC)")
        .arg(dayText(range.firstDate()), dayText(range.lastDate()))
        .arg(range.dayCount());
}

QString reportMoney(double amount, const QString &currency)
{
    const QLocale locale;
    if (!currency.isEmpty() && currency == locale.currencySymbol(QLocale::CurrencyIsoCode))
        return locale.toCurrencyString(amount, locale.currencySymbol(QLocale::CurrencySymbol), 2);
    return locale.toString(amount, 'f', 2) + (currency.isEmpty() ? QString() : QLatin1Char(' ') + currency);
}

ReportDocument buildUsageReport(const UsageController &c, const UsageReportOptions &o)
{
    const UsageAggregate &a = c.aggregate();
    const UsagePivotModel *pivot = c.pivotModel();
    const auto value = [pivot](double v) { return pivot->formatValue(v); };
    const bool cost = usageMeasureIsCost(a.measure());

    ReportMeta meta;
    meta.title = cost ? QStringLiteral("Usage and cost report") : QStringLiteral("Usage report");
    meta.organization = o.organizationName.isEmpty() ? o.organizationId : o.organizationName;
    meta.organizationId = o.organizationName.isEmpty() ? QString() : o.organizationId;
    meta.range = usageReportRangeText(a.range());
    meta.generated = o.generated;
    meta.zone = o.zone;
    ReportDocument doc(meta);

    // What the figures are.
    QList<std::pair<QString, QString>> facts;
    facts.append({QStringLiteral("Measure"), measureText(a)});
    QStringList groups;
    for (const UsageDimension d : a.query().groupBy)
        groups << usageDimensionName(d);
    facts.append({QStringLiteral("Grouped by"),
                  groups.isEmpty() ? QStringLiteral("—") : groups.join(QStringLiteral(" › "))});
    facts.append({QStringLiteral("Time buckets"), usageGranularityName(a.granularity())});
    QStringList filters;
    for (const UsageFilter &f : a.query().filters)
        filters << QStringLiteral("%1: %2").arg(usageDimensionName(f.dimension),
                                                f.label.isEmpty() ? f.key : f.label);
    facts.append({QStringLiteral("Filters"), filters.isEmpty() ? QStringLiteral("none (all usage)")
                                                               : filters.join(QStringLiteral("; "))});
    facts.append({QStringLiteral("Compared with"), usageReportRangeText(a.previousRange())});
    QString records = QLocale().toString(qlonglong(a.matchedRows()));
    if (a.correctionRows() > 0)
        records += QStringLiteral(" (%1 corrections)").arg(QLocale().toString(qlonglong(a.correctionRows())));
    if (!a.query().includeCorrections)
        records += QStringLiteral("; corrections left out");
    facts.append({QStringLiteral("Records"), records});
    doc.addFacts(facts);

    if (a.groupCount() == 0) {
        doc.addHeading(QStringLiteral("Summary"));
        doc.addParagraph(c.cube().isEmpty() ? QStringLiteral("No usage was loaded for this period.")
                                            : QStringLiteral("No usage in this period."));
        return doc;
    }

    // Key figures.
    const bool mixed = a.unitsMixed();
    const double total = a.grandTotal();
    const double previous = a.previousTotal();
    std::optional<double> totalPct;
    if (previous != 0)
        totalPct = (total - previous) / std::abs(previous) * 100.0;
    doc.addHeading(QStringLiteral("Summary"));
    QList<ReportDocument::Figure> figures;
    figures.append({QStringLiteral("Total"), mixed ? QStringLiteral("—") : value(total),
                    QStringLiteral("%1 records").arg(QLocale().toString(qlonglong(a.matchedRows())))});
    figures.append({QStringLiteral("Previous period"),
                    mixed || !a.previousCovered() ? QStringLiteral("—") : value(previous),
                    a.previousCovered()
                        ? QStringLiteral("%1 – %2").arg(dayText(a.previousRange().firstDate()),
                                                        dayText(a.previousRange().lastDate()))
                        : QStringLiteral("not loaded")});
    const double change = total - previous;
    figures.append({QStringLiteral("Change"),
                    mixed || !a.previousCovered()
                        ? QStringLiteral("—")
                        : QString((change > 0 ? QStringLiteral("+") : QString()) + value(change)),
                    a.previousCovered()
                        ? percentText(totalPct) + QStringLiteral(" against the previous period")
                        : QString()});
    doc.addFigures(figures);
    if (!a.rangeCovered())
        doc.addNote(QStringLiteral("Part of the period is not loaded: the figures cover the days that are."));
    if (mixed)
        doc.addNote(QStringLiteral("Quantities of different units are not added: see the totals by group."));

    // Groups by size, as the pivot lists them.
    std::vector<int> order(size_t(a.groupCount()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int l, int r) {
        if (a.group(l).isOther != a.group(r).isOther)
            return !a.group(l).isOther;
        return a.rowTotal(l) > a.rowTotal(r);
    });

    // The chart: the largest groups, the rest as one.
    ReportChart chart;
    for (int b = 0; b < a.bucketCount(); ++b) {
        chart.categories << bucketText(a, b);
        chart.faint << a.bucketPartial(b);
    }
    ReportChart::Series rest{QStringLiteral("Other"), QList<double>(a.bucketCount(), 0.0), {}};
    bool haveRest = false;
    for (size_t i = 0; i < order.size(); ++i) {
        const int g = order[i];
        const auto series = a.series(g);
        if (int(i) < o.chartGroups && !a.group(g).isOther) {
            chart.series.append({a.group(g).label, QList<double>(series.begin(), series.end()), {}});
        } else {
            haveRest = true;
            for (int b = 0; b < a.bucketCount() && b < int(series.size()); ++b)
                rest.values[b] += std::isfinite(series[size_t(b)]) ? series[size_t(b)] : 0.0;
        }
    }
    if (haveRest) {
        rest.color = QColor(0xBA, 0xB0, 0xAC);
        chart.series.append(rest);
    }
    chart.valueLabel = a.unit();
    chart.footnote =
        a.granularity() == UsageGranularity::Cumulative
            ? QStringLiteral("Running totals. Days are UTC days, as the API reports usage.")
            : QStringLiteral("Days are UTC days, as the API reports usage. Faint bars: a week or "
                             "month the period cuts short.");
    doc.addHeading(
        QStringLiteral("%1 by %2")
            .arg(usageMeasureName(a.measure()),
                 groups.isEmpty() ? QStringLiteral("total") : groups.join(QStringLiteral(" › ")).toLower()));
    if (!mixed)
        doc.addChart(chart, 72);
    else
        doc.addNote(QStringLiteral("No chart: the groups are in different units."));

    // Top movers: the largest changes against the previous period.
    if (a.previousCovered()) {
        std::vector<int> movers = order;
        std::stable_sort(movers.begin(), movers.end(),
                         [&](int l, int r) { return std::abs(a.change(l)) > std::abs(a.change(r)); });
        ReportDocument::Table t;
        t.headers = {QStringLiteral("Group"), QStringLiteral("This period"), QStringLiteral("Previous"),
                     QStringLiteral("Change"), QStringLiteral("Change %")};
        t.rightAligned = {1, 2, 3, 4};
        t.widths = {40, 15, 15, 15, 15};
        for (size_t i = 0; i < movers.size() && int(i) < o.movers; ++i) {
            const int g = movers[i];
            if (a.change(g) == 0)
                break;
            const double d = a.change(g);
            t.rows.append({a.group(g).label, value(a.rowTotal(g)), value(a.previous(g)),
                           QString((d > 0 ? QStringLiteral("+") : QString()) + value(d)),
                           percentText(a.changePercent(g))});
        }
        doc.addHeading(QStringLiteral("Top movers against the previous period"));
        if (t.rows.isEmpty())
            doc.addParagraph(QStringLiteral("No group changed."));
        else
            doc.addTable(t);
    }

    // Totals by group (the pivot's total column).
    {
        ReportDocument::Table t;
        t.headers = {groups.isEmpty() ? QStringLiteral("Group") : groups.join(QStringLiteral(" › ")),
                     QStringLiteral("Total"), QStringLiteral("Share"), QStringLiteral("Records")};
        t.rightAligned = {1, 2, 3};
        t.widths = {55, 17, 13, 15};
        int shown = 0;
        for (const int g : order) {
            if (shown == o.groupRows)
                break;
            const double share = total != 0 && !mixed ? a.rowTotal(g) / total * 100.0 : qQNaN();
            QString totalText = value(a.rowTotal(g));
            if (mixed && !a.group(g).unit.isEmpty())
                totalText += QLatin1Char(' ') + a.group(g).unit;
            t.rows.append({a.group(g).label, totalText,
                           std::isfinite(share) ? QLocale().toString(share, 'f', 1) + QStringLiteral(" %")
                                                : QStringLiteral("—"),
                           QLocale().toString(qlonglong(a.group(g).rows))});
            ++shown;
        }
        t.rows.append({QStringLiteral("Total"), mixed ? QStringLiteral("—") : value(total),
                       mixed ? QStringLiteral("—") : QStringLiteral("100.0 %"),
                       QLocale().toString(qlonglong(a.matchedRows()))});
        doc.addHeading(QStringLiteral("Totals by group"));
        doc.addTable(t);
        if (a.groupCount() > shown)
            doc.addNote(QStringLiteral("%1 smaller groups are not listed; the total includes them.")
                            .arg(a.groupCount() - shown));
    }

    // This month: month to date, forecast, budget.
    const CostOutlook &outlook = c.outlook();
    doc.addHeading(QStringLiteral("Budget status and month-end forecast"));
    if (!outlook.valid || !outlook.forecast.valid) {
        doc.addParagraph(
            QStringLiteral("No cost for the current month: the records carry no cost and the rate "
                           "card prices none of them."));
    } else {
        const MonthForecast &f = outlook.forecast;
        const QString month = QLocale().toString(usageday::toDate(f.monthFirst), QStringLiteral("MMMM yyyy"));
        const QString what = outlook.measure == UsageMeasure::BilledCost ? QStringLiteral("billed cost")
                                                                         : QStringLiteral("estimated cost");
        const BudgetStatus &b = outlook.budget;
        QList<ReportDocument::Figure> monthFigures;
        monthFigures.append(
            {QStringLiteral("%1, month to date").arg(month), reportMoney(f.monthToDate, outlook.currency),
             QStringLiteral("%1 through %2").arg(what, dayText(usageday::toDate(f.lastActual)))});
        monthFigures.append(
            {QStringLiteral("Month-end forecast"), reportMoney(f.forecast, outlook.currency),
             QStringLiteral("range %1 – %2")
                 .arg(reportMoney(f.low, outlook.currency), reportMoney(f.high, outlook.currency))});
        monthFigures.append(
            {QStringLiteral("Monthly budget"),
             b.budget > 0 ? reportMoney(b.budget, outlook.currency) : QStringLiteral("none set"),
             b.budget > 0 ? (b.overBudget ? QStringLiteral("forecast over budget")
                                          : QStringLiteral("forecast within budget"))
                          : QString()});
        doc.addFigures(monthFigures);
        if (b.overBudget)
            doc.addParagraph(QStringLiteral("The forecast exceeds the monthly budget by %1%2.")
                                 .arg(reportMoney(b.forecast - b.budget, outlook.currency),
                                      b.drivers.isEmpty() ? QString()
                                                          : QStringLiteral(", driven by ") +
                                                                b.drivers.join(QStringLiteral(", "))));
        if (!b.families.isEmpty()) {
            // Budget columns only when a family has a budget of its own.
            const bool budgets =
                std::any_of(b.families.begin(), b.families.end(),
                            [](const BudgetStatus::Family &f) { return f.budget.has_value(); });
            ReportDocument::Table t;
            t.headers = {QStringLiteral("Product family"), QStringLiteral("Month-end forecast"),
                         QStringLiteral("Previous month")};
            t.rightAligned = {1, 2, 3};
            t.widths = {52, 24, 24};
            if (budgets) {
                t.headers << QStringLiteral("Budget") << QStringLiteral("Status");
                t.widths = {36, 16, 16, 16, 16};
            }
            for (const BudgetStatus::Family &fam : b.families) {
                if (fam.overBudget())
                    t.alertRows.append(int(t.rows.size()));
                QStringList row{fam.name, reportMoney(fam.forecast, outlook.currency),
                                reportMoney(fam.previousMonth, outlook.currency)};
                if (budgets)
                    row << (fam.budget ? reportMoney(*fam.budget, outlook.currency) : QStringLiteral("—"))
                        << (fam.overBudget() ? QStringLiteral("over budget")
                                             : (fam.budget ? QStringLiteral("within") : QString()));
                t.rows.append(row);
            }
            doc.addTable(t);
        }
        doc.addNote(forecastMethodDescription());
    }

    // Anomalies, the strongest first.
    doc.addHeading(QStringLiteral("Anomalies"));
    QList<UsageAnomaly> anomalies = c.anomalies();
    if (anomalies.isEmpty()) {
        doc.addParagraph(QStringLiteral("No day departs from its group's recent level."));
    } else {
        std::stable_sort(anomalies.begin(), anomalies.end(),
                         [](const UsageAnomaly &l, const UsageAnomaly &r) {
                             return std::abs(l.score) > std::abs(r.score);
                         });
        ReportDocument::Table t;
        t.headers = {QStringLiteral("Day (UTC)"), QStringLiteral("Group"), QStringLiteral("Value"),
                     QStringLiteral("Usual level"), QStringLiteral("Departure")};
        t.rightAligned = {2, 3, 4};
        t.widths = {15, 40, 15, 15, 15};
        for (const UsageAnomaly &an : std::as_const(anomalies)) {
            if (t.rows.size() == o.anomalyRows)
                break;
            t.rows.append({dayText(an.day), an.groupLabel, value(an.value), value(an.baseline),
                           std::abs(an.score) >= UsageAnomalyDetector::MaxScore
                               ? QStringLiteral("off a flat history")
                               : QStringLiteral("z = %1").arg(QLocale().toString(an.score, 'f', 1))});
        }
        doc.addTable(t);
        if (anomalies.size() > t.rows.size())
            doc.addNote(
                QStringLiteral("%1 more anomalies are not listed.").arg(anomalies.size() - t.rows.size()));
        doc.addNote(
            QStringLiteral("A day is flagged when it departs from the median of its group's previous 14 "
                           "days (and the same weekday of earlier weeks) by a robust z-score of 3.5 or "
                           "more."));
    }
    return doc;
}

} // namespace models
