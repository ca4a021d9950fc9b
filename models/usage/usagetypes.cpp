#include "usagetypes.h"

#include <QCoreApplication>

namespace models {

QString usageDimensionName(UsageDimension dimension)
{
    switch (dimension) {
    case UsageDimension::ProductFamily:
        return QCoreApplication::translate("models::Usage", "Product family");
    case UsageDimension::Metric:
        return QCoreApplication::translate("models::Usage", "Metric");
    case UsageDimension::Account:
        return QCoreApplication::translate("models::Usage", "Account");
    case UsageDimension::SubAccount:
        return QCoreApplication::translate("models::Usage", "Sub-account");
    case UsageDimension::Zone:
        return QCoreApplication::translate("models::Usage", "Zone");
    case UsageDimension::Region:
        return QCoreApplication::translate("models::Usage", "Region");
    case UsageDimension::ChargeDescription:
        return QCoreApplication::translate("models::Usage", "Charge description");
    case UsageDimension::Category:
        return QCoreApplication::translate("models::Usage", "Product category");
    case UsageDimension::Organization:
        return QCoreApplication::translate("models::Usage", "Organization");
    }
    return {};
}

QString usageDimensionToken(UsageDimension dimension)
{
    switch (dimension) {
    case UsageDimension::ProductFamily:
        return QStringLiteral("product_family");
    case UsageDimension::Metric:
        return QStringLiteral("metric");
    case UsageDimension::Account:
        return QStringLiteral("account");
    case UsageDimension::SubAccount:
        return QStringLiteral("sub_account");
    case UsageDimension::Zone:
        return QStringLiteral("zone");
    case UsageDimension::Region:
        return QStringLiteral("region");
    case UsageDimension::ChargeDescription:
        return QStringLiteral("charge_description");
    case UsageDimension::Category:
        return QStringLiteral("category");
    case UsageDimension::Organization:
        return QStringLiteral("organization");
    }
    return {};
}

QString usageMeasureName(UsageMeasure measure)
{
    switch (measure) {
    case UsageMeasure::ConsumedQuantity:
        return QCoreApplication::translate("models::Usage", "Consumed quantity");
    case UsageMeasure::BilledCost:
        return QCoreApplication::translate("models::Usage", "Billed cost");
    case UsageMeasure::EffectiveCost:
        return QCoreApplication::translate("models::Usage", "Effective cost");
    case UsageMeasure::ListCost:
        return QCoreApplication::translate("models::Usage", "List cost");
    case UsageMeasure::ContractedCost:
        return QCoreApplication::translate("models::Usage", "Contracted cost");
    case UsageMeasure::EstimatedCost:
        return QCoreApplication::translate("models::Usage", "Estimated cost");
    }
    return {};
}

QString usageGranularityName(UsageGranularity granularity)
{
    switch (granularity) {
    case UsageGranularity::Day:
        return QCoreApplication::translate("models::Usage", "Day");
    case UsageGranularity::Week:
        return QCoreApplication::translate("models::Usage", "Week");
    case UsageGranularity::Month:
        return QCoreApplication::translate("models::Usage", "Month");
    case UsageGranularity::Cumulative:
        return QCoreApplication::translate("models::Usage", "Cumulative");
    }
    return {};
}

qint32 usageday::monthStart(qint32 day)
{
    const QDate d = toDate(day);
    return fromDate(QDate(d.year(), d.month(), 1));
}

QList<UsageDayRange> UsageDayRange::splitIntoWindows(int maxDays) const
{
    QList<UsageDayRange> windows;
    if (isEmpty() || maxDays <= 0)
        return windows;
    for (qint32 start = first; start <= last; start += maxDays)
        windows.append({start, qMin<qint32>(last, start + maxDays - 1)});
    return windows;
}

} // namespace models
