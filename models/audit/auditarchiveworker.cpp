#include "models/audit/auditarchiveworker.h"

#include "models/audit/auditarchive.h"
#include "models/audit/auditarchiveblock.h"

#include <QDir>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <QSemaphore>
#include <QThread>

namespace models {

AuditArchiveWorker::AuditArchiveWorker(QObject *parent)
    : QObject(parent), m_thread(new QThread), m_context(new QObject)
{
    qRegisterMetaType<std::shared_ptr<AuditStore>>();
    qRegisterMetaType<models::AuditArchiveHistory>();
    qRegisterMetaType<models::AuditArchiveCoverage>();
    m_thread->setObjectName(QStringLiteral("auditArchive"));
    m_context->moveToThread(m_thread);
    m_thread->start(QThread::LowPriority);
}

AuditArchiveWorker::~AuditArchiveWorker()
{
    // The archive's connection belongs to the worker thread: close it there.
    QMetaObject::invokeMethod(
        m_context, [this] { m_archive.reset(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_context;
    delete m_thread;
}

void AuditArchiveWorker::open(quint64 ticket, const QString &organizationId, const QString &directory,
                              bool loadHistory, qint64 retainFromMs, qint64 maxBytes)
{
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
    if (!loadHistory)
        return;
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
        history.coverage = m_archive->coverage();
        history.prunedBeforeMs = m_archive->prunedBeforeMs();
        history.writable = m_archive->mode() == AuditArchive::Mode::ReadWrite;
    }
    history.newestMs = history.store->rowCount() > 0 ? history.store->newestTimeMs() : 0;
    Q_EMIT historyLoaded(ticket, history);
}

void AuditArchiveWorker::doAppend(const api::AuditColumns &page)
{
    if (!m_archive || m_archive->mode() != AuditArchive::Mode::ReadWrite || m_writeFailed)
        return; // read-only or unavailable: said when it opened or failed
    const int added = m_archive->appendPage(page);
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

void AuditArchiveWorker::append(const QList<api::AuditEvent> &events)
{
    QMetaObject::invokeMethod(m_context, [this, events] { doAppend(auditarchiveblock::fromEvents(events)); });
}

void AuditArchiveWorker::append(const api::AuditColumns &page)
{
    // Stored as decoded: its columns and the entries' bytes, no record per entry.
    QMetaObject::invokeMethod(m_context, [this, page] { doAppend(page); });
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
#ifdef __GLIBC__
    QMetaObject::invokeMethod(m_context, [] { malloc_trim(0); });
#endif
}

void AuditArchiveWorker::flush()
{
    QMetaObject::invokeMethod(
        m_context, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace models
