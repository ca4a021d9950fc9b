#include "models/members/memberscontroller.h"
#include "models/settings/timezonesetting.h"

#include "api/client.h"
#include "api/memberspager.h"
#include "models/members/existingmembercheck.h"
#include "models/members/memberbatchmodel.h"
#include "models/members/memberinviter.h"
#include "models/members/memberremover.h"
#include "models/members/membersexporter.h"
#include "models/members/membersfilterproxy.h"
#include "models/members/membersmodel.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"

#include <QDir>
#include <QSaveFile>
#include <QTimer>
#include <algorithm>

namespace models {

MembersController::MembersController(Session *session, ActivityLog *activity, QObject *parent)
    : QObject(parent), m_session(session), m_log(activity), m_model(new MembersModel(this)),
      m_proxy(new MembersFilterProxy(this)),
      m_invites(new MemberBatchModel(MemberBatchModel::Kind::Invite, this)), m_progressTick(new QTimer(this))
{
    qRegisterMetaType<models::Progress>();
    qRegisterMetaType<models::ErrorInfo>();
    m_progressTick->setInterval(250);
    m_progressTick->setSingleShot(true);
    connect(m_progressTick, &QTimer::timeout, this, [this] {
        if (std::exchange(m_progressPending, false)) {
            Q_EMIT progressChanged(m_progress);
            m_progressTick->start();
        }
    });
    m_proxy->setSourceModel(m_model);
    TimeZoneSetting::follow(this, [this] { m_model->setTimeZone(TimeZoneSetting::instance()->zone()); });
    connect(session, &Session::organizationChanged, this, &MembersController::onOrganizationChanged);
    connect(session, &Session::clientChanged, this, &MembersController::onOrganizationChanged);
}

MembersController::~MembersController()
{
    if (m_pager)
        m_pager->disconnect(this);
}

bool MembersController::hasOrganization() const
{
    return m_session->client() && !m_session->organizationId().isEmpty();
}

QString MembersController::organizationName() const
{
    return m_session->organizationName();
}

bool MembersController::isLoading() const
{
    return m_pager && m_pager->isRunning();
}

qint64 MembersController::serverTotal() const
{
    return m_pager && m_pager->totalSize() ? *m_pager->totalSize() : -1;
}

bool MembersController::filterDiffersFromLoaded() const
{
    return !m_loadedOrg.isEmpty() && m_filter.toQuery() != m_loadedQuery;
}

void MembersController::setActive(bool active)
{
    m_active = active;
    if (active && m_dirty)
        reload();
}

void MembersController::setLocalFilter(const QString &text)
{
    m_proxy->setTextFilter(text);
}

void MembersController::abortLoad()
{
    if (m_pager) {
        m_pager->disconnect(this);
        m_pager->abort();
        m_pager->deleteLater();
        m_pager = nullptr;
    }
}

void MembersController::onOrganizationChanged()
{
    // Nothing of the previous organization may stay on screen or in flight.
    abortLoad();
    if (m_remover)
        m_remover->cancel();
    cancelInvites();
    Q_EMIT organizationReset();
    m_model->beginLoad();
    m_complete = false;
    m_loadedOrg.clear();
    clearMessages();
    setActivity(Activity::Idle);
    m_dirty = true;
    if (m_active)
        reload();
}

void MembersController::reload()
{
    abortLoad();
    m_dirty = false;
    const bool wasComplete = std::exchange(m_complete, false);
    api::Client *client = m_session->client();
    const QString org = m_session->organizationId();
    // A refresh of the same list keeps the rows on screen until new ones arrive.
    const bool sameList = !org.isEmpty() && org == m_loadedOrg && m_filter.toQuery() == m_loadedQuery;
    const int gen = m_model->beginLoad(sameList);
    m_loadedOrg = org;
    clearMessages();
    if (wasComplete)
        Q_EMIT completeListChanged(false);
    if (!client || org.isEmpty()) {
        if (m_activity == Activity::Loading)
            setActivity(Activity::Idle);
        return;
    }
    m_loadedQuery = m_filter.toQuery();
    const bool unfiltered = m_loadedQuery.isEmpty();
    auto *pager = new api::MembersPager(client, org, m_filter, this);
    m_pager = pager;
    connect(pager, &api::MembersPager::pageReady, this,
            [this, gen](const QList<api::Member> &members) { m_model->appendPage(gen, members); });
    connect(pager, &api::Pager::progress, this,
            [this, pager](qint64 items, int) { setProgress(items, pager->totalSize().value_or(0)); });
    connect(pager, &api::Pager::finished, this, [this, pager, gen, unfiltered] {
        pager->deleteLater();
        if (m_pager == pager)
            m_pager = nullptr;
        if (gen != m_model->generation())
            return;
        setActivity(m_remover ? Activity::Removing : Activity::Idle);
        const bool ok = pager->succeeded();
        m_loadIssues = pager->entriesWithIssues();
        if (ok) {
            m_model->endLoad(gen);
            m_complete = unfiltered;
            if (m_complete)
                Q_EMIT completeListChanged(true);
            if (m_loadIssues > 0)
                setNotice(missingFieldsNotice(m_loadIssues, pager->firstIssue()));
        } else if (pager->wasCanceled()) {
            setNotice(tr("Loading stopped after %n member(s).", nullptr, m_model->rowCount()));
        } else {
            const api::ApiError &error = pager->error();
            setError(tr("Could not load the members: %1").arg(error.userMessage()), true,
                     [this] { reload(); });
            if (m_log)
                m_log->add(ActivityLog::Severity::Error, tr("Members"), error.userMessage());
        }
        Q_EMIT loadFinished(ok);
    });
    setProgress(0, 0);
    setActivity(Activity::Loading);
    pager->start();
}

void MembersController::cancel()
{
    if (m_pager)
        m_pager->abort();
    if (m_remover)
        m_remover->cancel();
}

void MembersController::retry()
{
    if (auto retry = std::exchange(m_retry, {}))
        retry();
}

void MembersController::removeMembers(const QStringList &memberIds)
{
    if (m_remover || !hasOrganization())
        return;
    // The user answered about these members; those gone meanwhile are left out.
    QList<api::Member> members;
    for (const QString &id : memberIds) {
        const int row = m_model->rowOfId(id);
        if (row >= 0)
            members.append(m_model->member(row));
    }
    if (members.isEmpty())
        return;
    clearMessages();
    if (m_removalRows)
        m_removalRows->deleteLater();
    auto *rows = new MemberBatchModel(MemberBatchModel::Kind::Remove, this);
    rows->setMembers(members);
    m_removalInvitations = int(std::count_if(members.cbegin(), members.cend(), [](const api::Member &m) {
        return m.status == QLatin1String("pending");
    }));
    m_removalRows = rows;
    m_removalOrg = m_session->organizationId();
    auto *remover = new MemberRemover(m_session->client(), m_removalOrg, rows, this);
    remover->setMaxParallel(m_removeParallel);
    m_remover = remover;
    connect(remover, &MemberRemover::memberGone, this, [this](const QString &id) {
        if (m_session->organizationId() == m_removalOrg)
            m_model->removeIds({id});
    });
    connect(remover, &MemberRemover::progress, this, [this](int done, int total) {
        if (m_activity == Activity::Removing)
            setProgress(done, total);
    });
    connect(remover, &MemberRemover::finished, this, &MembersController::onRemovalFinished);
    setProgress(0, members.size());
    setActivity(Activity::Removing);
    remover->start();
}

void MembersController::onRemovalFinished()
{
    MemberRemover *remover = m_remover;
    if (remover)
        remover->deleteLater();
    m_remover = nullptr;
    if (m_activity == Activity::Removing)
        setActivity(isLoading() ? Activity::Loading : Activity::Idle);
    MemberBatchModel *rows = m_removalRows;
    if (!rows)
        return;
    using Outcome = MemberBatchModel::Outcome;
    const int removed = rows->countOutcome(Outcome::Done);
    const bool allDone = removed == rows->rowCount();
    if (allDone) {
        QStringList who;
        for (const auto &r : rows->rows())
            who.append(r.email);
        // Removing a pending membership revokes its invitation: say which happened.
        setNotice(
            m_removalInvitations == removed
                ? tr("Revoked %n invitation(s): %1", nullptr, removed).arg(who.join(QStringLiteral(", ")))
                : tr("Removed %n member(s): %1", nullptr, removed).arg(who.join(QStringLiteral(", "))));
        if (m_log)
            m_log->add(ActivityLog::Severity::Info, tr("Members"), m_notice);
    } else {
        QStringList retryable;
        QStringList failed;
        for (const auto &r : rows->rows()) {
            if (r.outcome == Outcome::Done)
                continue;
            failed.append(r.email + QStringLiteral(": ") +
                          (r.detail.isEmpty() ? rows->outcomeText(r) : r.detail));
            if (m_model->rowOfId(r.memberId) >= 0)
                retryable.append(r.memberId);
        }
        const QString text =
            tr("Removal finished: %1.").arg(rows->summary()) + u' ' + failed.join(QStringLiteral("; "));
        if (m_log)
            m_log->add(ActivityLog::Severity::Error, tr("Members"), text);
        // The user already confirmed these members: retry sends them again.
        const QString org = m_removalOrg;
        setError(text, !retryable.isEmpty(), [this, retryable, org] {
            if (m_session->organizationId() == org)
                removeMembers(retryable);
        });
    }
    Q_EMIT removalFinished(rows, allDone);
}

void MembersController::checkInvites(const QList<EmailListParser::Entry> &entries)
{
    if (m_check || m_inviter)
        return;
    m_invites->setEntries(entries);
    auto *check = new ExistingMemberCheck(m_session->client(), m_session->organizationId(), m_invites, this);
    check->setLoadedMembers(m_model, m_complete);
    m_check = check;
    const int gen = m_inviteGeneration;
    connect(check, &ExistingMemberCheck::progress, this, [this](int done, int total) {
        if (m_activity == Activity::Checking)
            setProgress(done, total);
    });
    connect(check, &ExistingMemberCheck::finished, this, [this, check, gen] {
        check->deleteLater();
        if (m_check == check)
            m_check = nullptr;
        if (m_activity == Activity::Checking)
            setActivity(isLoading() ? Activity::Loading : Activity::Idle);
        if (gen == m_inviteGeneration)
            Q_EMIT invitesChecked(check->lookupsFailed());
    });
    setProgress(0, -1);
    setActivity(Activity::Checking);
    check->start();
}

void MembersController::sendInvites(const QString &status, int batchSize, int maxParallel)
{
    if (m_check || m_inviter)
        return;
    auto *inviter = new MemberInviter(m_session->client(), m_session->organizationId(), m_invites, this);
    inviter->setStatus(status);
    inviter->setBatchSize(batchSize);
    inviter->setMaxParallel(maxParallel);
    m_inviter = inviter;
    const int gen = m_model->generation();
    const int inviteGen = m_inviteGeneration;
    connect(inviter, &MemberInviter::progress, this, [this](int done, int total) {
        if (m_activity == Activity::Inviting)
            setProgress(done, total);
    });
    connect(inviter, &MemberInviter::membersCreated, this, [this, gen](const QList<api::Member> &members) {
        // A member that does not match the current server filter would only confuse; a new load shows it.
        if (gen == m_model->generation())
            m_model->upsert(members);
        Q_EMIT membersInvited(members);
    });
    connect(inviter, &MemberInviter::finished, this, [this, inviter, inviteGen] {
        inviter->deleteLater();
        if (m_inviter == inviter)
            m_inviter = nullptr;
        if (m_activity == Activity::Inviting)
            setActivity(isLoading() ? Activity::Loading : Activity::Idle);
        if (inviteGen != m_inviteGeneration)
            return;
        QString summary = m_invites->summary();
        if (m_invites->rowCount() == 1 && m_invites->row(0).outcome == MemberBatchModel::Outcome::Done)
            summary = tr("Invited %1.").arg(m_invites->row(0).email);
        setNotice(summary);
        if (m_log)
            m_log->add(ActivityLog::Severity::Info, tr("Members"), summary);
        Q_EMIT invitesFinished(summary);
    });
    setProgress(0, -1);
    setActivity(Activity::Inviting);
    inviter->start();
}

void MembersController::cancelInvites()
{
    if (m_check)
        m_check->cancel();
    if (m_inviter)
        m_inviter->cancel();
}

void MembersController::clearInvites()
{
    if (m_check || m_inviter)
        return;
    ++m_inviteGeneration;
    m_invites->clear();
}

bool MembersController::exportTo(const QString &path, bool json)
{
    QList<api::Member> shown;
    shown.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        shown.append(m_model->member(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
    QSaveFile file(path);
    const QByteArray data =
        json ? MembersExporter::toJson(shown) : MembersExporter::toCsv(shown, m_model->timeZone());
    if (!file.open(QIODevice::WriteOnly) || file.write(data) < 0 || !file.commit()) {
        setError(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), false);
        return false;
    }
    setNotice(
        tr("Exported %n member(s) to %1.", nullptr, int(shown.size())).arg(QDir::toNativeSeparators(path)));
    return true;
}

void MembersController::setActivity(Activity activity)
{
    if (m_activity == activity)
        return;
    m_activity = activity;
    // A new activity shows its own progress at once.
    m_progressPending = false;
    m_progressTick->stop();
    Q_EMIT activityChanged(activity);
}

void MembersController::setProgress(qint64 done, qint64 total)
{
    const Progress p{done, total};
    if (p == m_progress)
        return;
    m_progress = p;
    // The first change and the last one of a burst are told; those between wait for the tick.
    if (m_progressTick->isActive()) {
        m_progressPending = true;
        return;
    }
    Q_EMIT progressChanged(p);
    m_progressTick->start();
}

void MembersController::setError(const QString &message, bool retryable, std::function<void()> retry)
{
    m_retry = retryable ? std::move(retry) : nullptr;
    m_notice.clear();
    m_error = {message, retryable && m_retry};
    Q_EMIT errorChanged(m_error);
}

void MembersController::setNotice(const QString &text)
{
    m_retry = nullptr;
    if (m_error.isError()) {
        m_error = {};
        Q_EMIT errorChanged(m_error);
    }
    m_notice = text;
    Q_EMIT noticeChanged(text);
}

void MembersController::clearMessages()
{
    m_retry = nullptr;
    if (m_error.isError()) {
        m_error = {};
        Q_EMIT errorChanged(m_error);
    }
    if (!m_notice.isEmpty()) {
        m_notice.clear();
        Q_EMIT noticeChanged(m_notice);
    }
}

} // namespace models
