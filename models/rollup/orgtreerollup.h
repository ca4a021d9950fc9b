#pragma once
// Roll-up across the organization tree (issue 24): one run that lists an
// organization and every organization under it, then fetches the audit log,
// the usage or the members of each, several organizations at a time through
// one api::Client (so every request goes through the client's shared rate
// budget), with one progress, one cancel and per-organization failures: an
// organization that fails keeps its error and leaves the others, and
// retryMissing() fetches those alone. Usage is one request per organization
// per 31-day window, no more. No widgets: the export command, the benchmark
// and (through their controllers) the pages drive it.

#include "models/audit/auditarchivecoverage.h"
#include "models/rollup/orgtree.h"
#include "models/rollup/usagerollupmerge.h"
#include "models/session/progress.h"

#include "api/apierror.h"
#include "api/auditcolumns.h"
#include "api/auditquery.h"
#include "api/listfilters.h"
#include "api/records.h"
#include "api/usagecolumns.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <utility>

namespace api {
class Client;
class Job;
class Pager;
} // namespace api

namespace models {

class OrgTreeRollup : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Audit, Usage, Members };
    enum class Status { Pending, Running, Done, Failed };

    explicit OrgTreeRollup(api::Client *client, QObject *parent = nullptr);
    ~OrgTreeRollup() override;

    // What to fetch; set before start().
    void setKind(Kind kind) { m_kind = kind; }
    Kind kind() const { return m_kind; }
    void setAuditQuery(const api::AuditQuery &query) { m_auditQuery = query; }
    // Audit: the time ranges to fetch per organization id (the query's
    // filters, each range's since/before), oldest first; an empty list fetches
    // nothing. An organization not named fetches the query's whole range.
    // The audit roll-up asks only for what each organization's archive lacks.
    void setAuditRanges(const QHash<QString, QList<AuditTimeRange>> &ranges) { m_auditRanges = ranges; }
    // false: start() lists the tree and ends (every organization missing);
    // retryMissing() then fetches them, e.g. once a plan per organization is known.
    void setFetchAfterTree(bool fetch) { m_fetchAfterTree = fetch; }
    // Inclusive UTC days.
    void setUsageRange(const QDate &from, const QDate &to);
    void setUsageMetric(const QString &metric) { m_metric = metric; }
    // Usage answers decoded column by column (usageColumns(), mergedUsageColumns())
    // instead of as records (usage(), mergedUsage()): the Usage page's and the
    // benchmark's way; the export keeps records (it writes each one's JSON).
    void setUsageColumns(bool columns) { m_usageColumns = columns; }
    bool usageColumns() const { return m_usageColumns; }
    void setMemberFilter(const api::MemberFilter &filter) { m_memberFilter = filter; }
    // Organizations fetched at the same time (default 4).
    void setMaxConcurrent(int n) { m_maxConcurrent = qMax(1, n); }
    int maxConcurrent() const { return m_maxConcurrent; }

    // Lists the organizations (GET /organizations), takes `rootId` and its
    // descendants, then fetches each.
    void start(const QString &rootId);
    // The same with a tree the caller already holds (the toolbar's tree).
    void startWithTree(const QList<OrgNode> &tree);
    // Stops everything in flight; what finished stays, the rest is missing.
    void cancel();
    // Fetches again every organization that failed or was not fetched (after
    // a cancel), keeping the others. After a failed tree listing: start over.
    void retryMissing();

    bool isRunning() const { return m_running; }
    bool wasCanceled() const { return m_canceled; }
    // The tree listing failed: nothing to fetch (start() again, or retryMissing()).
    const api::ApiError &treeError() const { return m_treeError; }
    const QList<OrgNode> &organizations() const { return m_nodes; }
    Status status(qsizetype index) const { return m_orgs.at(index).status; }
    const api::ApiError &error(qsizetype index) const { return m_orgs.at(index).error; }
    // Organizations that failed or were not fetched, in tree order.
    QList<qsizetype> missing() const;
    bool isComplete() const { return !m_running && m_treeError.isError() == false && missing().isEmpty(); }
    // Organizations finished (done or failed) / in the tree.
    Progress progress() const;
    // Requests sent for the run (tree pages, list pages, usage windows; a
    // retried request counts once).
    int requestCount() const { return m_requests; }

    // What each organization returned (empty for a missing one).
    const QList<api::AuditColumns> &auditPages(qsizetype index) const { return m_orgs.at(index).audit; }
    const QList<api::Member> &members(qsizetype index) const { return m_orgs.at(index).members; }
    const QList<api::UsageRecord> &usage(qsizetype index) const { return m_orgs.at(index).usage; }
    // Hands an organization's usage over (the run keeps none of it), so that
    // its owner can free it off the GUI thread.
    QList<api::UsageRecord> takeUsage(qsizetype index) { return std::exchange(m_orgs[index].usage, {}); }
    // Every organization's usage as one list, duplicates counted once.
    UsageRollup mergedUsage() const;
    // With setUsageColumns(true): an organization's answers, one per window.
    const QList<api::UsageColumns> &usageColumns(qsizetype index) const
    {
        return m_orgs.at(index).usageColumns;
    }
    QList<api::UsageColumns> takeUsageColumns(qsizetype index)
    {
        return std::exchange(m_orgs[index].usageColumns, {});
    }
    UsageRollupColumns mergedUsageColumns() const;
    qsizetype indexOf(const QString &organizationId) const;

Q_SIGNALS:
    void treeReady();
    void progressChanged(qint64 done, qint64 total);
    void organizationFinished(qsizetype index);
    // Once per start()/retryMissing(): everything done, failed or canceled.
    void finished();

private:
    struct Org
    {
        Status status = Status::Pending;
        api::ApiError error;
        QList<api::AuditColumns> audit;
        QList<api::Member> members;
        QList<api::UsageRecord> usage;
        QList<api::UsageColumns> usageColumns;
        QPointer<api::Pager> pager;
        QPointer<api::Job> job;
        int window = 0; // usage: the next window to fetch; audit: the next range
    };
    void beginFetching();
    void startNext();
    void startOrganization(qsizetype index);
    void requestWindow(qsizetype index);
    void requestAuditRange(qsizetype index);
    void finishOrganization(qsizetype index, const api::ApiError &error);
    void endRun();

    QPointer<api::Client> m_client;
    Kind m_kind = Kind::Usage;
    api::AuditQuery m_auditQuery;
    QHash<QString, QList<AuditTimeRange>> m_auditRanges;
    bool m_fetchAfterTree = true;
    api::MemberFilter m_memberFilter;
    QList<QPair<QDate, QDate>> m_windows;
    QString m_metric;
    bool m_usageColumns = false;
    int m_maxConcurrent = 4;

    QString m_rootId;
    QList<OrgNode> m_nodes;
    QList<Org> m_orgs;
    QList<qsizetype> m_queue;
    QPointer<api::Pager> m_treePager;
    QList<api::Organization> m_listed;
    api::ApiError m_treeError;
    int m_active = 0;
    int m_requests = 0;
    bool m_running = false;
    bool m_canceled = false;
};

} // namespace models
