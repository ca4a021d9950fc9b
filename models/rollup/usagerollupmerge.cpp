#include "models/rollup/usagerollupmerge.h"

#include <QHash>

#include <algorithm>
#include <array>

#include <atomic>
#include <unordered_map>
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

// A record's identity as numbers: the six text fields mapped to run-wide ids
// (charge class lowered), and the day.
struct IdentityKey
{
    std::array<quint32, 6> text{};
    qint64 day = 0;
    bool operator==(const IdentityKey &) const = default;
};

struct IdentityHash
{
    size_t operator()(const IdentityKey &k) const noexcept
    {
        quint64 h = quint64(k.day) * 0x9E3779B97F4A7C15ULL;
        for (quint32 v : k.text)
            h = (h ^ v) * 0x100000001B3ULL + (h >> 29);
        return size_t(h ^ (h >> 32));
    }
};

constexpr std::array<api::UsageColumns::Text, 6> kIdentityFields{
    api::UsageColumns::BillingAccountId, api::UsageColumns::BillableMetricId, api::UsageColumns::ZoneId,
    api::UsageColumns::RegionId,         api::UsageColumns::SubAccountId,     api::UsageColumns::ChargeClass};

qint64 dayOf(qint64 startMs)
{
    // As usageIdentity(): no start reads as day 0.
    const qint64 start = startMs == api::UsageColumns::kNoTime ? 0 : startMs;
    return start >= 0 ? start / 86400000 : (start - 86399999) / 86400000;
}

} // namespace

qsizetype UsageRollupColumns::size() const
{
    qsizetype n = 0;
    for (const Part &p : parts)
        n += p.columns.size();
    return n;
}

UsageRollup UsageRollupColumns::toRecords() const
{
    UsageRollup out;
    out.duplicatesRemoved = duplicatesRemoved;
    out.records.reserve(size());
    out.organization.reserve(size());
    for (const Part &p : parts) {
        for (qsizetype r = 0; r < p.columns.size(); ++r) {
            out.records.append(p.columns.record(r));
            out.organization.append(p.organization);
        }
    }
    return out;
}

UsageRollupColumns mergeUsage(const QList<OrgNode> &nodes,
                              const QList<QList<api::UsageColumns>> &perOrganization)
{
    struct Where
    {
        qsizetype answer; // index into `answers`
        qsizetype row;
    };
    struct Answer
    {
        qsizetype org;
        const api::UsageColumns *columns;
    };
    std::vector<Answer> answers;
    for (qsizetype i = 0; i < perOrganization.size(); ++i) {
        for (const api::UsageColumns &c : perOrganization.at(i))
            answers.push_back({i, &c});
    }
    UsageRollupColumns out;
    std::array<QHash<QString, quint32>, 6> ids;
    std::unordered_map<IdentityKey, Where, IdentityHash> winner;
    std::vector<std::vector<bool>> keep(answers.size());
    for (size_t a = 0; a < answers.size(); ++a) {
        const api::UsageColumns &c = *answers[a].columns;
        const qsizetype org = answers[a].org;
        keep[a].assign(size_t(c.size()), false);
        // Each distinct value of the answer is looked up once.
        std::array<std::vector<quint32>, 6> map;
        for (size_t f = 0; f < kIdentityFields.size(); ++f) {
            const QList<QString> &values = c.values[kIdentityFields[f]];
            map[f].resize(size_t(values.size()));
            for (qsizetype v = 0; v < values.size(); ++v) {
                const QString key = kIdentityFields[f] == api::UsageColumns::ChargeClass
                                        ? values.at(v).toLower()
                                        : values.at(v);
                auto it = ids[f].constFind(key);
                if (it == ids[f].constEnd())
                    it = ids[f].insert(key, quint32(ids[f].size()));
                map[f][size_t(v)] = *it;
            }
        }
        const int depth = org < nodes.size() ? nodes.at(org).depth : 0;
        for (qsizetype j = 0; j < c.size(); ++j) {
            const api::UsageColumns::Row &row = c.rows[size_t(j)];
            IdentityKey key;
            for (size_t f = 0; f < kIdentityFields.size(); ++f)
                key.text[f] = map[f][row.text[kIdentityFields[f]]];
            key.day = dayOf(row.times[api::UsageColumns::ChargePeriodStart]);
            const auto [it, inserted] = winner.try_emplace(key, Where{qsizetype(a), j});
            if (inserted) {
                keep[a][size_t(j)] = true;
                continue;
            }
            ++out.duplicatesRemoved;
            const qsizetype heldOrg = answers[size_t(it->second.answer)].org;
            const int held = heldOrg < nodes.size() ? nodes.at(heldOrg).depth : 0;
            if (depth > held) {
                keep[size_t(it->second.answer)][size_t(it->second.row)] = false;
                keep[a][size_t(j)] = true;
                it->second = Where{qsizetype(a), j};
            }
        }
    }
    for (size_t a = 0; a < answers.size(); ++a) {
        const std::vector<bool> &k = keep[a];
        const auto kept = std::count(k.begin(), k.end(), true);
        if (kept == 0)
            continue;
        UsageRollupColumns::Part part;
        part.organization = answers[a].org;
        part.columns = *answers[a].columns;
        if (size_t(kept) != k.size())
            part.columns.removeRowsIf([&k](qsizetype row) { return !k[size_t(row)]; });
        out.parts.append(std::move(part));
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

UsageCube rollupCube(const QList<OrgNode> &nodes, const UsageRollupColumns &merged, UsageDayRange range)
{
    if (auto *hook = g_cubeHook.load())
        hook();
    UsageCube cube;
    for (const UsageRollupColumns::Part &part : merged.parts) {
        if (part.organization >= 0 && part.organization < nodes.size())
            cube.setOrganization(nodes.at(part.organization).id, nodes.at(part.organization).name);
        else
            cube.setOrganization({}, {});
        cube.addRecords(part.columns);
    }
    cube.markCovered(range);
    return cube;
}

} // namespace models
