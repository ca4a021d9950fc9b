#include "models/members/memberinviter.h"

#include "api/client.h"
#include "api/membersapi.h"
#include "models/logging.h"
#include "models/members/batchrunner.h"
#include "models/members/memberbatchmodel.h"

#include <QHash>

namespace models {

namespace {
constexpr int kDuplicateMembershipCode = 1009; // REFERENCE §8.3

QString emailKey(const QString &email)
{
    return email.trimmed().toCaseFolded();
}
} // namespace

MemberInviter::MemberInviter(api::Client *client, const QString &organizationId, MemberBatchModel *rows,
                             QObject *parent)
    : QObject(parent), m_client(client), m_orgId(organizationId), m_rows(rows),
      m_runner(new BatchRunner(
          [this](const QList<int> &items) {
              return m_runner->chunkSize() > 1 ? sendBatch(items) : sendOne(items.first());
          },
          this))
{
    connect(m_runner, &BatchRunner::progress, this, &MemberInviter::progress);
    connect(m_runner, &BatchRunner::finished, this, &MemberInviter::finished);
    connect(m_runner, &BatchRunner::dropped, this, [this](const QList<int> &queued) {
        if (m_rows)
            for (int row : queued)
                m_rows->setOutcome(row, MemberBatchModel::Outcome::Canceled, tr("Not sent: canceled"));
    });
}

MemberInviter::~MemberInviter()
{
    delete m_runner; // aborts what is in flight while this object is still whole
}

void MemberInviter::setMaxParallel(int n)
{
    m_runner->setMaxParallel(n);
}

bool MemberInviter::isRunning() const
{
    return m_runner->isRunning();
}

void MemberInviter::start()
{
    if (m_runner->isRunning() || !m_rows)
        return;
    using Check = MemberBatchModel::Check;
    using Outcome = MemberBatchModel::Outcome;
    QList<int> queue;
    for (int i = 0; i < m_rows->rowCount(); ++i) {
        const MemberBatchModel::Row &r = m_rows->row(i);
        switch (r.check) {
        case Check::Ready:
            queue.append(i);
            break;
        case Check::Invalid:
            m_rows->setOutcome(i, Outcome::Skipped, tr("Not a valid e-mail address"));
            break;
        case Check::Duplicate:
            m_rows->setOutcome(i, Outcome::Skipped, tr("Same address as line %1").arg(r.duplicateOf));
            break;
        case Check::Existing:
            m_rows->setOutcome(i, Outcome::AlreadyMember, tr("Found among the current members"));
            break;
        }
    }
    if (!m_client || m_orgId.isEmpty()) {
        for (int row : std::as_const(queue))
            m_rows->setOutcome(row, Outcome::Failed, tr("Not connected to an organization"));
        queue.clear();
    }
    m_runner->setChunkSize(m_batchSize > 0 && !m_batchRefused ? m_batchSize : 1);
    m_runner->start(queue);
}

void MemberInviter::cancel()
{
    m_runner->cancel();
}

api::Job *MemberInviter::sendBatch(const QList<int> &chunk)
{
    if (!m_rows)
        return nullptr;
    QList<api::MemberInvite> invites;
    for (int row : chunk) {
        invites.append({m_rows->row(row).email.trimmed(), m_status});
        m_rows->setOutcome(row, MemberBatchModel::Outcome::Working);
    }
    auto *job = api::MembersApi(m_client).batchCreate(m_orgId, invites, this);
    connect(job, &api::Job::finished, this, [this, job, chunk] {
        using Outcome = MemberBatchModel::Outcome;
        if (!m_rows)
            return;
        if (job->error()) {
            if (job->error().kind() == api::ApiError::Kind::Canceled || m_runner->isCanceled()) {
                for (int row : chunk)
                    m_rows->setOutcome(row, Outcome::Canceled, tr("Canceled before the server answered"));
                return;
            }
            // Refused (unsupported, or one bad address sinks the whole batch):
            // one call per member tells exactly which rows fail and why.
            m_batchRefused = true;
            m_batchRefusal = job->error().userMessage();
            qCInfo(lcModels) << "members:batchCreate refused, inviting one by one:"
                             << job->error().toLogString();
            for (int row : chunk)
                m_rows->setOutcome(row, Outcome::NotSent);
            m_runner->setChunkSize(1);
            m_runner->requeue(job);
            return;
        }
        const QList<api::Member> created = job->result();
        QHash<QString, api::Member> byEmail;
        for (const api::Member &m : created)
            byEmail.insert(emailKey(m.user.email), m);
        for (int row : chunk) {
            const auto it = byEmail.constFind(emailKey(m_rows->row(row).email));
            if (it != byEmail.cend())
                m_rows->setOutcome(row, Outcome::Done, {}, it->id);
            else
                m_rows->setOutcome(
                    row, Outcome::Failed,
                    tr("The server accepted the batch but returned no member for this address"));
        }
        if (!created.isEmpty())
            Q_EMIT membersCreated(created);
    });
    return job;
}

api::Job *MemberInviter::sendOne(int row)
{
    if (!m_rows)
        return nullptr;
    m_rows->setOutcome(row, MemberBatchModel::Outcome::Working);
    auto *job = api::MembersApi(m_client).create(m_orgId, {m_rows->row(row).email.trimmed(), m_status}, this);
    connect(job, &api::Job::finished, this, [this, job, row] {
        if (!m_rows)
            return;
        using Outcome = MemberBatchModel::Outcome;
        const api::ApiError &error = job->error();
        if (!error) {
            const api::Member member = job->result();
            m_rows->setOutcome(row, Outcome::Done, {}, member.id);
            Q_EMIT membersCreated({member});
        } else if (error.kind() == api::ApiError::Kind::Canceled) {
            m_rows->setOutcome(row, Outcome::Canceled, tr("Canceled before the server answered"));
        } else if (error.firstErrorCode() == kDuplicateMembershipCode) {
            m_rows->setOutcome(row, Outcome::AlreadyMember, error.userMessage());
        } else {
            m_rows->setOutcome(row, Outcome::Failed, error.userMessage());
        }
    });
    return job;
}

} // namespace models
