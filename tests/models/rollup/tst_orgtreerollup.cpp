// OrgTreeRollup against orgscope-sim --sub-orgs over real HTTP, and its pure
// parts (the subtree, the usage merge) by hand: merged results equal the
// union of the single-organization results with and without parent answers
// that include the children, one organization failing leaves the rest and
// its Retry fills it in, and usage costs one request per organization per
// 31-day window.
#include "api/client.h"
#include "api/usageapi.h"
#include "models/cost/costestimator.h"
#include "models/cost/ratecard.h"
#include "models/rollup/orgtree.h"
#include "models/rollup/orgtreerollup.h"
#include "models/rollup/showback.h"
#include "models/rollup/usagerollupmerge.h"
#include "models/usage/usageaggregator.h"
#include "models/usage/usagecube.h"
#include "testsupport/orgtreesimulator.h"
#include "testsupport/simulatorprocess.h"

#include <QSignalSpy>
#include <QTest>

using models::OrgTreeRollup;
using testsupport::setOrgFaults;

namespace {
const QStringList kSimArgs = testsupport::subOrgArgs(21, 3000, 60, testsupport::kTreeNow);

void configure(api::Client &client, const QString &baseUrl)
{
    client.setBaseUrl(QUrl(baseUrl));
    client.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
    client.setRetryBaseDelay(10);
    client.setMaxRetries(1);
}

bool runToEnd(OrgTreeRollup &rollup, const std::function<void()> &go)
{
    QSignalSpy finished(&rollup, &OrgTreeRollup::finished);
    go();
    return !finished.isEmpty() || finished.wait(120000);
}

api::Organization org(const QString &id, const QString &name, const QString &parent)
{
    api::Organization o;
    o.id = id;
    o.name = name;
    o.parentId = parent;
    return o;
}

api::UsageRecord record(const QString &account, const QString &metric, int day, double quantity,
                        const QString &chargeClass = {})
{
    api::UsageRecord r;
    r.billingAccountId = account;
    r.billableMetricId = metric;
    r.chargePeriodStart = QDateTime(QDate(2026, 10, day), QTime(0, 0), Qt::UTC);
    r.consumedQuantity = quantity;
    r.chargeClass = chargeClass;
    return r;
}

// The records as one answer decoded column by column.
api::UsageColumns columnsOf(const QList<api::UsageRecord> &records)
{
    using C = api::UsageColumns;
    C c;
    const auto index = [&c](C::Text field, const QString &value) {
        qsizetype i = c.values[field].indexOf(value);
        if (i < 0) {
            c.values[field].append(value);
            i = c.values[field].size() - 1;
        }
        return quint32(i);
    };
    for (const api::UsageRecord &r : records) {
        const quint32 account = index(C::BillingAccountId, r.billingAccountId);
        const quint32 metric = index(C::BillableMetricId, r.billableMetricId);
        const quint32 zone = index(C::ZoneId, r.zoneId);
        const quint32 chargeClass = index(C::ChargeClass, r.chargeClass);
        C::Row &row = c.appendRow();
        row.text[C::BillingAccountId] = account;
        row.text[C::BillableMetricId] = metric;
        row.text[C::ZoneId] = zone;
        row.text[C::ChargeClass] = chargeClass;
        row.times[C::ChargePeriodStart] = r.chargePeriodStart.toMSecsSinceEpoch();
        c.setNumber(C::ConsumedQuantity, size_t(c.size() - 1), r.consumedQuantity);
    }
    return c;
}

QStringList identities(const QList<api::UsageRecord> &records)
{
    QStringList out;
    for (const api::UsageRecord &r : records)
        out << models::usageIdentity(r) + QLatin1Char('|') + QString::number(r.consumedQuantity.value_or(-1));
    out.sort();
    return out;
}
} // namespace

class TestOrgTreeRollup : public QObject
{
    Q_OBJECT

    testsupport::SimulatorProcess m_subtree{kSimArgs};
    testsupport::SimulatorProcess m_own{kSimArgs +
                                        QStringList{QStringLiteral("--usage-scope"), QStringLiteral("own")}};
    QString m_root;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_subtree.start(), qPrintable(m_subtree.errorString()));
        QVERIFY2(m_own.start(), qPrintable(m_own.errorString()));
    }

    void subtreeFromOneListing()
    {
        const QList<api::Organization> all{
            org(QStringLiteral("r"), QStringLiteral("Root"), {}),
            org(QStringLiteral("b"), QStringLiteral("Beta"), QStringLiteral("r")),
            org(QStringLiteral("a"), QStringLiteral("alpha"), QStringLiteral("r")),
            org(QStringLiteral("c"), QStringLiteral("Child"), QStringLiteral("a")),
            org(QStringLiteral("x"), QStringLiteral("Other root"), {}),
            org(QStringLiteral("y"), QStringLiteral("Under x"), QStringLiteral("x"))};
        const QList<models::OrgNode> tree = models::OrgTree::subtree(all, QStringLiteral("r"));
        QStringList ids;
        for (const models::OrgNode &n : tree)
            ids << n.id;
        QCOMPARE(ids, (QStringList{QStringLiteral("r"), QStringLiteral("a"), QStringLiteral("b"),
                                   QStringLiteral("c")}));
        QCOMPARE(tree.at(3).depth, 2);
        QCOMPARE(tree.at(3).path,
                 (QStringList{QStringLiteral("Root"), QStringLiteral("alpha"), QStringLiteral("Child")}));
        QVERIFY(models::OrgTree::subtree(all, QStringLiteral("nope")).isEmpty());
        // A cycle in a hostile answer ends.
        const QList<api::Organization> cyclic{
            org(QStringLiteral("p"), QStringLiteral("P"), QStringLiteral("q")),
            org(QStringLiteral("q"), QStringLiteral("Q"), QStringLiteral("p"))};
        QCOMPARE(models::OrgTree::subtree(cyclic, QStringLiteral("p")).size(), 2);
    }

    void mergeCountsARecordOnceForTheDeepestOrganization()
    {
        const QList<models::OrgNode> nodes{{QStringLiteral("r"), {}, {}, 0, {}},
                                           {QStringLiteral("c"), {}, QStringLiteral("r"), 1, {}},
                                           {QStringLiteral("g"), {}, QStringLiteral("c"), 2, {}}};
        const api::UsageRecord own = record(QStringLiteral("acc-r"), QStringLiteral("m"), 1, 1);
        const api::UsageRecord child = record(QStringLiteral("acc-c"), QStringLiteral("m"), 1, 2);
        const api::UsageRecord grandchild = record(QStringLiteral("acc-g"), QStringLiteral("m"), 1, 3);
        const api::UsageRecord correction =
            record(QStringLiteral("acc-g"), QStringLiteral("m"), 1, -1, QStringLiteral("Correction"));
        // The parents' answers include their children's records (and the
        // correction differs from the usage row only by its charge class).
        const models::UsageRollup merged = models::mergeUsage(nodes, {{own, child, grandchild, correction},
                                                                      {child, grandchild, correction},
                                                                      {grandchild, correction}});
        QCOMPARE(merged.records.size(), 4);
        QCOMPARE(merged.duplicatesRemoved, 5);
        QCOMPARE(identities(merged.records), identities({own, child, grandchild, correction}));
        for (qsizetype k = 0; k < merged.records.size(); ++k) {
            const QString account = merged.records.at(k).billingAccountId;
            QCOMPARE(nodes.at(merged.organization.at(k)).id, account.mid(4));
        }
        // Nothing shared: nothing removed.
        const models::UsageRollup apart =
            models::mergeUsage(nodes, {{own}, {child}, {grandchild, correction}});
        QCOMPARE(apart.duplicatesRemoved, 0);
        QCOMPARE(apart.records.size(), 4);
        // Another day or zone is another record.
        api::UsageRecord zoned = grandchild;
        zoned.zoneId = QStringLiteral("z");
        QCOMPARE(models::mergeUsage(nodes, {{grandchild}, {zoned}}).records.size(), 2);
    }

    // The columnar merge keeps the same records for the same organizations,
    // whatever the charge class's case and however the windows are split.
    void columnarMergeCountsARecordOnceForTheDeepestOrganization()
    {
        const QList<models::OrgNode> nodes{{QStringLiteral("r"), {}, {}, 0, {}},
                                           {QStringLiteral("c"), {}, QStringLiteral("r"), 1, {}},
                                           {QStringLiteral("g"), {}, QStringLiteral("c"), 2, {}}};
        const api::UsageRecord own = record(QStringLiteral("acc-r"), QStringLiteral("m"), 1, 1);
        const api::UsageRecord child = record(QStringLiteral("acc-c"), QStringLiteral("m"), 1, 2);
        const api::UsageRecord grandchild = record(QStringLiteral("acc-g"), QStringLiteral("m"), 1, 3);
        const api::UsageRecord correction =
            record(QStringLiteral("acc-g"), QStringLiteral("m"), 1, -1, QStringLiteral("Correction"));
        api::UsageRecord shouted = correction;
        shouted.chargeClass = QStringLiteral("CORRECTION");
        const api::UsageRecord nextDay = record(QStringLiteral("acc-g"), QStringLiteral("m"), 2, 3);
        // The root's answer in two windows; the child's correction in capitals.
        const models::UsageRollupColumns merged = models::mergeUsage(
            nodes, {{columnsOf({own, child}), columnsOf({grandchild, correction, nextDay})},
                    {columnsOf({child, grandchild, shouted})},
                    {columnsOf({grandchild, correction})}});
        QCOMPARE(merged.size(), 5);
        QCOMPARE(merged.duplicatesRemoved, 5);
        const models::UsageRollup records = merged.toRecords();
        QCOMPARE(identities(records.records), identities({own, child, grandchild, correction, nextDay}));
        QHash<QString, QString> organizationOf;
        for (qsizetype k = 0; k < records.records.size(); ++k)
            organizationOf.insert(identities({records.records.at(k)}).first(),
                                  nodes.at(records.organization.at(k)).id);
        QCOMPARE(organizationOf.value(identities({own}).first()), QStringLiteral("r"));
        QCOMPARE(organizationOf.value(identities({child}).first()), QStringLiteral("c"));
        QCOMPARE(organizationOf.value(identities({grandchild}).first()), QStringLiteral("g"));
        QCOMPARE(organizationOf.value(identities({correction}).first()), QStringLiteral("g"));
        // Only the root returned the next day's record: it stays the root's.
        QCOMPARE(organizationOf.value(identities({nextDay}).first()), QStringLiteral("r"));
        // Parts come in node order, no empty part.
        QCOMPARE(merged.parts.size(), 4); // the root's two windows, the child, the grandchild
        QCOMPARE(merged.parts.at(0).organization, 0);
        QCOMPARE(merged.parts.at(1).organization, 0);
        QCOMPARE(merged.parts.at(3).organization, 2);
        // Nothing shared: nothing removed.
        const models::UsageRollupColumns apart =
            models::mergeUsage(nodes, {{columnsOf({own})}, {columnsOf({child})}, {}});
        QCOMPARE(apart.duplicatesRemoved, 0);
        QCOMPARE(apart.size(), 2);
    }

    void mergedUsageEqualsTheUnionOfSingleOrganizations_data() { parentAnswerRows(); }
    void mergedUsageEqualsTheUnionOfSingleOrganizations()
    {
        QFETCH(bool, parentIncludesChildren);
        api::Client client;
        configure(client, simulator(parentIncludesChildren).baseUrl());
        OrgTreeRollup rollup(&client);
        const QDate from(2026, 10, 1), to(2026, 11, 20); // two windows: 31 + 20 days
        // The main root: the organization with the most descendants.
        QVERIFY(runUsage(rollup, client, from, to));
        QVERIFY(rollup.isComplete());
        const QList<models::OrgNode> &nodes = rollup.organizations();
        QVERIFY2(nodes.size() >= 20, "a seeded tree of 20+ organizations");
        int deepest = 0;
        for (const models::OrgNode &n : nodes)
            deepest = qMax(deepest, n.depth);
        QVERIFY(deepest >= 3);
        // One request per organization per 31-day window, plus the listing.
        QCOMPARE(rollup.requestCount(), 1 + int(nodes.size()) * 2);
        QCOMPARE(rollup.progress().done, qint64(nodes.size()));

        // Each organization on its own, as the Usage page reads one.
        QStringList unionOfSingles;
        QSet<QString> distinct;
        for (const models::OrgNode &n : nodes) {
            QList<api::UsageRecord> single;
            for (const auto &w : api::UsageApi::windows(from, to, api::UsageApi::MaxDaysPerRequest)) {
                auto *job = api::UsageApi(&client).get(n.id, w.first, w.second);
                job->setAutoDelete(false);
                QSignalSpy done(job, &api::Job::finished);
                job->start();
                QVERIFY(job->isFinished() || done.wait(30000));
                QVERIFY(!job->error());
                single += job->result();
                delete job;
            }
            QCOMPARE(identities(rollup.usage(rollup.indexOf(n.id))), identities(single));
            for (const QString &id : identities(single)) {
                if (!distinct.contains(id)) {
                    distinct.insert(id);
                    unionOfSingles << id;
                }
            }
        }
        unionOfSingles.sort();
        const models::UsageRollup merged = rollup.mergedUsage();
        QCOMPARE(identities(merged.records), unionOfSingles);
        if (parentIncludesChildren)
            QVERIFY(merged.duplicatesRemoved > 0);
        else
            QCOMPARE(merged.duplicatesRemoved, 0);
    }

    // The Usage page's roll-up fetches and merges columns
    // (setUsageColumns(true)): the same records for the same organizations,
    // the same duplicates, showback and grouping as the record path (which
    // the test above holds to the union of single-organization loads).
    void columnarMergeEqualsRecordMerge_data() { parentAnswerRows(); }
    void columnarMergeEqualsRecordMerge()
    {
        QFETCH(bool, parentIncludesChildren);
        api::Client client;
        configure(client, simulator(parentIncludesChildren).baseUrl());
        const QDate from(2026, 10, 1), to(2026, 11, 20); // two windows
        OrgTreeRollup records(&client);
        QVERIFY(runUsage(records, client, from, to));
        QVERIFY(records.isComplete());
        OrgTreeRollup columns(&client);
        columns.setUsageColumns(true);
        QVERIFY(runUsage(columns, client, from, to));
        QVERIFY(columns.isComplete());
        const QList<models::OrgNode> &nodes = columns.organizations();
        QCOMPARE(nodes.size(), records.organizations().size());
        QCOMPARE(columns.requestCount(), 1 + int(nodes.size()) * 2);
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            QCOMPARE(columns.usage(i).size(), 0);
            QCOMPARE(columns.usageColumns(i).size(), 2); // one answer per window
        }

        const models::UsageRollup byRecords = records.mergedUsage();
        const models::UsageRollupColumns byColumns = columns.mergedUsageColumns();
        QCOMPARE(byColumns.duplicatesRemoved, byRecords.duplicatesRemoved);
        QCOMPARE(byColumns.size(), byRecords.records.size());
        const models::UsageRollup asRecords = byColumns.toRecords();
        // Each record kept for the same organization.
        auto kept = [&nodes](const models::UsageRollup &m) {
            QStringList out;
            for (qsizetype k = 0; k < m.records.size(); ++k)
                out << nodes.at(m.organization.at(k)).id + QLatin1Char('|') +
                           identities({m.records.at(k)}).first();
            out.sort();
            return out;
        };
        QCOMPARE(kept(asRecords), kept(byRecords));
        if (parentIncludesChildren)
            QVERIFY(byColumns.duplicatesRemoved > 0);

        const models::RateCard card = models::RateCard::bundled();
        const models::Showback a = models::computeShowback(nodes, byRecords, card);
        const models::Showback b = models::computeShowback(nodes, byColumns, card);
        QCOMPARE(b.months, a.months);
        QCOMPARE(b.currency, a.currency);
        QCOMPARE(b.billed, a.billed);
        QCOMPARE(b.unpricedRecords, a.unpricedRecords);
        QCOMPARE(b.rows.size(), a.rows.size());
        auto close = [](double x, double y) { return std::abs(x - y) <= 1e-9 * std::max(1.0, std::abs(y)); };
        QVERIFY(close(b.total, a.total));
        QVERIFY(a.total > 0);
        for (qsizetype r = 0; r < a.rows.size(); ++r) {
            QCOMPARE(b.rows.at(r).organization, a.rows.at(r).organization);
            QCOMPARE(b.rows.at(r).records, a.rows.at(r).records);
            QCOMPARE(b.rows.at(r).unpriced, a.rows.at(r).unpriced);
            for (qsizetype m = 0; m < a.months.size(); ++m)
                QVERIFY(close(b.rows.at(r).cost.at(m), a.rows.at(r).cost.at(m)));
        }

        const models::UsageDayRange range = models::UsageDayRange::fromDates(from, to);
        const models::UsageCube ca = models::rollupCube(nodes, byRecords, range);
        const models::UsageCube cb = models::rollupCube(nodes, byColumns, range);
        QCOMPARE(cb.rowCount(), ca.rowCount());
        QVERIFY(cb.isCovered(range));
        models::UsageQuery q;
        q.range = range;
        q.granularity = models::UsageGranularity::Month;
        q.groupBy = {models::UsageDimension::Organization};
        const models::UsageAggregate ga = models::UsageAggregator::aggregate(ca, q);
        const models::UsageAggregate gb = models::UsageAggregator::aggregate(cb, q);
        QCOMPARE(gb.groupCount(), ga.groupCount());
        QHash<QString, double> totals;
        for (int g = 0; g < ga.groupCount(); ++g)
            totals.insert(ga.group(g).keys.value(0).key, ga.rowTotal(g));
        for (int g = 0; g < gb.groupCount(); ++g) {
            const QString key = gb.group(g).keys.value(0).key;
            QVERIFY(totals.contains(key));
            QVERIFY(close(gb.rowTotal(g), totals.value(key)));
        }
    }

    // The Usage page's Organization dimension: grouped by organization, a
    // roll-up's totals (quantity and rate-card cost) are each organization's
    // own load; with parent answers that include the children, an
    // organization's own load is the total of its subtree.
    void groupingByOrganizationEqualsSingleOrganizationLoads_data() { parentAnswerRows(); }
    void groupingByOrganizationEqualsSingleOrganizationLoads()
    {
        QFETCH(bool, parentIncludesChildren);
        api::Client client;
        configure(client, simulator(parentIncludesChildren).baseUrl());
        OrgTreeRollup rollup(&client);
        const QDate from(2026, 10, 1), to(2026, 10, 31);
        QVERIFY(runUsage(rollup, client, from, to));
        QVERIFY(rollup.isComplete());
        const QList<models::OrgNode> &nodes = rollup.organizations();
        QVERIFY(nodes.size() >= 20);
        const models::UsageDayRange range = models::UsageDayRange::fromDates(from, to);
        const models::UsageCube cube = models::rollupCube(nodes, rollup.mergedUsage(), range);
        QVERIFY(cube.isCovered(range));
        const models::RateCard card = models::RateCard::bundled();
        const auto estimate = std::make_shared<const models::CostEstimate>(models::estimateCost(cube, card));
        QVERIFY(estimate->pricedRows > 0);

        // Per organization id: quantity and estimated cost of the roll-up.
        auto totals = [&](const models::UsageCube &c, std::shared_ptr<const models::CostEstimate> e,
                          models::UsageMeasure measure, std::optional<models::UsageDimension> by) {
            models::UsageQuery q;
            q.measure = measure;
            q.estimate = std::move(e);
            q.range = range;
            if (by)
                q.groupBy = {*by};
            const models::UsageAggregate a = models::UsageAggregator::aggregate(c, q);
            QHash<QString, double> out;
            for (int g = 0; g < a.groupCount(); ++g)
                out.insert(by ? a.group(g).keys.value(0).key : QString(), a.rowTotal(g));
            return out;
        };
        const QHash<QString, double> rolledQuantity = totals(
            cube, estimate, models::UsageMeasure::ConsumedQuantity, models::UsageDimension::Organization);
        const QHash<QString, double> rolledCost =
            totals(cube, estimate, models::UsageMeasure::EstimatedCost, models::UsageDimension::Organization);
        QVERIFY2(rolledQuantity.size() >= 20, qPrintable(QString::number(rolledQuantity.size())));
        // Group labels are the organizations' names.
        {
            models::UsageQuery q;
            q.range = range;
            q.groupBy = {models::UsageDimension::Organization};
            const models::UsageAggregate a = models::UsageAggregator::aggregate(cube, q);
            for (int g = 0; g < a.groupCount(); ++g) {
                const qsizetype i = rollup.indexOf(a.group(g).keys.value(0).key);
                QVERIFY(i >= 0);
                QCOMPARE(a.group(g).label, nodes.at(i).name);
            }
        }

        auto close = [](double a, double b) { return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(b)); };
        for (const models::OrgNode &n : nodes) {
            auto *job = api::UsageApi(&client).get(n.id, from, to);
            job->setAutoDelete(false);
            QSignalSpy done(job, &api::Job::finished);
            job->start();
            QVERIFY(job->isFinished() || done.wait(30000));
            QVERIFY(!job->error());
            models::UsageCube single;
            single.addWindow(range, job->result());
            delete job;
            const auto singleEstimate =
                std::make_shared<const models::CostEstimate>(models::estimateCost(single, card));
            const double quantity =
                totals(single, singleEstimate, models::UsageMeasure::ConsumedQuantity, std::nullopt)
                    .value({});
            const double cost =
                totals(single, singleEstimate, models::UsageMeasure::EstimatedCost, std::nullopt).value({});
            // The organization, or (parent answers) it and everything under it.
            double rolledQ = 0, rolledC = 0;
            for (const models::OrgNode &m : nodes) {
                bool under = m.id == n.id;
                for (qsizetype k = rollup.indexOf(m.parentId); parentIncludesChildren && !under && k >= 0;
                     k = rollup.indexOf(nodes.at(k).parentId))
                    under = nodes.at(k).id == n.id;
                if (under) {
                    rolledQ += rolledQuantity.value(m.id);
                    rolledC += rolledCost.value(m.id);
                }
            }
            QVERIFY2(close(rolledQ, quantity),
                     qPrintable(n.name + QStringLiteral(": %1 vs %2").arg(rolledQ).arg(quantity)));
            QVERIFY2(close(rolledC, cost),
                     qPrintable(n.name + QStringLiteral(": %1 vs %2").arg(rolledC).arg(cost)));
        }
    }

    void oneOrganizationFailsAndItsRetryFillsItIn()
    {
        api::Client client;
        configure(client, m_own.baseUrl());
        client.setMaxPageRetries(0);
        OrgTreeRollup clean(&client);
        clean.setKind(OrgTreeRollup::Kind::Members);
        QVERIFY(runToEnd(clean, [&] { clean.start(rootOf(client)); }));
        QVERIFY(clean.isComplete());
        const QList<models::OrgNode> nodes = clean.organizations();
        const QString failing = nodes.at(nodes.size() / 2).id;
        QVERIFY(setOrgFaults(m_own.baseUrl(), failing + QStringLiteral(":503")));

        OrgTreeRollup rollup(&client);
        rollup.setKind(OrgTreeRollup::Kind::Members);
        rollup.setMaxConcurrent(3);
        QSignalSpy progress(&rollup, &OrgTreeRollup::progressChanged);
        QVERIFY(runToEnd(rollup, [&] { rollup.startWithTree(nodes); }));
        QVERIFY(setOrgFaults(m_own.baseUrl(), {}));
        QVERIFY(!rollup.isComplete());
        QCOMPARE(rollup.missing(), QList<qsizetype>{rollup.indexOf(failing)});
        QCOMPARE(rollup.error(rollup.indexOf(failing)).httpStatus(), 503);
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(nodes.size())); // failed counts as finished
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            if (nodes.at(i).id == failing)
                QVERIFY(rollup.members(i).isEmpty());
            else
                QCOMPARE(rollup.members(i).size(), clean.members(i).size());
        }
        // Retry asks for the missing organization alone.
        const int before = rollup.requestCount();
        QVERIFY(runToEnd(rollup, [&] { rollup.retryMissing(); }));
        QVERIFY(rollup.isComplete());
        QCOMPARE(rollup.requestCount() - before, 1);
        for (qsizetype i = 0; i < nodes.size(); ++i)
            QCOMPARE(rollup.members(i).size(), clean.members(i).size());
    }

    void unknownRootIsATreeError()
    {
        api::Client client;
        configure(client, m_own.baseUrl());
        OrgTreeRollup rollup(&client);
        QSignalSpy finished(&rollup, &OrgTreeRollup::finished);
        QVERIFY(runToEnd(rollup, [&] { rollup.start(QStringLiteral("not-an-organization")); }));
        QCOMPARE(finished.size(), 1);
        QVERIFY(rollup.treeError().isError());
        QVERIFY(rollup.organizations().isEmpty());
        QVERIFY(!rollup.isComplete());
    }

    void cancelKeepsWhatFinished()
    {
        api::Client client;
        configure(client, m_subtree.baseUrl());
        OrgTreeRollup rollup(&client);
        rollup.setKind(OrgTreeRollup::Kind::Audit);
        api::AuditQuery query;
        query.since = QStringLiteral("2025-01-01");
        query.before = QStringLiteral("2026-12-01");
        rollup.setAuditQuery(query);
        rollup.setMaxConcurrent(1);
        QSignalSpy finished(&rollup, &OrgTreeRollup::finished);
        QSignalSpy organizationDone(&rollup, &OrgTreeRollup::organizationFinished);
        rollup.start(rootOf(client));
        QVERIFY(organizationDone.wait(60000));
        rollup.cancel();
        QCOMPARE(finished.size(), 1);
        QVERIFY(rollup.wasCanceled());
        QVERIFY(!rollup.isRunning());
        const qsizetype done = rollup.organizations().size() - rollup.missing().size();
        QVERIFY(done >= 1);
        QVERIFY(!rollup.missing().isEmpty());
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1); // nothing in flight calls back
        // Every entry of a finished organization is its own.
        const qsizetype first = rollup.indexOf(rollup.organizations().first().id);
        for (const api::AuditColumns &page : rollup.auditPages(first))
            for (qsizetype e = 0; e < page.size(); ++e)
                QCOMPARE(page.textAt(api::AuditColumns::OrganizationId, e),
                         rollup.organizations().first().id);
        // Going on fetches the rest.
        QVERIFY(runToEnd(rollup, [&] { rollup.retryMissing(); }));
        QVERIFY(rollup.isComplete());
    }

private:
    // The usage tests' two rows: the simulator whose parent answers include
    // the children's records (m_subtree), and the one with own accounts only.
    static void parentAnswerRows()
    {
        QTest::addColumn<bool>("parentIncludesChildren");
        QTest::newRow("parent answers include the children") << true;
        QTest::newRow("own accounts only") << false;
    }
    testsupport::SimulatorProcess &simulator(bool parentIncludesChildren)
    {
        return parentIncludesChildren ? m_subtree : m_own;
    }

    // A usage roll-up over [from, to] from the main root, run to its end.
    bool runUsage(OrgTreeRollup &rollup, api::Client &client, QDate from, QDate to)
    {
        rollup.setKind(OrgTreeRollup::Kind::Usage);
        rollup.setUsageRange(from, to);
        return runToEnd(rollup, [&] { rollup.start(rootOf(client)); });
    }

    // The main root of the seeded data: "… Holdings" (listed once).
    QString rootOf(api::Client &client)
    {
        if (m_root.isEmpty())
            m_root = testsupport::holdingsRoot(&client).id;
        return m_root;
    }
};

QTEST_GUILESS_MAIN(TestOrgTreeRollup)
#include "tst_orgtreerollup.moc"
