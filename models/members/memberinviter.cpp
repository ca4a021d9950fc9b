#include "models/members/memberinviter.h"

#include "api/client.h"
#include "api/membersapi.h"
#include "models/logging.h"
#include "models/members/batchrunner.h"
#include "models/members/existingmembercheck.h"
#include "models/members/memberbatchmodel.h"

#include <QHash>

namespace models {

namespace {
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
    m_verify.clear();
    m_failure.clear();
    QList<int> queue;
    for (int i = 0; i < m_rows->rowCount(); ++i) {
        const MemberBatchModel::Row &r = m_rows->row(i);
        switch (r.check) {
        case Check::Ready:
            if (r.outcome == Outcome::Done || r.outcome == Outcome::AlreadyMember)
                break; // settled by an earlier run: never sent twice
            if (r.outcome != Outcome::NotSent && r.outcome != Outcome::Skipped)
                m_verify.insert(i, Verify::BeforeSend); // an earlier attempt may have landed
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
    // Rows to verify go one by one: a batch cannot skip the ones that exist.
    m_runner->setChunkSize(m_batchSize > 0 && !m_batchRefused && m_verify.isEmpty() ? m_batchSize : 1);
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
            // Refused (unsupported, or one bad address sinks the whole batch),
            // or lost on the way back (a reset after the server acted): one
            // call per member tells exactly which rows fail and why, each
            // after a look-up, so nothing the batch created is sent again.
            m_batchRefused = true;
            m_batchRefusal = job->error().userMessage();
            qCInfo(lcModels) << "members:batchCreate failed, checking and inviting one by one:"
                             << job->error().toLogString();
            for (int row : chunk) {
                m_rows->setOutcome(row, Outcome::NotSent);
                m_verify.insert(row, Verify::BeforeSend);
            }
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
    if (const auto it = m_verify.constFind(row); it != m_verify.cend())
        return lookUp(row, *it);
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
        } else if (error.kind() == api::ApiError::Kind::Canceled || m_runner->isCanceled()) {
            // An aborted POST may still have landed: the next start() looks it up first.
            m_rows->setOutcome(row, Outcome::Canceled, tr("Canceled before the server answered"));
        } else if (error.kind() == api::ApiError::Kind::InvalidRequest || error.httpStatus() == 401) {
            m_rows->setOutcome(row, Outcome::Failed, error.userMessage());
        } else {
            // Whether the server acted (a reset after the write, a 5xx) or refused
            // because the address already holds a membership (its code is not
            // documented), the members list says; one look-up before deciding.
            m_rows->setOutcome(row, Outcome::Working);
            m_verify.insert(row, Verify::AfterFailure);
            m_failure.insert(row, error.userMessage());
            m_runner->requeue(job);
        }
    });
    return job;
}

api::Job *MemberInviter::lookUp(int row, Verify why)
{
    m_rows->setOutcome(row, MemberBatchModel::Outcome::Working);
    api::MemberFilter filter;
    filter.userEmail = m_rows->row(row).email.trimmed();
    auto *job = api::MembersApi(m_client).list(m_orgId, filter, 10, {}, this);
    connect(job, &api::Job::finished, this, [this, job, row, why] {
        if (!m_rows)
            return;
        using Outcome = MemberBatchModel::Outcome;
        const QString failure = m_failure.take(row);
        const api::ApiError &error = job->error();
        if (error.kind() == api::ApiError::Kind::Canceled || m_runner->isCanceled()) {
            m_verify.remove(row);
            m_rows->setOutcome(row, Outcome::Canceled,
                               why == Verify::BeforeSend
                                   ? tr("Not sent: canceled")
                                   : tr("Canceled: refresh to see whether it was invited"));
            return;
        }
        if (error) {
            m_verify.remove(row);
            // Not knowing means not sending: a second create could duplicate the first.
            m_rows->setOutcome(row, Outcome::Failed,
                               why == Verify::BeforeSend
                                   ? tr("Not sent: could not check whether the address is already a member "
                                        "(%1)")
                                         .arg(error.userMessage())
                                   : tr("%1 Whether it was invited could not be checked (%2)")
                                         .arg(failure, error.userMessage()));
            return;
        }
        const QString wanted = emailKey(m_rows->row(row).email);
        for (const api::Member &m : job->result().items) {
            if (emailKey(m.user.email) == wanted && ExistingMemberCheck::blocksInvite(m.status)) {
                m_verify.remove(row);
                m_rows->setOutcome(row, Outcome::AlreadyMember,
                                   why == Verify::BeforeSend
                                       ? tr("Already existed: not sent again")
                                       : tr("Already existed: the members list shows it after the failed "
                                            "request"),
                                   m.id);
                Q_EMIT membersCreated({m});
                return;
            }
        }
        if (why == Verify::BeforeSend) {
            m_verify.remove(row);
            m_rows->setOutcome(row, Outcome::NotSent);
            m_runner->requeue(job); // nothing there: now the create goes out
            return;
        }
        m_verify.remove(row);
        m_rows->setOutcome(row, Outcome::Failed, failure);
    });
    return job;
}

} // namespace models
