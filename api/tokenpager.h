#pragma once
// Page-token lists (organizations, accounts, members; REFERENCE §3.1): one
// typed page job per token, the next token read from the raw body before the
// page is decoded, totals from result_info.total_size. A concrete pager says
// which job fetches a page and declares its own pageReady signal (moc does
// not take templates), which emitPage() forwards to.

#include "api/decoders.h"
#include "api/page.h"
#include "api/pager.h"
#include "api/typedjob.h"

namespace api {

template <typename T> class TokenPager : public Pager
{
public:
    void setPageSize(int pageSize) { m_pageSize = pageSize; } // default 1000 (the maximum)
    int pageSize() const { return m_pageSize; }

protected:
    TokenPager(Client *client, QObject *parent) : Pager(client, parent) {}

    // A new, unstarted job for the page at `token` (empty = first page).
    virtual TypedJob<Page<T>> *createTokenJob(const QString &token, int pageSize) = 0;
    // Emits the concrete pager's pageReady.
    virtual void emitPage(const QList<T> &items) = 0;

    Job *createPageJob(const QString &token) final { return createTokenJob(token, m_pageSize); }

    Scan scanPage(Job *, const QByteArray &body) const final
    {
        const decode::PageScan s = decode::scanPageToken(body);
        return Scan{s.next, s.ok};
    }

    qint64 deliverPage(Job *job, QString *nextToken) final
    {
        // createPageJob made every job of this pager, so the cast holds.
        Page<T> page = static_cast<TypedJob<Page<T>> *>(job)->takeResult();
        if (page.totalSize)
            setTotal(page.totalSize);
        *nextToken = page.nextPageToken;
        noteIssues(page.entriesWithIssues, page.firstIssue);
        const qint64 count = page.items.size();
        emitPage(page.items);
        return count;
    }

private:
    int m_pageSize = 1000;
};

} // namespace api
