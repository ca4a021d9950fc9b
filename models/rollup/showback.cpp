#include "models/rollup/showback.h"

#include "models/cost/costestimator.h"

#include <QMap>

#include <cmath>

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

} // namespace models
