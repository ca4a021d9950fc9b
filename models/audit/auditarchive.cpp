#include "models/audit/auditarchive.h"

#include "models/audit/auditentryjson.h"
#include "models/logging.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <algorithm>

namespace models {

namespace {

constexpr int kSchemaVersion = 1;
constexpr quint8 kCompactVersion = 1;
constexpr int kLoadBatch = 8192;

QAtomicInteger<quint64> g_connectionCounter;

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

QString safeFileName(const QString &organizationId)
{
    QString s;
    for (QChar c : organizationId)
        s.append(c.isLetterOrNumber() || c == u'-' || c == u'_' ? c : QChar(u'_'));
    return s.isEmpty() ? QStringLiteral("default") : s;
}

} // namespace

AuditArchive::AuditArchive(const QString &organizationId, const QString &directory)
    : m_organizationId(organizationId),
      m_connection(QStringLiteral("orgscope-audit-archive-%1").arg(++g_connectionCounter))
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
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

void AuditArchive::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString AuditArchive::setError(const QString &what, const QString &detail) const
{
    m_error = detail.isEmpty() ? what : what + QStringLiteral(": ") + detail;
    qCWarning(lcModels) << "audit archive" << m_path << m_error;
    return m_error;
}

bool AuditArchive::openFile()
{
    close();
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        setError(QStringLiteral("cannot open"), db.lastError().text());
        return false;
    }
    return initSchema();
}

bool AuditArchive::openReadOnly()
{
    close();
    if (!QFileInfo::exists(m_path)) {
        setError(QStringLiteral("cannot open"), QStringLiteral("no archive yet"));
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        setError(QStringLiteral("cannot open"), db.lastError().text());
        return false;
    }
    return true;
}

QHash<QString, QByteArray> AuditArchive::fullEntries(const QStringList &ids) const
{
    QHash<QString, QByteArray> out;
    if (ids.isEmpty())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    // SQLite allows 999 parameters per statement in older builds.
    constexpr qsizetype kBatch = 500;
    for (qsizetype from = 0; from < ids.size(); from += kBatch) {
        const qsizetype n = std::min(kBatch, ids.size() - from);
        QString sql = QStringLiteral("SELECT e.id, b.json FROM entries e JOIN bodies b ON b.entry = e.rowid "
                                     "WHERE e.id IN (?");
        sql.reserve(sql.size() + 2 * n + 1);
        for (qsizetype i = 1; i < n; ++i)
            sql += QStringLiteral(",?");
        sql += QLatin1Char(')');
        if (!q.prepare(sql)) {
            setError(QStringLiteral("cannot read"), q.lastError().text());
            return out;
        }
        for (qsizetype i = 0; i < n; ++i)
            q.addBindValue(ids[from + i]);
        if (!q.exec()) {
            setError(QStringLiteral("cannot read"), q.lastError().text());
            return out;
        }
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toByteArray());
    }
    return out;
}

bool AuditArchive::initSchema()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    const char *statements[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        "PRAGMA busy_timeout=5000",
        "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)",
        // Small rows for the table; bodies live apart so loading skips them.
        "CREATE TABLE IF NOT EXISTS entries(id TEXT NOT NULL UNIQUE, time_ms INTEGER NOT NULL, compact BLOB "
        "NOT NULL)",
        "CREATE INDEX IF NOT EXISTS entries_time ON entries(time_ms)",
        "CREATE TABLE IF NOT EXISTS bodies(entry INTEGER PRIMARY KEY, json BLOB NOT NULL)",
    };
    for (const char *sql : statements) {
        if (!q.exec(QLatin1String(sql))) {
            setError(QStringLiteral("not a usable archive"), q.lastError().text());
            return false;
        }
    }
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema'"))) {
        setError(QStringLiteral("not a usable archive"), q.lastError().text());
        return false;
    }
    if (!q.next()) {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES('schema', ?)"));
        insert.addBindValue(QString::number(kSchemaVersion));
        if (!insert.exec()) {
            setError(QStringLiteral("cannot write"), insert.lastError().text());
            return false;
        }
        return true;
    }
    if (q.value(0).toString() != QString::number(kSchemaVersion)) {
        setError(QStringLiteral("unknown archive format %1").arg(q.value(0).toString()), QString());
        return false;
    }
    return true;
}

bool AuditArchive::open()
{
    m_notice.clear();
    if (openFile())
        return true;
    if (!QFileInfo::exists(m_path))
        return false;
    return setAside(m_error);
}

bool AuditArchive::setAside(const QString &reason)
{
    close();
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzz"));
    const QString aside = m_path + QStringLiteral(".corrupt-") + stamp;
    bool moved = QFile::rename(m_path, aside);
    if (!moved)
        moved = QFile::remove(m_path);
    // Journals of the old file must not be applied to the new one.
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString journal = m_path + QLatin1String(suffix);
        if (QFile::exists(journal) && !QFile::rename(journal, aside + QLatin1String(suffix)))
            QFile::remove(journal);
    }
    m_notice =
        moved ? QStringLiteral("The audit archive %1 could not be read (%2); it was moved to %3 and a new "
                               "archive was started.")
                    .arg(QDir::toNativeSeparators(m_path), reason, QDir::toNativeSeparators(aside))
              : QStringLiteral("The audit archive %1 could not be read (%2) nor moved aside.")
                    .arg(QDir::toNativeSeparators(m_path), reason);
    qCWarning(lcModels).noquote() << m_notice;
    if (!moved)
        return false;
    const QString notice = m_notice;
    const bool ok = openFile();
    m_notice = notice;
    return ok;
}

int AuditArchive::appendPage(const QList<api::AuditEvent> &events)
{
    if (!isOpen()) {
        setError(QStringLiteral("archive not open"), QString());
        return -1;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        setError(QStringLiteral("cannot start a transaction"), db.lastError().text());
        return -1;
    }
    int added = 0;
    {
        QSqlQuery entry(db);
        QSqlQuery body(db);
        if (!entry.prepare(
                QStringLiteral("INSERT OR IGNORE INTO entries(id, time_ms, compact) VALUES(?, ?, ?)")) ||
            !body.prepare(QStringLiteral("INSERT OR REPLACE INTO bodies(entry, json) VALUES(?, ?)"))) {
            setError(QStringLiteral("cannot write"), entry.lastError().text() + body.lastError().text());
            db.rollback();
            return -1;
        }
        for (const api::AuditEvent &e : events) {
            if (e.id.isEmpty())
                continue; // cannot be de-duplicated or looked up
            const qint64 ms = e.actionTimeMs != 0 || !e.actionTime.isValid()
                                  ? e.actionTimeMs
                                  : e.actionTime.toMSecsSinceEpoch();
            entry.bindValue(0, e.id);
            entry.bindValue(1, ms);
            entry.bindValue(2, encodeCompact(e));
            if (!entry.exec()) {
                setError(QStringLiteral("cannot write"), entry.lastError().text());
                db.rollback();
                return -1;
            }
            if (entry.numRowsAffected() != 1)
                continue; // already stored
            body.bindValue(0, entry.lastInsertId());
            body.bindValue(1, auditentryjson::fullOrEncoded(e));
            if (!body.exec()) {
                setError(QStringLiteral("cannot write"), body.lastError().text());
                db.rollback();
                return -1;
            }
            ++added;
        }
    }
    if (!db.commit()) {
        setError(QStringLiteral("cannot commit"), db.lastError().text());
        db.rollback();
        return -1;
    }
    return added;
}

std::optional<qint64> AuditArchive::newestTimeMs() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT MAX(time_ms) FROM entries")) || !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

qint64 AuditArchive::count() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM entries")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QByteArray AuditArchive::fullEntry(const QString &id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(
        QStringLiteral("SELECT b.json FROM entries e JOIN bodies b ON b.entry = e.rowid WHERE e.id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        setError(QStringLiteral("cannot read"), q.lastError().text());
        return {};
    }
    return q.next() ? q.value(0).toByteArray() : QByteArray();
}

qint64 AuditArchive::loadInto(AuditStore &store, qint64 maxRows, qint64 offset) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT id, time_ms, compact FROM entries ORDER BY time_ms DESC, rowid");
    if (maxRows >= 0 || offset > 0)
        sql += QStringLiteral(" LIMIT %1 OFFSET %2").arg(maxRows).arg(std::max<qint64>(offset, 0));
    if (!q.exec(sql)) {
        setError(QStringLiteral("cannot read"), q.lastError().text());
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
            setError(QStringLiteral("damaged entry"), e.id);
            continue;
        }
        batch.append(std::move(e));
        if (batch.size() == kLoadBatch) {
            loaded += store.append(batch);
            batch.clear();
        }
    }
    if (q.lastError().isValid()) {
        setError(QStringLiteral("cannot read"), q.lastError().text());
        loaded += store.append(batch);
        return -1;
    }
    loaded += store.append(batch);
    return loaded;
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
