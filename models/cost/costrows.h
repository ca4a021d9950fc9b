#pragma once
// Rows gathered one at a time into the packed input estimateCost() runs on:
// the record path (`orgscope export usage`) and the roll-up's merged columns
// share it, so both intern accounts, metrics and units the same way and the
// same rule prices the same rows.

#include "models/cost/costestimator.h"

#include <QHash>
#include <QList>
#include <QString>
#include <limits>
#include <optional>
#include <vector>

namespace models {

class CostRows
{
public:
    // rowCount: rows of the caller's list; rows never added are not priced.
    explicit CostRows(size_t rowCount);

    // Ids for the packed input (0 is the empty value), in order of first sight.
    qint32 account(const QString &billingAccountId);
    // A metric is keyed by its id, or by its name when it has no id.
    qint32 metric(const QString &key, const QString &name);
    qint32 unit(const QString &consumedUnit);

    // Row `row` of the caller's list (rows added in increasing order).
    void add(size_t row, qint32 day, qint32 account, qint32 metric, qint32 unit,
             std::optional<double> quantity, bool correction);

    // One cost per row of the caller's list, in order; rows not added get
    // CostEstimate::Unknown and count as unpriced.
    CostEstimate estimate(const RateCard &card) const;

private:
    size_t m_rowCount;
    std::vector<qint32> m_days, m_accounts, m_metrics, m_units;
    std::vector<double> m_quantities;
    std::vector<quint8> m_flags;
    std::vector<size_t> m_rows;
    QHash<QString, qint32> m_accountIds{{QString(), 0}}, m_metricIds{{QString(), 0}},
        m_unitIds{{QString(), 0}};
    QList<QString> m_metricKeys{QString()}, m_metricNames{QString()}, m_unitNames{QString()};
    qint32 m_first = std::numeric_limits<qint32>::max();
    qint32 m_last = std::numeric_limits<qint32>::min();
};

} // namespace models
