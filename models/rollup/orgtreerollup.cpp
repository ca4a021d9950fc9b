#include "models/rollup/orgtreerollup.h"

#include "api/auditpager.h"
#include "api/client.h"
#include "api/memberspager.h"
#include "api/organizationspager.h"
#include "api/usageapi.h"

#include <QDateTime>

namespace models {

OrgTreeRollup::OrgTreeRollup(api::Client *client, QObject *parent) : QObject(parent), m_client(client) {}

OrgTreeRollup::~OrgTreeRollup()
{
    // Nothing may call back into a half-destroyed runner.
    m_running = false;
    if (m_treePager)
        disconnect(m_treePager, nullptr, this, nullptr);
    for (const Org &o : std::as_const(m_orgs)) {
        if (o.pager)
            disconnect(o.pager, nullptr, this, nullptr);
        if (o.job)
            disconnect(o.job, nullptr, this, nullptr);
    }
}

void OrgTreeRollup::setUsageRange(const QDate &from, const QDate &to)
{
    // One request per 31 days: the API's own limit, so no window is split.
    m_windows = api::UsageApi::windows(from, to, api::UsageApi::MaxDaysPerRequest);
}

void OrgTreeRollup::start(const QString &rootId)
{
    cancel();
    m_rootId = rootId;
    m_nodes.clear();
    m_orgs.clear();
    m_listed.clear();
    m_treeError = {};
    m_requests = 0;
    m_canceled = false;
    if (!m_client) {
        m_treeError = api::ApiError::canceled();
        Q_EMIT finished();
        return;
    }
    m_running = true;
    auto *pager = new api::OrganizationsPager(m_client, {}, this);
    m_treePager = pager;
    connect(pager, &api::OrganizationsPager::pageReady, this,
            [this](const QList<api::Organization> &page) { m_listed += page; });
    connect(pager, &api::Pager::finished, this, [this](api::Pager *p) {
        p->deleteLater();
        m_requests += qMax(1, p->pageCount());
        if (p->error()) {
            m_treeError = p->error();
            endRun();
            return;
        }
        const QList<OrgNode> tree = OrgTree::subtree(m_listed, m_rootId);
        m_listed.clear();
        if (tree.isEmpty()) {
            m_treeError = api::ApiError::invalidRequest(
                tr("Organization %1 is not among the organizations this credential can see.").arg(m_rootId));
            endRun();
            return;
        }
        m_nodes = tree;
        m_orgs = QList<Org>(m_nodes.size());
        Q_EMIT treeReady();
        if (m_fetchAfterTree)
            beginFetching();
        else
            endRun();
    });
    pager->start();
}

void OrgTreeRollup::startWithTree(const QList<OrgNode> &tree)
{
    cancel();
    m_rootId = tree.isEmpty() ? QString() : tree.first().id;
    m_nodes = tree;
    m_orgs = QList<Org>(m_nodes.size());
    m_treeError = {};
    m_requests = 0;
    m_canceled = false;
    m_running = true;
    Q_EMIT treeReady();
    beginFetching();
}

void OrgTreeRollup::beginFetching()
{
    m_queue.clear();
    for (qsizetype i = 0; i < m_orgs.size(); ++i) {
        if (m_orgs.at(i).status != Status::Done) {
            m_orgs[i].status = Status::Pending;
            m_queue.append(i);
        }
    }
    const Progress p = progress();
    Q_EMIT progressChanged(p.done, p.total);
    startNext();
}

void OrgTreeRollup::startNext()
{
    while (m_running && m_active < m_maxConcurrent && !m_queue.isEmpty())
        startOrganization(m_queue.takeFirst());
    if (m_running && m_active == 0 && m_queue.isEmpty())
        endRun();
}

void OrgTreeRollup::startOrganization(qsizetype index)
{
    Org &org = m_orgs[index];
    org.status = Status::Running;
    org.error = {};
    org.audit.clear();
    org.members.clear();
    org.usage.clear();
    org.usageColumns.clear();
    org.window = 0;
    ++m_active;
    const QString id = m_nodes.at(index).id;
    api::Pager *pager = nullptr;
    if (m_kind == Kind::Audit && m_auditRanges.contains(id)) {
        requestAuditRange(index);
        return;
    }
    if (m_kind == Kind::Audit) {
        auto *p = new api::AuditPager(m_client, id, m_auditQuery, this);
        connect(p, &api::AuditPager::columnsReady, this,
                [this, index](const api::AuditColumns &page) { m_orgs[index].audit.append(page); });
        pager = p;
    } else if (m_kind == Kind::Members) {
        auto *p = new api::MembersPager(m_client, id, m_memberFilter, this);
        connect(p, &api::MembersPager::pageReady, this,
                [this, index](const QList<api::Member> &page) { m_orgs[index].members += page; });
        pager = p;
    } else {
        requestWindow(index);
        return;
    }
    org.pager = pager;
    connect(pager, &api::Pager::finished, this, [this, index](api::Pager *p) {
        p->deleteLater();
        m_requests += qMax(1, p->pageCount() + (p->error() ? 1 : 0));
        if (p->wasCanceled() && !m_running)
            return; // cancel() has accounted for it
        finishOrganization(index, p->error());
    });
    pager->start();
}

void OrgTreeRollup::requestWindow(qsizetype index)
{
    Org &org = m_orgs[index];
    if (org.window >= m_windows.size()) {
        finishOrganization(index, {});
        return;
    }
    const QPair<QDate, QDate> w = m_windows.at(org.window);
    api::UsageApi usage(m_client, m_metric);
    api::Job *job = nullptr;
    if (m_usageColumns)
        job = usage.getColumns(m_nodes.at(index).id, w.first, w.second, this);
    else
        job = usage.get(m_nodes.at(index).id, w.first, w.second, this);
    org.job = job;
    ++m_requests;
    connect(job, &api::Job::finished, this, [this, index, job] {
        Org &o = m_orgs[index];
        o.job = nullptr;
        if (job->error()) {
            if (job->error().kind() == api::ApiError::Kind::Canceled && !m_running)
                return;
            finishOrganization(index, job->error());
            return;
        }
        if (m_usageColumns) {
            // Decoded on a pool thread; moved here, never copied.
            o.usageColumns.append(static_cast<api::TypedJob<api::UsageColumns> *>(job)->takeResult());
            ++o.window;
            requestWindow(index);
            return;
        }
        QList<api::UsageRecord> records =
            static_cast<api::TypedJob<QList<api::UsageRecord>> *>(job)->takeResult();
        // The first window is taken as it is: no record is copied on the event loop.
        if (o.usage.isEmpty())
            o.usage = std::move(records);
        else
            o.usage += std::move(records);
        ++o.window;
        requestWindow(index);
    });
    job->start();
}

void OrgTreeRollup::requestAuditRange(qsizetype index)
{
    Org &org = m_orgs[index];
    const QString id = m_nodes.at(index).id;
    const QList<AuditTimeRange> ranges = m_auditRanges.value(id);
    if (org.window >= ranges.size()) {
        if (org.window > 0) {
            finishOrganization(index, {});
            return;
        }
        // Nothing to fetch: finished from the event loop, as a request would be
        // (startNext() is still filling its slots).
        QMetaObject::invokeMethod(
            this,
            [this, index] {
                if (m_running && index < m_orgs.size() && m_orgs.at(index).status == Status::Running &&
                    !m_orgs.at(index).pager)
                    finishOrganization(index, {});
            },
            Qt::QueuedConnection);
        return;
    }
    const AuditTimeRange range = ranges.at(org.window);
    api::AuditQuery query = m_auditQuery;
    query.since = QDateTime::fromMSecsSinceEpoch(range.fromMs, Qt::UTC).toString(Qt::ISODateWithMs);
    query.before = QDateTime::fromMSecsSinceEpoch(range.toMs, Qt::UTC).toString(Qt::ISODateWithMs);
    auto *pager = new api::AuditPager(m_client, id, query, this);
    org.pager = pager;
    connect(pager, &api::AuditPager::columnsReady, this,
            [this, index](const api::AuditColumns &page) { m_orgs[index].audit.append(page); });
    connect(pager, &api::Pager::finished, this, [this, index](api::Pager *p) {
        p->deleteLater();
        m_requests += qMax(1, p->pageCount() + (p->error() ? 1 : 0));
        if (p->wasCanceled() && !m_running)
            return; // cancel() has accounted for it
        m_orgs[index].pager = nullptr;
        if (p->error()) {
            finishOrganization(index, p->error());
            return;
        }
        ++m_orgs[index].window;
        requestAuditRange(index);
    });
    pager->start();
}

void OrgTreeRollup::finishOrganization(qsizetype index, const api::ApiError &error)
{
    Org &org = m_orgs[index];
    org.pager = nullptr;
    org.job = nullptr;
    org.error = error;
    org.status = error.isError() ? Status::Failed : Status::Done;
    if (error.isError()) {
        // A part of an answer is no answer: the organization is missing.
        org.audit.clear();
        org.members.clear();
        org.usage.clear();
        org.usageColumns.clear();
    }
    --m_active;
    Q_EMIT organizationFinished(index);
    const Progress p = progress();
    Q_EMIT progressChanged(p.done, p.total);
    startNext();
}

void OrgTreeRollup::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    m_canceled = true;
    m_queue.clear();
    if (m_treePager) {
        disconnect(m_treePager, nullptr, this, nullptr);
        m_treePager->abort();
        m_treePager->deleteLater();
    }
    for (Org &o : m_orgs) {
        if (o.status != Status::Running)
            continue;
        if (o.pager) {
            disconnect(o.pager, nullptr, this, nullptr);
            o.pager->abort();
            o.pager->deleteLater();
        }
        if (o.job) {
            disconnect(o.job, nullptr, this, nullptr);
            o.job->abort();
        }
        o.pager = nullptr;
        o.job = nullptr;
        o.audit.clear();
        o.members.clear();
        o.usage.clear();
        o.usageColumns.clear();
        o.status = Status::Pending;
    }
    m_active = 0;
    Q_EMIT finished();
}

void OrgTreeRollup::retryMissing()
{
    if (m_running)
        return;
    if (m_nodes.isEmpty()) {
        if (!m_rootId.isEmpty())
            start(m_rootId);
        return;
    }
    m_canceled = false;
    m_running = true;
    beginFetching();
}

void OrgTreeRollup::endRun()
{
    if (!m_running)
        return;
    m_running = false;
    Q_EMIT finished();
}

QList<qsizetype> OrgTreeRollup::missing() const
{
    QList<qsizetype> out;
    for (qsizetype i = 0; i < m_orgs.size(); ++i) {
        if (m_orgs.at(i).status != Status::Done)
            out.append(i);
    }
    return out;
}

Progress OrgTreeRollup::progress() const
{
    qint64 done = 0;
    for (const Org &o : m_orgs)
        done += o.status == Status::Done || o.status == Status::Failed;
    return {done, m_nodes.isEmpty() ? -1 : qint64(m_nodes.size())};
}

UsageRollup OrgTreeRollup::mergedUsage() const
{
    QList<QList<api::UsageRecord>> answers;
    answers.reserve(m_orgs.size());
    for (const Org &o : m_orgs)
        answers.append(o.usage);
    return mergeUsage(m_nodes, answers);
}

UsageRollupColumns OrgTreeRollup::mergedUsageColumns() const
{
    QList<QList<api::UsageColumns>> answers;
    answers.reserve(m_orgs.size());
    for (const Org &o : m_orgs)
        answers.append(o.usageColumns);
    return mergeUsage(m_nodes, answers);
}

qsizetype OrgTreeRollup::indexOf(const QString &organizationId) const
{
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes.at(i).id == organizationId)
            return i;
    }
    return -1;
}

} // namespace models
