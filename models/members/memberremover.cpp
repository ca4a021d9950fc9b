#include "models/members/memberremover.h"

#include "api/client.h"
#include "api/membersapi.h"
#include "models/members/memberbatchmodel.h"

namespace models {

namespace {
constexpr int kUnknownOrganizationCode = 1004; // REFERENCE §8.3
} // namespace

MemberRemover::MemberRemover(api::Client *client, const QString &organizationId, MemberBatchModel *rows,
                             QObject *parent)
    : QObject(parent), m_client(client), m_orgId(organizationId), m_rows(rows)
{}

MemberRemover::~MemberRemover()
{
    m_canceled = true;
    for (const QPointer<api::Job> &job : std::as_const(m_jobs))
        if (job)
            job->abort();
}

void MemberRemover::start()
{
    if (m_running || !m_rows)
        return;
    m_running = true;
    m_canceled = false;
    m_queue.clear();
    for (int i = 0; i < m_rows->rowCount(); ++i)
        if (m_rows->row(i).check == MemberBatchModel::Check::Ready)
            m_queue.append(i);
    m_total = int(m_queue.size());
    m_done = 0;
    Q_EMIT progress(0, m_total);
    if (!m_client || m_orgId.isEmpty()) {
        for (int row : std::as_const(m_queue))
            m_rows->setOutcome(row, MemberBatchModel::Outcome::Failed,
                               tr("Not connected to an organization"));
        m_queue.clear();
    }
    pump();
    finishIfDone();
}

void MemberRemover::cancel()
{
    if (!m_running)
        return;
    m_canceled = true;
    for (int row : std::as_const(m_queue))
        m_rows->setOutcome(row, MemberBatchModel::Outcome::Canceled, tr("Not sent: canceled"));
    m_done += int(m_queue.size());
    m_queue.clear();
    const auto jobs = m_jobs;
    for (const QPointer<api::Job> &job : jobs)
        if (job)
            job->abort();
    finishIfDone();
}

void MemberRemover::pump()
{
    while (!m_canceled && !m_queue.isEmpty() && m_jobs.size() < m_maxParallel)
        sendOne(m_queue.takeFirst());
}

void MemberRemover::sendOne(int row)
{
    m_rows->setOutcome(row, MemberBatchModel::Outcome::Working);
    const QString memberId = m_rows->row(row).memberId;
    api::MembersApi members(m_client);
    auto *job = members.remove(m_orgId, memberId, this);
    m_jobs.append(job);
    connect(job, &api::Job::finished, this, [this, job, row, memberId] {
        m_jobs.removeAll(QPointer<api::Job>(job));
        if (!m_rows)
            return;
        using Outcome = MemberBatchModel::Outcome;
        const api::ApiError &error = job->error();
        if (!error) {
            m_rows->setOutcome(row, Outcome::Done);
            Q_EMIT memberGone(memberId);
        } else if (error.kind() == api::ApiError::Kind::Canceled) {
            // A DELETE aborted after sending may still have happened; say so.
            m_rows->setOutcome(row, Outcome::Canceled,
                               tr("Canceled while in flight: refresh to see whether it was removed"));
        } else {
            m_rows->setOutcome(row, Outcome::Failed, error.userMessage());
            // The member is already gone; an unknown organization (1004) says nothing about it.
            if (error.httpStatus() == 404 && error.firstErrorCode() != kUnknownOrganizationCode)
                Q_EMIT memberGone(memberId);
        }
        ++m_done;
        Q_EMIT progress(m_done, m_total);
        pump();
        finishIfDone();
    });
    job->start();
}

void MemberRemover::finishIfDone()
{
    if (!m_running || !m_queue.isEmpty() || !m_jobs.isEmpty())
        return;
    m_running = false;
    Q_EMIT finished();
}

} // namespace models
