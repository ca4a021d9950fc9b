#pragma once
// Usage of several organizations as one list (issue 24). A parent's answer
// may include its sub-organizations' accounts (the simulator's default, and
// maybe the real API's), so the same record can come back from a parent and
// a child: records are the same when their identity is — account, metric,
// day, zone, region, sub-account and charge class — and such a record is
// kept once, for the deepest organization that returned it (the one that
// holds the account), whatever order the answers came in.

#include "models/rollup/orgtree.h"
#include "models/usage/usagecube.h"

#include "api/records.h"
#include "api/usagecolumns.h"

#include <QList>

namespace models {

struct UsageRollup
{
    QList<api::UsageRecord> records;
    QList<qsizetype> organization; // per record: index into the node list it was merged with
    qsizetype duplicatesRemoved = 0;
};

// The same merge on answers decoded column by column (UsageApi::getColumns):
// what the Usage page's roll-up and the benchmark use. No record is built:
// each answer's identity fields are mapped once per distinct value, and the
// rows kept are the answer's columns with the dropped rows taken out.
struct UsageRollupColumns
{
    struct Part
    {
        qsizetype organization = -1; // index into the node list
        api::UsageColumns columns;   // the rows kept, in the answer's order
    };
    QList<Part> parts; // node order, an organization's windows in order; no empty part
    qsizetype duplicatesRemoved = 0;

    qsizetype size() const;
    // Every row as a record (no rawJson), and the organization of each: in
    // the order mergeUsage() gives for the same answers (tests compare them).
    UsageRollup toRecords() const;
};

// `perOrganization[i]` is the answers (one per window) of `nodes[i]`.
UsageRollupColumns mergeUsage(const QList<OrgNode> &nodes,
                              const QList<QList<api::UsageColumns>> &perOrganization);

// `perOrganization[i]` is the answer of `nodes[i]` (missing organizations: an
// empty list). Records come out in node order, each answer's order kept.
UsageRollup mergeUsage(const QList<OrgNode> &nodes, const QList<QList<api::UsageRecord>> &perOrganization);

// The merged records as a usage cube whose Organization dimension is the
// organization each record was kept for (key: its id, label: its name), with
// `range` marked fetched: what the Usage page groups, charts and drills when
// sub-organizations are included. Thread-safe (no shared state): a page
// builds it on a worker, never on the GUI thread.
UsageCube rollupCube(const QList<OrgNode> &nodes, const UsageRollup &merged, UsageDayRange range);
UsageCube rollupCube(const QList<OrgNode> &nodes, const UsageRollupColumns &merged, UsageDayRange range);

// Test hook: called with nothing at the start of every rollupCube(), on the
// thread that builds it (tests check that this is not the GUI thread).
void setRollupCubeHook(void (*hook)());

// The identity of a record, as one string (the fields joined by U+001F).
QString usageIdentity(const api::UsageRecord &record);

} // namespace models
