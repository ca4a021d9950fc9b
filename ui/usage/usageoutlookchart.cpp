#include "ui/usage/usageoutlookchart.h"

#include "models/usage/usagetypes.h"
#include "ui/common/palettes.h"
#include "ui/usage/costoutlookbar.h"

#include <QAreaSeries>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLayout>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr qint64 kDayMs = 86400000;

qreal dayMSecs(qint32 day)
{
    return qreal(qint64(day) * kDayMs);
}

} // namespace

UsageOutlookChart::UsageOutlookChart(QWidget *parent) : UsageChart(parent), m_method(new QLabel(this))
{
    setObjectName(QStringLiteral("usageOutlookChart"));
    setAccessibleName(tr("This month's cost outlook"));
    m_method->setObjectName(QStringLiteral("usageOutlookMethod"));
    m_method->setWordWrap(true);
    m_method->setContentsMargins(6, 0, 6, 4);
    m_method->setText(models::forecastMethodDescription());
    layout()->addWidget(m_method);
    setMinimumWidth(280);
    scheduleRebuild();
}

void UsageOutlookChart::setOutlook(const models::CostOutlook &outlook, const models::Budget &budget)
{
    m_outlook = outlook;
    m_budget = budget;
    m_curve = models::cumulativeCurve(outlook.forecast);
    scheduleRebuild();
}

bool UsageOutlookChart::hasBudgetLine() const
{
    return m_drawn.contains(lineName(BudgetLine));
}

QStringList UsageOutlookChart::lineNames() const
{
    return m_drawn;
}

QString UsageOutlookChart::methodText() const
{
    return m_method->text();
}

int UsageOutlookChart::seriesCount() const
{
    return int(m_drawn.size());
}

QString UsageOutlookChart::lineName(Line line) const
{
    switch (line) {
    case MonthToDate:
        return tr("Month to date");
    case Forecast:
        return tr("Forecast");
    case Band:
        return tr("Forecast band (lowest – highest)");
    case BudgetLine:
        return tr("Budget");
    }
    return {};
}

QString UsageOutlookChart::money(double amount) const
{
    return formatMoney(amount, m_outlook.currency);
}

QString UsageOutlookChart::budgetNote() const
{
    if (!m_outlook.valid || m_budget.monthly <= 0)
        return {};
    const auto dayText = [](qint32 day) {
        return QLocale().toString(models::usageday::toDate(day), QStringLiteral("MMM d"));
    };
    // The first day a running total passes the budget, or -1.
    const auto crossing = [this](const std::vector<double> &values, qint32 first) {
        for (size_t i = 0; i < values.size(); ++i)
            if (values[i] > m_budget.monthly)
                return first + qint32(i);
        return qint32(-1);
    };
    if (const qint32 day = crossing(m_curve.actual, m_curve.firstDay); day >= 0)
        return tr("Over the budget since %1.").arg(dayText(day));
    if (const qint32 day = crossing(m_curve.forecast, m_curve.forecastFirstDay); day >= 0)
        return tr("The forecast crosses the budget around %1.").arg(dayText(day));
    if (const qint32 day = crossing(m_curve.high, m_curve.forecastFirstDay); day >= 0)
        return tr("Within the budget, unless spending runs at the top of the band (it would cross around "
                  "%1).")
            .arg(dayText(day));
    return tr("Forecast within the budget.");
}

QString UsageOutlookChart::toolTipFor(int line, int bucket) const
{
    if (!m_outlook.valid)
        return {};
    const qint32 day = m_curve.firstDay + bucket;
    const QString date = QLocale().toString(models::usageday::toDate(day), QLocale::ShortFormat);
    const auto at = [day](const std::vector<double> &v, qint32 first) -> std::optional<double> {
        const qint64 i = qint64(day) - first;
        return i >= 0 && i < qint64(v.size()) ? std::optional<double>(v[size_t(i)]) : std::nullopt;
    };
    switch (Line(line)) {
    case MonthToDate:
        if (const auto v = at(m_curve.actual, m_curve.firstDay))
            return tr("%1\n%2 month to date").arg(date, money(*v));
        return {};
    case Forecast:
    case Band: {
        const auto v = at(m_curve.forecast, m_curve.forecastFirstDay);
        if (!v)
            return {};
        return tr("%1\nforecast %2 by this day (band %3 – %4)\n%5")
            .arg(date, money(*v), money(*at(m_curve.low, m_curve.forecastFirstDay)),
                 money(*at(m_curve.high, m_curve.forecastFirstDay)), models::forecastMethodDescription());
    }
    case BudgetLine:
        return m_budget.monthly > 0 ? tr("Monthly budget %1").arg(money(m_budget.monthly)) : QString();
    }
    return {};
}

void UsageOutlookChart::rebuild()
{
    QChart *c = chart();
    clearChart();
    m_drawn.clear();
    if (!m_outlook.valid || m_curve.actual.empty()) {
        c->setTitle({});
        setLegend({});
        return;
    }
    const models::MonthForecast &f = m_outlook.forecast;
    const QString month =
        QLocale().toString(models::usageday::toDate(f.monthFirst), QStringLiteral("MMMM yyyy"));
    c->setTitle(m_outlook.measure == models::UsageMeasure::BilledCost ? tr("%1: billed cost").arg(month)
                                                                      : tr("%1: estimated cost").arg(month));

    auto *xAxis = new QDateTimeAxis;
    xAxis->setFormat(QStringLiteral("MMM d"));
    xAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(dayMSecs(f.monthFirst)), Qt::UTC),
                    QDateTime::fromMSecsSinceEpoch(qint64(dayMSecs(f.monthLast)), Qt::UTC));
    xAxis->setTickCount(5);
    c->addAxis(xAxis, Qt::AlignBottom);
    auto *yAxis = new QValueAxis;
    yAxis->setLabelFormat(QStringLiteral("%.6g"));
    c->addAxis(yAxis, Qt::AlignLeft);

    double top = std::max(m_curve.high.empty() ? 0.0 : m_curve.high.back(), m_curve.actual.back());
    if (m_budget.monthly > 0)
        top = std::max(top, m_budget.monthly);
    double bottom = 0;
    for (double v : m_curve.actual)
        bottom = std::min(bottom, v);
    for (double v : m_curve.low)
        bottom = std::min(bottom, v);
    const double scale = axisScale(std::max(top, -bottom));

    const QColor main = seriesColor(0, false);
    const auto points = [scale](qint32 first, const std::vector<double> &values) {
        QList<QPointF> out;
        out.reserve(qsizetype(values.size()));
        for (size_t i = 0; i < values.size(); ++i)
            out.append(QPointF(dayMSecs(first + qint32(i)), values[i] / scale));
        return out;
    };
    const auto dayOf = [this](const QPointF &p) {
        return int(std::lround(p.x() / qreal(kDayMs))) - m_curve.firstDay;
    };
    const auto attach = [&](QAbstractSeries *s, Line line) {
        c->addSeries(s);
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
        m_drawn.append(lineName(line));
    };

    // The band first, so that the lines are drawn over it.
    if (m_curve.forecast.size() > 1) {
        auto *band = new QAreaSeries;
        auto *upper = new QLineSeries(band);
        auto *lower = new QLineSeries(band);
        upper->replace(points(m_curve.forecastFirstDay, m_curve.high));
        lower->replace(points(m_curve.forecastFirstDay, m_curve.low));
        band->setUpperSeries(upper);
        band->setLowerSeries(lower);
        band->setName(lineName(Band));
        QColor fill = main;
        fill.setAlpha(90);
        band->setBrush(fill);
        band->setPen(Qt::NoPen);
        connect(band, &QAreaSeries::hovered, this, [this, dayOf](const QPointF &p, bool state) {
            showToolTip(state ? toolTipFor(Band, dayOf(p)) : QString());
        });
        attach(band, Band);
    }

    auto *actual = new QLineSeries;
    actual->setName(lineName(MonthToDate));
    actual->replace(points(m_curve.firstDay, m_curve.actual));
    QPen solid(main, 2.5);
    actual->setPen(solid);
    actual->setPointsVisible(m_curve.actual.size() <= 1);
    connect(actual, &QLineSeries::hovered, this, [this, dayOf](const QPointF &p, bool state) {
        showToolTip(state ? toolTipFor(MonthToDate, dayOf(p)) : QString());
    });
    attach(actual, MonthToDate);

    if (m_curve.forecast.size() > 1) {
        auto *forecast = new QLineSeries;
        forecast->setName(lineName(Forecast));
        forecast->replace(points(m_curve.forecastFirstDay, m_curve.forecast));
        QPen dashed(main, 2);
        dashed.setStyle(Qt::DashLine);
        forecast->setPen(dashed);
        connect(forecast, &QLineSeries::hovered, this, [this, dayOf](const QPointF &p, bool state) {
            showToolTip(state ? toolTipFor(Forecast, dayOf(p)) : QString());
        });
        attach(forecast, Forecast);
    }

    if (m_budget.monthly > 0) {
        auto *budget = new QLineSeries;
        budget->setName(tr("Budget %1").arg(money(m_budget.monthly)));
        budget->append(dayMSecs(f.monthFirst), m_budget.monthly / scale);
        budget->append(dayMSecs(f.monthLast), m_budget.monthly / scale);
        QPen pen(errorTextColor(palette()), 2);
        pen.setStyle(Qt::DashDotLine);
        budget->setPen(pen);
        connect(budget, &QLineSeries::hovered, this, [this](const QPointF &, bool state) {
            showToolTip(state ? toolTipFor(BudgetLine, 0) : QString());
        });
        c->addSeries(budget);
        budget->attachAxis(xAxis);
        budget->attachAxis(yAxis);
        m_drawn.append(lineName(BudgetLine));
    }

    yAxis->setRange(bottom / scale, top > bottom ? top * 1.08 / scale : bottom / scale + 1);
    yAxis->applyNiceNumbers();
    QString title = m_outlook.currency;
    if (scale > 1)
        title = title.isEmpty() ? scaleName(scale)
                                : scaleName(scale) + QStringLiteral(" (") + title + QLatin1Char(')');
    yAxis->setTitleText(title);
    // The legend under the chart (it wraps; Qt Charts' own would elide).
    QList<LegendEntry> entries;
    entries.append({main, lineName(MonthToDate), {}});
    if (m_drawn.contains(lineName(Forecast))) {
        QColor fill = main;
        fill.setAlpha(90);
        entries.append({main, tr("Forecast (dashed)"), {}});
        entries.append({fill, lineName(Band), {}});
    }
    if (m_budget.monthly > 0)
        entries.append({errorTextColor(palette()), tr("Budget %1").arg(money(m_budget.monthly)), {}});
    setLegend(entries, {}, budgetNote());
}

ChartTable UsageOutlookChart::table() const
{
    ChartTable t;
    t.title = accessibleName();
    if (!m_outlook.valid)
        return t;
    t.columns =
        QStringList{tr("Day"), lineName(MonthToDate), lineName(Forecast), tr("Lowest"), tr("Highest")};
    const qint32 last = std::max(m_curve.firstDay + qint32(m_curve.actual.size()),
                                 m_curve.forecastFirstDay + qint32(m_curve.forecast.size()));
    const QLocale locale;
    const auto at = [&](const std::vector<double> &v, qint32 first, qint32 day) {
        const qint64 i = qint64(day) - first;
        return i >= 0 && i < qint64(v.size()) ? locale.toString(v[size_t(i)], 'f', 2) : QString();
    };
    for (qint32 day = m_curve.firstDay; day < last; ++day) {
        t.rows << locale.toString(models::usageday::toDate(day), QLocale::ShortFormat);
        t.cells << QStringList{
            at(m_curve.actual, m_curve.firstDay, day), at(m_curve.forecast, m_curve.forecastFirstDay, day),
            at(m_curve.low, m_curve.forecastFirstDay, day), at(m_curve.high, m_curve.forecastFirstDay, day)};
    }
    return t;
}

void UsageOutlookChart::updateAccessibleText()
{
    QString text = tr("No outlook for this month.");
    if (m_outlook.valid) {
        QStringList parts;
        if (!m_curve.actual.empty())
            parts << tr("%1 to date").arg(money(m_curve.actual.back()));
        if (!m_curve.forecast.empty())
            parts << tr("forecast %1 at month end (%2 to %3)")
                         .arg(money(m_curve.forecast.back()),
                              money(m_curve.low.empty() ? m_curve.forecast.back() : m_curve.low.back()),
                              money(m_curve.high.empty() ? m_curve.forecast.back() : m_curve.high.back()));
        text = parts.join(QStringLiteral(", ")) + QStringLiteral(". ") + budgetNote();
    }
    setAccessibleDescription(text.trimmed() + QLatin1Char(' ') +
                             tr("Ctrl+Shift+T shows the numbers as a table."));
}

} // namespace ui
