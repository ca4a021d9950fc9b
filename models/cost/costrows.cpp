#include "models/cost/costrows.h"

#include <algorithm>

namespace models {

namespace {

qint32 intern(QHash<QString, qint32> &ids, const QString &key)
{
    const auto it = ids.constFind(key);
    if (it != ids.constEnd())
        return *it;
    const auto id = qint32(ids.size());
    ids.insert(key, id);
    return id;
}

} // namespace

CostRows::CostRows(size_t rowCount) : m_rowCount(rowCount)
{
    m_days.reserve(rowCount);
    m_accounts.reserve(rowCount);
    m_metrics.reserve(rowCount);
    m_units.reserve(rowCount);
    m_quantities.reserve(rowCount);
    m_flags.reserve(rowCount);
    m_rows.reserve(rowCount);
}

qint32 CostRows::account(const QString &billingAccountId)
{
    return intern(m_accountIds, billingAccountId);
}

qint32 CostRows::metric(const QString &key, const QString &name)
{
    const qint32 id = intern(m_metricIds, key);
    if (id == m_metricKeys.size()) {
        m_metricKeys.append(key);
        m_metricNames.append(name);
    }
    return id;
}

qint32 CostRows::unit(const QString &consumedUnit)
{
    const qint32 id = intern(m_unitIds, consumedUnit);
    if (id == m_unitNames.size())
        m_unitNames.append(consumedUnit);
    return id;
}

void CostRows::add(size_t row, qint32 day, qint32 account, qint32 metric, qint32 unit,
                   std::optional<double> quantity, bool correction)
{
    m_rows.push_back(row);
    m_days.push_back(day);
    m_first = std::min(m_first, day);
    m_last = std::max(m_last, day);
    m_accounts.push_back(account);
    m_metrics.push_back(metric);
    m_units.push_back(unit);
    m_quantities.push_back(quantity.value_or(0.0));
    m_flags.push_back(
        quint8((quantity ? CostInput::HasQuantity : 0) | (correction ? CostInput::Correction : 0)));
}

CostEstimate CostRows::estimate(const RateCard &card) const
{
    CostInput in;
    in.days = m_days;
    in.accounts = m_accounts;
    in.metrics = m_metrics;
    in.units = m_units;
    in.quantities = m_quantities;
    in.flags = m_flags;
    in.accountCount = qint32(m_accountIds.size());
    in.metricCount = qint32(m_metricIds.size());
    in.unitCount = qint32(m_unitIds.size());
    in.extent = m_rows.empty() ? UsageDayRange{} : UsageDayRange{m_first, m_last};
    in.metricKey = [this](qint32 id) { return m_metricKeys.at(id); };
    in.metricName = [this](qint32 id) { return m_metricNames.at(id); };
    in.unitName = [this](qint32 id) { return m_unitNames.at(id); };
    const CostEstimate packed = estimateCost(in, card);

    CostEstimate out = packed;
    out.rowCost.assign(m_rowCount, CostEstimate::Unknown);
    for (size_t k = 0; k < m_rows.size(); ++k)
        out.rowCost[m_rows[k]] = packed.rowCost[k];
    out.unpricedRows += qsizetype(m_rowCount - m_rows.size());
    return out;
}

} // namespace models
