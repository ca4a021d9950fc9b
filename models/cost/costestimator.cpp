#include "costestimator.h"
#include "models/cost/costrows.h"

#include "api/records.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <algorithm>
#include <cmath>

namespace models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("models::CostEstimate", text);
}

// What a (metric, unit) pair resolves to.
enum Resolution : qint32 {
    NotResolved = -4,
    NotOnCard = -1,
    OtherUnit = -2,
    NoPrice = -3,
    // >= 0: index of the card entry
};

// Per-day calendar facts for the cube's day extent.
struct Calendar
{
    qint32 firstDay = 0;
    std::vector<qint32> month;       // month index (year * 12 + month) per day
    std::vector<double> daysInMonth; // per day

    explicit Calendar(UsageDayRange extent) : firstDay(extent.first)
    {
        const auto count = size_t(std::max(0, extent.dayCount()));
        month.resize(count);
        daysInMonth.resize(count);
        QDate date = usageday::toDate(extent.first);
        for (size_t i = 0; i < count; ++i) {
            month[i] = date.year() * 12 + date.month();
            daysInMonth[i] = date.daysInMonth();
            date = date.addDays(1);
        }
    }
};

} // namespace

int daysInMonthOf(qint32 day)
{
    return usageday::toDate(day).daysInMonth();
}

CostEstimate estimateCost(const CostInput &in, const RateCard &card)
{
    CostEstimate out;
    out.currency = card.currency;
    const auto n = in.days.size();
    out.rowCost.assign(n, CostEstimate::Unknown);
    if (n == 0)
        return out;

    const auto days = in.days;
    const auto metrics = in.metrics;
    const auto accounts = in.accounts;
    const auto units = in.units;
    const auto quantities = in.quantities;
    const auto flags = in.flags;
    const qint32 metricCount = in.metricCount;
    const qint32 unitCount = in.unitCount;
    const qint32 accountCount = in.accountCount;

    // (metric, unit) -> card entry, resolved on first sight.
    std::vector<qint32> resolution(size_t(metricCount) * size_t(unitCount), NotResolved);
    QHash<quint64, qsizetype> unpricedIndex; // (metric, unit) -> index in out.unpriced
    const auto resolve = [&](qint32 metric, qint32 unit) -> qint32 {
        qint32 &r = resolution[size_t(metric) * size_t(unitCount) + size_t(unit)];
        if (r != NotResolved)
            return r;
        const RateCardEntry *e = card.find(in.metricKey(metric), in.metricName(metric));
        if (!e)
            r = NotOnCard;
        else if (e->unit != in.unitName(unit))
            r = OtherUnit;
        else if (!e->price)
            r = NoPrice;
        else
            r = qint32(e - card.metrics.constData());
        if (r < 0) {
            CostEstimate::Unpriced u;
            u.metricKey = in.metricKey(metric);
            u.metricName = in.metricName(metric);
            u.unit = in.unitName(unit);
            if (r == NotOnCard)
                u.reason = tr("not on the rate card");
            else if (r == OtherUnit)
                u.reason = tr("the rate card prices it in %1, the records count %2").arg(e->unit, u.unit);
            else
                u.reason = e->note.isEmpty() ? tr("listed without a price") : e->note;
            unpricedIndex.insert((quint64(quint32(metric)) << 32) | quint32(unit), out.unpriced.size());
            out.unpriced.append(u);
        }
        return r;
    };

    const UsageDayRange extent = in.extent;
    const Calendar calendar(extent);
    const auto dayCount = size_t(extent.dayCount());

    // Pass 1: PricingQuantity per row and the group (account x metric) of
    // every priced, allowance-bearing row.
    std::vector<double> pq(n, 0.0);
    std::vector<qint32> group(n, -1);
    std::vector<qint32> groupEntry; // card entry per group
    std::vector<qint32> groupTable(size_t(accountCount) * size_t(metricCount), -1);
    for (size_t r = 0; r < n; ++r) {
        const qint32 entry = resolve(metrics[r], units[r]);
        if (entry < 0) {
            ++out.unpricedRows;
            ++out.unpriced[unpricedIndex.value((quint64(quint32(metrics[r])) << 32) | quint32(units[r]))]
                  .rows;
            continue;
        }
        if (!(flags[r] & CostInput::HasQuantity)) {
            ++out.unpricedRows; // no quantity: the cost is unknown, not 0
            continue;
        }
        const RateCardEntry &e = card.metrics.at(entry);
        const size_t dayIndex = size_t(days[r] - calendar.firstDay);
        const double divisor = e.divisorDaysInMonth ? calendar.daysInMonth[dayIndex] : e.divisor;
        pq[r] = quantities[r] / divisor;
        ++out.pricedRows;
        if (flags[r] & CostInput::Correction) {
            out.rowCost[r] = *e.price * pq[r];
            continue;
        }
        qint32 &g = groupTable[size_t(accounts[r]) * size_t(metricCount) + size_t(metrics[r])];
        if (g < 0) {
            g = qint32(groupEntry.size());
            groupEntry.push_back(entry);
        }
        group[r] = g;
    }

    // Pass 2: per group and day, the day's total, then the cost of each unit
    // of that day (cost / total) under the month's allowance. Dense (group x
    // day) when that is not much larger than the cube, else sorted keys.
    const size_t groups = groupEntry.size();
    const bool dense = groups * dayCount <= 4 * n + (size_t(1) << 20);
    std::vector<quint64> keys; // sparse: (group << 32 | day index), sorted, unique
    std::vector<double> perDay;
    const auto keyOf = [&](size_t r) {
        return (quint64(quint32(group[r])) << 32) | quint32(days[r] - calendar.firstDay);
    };
    const auto slot = [&](size_t r) -> size_t {
        if (dense)
            return size_t(group[r]) * dayCount + size_t(days[r] - calendar.firstDay);
        return size_t(std::lower_bound(keys.begin(), keys.end(), keyOf(r)) - keys.begin());
    };
    if (dense) {
        perDay.assign(groups * dayCount, 0.0);
    } else {
        for (size_t r = 0; r < n; ++r) {
            if (group[r] >= 0)
                keys.push_back(keyOf(r));
        }
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        perDay.assign(keys.size(), 0.0);
    }
    for (size_t r = 0; r < n; ++r) {
        if (group[r] >= 0)
            perDay[slot(r)] += pq[r];
    }
    // Walks one group's days in order; `at(i)` gives (day index, total&).
    const auto price = [&](size_t g, size_t begin, size_t end, auto dayOf) {
        const RateCardEntry &e = card.metrics.at(groupEntry[g]);
        double used = 0.0; // the month's PricingQuantity so far
        qint32 month = -1;
        for (size_t i = begin; i < end; ++i) {
            const size_t d = dayOf(i);
            if (calendar.month[d] != month) {
                month = calendar.month[d];
                used = 0.0;
            }
            const double total = perDay[i];
            if (total == 0.0)
                continue;
            const double before = std::max(0.0, used - e.includedPerMonth);
            used += total;
            const double after = std::max(0.0, used - e.includedPerMonth);
            perDay[i] = *e.price * (after - before) / total; // cost per PricingQuantity of this day
        }
    };
    if (dense) {
        for (size_t g = 0; g < groups; ++g)
            price(g, g * dayCount, (g + 1) * dayCount, [&](size_t i) { return i - g * dayCount; });
    } else {
        for (size_t begin = 0; begin < keys.size();) {
            const size_t g = size_t(keys[begin] >> 32);
            size_t end = begin;
            while (end < keys.size() && size_t(keys[end] >> 32) == g)
                ++end;
            price(g, begin, end, [&](size_t i) { return size_t(keys[i] & 0xffffffffU); });
            begin = end;
        }
    }
    for (size_t r = 0; r < n; ++r) {
        if (group[r] >= 0)
            out.rowCost[r] = pq[r] * perDay[slot(r)];
    }
    for (size_t r = 0; r < n; ++r) {
        if (!std::isnan(out.rowCost[r]))
            out.total += out.rowCost[r];
    }
    std::sort(
        out.unpriced.begin(), out.unpriced.end(),
        [](const CostEstimate::Unpriced &a, const CostEstimate::Unpriced &b) { return a.rows > b.rows; });
    return out;
}

CostEstimate estimateCost(const UsageCube &cube, const RateCard &card)
{
    static_assert(int(CostInput::Correction) == int(UsageCube::Correction) &&
                  int(CostInput::HasQuantity) == int(UsageCube::HasQuantity));
    CostInput in;
    in.days = cube.days();
    in.accounts = cube.dimensionColumn(UsageDimension::Account);
    in.metrics = cube.dimensionColumn(UsageDimension::Metric);
    in.units = cube.unitColumn();
    in.quantities = cube.quantities();
    in.flags = cube.flags();
    in.accountCount = cube.valueCount(UsageDimension::Account);
    in.metricCount = cube.valueCount(UsageDimension::Metric);
    in.unitCount = cube.unitCount();
    in.extent = cube.dayExtent();
    in.metricKey = [&cube](qint32 id) { return cube.valueKey(UsageDimension::Metric, id); };
    in.metricName = [&cube](qint32 id) { return cube.valueName(UsageDimension::Metric, id); };
    in.unitName = [&cube](qint32 id) { return cube.unitName(id); };
    return estimateCost(in, card);
}

CostEstimate estimateCost(const QList<api::UsageRecord> &records, const RateCard &card)
{
    // Intern the strings the rule needs, then run the same computation as for
    // a cube: one record per row, in the list's order. Records without a
    // usable day cannot be priced and are left out of the run.
    CostRows rows(size_t(records.size()));
    for (qsizetype i = 0; i < records.size(); ++i) {
        const api::UsageRecord &r = records.at(i);
        if (!r.chargePeriodStart.isValid())
            continue;
        const qint32 account = rows.account(r.billingAccountId);
        const qint32 metric = rows.metric(
            r.billableMetricId.isEmpty() ? r.billableMetricName : r.billableMetricId, r.billableMetricName);
        const qint32 unit = rows.unit(r.consumedUnit);
        rows.add(size_t(i), usageday::fromDate(r.chargePeriodStart.toUTC().date()), account, metric, unit,
                 r.consumedQuantity,
                 r.chargeClass.compare(QLatin1String("Correction"), Qt::CaseInsensitive) == 0);
    }
    return rows.estimate(card);
}

} // namespace models
