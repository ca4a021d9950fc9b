#include "models/members/memberremover.h"

#include "api/client.h"
#include "api/membersapi.h"
#include "api/organizationsapi.h"
#include "models/members/batchrunner.h"
#include "models/members/memberbatchmodel.h"

namespace models {

MemberRemover::MemberRemover(api::Client *client, const QString &organizationId, MemberBatchModel *rows,
                             QObject *parent)
    : QObject(parent), m_client(client), m_orgId(organizationId), m_rows(rows),
      m_runner(new BatchRunner([this](const QList<int> &items) { return sendOne(items.first()); }, this))
{
    connect(m_runner, &BatchRunner::progress, this, &MemberRemover::progress);
    connect(m_runner, &BatchRunner::finished, this, &MemberRemover::finished);
    connect(m_runner, &BatchRunner::dropped, this, [this](const QList<int> &queued) {
        if (m_rows)
            for (int row : queued)
                m_rows->setOutcome(row, MemberBatchModel::Outcome::Canceled, tr("Not sent: canceled"));
    });
}

MemberRemover::~MemberRemover()
{
    delete m_runner; // aborts what is in flight while this object is still whole
}

void MemberRemover::setMaxParallel(int n)
{
    m_runner->setMaxParallel(n);
}

bool MemberRemover::isRunning() const
{
    return m_runner->isRunning();
}

void MemberRemover::start()
{
    if (m_runner->isRunning() || !m_rows)
        return;
    m_notFound.clear();
    QList<int> queue;
    for (int i = 0; i < m_rows->rowCount(); ++i)
        if (m_rows->row(i).check == MemberBatchModel::Check::Ready)
            queue.append(i);
    if (!m_client || m_orgId.isEmpty()) {
        for (int row : std::as_const(queue))
            m_rows->setOutcome(row, MemberBatchModel::Outcome::Failed,
                               tr("Not connected to an organization"));
        queue.clear();
    }
    m_runner->start(queue);
}

void MemberRemover::cancel()
{
    m_runner->cancel();
}

api::Job *MemberRemover::sendOne(int row)
{
    if (!m_rows)
        return nullptr;
    if (m_notFound.contains(row))
        return checkOrganization(row);
    m_rows->setOutcome(row, MemberBatchModel::Outcome::Working);
    const QString memberId = m_rows->row(row).memberId;
    auto *job = api::MembersApi(m_client).remove(m_orgId, memberId, this);
    connect(job, &api::Job::finished, this, [this, job, row, memberId] {
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
        } else if (error.httpStatus() == 404 && !m_runner->isCanceled()) {
            // The member, or the whole organization, is gone; which one the
            // error code would say is undocumented, so read the organization.
            m_notFound.insert(row, error.userMessage());
            m_runner->requeue(job);
        } else {
            m_rows->setOutcome(row, Outcome::Failed, error.userMessage());
        }
    });
    return job;
}

api::Job *MemberRemover::checkOrganization(int row)
{
    const QString memberId = m_rows->row(row).memberId;
    auto *job = api::OrganizationsApi(m_client).get(m_orgId, this);
    connect(job, &api::Job::finished, this, [this, job, row, memberId] {
        const QString failure = m_notFound.take(row);
        if (!m_rows)
            return;
        using Outcome = MemberBatchModel::Outcome;
        const api::ApiError &error = job->error();
        if (!error) {
            m_rows->setOutcome(row, Outcome::Failed,
                               failure + QLatin1Char(' ') + tr("It was already removed."));
            Q_EMIT memberGone(memberId);
        } else if (error.httpStatus() == 404) {
            m_rows->setOutcome(row, Outcome::Failed,
                               failure + QLatin1Char(' ') + tr("The organization itself no longer exists."));
        } else {
            m_rows->setOutcome(row, Outcome::Failed, failure);
        }
    });
    return job;
}

} // namespace models
