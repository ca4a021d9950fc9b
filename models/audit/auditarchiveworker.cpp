#include "models/audit/auditarchiveworker.h"

#include "models/audit/auditarchive.h"
#include "models/audit/auditarchiveblock.h"
#include "models/backgroundthread.h"

#include <QDir>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <QMutex>
#include <QSemaphore>
#include <QTemporaryFile>
#include <QThread>
#include <QThreadPool>
#include <QWaitCondition>

#include <deque>

namespace models {

namespace {

constexpr qint64 kDefaultQueueLimit = 16 * 1024 * 1024;
// A transaction takes at most this many queued blocks (pages): fewer commits
// when the writer is behind, short ones when it keeps up.
constexpr size_t kBlocksPerTransaction = 32;

// What a page costs while it waits to be compressed (its bytes as received
// and its columns), for the queue's accounting.
qint64 rawBytesOf(const api::AuditColumns &page)
{
    return page.body.size() + page.ids.size() * 64 + page.size() * qint64(sizeof(quint32)) * 16;
}

} // namespace

struct AuditArchiveWorker::Item
{
    bool ready = false;
    quint64 epoch = 0;      // the archive it goes to (see Queue::epoch)
    qint64 memoryBytes = 0; // counted in Queue::bytes while held
    auditarchiveblock::PreparedBlock block;
    qint64 spillOffset = -1; // ≥ 0: the block waits in the spill file
    qint64 spillSize = 0;
};

struct AuditArchiveWorker::Queue
{
    QMutex mutex;
    QWaitCondition readyChanged;
    std::deque<std::shared_ptr<Item>> items; // in the order pages were appended
    // Bumped by every request that changes the open archive, so a drain takes
    // only pages appended before it, never one meant for the next archive.
    quint64 epoch = 0;
    qint64 limit = kDefaultQueueLimit;
    qint64 bytes = 0;      // in memory: pages being compressed and blocks
    qint64 compressed = 0; // of which blocks
    qint64 peakBytes = 0;
    qint64 peakCompressed = 0;
    qint64 spilled = 0;
    std::function<void()> beforeWrite;
    std::function<void()> onPrepare;
    // Taken after mutex when both are needed.
    QMutex spillMutex;
    std::unique_ptr<QTemporaryFile> spill;
    qint64 spillEnd = 0;

    void addBytes(qint64 n, qint64 compressedBytes)
    {
        bytes += n;
        compressed += compressedBytes;
        peakBytes = std::max(peakBytes, bytes);
        peakCompressed = std::max(peakCompressed, compressed);
    }
    // Appends block to the spill file; false when it cannot be written.
    bool spillBlock(Item &item, const auditarchiveblock::PreparedBlock &block)
    {
        QMutexLocker lock(&spillMutex);
        if (!spill) {
            // Owner-only, removed when closed: the entries are personal data.
            spill = std::make_unique<QTemporaryFile>(QDir::tempPath() +
                                                     QStringLiteral("/orgscope-audit-queue-XXXXXX"));
            if (!spill->open()) {
                spill.reset();
                return false;
            }
            spillEnd = 0;
        }
        const QByteArray bytes = block.toBytes();
        if (!spill->seek(spillEnd) || spill->write(bytes) != bytes.size())
            return false;
        item.spillOffset = spillEnd;
        item.spillSize = bytes.size();
        spillEnd += bytes.size();
        return true;
    }
    bool readBack(Item &item)
    {
        QMutexLocker lock(&spillMutex);
        if (!spill || !spill->seek(item.spillOffset))
            return false;
        const QByteArray bytes = spill->read(item.spillSize);
        return bytes.size() == item.spillSize &&
               auditarchiveblock::PreparedBlock::fromBytes(bytes, item.block);
    }
};

AuditArchiveWorker::AuditArchiveWorker(QObject *parent)
    : QObject(parent), m_queue(std::make_shared<Queue>()), m_pool(new QThreadPool(this)),
      m_thread(new QThread), m_context(new QObject)
{
    // Pages are compressed here, in order of arrival but two at a time.
    m_pool->setMaxThreadCount(2);
    m_pool->setObjectName(QStringLiteral("auditArchivePrepare"));
    qRegisterMetaType<std::shared_ptr<AuditStore>>();
    qRegisterMetaType<models::AuditArchiveHistory>();
    qRegisterMetaType<models::AuditArchiveCoverage>();
    m_thread->setObjectName(QStringLiteral("auditArchive"));
    m_context->moveToThread(m_thread);
    m_thread->start();
    // The writer yields to the load the user waits for and catches up behind
    // it (models/backgroundthread.h); what it has not written yet waits
    // compressed, within the queue's limit, the rest in the spill file. The
    // compressing pool keeps normal priority: a page waiting for it holds its
    // whole body, and a backlog of those would have no bound.
    QMetaObject::invokeMethod(m_context, [] { makeCurrentThreadBackground(); });
}

AuditArchiveWorker::~AuditArchiveWorker()
{
    // Pages still queued are written first (the writer's requests run in
    // order); the archive's connection belongs to the worker thread: close it there.
    QMetaObject::invokeMethod(
        m_context, [this] { m_archive.reset(); }, Qt::BlockingQueuedConnection);
    m_pool->waitForDone();
    m_thread->quit();
    m_thread->wait();
    delete m_context;
    delete m_thread;
}

void AuditArchiveWorker::open(quint64 ticket, const QString &organizationId, const QString &directory,
                              bool loadHistory, qint64 retainFromMs, qint64 maxBytes)
{
    nextEpoch();
    QMetaObject::invokeMethod(m_context, [=, this] {
        doOpen(ticket, organizationId, directory, loadHistory, retainFromMs, maxBytes);
    });
}

void AuditArchiveWorker::doOpen(quint64 ticket, const QString &organizationId, const QString &directory,
                                bool loadHistory, qint64 retainFromMs, qint64 maxBytes)
{
    m_archive.reset();
    m_writeFailed = false;
    m_organizationId = organizationId;
    m_directory = directory;
    AuditArchiveHistory history;
    history.store = std::make_shared<AuditStore>();
    if (organizationId.isEmpty()) {
        Q_EMIT opened(ticket, {}, {});
        return;
    }
    m_archive = std::make_unique<AuditArchive>(organizationId, directory);
    if (!m_archive->open()) {
        const QString notice = m_archive->notice();
        const QString error = m_archive->errorString();
        m_archive.reset();
        Q_EMIT opened(ticket, notice, error);
        // Without an archive the page still works from the network.
        if (loadHistory)
            Q_EMIT historyLoaded(ticket, history);
        return;
    }
    QString notice = m_archive->notice();
    const bool writable = m_archive->mode() == AuditArchive::Mode::ReadWrite;
    if (writable && (retainFromMs > 0 || maxBytes > 0) && m_archive->prune(retainFromMs, maxBytes) < 0)
        notice = QStringLiteral("Old entries could not be removed from the local audit archive: %1.")
                     .arg(m_archive->errorString());
    Q_EMIT opened(ticket, notice, {});
    if (!loadHistory) {
        m_archive->settleForWriting();
        return;
    }
    const qint64 loaded = m_archive->loadInto(*history.store);
    if (loaded < 0 || m_archive->damagedRows() > 0) {
        // Real damage sets the file aside; anything else leaves it alone.
        const bool corrupt =
            m_archive->problem() == AuditArchive::Problem::Corrupt || !m_archive->quickCheck();
        if (corrupt) {
            history.store->clear();
            m_archive->setAside(m_archive->errorString());
            Q_EMIT noticeRaised(m_archive->notice());
            if (!m_archive->isOpen())
                m_archive.reset();
        } else if (loaded < 0) {
            history.store->clear();
            Q_EMIT noticeRaised(
                QStringLiteral("The local audit archive could not be read: %1 (%2). The file was "
                               "left untouched; entries are kept in memory only.")
                    .arg(AuditArchive::describe(m_archive->problem()), m_archive->errorString()));
            m_archive.reset();
        }
        // else: a few rows that do not decode in a sound file; the rest is shown.
    }
    if (m_archive) {
        m_archive->settleForWriting();
        history.coverage = m_archive->coverage();
        history.prunedBeforeMs = m_archive->prunedBeforeMs();
        history.writable = m_archive->mode() == AuditArchive::Mode::ReadWrite;
    }
    history.newestMs = history.store->rowCount() > 0 ? history.store->newestTimeMs() : 0;
    Q_EMIT historyLoaded(ticket, history);
}

void AuditArchiveWorker::write(const std::vector<const auditarchiveblock::PreparedBlock *> &blocks)
{
    if (!m_archive || m_archive->mode() != AuditArchive::Mode::ReadWrite || m_writeFailed)
        return; // read-only or unavailable: said when it opened or failed
    const int added = m_archive->appendBlocks(blocks);
    if (added >= 0) {
        Q_EMIT appended(added, {});
        return;
    }
    m_writeFailed = true;
    const QString error = m_archive->errorString();
    Q_EMIT appended(added, error);
    if (m_archive->problem() == AuditArchive::Problem::Corrupt) {
        m_archive->setAside(error);
        Q_EMIT noticeRaised(m_archive->notice());
        if (!m_archive->isOpen())
            m_archive.reset();
        return;
    }
    // Trouble, not damage: stop writing, keep the file for reading.
    Q_EMIT noticeRaised(QStringLiteral("The local audit archive %1 is not available for writing: %2 (%3). "
                                       "The file was left untouched; new entries are kept in memory only.")
                            .arg(QDir::toNativeSeparators(m_archive->filePath()),
                                 AuditArchive::describe(m_archive->problem()), error));
}

void AuditArchiveWorker::enqueue(qint64 rawBytes, std::function<auditarchiveblock::PreparedBlock()> make)
{
    auto item = std::make_shared<Item>();
    quint64 epoch = 0;
    {
        QMutexLocker lock(&m_queue->mutex);
        epoch = item->epoch = m_queue->epoch;
        item->memoryBytes = rawBytes;
        m_queue->addBytes(rawBytes, 0);
        m_queue->items.push_back(item);
    }
    m_pool->start([queue = m_queue, item, make = std::move(make)]() mutable {
        if (queue->onPrepare)
            queue->onPrepare();
        auditarchiveblock::PreparedBlock block = make();
        make = nullptr; // the page goes now, not when the task is deleted
        const qint64 size = block.bytes();
        bool inMemory = true;
        {
            QMutexLocker lock(&queue->mutex);
            queue->addBytes(-item->memoryBytes, 0);
            item->memoryBytes = 0;
            inMemory = queue->compressed + size <= queue->limit;
            if (inMemory) {
                item->memoryBytes = size;
                queue->addBytes(size, size);
            }
        }
        if (!inMemory) {
            if (queue->spillBlock(*item, block)) {
                QMutexLocker lock(&queue->mutex);
                ++queue->spilled;
            } else {
                // No room on disk either: held in memory rather than lost.
                QMutexLocker lock(&queue->mutex);
                item->memoryBytes = size;
                queue->addBytes(size, size);
                inMemory = true;
            }
        }
        QMutexLocker lock(&queue->mutex);
        if (inMemory)
            item->block = std::move(block);
        item->ready = true;
        queue->readyChanged.wakeAll();
    });
    // One drain per page keeps requests in order: whatever is asked after
    // this page is served after it was written.
    QMetaObject::invokeMethod(m_context, [this, epoch] { drain(epoch); });
}

void AuditArchiveWorker::nextEpoch()
{
    QMutexLocker lock(&m_queue->mutex);
    ++m_queue->epoch;
}

void AuditArchiveWorker::drain(quint64 epoch)
{
    Queue &queue = *m_queue;
    for (;;) {
        std::vector<std::shared_ptr<Item>> batch;
        if (queue.beforeWrite) {
            bool idle = false;
            {
                QMutexLocker lock(&queue.mutex);
                idle = queue.items.empty() || queue.items.front()->epoch > epoch;
            }
            if (!idle)
                queue.beforeWrite();
        }
        {
            QMutexLocker lock(&queue.mutex);
            if (queue.items.empty() || queue.items.front()->epoch > epoch)
                return;
            while (!queue.items.front()->ready)
                queue.readyChanged.wait(&queue.mutex);
            while (!queue.items.empty() && queue.items.front()->ready &&
                   queue.items.front()->epoch <= epoch && batch.size() < kBlocksPerTransaction) {
                batch.push_back(queue.items.front());
                queue.items.pop_front();
            }
        }
        std::vector<const auditarchiveblock::PreparedBlock *> blocks;
        blocks.reserve(batch.size());
        bool lost = false;
        for (const std::shared_ptr<Item> &item : batch) {
            if (item->spillOffset >= 0 && !queue.readBack(*item)) {
                lost = true;
                continue;
            }
            blocks.push_back(&item->block);
        }
        if (lost)
            Q_EMIT noticeRaised(
                QStringLiteral("Entries waiting for the local audit archive could not be read "
                               "back from their temporary file; they are kept in memory only."));
        write(blocks);
        QMutexLocker lock(&queue.mutex);
        for (const std::shared_ptr<Item> &item : batch)
            queue.addBytes(-item->memoryBytes, item->spillOffset >= 0 ? 0 : -item->memoryBytes);
        if (queue.items.empty()) {
            // Nothing is being compressed or waits: the spill file starts over.
            QMutexLocker spillLock(&queue.spillMutex);
            queue.spill.reset();
            queue.spillEnd = 0;
        }
    }
}

void AuditArchiveWorker::append(const QList<api::AuditEvent> &events)
{
    enqueue(qint64(events.size()) * 2048,
            [events] { return auditarchiveblock::prepare(auditarchiveblock::fromEvents(events)); });
}

void AuditArchiveWorker::append(const api::AuditColumns &page)
{
    // Stored as decoded: its columns and the entries' bytes, no record per entry.
    enqueue(rawBytesOf(page), [page] { return auditarchiveblock::prepare(page); });
}

void AuditArchiveWorker::setQueueLimitBytes(qint64 bytes)
{
    QMutexLocker lock(&m_queue->mutex);
    m_queue->limit = bytes;
}

qint64 AuditArchiveWorker::queueLimitBytes() const
{
    QMutexLocker lock(&m_queue->mutex);
    return m_queue->limit;
}

qint64 AuditArchiveWorker::queuedBytes() const
{
    QMutexLocker lock(&m_queue->mutex);
    return m_queue->bytes;
}

qint64 AuditArchiveWorker::peakCompressedBytes() const
{
    QMutexLocker lock(&m_queue->mutex);
    return m_queue->peakCompressed;
}

qint64 AuditArchiveWorker::peakQueuedBytes() const
{
    QMutexLocker lock(&m_queue->mutex);
    return m_queue->peakBytes;
}

qint64 AuditArchiveWorker::spilledBlocks() const
{
    QMutexLocker lock(&m_queue->mutex);
    return m_queue->spilled;
}

void AuditArchiveWorker::setTestHooks(std::function<void()> beforeWrite, std::function<void()> onPrepare)
{
    QMutexLocker lock(&m_queue->mutex);
    m_queue->beforeWrite = std::move(beforeWrite);
    m_queue->onPrepare = std::move(onPrepare);
}

void AuditArchiveWorker::addCoverage(qint64 fromMs, qint64 toMs)
{
    QMetaObject::invokeMethod(m_context, [this, fromMs, toMs] {
        if (!m_archive || m_archive->mode() != AuditArchive::Mode::ReadWrite || m_writeFailed)
            return;
        if (m_archive->addCoverage(fromMs, toMs))
            Q_EMIT coverageChanged(m_archive->coverage());
    });
}

void AuditArchiveWorker::deleteArchive()
{
    nextEpoch();
    QMetaObject::invokeMethod(m_context, [this] {
        if (!m_archive) {
            Q_EMIT deleted(false, QStringLiteral("No local audit archive is open."));
            return;
        }
        const QString path = QDir::toNativeSeparators(m_archive->filePath());
        if (!m_archive->removeFiles()) {
            const QString why = m_archive->mode() == AuditArchive::Mode::ReadOnly
                                    ? QStringLiteral("it is in use by another Orgscope window")
                                    : m_archive->errorString();
            Q_EMIT deleted(false,
                           QStringLiteral("The local audit archive %1 was not deleted: %2.").arg(path, why));
            return;
        }
        m_writeFailed = false;
        m_archive = std::make_unique<AuditArchive>(m_organizationId, m_directory);
        if (!m_archive->open())
            m_archive.reset();
        Q_EMIT deleted(true, QStringLiteral("The local audit archive %1 was deleted.").arg(path));
        Q_EMIT coverageChanged({});
    });
}

void AuditArchiveWorker::readFullEntry(const QString &id)
{
    QMetaObject::invokeMethod(m_context, [this, id] {
        Q_EMIT fullEntryRead(id, m_archive ? m_archive->fullEntry(id) : QByteArray());
    });
}

void AuditArchiveWorker::releaseFreedMemory()
{
    QMetaObject::invokeMethod(m_context, [this] {
        // A load ended: the ids of its pages go into the index now, in one
        // sorted pass (see AuditArchive::indexPending).
        if (m_archive && m_archive->mode() == AuditArchive::Mode::ReadWrite && !m_writeFailed &&
            !m_archive->indexPending())
            Q_EMIT noticeRaised(
                QStringLiteral("The local audit archive's index could not be updated: %1 (%2). "
                               "It is updated when the archive opens next.")
                    .arg(AuditArchive::describe(m_archive->problem()), m_archive->errorString()));
#ifdef __GLIBC__
        malloc_trim(0);
#endif
    });
}

void AuditArchiveWorker::flush()
{
    QMetaObject::invokeMethod(
        m_context, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace models
