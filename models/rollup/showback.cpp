#include "models/rollup/showback.h"

#include "models/cost/costestimator.h"
#include "models/cost/costrows.h"

#include "models/usage/usagetypes.h"

#include <QHash>
#include <QMap>

#include <cmath>
#include <limits>
#include <vector>

namespace models {

Showback computeShowback(const QList<OrgNode> &nodes, const UsageRollup &usage, const RateCard &card)
{
    Showback out;
    const QList<api::UsageRecord> &records = usage.records;
    bool billed = !records.isEmpty();
    for (const api::UsageRecord &r : records) {
        if (!r.billedCost) {
            billed = false;
            break;
        }
    }
    out.billed = billed;
    CostEstimate estimate;
    if (!billed) {
        estimate = estimateCost(records, card);
        out.currency = estimate.currency;
    } else {
        out.currency = records.first().billingCurrency;
    }
    QMap<QDate, int> monthIndex;
    for (const api::UsageRecord &r : records) {
        const QDate day = r.chargePeriodStart.toUTC().date();
        if (day.isValid())
            monthIndex.insert(QDate(day.year(), day.month(), 1), 0);
    }
    int m = 0;
    for (auto it = monthIndex.begin(); it != monthIndex.end(); ++it) {
        it.value() = m++;
        out.months.append(it.key());
    }
    QList<qsizetype> rowOf(nodes.size(), -1);
    for (qsizetype k = 0; k < records.size(); ++k) {
        const api::UsageRecord &r = records.at(k);
        const QDate day = r.chargePeriodStart.toUTC().date();
        if (!day.isValid())
            continue;
        const qsizetype org = usage.organization.value(k, -1);
        if (org < 0 || org >= nodes.size())
            continue;
        if (rowOf[org] < 0) {
            rowOf[org] = out.rows.size();
            ShowbackRow row;
            row.organization = org;
            row.cost = QList<double>(out.months.size(), 0.0);
            row.unpriced = QList<qsizetype>(out.months.size(), 0);
            out.rows.append(row);
        }
        ShowbackRow &row = out.rows[rowOf[org]];
        const int month = monthIndex.value(QDate(day.year(), day.month(), 1));
        const double cost = billed ? *r.billedCost : estimate.rowCost[size_t(k)];
        ++row.records;
        if (std::isnan(cost)) {
            ++row.unpriced[month];
            ++out.unpricedRecords;
            continue;
        }
        row.cost[month] += cost;
        row.total += cost;
        out.total += cost;
    }
    std::sort(out.rows.begin(), out.rows.end(),
              [](const ShowbackRow &a, const ShowbackRow &b) { return a.organization < b.organization; });
    return out;
}

namespace {

qint32 dayOfMs(qint64 ms)
{
    return qint32(ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000);
}

// estimateCost(records) for the merged columns: the same interning in row
// order, so the same rule runs on the same input. One cost per row of the
// parts, in order; rows without a start get NaN.
CostEstimate estimateColumns(const UsageRollupColumns &usage, const RateCard &card)
{
    using C = api::UsageColumns;
    CostRows rows(size_t(usage.size()));
    size_t index = 0;
    for (const UsageRollupColumns::Part &part : usage.parts) {
        const C &c = part.columns;
        // Per distinct value of the answer: its id, found on first sight.
        std::vector<qint32> accountOf(size_t(c.values[C::BillingAccountId].size()), -1);
        std::vector<qint32> unitOf(size_t(c.values[C::ConsumedUnit].size()), -1);
        QHash<quint64, qint32> metricOf; // (metric id index, name index)
        for (qsizetype r = 0; r < c.size(); ++r, ++index) {
            const C::Row &row = c.rows[size_t(r)];
            const qint64 start = row.times[C::ChargePeriodStart];
            if (start == C::kNoTime)
                continue;
            qint32 &account = accountOf[row.text[C::BillingAccountId]];
            if (account < 0)
                account = rows.account(c.values[C::BillingAccountId].at(row.text[C::BillingAccountId]));
            const quint32 idIndex = row.text[C::BillableMetricId],
                          nameIndex = row.text[C::BillableMetricName];
            const quint64 pair = (quint64(idIndex) << 32) | nameIndex;
            auto metric = metricOf.constFind(pair);
            if (metric == metricOf.constEnd()) {
                const QString &name = c.values[C::BillableMetricName].at(nameIndex);
                const QString &key = idIndex == 0 ? name : c.values[C::BillableMetricId].at(idIndex);
                metric = metricOf.insert(pair, rows.metric(key, name));
            }
            qint32 &unit = unitOf[row.text[C::ConsumedUnit]];
            if (unit < 0)
                unit = rows.unit(c.values[C::ConsumedUnit].at(row.text[C::ConsumedUnit]));
            const std::optional<double> quantity =
                c.has(C::ConsumedQuantity, r) ? std::optional<double>(c.numberAt(C::ConsumedQuantity, r))
                                              : std::nullopt;
            const bool correction = c.values[C::ChargeClass]
                                        .at(row.text[C::ChargeClass])
                                        .compare(QLatin1String("Correction"), Qt::CaseInsensitive) == 0;
            rows.add(index, dayOfMs(start), account, *metric, unit, quantity, correction);
        }
    }
    return rows.estimate(card);
}

} // namespace

Showback computeShowback(const QList<OrgNode> &nodes, const UsageRollupColumns &usage, const RateCard &card)
{
    using C = api::UsageColumns;
    Showback out;
    bool billed = usage.size() > 0;
    for (const UsageRollupColumns::Part &part : usage.parts) {
        for (qsizetype r = 0; billed && r < part.columns.size(); ++r)
            billed = part.columns.has(C::BilledCost, r);
    }
    out.billed = billed;
    CostEstimate estimate;
    if (!billed)
        estimate = estimateColumns(usage, card);
    if (!billed)
        out.currency = estimate.currency;
    else
        out.currency = usage.parts.first().columns.textAt(C::BillingCurrency, 0);
    // Months present, ascending.
    QMap<QDate, int> monthIndex;
    for (const UsageRollupColumns::Part &part : usage.parts) {
        qint32 lastMonthDay = std::numeric_limits<qint32>::min();
        for (const C::Row &row : part.columns.rows) {
            const qint64 start = row.times[C::ChargePeriodStart];
            if (start == C::kNoTime)
                continue;
            const qint32 month = usageday::monthStart(dayOfMs(start));
            if (month == lastMonthDay)
                continue;
            lastMonthDay = month;
            monthIndex.insert(usageday::toDate(month), 0);
        }
    }
    int m = 0;
    for (auto it = monthIndex.begin(); it != monthIndex.end(); ++it) {
        it.value() = m++;
        out.months.append(it.key());
    }
    QList<qsizetype> rowOf(nodes.size(), -1);
    size_t index = 0;
    for (const UsageRollupColumns::Part &part : usage.parts) {
        const C &c = part.columns;
        const qsizetype org = part.organization;
        if (org < 0 || org >= nodes.size()) {
            index += size_t(c.size());
            continue;
        }
        for (qsizetype r = 0; r < c.size(); ++r, ++index) {
            const qint64 start = c.timeAt(C::ChargePeriodStart, r);
            if (start == C::kNoTime)
                continue;
            if (rowOf[org] < 0) {
                rowOf[org] = out.rows.size();
                ShowbackRow row;
                row.organization = org;
                row.cost = QList<double>(out.months.size(), 0.0);
                row.unpriced = QList<qsizetype>(out.months.size(), 0);
                out.rows.append(row);
            }
            ShowbackRow &row = out.rows[rowOf[org]];
            const int month = monthIndex.value(usageday::toDate(usageday::monthStart(dayOfMs(start))));
            const double cost = billed ? c.numberAt(C::BilledCost, r) : estimate.rowCost[index];
            ++row.records;
            if (std::isnan(cost)) {
                ++row.unpriced[month];
                ++out.unpricedRecords;
                continue;
            }
            row.cost[month] += cost;
            row.total += cost;
            out.total += cost;
        }
    }
    std::sort(out.rows.begin(), out.rows.end(),
              [](const ShowbackRow &a, const ShowbackRow &b) { return a.organization < b.organization; });
    return out;
}

} // namespace models
