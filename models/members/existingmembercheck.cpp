#include "models/members/existingmembercheck.h"

#include "api/client.h"
#include "api/membersapi.h"
#include "models/members/memberbatchmodel.h"
#include "models/members/membersmodel.h"

namespace models {

namespace {

// Up to this many keyed listings go out without first asking how big the
// organization is (that question costs a request of its own).
constexpr int kDirectLookups = 3;

QStringList blockingStatuses()
{
    return {QStringLiteral("active"), QStringLiteral("pending")};
}

QString normalized(const QString &email)
{
    return email.trimmed().toLower();
}

} // namespace

ExistingMemberCheck::ExistingMemberCheck(api::Client *client, const QString &organizationId,
                                         MemberBatchModel *rows, QObject *parent)
    : QObject(parent), m_client(client), m_orgId(organizationId), m_rows(rows)
{}

ExistingMemberCheck::~ExistingMemberCheck()
{
    // Aborted while this object is still whole, and without calling back into it.
    m_canceled = true;
    const auto inFlight = m_inFlight;
    for (const QPointer<api::Job> &job : inFlight) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
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
    m_canceled = false;
    m_lookedUp = 0;
    m_failed = 0;
    m_requests = 0;
    m_total = 0;
    m_byEmail.clear();
    m_queue.clear();

    QList<int> unknown;
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
            unknown.append(row);
    }
    m_total = int(unknown.size());
    Q_EMIT progress(0, m_total);
    if (unknown.isEmpty()) {
        finish();
        return;
    }

    // The same address twice is asked about once; addresses grouped by domain.
    QList<Listing> byAddress;
    QList<Listing> byDomain;
    QHash<QString, qsizetype> domainAt;
    for (int row : std::as_const(unknown)) {
        const QString typed = m_rows->row(row).email.trimmed();
        const QString email = normalized(typed);
        QList<int> &rows = m_byEmail[email];
        if (rows.isEmpty()) {
            Listing l;
            l.filter.statuses = blockingStatuses();
            l.filter.userEmail = typed;
            byAddress.append(l);
        }
        rows.append(row);
        const QString domain = email.mid(email.lastIndexOf(u'@') + 1);
        auto at = domainAt.constFind(domain);
        if (at == domainAt.cend()) {
            Listing l;
            l.filter.statuses = blockingStatuses();
            l.filter.userEmailEndsWith = u'@' + domain;
            at = domainAt.insert(domain, byDomain.size());
            byDomain.append(l);
        }
        byDomain[*at].rows.append(row);
    }
    for (Listing &l : byAddress)
        l.rows = m_byEmail.value(normalized(l.filter.userEmail));

    QList<Listing> keyed = byDomain.size() < byAddress.size() ? byDomain : byAddress;
    if (keyed.size() <= kDirectLookups)
        runListings(keyed);
    else
        probe(keyed);
}

void ExistingMemberCheck::cancel()
{
    if (!m_running)
        return;
    m_canceled = true;
    m_queue.clear();
    const auto inFlight = m_inFlight;
    for (const QPointer<api::Job> &job : inFlight)
        if (job)
            job->abort();
    if (m_listingsRunning == 0)
        finish();
}

void ExistingMemberCheck::probe(QList<Listing> keyed)
{
    Listing all;
    all.filter.statuses = blockingStatuses();
    for (const QList<int> &rows : std::as_const(m_byEmail))
        all.rows += rows;
    ++m_listingsRunning;
    auto *job = api::MembersApi(m_client).list(m_orgId, all.filter, m_pageSize, {}, this);
    m_inFlight.append(job);
    ++m_requests;
    connect(job, &api::Job::finished, this, [this, job, all, keyed] {
        m_inFlight.removeAll(job);
        --m_listingsRunning;
        if (job->error()) {
            if (job->error().kind() == api::ApiError::Kind::Canceled || m_canceled) {
                settle(all.rows, false);
                pump();
            } else {
                runListings(keyed); // the keyed listings may still get through
            }
            return;
        }
        const api::Page<api::Member> &page = job->result();
        match(page.items);
        if (page.nextPageToken.isEmpty()) {
            settle(all.rows, true);
            pump();
            return;
        }
        // The whole list, when its remaining pages are fewer than the keyed listings.
        const qint64 left = page.totalSize ? *page.totalSize - page.items.size() : -1;
        const qint64 pagesLeft = left < 0 ? -1 : (left + m_pageSize - 1) / m_pageSize;
        if (pagesLeft >= 0 && pagesLeft <= keyed.size() && !m_canceled) {
            ++m_listingsRunning;
            follow(all, page.nextPageToken);
        } else {
            runListings(keyed);
        }
    });
    job->start();
}

void ExistingMemberCheck::runListings(QList<Listing> listings)
{
    m_queue += listings;
    pump();
}

void ExistingMemberCheck::pump()
{
    while (!m_canceled && m_listingsRunning < m_maxParallel && !m_queue.isEmpty()) {
        ++m_listingsRunning;
        follow(m_queue.takeFirst(), {});
    }
    if (m_listingsRunning == 0 && (m_queue.isEmpty() || m_canceled))
        finish();
}

void ExistingMemberCheck::follow(const Listing &listing, const QString &token)
{
    auto *job = api::MembersApi(m_client).list(m_orgId, listing.filter, m_pageSize, token, this);
    m_inFlight.append(job);
    ++m_requests;
    connect(job, &api::Job::finished, this, [this, job, listing] {
        m_inFlight.removeAll(job);
        if (job->error()) {
            const bool canceled = job->error().kind() == api::ApiError::Kind::Canceled || m_canceled;
            if (!canceled)
                m_failed += int(listing.rows.size());
            settle(listing.rows, false);
            --m_listingsRunning;
            pump();
            return;
        }
        match(job->result().items);
        const QString next = job->result().nextPageToken;
        if (!next.isEmpty() && !m_canceled) {
            follow(listing, next);
            return;
        }
        settle(listing.rows, !m_canceled || next.isEmpty());
        --m_listingsRunning;
        pump();
    });
    job->start();
}

void ExistingMemberCheck::match(const QList<api::Member> &members)
{
    if (!m_rows)
        return;
    for (const api::Member &m : members) {
        if (!blocksInvite(m.status))
            continue;
        const auto it = m_byEmail.constFind(normalized(m.user.email));
        if (it == m_byEmail.cend())
            continue;
        for (int row : *it)
            m_rows->markExisting(row, m.id);
    }
}

void ExistingMemberCheck::settle(const QList<int> &rows, bool checked)
{
    if (checked)
        m_lookedUp += int(rows.size());
    Q_EMIT progress(qMin(m_total, m_lookedUp + m_failed), m_total);
}

void ExistingMemberCheck::finish()
{
    if (!m_running)
        return;
    m_running = false;
    Q_EMIT finished();
}

} // namespace models
