#pragma once
// Seeded generators of FOCUS usage records for the usage model tests.

#include "api/records.h"
#include "models/usage/usagetypes.h"

#include <QList>
#include <QRandomGenerator>
#include <QTimeZone>

namespace usagetest {

inline QDateTime dayStart(QDate date)
{
    return QDateTime(date, QTime(0, 0), QTimeZone::utc());
}

inline api::UsageRecord record(QDate day, const QString &account, const QString &metric, double quantity,
                               const QString &unit = QStringLiteral("Requests"),
                               const QString &family = QStringLiteral("workers"))
{
    api::UsageRecord r;
    r.billingAccountId = account;
    r.billingAccountName = QStringLiteral("Account ") + account;
    r.chargeCategory = QStringLiteral("Usage");
    r.chargeFrequency = QStringLiteral("Usage-Based");
    r.chargePeriodStart = dayStart(day);
    r.chargePeriodEnd = dayStart(day.addDays(1));
    r.consumedQuantity = quantity;
    r.consumedUnit = unit;
    r.billableMetricId = metric;
    r.billableMetricName = QStringLiteral("Metric ") + metric;
    r.chargeDescription = r.billableMetricName + QStringLiteral(", daily usage");
    r.productFamilyId = family;
    r.productFamilyName = family.toUpper();
    r.productCategoryName = QStringLiteral("Developer");
    return r;
}

struct RandomSpec
{
    quint32 seed = 42;
    QDate first = QDate(2026, 8, 1);
    int days = 120;
    int accounts = 6;
    int metrics = 7;
    int zones = 3;            // zone 0 = no zone
    double recordShare = 0.8; // probability that a (day, account, metric) record exists
    double costShare = 0.5;   // probability that a record carries cost columns
    double correctionShare = 0.03;
};

// Records with a mix of units, optional zones, regions, null cost columns
// and correction rows. Keys are unique (as the API answers).
inline QList<api::UsageRecord> randomRecords(const RandomSpec &spec)
{
    QRandomGenerator rng(spec.seed);
    static const QString units[] = {QStringLiteral("Requests"), QStringLiteral("GB"),
                                    QStringLiteral("CPU ms")};
    static const QString families[] = {QStringLiteral("workers"), QStringLiteral("r2"),
                                       QStringLiteral("images")};
    QList<api::UsageRecord> out;
    for (int d = 0; d < spec.days; ++d) {
        const QDate day = spec.first.addDays(d);
        for (int a = 0; a < spec.accounts; ++a) {
            for (int m = 0; m < spec.metrics; ++m) {
                if (rng.generateDouble() > spec.recordShare)
                    continue;
                api::UsageRecord r =
                    record(day, QStringLiteral("acc%1").arg(a), QStringLiteral("metric%1").arg(m),
                           double(rng.bounded(1000)) + rng.generateDouble(), units[m % 3], families[m % 3]);
                const int zone = int(rng.bounded(spec.zones));
                if (zone > 0) {
                    r.zoneId = QStringLiteral("zone%1").arg(zone);
                    r.zoneName = QStringLiteral("zone%1.example").arg(zone);
                }
                if (m % 2 == 0) {
                    r.regionId = QStringLiteral("region%1").arg(a % 2);
                    r.regionName = QStringLiteral("Region %1").arg(a % 2);
                }
                r.subAccountId = QStringLiteral("contract%1").arg(a % 2);
                r.subAccountName = QStringLiteral("Contract %1").arg(a % 2);
                if (rng.generateDouble() < spec.costShare) {
                    r.billingCurrency = QStringLiteral("USD");
                    r.billedCost = double(rng.bounded(100)) / 4.0;
                    r.effectiveCost = *r.billedCost * 0.9;
                    r.listCost = *r.billedCost * 1.2;
                    // contracted cost null on some costed records
                    if (rng.bounded(3) != 0)
                        r.contractedCost = *r.billedCost;
                }
                out.append(r);
                if (rng.generateDouble() < spec.correctionShare) {
                    api::UsageRecord c = r;
                    c.chargeClass = QStringLiteral("Correction");
                    c.consumedQuantity = -double(rng.bounded(50));
                    if (c.billedCost)
                        c.billedCost = -1.0;
                    out.append(c);
                }
            }
        }
    }
    return out;
}

} // namespace usagetest
