#pragma once
// Drill-down state of the usage page: clicking a group filters to it and
// regroups by the next dimension (product family -> metric -> account ->
// zone -> region -> sub-account -> charge description), with a breadcrumb
// trail to go back. Measure, granularity, range and top N are view settings
// shared by every level, so changing them while drilled in survives "back".

#include "usageaggregate.h"
#include "usagequery.h"

#include <QList>
#include <optional>

namespace models {

class UsageDrillDown
{
public:
    struct Crumb
    {
        QString label;              // "All usage", then the clicked group's label
        QList<UsageFilter> filters; // accumulated filters at that level
        QList<UsageDimension> groupBy;
    };

    explicit UsageDrillDown(const UsageQuery &root = {});

    // Back to a single level with root's filters and grouping.
    void reset(const UsageQuery &root);
    // Measure, granularity, range, previous range, top N, corrections from q.
    void setViewSettings(const UsageQuery &q);
    // The user picked another grouping at the current level.
    void setGroupBy(const QList<UsageDimension> &groupBy);

    UsageQuery query() const; // what to aggregate now
    const QList<Crumb> &breadcrumbs() const { return m_crumbs; }
    int depth() const { return int(m_crumbs.size()) - 1; }

    // Drill order. The next dimension is the first one after the deepest
    // clicked level that is neither filtered nor grouped, else the first unused.
    // Organization (a roll-up's) is not in it: from an organization the next
    // level is its accounts (Account, when not used yet).
    static QList<UsageDimension> drillOrder();
    static std::optional<UsageDimension> nextDimension(const QList<UsageFilter> &filters,
                                                       const QList<UsageDimension> &groupBy);
    // The query a click on group would lead to; none for "Other", for the
    // ungrouped total and when every dimension is used.
    static std::optional<UsageQuery> drillQuery(const UsageQuery &from, const UsageGroup &group);

    bool canDrill(const UsageGroup &group) const { return drillQuery(query(), group).has_value(); }
    bool drillInto(const UsageGroup &group);
    // A level below the current one, as a saved view reopens it.
    void push(const Crumb &crumb) { m_crumbs.append(crumb); }
    bool back();
    // Keeps crumbs [0, index]; false when index is out of range.
    bool backTo(int index);

private:
    UsageQuery m_view;
    QList<Crumb> m_crumbs;
};

} // namespace models
