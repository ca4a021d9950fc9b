#include "models/audit/auditarchive.h"

#include "models/audit/auditentryjson.h"
#include "models/logging.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>
#include <QtConcurrent/QtConcurrentRun>
#include <QtEndian>

#include <sqlite3.h>
#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <limits>

namespace models {

namespace {

// 2: the coverage table and meta "pruned_before".
constexpr int kSchemaVersion = AuditArchive::schemaVersion();
constexpr quint8 kCompactVersion = 1;
constexpr int kLoadBatch = 8192;

QAtomicInteger<quint64> g_connectionCounter;
QAtomicInteger<int> g_qtSqlOnly; // tests: no C API

// The table fields of an entry in a small binary form: version, status,
// then length-prefixed UTF-8 strings. One blob column loads much faster
// through Qt SQL than twenty text columns.
void putString(QByteArray &out, const QString &s)
{
    const QByteArray u = s.toUtf8();
    quint32 n = quint32(u.size());
    while (n >= 0x80) {
        out.append(char(quint8(n) | 0x80));
        n >>= 7;
    }
    out.append(char(n));
    out.append(u);
}

bool getString(const char *&p, const char *end, QString &s)
{
    quint32 n = 0;
    for (int shift = 0;; shift += 7) {
        if (p >= end || shift > 28)
            return false;
        const quint8 b = quint8(*p++);
        n |= quint32(b & 0x7F) << shift;
        if (!(b & 0x80))
            break;
    }
    if (quint32(end - p) < n)
        return false;
    s = QString::fromUtf8(p, qsizetype(n));
    p += n;
    return true;
}

// Visits the compact string fields in their stored order (const or not).
template <typename Event, typename F> bool forEachCompactField(Event &e, F &&f)
{
    for (auto *field : {&e.actorEmail, &e.actorId, &e.actorContext, &e.actorType, &e.actorIpAddress,
                        &e.actorTokenId, &e.actorTokenName, &e.actionType, &e.actionResult,
                        &e.actionDescription, &e.resourceType, &e.resourceProduct, &e.rawMethod, &e.rawUri,
                        &e.rawUserAgent, &e.organizationId, &e.rawCfRayId, &e.resourceId})
        if (!f(*field))
            return false;
    return true;
}

QByteArray encodeCompact(const api::AuditEvent &event)
{
    QByteArray out;
    out.reserve(256);
    out.append(char(kCompactVersion));
    const qint16 status = qint16(event.rawStatusCode.value_or(-1));
    out.append(char(status & 0xFF));
    out.append(char((status >> 8) & 0xFF));
    forEachCompactField(event, [&](const QString &s) {
        putString(out, s);
        return true;
    });
    return out;
}

bool decodeCompact(const QByteArray &blob, api::AuditEvent &e)
{
    const char *p = blob.constData();
    const char *end = p + blob.size();
    if (blob.size() < 3 || quint8(p[0]) != kCompactVersion)
        return false;
    const auto status = qint16(quint16(quint8(p[1])) | quint16(quint8(p[2])) << 8);
    if (status >= 0)
        e.rawStatusCode = status;
    p += 3;
    return forEachCompactField(e, [&](QString &s) { return getString(p, end, s); });
}

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// The archive holds request and response bodies: no one but the owner reads it.
bool createOwnerOnly(const QString &path, QString *error)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly))
        return true;
    *error = f.errorString();
    return false;
}

// Files of older versions were created with the default mode: take away what
// group and others may do, add nothing (a read-only file stays read-only).
void restrictToOwner(const QString &path)
{
    const QFileDevice::Permissions p = QFile::permissions(path);
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (p & others)
        QFile::setPermissions(path, p & ~others);
}

QString safeFileName(const QString &organizationId)
{
    QString s;
    for (QChar c : organizationId)
        s.append(c.isLetterOrNumber() || c == u'-' || c == u'_' ? c : QChar(u'_'));
    return s.isEmpty() ? QStringLiteral("default") : s;
}

} // namespace

namespace {

// For the writer's id buffers (megabytes for a quarter million ids): mapped
// and unmapped directly rather than taken from malloc. glibc raises its mmap
// threshold to the size of the largest mapped block freed, so freeing these
// would send the whole process's page-sized buffers (a page's bytes are
// about a megabyte) to the heap, where freed memory stays resident.
template <typename T> struct MappedAllocator
{
    using value_type = T;
    MappedAllocator() = default;
    template <typename U> MappedAllocator(const MappedAllocator<U> &) noexcept {}
    T *allocate(std::size_t n)
    {
        void *p = ::mmap(nullptr, n * sizeof(T), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            throw std::bad_alloc();
        return static_cast<T *>(p);
    }
    void deallocate(T *p, std::size_t n) noexcept { ::munmap(p, n * sizeof(T)); }
    template <typename U> bool operator==(const MappedAllocator<U> &) const noexcept { return true; }
};
template <typename T> using MappedVector = std::vector<T, MappedAllocator<T>>;

} // namespace

// The writer's view of which ids the archive holds. The id index's keys are
// random: inserting a batch's ids rewrites most of the index, so at a million
// entries the writer spent most of its time reading and writing index pages.
// Instead a batch is checked in memory: against fingerprints of every id of
// the index (a hit confirmed by a lookup) and against the ids written since,
// kept with their bytes in an open-addressing table (a hit confirmed against
// the bytes, no block read). The ids go into the index many pages at once
// (indexPending()), sorted, from these same bytes, so each index page is
// rewritten once per quarter million entries rather than once per batch.
struct AuditArchive::PendingIds
{
    struct Entry
    {
        quint32 fp;
        quint32 slot;
        qint64 block;
        quint32 offset; // of the id's bytes in arena
        quint32 size;
    };
    // Written and not in the index yet, in the order written: the first
    // `committed` are committed, the rest belong to the open transaction.
    MappedVector<Entry> entries;
    MappedVector<char> arena;
    size_t committed = 0;
    size_t arenaCommitted = 0;
    // fingerprint << 32 | 1 + index into entries, 0 empty; a power of two
    // long. The fingerprint is compared here: a probe touches one line.
    MappedVector<quint64> table;
    MappedVector<quint32> known; // sorted fingerprints of the index's ids
    // known's 2^16 buckets by the fingerprint's top bits: where each starts
    // (fingerprints are uniform: a handful per bucket, not 20 steps of a
    // binary search through memory).
    std::vector<quint32> buckets;
    bool knownLoaded = false;

    // Kept in memory only (rebuilt from the index when an archive opens), so
    // any good mix will do: ids are short, eight bytes at a time with a
    // multiply each (qHash's general-purpose hash cost several times that).
    static quint32 fingerprint(QByteArrayView id)
    {
        const char *p = id.data();
        qsizetype n = id.size();
        quint64 h = 0x9e3779b97f4a7c15ULL ^ quint64(n);
        const auto mix = [&h](quint64 v) {
            h = (h ^ v) * 0xff51afd7ed558ccdULL;
            h ^= h >> 29;
        };
        for (; n >= 8; n -= 8, p += 8) {
            quint64 v;
            std::memcpy(&v, p, 8);
            mix(v);
        }
        if (n > 0) {
            quint64 v = 0;
            std::memcpy(&v, p, size_t(n));
            mix(v ^ 0x0100000000000000ULL);
        }
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ULL;
        h ^= h >> 33;
        return quint32(h ^ (h >> 32));
    }
    static size_t slotOf(quint32 fp, size_t mask) { return size_t(fp * 2654435761u) & mask; }
    QByteArrayView idOf(const Entry &e) const { return QByteArrayView(arena.data() + e.offset, e.size); }
    void place(quint32 index)
    {
        const size_t mask = table.size() - 1;
        const quint32 fp = entries[index].fp;
        for (size_t i = slotOf(fp, mask);; i = (i + 1) & mask)
            if (table[i] == 0) {
                table[i] = quint64(fp) << 32 | (index + 1);
                return;
            }
    }
    void rebuildTable(size_t atLeast)
    {
        size_t size = 1024;
        while (size < atLeast * 2)
            size *= 2;
        table.assign(size, 0);
        for (quint32 i = 0; i < quint32(entries.size()); ++i)
            place(i);
    }
    // Is id (fingerprint fp) among the entries, committed or not?
    bool contains(QByteArrayView id, quint32 fp) const
    {
        if (table.empty())
            return false;
        const size_t mask = table.size() - 1;
        for (size_t i = slotOf(fp, mask); table[i] != 0; i = (i + 1) & mask)
            if (quint32(table[i] >> 32) == fp && idOf(entries[quint32(table[i]) - 1]) == id)
                return true;
        return false;
    }
    void add(QByteArrayView id, quint32 fp, quint32 slot, qint64 block)
    {
        if (entries.capacity() == entries.size()) {
            // Mapped lazily: reserving a whole index batch costs only the pages used.
            const size_t n = std::max<size_t>(2 * entries.size(), kIndexBatchHint);
            entries.reserve(n);
        }
        if (arena.capacity() < arena.size() + size_t(id.size()))
            arena.reserve(std::max<size_t>(2 * arena.capacity(), kIndexBatchHint * 40));
        entries.push_back({fp, slot, block, quint32(arena.size()), quint32(id.size())});
        arena.insert(arena.end(), id.data(), id.data() + id.size());
        if (entries.size() * 2 > table.size())
            rebuildTable(entries.size());
        else
            place(quint32(entries.size() - 1));
    }
    void commit()
    {
        committed = entries.size();
        arenaCommitted = arena.size();
    }
    // Drops what the open transaction added (it was rolled back).
    void rollback()
    {
        if (entries.size() == committed)
            return;
        entries.resize(committed);
        arena.resize(arenaCommitted);
        rebuildTable(entries.size());
    }
    void indexKnown()
    {
        buckets.assign(65537, 0);
        for (quint32 fp : known)
            ++buckets[(fp >> 16) + 1];
        for (size_t b = 1; b < buckets.size(); ++b)
            buckets[b] += buckets[b - 1];
    }
    bool mayBeKnown(quint32 fp) const
    {
        if (known.empty())
            return false;
        const auto first = known.begin() + buckets[fp >> 16];
        const auto last = known.begin() + buckets[(fp >> 16) + 1];
        return std::find(first, last, fp) != last;
    }
    // Frees the memory too: a load's quarter million entries are megabytes.
    // (Assigning {} would keep the capacity: it clears through the
    // initializer_list overload, and the pages stay mapped and resident.)
    template <typename V> static void release(V &v) { V().swap(v); }
    void clear()
    {
        release(entries);
        release(arena);
        committed = arenaCommitted = 0;
        release(table);
    }
    void forget()
    {
        clear();
        release(known);
        release(buckets);
        knownLoaded = false;
    }
    // Room for an index batch and a transaction past it (see kIndexBatch).
    static constexpr size_t kIndexBatchHint = 262144 + 32768;
};

AuditArchive::AuditArchive(const QString &organizationId, const QString &directory)
    : m_organizationId(organizationId),
      m_connection(QStringLiteral("orgscope-audit-archive-%1").arg(++g_connectionCounter)),
      m_pendingIds(std::make_unique<PendingIds>())
{
    const QString dir = directory.isEmpty() ? defaultDirectory() : directory;
    m_path = QDir(dir).filePath(QStringLiteral("audit-%1.sqlite").arg(safeFileName(organizationId)));
}

AuditArchive::~AuditArchive()
{
    close();
}

QString AuditArchive::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("audit"));
}

bool AuditArchive::isOpen() const
{
    return m_mode != Mode::Closed && QSqlDatabase::contains(m_connection) &&
           QSqlDatabase::database(m_connection, false).isOpen();
}

void AuditArchive::close()
{
    if (m_mode == Mode::ReadWrite)
        indexPending(); // else the next open() does it
    m_pendingIds->forget();
    m_mode = Mode::Closed;
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_lock.reset(); // unlocks
}

AuditArchive::Problem AuditArchive::classify(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xFF; // primary code of an extended one
    if (ok) {
        switch (code) {
        case 11: // SQLITE_CORRUPT
        case 26: // SQLITE_NOTADB
            return Problem::Corrupt;
        case 5: // SQLITE_BUSY
            return Problem::Busy;
        case 6: // SQLITE_LOCKED
            return Problem::Locked;
        case 3:  // SQLITE_PERM
        case 8:  // SQLITE_READONLY
        case 23: // SQLITE_AUTH
            return Problem::ReadOnly;
        case 13: // SQLITE_FULL
            return Problem::DiskFull;
        case 10: // SQLITE_IOERR
            return Problem::Io;
        case 14: // SQLITE_CANTOPEN
            return Problem::CannotOpen;
        default:
            break;
        }
    }
    // Qt drops the code on some paths (transactions): SQLite's own sentences.
    const QString text = error.databaseText();
    if (text.contains(QLatin1String("malformed")) || text.contains(QLatin1String("not a database")))
        return Problem::Corrupt;
    if (text.contains(QLatin1String("database or disk is full")))
        return Problem::DiskFull;
    if (text.contains(QLatin1String("database is locked")))
        return Problem::Busy;
    if (text.contains(QLatin1String("readonly database")))
        return Problem::ReadOnly;
    return Problem::Other;
}

QString AuditArchive::describe(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::Corrupt:
        return QStringLiteral("the file is damaged");
    case Problem::Busy:
        return QStringLiteral("it is busy: another program holds it");
    case Problem::Locked:
        return QStringLiteral("it is locked");
    case Problem::ReadOnly:
        return QStringLiteral("it cannot be written (read-only file or folder)");
    case Problem::DiskFull:
        return QStringLiteral("the disk is full");
    case Problem::Io:
        return QStringLiteral("the disk reported an I/O error");
    case Problem::CannotOpen:
        return QStringLiteral("the file cannot be opened or created");
    case Problem::NewerSchema:
        return QStringLiteral("it was written by a newer version of Orgscope");
    case Problem::Other:
        break;
    }
    return QStringLiteral("an unexpected database error");
}

bool AuditArchive::fail(const QString &what, const QSqlError &error) const
{
    return fail(classify(error), what, error.text());
}

bool AuditArchive::fail(Problem problem, const QString &what, const QString &detail) const
{
    m_problem = problem;
    m_error = detail.isEmpty() ? what : what + QStringLiteral(": ") + detail;
    qCWarning(lcModels) << "audit archive" << m_path << m_error;
    return false;
}

bool AuditArchive::exec(const QString &sql) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql))
        return fail(QStringLiteral("cannot run \"%1\"").arg(sql), q.lastError());
    return true;
}

void AuditArchive::setUnavailableNotice()
{
    m_notice = QStringLiteral("The local audit archive %1 is not available: %2 (%3). The file was left "
                              "untouched; entries are kept in memory only.")
                   .arg(QDir::toNativeSeparators(m_path), describe(m_problem), m_error);
    qCWarning(lcModels).noquote() << m_notice;
}

bool AuditArchive::openFile(bool readOnly)
{
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase old = QSqlDatabase::database(m_connection, false);
            old.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_mode = Mode::Closed;
    m_cachedBlock = -1;
    m_cachedBodies = {};
    m_indexedThrough = 0;
    m_pendingIds->forget();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                  : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return fail(QStringLiteral("cannot open"), db.lastError());
    // Read what is there before changing anything: a newer format is left as it is.
    QSqlQuery q(db);
    // Blobs read through a mapping rather than a copy per page (reopen reads them all).
    q.exec(QStringLiteral("PRAGMA mmap_size = 1073741824"));
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")))
        return fail(QStringLiteral("cannot read"), q.lastError());
    bool hasMeta = false;
    while (q.next())
        hasMeta = hasMeta || q.value(0).toString() == QLatin1String("meta");
    int version = 0;
    if (hasMeta) {
        if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema'")))
            return fail(QStringLiteral("cannot read"), q.lastError());
        if (q.next()) {
            bool ok = false;
            const QString text = q.value(0).toString();
            version = text.toInt(&ok);
            if (!ok || version < 1)
                return fail(Problem::Corrupt, QStringLiteral("unknown archive format"), text);
        }
    }
    q.finish();
    if (version > kSchemaVersion)
        return fail(Problem::NewerSchema, QStringLiteral("archive format %1, this version reads up to %2")
                                              .arg(version)
                                              .arg(kSchemaVersion));
    if (version >= 4 && q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'ids_through'")) &&
        q.next())
        m_indexedThrough = q.value(0).toLongLong();
    q.finish();
    if (readOnly) {
        // An older layout is read as it is: only a writer converts it.
        m_legacy = version < kSchemaVersion && hasTable(QStringLiteral("entries"));
        m_mode = Mode::ReadOnly;
        return true;
    }
    m_legacy = false;
    if (!initSchema(version))
        return false;
    m_mode = Mode::ReadWrite;
    return true;
}

bool AuditArchive::hasTable(const QString &name) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    q.addBindValue(name);
    return q.exec() && q.next();
}

bool AuditArchive::initSchema(int version)
{
    QStringList statements;
    // Only takes effect before the first table: lets retention give pages back.
    // Blocks are tens of kilobytes: bigger pages mean fewer overflow pages
    // to chain through and fewer reads.
    if (version == 0)
        statements << QStringLiteral("PRAGMA page_size = 16384")
                   << QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL");
    statements
        << QStringLiteral("PRAGMA journal_mode=WAL") << QStringLiteral("PRAGMA synchronous=NORMAL")
        << QStringLiteral("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)")
        // One page of entries per row: the table's columns, newest first
        // (auditarchiveblock.h); their bodies live apart so loading skips them.
        << QStringLiteral("CREATE TABLE IF NOT EXISTS blocks(id INTEGER PRIMARY KEY, newest_ms INTEGER NOT "
                          "NULL, oldest_ms INTEGER NOT NULL, count INTEGER NOT NULL, columns BLOB NOT NULL)")
        << QStringLiteral("CREATE INDEX IF NOT EXISTS blocks_newest ON blocks(newest_ms)")
        << QStringLiteral("CREATE TABLE IF NOT EXISTS block_bodies(block INTEGER PRIMARY KEY, data BLOB NOT "
                          "NULL)")
        // Where each entry is (its id's UTF-8 bytes): de-duplication and the details pane.
        << QStringLiteral("CREATE TABLE IF NOT EXISTS ids(id TEXT PRIMARY KEY, block INTEGER NOT NULL, slot "
                          "INTEGER NOT NULL) WITHOUT ROWID")
        // [from_ms, to_ms): held completely for the unfiltered stream.
        << QStringLiteral(
               "CREATE TABLE IF NOT EXISTS coverage(from_ms INTEGER NOT NULL, to_ms INTEGER NOT NULL)");
    for (const QString &sql : std::as_const(statements))
        if (!exec(sql))
            return false;
    // Schema 4: the id index lags the blocks while a load streams in (meta
    // "ids_through", the last block indexed). Blocks after it are left by a
    // crash or a failed indexing: indexed now, before anything reads by id.
    // Schema 3 indexed every block as it was written: all of them are.
    // Schemas 1 and 2 (one row per entry) become blocks. Each in one
    // transaction: a failure leaves the file as it was. A version 1 archive
    // gains the coverage table empty: nothing it holds is known to be
    // complete, so its stretches are fetched again once.
    if (version == kSchemaVersion) {
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        if (!q.exec(QStringLiteral("SELECT IFNULL(MAX(id), 0) FROM blocks")) || !q.next())
            return fail(QStringLiteral("cannot read"), q.lastError());
        if (q.value(0).toLongLong() <= m_indexedThrough)
            return true;
    }
    if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
        return false;
    bool ok = true;
    if (version == 3) {
        ok = exec(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) SELECT 'ids_through', "
                                 "IFNULL(MAX(id), 0) FROM blocks"));
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        ok = ok && q.exec(QStringLiteral("SELECT IFNULL(MAX(id), 0) FROM blocks")) && q.next();
        if (ok)
            m_indexedThrough = q.value(0).toLongLong();
    } else if (version < 3) {
        ok = migrateRows();
    }
    ok = ok && indexBlocksAfterThrough() &&
         exec(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('schema', '%1')")
                  .arg(kSchemaVersion));
    if (!ok || !exec(QStringLiteral("COMMIT"))) {
        const Problem problem = m_problem;
        const QString error = m_error;
        QSqlQuery(QSqlDatabase::database(m_connection, false)).exec(QStringLiteral("ROLLBACK"));
        m_indexedThrough = 0;
        m_pendingIds->forget();
        m_problem = problem;
        m_error = error;
        return false;
    }
    if (version < 3)
        exec(QStringLiteral("PRAGMA incremental_vacuum"));
    return true;
}

bool AuditArchive::migrateRows()
{
    if (!hasTable(QStringLiteral("entries")))
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const bool withBodies = hasTable(QStringLiteral("bodies"));
    const QString sql = withBodies
                            ? QStringLiteral("SELECT e.id, e.time_ms, e.compact, b.json FROM entries e "
                                             "LEFT JOIN bodies b ON b.entry = e.rowid ORDER BY e.rowid")
                            : QStringLiteral("SELECT id, time_ms, compact FROM entries ORDER BY rowid");
    if (!q.exec(sql))
        return fail(QStringLiteral("cannot convert the archive"), q.lastError());
    qint64 converted = 0;
    qint64 damaged = 0;
    QList<api::AuditEvent> batch;
    auto flush = [&] {
        if (batch.isEmpty())
            return true;
        const auditarchiveblock::PreparedBlock block =
            auditarchiveblock::prepare(auditarchiveblock::fromEvents(batch));
        const int n = writeBlocks({&block});
        m_pendingIds->commit(); // the next pages de-duplicate against these (one transaction)
        batch.clear();
        converted += std::max(n, 0);
        return n >= 0;
    };
    while (q.next()) {
        api::AuditEvent e;
        e.id = q.value(0).toString();
        e.actionTimeMs = q.value(1).toLongLong();
        if (!decodeCompact(q.value(2).toByteArray(), e)) {
            ++damaged; // unreadable before as well: the rest is kept
            continue;
        }
        if (withBodies)
            e.rawJson = q.value(3).toByteArray();
        batch.append(std::move(e));
        if (batch.size() == 1000 && !flush())
            return false;
    }
    if (q.lastError().isValid())
        return fail(QStringLiteral("cannot convert the archive"), q.lastError());
    q.finish();
    if (!flush())
        return false;
    QStringList drops{QStringLiteral("DROP TABLE entries")};
    if (withBodies)
        drops.prepend(QStringLiteral("DROP TABLE bodies"));
    for (const QString &drop : std::as_const(drops))
        if (!exec(drop))
            return false;
    qCInfo(lcModels) << "audit archive" << m_path << "converted to blocks:" << converted << "entries"
                     << damaged << "unreadable rows left out";
    return true;
}

bool AuditArchive::open()
{
    close();
    m_notice.clear();
    m_error.clear();
    m_problem = Problem::None;
    const QString dir = QFileInfo(m_path).absolutePath();
    const bool newDir = !QFileInfo::exists(dir);
    if (!QDir().mkpath(dir)) {
        fail(Problem::CannotOpen, QStringLiteral("cannot create the folder"), QDir::toNativeSeparators(dir));
        setUnavailableNotice();
        return false;
    }
    if (newDir)
        QFile::setPermissions(dir, kOwnerOnly | QFileDevice::ExeOwner);

    // One writer per archive: a second instance reads only and never sets
    // the file aside under the first one.
    QString readOnlyWhy;
    m_lock = std::make_unique<QLockFile>(m_path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0); // stale only when its process is gone
    if (!m_lock->tryLock(0)) {
        const QLockFile::LockError error = m_lock->error();
        m_lock.reset();
        readOnlyWhy = error == QLockFile::LockFailedError
                          ? QStringLiteral("it is in use by another Orgscope window")
                          : QStringLiteral("its folder cannot be written");
        if (error != QLockFile::LockFailedError)
            m_problem = Problem::ReadOnly;
    }
    const bool readOnly = !readOnlyWhy.isEmpty();
    if (readOnly && !QFileInfo::exists(m_path)) {
        fail(m_problem == Problem::None ? Problem::Locked : m_problem, readOnlyWhy);
        setUnavailableNotice();
        return false;
    }
    if (!readOnly) {
        QString error;
        if (!QFileInfo::exists(m_path) && !createOwnerOnly(m_path, &error)) {
            fail(Problem::CannotOpen, QStringLiteral("cannot create"), error);
            close();
            setUnavailableNotice();
            return false;
        }
        restrictToOwner(m_path);
    }
    if (!openFile(readOnly)) {
        if (m_problem == Problem::Corrupt && !readOnly)
            return setAside(m_error);
        close();
        setUnavailableNotice();
        return false;
    }
    if (readOnly) {
        m_notice = QStringLiteral("The local audit archive %1 is open read-only: %2. New entries are kept in "
                                  "memory only.")
                       .arg(QDir::toNativeSeparators(m_path), readOnlyWhy);
        qCInfo(lcModels).noquote() << m_notice;
    }
    return true;
}

bool AuditArchive::openReadOnly()
{
    close();
    if (!QFileInfo::exists(m_path))
        return fail(Problem::CannotOpen, QStringLiteral("cannot open"), QStringLiteral("no archive yet"));
    return openFile(true);
}

bool AuditArchive::setAside(const QString &reason)
{
    if (!m_lock) {
        // Without the lock another instance may be using the file.
        m_problem = Problem::Corrupt;
        if (QSqlDatabase::contains(m_connection))
            close();
        m_notice =
            QStringLiteral("The local audit archive %1 could not be read (%2). It is in use by another "
                           "Orgscope window and was left as it is; entries are kept in memory only.")
                .arg(QDir::toNativeSeparators(m_path), reason);
        return false;
    }
    // Keep the lock while the files move.
    {
        m_mode = Mode::Closed;
        if (QSqlDatabase::contains(m_connection)) {
            {
                QSqlDatabase db = QSqlDatabase::database(m_connection, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(m_connection);
        }
    }
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzz"));
    const QString aside = m_path + QStringLiteral(".corrupt-") + stamp;
    const QString path = QDir::toNativeSeparators(m_path);
    if (QFileInfo::exists(m_path) && !QFile::rename(m_path, aside)) {
        m_problem = Problem::Corrupt;
        close();
        m_notice = QStringLiteral("The local audit archive %1 could not be read (%2) and could not be moved "
                                  "aside; it was left as it is. Entries are kept in memory only.")
                       .arg(path, reason);
        qCWarning(lcModels).noquote() << m_notice;
        return false;
    }
    // Journals of the old file must not be applied to a new one: they move with it.
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString journal = m_path + QLatin1String(suffix);
        if (QFileInfo::exists(journal) && !QFile::rename(journal, aside + QLatin1String(suffix))) {
            m_problem = Problem::Corrupt;
            close();
            m_notice =
                QStringLiteral("The local audit archive %1 could not be read (%2); it was moved to %3, but "
                               "its journal %4 could not be. Entries are kept in memory only.")
                    .arg(path, reason, QDir::toNativeSeparators(aside), QDir::toNativeSeparators(journal));
            qCWarning(lcModels).noquote() << m_notice;
            return false;
        }
    }
    m_notice = QStringLiteral("The audit archive %1 could not be read (%2); it was moved to %3 and a new "
                              "archive was started.")
                   .arg(path, reason, QDir::toNativeSeparators(aside));
    qCWarning(lcModels).noquote() << m_notice;
    const QString notice = m_notice;
    QString error;
    if (!createOwnerOnly(m_path, &error)) {
        fail(Problem::CannotOpen, QStringLiteral("cannot create"), error);
        close();
        m_notice = notice + QStringLiteral(" The new archive could not be created (%1); entries are kept in "
                                           "memory only.")
                                .arg(error);
        return false;
    }
    const bool ok = openFile(false);
    m_notice = notice;
    if (!ok)
        close();
    return ok;
}

void AuditArchive::settleForWriting()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("PRAGMA mmap_size = 0"));
    q.exec(QStringLiteral("PRAGMA cache_size = -16384")); // KiB
}

bool AuditArchive::quickCheck()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("PRAGMA quick_check"))) {
        fail(QStringLiteral("quick_check failed"), q.lastError());
        return m_problem != Problem::Corrupt;
    }
    QStringList findings;
    while (q.next())
        findings << q.value(0).toString();
    if (findings == QStringList{QStringLiteral("ok")})
        return true;
    return fail(Problem::Corrupt, QStringLiteral("quick_check"),
                findings.mid(0, 3).join(QStringLiteral("; ")));
}

const auditarchiveblock::Bodies *AuditArchive::bodiesOf(qint64 block) const
{
    if (block == m_cachedBlock)
        return &m_cachedBodies;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT data FROM block_bodies WHERE block = ?"));
    q.addBindValue(block);
    if (!q.exec()) {
        fail(QStringLiteral("cannot read"), q.lastError());
        return nullptr;
    }
    if (!q.next())
        return nullptr;
    m_cachedBlock = -1;
    if (!auditarchiveblock::decodeBodies(q.value(0).toByteArray(), m_cachedBodies)) {
        fail(Problem::Corrupt, QStringLiteral("damaged bodies"), QString::number(block));
        return nullptr;
    }
    m_cachedBlock = block;
    return &m_cachedBodies;
}

QHash<QString, QByteArray> AuditArchive::fullEntries(const QStringList &ids) const
{
    QHash<QString, QByteArray> out;
    if (ids.isEmpty() || !indexPendingForReading())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    // SQLite allows 999 parameters per statement in older builds.
    constexpr qsizetype kBatch = 500;
    for (qsizetype from = 0; from < ids.size(); from += kBatch) {
        const qsizetype n = std::min(kBatch, ids.size() - from);
        QString sql = m_legacy
                          ? QStringLiteral("SELECT e.id, b.json FROM entries e JOIN bodies b ON b.entry = "
                                           "e.rowid WHERE e.id IN (?")
                          : QStringLiteral("SELECT id, block, slot FROM ids WHERE id IN (?");
        sql.reserve(sql.size() + 2 * n + 1);
        for (qsizetype i = 1; i < n; ++i)
            sql += QStringLiteral(",?");
        sql += QLatin1Char(')');
        if (!m_legacy)
            sql += QStringLiteral(" ORDER BY block");
        if (!q.prepare(sql)) {
            fail(QStringLiteral("cannot read"), q.lastError());
            return out;
        }
        for (qsizetype i = 0; i < n; ++i)
            q.addBindValue(m_legacy ? QVariant(ids[from + i]) : QVariant(ids[from + i].toUtf8()));
        if (!q.exec()) {
            fail(QStringLiteral("cannot read"), q.lastError());
            return out;
        }
        while (q.next()) {
            if (m_legacy) {
                out.insert(q.value(0).toString(), q.value(1).toByteArray());
                continue;
            }
            const auditarchiveblock::Bodies *bodies = bodiesOf(q.value(1).toLongLong());
            if (bodies && q.value(2).toLongLong() < bodies->size())
                out.insert(QString::fromUtf8(q.value(0).toByteArray()), bodies->at(q.value(2).toLongLong()));
        }
    }
    return out;
}

int AuditArchive::appendPage(const QList<api::AuditEvent> &events)
{
    return appendPage(auditarchiveblock::fromEvents(events));
}

int AuditArchive::appendPage(const api::AuditColumns &page)
{
    const auditarchiveblock::PreparedBlock block = auditarchiveblock::prepare(page);
    return appendBlocks({&block});
}

namespace {

// The SQLite connection under a Qt one, when the driver runs the very SQLite
// this library links (Debian's Qt uses the system libsqlite3; a Qt with its
// own copy of another version must not be handed to these functions): else
// nullptr and the caller goes through Qt SQL.
sqlite3 *handleOf(const QSqlDatabase &db)
{
    if (g_qtSqlOnly.loadRelaxed())
        return nullptr;
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT sqlite_source_id()")) || !q.next() ||
        q.value(0).toString() != QLatin1String(sqlite3_sourceid()))
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

// A statement prepared on the C API, finalized when it goes.
struct Statement
{
    sqlite3_stmt *stmt = nullptr;
    ~Statement() { sqlite3_finalize(stmt); }
};

// SQLite's order of BLOB keys: bytes, then length.
bool idLess(QByteArrayView a, QByteArrayView b)
{
    const int c = std::memcmp(a.data(), b.data(), size_t(std::min(a.size(), b.size())));
    return c != 0 ? c < 0 : a.size() < b.size();
}

} // namespace

namespace {

// Ids waiting for the index: this many entries go in together (about a
// quarter of a million-entry load; ~15 MB of ids, fingerprints and keys).
constexpr size_t kIndexBatch = 262144;
// Rows per INSERT statement of the index pass (C API; 3 parameters each,
// under the 999 older SQLite builds allow).
constexpr int kRowsPerInsert = 64;

// An id on its way into the index: where it is among the pending ids.
struct SortKey
{
    quint64 prefix; // the first 8 bytes, big-endian, zero-padded: decides most comparisons
    quint32 entry;
};

quint64 prefixOf(QByteArrayView id)
{
    if (id.size() >= 8) {
        quint64 v;
        std::memcpy(&v, id.data(), 8);
        return qFromBigEndian(v);
    }
    quint64 v = 0;
    for (qsizetype i = 0; i < 8; ++i)
        v = v << 8 | (i < id.size() ? quint8(id[i]) : 0);
    return v;
}

} // namespace

bool AuditArchive::loadKnownIds()
{
    PendingIds &p = *m_pendingIds;
    if (p.knownLoaded)
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    MappedVector<quint32> known;
    if (sqlite3 *handle = handleOf(db)) {
        Statement select;
        if (sqlite3_prepare_v2(handle, "SELECT id FROM ids", -1, &select.stmt, nullptr) != SQLITE_OK)
            return fail(QStringLiteral("cannot read the id index"),
                        QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(handle)),
                                  QSqlError::StatementError,
                                  QString::number(sqlite3_extended_errcode(handle))));
        int rc;
        while ((rc = sqlite3_step(select.stmt)) == SQLITE_ROW)
            known.push_back(PendingIds::fingerprint(
                QByteArrayView(static_cast<const char *>(sqlite3_column_blob(select.stmt, 0)),
                               sqlite3_column_bytes(select.stmt, 0))));
        if (rc != SQLITE_DONE)
            return fail(QStringLiteral("cannot read the id index"),
                        QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(handle)),
                                  QSqlError::StatementError,
                                  QString::number(sqlite3_extended_errcode(handle))));
    } else {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT id FROM ids")))
            return fail(QStringLiteral("cannot read the id index"), q.lastError());
        while (q.next())
            known.push_back(PendingIds::fingerprint(q.value(0).toByteArray()));
        if (q.lastError().isValid())
            return fail(QStringLiteral("cannot read the id index"), q.lastError());
    }
    std::sort(known.begin(), known.end());
    // Blocks written since the index was last brought up to date (a failed
    // indexPending()): their ids are pending.
    p.clear();
    if (!readUnindexedIds())
        return false;
    p.known = std::move(known);
    p.indexKnown();
    p.knownLoaded = true;
    return true;
}

bool AuditArchive::readUnindexedIds()
{
    PendingIds &p = *m_pendingIds;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, count, columns FROM blocks WHERE id > ? ORDER BY id"));
    q.addBindValue(m_indexedThrough);
    if (!q.exec())
        return fail(QStringLiteral("cannot read"), q.lastError());
    api::AuditColumns columns;
    while (q.next()) {
        const qint64 block = q.value(0).toLongLong();
        if (!auditarchiveblock::decodeColumns(q.value(2).toByteArray(), columns) ||
            columns.size() != q.value(1).toLongLong())
            return fail(Problem::Corrupt, QStringLiteral("damaged block"), QString::number(block));
        for (qsizetype i = 0; i < columns.size(); ++i)
            p.add(columns.ids.view(i), PendingIds::fingerprint(columns.ids.view(i)), quint32(i), block);
    }
    if (q.lastError().isValid())
        return fail(QStringLiteral("cannot read"), q.lastError());
    p.commit();
    return true;
}

int AuditArchive::writeBlocks(const std::vector<const auditarchiveblock::PreparedBlock *> &prepared)
{
    const auto failed = [this](auto &&...args) {
        fail(args...);
        return -1;
    };
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    PendingIds &pending = *m_pendingIds;
    // The ids come with the blocks (auditarchiveblock::prepare gives them):
    // a block's columns are decompressed here only when it came without them
    // or some of its entries are held already (the rest is encoded again).
    std::vector<api::AuditColumns> decoded(prepared.size());
    std::vector<char> isDecoded(prepared.size(), 0);
    const auto decode = [&](size_t b) {
        if (!isDecoded[b]) {
            if (!auditarchiveblock::decodeColumns(prepared[b]->columns, decoded[b]) ||
                decoded[b].size() != prepared[b]->count)
                return false;
            isDecoded[b] = 1;
        }
        return true;
    };
    size_t entries = 0;
    for (size_t b = 0; b < prepared.size(); ++b) {
        const auditarchiveblock::PreparedBlock &block = *prepared[b];
        if (block.count == 0)
            continue;
        if (block.columns.isEmpty() || block.bodies.isEmpty())
            return failed(Problem::Other, QStringLiteral("cannot compress"));
        if (!block.hasIds() && !decode(b))
            return failed(Problem::Other, QStringLiteral("damaged block in the queue"));
        entries += size_t(block.count);
    }
    if (entries == 0)
        return 0;
    if (!loadKnownIds())
        return -1;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT IFNULL(MAX(id), 0) + 1 FROM blocks")) || !q.next())
        return failed(QStringLiteral("cannot write"), q.lastError());
    const qint64 firstBlock = q.value(0).toLongLong(); // batch block b is stored as firstBlock + b
    q.finish();

    // Is the id held already? In the index: a fingerprint hit is confirmed by
    // a lookup (only true duplicates and rare collisions get there).
    QSqlQuery lookup(db);
    if (!lookup.prepare(QStringLiteral("SELECT 1 FROM ids WHERE id = ?")))
        return failed(QStringLiteral("cannot read"), lookup.lastError());
    QSqlError sqlError;
    const auto inIndex = [&](QByteArrayView id, quint32 fp) {
        if (!pending.mayBeKnown(fp))
            return false;
        lookup.bindValue(0, QByteArray::fromRawData(id.data(), id.size()));
        if (!lookup.exec()) {
            sqlError = lookup.lastError();
            return false;
        }
        const bool found = lookup.next();
        lookup.finish();
        return found;
    };
    QSqlQuery insertBlock(db);
    QSqlQuery insertBodies(db);
    if (!insertBlock.prepare(QStringLiteral(
            "INSERT INTO blocks(id, newest_ms, oldest_ms, count, columns) VALUES(?, ?, ?, ?, ?)")) ||
        !insertBodies.prepare(QStringLiteral("INSERT INTO block_bodies(block, data) VALUES(?, ?)")))
        return failed(QStringLiteral("cannot write"),
                      insertBlock.lastError().isValid() ? insertBlock.lastError() : insertBodies.lastError());

    int added = 0;
    std::vector<qsizetype> kept;
    for (size_t b = 0; b < prepared.size(); ++b) {
        const auditarchiveblock::PreparedBlock &source = *prepared[b];
        if (source.count == 0)
            continue;
        const qint64 block = firstBlock + qint64(b);
        const bool carried = source.hasIds();
        kept.clear();
        for (qsizetype i = 0; i < source.count; ++i) {
            const QByteArrayView id = carried ? source.id(i) : decoded[b].ids.view(i);
            const quint32 fp = PendingIds::fingerprint(id);
            // Written since the index was brought up to date (this batch
            // included: equal ids inside it keep the first one appended), or in the index.
            const bool held = pending.contains(id, fp) || inIndex(id, fp);
            if (sqlError.isValid())
                return failed(QStringLiteral("cannot read"), sqlError);
            if (held)
                continue;
            pending.add(id, fp, quint32(kept.size()), block);
            kept.push_back(i);
        }
        if (kept.empty())
            continue;
        QByteArray columnsBlob = source.columns;
        QByteArray bodiesBlob = source.bodies;
        qint64 newest = source.newestMs;
        qint64 oldest = source.oldestMs;
        if (qsizetype(kept.size()) != source.count) {
            // Some were already held (a refresh overlapping the archive): the
            // rest become a block of their own, and their slots move up.
            auditarchiveblock::Bodies bodies;
            if (!decode(b) || !auditarchiveblock::decodeBodies(source.bodies, bodies) ||
                bodies.size() != source.count)
                return failed(Problem::Other, QStringLiteral("damaged block in the queue"));
            const api::AuditColumns &page = decoded[b];
            QList<QByteArray> keptBodies;
            keptBodies.reserve(qsizetype(kept.size()));
            for (qsizetype i : kept)
                keptBodies.append(bodies.at(i));
            columnsBlob = auditarchiveblock::encodeColumns(page, kept);
            bodiesBlob = auditarchiveblock::encodeBodies(keptBodies);
            newest = page.timeMs[size_t(kept.front())];
            oldest = page.timeMs[size_t(kept.back())];
            if (columnsBlob.isEmpty() || bodiesBlob.isEmpty())
                return failed(Problem::Other, QStringLiteral("cannot compress"));
        }
        insertBlock.bindValue(0, block);
        insertBlock.bindValue(1, newest);
        insertBlock.bindValue(2, oldest);
        insertBlock.bindValue(3, qint64(kept.size()));
        insertBlock.bindValue(4, columnsBlob);
        if (!insertBlock.exec())
            return failed(QStringLiteral("cannot write"), insertBlock.lastError());
        insertBodies.bindValue(0, block);
        insertBodies.bindValue(1, bodiesBlob);
        if (!insertBodies.exec())
            return failed(QStringLiteral("cannot write"), insertBodies.lastError());
        added += int(kept.size());
    }
    return added;
}

bool AuditArchive::indexBlocksAfterThrough()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    PendingIds &p = *m_pendingIds;
    qint64 last = m_indexedThrough;
    {
        // The writer holds the ids of every block after m_indexedThrough
        // (read when it loaded the known ids, added as it wrote): they go in
        // from memory. Else (opening after a crash) they are read from the blocks.
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("SELECT IFNULL(SUM(count), 0), IFNULL(MAX(id), ?) FROM blocks WHERE id > ?"));
        q.addBindValue(m_indexedThrough);
        q.addBindValue(m_indexedThrough);
        if (!q.exec() || !q.next())
            return fail(QStringLiteral("cannot index"), q.lastError());
        const qint64 unindexed = q.value(0).toLongLong();
        last = q.value(1).toLongLong();
        q.finish();
        if (!p.knownLoaded || p.committed != p.entries.size() || qint64(p.entries.size()) != unindexed) {
            p.clear();
            if (!readUnindexedIds())
                return false;
        }
    }
    // SQLite's order of BLOB keys (bytes, then length): each index page once.
    // Equal prefixes (or one id shorter than 8 bytes) fall to idLess, which
    // orders as SQLite does.
    MappedVector<SortKey> keys;
    keys.reserve(p.entries.size());
    for (quint32 i = 0; i < quint32(p.entries.size()); ++i)
        keys.push_back({prefixOf(p.idOf(p.entries[i])), i});
    std::sort(keys.begin(), keys.end(), [&p](const SortKey &x, const SortKey &y) {
        return x.prefix != y.prefix ? x.prefix < y.prefix
                                    : idLess(p.idOf(p.entries[x.entry]), p.idOf(p.entries[y.entry]));
    });
    static const char kInsertId[] = "INSERT OR IGNORE INTO ids(id, block, slot) VALUES(?, ?, ?)";
    if (sqlite3 *handle = handleOf(db)) {
        // The C API: no QVariant per value, the key bound in place, many rows
        // per statement (a statement's start and end cost as much as a row).
        std::string many = "INSERT OR IGNORE INTO ids(id, block, slot) VALUES(?, ?, ?)";
        for (int r = 1; r < kRowsPerInsert; ++r)
            many += ",(?, ?, ?)";
        Statement insertOne;
        Statement insertMany;
        bool ok = sqlite3_prepare_v2(handle, kInsertId, -1, &insertOne.stmt, nullptr) == SQLITE_OK &&
                  sqlite3_prepare_v2(handle, many.c_str(), -1, &insertMany.stmt, nullptr) == SQLITE_OK;
        size_t k = 0;
        const auto bind = [&p, &keys](sqlite3_stmt *stmt, int row, size_t key) {
            const PendingIds::Entry &e = p.entries[keys[key].entry];
            sqlite3_bind_blob(stmt, 3 * row + 1, p.arena.data() + e.offset, int(e.size), SQLITE_STATIC);
            sqlite3_bind_int64(stmt, 3 * row + 2, e.block);
            sqlite3_bind_int64(stmt, 3 * row + 3, qint64(e.slot));
        };
        for (; ok && k + kRowsPerInsert <= keys.size(); k += kRowsPerInsert) {
            for (int r = 0; r < kRowsPerInsert; ++r)
                bind(insertMany.stmt, r, k + size_t(r));
            ok = sqlite3_step(insertMany.stmt) == SQLITE_DONE;
            sqlite3_reset(insertMany.stmt);
        }
        for (; ok && k < keys.size(); ++k) {
            bind(insertOne.stmt, 0, k);
            ok = sqlite3_step(insertOne.stmt) == SQLITE_DONE;
            sqlite3_reset(insertOne.stmt);
        }
        if (!ok)
            return fail(QStringLiteral("cannot index"),
                        QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(handle)),
                                  QSqlError::StatementError,
                                  QString::number(sqlite3_extended_errcode(handle))));
    } else {
        QSqlQuery insert(db);
        if (!insert.prepare(QLatin1String(kInsertId)))
            return fail(QStringLiteral("cannot index"), insert.lastError());
        for (const SortKey &key : keys) {
            const PendingIds::Entry &e = p.entries[key.entry];
            // Ids are kept as their UTF-8 bytes (a blob): no conversion per entry.
            insert.bindValue(0, p.idOf(e).toByteArray());
            insert.bindValue(1, e.block);
            insert.bindValue(2, qint64(e.slot));
            if (!insert.exec())
                return fail(QStringLiteral("cannot index"), insert.lastError());
        }
    }
    QSqlQuery meta(db);
    meta.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('ids_through', ?)"));
    meta.addBindValue(QString::number(last));
    if (!meta.exec())
        return fail(QStringLiteral("cannot index"), meta.lastError());
    m_indexedThrough = last;
    if (p.knownLoaded) {
        MappedVector<quint32> added;
        added.reserve(p.entries.size());
        for (const PendingIds::Entry &e : p.entries)
            added.push_back(e.fp);
        std::sort(added.begin(), added.end());
        MappedVector<quint32> merged(p.known.size() + added.size()); // exactly as long: it stays
        std::merge(p.known.begin(), p.known.end(), added.begin(), added.end(), merged.begin());
        p.known = std::move(merged);
        p.indexKnown();
    }
    p.clear();
    return true;
}

bool AuditArchive::indexPending()
{
    if (m_mode != Mode::ReadWrite)
        return true;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT IFNULL(MAX(id), 0) FROM blocks")) || !q.next())
        return fail(QStringLiteral("cannot read"), q.lastError());
    if (q.value(0).toLongLong() <= m_indexedThrough)
        return true;
    q.finish();
    if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
        return false;
    const qint64 through = m_indexedThrough;
    if (indexBlocksAfterThrough() && exec(QStringLiteral("COMMIT")))
        return true;
    const Problem problem = m_problem;
    const QString error = m_error;
    QSqlQuery(QSqlDatabase::database(m_connection, false)).exec(QStringLiteral("ROLLBACK"));
    m_indexedThrough = through;
    m_pendingIds->forget(); // rebuilt from the file at the next write
    m_problem = problem;
    m_error = error;
    return false;
}

bool AuditArchive::indexPendingForReading() const
{
    if (m_mode != Mode::ReadWrite || !m_pendingIds || m_pendingIds->entries.empty())
        return true;
    return const_cast<AuditArchive *>(this)->indexPending();
}

int AuditArchive::appendBlocks(const std::vector<const auditarchiveblock::PreparedBlock *> &blocks)
{
    if (m_mode != Mode::ReadWrite) {
        fail(m_mode == Mode::ReadOnly ? Problem::ReadOnly : Problem::CannotOpen,
             m_mode == Mode::ReadOnly ? QStringLiteral("archive open read-only")
                                      : QStringLiteral("archive not open"));
        return -1;
    }
    // Statements run through QSqlQuery rather than QSqlDatabase::transaction():
    // only they keep SQLite's result code, which tells a full disk from damage.
    if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
        return -1;
    const int added = writeBlocks(blocks);
    if (added >= 0 && exec(QStringLiteral("COMMIT"))) {
        m_pendingIds->commit();
        if (m_pendingIds->entries.size() >= kIndexBatch && !indexPending())
            return -1; // the blocks are stored; their ids are indexed when the archive opens next
        return added;
    }
    m_pendingIds->rollback();
    const Problem problem = m_problem;
    const QString error = m_error;
    QSqlQuery(QSqlDatabase::database(m_connection, false)).exec(QStringLiteral("ROLLBACK"));
    m_problem = problem;
    m_error = error;
    return -1;
}

AuditArchiveCoverage AuditArchive::coverage() const
{
    QList<AuditTimeRange> ranges;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT from_ms, to_ms FROM coverage"))) {
        fail(QStringLiteral("cannot read coverage"), q.lastError());
        return {};
    }
    while (q.next())
        ranges.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
    return AuditArchiveCoverage(ranges);
}

namespace {

bool writeCoverage(QSqlDatabase db, const AuditArchiveCoverage &coverage, QSqlError *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("DELETE FROM coverage"))) {
        *error = q.lastError();
        return false;
    }
    if (!q.prepare(QStringLiteral("INSERT INTO coverage(from_ms, to_ms) VALUES(?, ?)"))) {
        *error = q.lastError();
        return false;
    }
    for (const AuditTimeRange &r : coverage.ranges()) {
        q.bindValue(0, r.fromMs);
        q.bindValue(1, r.toMs);
        if (!q.exec()) {
            *error = q.lastError();
            return false;
        }
    }
    return true;
}

} // namespace

bool AuditArchive::addCoverage(qint64 fromMs, qint64 toMs)
{
    if (m_mode != Mode::ReadWrite)
        return fail(Problem::ReadOnly, QStringLiteral("archive not writable"));
    if (fromMs >= toMs)
        return true;
    if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
        return false;
    AuditArchiveCoverage c = coverage();
    c.add(fromMs, toMs);
    QSqlError error;
    if (!writeCoverage(QSqlDatabase::database(m_connection, false), c, &error)) {
        fail(QStringLiteral("cannot write coverage"), error);
        QSqlQuery(QSqlDatabase::database(m_connection, false)).exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    return exec(QStringLiteral("COMMIT"));
}

qint64 AuditArchive::prunedBeforeMs() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'pruned_before'")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

qint64 AuditArchive::usedBytes() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    auto pragma = [&q](const char *name) -> qint64 {
        if (!q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(name))) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    };
    const qint64 pages = pragma("page_count");
    const qint64 size = pragma("page_size");
    const qint64 free = pragma("freelist_count");
    if (pages < 0 || size < 0 || free < 0)
        return -1;
    return (pages - free) * size;
}

qint64 AuditArchive::deleteBefore(qint64 cutoffMs)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
        return -1;
    m_cachedBlock = -1;
    qint64 removed = 0;
    QSqlError error;
    {
        // Blocks hold their entries newest first: what stays is a prefix, so
        // the slots of the entries kept do not change.
        QSqlQuery q(db);
        QSqlQuery w(db);
        std::vector<std::pair<qint64, QByteArray>> touched;
        q.prepare(QStringLiteral("SELECT id, columns FROM blocks WHERE oldest_ms < ?"));
        q.addBindValue(cutoffMs);
        if (q.exec()) {
            while (q.next())
                touched.emplace_back(q.value(0).toLongLong(), q.value(1).toByteArray());
        }
        if (q.lastError().isValid())
            error = q.lastError();
        q.finish();
        for (const auto &[block, blob] : touched) {
            if (error.isValid())
                break;
            api::AuditColumns columns;
            if (!auditarchiveblock::decodeColumns(blob, columns)) {
                fail(Problem::Corrupt, QStringLiteral("damaged block"), QString::number(block));
                error = QSqlError(m_error, m_error, QSqlError::StatementError, QStringLiteral("11"));
                break;
            }
            qsizetype keep = 0;
            while (keep < columns.size() && auditarchiveblock::timeOf(columns, keep) >= cutoffMs)
                ++keep;
            w.prepare(QStringLiteral("DELETE FROM ids WHERE id = ?"));
            for (qsizetype i = keep; i < columns.size() && !error.isValid(); ++i) {
                const QByteArrayView key = columns.ids.view(i);
                w.bindValue(0, QByteArray::fromRawData(key.data(), key.size()));
                if (!w.exec())
                    error = w.lastError();
            }
            removed += columns.size() - keep;
            if (error.isValid())
                break;
            if (keep == 0) {
                for (const QString &sql : {QStringLiteral("DELETE FROM blocks WHERE id = ?"),
                                           QStringLiteral("DELETE FROM block_bodies WHERE block = ?")}) {
                    w.prepare(sql);
                    w.addBindValue(block);
                    if (!w.exec()) {
                        error = w.lastError();
                        break;
                    }
                }
                continue;
            }
            std::vector<qsizetype> rows(static_cast<std::size_t>(keep));
            for (qsizetype i = 0; i < keep; ++i)
                rows[size_t(i)] = i;
            w.prepare(QStringLiteral("UPDATE blocks SET oldest_ms = ?, count = ?, columns = ? WHERE id = ?"));
            w.addBindValue(auditarchiveblock::timeOf(columns, keep - 1));
            w.addBindValue(qint64(keep));
            w.addBindValue(auditarchiveblock::encodeColumns(columns, rows));
            w.addBindValue(block);
            if (!w.exec()) {
                error = w.lastError();
                break;
            }
            const auditarchiveblock::Bodies *bodies = bodiesOf(block);
            if (bodies) {
                QList<QByteArray> kept;
                for (qsizetype i = 0; i < keep; ++i)
                    kept.append(bodies->at(i));
                m_cachedBlock = -1;
                w.prepare(QStringLiteral("UPDATE block_bodies SET data = ? WHERE block = ?"));
                w.addBindValue(auditarchiveblock::encodeBodies(kept));
                w.addBindValue(block);
                if (!w.exec())
                    error = w.lastError();
            }
        }
        if (!error.isValid()) {
            AuditArchiveCoverage c = coverage();
            c.clipBefore(cutoffMs);
            if (writeCoverage(db, c, &error)) {
                q.prepare(
                    QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('pruned_before', ?)"));
                q.addBindValue(QString::number(std::max(cutoffMs, prunedBeforeMs())));
                if (!q.exec())
                    error = q.lastError();
            }
        }
    }
    if (error.isValid() || !exec(QStringLiteral("COMMIT"))) {
        if (error.isValid())
            fail(QStringLiteral("cannot prune"), error);
        const Problem problem = m_problem;
        const QString text = m_error;
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        m_problem = problem;
        m_error = text;
        return -1;
    }
    // Gives the freed pages back to the file system (auto_vacuum = INCREMENTAL).
    exec(QStringLiteral("PRAGMA incremental_vacuum"));
    return removed;
}

std::optional<qint64> AuditArchive::timeOfOldest(qint64 n) const
{
    // The blocks from the oldest on until the n-th entry's one; its time there.
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT count, columns FROM blocks ORDER BY oldest_ms, id")))
        return std::nullopt;
    qint64 seen = 0;
    while (q.next()) {
        const qint64 count = q.value(0).toLongLong();
        if (seen + count <= n) {
            seen += count;
            continue;
        }
        api::AuditColumns columns;
        if (!auditarchiveblock::decodeColumns(q.value(1).toByteArray(), columns) || columns.size() != count)
            return std::nullopt;
        return auditarchiveblock::timeOf(columns, count - 1 - (n - seen));
    }
    return std::nullopt;
}

qint64 AuditArchive::prune(qint64 olderThanMs, qint64 maxBytes)
{
    if (m_mode != Mode::ReadWrite) {
        fail(Problem::ReadOnly, QStringLiteral("archive not writable"));
        return -1;
    }
    if (!indexPending()) // entries go by id
        return -1;
    qint64 removed = 0;
    if (olderThanMs > 0) {
        const qint64 n = deleteBefore(olderThanMs);
        if (n < 0)
            return -1;
        removed += n;
    }
    // The oldest entries go until the pages in use fit, to 90 % of the cap
    // so the next pages do not start another round at once. Index pages do
    // not shrink in proportion: a few rounds at most.
    for (int round = 0; maxBytes > 0 && round < 4; ++round) {
        const qint64 used = usedBytes();
        const qint64 rows = count();
        if (used <= maxBytes || rows <= 0)
            break;
        const qint64 perEntry = std::max<qint64>(used / rows, 1);
        const qint64 drop = std::max<qint64>((used - maxBytes * 9 / 10 + perEntry - 1) / perEntry, 1);
        qint64 cutoff = 0;
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        if (drop >= rows) {
            cutoff = newestTimeMs().value_or(0) + 1;
        } else if (const std::optional<qint64> t = timeOfOldest(drop)) {
            cutoff = *t;
        } else {
            break;
        }
        q.finish();
        const qint64 n = deleteBefore(cutoff);
        if (n < 0)
            return -1;
        removed += n;
    }
    return removed;
}

bool AuditArchive::removeFiles()
{
    if (m_mode != Mode::ReadWrite || !m_lock)
        return fail(Problem::Locked, QStringLiteral("the archive is not ours to delete"));
    m_pendingIds->forget();
    m_mode = Mode::Closed;
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
    bool ok = true;
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const QString file = m_path + QLatin1String(suffix);
        if (QFileInfo::exists(file) && !QFile::remove(file)) {
            ok = fail(Problem::ReadOnly, QStringLiteral("cannot delete"), QDir::toNativeSeparators(file));
        }
    }
    m_lock.reset();
    return ok;
}

bool AuditArchive::setPageLimit(qint64 pages)
{
    return exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages));
}

std::optional<qint64> AuditArchive::newestTimeMs() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(m_legacy ? QStringLiteral("SELECT MAX(time_ms) FROM entries")
                         : QStringLiteral("SELECT MAX(newest_ms) FROM blocks")) ||
        !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

qint64 AuditArchive::count() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(m_legacy ? QStringLiteral("SELECT COUNT(*) FROM entries")
                         : QStringLiteral("SELECT IFNULL(SUM(count), 0) FROM blocks")) ||
        !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QByteArray AuditArchive::fullEntry(const QString &id) const
{
    if (!indexPendingForReading())
        return {};
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(m_legacy ? QStringLiteral(
                             "SELECT b.json FROM entries e JOIN bodies b ON b.entry = e.rowid WHERE e.id = ?")
                       : QStringLiteral("SELECT block, slot FROM ids WHERE id = ?"));
    q.addBindValue(m_legacy ? QVariant(id) : QVariant(id.toUtf8()));
    if (!q.exec()) {
        fail(QStringLiteral("cannot read"), q.lastError());
        return {};
    }
    if (!q.next())
        return {};
    if (m_legacy)
        return q.value(0).toByteArray();
    const qint64 slot = q.value(1).toLongLong();
    const auditarchiveblock::Bodies *bodies = bodiesOf(q.value(0).toLongLong());
    return bodies ? bodies->at(slot) : QByteArray();
}

namespace {

struct BlockRow
{
    qint64 id = 0;
    qint64 newestMs = 0;
    qint64 oldestMs = 0;
    qint64 count = 0;
    QByteArray columns;
};

// Entry `slot` of block `block` (an index into the blocks read) at timeMs.
struct Slot
{
    qint64 timeMs;
    quint32 block;
    quint32 slot;
};

} // namespace

QList<api::AuditColumns> AuditArchive::pagesOverlapping(qint64 fromMs, qint64 toMs) const
{
    QList<api::AuditColumns> pages;
    if (m_legacy)
        return pages;
    m_damaged = 0;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, count, columns FROM blocks WHERE newest_ms >= ? AND oldest_ms < ? "
                             "ORDER BY newest_ms DESC, id"));
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec()) {
        fail(QStringLiteral("cannot read"), q.lastError());
        return pages;
    }
    while (q.next()) {
        api::AuditColumns columns;
        const qint64 count = q.value(1).toLongLong();
        if (auditarchiveblock::decodeColumns(q.value(2).toByteArray(), columns) && columns.size() == count)
            pages.append(std::move(columns));
        else
            m_damaged += std::max<qint64>(count, 1);
    }
    return pages;
}

qint64 AuditArchive::loadInto(AuditStore &store, qint64 maxRows, qint64 offset) const
{
    if (m_legacy)
        return legacyLoadInto(store, maxRows, offset);
    m_damaged = 0;
    offset = std::max<qint64>(offset, 0);
    const qint64 limit = maxRows < 0 ? std::numeric_limits<qint64>::max() : maxRows;
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    // The blocks' places first (their rows only, not their columns), then each
    // block's columns as it is needed: a few blobs in memory at a time instead
    // of all of them (tens of megabytes of fresh memory to fault in and clear).
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT id, newest_ms, oldest_ms, count FROM blocks ORDER BY newest_ms DESC, id"))) {
        fail(QStringLiteral("cannot read"), q.lastError());
        return -1;
    }
    std::vector<BlockRow> blocks;
    while (q.next())
        blocks.push_back({q.value(0).toLongLong(),
                          q.value(1).toLongLong(),
                          q.value(2).toLongLong(),
                          q.value(3).toLongLong(),
                          {}});
    if (q.lastError().isValid()) {
        fail(QStringLiteral("cannot read"), q.lastError());
        return -1;
    }
    q.finish();
    QSqlQuery blobQuery(db);
    blobQuery.setForwardOnly(true);
    if (!blobQuery.prepare(QStringLiteral("SELECT columns FROM blocks WHERE id = ?"))) {
        fail(QStringLiteral("cannot read"), blobQuery.lastError());
        return -1;
    }
    // The block's columns; false on a read error (a block gone meanwhile
    // reads as an empty blob, which does not decode: damage).
    auto readColumns = [&blobQuery](BlockRow &row) {
        blobQuery.bindValue(0, row.id);
        if (!blobQuery.exec())
            return false;
        if (blobQuery.next())
            row.columns = blobQuery.value(0).toByteArray();
        const bool ok = !blobQuery.lastError().isValid();
        blobQuery.finish();
        return ok;
    };
    auto damaged = [this](const BlockRow &row) {
        m_damaged += std::max<qint64>(row.count, 1);
        m_error = QStringLiteral("damaged block %1").arg(row.id);
    };
    // Blocks that do not overlap in time are already in the table's order
    // (newest first; ties by block, then slot): each goes to the store whole.
    bool disjoint = true;
    for (size_t b = 1; b < blocks.size() && disjoint; ++b)
        disjoint = blocks[b - 1].oldestMs > blocks[b].newestMs ||
                   (blocks[b - 1].oldestMs == blocks[b].newestMs && blocks[b - 1].id < blocks[b].id);
    qint64 loaded = 0;
    if (disjoint) {
        // Decompressing and decoding run on pool threads a few blocks ahead
        // while this thread reads the next blobs and appends to the store, in
        // order; another pool thread first faults in the store's columns for
        // every row to come.
        struct Decoded
        {
            auditarchiveblock::StoreBlock columns;
            bool ok = false;
        };
        constexpr size_t kAhead = 8;
        qint64 skip = offset;
        size_t first = 0;
        while (first < blocks.size() && skip >= blocks[first].count)
            skip -= blocks[first++].count;
        qint64 rows = -skip;
        for (size_t b = first; b < blocks.size(); ++b)
            rows += std::max<qint64>(blocks[b].count, 0);
        rows = std::clamp<qint64>(std::min(rows, limit), 0,
                                  std::numeric_limits<quint32>::max() - store.rowCount());
        QFuture<void> prefaulted = QtConcurrent::run([ranges = store.reserve(quint32(rows))] {
            for (const columnmemory::Range &range : ranges)
                columnmemory::prefault(range);
        });
        std::deque<QFuture<Decoded>> ahead;
        size_t next = first;
        bool readFailed = false;
        auto submit = [&] {
            BlockRow *row = &blocks[next++];
            readFailed = !readColumns(*row);
            ahead.push_back(QtConcurrent::run([row] {
                Decoded d;
                d.ok = auditarchiveblock::decodeForStore(row->columns, d.columns) &&
                       d.columns.size() == row->count;
                row->columns = QByteArray();
                return d;
            }));
        };
        for (size_t b = first; b < blocks.size() && !readFailed; ++b) {
            while (next < blocks.size() && ahead.size() < kAhead && loaded < limit && !readFailed)
                submit();
            if (ahead.empty())
                break;
            Decoded d = ahead.front().takeResult();
            ahead.pop_front();
            if (loaded >= limit)
                continue; // let the ones in flight finish
            const BlockRow &row = blocks[b];
            if (!d.ok) {
                damaged(row);
                continue;
            }
            const qint64 to = skip + std::min<qint64>(d.columns.size() - skip, limit - loaded);
            loaded += store.appendBlock(d.columns, skip, to);
            skip = 0;
        }
        for (QFuture<Decoded> &f : ahead)
            f.waitForFinished();
        prefaulted.waitForFinished();
        if (readFailed) {
            fail(QStringLiteral("cannot read"), blobQuery.lastError());
            return -1;
        }
        return loaded;
    }
    // Overlapping blocks (a refresh of a stretch already held in part): merged by time.
    std::vector<auditarchiveblock::StoreBlock> decoded(blocks.size());
    std::vector<Slot> order;
    for (size_t b = 0; b < blocks.size(); ++b) {
        if (!readColumns(blocks[b])) {
            fail(QStringLiteral("cannot read"), blobQuery.lastError());
            return -1;
        }
        const bool ok = auditarchiveblock::decodeForStore(blocks[b].columns, decoded[b]) &&
                        decoded[b].size() == blocks[b].count;
        blocks[b].columns = QByteArray();
        if (!ok) {
            damaged(blocks[b]);
            decoded[b] = {};
            continue;
        }
        for (qsizetype i = 0; i < decoded[b].size(); ++i)
            order.push_back({decoded[b].timeMs[size_t(i)], quint32(b), quint32(i)});
    }
    std::stable_sort(order.begin(), order.end(), [&blocks](const Slot &x, const Slot &y) {
        if (x.timeMs != y.timeMs)
            return x.timeMs > y.timeMs;
        return blocks[x.block].id < blocks[y.block].id;
    });
    const auto first = size_t(std::min<qint64>(offset, qint64(order.size())));
    const auto last = first + size_t(std::min<qint64>(qint64(order.size() - first), limit));
    for (size_t i = first; i < last;) {
        // A run of consecutive slots of one block goes in one call.
        size_t j = i + 1;
        while (j < last && order[j].block == order[i].block && order[j].slot == order[j - 1].slot + 1)
            ++j;
        loaded += store.appendBlock(decoded[order[i].block], order[i].slot, qsizetype(order[j - 1].slot) + 1);
        i = j;
    }
    return loaded;
}

qint64 AuditArchive::legacyLoadInto(AuditStore &store, qint64 maxRows, qint64 offset) const
{
    m_damaged = 0;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT id, time_ms, compact FROM entries ORDER BY time_ms DESC, rowid");
    if (maxRows >= 0 || offset > 0)
        sql += QStringLiteral(" LIMIT %1 OFFSET %2").arg(maxRows).arg(std::max<qint64>(offset, 0));
    if (!q.exec(sql)) {
        fail(QStringLiteral("cannot read"), q.lastError());
        return -1;
    }
    qint64 loaded = 0;
    QList<api::AuditEvent> batch;
    batch.reserve(kLoadBatch);
    while (q.next()) {
        api::AuditEvent e;
        e.id = q.value(0).toString();
        e.actionTimeMs = q.value(1).toLongLong();
        if (!decodeCompact(q.value(2).toByteArray(), e)) {
            ++m_damaged;
            m_error = QStringLiteral("damaged entry %1").arg(e.id);
            continue;
        }
        batch.append(std::move(e));
        if (batch.size() == kLoadBatch) {
            loaded += store.append(batch);
            batch.clear();
        }
    }
    if (q.lastError().isValid()) {
        fail(QStringLiteral("cannot read"), q.lastError());
        loaded += store.append(batch);
        return -1;
    }
    loaded += store.append(batch);
    return loaded;
}

void AuditArchive::setQtSqlOnlyForTests(bool on)
{
    g_qtSqlOnly.storeRelaxed(on ? 1 : 0);
}

QByteArray AuditArchive::encodeRow(const api::AuditEvent &event)
{
    return encodeCompact(event);
}

bool AuditArchive::decodeRow(const QByteArray &blob, api::AuditEvent &event)
{
    return decodeCompact(blob, event);
}

} // namespace models
