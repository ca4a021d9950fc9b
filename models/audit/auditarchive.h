#pragma once
// Per-organization archive of audit entries in SQLite (Qt SQL). Entries are
// stored a page at a time as blocks (auditarchiveblock.h): the table's
// columns in one compressed blob, read straight into an AuditStore, and the
// entries as received in another, read back on demand for the details pane
// and exports; an id index finds an entry's block (filled many pages at
// once, see indexPending(); the writer de-duplicates from memory). Beside
// them, the time ranges it holds completely (coverage()). An archive of an
// older layout (one row per entry, schema 1 and 2) is converted when opened
// for writing, in one transaction, and read as it is when opened read-only. Each instance has its own
// connection, so a worker thread can write through its own instance while the GUI reads. Not a QObject; use
// on one thread per instance.
//
// Failures are told apart: only real corruption (SQLITE_CORRUPT,
// SQLITE_NOTADB, a failed quick_check) sets the file aside (renamed, never
// deleted). A busy, locked, read-only or full disk, an I/O error or an
// archive written by a newer Orgscope leaves the file untouched and the
// archive unavailable; notice() says why. A lock file beside the archive
// keeps a second instance to reading only. The file is owner-only (0600).

#include "models/audit/auditarchiveblock.h"
#include "models/audit/auditarchivecoverage.h"
#include "models/audit/auditstore.h"

#include "api/records.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

class QLockFile;
class QSqlError;
class QSqlQuery;

namespace models {

class AuditArchive
{
public:
    enum class Mode { Closed, ReadWrite, ReadOnly };
    // Why the last operation failed; only Corrupt sets a file aside.
    enum class Problem {
        None,
        Corrupt,
        Busy,
        Locked,
        ReadOnly,
        DiskFull,
        Io,
        CannotOpen,
        NewerSchema,
        Other
    };

    // directory: where the per-organization files live (defaultDirectory()
    // when empty).
    explicit AuditArchive(const QString &organizationId, const QString &directory = QString());
    ~AuditArchive();
    AuditArchive(const AuditArchive &) = delete;
    AuditArchive &operator=(const AuditArchive &) = delete;

    static QString defaultDirectory(); // <AppDataLocation>/audit
    QString filePath() const { return m_path; }
    static constexpr int schemaVersion() { return 4; }

    // Opens (creating if needed) for writing; when another instance holds the
    // archive, for reading only (mode() says which, notice() says so). A
    // corrupt file is moved aside first and a fresh one started. False when
    // the archive is unavailable: problem() and notice() say why.
    bool open();
    // Opens an existing file for reading only: no lock, no schema changes,
    // nothing set aside (for exports that read bodies while the writer keeps
    // writing).
    bool openReadOnly();
    bool isOpen() const;
    Mode mode() const { return m_mode; }
    void close();
    // A sentence for the user after a file was set aside, opened read-only
    // or found unavailable; empty when all went well.
    QString notice() const { return m_notice; }
    QString errorString() const { return m_error; }
    Problem problem() const { return m_problem; }
    // "the disk is full", "it is locked by another program", … (for notices).
    static QString describe(Problem problem);

    // Stores a page in one transaction; entries whose id is already stored are
    // skipped. Returns how many were new, or -1 on error (problem() says why).
    int appendPage(const QList<api::AuditEvent> &events);
    // The same from a decoded page: its columns and the entries' bytes as
    // received are stored as they are, without a record per entry.
    int appendPage(const api::AuditColumns &page);
    // Pages already prepared (auditarchiveblock::prepare, off this thread)
    // in one transaction: the archive worker's queue. Returns how many
    // entries were new, or -1 (this batch not written). The entries'
    // ids go into the id index later, many pages at once (indexPending()).
    int appendBlocks(const std::vector<const auditarchiveblock::PreparedBlock *> &blocks);
    // Puts the ids of the blocks written since the last call into the id
    // index, sorted, in one transaction. Done by itself once enough are
    // waiting, before reading by id, pruning and closing; the archive worker
    // calls it when a load ends. Until then the writer de-duplicates from
    // memory, and a crash leaves blocks that the next open() indexes.
    bool indexPending();
    // Records [fromMs, toMs) as held completely. Call only after every page of
    // an unfiltered load that ran to its end was appended.
    bool addCoverage(qint64 fromMs, qint64 toMs);
    AuditArchiveCoverage coverage() const;
    // Entries before this time were removed by retention (0: none).
    qint64 prunedBeforeMs() const;
    // Time of the newest stored entry.
    std::optional<qint64> newestTimeMs() const;
    qint64 count() const;
    // Bytes in use by the archive's pages (free pages not counted).
    qint64 usedBytes() const;
    // The entry as received (JSON), empty when unknown.
    QByteArray fullEntry(const QString &id) const;
    // The same for many ids in one query; unknown ids are left out.
    QHash<QString, QByteArray> fullEntries(const QStringList &ids) const;
    // Appends entries newest first to store, skipping the `offset` newest and
    // taking at most maxRows (all when negative), so history can be loaded in
    // slices (newest first for a quick first paint). Rows that do not decode
    // are skipped and counted in damagedRows(). Returns how many, or -1.
    qint64 loadInto(AuditStore &store, qint64 maxRows = -1, qint64 offset = 0) const;
    qint64 damagedRows() const { return m_damaged; }
    // The stored pages (blocks) holding entries in [fromMs, toMs), newest
    // first, as decoded columns (entries outside the range included: the
    // caller drops them); a roll-up reuses them instead of fetching. Empty
    // for a file of the older layout. Damaged blocks are skipped and counted.
    QList<api::AuditColumns> pagesOverlapping(qint64 fromMs, qint64 toMs) const;
    // SQLite's quick_check; false (problem() Corrupt) when the file is damaged.
    bool quickCheck();
    // After the history was read: drops the file mapping (its pages would
    // count as the process's memory for as long as the archive is open; the
    // id index alone is tens of megabytes at a million entries) and gives the
    // writer a page cache that holds the index pages a batch of pages touches.
    void settleForWriting();
    // Renames the file (and its journals) to <file>.corrupt-<UTC timestamp>,
    // opens an empty one and sets notice(). Never deletes: when the rename
    // fails the file stays and the archive is unavailable.
    bool setAside(const QString &reason);

    // Retention: removes entries older than olderThanMs (when > 0), then the
    // oldest ones until the pages in use fit maxBytes (when > 0); coverage is
    // cut accordingly. Returns how many entries went, or -1.
    qint64 prune(qint64 olderThanMs, qint64 maxBytes);
    // Closes and deletes the file, its journals and its lock (the "Delete
    // local archive" action). Refused while another instance holds it.
    bool removeFiles();
    // Caps the file at this many pages (SQLite max_page_count): writes beyond
    // fail as on a full disk. Tests use it to simulate one.
    bool setPageLimit(qint64 pages);

    // The compact row of the schema 1 and 2 entries table (the fields the
    // store keeps) and its reading back, which must survive any bytes a
    // damaged file holds (exposed for tests, migration and fuzz_auditarchive). decodeRow sets the status
    // and the string fields, and returns false on a truncated or unknown row.
    static QByteArray encodeRow(const api::AuditEvent &event);
    static bool decodeRow(const QByteArray &blob, api::AuditEvent &event);
    // SQLite's result code (Qt's nativeErrorCode) as a Problem.
    static Problem classify(const QSqlError &error);
    // Tests: ids go in through Qt SQL even where SQLite's C API could be used
    // (the path taken when the driver runs another SQLite).
    static void setQtSqlOnlyForTests(bool on);

private:
    bool openFile(bool readOnly);
    bool initSchema(int version);
    bool fail(const QString &what, const QSqlError &error) const;
    bool fail(Problem problem, const QString &what, const QString &detail = {}) const;
    void setUnavailableNotice();
    // Removes entries before cutoffMs and cuts coverage; returns how many, or -1.
    qint64 deleteBefore(qint64 cutoffMs);
    // Time of the entry with n older ones (nullopt: fewer entries or damage).
    std::optional<qint64> timeOfOldest(qint64 n) const;
    bool exec(const QString &sql) const;
    // Stores the entries of blocks not yet held, a block each (inside a
    // transaction the caller opened); how many were new, or -1. The ids of
    // all blocks go into the id index in key order, so a transaction rewrites
    // each index page it touches once instead of once per entry.
    int writeBlocks(const std::vector<const auditarchiveblock::PreparedBlock *> &blocks);
    // Schema 1 and 2 kept one row per entry: converted to blocks.
    bool migrateRows();
    // Inside a transaction: the ids of every block after m_indexedThrough
    // into the index, then meta "ids_through".
    bool indexBlocksAfterThrough();
    // Reads by id need the index whole (the writer's own instance).
    bool indexPendingForReading() const;
    bool loadKnownIds();
    // The ids of every block after m_indexedThrough, read from the file, as pending.
    bool readUnindexedIds();
    bool hasTable(const QString &name) const;
    // The decompressed bodies of a block (the last one read is kept).
    const auditarchiveblock::Bodies *bodiesOf(qint64 block) const;
    qint64 legacyLoadInto(AuditStore &store, qint64 maxRows, qint64 offset) const;

    QString m_organizationId;
    QString m_path;
    QString m_connection;
    QString m_notice;
    Mode m_mode = Mode::Closed;
    std::unique_ptr<QLockFile> m_lock;
    mutable QString m_error;
    mutable Problem m_problem = Problem::None;
    mutable qint64 m_damaged = 0;
    bool m_legacy = false; // opened read-only on a schema 1 or 2 file
    mutable qint64 m_cachedBlock = -1;
    mutable auditarchiveblock::Bodies m_cachedBodies;
    // Schema 4: blocks after this one are not in the id index yet.
    mutable qint64 m_indexedThrough = 0;
    // The writer's de-duplication: the index's ids and those not yet in it.
    struct PendingIds;
    std::unique_ptr<PendingIds> m_pendingIds;
};

} // namespace models
