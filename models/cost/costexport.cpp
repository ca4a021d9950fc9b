#include "costexport.h"

#include "api/records.h"
#include "models/export/exportcolumns.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <cmath>

namespace models {

QString estimatedCostCell(double cost)
{
    return std::isnan(cost) ? QString() : ExportColumns::number(cost);
}

QByteArray withEstimatedCost(const QByteArray &rawJson, double cost, const QString &currency)
{
    const QByteArray value = std::isnan(cost) ? QByteArrayLiteral("null") : estimatedCostCell(cost).toUtf8();
    const QByteArray added = "\"x_EstimatedCost\":" + value + ",\"x_EstimatedCurrency\":" +
                             QJsonDocument(QJsonObject{{QStringLiteral("c"), currency}})
                                 .toJson(QJsonDocument::Compact)
                                 .mid(5)
                                 .chopped(1);
    const qsizetype close = rawJson.lastIndexOf('}');
    if (close < 0) // no object as received (a record built by hand): write one
        return "{" + added + "}";
    // An empty object needs no comma.
    qsizetype before = close - 1;
    while (before >= 0 && QByteArrayView(" \t\r\n").contains(rawJson.at(before)))
        --before;
    const bool empty = before >= 0 && rawJson.at(before) == '{';
    return rawJson.left(close) + (empty ? "" : ",") + added + rawJson.mid(close);
}

QList<CostSummaryRow> summarizeCosts(const QList<api::UsageRecord> &records, const CostEstimate &costs,
                                     QDate from, QDate to)
{
    QMap<std::pair<QString, QString>, CostSummaryRow> groups;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const api::UsageRecord &r = records.at(i);
        const QDate day = r.chargePeriodStart.toUTC().date();
        if (!day.isValid() || day < from || day > to)
            continue;
        const QString month = day.toString(QStringLiteral("yyyy-MM"));
        const QString family = r.productFamilyName.isEmpty() ? r.productFamilyId : r.productFamilyName;
        CostSummaryRow &row = groups[{month, family}];
        row.month = month;
        row.productFamily = family;
        row.currency = costs.currency;
        ++row.records;
        const double c = size_t(i) < costs.rowCost.size() ? costs.rowCost[size_t(i)] : CostEstimate::Unknown;
        if (std::isnan(c))
            ++row.unpricedRecords;
        else
            row.estimated = row.estimated.value_or(0.0) + c;
        if (r.billedCost) {
            row.billed = row.billed.value_or(0.0) + *r.billedCost;
            if (row.billingCurrency.isEmpty())
                row.billingCurrency = r.billingCurrency;
        }
    }
    return groups.values();
}

QStringList costSummaryHeaders()
{
    return {QStringLiteral("Month"),         QStringLiteral("ProductFamily"),
            QStringLiteral("EstimatedCost"), QStringLiteral("EstimatedCurrency"),
            QStringLiteral("BilledCost"),    QStringLiteral("BillingCurrency"),
            QStringLiteral("Records"),       QStringLiteral("UnpricedRecords")};
}

QList<bool> costSummaryNumeric()
{
    return {false, false, true, false, true, false, true, true};
}

QStringList costSummaryCells(const CostSummaryRow &row)
{
    return {row.month,
            row.productFamily,
            ExportColumns::number(row.estimated),
            row.currency,
            ExportColumns::number(row.billed),
            row.billingCurrency,
            QString::number(row.records),
            QString::number(row.unpricedRecords)};
}

QByteArray costSummaryJson(const CostSummaryRow &row)
{
    QJsonObject o;
    o.insert(QStringLiteral("month"), row.month);
    o.insert(QStringLiteral("product_family"), row.productFamily);
    o.insert(QStringLiteral("estimated_cost"), row.estimated ? QJsonValue(*row.estimated) : QJsonValue());
    o.insert(QStringLiteral("estimated_currency"), row.currency);
    o.insert(QStringLiteral("billed_cost"), row.billed ? QJsonValue(*row.billed) : QJsonValue());
    o.insert(QStringLiteral("billing_currency"),
             row.billingCurrency.isEmpty() ? QJsonValue() : QJsonValue(row.billingCurrency));
    o.insert(QStringLiteral("records"), double(row.records));
    o.insert(QStringLiteral("unpriced_records"), double(row.unpricedRecords));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace models
