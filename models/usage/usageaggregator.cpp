#include "usageaggregator.h"

#include "models/cost/costestimator.h"

#include "usageaggregate_p.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace models {

namespace {

constexpr qint32 UnitUnset = -1;
constexpr qint32 UnitMixed = -2;

struct Slot
{
    qint32 id[2] = {0, 0};
    double current = 0;
    double previous = 0;
    qint32 unit = UnitUnset;
    qsizetype rows = 0;
    qsizetype corrections = 0;
    double compare = 0;
    qsizetype compareRows = 0;
    QString label;
};

void mergeUnit(qint32 &into, qint32 unit)
{
    if (into == UnitUnset)
        into = unit;
    else if (into != unit)
        into = UnitMixed;
}

// Maps a row's group ids to a dense slot number. Two levels use a flat table
// while the id space is small and a hash beyond that (zones x accounts).
class SlotIndex
{
public:
    SlotIndex(const UsageCube &cube, const QList<UsageDimension> &levels)
        : m_levels(int(qMin<qsizetype>(levels.size(), 2)))
    {
        if (m_levels >= 1) {
            m_col[0] = cube.dimensionColumn(levels[0]).data();
            m_n[0] = cube.valueCount(levels[0]);
        }
        if (m_levels == 2) {
            m_col[1] = cube.dimensionColumn(levels[1]).data();
            m_n[1] = cube.valueCount(levels[1]);
        }
        const qint64 space = m_levels == 0 ? 1 : m_levels == 1 ? m_n[0] : qint64(m_n[0]) * m_n[1];
        m_dense = space <= (qint64(1) << 22);
        if (m_dense)
            m_table.assign(size_t(space), -1);
    }

    // Returns the slot of `row`, creating it (and appending to accs) if new.
    qint32 slotOf(qsizetype row, std::vector<Slot> &accs)
    {
        const qint32 a = m_levels >= 1 ? m_col[0][row] : 0;
        const qint32 b = m_levels == 2 ? m_col[1][row] : 0;
        if (m_dense) {
            const size_t cell = m_levels == 2 ? size_t(a) * size_t(m_n[1]) + size_t(b) : size_t(a);
            qint32 &s = m_table[cell];
            if (s < 0) {
                s = qint32(accs.size());
                accs.push_back(makeSlot(a, b));
            }
            return s;
        }
        const quint64 key = (quint64(quint32(a)) << 32) | quint32(b);
        auto it = m_hash.find(key);
        if (it == m_hash.end()) {
            it = m_hash.insert(key, qint32(accs.size()));
            accs.push_back(makeSlot(a, b));
        }
        return *it;
    }

private:
    static Slot makeSlot(qint32 a, qint32 b)
    {
        Slot s;
        s.id[0] = a;
        s.id[1] = b;
        return s;
    }

    int m_levels;
    const qint32 *m_col[2] = {nullptr, nullptr};
    qint32 m_n[2] = {1, 1};
    bool m_dense = true;
    std::vector<qint32> m_table;
    QHash<quint64, qint32> m_hash;
};

std::vector<qint32> bucketStartsFor(UsageGranularity granularity, UsageDayRange range,
                                    std::vector<qint32> &bucketOfDay, std::vector<qint32> &periods)
{
    std::vector<qint32> firsts;
    bucketOfDay.assign(size_t(range.dayCount()), 0);
    qint32 currentPeriod = 0;
    for (qint32 day = range.first; day <= range.last; ++day) {
        qint32 period = day;
        if (granularity == UsageGranularity::Week)
            period = usageday::weekStart(day);
        else if (granularity == UsageGranularity::Month)
            period = usageday::monthStart(day);
        if (firsts.empty() || period != currentPeriod) {
            currentPeriod = period;
            firsts.push_back(day);
            periods.push_back(period);
        }
        bucketOfDay[size_t(day - range.first)] = qint32(firsts.size() - 1);
    }
    return firsts;
}

} // namespace

UsageAggregate UsageAggregator::aggregate(const UsageCube &cube, const UsageQuery &query)
{
    auto out = std::make_shared<UsageAggregate::Data>();
    UsageAggregate::Data &x = *out;
    x.query = query;
    x.range = query.range.isEmpty() ? cube.dayExtent() : query.range;
    x.previousRange = query.previousRange;
    if (x.previousRange.isEmpty() && !x.range.isEmpty())
        x.previousRange = {x.range.first - x.range.dayCount(), x.range.first - 1};
    x.rangeCovered = !x.range.isEmpty() && cube.isCovered(x.range);
    x.previousCovered = !x.previousRange.isEmpty() && cube.isCovered(x.previousRange);
    // The estimate counts only when it was made for this very cube.
    const bool estimated = query.measure == UsageMeasure::EstimatedCost;
    const CostEstimate *estimate =
        estimated && query.estimate && qsizetype(query.estimate->rowCost.size()) == cube.rowCount()
            ? query.estimate.get()
            : nullptr;
    x.currency = estimate ? estimate->currency : cube.billingCurrency();
    x.measureAvailable =
        estimated ? estimate && estimate->pricedRows > 0 : cube.rowsWithMeasure(query.measure) > 0;

    QList<UsageDimension> levels = query.groupBy.mid(0, 2);
    if (levels.size() == 2 && levels[0] == levels[1])
        levels.removeLast();
    x.query.groupBy = levels;

    // Buckets: one lookup per row instead of calendar arithmetic.
    std::vector<qint32> bucketOfDay;
    if (!x.range.isEmpty())
        x.bucketFirst = bucketStartsFor(query.granularity, x.range, bucketOfDay, x.bucketPeriod);
    const size_t bucketCount = x.bucketFirst.size();
    x.bucketLast.resize(bucketCount);
    for (size_t b = 0; b < bucketCount; ++b)
        x.bucketLast[b] = b + 1 < bucketCount ? x.bucketFirst[b + 1] - 1 : x.range.last;

    // Filters: one byte per dimension value says whether it passes.
    struct ActiveFilter
    {
        const qint32 *column;
        std::vector<quint8> allowed;
    };
    std::vector<ActiveFilter> filters;
    for (int dim = 0; dim < UsageDimensionCount; ++dim) {
        const auto dimension = UsageDimension(dim);
        bool any = false;
        std::vector<quint8> allowed;
        for (const UsageFilter &f : query.filters) {
            if (f.dimension != dimension)
                continue;
            if (!any)
                allowed.assign(size_t(cube.valueCount(dimension)), 0);
            any = true;
            const qint32 id = cube.findValue(dimension, f.key);
            if (id >= 0)
                allowed[size_t(id)] = 1;
        }
        if (any)
            filters.push_back({cube.dimensionColumn(dimension).data(), std::move(allowed)});
    }

    const qsizetype n = cube.rowCount();
    const qint32 *days = cube.days().data();
    const quint8 *flags = cube.flags().data();
    const qint32 *units = cube.unitColumn().data();
    const std::span<const double> measureSpan =
        estimated ? (estimate ? std::span<const double>(estimate->rowCost) : std::span<const double>())
                  : cube.measureColumn(query.measure);
    const double *values = measureSpan.empty() ? nullptr : measureSpan.data();
    const quint8 measureBit = UsageCube::measureFlag(query.measure);
    const bool isCost = usageMeasureIsCost(query.measure);
    const quint8 skipMask = query.includeCorrections ? 0 : quint8(UsageCube::Correction);

    // Quantities of one unit only, when asked (no id matches an unknown unit).
    constexpr qint32 AnyUnit = -1;
    qint32 unitFilter = AnyUnit;
    if (!isCost && !query.unit.isEmpty()) {
        unitFilter = -2;
        for (qint32 u = 0; u < cube.unitCount(); ++u)
            if (cube.unitName(u) == query.unit)
                unitFilter = u;
    }
    std::vector<qsizetype> unitRows(size_t(std::max<qint32>(cube.unitCount(), 1)), 0);

    // The comparison measure, read the same way as the measure.
    const bool comparing = isCost && query.compare && *query.compare != query.measure;
    const bool compareEstimated = comparing && *query.compare == UsageMeasure::EstimatedCost;
    const CostEstimate *compareEstimate =
        compareEstimated && query.estimate && qsizetype(query.estimate->rowCost.size()) == cube.rowCount()
            ? query.estimate.get()
            : nullptr;
    const std::span<const double> compareSpan =
        !comparing         ? std::span<const double>()
        : compareEstimated ? (compareEstimate ? std::span<const double>(compareEstimate->rowCost)
                                              : std::span<const double>())
                           : cube.measureColumn(*query.compare);
    const double *compareValues = compareSpan.empty() ? nullptr : compareSpan.data();
    const quint8 compareBit = comparing ? UsageCube::measureFlag(*query.compare) : 0;
    x.hasComparison = comparing;

    const qint32 lo = qMin(x.range.first, x.previousRange.isEmpty() ? x.range.first : x.previousRange.first);
    const qint32 hi = qMax(x.range.last, x.previousRange.isEmpty() ? x.range.last : x.previousRange.last);

    std::vector<Slot> accs;
    SlotIndex index(cube, levels);
    // Rows of the current range, remembered so the second pass neither
    // re-filters nor re-resolves accs.
    std::vector<qint32> hitRow;
    std::vector<qint32> hitSlot;

    if (values && !x.range.isEmpty()) {
        for (qsizetype r = 0; r < n; ++r) {
            const qint32 day = days[r];
            if (day < lo || day > hi)
                continue;
            const bool current = day >= x.range.first && day <= x.range.last;
            if (!current && !x.previousRange.contains(day))
                continue;
            const quint8 f = flags[r];
            if (f & skipMask)
                continue;
            bool pass = true;
            for (const ActiveFilter &flt : filters) {
                if (!flt.allowed[size_t(flt.column[r])]) {
                    pass = false;
                    break;
                }
            }
            if (!pass)
                continue;
            if (current)
                ++unitRows[size_t(units[r])];
            if (unitFilter != AnyUnit && units[r] != unitFilter)
                continue;
            if (current)
                ++x.matchedRows;
            if (estimated ? std::isnan(values[r]) : !(f & measureBit)) {
                if (current)
                    ++x.rowsWithoutMeasure;
                continue;
            }
            const qint32 s = index.slotOf(r, accs);
            Slot &slot = accs[size_t(s)];
            if (current) {
                slot.current += values[r];
                ++slot.rows;
                if (f & UsageCube::Correction) {
                    ++slot.corrections;
                    ++x.correctionRows;
                }
                if (!isCost)
                    mergeUnit(slot.unit, units[r]);
                if (comparing) {
                    const bool has = compareValues && (compareEstimated ? !std::isnan(compareValues[r])
                                                                        : (f & compareBit) != 0);
                    if (has) {
                        slot.compare += compareValues[r];
                        ++slot.compareRows;
                    } else {
                        ++x.rowsWithoutCompare;
                    }
                }
                hitRow.push_back(qint32(r));
                hitSlot.push_back(s);
            } else {
                slot.previous += values[r];
            }
        }
    }

    // Labels and order: largest current magnitude first, then by label.
    auto levelKey = [&](int level, qint32 id) {
        return UsageGroupKey{levels[level], cube.valueKey(levels[level], id),
                             cube.valueLabel(levels[level], id)};
    };
    for (Slot &s : accs) {
        if (levels.isEmpty()) {
            s.label = QCoreApplication::translate("models::Usage", "Total");
            continue;
        }
        s.label = cube.valueLabel(levels[0], s.id[0]);
        if (levels.size() == 2)
            s.label += QStringLiteral(" \u203A ") + cube.valueLabel(levels[1], s.id[1]);
    }
    std::vector<qint32> order(accs.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](qint32 a, qint32 b) {
        const double ma = qAbs(accs[size_t(a)].current);
        const double mb = qAbs(accs[size_t(b)].current);
        if (ma != mb)
            return ma > mb;
        return accs[size_t(a)].label < accs[size_t(b)].label;
    });

    // A single folded group would be an "Other" hiding one name: show it.
    const bool fold = query.topN > 0 && order.size() > size_t(query.topN) + 1;
    const size_t kept = fold ? size_t(query.topN) : order.size();
    const size_t groupCount = kept + (fold ? 1 : 0);
    std::vector<qint32> rowOfSlot(accs.size(), 0);
    std::vector<qint32> groupUnit(groupCount, UnitUnset);
    x.groups.reserve(qsizetype(groupCount));
    x.previous.assign(groupCount, 0.0);
    std::vector<qsizetype> groupCompareRows(groupCount, 0);
    x.compareTotals.assign(comparing ? groupCount : 0, 0.0);
    for (size_t i = 0; i < order.size(); ++i) {
        const Slot &s = accs[size_t(order[i])];
        const size_t g = qMin(i, kept);
        rowOfSlot[size_t(order[i])] = qint32(g);
        if (i < kept) {
            UsageGroup group;
            group.label = s.label;
            for (int l = 0; l < levels.size(); ++l)
                group.keys.append(levelKey(l, s.id[l]));
            x.groups.append(group);
        } else if (i == kept) {
            UsageGroup other;
            other.isOther = true;
            other.label = QCoreApplication::translate("models::Usage", "Other");
            x.groups.append(other);
        }
        UsageGroup &group = x.groups[qsizetype(g)];
        if (group.isOther)
            ++group.foldedGroups;
        group.rows += s.rows;
        group.correctionRows += s.corrections;
        x.previous[g] += s.previous;
        if (comparing) {
            x.compareTotals[g] += s.compare;
            groupCompareRows[g] += s.compareRows;
        }
        if (s.unit != UnitUnset)
            mergeUnit(groupUnit[g], s.unit);
    }

    // Second pass over the remembered rows only.
    x.matrix.assign(groupCount * bucketCount, 0.0);
    for (size_t i = 0; i < hitRow.size(); ++i) {
        const qint32 r = hitRow[i];
        const size_t g = size_t(rowOfSlot[size_t(hitSlot[i])]);
        x.matrix[g * bucketCount + size_t(bucketOfDay[size_t(days[r] - x.range.first)])] += values[r];
    }

    x.rowTotals.assign(groupCount, 0.0);
    x.columnTotals.assign(bucketCount, 0.0);
    for (size_t g = 0; g < groupCount; ++g) {
        double *row = x.matrix.data() + g * bucketCount;
        double running = 0;
        for (size_t b = 0; b < bucketCount; ++b) {
            running += row[b];
            if (query.granularity == UsageGranularity::Cumulative)
                row[b] = running;
            x.columnTotals[b] += row[b];
        }
        x.rowTotals[g] = running;
        x.grandTotal += running;
        x.previousTotal += x.previous[g];
    }

    // A group none of whose records carries the comparison has no value for it.
    if (comparing) {
        qsizetype anyCompare = 0;
        for (size_t g = 0; g < groupCount; ++g) {
            anyCompare += groupCompareRows[g];
            if (groupCompareRows[g] == 0)
                x.compareTotals[g] = std::nan("");
            else
                x.compareGrandTotal += x.compareTotals[g];
        }
        if (anyCompare == 0)
            x.compareGrandTotal = std::nan("");
    }
    for (qint32 u = 0; u < qint32(unitRows.size()); ++u)
        if (unitRows[size_t(u)] > 0)
            x.units.append({cube.unitName(u), unitRows[size_t(u)]});
    std::stable_sort(x.units.begin(), x.units.end(), [](const UsageUnitCount &a, const UsageUnitCount &b) {
        return a.rows != b.rows ? a.rows > b.rows : a.unit < b.unit;
    });

    // Units: the currency for costs; for quantities the shared unit if any.
    qint32 overall = UnitUnset;
    for (size_t g = 0; g < groupCount; ++g) {
        UsageGroup &group = x.groups[qsizetype(g)];
        if (isCost) {
            group.unit = x.currency;
            continue;
        }
        group.mixedUnits = groupUnit[g] == UnitMixed;
        if (groupUnit[g] >= 0)
            group.unit = cube.unitName(groupUnit[g]);
        if (groupUnit[g] != UnitUnset)
            mergeUnit(overall, groupUnit[g]);
    }
    if (isCost) {
        x.unit = x.currency;
    } else {
        x.unitsMixed = overall == UnitMixed;
        if (overall >= 0)
            x.unit = cube.unitName(overall);
    }
    return UsageAggregate(std::move(out));
}

} // namespace models
