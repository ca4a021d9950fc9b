#include "models/audit/auditarchiveworker.h"

#include "models/audit/auditarchive.h"

#include <QSemaphore>
#include <QThread>

namespace models {

AuditArchiveWorker::AuditArchiveWorker(QObject *parent)
    : QObject(parent), m_thread(new QThread), m_context(new QObject)
{
    qRegisterMetaType<std::shared_ptr<AuditStore>>();
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
                              bool loadHistory)
{
    QMetaObject::invokeMethod(m_context, [this, ticket, organizationId, directory, loadHistory] {
        doOpen(ticket, organizationId, directory, loadHistory);
    });
}

void AuditArchiveWorker::doOpen(quint64 ticket, const QString &organizationId, const QString &directory,
                                bool loadHistory)
{
    m_archive.reset();
    if (organizationId.isEmpty()) {
        Q_EMIT opened(ticket, {}, {});
        return;
    }
    m_archive = std::make_unique<AuditArchive>(organizationId, directory);
    if (!m_archive->open()) {
        const QString error = m_archive->errorString();
        m_archive.reset();
        Q_EMIT opened(ticket, {}, error);
        // Without an archive the page still works from the network.
        if (loadHistory)
            Q_EMIT historyLoaded(ticket, std::make_shared<AuditStore>(), 0);
        return;
    }
    Q_EMIT opened(ticket, m_archive->notice(), {});
    if (!loadHistory)
        return;
    auto store = std::make_shared<AuditStore>();
    if (m_archive->loadInto(*store) < 0) {
        // Readable header, unreadable rows: the file is damaged.
        m_archive->setAside(m_archive->errorString());
        Q_EMIT noticeRaised(m_archive->notice());
        store->clear();
    }
    const qint64 newest = store->rowCount() > 0 ? store->newestTimeMs() : 0;
    Q_EMIT historyLoaded(ticket, store, newest);
}

void AuditArchiveWorker::append(const QList<api::AuditEvent> &events)
{
    QMetaObject::invokeMethod(m_context, [this, events] {
        if (!m_archive)
            return;
        const int added = m_archive->appendPage(events);
        Q_EMIT appended(added, added < 0 ? m_archive->errorString() : QString());
    });
}

void AuditArchiveWorker::append(const api::AuditColumns &page)
{
    QMetaObject::invokeMethod(m_context, [this, page] {
        if (!m_archive)
            return;
        const int added = m_archive->appendPage(page.events());
        Q_EMIT appended(added, added < 0 ? m_archive->errorString() : QString());
    });
}

void AuditArchiveWorker::readFullEntry(const QString &id)
{
    QMetaObject::invokeMethod(m_context, [this, id] {
        Q_EMIT fullEntryRead(id, m_archive ? m_archive->fullEntry(id) : QByteArray());
    });
}

void AuditArchiveWorker::flush()
{
    QMetaObject::invokeMethod(
        m_context, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace models
