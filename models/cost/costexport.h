#pragma once
// What `orgscope export usage --rate-card/--summary` writes: each record as
// received plus its estimated cost, and cost per month x product family.

#include "models/cost/costestimator.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace api {
struct UsageRecord;
}

namespace models {

// The record's JSON object as received with "x_EstimatedCost" (a number, or
// null when unpriced) and "x_EstimatedCurrency" added before its closing brace.
QByteArray withEstimatedCost(const QByteArray &rawJson, double cost, const QString &currency);
QString estimatedCostCell(double cost); // "" when unpriced, never "0"

struct CostSummaryRow
{
    QString month;                   // "2026-11"
    QString productFamily;           // name as received, else its id
    std::optional<double> estimated; // none when no record of the group is priced
    std::optional<double> billed;    // none when no record carries BilledCost
    QString currency;                // the estimate's currency
    QString billingCurrency;         // the records' BillingCurrency, when billed
    qsizetype records = 0;
    qsizetype unpricedRecords = 0;
};

// Records whose day lies in [from, to], grouped by UTC month and product
// family, in month then family order. costs has one entry per record.
QList<CostSummaryRow> summarizeCosts(const QList<api::UsageRecord> &records, const CostEstimate &costs,
                                     QDate from, QDate to);
QStringList costSummaryHeaders();
QList<bool> costSummaryNumeric();
QStringList costSummaryCells(const CostSummaryRow &row);
QByteArray costSummaryJson(const CostSummaryRow &row);

} // namespace models
