#include "models/members/existingmembercheck.h"

#include "api/client.h"
#include "api/membersapi.h"
#include "models/members/memberbatchmodel.h"
#include "models/members/membersmodel.h"

namespace models {

ExistingMemberCheck::ExistingMemberCheck(api::Client *client, const QString &organizationId,
                                         MemberBatchModel *rows, QObject *parent)
    : QObject(parent), m_client(client), m_orgId(organizationId), m_rows(rows)
{}

ExistingMemberCheck::~ExistingMemberCheck()
{
    for (const QPointer<api::Job> &job : std::as_const(m_jobs))
        if (job)
            job->abort();
}

void ExistingMemberCheck::setLoadedMembers(const MembersModel *members, bool complete)
{
    m_loaded = members;
    m_complete = complete;
}

bool ExistingMemberCheck::blocksInvite(const QString &status)
{
    // The simulator (and, as far as is known, the API) lets a canceled or
    // rejected membership be invited again.
    return status != QLatin1String("canceled") && status != QLatin1String("rejected");
}

void ExistingMemberCheck::start()
{
    if (m_running || !m_rows)
        return;
    m_running = true;
    m_queue.clear();
    m_lookedUp = 0;
    m_failed = 0;
    const QList<int> ready = m_rows->rowsWithCheck(MemberBatchModel::Check::Ready);
    for (int row : ready) {
        const QString email = m_rows->row(row).email;
        if (m_loaded) {
            const int at = m_loaded->rowOfEmail(email);
            if (at >= 0 && blocksInvite(m_loaded->member(at).status)) {
                m_rows->markExisting(row, m_loaded->member(at).id);
                continue;
            }
        }
        if (!m_complete && m_client && !m_orgId.isEmpty())
            m_queue.append(row);
    }
    m_total = int(m_queue.size());
    Q_EMIT progress(0, m_total);
    pump();
    finishIfDone();
}

void ExistingMemberCheck::cancel()
{
    m_queue.clear();
    const auto jobs = m_jobs;
    for (const QPointer<api::Job> &job : jobs)
        if (job)
            job->abort();
    finishIfDone();
}

void ExistingMemberCheck::pump()
{
    while (!m_queue.isEmpty() && m_jobs.size() < m_maxParallel) {
        const int row = m_queue.takeFirst();
        api::MemberFilter filter;
        filter.userEmail = m_rows->row(row).email.trimmed();
        api::MembersApi members(m_client);
        auto *job = members.list(m_orgId, filter, 10, {}, this);
        m_jobs.append(job);
        connect(job, &api::Job::finished, this, [this, job, row] {
            m_jobs.removeAll(QPointer<api::Job>(job));
            ++m_lookedUp;
            if (job->error()) {
                if (job->error().kind() != api::ApiError::Kind::Canceled)
                    ++m_failed;
            } else if (m_rows) {
                for (const api::Member &m : job->result().items) {
                    if (blocksInvite(m.status)) {
                        m_rows->markExisting(row, m.id);
                        break;
                    }
                }
            }
            Q_EMIT progress(m_lookedUp, m_total);
            pump();
            finishIfDone();
        });
        job->start();
    }
}

void ExistingMemberCheck::finishIfDone()
{
    if (!m_running || !m_queue.isEmpty() || !m_jobs.isEmpty())
        return;
    m_running = false;
    Q_EMIT finished();
}

} // namespace models
