#include "api/pager.h"

#include "api/job.h"
#include "api/logging.h"

#include <QTimer>

namespace api {

namespace {
// Pages requested or decoding ahead of the one being delivered. Two lets one
// page decode on a worker while the next is on the wire; more would hold more
// memory when the consumer is slow.
constexpr qsizetype kMaxPagesInFlight = 2;
} // namespace

Pager::Pager(Client *client, QObject *parent) : QObject(parent), m_client(client) {}

Pager::~Pager()
{
    if (m_client)
        m_client->dropReadAhead(quintptr(this));
    for (const Pending &p : std::as_const(m_queue)) {
        if (p.job) {
            p.job->disconnect(this);
            p.job->abort();
            delete p.job;
        }
    }
}

void Pager::start()
{
    if (m_started)
        return;
    m_started = true;
    const ApiError refused = validate();
    if (refused) {
        QTimer::singleShot(0, this, [this, refused] { finish(refused); });
        return;
    }
    m_resumeToken = m_startToken;
    request(m_startToken);
}

void Pager::abort()
{
    if (m_finished)
        return;
    m_started = true;
    finish(ApiError::canceled());
}

void Pager::fail(const ApiError &error)
{
    finish(error);
}

void Pager::request(const QString &token)
{
    // A token seen before means a cycle (A -> B -> A): it would never end.
    if (!token.isEmpty() && m_tokens.contains(token)) {
        failLoop(QStringLiteral("sent a page token it had already sent"));
        return;
    }
    m_tokens.insert(token);
    m_lastToken = token;
    m_nextRequested = true;
    Job *job = createPageJob(token);
    // A page read twice is the same page: give it the long retry budget.
    if (job->method() == Job::Method::Get && m_client)
        job->setMaxRetries(m_client->maxPageRetries());
    if (m_path.isEmpty())
        m_path = job->path();
    job->setAutoDelete(false); // kept until its page is delivered in order
    connect(job, &Job::bodyReceived, this, &Pager::onBodyReceived);
    connect(job, &Job::finished, this, &Pager::onJobFinished);
    m_queue.append(Pending{job, token, false});
    job->start();
}

void Pager::onBodyReceived(Job *job)
{
    if (m_finished || m_queue.isEmpty() || m_queue.last().job != job)
        return;
    // Fetch the next page while this one is decoded.
    const Scan scan = scanPage(job, job->m_lastBody);
    if (!scan.ok)
        return; // the full decoder reports the problem
    m_nextRequested = false;
    if (scan.next.isEmpty()) {
        m_noMorePages = true;
        return;
    }
    if (m_tokens.contains(scan.next)) {
        failLoop(QStringLiteral("sent a page token it had already sent"));
        return;
    }
    // A slow consumer must not make pages pile up.
    if (m_queue.size() > kMaxPagesInFlight) {
        m_deferredNext = scan.next;
        return;
    }
    request(scan.next);
}

void Pager::onJobFinished(Job *job)
{
    if (m_finished)
        return;
    for (Pending &p : m_queue)
        if (p.job == job)
            p.done = true;
    deliverReady();
}

void Pager::deliverReady()
{
    if (m_delivering)
        return;
    m_delivering = true;
    while (!m_finished && !m_queue.isEmpty() && m_queue.first().done) {
        const Pending head = m_queue.takeFirst();
        Job *job = head.job;
        if (!job)
            continue;
        if (job->error()) {
            const ApiError error = job->error();
            job->deleteLater();
            m_delivering = false;
            finish(error);
            return;
        }
        QString decodedNext;
        const qint64 count = deliverPage(job, &decodedNext);
        job->deleteLater();
        m_resumeToken = decodedNext;
        m_items += count;
        ++m_pages;
        Q_EMIT progress(m_items, m_pages);
        if (m_finished)
            break; // aborted from a pageReady/progress handler
        // Empty pages that keep pointing further: endless fresh tokens.
        m_emptyRun = count == 0 && !decodedNext.isEmpty() && emptyPagesEndless() ? m_emptyRun + 1 : 0;
        if (m_emptyRun >= MaxEmptyPagesInARow) {
            m_delivering = false;
            failLoop(
                QStringLiteral("sent %1 empty pages in a row, each pointing to another").arg(m_emptyRun));
            return;
        }
        if (!followDecoded(head.token, decodedNext)) {
            m_delivering = false;
            return;
        }
        if (!m_deferredNext.isEmpty() && m_queue.size() <= kMaxPagesInFlight)
            request(std::exchange(m_deferredNext, QString()));
    }
    m_delivering = false;
    if (!m_finished && m_queue.isEmpty() && m_noMorePages)
        finish({});
}

// The read-ahead went where the quick scan pointed; the decoded page has the
// last word. When they disagree (an unreadable body, an empty page that still
// carries a cursor, a scan that found the wrong result_info) whatever the scan
// fetched is dropped and the decoded token is followed. False when it failed.
bool Pager::followDecoded(const QString &pageToken, const QString &decodedNext)
{
    std::optional<QString> scanned;
    if (!m_queue.isEmpty())
        scanned = m_queue.first().token;
    else if (!m_deferredNext.isEmpty())
        scanned = m_deferredNext;
    else if (m_noMorePages)
        scanned = QString();
    if (scanned && *scanned == decodedNext)
        return true;

    dropQueued();
    m_deferredNext.clear();
    m_nextRequested = false;
    m_noMorePages = decodedNext.isEmpty();
    if (m_noMorePages)
        return true;
    if (decodedNext == pageToken) {
        failLoop(QStringLiteral("sent a page token it had already sent"));
        return false;
    }
    request(decodedNext);
    return !m_finished;
}

void Pager::dropQueued()
{
    const QList<Pending> pending = std::exchange(m_queue, {});
    for (const Pending &p : pending) {
        // Read ahead on the quick scan's word, never delivered: the decoded
        // token may ask for it again without that being a cycle.
        m_tokens.remove(p.token);
        if (p.job) {
            p.job->disconnect(this);
            p.job->abort();
            p.job->deleteLater();
        }
    }
}

QString Pager::endpoint() const
{
    return m_path.isEmpty() ? QStringLiteral("the listing") : m_path;
}

void Pager::failLoop(const QString &what)
{
    fail(ApiError::decode(
        QStringLiteral(
            "The server's listing at %1 %2 after %3 pages; stopped, because following it would never end. "
            "The rows received so far are kept.")
            .arg(endpoint(), what)
            .arg(m_pages)));
}

void Pager::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    dropQueued();
    // A page read ahead and not asked for (the last page, a cancel, an error).
    if (m_client)
        m_client->dropReadAhead(quintptr(this));
    if (error && !wasCanceled())
        qCInfo(lcApi).noquote() << "listing stopped after" << m_pages << "pages:" << error.toLogString();
    Q_EMIT finished(this);
}

} // namespace api
