#include "models/rollup/auditrollupcontroller.h"

#include "models/audit/auditarchive.h"
#include "models/audit/audittablemodel.h"
#include "models/rollup/orgtreerollup.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace models {

namespace {
const QString kSetting = QStringLiteral("audit/includeSubOrganizations");
// An entry may carry a time a little before it became visible: a load covers
// its range only up to this long before it started (as AuditController does).
constexpr qint64 kSettleMs = 5 * 60 * 1000;

qint64 parseMs(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

bool hasServerFilters(const api::AuditQuery &query)
{
    const auto &fields = api::AuditQuery::fields();
    return std::any_of(fields.begin(), fields.end(),
                       [&](const api::AuditQuery::Field &f) { return !(query.*f.member).isEmpty(); });
}

// What each organization's archive holds of [fromMs, toMs) and what it lacks.
AuditRollupPlan readArchives(quint64 generation, const QList<OrgNode> &nodes, const QString &dir,
                             qint64 fromMs, qint64 toMs, bool unfiltered)
{
    AuditRollupPlan plan;
    plan.generation = generation;
    for (const OrgNode &node : nodes) {
        QList<api::AuditColumns> pages;
        AuditArchiveCoverage coverage;
        if (unfiltered) {
            AuditArchive archive(node.id, dir);
            if (QFileInfo::exists(archive.filePath()) && archive.openReadOnly()) {
                coverage = archive.coverage();
                pages = archive.pagesOverlapping(fromMs, toMs);
                // A file of the older layout gives no pages: fetch instead of trusting its coverage.
                if (pages.isEmpty() && archive.count() > 0)
                    coverage = {};
            }
        }
        plan.archived.append(pages);
        plan.ranges.insert(node.id,
                           unfiltered ? coverage.gaps(fromMs, toMs) : QList<AuditTimeRange>{{fromMs, toMs}});
    }
    return plan;
}

struct MergeInput
{
    quint64 generation = 0;
    QList<OrgNode> nodes;
    QList<bool> done;
    QList<QList<api::AuditColumns>> archived;
    QList<QList<api::AuditColumns>> fetched;
    QHash<QString, QList<AuditTimeRange>> ranges;
    QSet<qsizetype> written;
    QString dir;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 settledBeforeMs = 0;
    bool unfiltered = true;
};

// Entries without an organization take the one they were fetched from.
api::AuditColumns withOrganization(api::AuditColumns page, const QString &organizationId)
{
    auto &values = page.values[api::AuditColumns::OrganizationId];
    auto &text = page.text[api::AuditColumns::OrganizationId];
    if (std::find(text.begin(), text.end(), 0u) == text.end())
        return page;
    values.append(organizationId);
    const quint32 id = quint32(values.size() - 1);
    for (quint32 &t : text)
        if (t == 0)
            t = id;
    return page;
}

AuditRollupMerge mergeOrganizations(const MergeInput &in)
{
    AuditRollupMerge out;
    out.generation = in.generation;
    // What was fetched goes into each organization's archive first, so the next run reuses it.
    for (qsizetype i = 0; i < in.nodes.size(); ++i) {
        if (!in.done.at(i) || in.written.contains(i))
            continue;
        out.written.insert(i);
        const QList<AuditTimeRange> ranges = in.ranges.value(in.nodes.at(i).id);
        if (in.fetched.at(i).isEmpty() && (ranges.isEmpty() || !in.unfiltered))
            continue;
        AuditArchive archive(in.nodes.at(i).id, in.dir);
        // Read-only: another instance (the page's own archive) holds it and keeps it.
        if (!archive.open())
            continue;
        if (archive.mode() != AuditArchive::Mode::ReadWrite) {
            out.held.append(i);
            continue;
        }
        bool stored = true;
        for (const api::AuditColumns &page : in.fetched.at(i))
            stored = archive.appendPage(page) >= 0 && stored;
        if (stored && in.unfiltered) {
            for (const AuditTimeRange &r : ranges) {
                const qint64 to = std::min(r.toMs, in.settledBeforeMs);
                if (to > r.fromMs)
                    archive.addCoverage(r.fromMs, to);
            }
        }
    }
    QSet<QByteArray> seen;
    const auto add = [&](const api::AuditColumns &raw, const QString &organizationId) {
        const api::AuditColumns page = withOrganization(raw, organizationId);
        std::vector<bool> drop(std::size_t(page.size()), false);
        qint64 kept = 0;
        for (qsizetype e = 0; e < page.size(); ++e) {
            const qint64 t = page.timeMs[std::size_t(e)];
            const QByteArray id = page.ids.view(e).toByteArray();
            const bool inRange = t >= in.fromMs && t < in.toMs;
            drop[std::size_t(e)] = !inRange || seen.contains(id);
            if (!drop[std::size_t(e)]) {
                seen.insert(id);
                ++kept;
            }
        }
        if (kept > 0)
            out.store.append(page, {}, &drop);
        return kept;
    };
    for (qsizetype i = 0; i < in.nodes.size(); ++i) {
        if (!in.done.at(i))
            continue;
        for (const api::AuditColumns &page : in.archived.at(i))
            out.reused += add(page, in.nodes.at(i).id);
        for (const api::AuditColumns &page : in.fetched.at(i))
            add(page, in.nodes.at(i).id);
    }
    return out;
}
} // namespace

AuditRollupController::AuditRollupController(Session *session, AuditTableModel *table, QObject *parent)
    : QObject(parent), m_session(session), m_table(table),
      m_planWatcher(new QFutureWatcher<AuditRollupPlan>(this)),
      m_mergeWatcher(new QFutureWatcher<AuditRollupMerge>(this))
{
    m_include = AppSettings().value(kSetting, false).toBool();
    connect(m_planWatcher, &QFutureWatcherBase::finished, this, [this] {
        AuditRollupPlan plan = m_planWatcher->result();
        if (plan.generation != m_generation || m_phase != Phase::Planning || !m_rollup)
            return;
        m_archived = std::move(plan.archived);
        m_plannedRanges = plan.ranges;
        m_rollup->setAuditRanges(plan.ranges);
        m_phase = Phase::Fetching;
        m_rollup->retryMissing();
        Q_EMIT stateChanged();
    });
    connect(m_mergeWatcher, &QFutureWatcherBase::finished, this, [this] {
        AuditRollupMerge result = m_mergeWatcher->result();
        if (result.generation != m_generation || m_phase != Phase::Merging)
            return;
        m_phase = Phase::Idle;
        m_written.unite(result.written);
        m_reused = result.reused;
        if (m_rollup) {
            for (qsizetype i : result.held)
                if (!m_rollup->auditPages(i).isEmpty())
                    Q_EMIT pagesNotStored(m_rollup->organizations().at(i).id, m_rollup->auditPages(i));
        }
        if (m_table && m_table->queryGeneration() == m_tableGeneration) {
            QHash<QString, AuditTableModel::OrganizationLabel> labels;
            for (const OrgNode &n : organizations())
                labels.insert(n.id, {n.name, n.pathText()});
            m_table->setOrganizationLabels(labels);
            m_table->setStore(std::move(result.store));
            m_tableGeneration = m_table->queryGeneration(); // a Retry merges into the same rows

            Q_EMIT merged(isComplete());
        }
        Q_EMIT stateChanged();
    });
    if (session) {
        connect(session, &Session::organizationChanged, this, [this] {
            cancel();
            ++m_generation;
            m_phase = Phase::Idle;
            delete m_rollup;
            m_rollup = nullptr;
            Q_EMIT stateChanged();
        });
    }
}

AuditRollupController::~AuditRollupController()
{
    m_planWatcher->waitForFinished();
    m_mergeWatcher->waitForFinished();
}

void AuditRollupController::setIncludeSubOrganizations(bool include)
{
    if (include == m_include)
        return;
    m_include = include;
    AppSettings().setValue(kSetting, include);
    if (!include)
        cancel();
    Q_EMIT stateChanged();
}

void AuditRollupController::start(const api::AuditQuery &query, quint64 tableGeneration)
{
    if (!m_session || !m_session->client() || m_session->organizationId().isEmpty())
        return;
    delete m_rollup;
    m_rollup = new OrgTreeRollup(m_session->client(), this);
    m_rollup->setKind(OrgTreeRollup::Kind::Audit);
    m_rollup->setAuditQuery(query);
    m_rollup->setFetchAfterTree(false);
    connect(m_rollup, &OrgTreeRollup::progressChanged, this, &AuditRollupController::stateChanged);
    connect(m_rollup, &OrgTreeRollup::finished, this, &AuditRollupController::onRollupFinished);
    m_query = query;
    m_fromMs = parseMs(query.since);
    m_toMs = parseMs(query.before);
    m_startMs = QDateTime::currentMSecsSinceEpoch();
    m_unfiltered = !hasServerFilters(query);
    m_tableGeneration = tableGeneration;
    m_archived.clear();
    m_plannedRanges.clear();
    m_written.clear();
    m_reused = 0;
    ++m_generation;
    m_phase = Phase::Tree;
    m_rollup->start(m_session->organizationId());
    Q_EMIT stateChanged();
}

void AuditRollupController::cancel()
{
    if (m_phase == Phase::Planning) {
        ++m_generation; // the plan is dropped; nothing was fetched
        m_phase = Phase::Idle;
        Q_EMIT stateChanged();
        return;
    }
    if (m_rollup && m_rollup->isRunning())
        m_rollup->cancel(); // finished() follows: what finished is merged
}

void AuditRollupController::retryMissing()
{
    if (!m_rollup || isLoading())
        return;
    if (m_rollup->organizations().isEmpty()) {
        m_phase = Phase::Tree; // the listing failed: it starts over
    } else if (m_archived.size() != m_rollup->organizations().size()) {
        plan(); // cancelled before the archives were read
        return;
    } else {
        m_phase = Phase::Fetching;
    }
    m_rollup->retryMissing();
    Q_EMIT stateChanged();
}

void AuditRollupController::onRollupFinished()
{
    if (m_phase == Phase::Tree) {
        if (m_rollup->treeError() || m_rollup->wasCanceled()) {
            m_phase = Phase::Idle;
            Q_EMIT stateChanged();
            return;
        }
        plan();
        return;
    }
    if (m_phase == Phase::Fetching)
        merge();
}

void AuditRollupController::plan()
{
    m_phase = Phase::Planning;
    const quint64 generation = ++m_generation;
    m_planWatcher->setFuture(QtConcurrent::run(readArchives, generation, m_rollup->organizations(),
                                               m_archiveDir, m_fromMs, m_toMs, m_unfiltered));
    Q_EMIT stateChanged();
}

void AuditRollupController::merge()
{
    m_phase = Phase::Merging;
    MergeInput in;
    in.generation = ++m_generation;
    in.nodes = m_rollup->organizations();
    for (qsizetype i = 0; i < in.nodes.size(); ++i) {
        const bool done = m_rollup->status(i) == OrgTreeRollup::Status::Done;
        in.done.append(done);
        in.fetched.append(done ? m_rollup->auditPages(i) : QList<api::AuditColumns>{});
    }
    in.archived = m_archived;
    in.archived.resize(in.nodes.size());
    in.ranges = m_plannedRanges;
    in.written = m_written;
    in.dir = m_archiveDir;
    in.fromMs = m_fromMs;
    in.toMs = m_toMs;
    in.settledBeforeMs = m_startMs - kSettleMs;
    in.unfiltered = m_unfiltered;
    m_mergeWatcher->setFuture(QtConcurrent::run(mergeOrganizations, in));
    Q_EMIT stateChanged();
}

bool AuditRollupController::isLoading() const
{
    return m_phase != Phase::Idle;
}

Progress AuditRollupController::progress() const
{
    return m_rollup ? m_rollup->progress() : Progress{};
}

QStringList AuditRollupController::missingOrganizations() const
{
    if (!m_rollup || isLoading())
        return {};
    if (m_rollup->treeError())
        return {m_rollup->treeError().userMessage()};
    QStringList out;
    for (qsizetype i : m_rollup->missing())
        out << m_rollup->organizations().at(i).pathText();
    return out;
}

bool AuditRollupController::isComplete() const
{
    return m_rollup && !isLoading() && !m_rollup->treeError() && m_rollup->missing().isEmpty();
}

QList<OrgNode> AuditRollupController::organizations() const
{
    return m_rollup ? m_rollup->organizations() : QList<OrgNode>{};
}

int AuditRollupController::requestCount() const
{
    return m_rollup ? m_rollup->requestCount() : 0;
}

} // namespace models
