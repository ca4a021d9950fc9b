#pragma once
// Per-organization archive of audit entries in SQLite (Qt SQL): compact
// columns for loading the table quickly plus the full entry JSON, read back on
// demand for the details pane. Each instance has its own connection, so a
// worker thread can write through its own instance while the GUI reads. An
// unreadable or corrupt file is renamed aside and replaced by an empty one;
// notice() then says so. Not a QObject; use on one thread per instance.

#include "models/audit/auditstore.h"

#include "api/records.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace models {

class AuditArchive
{
public:
    // directory: where the per-organization files live (defaultDirectory()
    // when empty).
    explicit AuditArchive(const QString &organizationId, const QString &directory = QString());
    ~AuditArchive();
    AuditArchive(const AuditArchive &) = delete;
    AuditArchive &operator=(const AuditArchive &) = delete;

    static QString defaultDirectory(); // <AppDataLocation>/audit
    QString filePath() const { return m_path; }

    // Opens (creating if needed). A file that cannot be read as an archive is
    // moved aside first; false only when even a fresh file cannot be created.
    bool open();
    // Opens an existing file for reading only: no schema changes, nothing set
    // aside (for exports that read bodies while the writer keeps writing).
    bool openReadOnly();
    bool isOpen() const;
    void close();
    // Non-empty after a file was set aside: a sentence for the user.
    QString notice() const { return m_notice; }
    QString errorString() const { return m_error; }

    // Stores a page in one transaction; entries whose id is already stored are
    // skipped. Returns how many were new, or -1 on error.
    int appendPage(const QList<api::AuditEvent> &events);
    // Time of the newest stored entry: a refresh asks for entries since then.
    std::optional<qint64> newestTimeMs() const;
    qint64 count() const;
    // The entry as received (JSON), empty when unknown.
    QByteArray fullEntry(const QString &id) const;
    // The same for many ids in one query; unknown ids are left out.
    QHash<QString, QByteArray> fullEntries(const QStringList &ids) const;
    // Appends entries newest first to store, skipping the `offset` newest and
    // taking at most maxRows (all when negative), so history can be loaded in
    // slices (newest first for a quick first paint). Returns how many, or -1.
    qint64 loadInto(AuditStore &store, qint64 maxRows = -1, qint64 offset = 0) const;
    // Renames the file to <file>.corrupt-<UTC timestamp>, opens an empty one
    // and sets notice().
    bool setAside(const QString &reason);

    // The compact row of the entries table (the fields the store keeps) and
    // its reading back, which must survive any bytes a damaged file holds
    // (exposed for tests and fuzz_auditarchive). decodeRow sets the status
    // and the string fields, and returns false on a truncated or unknown row.
    static QByteArray encodeRow(const api::AuditEvent &event);
    static bool decodeRow(const QByteArray &blob, api::AuditEvent &event);

private:
    bool openFile();
    bool initSchema();
    QString setError(const QString &what, const QString &detail) const;

    QString m_organizationId;
    QString m_path;
    QString m_connection;
    QString m_notice;
    mutable QString m_error;
};

} // namespace models
