#pragma once
// Marks the ready rows of an invite preview whose address already holds an
// active or pending membership: first against the members already loaded,
// then, when that table is not the whole organization (a filter, a partial
// load), against the server with list pages rather than one call per
// address. The server is asked the cheapest of three ways, each a members
// listing of active and pending memberships (1,000 per page):
//   - one listing per address (`user.email`), for a handful of addresses;
//   - one listing per e-mail domain (`user.email.endsWith=@domain`), when the
//     list has fewer domains than addresses;
//   - the organization's whole member list, when its first page
//     (`total_size`) shows that to be fewer pages than the above.
// So 5,000 addresses cost a few dozen requests, not 5,000.

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include "api/listfilters.h"

namespace api {
class Client;
class Job;
struct Member;
} // namespace api

namespace models {

class MemberBatchModel;
class MembersModel;

class ExistingMemberCheck : public QObject
{
    Q_OBJECT
public:
    ExistingMemberCheck(api::Client *client, const QString &organizationId, MemberBatchModel *rows,
                        QObject *parent = nullptr);
    ~ExistingMemberCheck() override;

    // The loaded table; `complete` means it holds every member of the organization.
    void setLoadedMembers(const MembersModel *members, bool complete);
    // Listings in flight at once (default 4).
    void setMaxParallel(int n) { m_maxParallel = qMax(1, n); }
    // Members per page (default 1,000, the API's maximum).
    void setPageSize(int n) { m_pageSize = qBound(1, n, 1000); }

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    // Addresses the server could not be asked about / was asked about.
    int lookupsFailed() const { return m_failed; }
    int lookupsDone() const { return m_lookedUp; }
    // Requests the last start() sent (every page counts).
    int requestsSent() const { return m_requests; }

    // A membership with this status blocks a new invitation.
    static bool blocksInvite(const QString &status);

Q_SIGNALS:
    // In addresses.
    void progress(int done, int total);
    void finished();

private:
    // One members listing, followed page by page, answering for `rows`.
    struct Listing
    {
        api::MemberFilter filter;
        QList<int> rows;
    };
    void probe(QList<Listing> lookups);
    void runListings(QList<Listing> listings);
    void pump();
    // Sends the page at `token` of a running listing and the ones after it.
    void follow(const Listing &listing, const QString &token);
    void match(const QList<api::Member> &members);
    void settle(const QList<int> &rows, bool checked);
    void finish();

    QPointer<api::Client> m_client;
    QString m_orgId;
    QPointer<MemberBatchModel> m_rows;
    QPointer<const MembersModel> m_loaded;
    bool m_complete = false;
    int m_maxParallel = 4;
    int m_pageSize = 1000;

    QHash<QString, QList<int>> m_byEmail; // case-folded address → rows still unknown
    QList<Listing> m_queue;
    QList<QPointer<api::Job>> m_inFlight;
    int m_listingsRunning = 0;
    int m_total = 0;
    int m_lookedUp = 0;
    int m_failed = 0;
    int m_requests = 0;
    bool m_running = false;
    bool m_canceled = false;
};

} // namespace models
