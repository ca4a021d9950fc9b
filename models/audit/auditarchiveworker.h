#pragma once
// Runs an organization's AuditArchive on a worker thread: opening (with
// corruption handling and retention), loading the history with its coverage,
// storing pages as they arrive, recording what a finished load covered and
// reading full entries for the details pane. Calls return at once; results
// come back as signals (queued to the caller's thread). Requests are served
// in order, so a full entry asked for after a page was stored finds it, and
// a load's coverage is recorded after its pages.
//
// Pages queue up compressed: append() hands a page to a pool thread that
// encodes and compresses it as the block it will be stored as (the caller's
// thread does no work per entry and never waits), and the writer only
// inserts, several blocks per transaction. The blocks held in memory stay
// under queueLimitBytes(); above it they wait in an owner-only spill file
// until the writer gets to them, so an archive slower than the network still
// ends with every page and memory stays bounded.

#include "api/auditcolumns.h"
#include "models/audit/auditarchiveblock.h"
#include "models/audit/auditarchivecoverage.h"
#include "models/audit/auditstore.h"

#include "api/records.h"

#include <QObject>
#include <QString>
#include <functional>
#include <memory>

class QThread;
class QThreadPool;

namespace models {

class AuditArchive;

// What AuditArchiveWorker::open found: the rows, what they cover, and how
// the archive can be used.
struct AuditArchiveHistory
{
    std::shared_ptr<AuditStore> store;
    qint64 newestMs = 0;
    AuditArchiveCoverage coverage;
    qint64 prunedBeforeMs = 0; // retention removed what came before
    bool writable = false;     // false: read-only or unavailable (the notice says why)
};

class AuditArchiveWorker : public QObject
{
    Q_OBJECT
public:
    // Starts its own thread; the destructor stops it.
    explicit AuditArchiveWorker(QObject *parent = nullptr);
    ~AuditArchiveWorker() override;

    // Opens the archive of organizationId in directory (default when empty),
    // applies retention (entries before retainFromMs, when > 0, and beyond
    // maxBytes, when > 0), then, if asked, loads its rows: opened() then
    // historyLoaded().
    void open(quint64 ticket, const QString &organizationId, const QString &directory, bool loadHistory,
              qint64 retainFromMs = 0, qint64 maxBytes = 0);
    // Stores a page in the open archive (entries already there are skipped).
    void append(const QList<api::AuditEvent> &events);
    // The page is stored as decoded (columns and bytes as received), on the worker.
    void append(const api::AuditColumns &page);
    // Records [fromMs, toMs) as held completely, unless a write failed since
    // the archive was opened; coverageChanged() follows when recorded.
    void addCoverage(qint64 fromMs, qint64 toMs);
    // Deletes the open archive's files and starts an empty one: deleted() follows.
    void deleteArchive();
    // fullEntryRead(id, json); json is empty when the archive does not have it.
    void readFullEntry(const QString &id);
    // Waits until every request so far was served (tests, shutdown).
    void flush();
    // Once every page sent so far is stored, puts their ids into the
    // archive's id index (deferred while pages stream in) and hands the heap their bytes
    // occupied back to the system: glibc keeps freed memory of its thread
    // arenas in the process, so a million entries' pages would stay resident
    // after being written (call when a load ended).
    void releaseFreedMemory();

    // The bound on the compressed blocks the queue holds in memory (default
    // 16 MiB, about 80 k entries); beyond it they go to the spill file.
    void setQueueLimitBytes(qint64 bytes);
    qint64 queueLimitBytes() const;
    // Bytes the queue holds in memory now: pages still being compressed and
    // blocks waiting for the writer (spilled ones not counted).
    qint64 queuedBytes() const;
    // The most the compressed blocks held in memory reached, and the most
    // queuedBytes() reached, since construction.
    qint64 peakCompressedBytes() const;
    qint64 peakQueuedBytes() const;
    // Blocks that went through the spill file since construction.
    qint64 spilledBlocks() const;
    // Tests: hook runs on the writer thread before each transaction (to slow
    // or hold the writer); onPrepare runs on the thread compressing a page.
    void setTestHooks(std::function<void()> beforeWrite, std::function<void()> onPrepare);

Q_SIGNALS:
    // notice: set aside, read-only or unavailable (and why); empty when all is well.
    void opened(quint64 ticket, const QString &notice, const QString &error);
    void historyLoaded(quint64 ticket, const models::AuditArchiveHistory &history);
    void appended(int added, const QString &error);
    void coverageChanged(const models::AuditArchiveCoverage &coverage);
    void deleted(bool ok, const QString &message);
    void fullEntryRead(const QString &id, const QByteArray &json);
    // Something went wrong after the archive opened (set aside, disk full, …).
    void noticeRaised(const QString &notice);

private:
    // Run on the worker thread.
    void doOpen(quint64 ticket, const QString &organizationId, const QString &directory, bool loadHistory,
                qint64 retainFromMs, qint64 maxBytes);
    struct Queue;
    struct Item;
    // Queues a page: make() runs on a pool thread and gives its block.
    void enqueue(qint64 rawBytes, std::function<auditarchiveblock::PreparedBlock()> make);
    // Writes what the queue holds, in order, a batch per transaction.
    void drain(quint64 epoch);
    void nextEpoch();
    void write(const std::vector<const auditarchiveblock::PreparedBlock *> &blocks);

    std::shared_ptr<Queue> m_queue;
    QThreadPool *m_pool;
    QThread *m_thread;
    QObject *m_context; // lives on m_thread; invokeMethod target
    std::unique_ptr<AuditArchive> m_archive;
    QString m_organizationId;
    QString m_directory;
    bool m_writeFailed = false; // since the archive was opened: no coverage is recorded
};

} // namespace models

Q_DECLARE_METATYPE(models::AuditArchiveHistory)
