#include "api/usagecolumns.h"

#include <QDateTime>

namespace api {

UsageColumns::UsageColumns()
{
    for (QList<QString> &v : values)
        v.append(QString());
    tagSets.append(QMap<QString, QString>());
}

void UsageColumns::reserve(qsizetype n)
{
    rows.reserve(size_t(qMax<qsizetype>(n, 0)));
    numbers[ConsumedQuantity].reserve(size_t(qMax<qsizetype>(n, 0)));
}

qsizetype UsageColumns::removeRowsIf(const std::function<bool(qsizetype row)> &drop)
{
    size_t kept = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (drop(qsizetype(i)))
            continue;
        if (kept != i) {
            rows[kept] = rows[i];
            for (std::vector<double> &column : numbers)
                if (!column.empty())
                    column[kept] = column[i];
            if (!tags.empty())
                tags[kept] = tags[i];
        }
        ++kept;
    }
    const qsizetype removed = qsizetype(rows.size() - kept);
    rows.resize(kept);
    for (std::vector<double> &column : numbers)
        if (!column.empty())
            column.resize(kept);
    if (!tags.empty())
        tags.resize(kept);
    return removed;
}

UsageColumns::Row &UsageColumns::appendRow()
{
    for (std::vector<double> &column : numbers)
        if (!column.empty())
            column.push_back(0.0);
    if (!tags.empty())
        tags.push_back(0);
    return rows.emplace_back();
}

void UsageColumns::setTags(size_t row, quint32 index)
{
    if (tags.empty()) {
        if (index == 0)
            return;
        tags.assign(rows.size(), 0); // the first row with tags
    }
    tags[row] = index;
}

void UsageColumns::setNumber(Number field, size_t row, std::optional<double> value)
{
    Row &r = rows[row];
    if (!value) {
        r.present &= quint8(~(1U << field));
        return;
    }
    std::vector<double> &column = numbers[field];
    if (column.empty())
        column.assign(rows.size(), 0.0); // the first row to carry this number
    column[row] = *value;
    r.present |= quint8(1U << field);
}

UsageRecord UsageColumns::record(qsizetype i) const
{
    auto time = [&](Time f) {
        const qint64 ms = timeAt(f, i);
        return ms == kNoTime ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    };
    UsageRecord r;
    r.billingAccountId = textAt(BillingAccountId, i);
    r.billingAccountName = textAt(BillingAccountName, i);
    r.chargeCategory = textAt(ChargeCategory, i);
    r.chargeClass = textAt(ChargeClass, i);
    r.chargeDescription = textAt(ChargeDescription, i);
    r.chargeFrequency = textAt(ChargeFrequency, i);
    r.chargePeriodStart = time(ChargePeriodStart);
    r.chargePeriodEnd = time(ChargePeriodEnd);
    r.consumedQuantity = optionalNumber(ConsumedQuantity, i);
    r.consumedUnit = textAt(ConsumedUnit, i);
    r.hostProviderName = textAt(HostProviderName, i);
    r.invoiceIssuerName = textAt(InvoiceIssuerName, i);
    r.serviceProviderName = textAt(ServiceProviderName, i);
    r.billableMetricId = textAt(BillableMetricId, i);
    r.billableMetricName = textAt(BillableMetricName, i);
    r.productFamilyId = textAt(ProductFamilyId, i);
    r.productFamilyName = textAt(ProductFamilyName, i);
    r.productCategoryName = textAt(ProductCategoryName, i);
    r.zoneId = textAt(ZoneId, i);
    r.zoneName = textAt(ZoneName, i);
    r.subAccountId = textAt(SubAccountId, i);
    r.subAccountName = textAt(SubAccountName, i);
    r.regionId = textAt(RegionId, i);
    r.regionName = textAt(RegionName, i);
    r.billingCurrency = textAt(BillingCurrency, i);
    r.billingPeriodStart = time(BillingPeriodStart);
    r.billingPeriodEnd = time(BillingPeriodEnd);
    r.pricingQuantity = optionalNumber(PricingQuantity, i);
    r.pricingUnit = textAt(PricingUnit, i);
    r.listUnitPrice = optionalNumber(ListUnitPrice, i);
    r.listCost = optionalNumber(ListCost, i);
    r.contractedUnitPrice = optionalNumber(ContractedUnitPrice, i);
    r.contractedCost = optionalNumber(ContractedCost, i);
    r.billedCost = optionalNumber(BilledCost, i);
    r.effectiveCost = optionalNumber(EffectiveCost, i);
    r.tags = tagsAt(i);
    return r;
}

} // namespace api
