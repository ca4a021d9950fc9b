#pragma once
// The Audit log page's "Include sub-organizations" (issue 24): the query's
// entries of the session's organization and of every organization under it
// in the audit table, with the Organization column naming each. Owns the run
// (OrgTreeRollup: one progress, one cancel, Retry for the organizations that
// failed) and reuses each organization's archive (models/audit/auditarchive,
// one file per organization): it reads what each archive covers of the range
// on a worker, fetches only the rest, stores what it fetched (and, for an
// unfiltered query that ran to its end, its coverage) back into each archive
// and merges everything into one AuditStore on a worker. No widgets:
// AuditController drives it and AuditRollupPanel shows it.

#include "models/audit/auditarchivecoverage.h"
#include "models/audit/auditstore.h"
#include "models/rollup/orgtree.h"
#include "models/session/progress.h"

#include "api/auditquery.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

template <typename T> class QFutureWatcher;

namespace models {

class AuditTableModel;
class OrgTreeRollup;
class Session;

// What the archives held for a roll-up, read on a worker before fetching.
struct AuditRollupPlan
{
    quint64 generation = 0;
    QList<QList<api::AuditColumns>> archived;     // per organization (tree order)
    QHash<QString, QList<AuditTimeRange>> ranges; // what each organization lacks
};

// The merged rows of every organization that answered.
struct AuditRollupMerge
{
    quint64 generation = 0;
    AuditStore store;
    qint64 reused = 0;       // entries taken from the archives
    QSet<qsizetype> written; // organizations whose fetched pages the archives took
    QList<qsizetype> held;   // of those, archives another instance holds (nothing stored)
};

class AuditRollupController : public QObject
{
    Q_OBJECT
public:
    // table: the Audit log's table; the merged rows replace its store when
    // its query generation is still the one start() was given.
    AuditRollupController(Session *session, AuditTableModel *table, QObject *parent = nullptr);
    ~AuditRollupController() override;

    // The checkbox, remembered in the settings (audit/includeSubOrganizations).
    bool includeSubOrganizations() const { return m_include; }
    void setIncludeSubOrganizations(bool include);
    // Where the per-organization archives live (AuditArchive::defaultDirectory() when empty).
    void setArchiveDirectory(const QString &directory) { m_archiveDir = directory; }

    // Rolls up `query` (since/before in RFC 3339 or dates) for the table's
    // query generation `tableGeneration`.
    void start(const api::AuditQuery &query, quint64 tableGeneration);
    // Stops the run; organizations that finished are merged, the rest are missing.
    void cancel();
    // Fetches the organizations that failed (or were not fetched) and merges again.
    void retryMissing();

    bool isLoading() const;
    Progress progress() const;
    // Paths of the organizations missing from the table, or the tree's error.
    QStringList missingOrganizations() const;
    // Every organization answered (or the archive held it).
    bool isComplete() const;
    // The organizations of the last run, root first.
    QList<OrgNode> organizations() const;
    // Requests sent by the last run (tree listing and audit pages).
    int requestCount() const;
    // Entries of the last merge that came from the archives, not the network.
    qint64 reusedEntries() const { return m_reused; }

Q_SIGNALS:
    void stateChanged();
    // The merged rows are in the table (complete: no organization missing).
    void merged(bool complete);
    // Pages fetched for an organization whose archive another instance holds
    // (the page's own): that instance stores them, so the details and JSON
    // export find their full entries. Emitted before merged().
    void pagesNotStored(const QString &organizationId, const QList<api::AuditColumns> &pages);

private:
    enum class Phase { Idle, Tree, Planning, Fetching, Merging };
    void onRollupFinished();
    void plan();
    void merge();

    QPointer<Session> m_session;
    QPointer<AuditTableModel> m_table;
    OrgTreeRollup *m_rollup = nullptr;
    QString m_archiveDir;
    api::AuditQuery m_query;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    qint64 m_startMs = 0;
    bool m_unfiltered = true;
    quint64 m_tableGeneration = 0;
    quint64 m_generation = 0;
    Phase m_phase = Phase::Idle;
    bool m_include = false;
    qint64 m_reused = 0;
    QList<QList<api::AuditColumns>> m_archived;
    QHash<QString, QList<AuditTimeRange>> m_plannedRanges;
    QSet<qsizetype> m_written;
    QFutureWatcher<AuditRollupPlan> *m_planWatcher;
    QFutureWatcher<AuditRollupMerge> *m_mergeWatcher;
};

} // namespace models
