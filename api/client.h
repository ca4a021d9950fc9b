#pragma once
// api::Client — the console's only way to reach Cloudflare.
//
// Quick start for page code (see also api/README.md):
//
//   api::Client *client = ...;                    // injected, one per connection
//   api::OrganizationsApi orgs(client);
//   auto *job = orgs.get(orgId, this);            // a TypedJob<api::Organization>
//   connect(job, &api::Job::finished, this, [this, job] {
//       if (job->error())                         // api::ApiError
//           m_banner->show(job->error().userMessage());
//       else
//           m_form->load(job->result());          // typed record, never JSON
//   });
//   job->start();                                 // jobs delete themselves after finished()
//
//   Lists come page by page through pagers (api/pager.h):
//   auto *pager = new api::OrganizationsPager(client, filter, this);
//   connect(pager, &api::OrganizationsPager::pageReady, model, &Model::append);
//   connect(pager, &api::Pager::finished, this, [pager] { ... pager->error() ... });
//   pager->start();   pager->abort() keeps what was delivered.
//
// Every job has a timeout, retries idempotent calls with backoff, paces itself
// under the account-wide rate limit and ends with finished() exactly once.
// Failures of any job are also reported through requestFailed() so the UI can
// keep an activity log.

#include "api/apierror.h"
#include "api/query.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <algorithm>

class QNetworkAccessManager;
class QNetworkRequest;
class QThread;

namespace api {

class RateBudget;
namespace detail {
class ReadAhead;
} // namespace detail

// Exactly one scheme is sent per request: the token when set, else email + key.
struct Credentials
{
    QString apiToken;
    QString email;
    QString apiKey;

    bool usesToken() const { return !apiToken.isEmpty(); }
    bool usesGlobalKey() const { return apiToken.isEmpty() && !email.isEmpty() && !apiKey.isEmpty(); }
    bool isValid() const { return usesToken() || usesGlobalKey(); }
    // CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL + CLOUDFLARE_API_KEY.
    static Credentials fromEnvironment();
    friend bool operator==(const Credentials &, const Credentials &) = default;
};

class Client : public QObject
{
    Q_OBJECT
public:
    static QUrl defaultBaseUrl(); // https://api.cloudflare.com/client/v4
    // Base URL from CLOUDFLARE_BASE_URL, else the default.
    static QUrl baseUrlFromEnvironment();

    // Makes its own network manager on a network thread of its own: requests
    // are sent and answers read there, never on the caller's (GUI) thread;
    // each job hears from it once per attempt.
    explicit Client(QObject *parent = nullptr);
    // Uses the given manager (not owned) on the thread it lives in — for tests
    // with a fake manager.
    explicit Client(QNetworkAccessManager *manager, QObject *parent = nullptr);
    // Stops the network thread: jobs in flight end as canceled.
    ~Client() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setCredentials(const Credentials &credentials);
    Credentials credentials() const { return m_credentials; }

    // Abort an attempt when no byte moved for this long (default 30 s).
    void setTransferTimeout(int ms) { m_transferTimeoutMs = ms; }
    int transferTimeout() const { return m_transferTimeoutMs; }
    // Abort an attempt that takes longer than this overall (default 120 s).
    void setRequestDeadline(int ms) { m_deadlineMs = ms; }
    int requestDeadline() const { return m_deadlineMs; }
    // Automatic retries per job (default 2 → at most 3 attempts).
    // Sets the page retries too (a caller that wants no retries gets none);
    // setMaxPageRetries() afterwards gives pages their own budget.
    void setMaxRetries(int retries)
    {
        m_maxRetries = retries;
        m_maxPageRetries = std::max(0, retries);
    }
    int maxRetries() const { return m_maxRetries; }
    // Automatic retries of each page of a paged read (GET), default 7 → at
    // most 8 attempts: a long listing has to survive a flaky network, and
    // reading a page again cannot change anything.
    void setMaxPageRetries(int retries) { m_maxPageRetries = std::max(0, retries); }
    int maxPageRetries() const { return m_maxPageRetries; }
    // First backoff step (default 500 ms, doubling, capped at 8 s, 0–25 % jitter).
    void setRetryBaseDelay(int ms) { m_retryBaseDelayMs = ms; }
    int retryBaseDelay() const { return m_retryBaseDelayMs; }
    // Longest server-requested wait we honour automatically (default 5 min).
    void setMaxServerRetryDelay(int ms) { m_maxServerRetryDelayMs = ms; }
    int maxServerRetryDelay() const { return m_maxServerRetryDelayMs; }

    RateBudget *rateBudget() const { return m_budget; }
    // Lives in networkThread(): connect to it with a context object of that
    // thread (or Qt::DirectConnection), and touch its replies only there.
    QNetworkAccessManager *networkAccessManager() const { return m_manager; }
    // The thread the replies are read in: the client's own network thread,
    // or the given manager's thread.
    QThread *networkThread() const;

    QByteArray userAgent() const; // Orgscope/<version> Qt/<version>

    // Jobs started and not yet finished.
    int requestsInFlight() const { return m_inFlight; }

    // The single place where transport security is decided: https everywhere,
    // plain http only for loopback hosts (the simulator).
    bool isUrlAllowed(const QUrl &url, QString *why = nullptr) const;

    // Base URL + path + encoded query.
    QUrl endpointUrl(const QString &path, const Query &query = {}) const;

    // A request with every cross-cutting header (auth, UA, request id, accept,
    // timeouts, HTTP/2, redirect policy). Used by Job.
    QNetworkRequest buildRequest(const QUrl &url, const QByteArray &requestId, bool hasJsonBody,
                                 bool acceptAnything) const;

    static QByteArray newRequestId();

    // Pages whose request went out on the network thread as soon as the page
    // before them named them (a pager's read-ahead) and were then used.
    qint64 pagesReadAhead() const;
    // Lets go of what a pager (its address as the group) read ahead and did not use.
    void dropReadAhead(quintptr group);

Q_SIGNALS:
    void requestsInFlightChanged(int count);
    // A job failed (not emitted for canceled jobs): feed the activity log.
    void requestFailed(const api::ApiError &error);
    void baseUrlChanged(const QUrl &url);
    void credentialsChanged();
    // The client is being destroyed and stops its network thread: jobs let
    // go of their attempts there first (api::Job connects to it).
    void networkStopping(QPrivateSignal);

private:
    friend class Job;
    detail::ReadAhead *readAhead() const { return m_readAhead; }
    void dropAllReadAhead();
    void jobStarted();
    void jobEnded(const ApiError &error);

    QNetworkAccessManager *m_manager = nullptr;
    QThread *m_networkThread = nullptr;       // owned, when the client made its manager
    QObject *m_networkHome = nullptr;         // in m_networkThread: parent of m_manager
    detail::ReadAhead *m_readAhead = nullptr; // in the manager's thread
    RateBudget *m_budget = nullptr;
    QUrl m_baseUrl;
    Credentials m_credentials;
    int m_transferTimeoutMs = 30000;
    int m_deadlineMs = 120000;
    int m_maxRetries = 2;
    int m_maxPageRetries = 7;
    int m_retryBaseDelayMs = 500;
    int m_maxServerRetryDelayMs = 300000;
    int m_inFlight = 0;
};

} // namespace api
