#pragma once
// Showback (issue 24): the cost of each organization of a roll-up per UTC
// month — what each business unit costs. Cost is the API's BilledCost when
// records carry it, else the rate card's estimate (models/cost); an
// unpriced record is never added as 0 (its organization-month counts it in
// `unpricedRecords`). Pure and thread-safe: a page runs it on a worker.

#include "models/cost/ratecard.h"
#include "models/rollup/orgtree.h"
#include "models/rollup/usagerollupmerge.h"

#include <QDate>
#include <QList>
#include <QString>

namespace models {

struct ShowbackRow
{
    qsizetype organization = -1; // index into the nodes
    QList<double> cost;          // per month of Showback::months
    QList<qsizetype> unpriced;   // records without a price, per month
    double total = 0.0;
    qsizetype records = 0;
};

struct Showback
{
    QList<QDate> months;     // the first day of each month, ascending
    QList<ShowbackRow> rows; // one per organization that has records, in node order
    QString currency;
    bool billed = false; // costs are BilledCost from the API (else estimates)
    qsizetype unpricedRecords = 0;
    double total = 0.0;
};

Showback computeShowback(const QList<OrgNode> &nodes, const UsageRollup &usage, const RateCard &card);
// The same from the columnar merge (no record built); equal results.
Showback computeShowback(const QList<OrgNode> &nodes, const UsageRollupColumns &usage, const RateCard &card);

} // namespace models
