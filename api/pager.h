#pragma once
// Streams a whole list page by page. The next page is requested as soon as
// its token/cursor is known (a quick scan of the raw body), while the current
// page is still being decoded; pages are delivered strictly in order. A pager
// whose jobs read ahead (Job::setReadAhead, the audit log's) has that request
// sent from the network thread already; its own request takes the answer.
// abort() stops fetching and keeps what was already delivered.

#include "api/apierror.h"
#include "api/client.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <optional>

namespace api {

class Job;

class Pager : public QObject
{
    Q_OBJECT
public:
    ~Pager() override;

    void start();
    void abort();

    // Continue an interrupted listing: the first request asks for this page
    // token (a resumeToken() of an earlier run with the same filters).
    void setStartToken(const QString &token) { m_startToken = token; }
    // Where this listing would continue: the token of the page after the last
    // one delivered (the start token before any), empty at the very start and
    // after the last page. Read it in a progress() or finished() handler.
    QString resumeToken() const { return m_resumeToken; }

    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    bool wasCanceled() const { return m_error.kind() == ApiError::Kind::Canceled; }
    const ApiError &error() const { return m_error; }

    qint64 itemCount() const { return m_items; } // delivered so far
    int pageCount() const { return m_pages; }
    std::optional<qint64> totalSize() const { return m_total; } // when the API says
    // Entries read leniently so far (a field of an unexpected type or a null
    // group read as absent, or left out for want of an id), and the first problem.
    qint64 entriesWithIssues() const { return m_issues; }
    QString firstIssue() const { return m_firstIssue; }

    // Consecutive empty pages that each name another page before the listing
    // is taken as a server that would page forever.
    static constexpr int MaxEmptyPagesInARow = 25;

Q_SIGNALS:
    void progress(qint64 items, int pages);
    // Exactly once, after the last pageReady (or the error / abort).
    void finished(api::Pager *pager);

protected:
    Pager(Client *client, QObject *parent);

    struct Scan
    {
        QString next;   // next page token / cursor; empty = this is the last page
        bool ok = true; // false: unreadable body, leave it to the full decoder
    };
    // Refuse to start (e.g. invalid range); the default accepts.
    virtual ApiError validate() const { return {}; }
    // A new, unstarted job for the page at `token` (empty = first page).
    virtual Job *createPageJob(const QString &token) = 0;
    // Quick look at the raw body to find the next token before full decoding.
    virtual Scan scanPage(Job *job, const QByteArray &body) const = 0;
    // The job finished successfully: emit the typed page, set the decoded
    // next token (empty = last page) and return the page's item count.
    virtual qint64 deliverPage(Job *job, QString *nextToken) = 0;

    // False for listings whose empty pages are normal (usage windows with no
    // records): they are never taken for a server paging forever.
    virtual bool emptyPagesEndless() const { return true; }

    void setTotal(std::optional<qint64> total) { m_total = total; }
    void noteIssues(qint64 entries, const QString &first)
    {
        if (entries > 0 && m_issues == 0)
            m_firstIssue = first;
        m_issues += entries;
    }
    Client *client() const { return m_client; }
    void fail(const ApiError &error);

private:
    void request(const QString &token);
    void onBodyReceived(Job *job);
    void onJobFinished(Job *job);
    void deliverReady();
    bool followDecoded(const QString &pageToken, const QString &decodedNext);
    void dropQueued();
    void finish(const ApiError &error);
    // Ends the listing when the server would have it page forever.
    void failLoop(const QString &what);
    QString endpoint() const;

    QPointer<Client> m_client;
    struct Pending
    {
        QPointer<Job> job;
        QString token; // the token this page was requested with
        bool done = false;
    };
    QList<Pending> m_queue; // in page order
    QString m_lastToken;
    QString m_startToken;
    QString m_resumeToken;
    QString m_path;         // the endpoint, for messages
    QSet<QString> m_tokens; // every token requested in this run
    int m_emptyRun = 0;     // consecutive empty pages that still point further
    QString m_deferredNext; // known next token, held back while pages await delivery
    bool m_nextRequested = false;
    bool m_started = false;
    bool m_finished = false;
    bool m_noMorePages = false;
    bool m_delivering = false;
    ApiError m_error;
    qint64 m_items = 0;
    int m_pages = 0;
    std::optional<qint64> m_total;
    qint64 m_issues = 0;
    QString m_firstIssue;
};

} // namespace api
