#include "models/members/memberinviter.h"

#include "api/client.h"
#include "api/membersapi.h"
#include "models/logging.h"
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
    : QObject(parent), m_client(client), m_orgId(organizationId), m_rows(rows)
{}

MemberInviter::~MemberInviter()
{
    m_canceled = true;
    for (const QPointer<api::Job> &job : std::as_const(m_jobs))
        if (job)
            job->abort();
}

void MemberInviter::start()
{
    if (m_running || !m_rows)
        return;
    m_running = true;
    m_canceled = false;
    m_queue.clear();
    using Check = MemberBatchModel::Check;
    using Outcome = MemberBatchModel::Outcome;
    for (int i = 0; i < m_rows->rowCount(); ++i) {
        const MemberBatchModel::Row &r = m_rows->row(i);
        switch (r.check) {
        case Check::Ready:
            m_queue.append(i);
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
    m_total = int(m_queue.size());
    m_done = 0;
    Q_EMIT progress(0, m_total);
    if (!m_client || m_orgId.isEmpty()) {
        for (int row : std::as_const(m_queue))
            m_rows->setOutcome(row, Outcome::Failed, tr("Not connected to an organization"));
        m_queue.clear();
    }
    pump();
    finishIfDone();
}

void MemberInviter::cancel()
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

void MemberInviter::pump()
{
    if (m_canceled || m_queue.isEmpty() || m_batchInFlight)
        return;
    if (m_batchSize > 0 && !m_batchRefused) {
        // One batch at a time: until the first answer we do not know whether
        // the server accepts the form at all.
        sendBatch();
        return;
    }
    while (!m_queue.isEmpty() && m_jobs.size() < m_maxParallel)
        sendOne(m_queue.takeFirst());
}

void MemberInviter::sendBatch()
{
    const QList<int> chunk = m_queue.mid(0, m_batchSize);
    m_queue.remove(0, chunk.size());
    QList<api::MemberInvite> invites;
    for (int row : chunk) {
        invites.append({m_rows->row(row).email.trimmed(), m_status});
        m_rows->setOutcome(row, MemberBatchModel::Outcome::Working);
    }
    api::MembersApi members(m_client);
    auto *job = members.batchCreate(m_orgId, invites, this);
    m_jobs.append(job);
    m_batchInFlight = true;
    connect(job, &api::Job::finished, this, [this, job, chunk] {
        m_jobs.removeAll(QPointer<api::Job>(job));
        m_batchInFlight = false;
        using Outcome = MemberBatchModel::Outcome;
        if (!m_rows)
            return;
        if (job->error()) {
            if (job->error().kind() == api::ApiError::Kind::Canceled || m_canceled) {
                for (int row : chunk)
                    m_rows->setOutcome(row, Outcome::Canceled, tr("Canceled before the server answered"));
                m_done += int(chunk.size());
                Q_EMIT progress(m_done, m_total);
                finishIfDone();
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
            m_queue = chunk + m_queue;
            pump();
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
        m_done += int(chunk.size());
        Q_EMIT progress(m_done, m_total);
        if (!created.isEmpty())
            Q_EMIT membersCreated(created);
        pump();
        finishIfDone();
    });
    job->start();
}

void MemberInviter::sendOne(int row)
{
    m_rows->setOutcome(row, MemberBatchModel::Outcome::Working);
    api::MembersApi members(m_client);
    auto *job = members.create(m_orgId, {m_rows->row(row).email.trimmed(), m_status}, this);
    m_jobs.append(job);
    connect(job, &api::Job::finished, this, [this, job, row] {
        m_jobs.removeAll(QPointer<api::Job>(job));
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
        ++m_done;
        Q_EMIT progress(m_done, m_total);
        pump();
        finishIfDone();
    });
    job->start();
}

void MemberInviter::finishIfDone()
{
    if (!m_running || !m_queue.isEmpty() || !m_jobs.isEmpty() || m_batchInFlight)
        return;
    m_running = false;
    Q_EMIT finished();
}

} // namespace models
