#include "models/rollup/usagerollupmerge.h"

#include <QHash>

#include <atomic>

#include <vector>

namespace models {

QString usageIdentity(const api::UsageRecord &r)
{
    static const QChar sep(0x1f);
    const qint64 start = r.chargePeriodStart.isValid() ? r.chargePeriodStart.toMSecsSinceEpoch() : 0;
    // The day: a record covers one day, however its start is written.
    const qint64 day = start >= 0 ? start / 86400000 : (start - 86399999) / 86400000;
    return r.billingAccountId + sep + r.billableMetricId + sep + QString::number(day) + sep + r.zoneId + sep +
           r.regionId + sep + r.subAccountId + sep + r.chargeClass.toLower();
}

UsageRollup mergeUsage(const QList<OrgNode> &nodes, const QList<QList<api::UsageRecord>> &perOrganization)
{
    struct Where
    {
        qsizetype org;
        qsizetype row;
    };
    UsageRollup out;
    QHash<QString, Where> winner;
    std::vector<std::vector<bool>> keep(size_t(perOrganization.size()));
    for (qsizetype i = 0; i < perOrganization.size(); ++i) {
        const QList<api::UsageRecord> &answer = perOrganization.at(i);
        keep[size_t(i)].assign(size_t(answer.size()), false);
        const int depth = i < nodes.size() ? nodes.at(i).depth : 0;
        for (qsizetype j = 0; j < answer.size(); ++j) {
            const QString key = usageIdentity(answer.at(j));
            const auto it = winner.find(key);
            if (it == winner.end()) {
                winner.insert(key, Where{i, j});
                keep[size_t(i)][size_t(j)] = true;
                continue;
            }
            ++out.duplicatesRemoved;
            const int held = it->org < nodes.size() ? nodes.at(it->org).depth : 0;
            if (depth > held) {
                keep[size_t(it->org)][size_t(it->row)] = false;
                keep[size_t(i)][size_t(j)] = true;
                *it = Where{i, j};
            }
        }
    }
    out.records.reserve(winner.size());
    out.organization.reserve(winner.size());
    for (qsizetype i = 0; i < perOrganization.size(); ++i) {
        const QList<api::UsageRecord> &answer = perOrganization.at(i);
        for (qsizetype j = 0; j < answer.size(); ++j) {
            if (!keep[size_t(i)][size_t(j)])
                continue;
            out.records.append(answer.at(j));
            out.organization.append(i);
        }
    }
    return out;
}

namespace {
std::atomic<void (*)()> g_cubeHook{nullptr};
}

void setRollupCubeHook(void (*hook)())
{
    g_cubeHook.store(hook);
}

UsageCube rollupCube(const QList<OrgNode> &nodes, const UsageRollup &merged, UsageDayRange range)
{
    if (auto *hook = g_cubeHook.load())
        hook();
    UsageCube cube;
    const QList<api::UsageRecord> &records = merged.records;
    // Records come in node order: one batch per organization.
    qsizetype begin = 0;
    while (begin < records.size()) {
        const qsizetype org = merged.organization.value(begin, -1);
        qsizetype end = begin + 1;
        while (end < records.size() && merged.organization.value(end, -1) == org)
            ++end;
        if (org >= 0 && org < nodes.size())
            cube.setOrganization(nodes.at(org).id, nodes.at(org).name);
        else
            cube.setOrganization({}, {});
        cube.addRecords(begin == 0 && end == records.size() ? records : records.mid(begin, end - begin));
        begin = end;
    }
    cube.markCovered(range);
    return cube;
}

} // namespace models
