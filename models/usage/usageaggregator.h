#pragma once
// Aggregates a UsageCube snapshot. A pure function of (cube, query): it reads
// only the const cube and allocates its own result, so a page runs it with
// QtConcurrent::run on a copy of the cube and swaps models when it returns.

#include "usageaggregate.h"
#include "usagecube.h"
#include "usagequery.h"

namespace models {

class UsageAggregator
{
public:
    static UsageAggregate aggregate(const UsageCube &cube, const UsageQuery &query);
};

} // namespace models
