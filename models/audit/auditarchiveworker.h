#pragma once
// Runs an organization's AuditArchive on a worker thread: opening (with
// corruption handling), loading the history, storing pages as they arrive and
// reading full entries for the details pane. Calls return at once; results
// come back as signals (queued to the caller's thread). Requests are served
// in order, so a full entry asked for after a page was stored finds it.

#include "api/auditcolumns.h"
#include "models/audit/auditstore.h"

#include "api/records.h"

#include <QObject>
#include <QString>
#include <memory>

class QThread;

namespace models {

class AuditArchive;

class AuditArchiveWorker : public QObject
{
    Q_OBJECT
public:
    // Starts its own thread; the destructor stops it.
    explicit AuditArchiveWorker(QObject *parent = nullptr);
    ~AuditArchiveWorker() override;

    // Opens the archive of organizationId in directory (default when empty),
    // then, if asked, loads its rows: opened() then historyLoaded().
    void open(quint64 ticket, const QString &organizationId, const QString &directory, bool loadHistory);
    // Stores a page in the open archive (entries already there are skipped).
    void append(const QList<api::AuditEvent> &events);
    // The page is turned into records on the worker, not on the caller's thread.
    void append(const api::AuditColumns &page);
    // fullEntryRead(id, json); json is empty when the archive does not have it.
    void readFullEntry(const QString &id);
    // Waits until every request so far was served (tests, shutdown).
    void flush();

Q_SIGNALS:
    void opened(quint64 ticket, const QString &notice, const QString &error);
    void historyLoaded(quint64 ticket, std::shared_ptr<AuditStore> store, qint64 newestMs);
    void appended(int added, const QString &error);
    void fullEntryRead(const QString &id, const QByteArray &json);
    // The archive was set aside after it opened (e.g. a read failed).
    void noticeRaised(const QString &notice);

private:
    // Runs on the worker thread.
    void doOpen(quint64 ticket, const QString &organizationId, const QString &directory, bool loadHistory);

    QThread *m_thread;
    QObject *m_context; // lives on m_thread; invokeMethod target
    std::unique_ptr<AuditArchive> m_archive;
};

} // namespace models
