#include "models/members/existingmembercheck.h"

#include "api/client.h"
#include "api/membersapi.h"
#include "models/members/batchrunner.h"
#include "models/members/memberbatchmodel.h"
#include "models/members/membersmodel.h"

namespace models {

ExistingMemberCheck::ExistingMemberCheck(api::Client *client, const QString &organizationId,
                                         MemberBatchModel *rows, QObject *parent)
    : QObject(parent), m_client(client), m_orgId(organizationId), m_rows(rows),
      m_runner(new BatchRunner([this](const QList<int> &items) { return lookUp(items.first()); }, this))
{
    connect(m_runner, &BatchRunner::progress, this, &ExistingMemberCheck::progress);
    connect(m_runner, &BatchRunner::finished, this, &ExistingMemberCheck::finished);
}

ExistingMemberCheck::~ExistingMemberCheck()
{
    delete m_runner; // aborts what is in flight while this object is still whole
}

void ExistingMemberCheck::setLoadedMembers(const MembersModel *members, bool complete)
{
    m_loaded = members;
    m_complete = complete;
}

void ExistingMemberCheck::setMaxParallel(int n)
{
    m_runner->setMaxParallel(n);
}

bool ExistingMemberCheck::isRunning() const
{
    return m_runner->isRunning();
}

bool ExistingMemberCheck::blocksInvite(const QString &status)
{
    // The simulator (and, as far as is known, the API) lets a canceled or
    // rejected membership be invited again.
    return status != QLatin1String("canceled") && status != QLatin1String("rejected");
}

void ExistingMemberCheck::start()
{
    if (m_runner->isRunning() || !m_rows)
        return;
    m_lookedUp = 0;
    m_failed = 0;
    QList<int> queue;
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
            queue.append(row);
    }
    m_runner->start(queue);
}

void ExistingMemberCheck::cancel()
{
    m_runner->cancel();
}

api::Job *ExistingMemberCheck::lookUp(int row)
{
    if (!m_rows)
        return nullptr;
    api::MemberFilter filter;
    filter.userEmail = m_rows->row(row).email.trimmed();
    auto *job = api::MembersApi(m_client).list(m_orgId, filter, 10, {}, this);
    connect(job, &api::Job::finished, this, [this, job, row] {
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
    });
    return job;
}

} // namespace models
