#include "usagedrilldown.h"

#include <QCoreApplication>

namespace models {

UsageDrillDown::UsageDrillDown(const UsageQuery &root)
{
    reset(root);
}

void UsageDrillDown::reset(const UsageQuery &root)
{
    m_view = root;
    m_view.filters.clear();
    m_view.groupBy.clear();
    m_crumbs = {Crumb{QCoreApplication::translate("models::Usage", "All usage"), root.filters, root.groupBy}};
}

void UsageDrillDown::setViewSettings(const UsageQuery &q)
{
    m_view = q;
    m_view.filters.clear();
    m_view.groupBy.clear();
}

void UsageDrillDown::setGroupBy(const QList<UsageDimension> &groupBy)
{
    m_crumbs.last().groupBy = groupBy;
}

UsageQuery UsageDrillDown::query() const
{
    UsageQuery q = m_view;
    q.filters = m_crumbs.last().filters;
    q.groupBy = m_crumbs.last().groupBy;
    return q;
}

QList<UsageDimension> UsageDrillDown::drillOrder()
{
    return {UsageDimension::ProductFamily,    UsageDimension::Metric,
            UsageDimension::Account,          UsageDimension::Zone,
            UsageDimension::Region,           UsageDimension::SubAccount,
            UsageDimension::ChargeDescription};
}

std::optional<UsageDimension> UsageDrillDown::nextDimension(const QList<UsageFilter> &filters,
                                                            const QList<UsageDimension> &groupBy)
{
    const QList<UsageDimension> order = drillOrder();
    auto used = [&](UsageDimension d) {
        if (groupBy.contains(d))
            return true;
        for (const UsageFilter &f : filters)
            if (f.dimension == d)
                return true;
        return false;
    };
    // An organization of a roll-up opens on its accounts.
    if (groupBy.contains(UsageDimension::Organization) && !used(UsageDimension::Account))
        return UsageDimension::Account;
    qsizetype after = -1;
    for (UsageDimension d : groupBy)
        after = qMax(after, order.indexOf(d));
    for (qsizetype i = after + 1; i < order.size(); ++i)
        if (!used(order[i]))
            return order[i];
    for (UsageDimension d : order)
        if (!used(d))
            return d;
    return std::nullopt;
}

std::optional<UsageQuery> UsageDrillDown::drillQuery(const UsageQuery &from, const UsageGroup &group)
{
    if (group.isOther || group.keys.isEmpty())
        return std::nullopt;
    UsageQuery next = from;
    // The clicked value replaces any earlier choice on the same dimension.
    for (const UsageGroupKey &k : group.keys) {
        next.filters.removeIf([&](const UsageFilter &f) { return f.dimension == k.dimension; });
        next.filters.append({k.dimension, k.key, k.label});
    }
    const std::optional<UsageDimension> first = nextDimension(next.filters, from.groupBy);
    if (!first)
        return std::nullopt;
    next.groupBy = {*first};
    if (from.groupBy.size() >= 2) {
        QList<UsageDimension> taken = from.groupBy;
        taken.append(*first);
        if (const std::optional<UsageDimension> second = nextDimension(next.filters, taken))
            next.groupBy.append(*second);
    }
    return next;
}

bool UsageDrillDown::drillInto(const UsageGroup &group)
{
    const std::optional<UsageQuery> next = drillQuery(query(), group);
    if (!next)
        return false;
    m_crumbs.append(Crumb{group.label, next->filters, next->groupBy});
    return true;
}

bool UsageDrillDown::back()
{
    if (m_crumbs.size() <= 1)
        return false;
    m_crumbs.removeLast();
    return true;
}

bool UsageDrillDown::backTo(int index)
{
    if (index < 0 || index >= m_crumbs.size())
        return false;
    m_crumbs.resize(index + 1);
    return true;
}

} // namespace models
