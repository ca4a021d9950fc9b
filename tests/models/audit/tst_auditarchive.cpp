// AuditArchive: round-trip into a store, incremental refresh without missing
// or doubled entries, full entries on demand, writes from a worker thread,
// coverage, retention and deletion, and the fault cases: corrupt files set
// aside; a newer schema, another instance, a busy file, a read-only folder
// and a full disk leaving the file untouched; owner-only permissions. The
// worker's queue: pages compressed off the caller's thread, its memory
// bounded (spilling) while the writer is slower than the pages, none lost.

#include "auditsamples.h"

#include "models/audit/auditarchive.h"
#include "models/audit/auditarchiveblock.h"
#include "models/audit/auditarchiveworker.h"
#include "models/audit/auditstore.h"
#include "models/backgroundthread.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include <QMutex>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSet>
#include <QThread>

#include <unistd.h>

using namespace models;

class TestAuditArchive : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QStringList asideFiles() const
    {
        return QDir(m_dir.path()).entryList({QStringLiteral("*.corrupt-*")}, QDir::Files);
    }

    static QByteArray fileHash(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

    // Runs sql on the file through a connection of the test's own.
    static bool poke(const QString &path, const QString &sql)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("poke"));
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(sql);
                q.finish();
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("poke"));
        return ok;
    }

    // One value read through a connection of the test's own.
    static QVariant peek(const QString &path, const QString &sql)
    {
        QVariant value;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(sql) && q.next())
                    value = q.value(0);
                q.finish();
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return value;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void defaultLocation()
    {
        AuditArchive archive(QStringLiteral("abc/../def"));
        QVERIFY(archive.filePath().startsWith(AuditArchive::defaultDirectory()));
        QVERIFY(!archive.filePath().contains(QStringLiteral("..")));
    }

    void roundTrip()
    {
        auditsamples::Generator gen(11);
        QList<api::AuditEvent> all;
        {
            AuditArchive archive(QStringLiteral("org-roundtrip"), m_dir.path());
            QVERIFY2(archive.open(), qPrintable(archive.errorString()));
            QVERIFY(archive.notice().isEmpty());
            QCOMPARE(archive.count(), 0);
            QCOMPARE(archive.newestTimeMs(), std::nullopt);
            for (int p = 0; p < 3; ++p) {
                auto page = gen.page(700);
                page[0].rawJson = "{\"id\":\"" + page[0].id.toUtf8() + "\",\"custom\":true}";
                page[1].resourceRequestJson = "{\"member\":{\"status\":\"active\"}}";
                page[1].resourceScopeJson = "\"organizations\"";
                QCOMPARE(archive.appendPage(page), 700);
                all += page;
            }
            // The same page again adds nothing.
            QCOMPARE(archive.appendPage(all.mid(0, 700)), 0);
            QCOMPARE(archive.count(), 2100);
        }
        // Reopen: everything is there, newest first.
        AuditArchive archive(QStringLiteral("org-roundtrip"), m_dir.path());
        QVERIFY(archive.open());
        AuditStore store;
        QCOMPARE(archive.loadInto(store), 2100);
        QCOMPARE(store.rowCount(), 2100u);
        QHash<QString, api::AuditEvent> byId;
        for (const auto &e : std::as_const(all))
            byId.insert(e.id, e);
        qint64 previous = std::numeric_limits<qint64>::max();
        for (quint32 r = 0; r < store.rowCount(); ++r) {
            const api::AuditEvent back = store.event(r);
            QVERIFY(back.actionTimeMs <= previous);
            previous = back.actionTimeMs;
            const api::AuditEvent &e = byId.value(back.id);
            QCOMPARE(back.actionTimeMs, e.actionTimeMs);
            QCOMPARE(back.actorEmail, e.actorEmail);
            QCOMPARE(back.actorIpAddress, e.actorIpAddress);
            QCOMPARE(back.rawStatusCode, e.rawStatusCode);
            QCOMPARE(back.resourceId, e.resourceId);
            QCOMPARE(back.rawCfRayId, e.rawCfRayId);
            QCOMPARE(back.rawUri, e.rawUri);
            QCOMPARE(back.actionDescription, e.actionDescription);
        }
        AuditStore limited;
        QCOMPARE(archive.loadInto(limited, 100), 100);
        QCOMPARE(limited.data().timeMs(0), store.data().timeMs(0));
        // Slices add up to the whole, in the same order.
        QCOMPARE(archive.loadInto(limited, 1000, 100), 1000);
        QCOMPARE(archive.loadInto(limited, -1, 1100), 1000);
        QCOMPARE(limited.rowCount(), store.rowCount());
        for (quint32 r = 0; r < store.rowCount(); r += 7)
            QCOMPARE(limited.data().key(AuditKey::EntryId, r), store.data().key(AuditKey::EntryId, r));

        // Raw JSON as received when there was one, else rebuilt from the record.
        for (int p = 0; p < 3; ++p) {
            const api::AuditEvent &custom = all[p * 700];
            QCOMPARE(archive.fullEntry(custom.id), custom.rawJson);
            const api::AuditEvent &built = all[p * 700 + 1];
            const QJsonObject o = QJsonDocument::fromJson(archive.fullEntry(built.id)).object();
            QCOMPARE(o.value(QStringLiteral("id")).toString(), built.id);
            const QJsonObject resource = o.value(QStringLiteral("resource")).toObject();
            QCOMPARE(resource.value(QStringLiteral("scope")).toString(), QStringLiteral("organizations"));
            QCOMPARE(
                resource.value(QStringLiteral("request"))[QStringLiteral("member")][QStringLiteral("status")]
                    .toString(),
                QStringLiteral("active"));
            QCOMPARE(o.value(QStringLiteral("actor"))[QStringLiteral("ip_address")].toString(),
                     built.actorIpAddress);
        }
        QVERIFY(archive.fullEntry(QStringLiteral("nope")).isEmpty());
    }

    void incrementalRefresh()
    {
        auditsamples::Generator gen(12, 1795000000000LL);
        AuditArchive archive(QStringLiteral("org-refresh"), m_dir.path());
        QVERIFY(archive.open());
        // First load: older history.
        auto history = gen.page(1500);
        std::reverse(history.begin(), history.end()); // make index 0 the oldest
        QCOMPARE(archive.appendPage(history), 1500);
        const qint64 newest = *archive.newestTimeMs();
        QCOMPARE(newest, history.last().actionTimeMs);

        AuditStore store;
        archive.loadInto(store);
        QCOMPARE(store.newestTimeMs(), newest);

        // Refresh: the server returns everything since `newest` inclusive, so
        // entries at the boundary come again, beside genuinely new ones.
        QList<api::AuditEvent> refresh;
        api::AuditEvent sameTime = gen.next(); // a different entry logged in the same millisecond
        sameTime.actionTimeMs = newest;
        refresh << sameTime;
        for (int i = 0; i < 50; ++i) {
            api::AuditEvent e = gen.next();
            e.actionTimeMs = newest + 1000 * (i + 1);
            refresh << e;
        }
        refresh << history.last(); // the boundary entry again
        const QSet<QString> boundary = store.idsAtOrAfter(newest);
        QCOMPARE(archive.appendPage(refresh), 51);
        QCOMPARE(store.append(refresh, boundary), 51u);
        QCOMPARE(archive.count(), 1551);
        QCOMPARE(store.rowCount(), 1551u);

        // Store and archive hold exactly the same set of ids, each once.
        QSet<QString> ids;
        for (quint32 r = 0; r < store.rowCount(); ++r)
            ids.insert(store.data().key(AuditKey::EntryId, r));
        QCOMPARE(ids.size(), 1551);
        AuditStore reloaded;
        QCOMPARE(archive.loadInto(reloaded), 1551);
        QSet<QString> reloadedIds;
        for (quint32 r = 0; r < reloaded.rowCount(); ++r)
            reloadedIds.insert(reloaded.data().key(AuditKey::EntryId, r));
        QCOMPARE(reloadedIds, ids);
        QCOMPARE(*archive.newestTimeMs(), newest + 50000);
    }

    void writesFromWorkerThread()
    {
        auditsamples::Generator gen(13);
        const auto pages = QList<QList<api::AuditEvent>>{gen.page(400), gen.page(400), gen.page(400)};
        {
            AuditArchive create(QStringLiteral("org-thread"), m_dir.path());
            QVERIFY(create.open());
        }
        // The writer holds the archive's lock; a reader (an export) reads beside it.
        AuditArchive reader(QStringLiteral("org-thread"), m_dir.path());
        QVERIFY(reader.openReadOnly());
        const QString dir = m_dir.path();
        auto future = QtConcurrent::run([dir, pages] {
            AuditArchive writer(QStringLiteral("org-thread"), dir); // its own connection
            if (!writer.open())
                return -1;
            int added = 0;
            for (const auto &page : pages)
                added += writer.appendPage(page);
            return added;
        });
        future.waitForFinished();
        QCOMPARE(future.result(), 1200);
        QCOMPARE(reader.count(), 1200);
        QVERIFY(!reader.fullEntry(pages[2][5].id).isEmpty());
    }

    void garbageFileIsSetAside()
    {
        const QString org = QStringLiteral("org-garbage");
        QString path;
        {
            AuditArchive archive(org, m_dir.path());
            QVERIFY(archive.open());
            archive.appendPage(auditsamples::Generator(14).page(10));
            path = archive.filePath();
        }
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QByteArray garbage(64 * 1024, '\0');
            for (int i = 0; i < garbage.size(); ++i)
                garbage[i] = char((i * 7919) & 0xFF);
            f.write(garbage);
        }
        const QStringList before = asideFiles();
        AuditArchive archive(org, m_dir.path());
        QVERIFY2(archive.open(), qPrintable(archive.errorString()));
        QVERIFY(!archive.notice().isEmpty());
        QVERIFY(archive.notice().contains(QStringLiteral(".corrupt-")));
        QCOMPARE(asideFiles().size(), before.size() + 1);
        // A fresh, working archive took its place.
        QCOMPARE(archive.count(), 0);
        QCOMPARE(archive.appendPage(auditsamples::Generator(15).page(5)), 5);
        AuditStore store;
        QCOMPARE(archive.loadInto(store), 5);
    }

    void damagedPagesDoNotCrash()
    {
        const QString org = QStringLiteral("org-damaged");
        QString path;
        {
            AuditArchive archive(org, m_dir.path());
            QVERIFY(archive.open());
            auditsamples::Generator gen(16);
            for (int p = 0; p < 5; ++p)
                archive.appendPage(gen.page(500));
            path = archive.filePath();
        } // closing checkpoints the WAL into the file
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            const qint64 size = f.size();
            QVERIFY(size > 64 * 1024);
            // Scribble over pages in the middle, keep the header.
            for (qint64 at = 8192; at < size; at += 16384) {
                f.seek(at);
                f.write(QByteArray(2048, '\xA5'));
            }
        }
        AuditArchive archive(org, m_dir.path());
        const bool opened = archive.open();
        AuditStore store;
        const qint64 loaded = opened ? archive.loadInto(store) : -1;
        if (loaded < 0) {
            // Report, then recover with an empty archive.
            QVERIFY(!archive.errorString().isEmpty());
            QVERIFY(archive.setAside(archive.errorString()));
            QVERIFY(!archive.notice().isEmpty());
            QCOMPARE(archive.count(), 0);
        }
        QCOMPARE(qint64(store.rowCount()) <= 2500, true);
    }

    // Fault: an archive written by a newer Orgscope (a downgrade) is refused
    // and left byte for byte as it was.
    void newerSchemaIsLeftUntouched()
    {
        const QString org = QStringLiteral("org-schema");
        QString path;
        {
            AuditArchive archive(org, m_dir.path());
            QVERIFY(archive.open());
            QCOMPARE(archive.appendPage(auditsamples::Generator(17).page(20)), 20);
            path = archive.filePath();
        }
        QVERIFY(poke(path, QStringLiteral("UPDATE meta SET value = '999' WHERE key = 'schema'")));
        const QByteArray before = fileHash(path);
        const QStringList asideBefore = asideFiles();
        AuditArchive archive(org, m_dir.path());
        QVERIFY(!archive.open());
        QCOMPARE(archive.problem(), AuditArchive::Problem::NewerSchema);
        QVERIFY2(archive.notice().contains(QStringLiteral("newer version")), qPrintable(archive.notice()));
        QVERIFY(archive.notice().contains(QStringLiteral("999")));
        QVERIFY(!archive.isOpen());
        QCOMPARE(asideFiles(), asideBefore);
        QCOMPARE(fileHash(path), before);
        QVERIFY(poke(path, QStringLiteral("UPDATE meta SET value = '%1' WHERE key = 'schema'")
                               .arg(AuditArchive::schemaVersion())));
        QVERIFY(archive.open());
        QCOMPARE(archive.count(), 20);
    }

    // Fault: the archive is locked by another instance. The second one reads
    // it, writes nothing and cannot set it aside or delete it.
    void secondInstanceIsReadOnly()
    {
        const QString org = QStringLiteral("org-two");
        AuditArchive first(org, m_dir.path());
        QVERIFY(first.open());
        QCOMPARE(first.mode(), AuditArchive::Mode::ReadWrite);
        QCOMPARE(first.appendPage(auditsamples::Generator(18).page(30)), 30);

        AuditArchive second(org, m_dir.path());
        QVERIFY(second.open());
        QCOMPARE(second.mode(), AuditArchive::Mode::ReadOnly);
        QVERIFY2(second.notice().contains(QStringLiteral("another Orgscope")), qPrintable(second.notice()));
        QCOMPARE(second.count(), 30);
        AuditStore store;
        QCOMPARE(second.loadInto(store), 30);
        QCOMPARE(second.appendPage(auditsamples::Generator(19).page(5)), -1);
        QVERIFY(!second.addCoverage(0, 1000));
        QVERIFY(!second.setAside(QStringLiteral("test")));
        QVERIFY(!second.removeFiles());
        QVERIFY(QFileInfo::exists(first.filePath()));
        QVERIFY(asideFiles().filter(QStringLiteral("org-two")).isEmpty());
        // The first instance never noticed.
        QCOMPARE(first.appendPage(auditsamples::Generator(20).page(5)), 5);
        QCOMPARE(first.count(), 35);

        // Once the first one is gone, the next instance writes again.
        first.close();
        second.close();
        AuditArchive third(org, m_dir.path());
        QVERIFY(third.open());
        QCOMPARE(third.mode(), AuditArchive::Mode::ReadWrite);
        QVERIFY(third.notice().isEmpty());
    }

    void fileIsOwnerOnly()
    {
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther;
        QTemporaryDir parent;
        const QString dir = parent.filePath(QStringLiteral("fresh/audit"));
        AuditArchive archive(QStringLiteral("org-private"), dir);
        QVERIFY(archive.open());
        QCOMPARE(archive.appendPage(auditsamples::Generator(21).page(5)), 5);
        QCOMPARE(QFile::permissions(archive.filePath()) & others, QFileDevice::Permissions());
        QVERIFY(QFile::permissions(archive.filePath()) & QFileDevice::WriteOwner);
        for (const char *journal : {"-wal", "-shm"})
            if (QFileInfo::exists(archive.filePath() + QLatin1String(journal)))
                QCOMPARE(QFile::permissions(archive.filePath() + QLatin1String(journal)) & others,
                         QFileDevice::Permissions());
        QCOMPARE(QFile::permissions(dir) & others, QFileDevice::Permissions());
        archive.close();

        // A file of an older version, readable by everyone, is tightened.
        QFile::setPermissions(archive.filePath(), QFile::permissions(archive.filePath()) |
                                                      QFileDevice::ReadOther | QFileDevice::ReadGroup);
        QVERIFY(archive.open());
        QCOMPARE(QFile::permissions(archive.filePath()) & others, QFileDevice::Permissions());
    }

    // Fault: a busy file (another program holds the write lock) is trouble,
    // not damage: the write fails, the file stays, later writes work.
    void busyFileIsNotSetAside()
    {
        const QString org = QStringLiteral("org-busy");
        AuditArchive archive(org, m_dir.path());
        QVERIFY(archive.open());
        QCOMPARE(archive.appendPage(auditsamples::Generator(22).page(10)), 10);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
            db.setDatabaseName(archive.filePath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));                     // the write lock, held
            QCOMPARE(archive.appendPage(auditsamples::Generator(23).page(10)), -1); // after the busy timeout
            QCOMPARE(archive.problem(), AuditArchive::Problem::Busy);
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        QVERIFY(asideFiles().filter(org).isEmpty());
        QCOMPARE(archive.appendPage(auditsamples::Generator(23).page(10)), 10);
        QCOMPARE(archive.count(), 20);
    }

    // Fault: disk full (simulated with a page limit). The page is not
    // stored, nothing is set aside, the archive still reads.
    void diskFullIsNotSetAside()
    {
        const QString org = QStringLiteral("org-full");
        AuditArchive archive(org, m_dir.path());
        QVERIFY(archive.open());
        QCOMPARE(archive.appendPage(auditsamples::Generator(24).page(10)), 10);
        QVERIFY(archive.setPageLimit(1)); // below what the file has: no page can be added
        QCOMPARE(archive.appendPage(auditsamples::Generator(25).page(500)), -1);
        QCOMPARE(archive.problem(), AuditArchive::Problem::DiskFull);
        QVERIFY(archive.isOpen());
        QCOMPARE(archive.count(), 10);
        QVERIFY(asideFiles().filter(org).isEmpty());
        archive.close();
        QVERIFY(archive.open());
        QCOMPARE(archive.count(), 10);
        QVERIFY(archive.notice().isEmpty());
    }

    // Fault: a folder that cannot be written. No file appears, nothing is
    // set aside, notice() says the archive is unavailable. As root every
    // folder is writable, so a regular file stands where the folder should be.
    void unwritableFolderLeavesArchiveUnavailable()
    {
        QTemporaryDir parent;
        QString dir = parent.filePath(QStringLiteral("readonly"));
        if (::geteuid() == 0) {
            QFile blocker(dir);
            QVERIFY(blocker.open(QIODevice::WriteOnly));
            dir += QStringLiteral("/audit");
        } else {
            QVERIFY(QDir().mkpath(dir));
            QVERIFY(QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        }
        AuditArchive archive(QStringLiteral("org-ro"), dir);
        QVERIFY(!archive.open());
        QVERIFY(archive.problem() != AuditArchive::Problem::Corrupt);
        QVERIFY2(archive.notice().contains(QStringLiteral("not available")), qPrintable(archive.notice()));
        QVERIFY(archive.notice().contains(QStringLiteral("memory only")));
        QVERIFY(!QFileInfo::exists(archive.filePath()));
        QCOMPARE(archive.appendPage(auditsamples::Generator(26).page(3)), -1);
        if (::geteuid() != 0)
            QFile::setPermissions(dir,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    void quickCheckPassesOnASoundFile()
    {
        AuditArchive archive(QStringLiteral("org-check"), m_dir.path());
        QVERIFY(archive.open());
        QCOMPARE(archive.appendPage(auditsamples::Generator(27).page(50)), 50);
        QVERIFY(archive.quickCheck());
        QCOMPARE(archive.problem(), AuditArchive::Problem::None);
    }

    void coverageSet()
    {
        AuditArchiveCoverage c;
        QVERIFY(c.isEmpty());
        QCOMPARE(c.gaps(0, 100), (QList<AuditTimeRange>{{0, 100}}));
        c.add(10, 20);
        c.add(30, 40);
        c.add(5, 5); // empty: ignored
        QCOMPARE(c.ranges(), (QList<AuditTimeRange>{{10, 20}, {30, 40}}));
        QCOMPARE(c.gaps(0, 100), (QList<AuditTimeRange>{{0, 10}, {20, 30}, {40, 100}}));
        QCOMPARE(c.gaps(12, 35), (QList<AuditTimeRange>{{20, 30}}));
        QVERIFY(c.gaps(31, 39).isEmpty());
        QVERIFY(c.covers(10, 20));
        QVERIFY(!c.covers(15, 35));
        c.add(20, 30); // touching ranges merge
        QCOMPARE(c.ranges(), (QList<AuditTimeRange>{{10, 40}}));
        c.add(0, 5);
        c.add(50, 60);
        c.add(3, 55);
        QCOMPARE(c.ranges(), (QList<AuditTimeRange>{{0, 60}}));
        c.clipBefore(25);
        QCOMPARE(c.ranges(), (QList<AuditTimeRange>{{25, 60}}));
        c.clipBefore(70);
        QVERIFY(c.isEmpty());
        QCOMPARE(AuditArchiveCoverage({{30, 40}, {0, 10}, {5, 20}}).ranges(),
                 (QList<AuditTimeRange>{{0, 20}, {30, 40}}));
    }

    void coverageIsStored()
    {
        const QString org = QStringLiteral("org-coverage");
        {
            AuditArchive archive(org, m_dir.path());
            QVERIFY(archive.open());
            QVERIFY(archive.coverage().isEmpty());
            QVERIFY(archive.addCoverage(1000, 2000));
            QVERIFY(archive.addCoverage(3000, 4000));
            QVERIFY(archive.addCoverage(2000, 2500));
        }
        AuditArchive archive(org, m_dir.path());
        QVERIFY(archive.open());
        QCOMPARE(archive.coverage().ranges(), (QList<AuditTimeRange>{{1000, 2500}, {3000, 4000}}));
        QCOMPARE(archive.coverage().gaps(0, 5000),
                 (QList<AuditTimeRange>{{0, 1000}, {2500, 3000}, {4000, 5000}}));
    }

    // An archive of the first format held entries without saying what they
    // covered: it is upgraded in place, with nothing covered.
    void versionOneArchiveGainsEmptyCoverage()
    {
        const QString org = QStringLiteral("org-v1");
        QString path;
        {
            AuditArchive archive(org, m_dir.path());
            QVERIFY(archive.open());
            QCOMPARE(archive.appendPage(auditsamples::Generator(28).page(40)), 40);
            QVERIFY(archive.addCoverage(0, 10));
            path = archive.filePath();
        }
        QVERIFY(poke(path, QStringLiteral("DROP TABLE coverage")));
        QVERIFY(poke(path, QStringLiteral("UPDATE meta SET value = '1' WHERE key = 'schema'")));
        AuditArchive archive(org, m_dir.path());
        QVERIFY(archive.open());
        QVERIFY(archive.notice().isEmpty());
        QCOMPARE(archive.count(), 40);
        QVERIFY(archive.coverage().isEmpty());
        QVERIFY(archive.addCoverage(5, 10));
        QCOMPARE(archive.coverage().ranges(), (QList<AuditTimeRange>{{5, 10}}));
    }

    // Schema 2 kept one row per entry (compact fields, then the JSON apart).
    // Opened read-only it is read as it is; opened for writing it becomes
    // blocks in place, every entry, body and covered range kept.
    void schemaTwoArchiveIsConvertedKeepingEverything()
    {
        const QString org = QStringLiteral("org-v2");
        AuditArchive probe(org, m_dir.path());
        const QString path = probe.filePath();
        QVERIFY(poke(path, QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")));
        QVERIFY(poke(path, QStringLiteral("INSERT INTO meta VALUES('schema', '2')")));
        QVERIFY(poke(path, QStringLiteral("CREATE TABLE entries(id TEXT NOT NULL UNIQUE, time_ms INTEGER NOT "
                                          "NULL, compact BLOB NOT NULL)")));
        QVERIFY(
            poke(path, QStringLiteral("CREATE TABLE bodies(entry INTEGER PRIMARY KEY, json BLOB NOT NULL)")));
        QVERIFY(poke(path, QStringLiteral("CREATE TABLE coverage(from_ms INTEGER NOT NULL, to_ms INTEGER NOT "
                                          "NULL)")));
        QVERIFY(poke(path, QStringLiteral("INSERT INTO coverage VALUES(100, 200)")));
        auto entries = auditsamples::Generator(31).page(1500);
        std::reverse(entries.begin(), entries.end()); // stored oldest first, as a refresh would
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            for (int i = 0; i < entries.size(); ++i) {
                entries[i].rawJson =
                    "{\"id\":\"" + entries[i].id.toUtf8() + "\",\"n\":" + QByteArray::number(i) + "}";
                q.prepare(
                    QStringLiteral("INSERT INTO entries(rowid, id, time_ms, compact) VALUES(?, ?, ?, ?)"));
                q.addBindValue(i + 1);
                q.addBindValue(entries[i].id);
                q.addBindValue(entries[i].actionTimeMs);
                q.addBindValue(AuditArchive::encodeRow(entries[i]));
                QVERIFY(q.exec());
                q.prepare(QStringLiteral("INSERT INTO bodies(entry, json) VALUES(?, ?)"));
                q.addBindValue(i + 1);
                q.addBindValue(entries[i].rawJson);
                QVERIFY(q.exec());
            }
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v2"));
        auto check = [&](AuditArchive &archive) {
            QCOMPARE(archive.count(), 1500);
            QCOMPARE(*archive.newestTimeMs(), entries.last().actionTimeMs);
            AuditStore store;
            QCOMPARE(archive.loadInto(store), 1500);
            for (quint32 r = 0; r < store.rowCount(); ++r) {
                const api::AuditEvent &e = entries[entries.size() - 1 - int(r)];
                QCOMPARE(store.data().key(AuditKey::EntryId, r), e.id);
                QCOMPARE(store.event(r).rawUri, e.rawUri);
                QCOMPARE(store.event(r).actorEmail, e.actorEmail);
            }
            QCOMPARE(archive.fullEntry(entries[7].id), entries[7].rawJson);
            const QHash<QString, QByteArray> many = archive.fullEntries({entries[0].id, entries[1499].id});
            QCOMPARE(many.value(entries[1499].id), entries[1499].rawJson);
            QCOMPARE(archive.coverage().ranges(), (QList<AuditTimeRange>{{100, 200}}));
        };
        {
            AuditArchive reader(org, m_dir.path());
            QVERIFY(reader.openReadOnly());
            check(reader);
        }
        AuditArchive archive(org, m_dir.path());
        QVERIFY2(archive.open(), qPrintable(archive.errorString()));
        QVERIFY(archive.notice().isEmpty());
        QVERIFY(!poke(path, QStringLiteral("SELECT 1 FROM entries"))); // the old rows are gone
        check(archive);
        // Converted entries de-duplicate new pages as before.
        QCOMPARE(archive.appendPage(entries.mid(0, 10)), 0);
        archive.close();
        QVERIFY(archive.open());
        check(archive);
    }

    // Schema 3 put every id into the index as its block was written. It
    // becomes schema 4 (the index may lag the blocks) when opened for
    // writing, recording that every block is indexed; nothing is rewritten.
    void schemaThreeArchiveBecomesFour()
    {
        const QString org = QStringLiteral("org-v3");
        auto page = auditsamples::Generator(33).page(300);
        QString path;
        {
            AuditArchive archive(org, m_dir.path());
            QVERIFY(archive.open());
            QCOMPARE(archive.appendPage(page), 300);
            path = archive.filePath();
        }
        QVERIFY(poke(path, QStringLiteral("DELETE FROM meta WHERE key = 'ids_through'")));
        QVERIFY(poke(path, QStringLiteral("UPDATE meta SET value = '3' WHERE key = 'schema'")));
        const qint64 indexed = peek(path, QStringLiteral("SELECT COUNT(*) FROM ids")).toLongLong();
        QCOMPARE(indexed, 300);
        {
            AuditArchive reader(org, m_dir.path());
            QVERIFY(reader.openReadOnly());
            QCOMPARE(reader.count(), 300);
            QVERIFY(!reader.fullEntry(page[5].id).isEmpty());
        }
        AuditArchive archive(org, m_dir.path());
        QVERIFY2(archive.open(), qPrintable(archive.errorString()));
        QVERIFY(archive.notice().isEmpty());
        QCOMPARE(peek(path, QStringLiteral("SELECT value FROM meta WHERE key = 'schema'")).toString(),
                 QStringLiteral("4"));
        QCOMPARE(peek(path, QStringLiteral("SELECT value FROM meta WHERE key = 'ids_through'")).toLongLong(),
                 peek(path, QStringLiteral("SELECT MAX(id) FROM blocks")).toLongLong());
        QCOMPARE(archive.count(), 300);
        QCOMPARE(archive.appendPage(page), 0);
        auto more = auditsamples::Generator(34).page(50);
        QCOMPARE(archive.appendPage(page.mid(0, 20) + more), 50);
        QCOMPARE(archive.fullEntry(page[7].id).isEmpty(), false);
        QCOMPARE(archive.fullEntry(more[7].id).isEmpty(), false);
    }

    // While pages stream in, their ids stay out of the index (it was the
    // writer's cost: random keys rewrote the whole index every batch) and
    // de-duplication works from memory; reading by id, closing or
    // indexPending() put them in. Blocks a crash left unindexed are indexed
    // when the archive opens.
    void idIndexIsDeferredAndRecovered_data()
    {
        QTest::addColumn<bool>("qtSqlOnly");
        QTest::newRow("C API") << false;
        QTest::newRow("Qt SQL") << true;
    }

    void idIndexIsDeferredAndRecovered()
    {
        QFETCH(bool, qtSqlOnly);
        AuditArchive::setQtSqlOnlyForTests(qtSqlOnly);
        const auto restore = qScopeGuard([] { AuditArchive::setQtSqlOnlyForTests(false); });
        const QString org = qtSqlOnly ? QStringLiteral("org-deferred-qt") : QStringLiteral("org-deferred");
        auditsamples::Generator gen(51, 1795000000000LL);
        QList<QList<api::AuditEvent>> pages;
        for (int p = 0; p < 6; ++p)
            pages.append(gen.page(200));
        QString path;
        {
            AuditArchive archive(org, m_dir.path());
            QVERIFY(archive.open());
            path = archive.filePath();
            QCOMPARE(archive.appendPage(pages[0]), 200);
            QVERIFY(archive.indexPending());
            QCOMPARE(peek(path, QStringLiteral("SELECT COUNT(*) FROM ids")).toLongLong(), 200);
            // Two batches: neither is in the index yet.
            const auto b1 = auditarchiveblock::prepare(auditarchiveblock::fromEvents(pages[1]));
            const auto b2 = auditarchiveblock::prepare(auditarchiveblock::fromEvents(pages[2]));
            QCOMPARE(archive.appendBlocks({&b1, &b2}), 400);
            QCOMPARE(peek(path, QStringLiteral("SELECT COUNT(*) FROM ids")).toLongLong(), 200);
            // Duplicates of the index, of the pending blocks and inside the batch.
            QList<api::AuditEvent> mixed = pages[0].mid(0, 10) + pages[1].mid(50, 10) +
                                           pages[2].mid(190, 10) + pages[3] + pages[3].mid(0, 5);
            QCOMPARE(archive.appendPage(mixed), 200);
            const auto again = auditarchiveblock::prepare(auditarchiveblock::fromEvents(pages[2]));
            QCOMPARE(archive.appendBlocks({&again}), 0);
            QCOMPARE(archive.count(), 800);
            // Reading by id puts the rest in first.
            QCOMPARE(archive.fullEntry(pages[3][17].id).isEmpty(), false);
            QCOMPARE(peek(path, QStringLiteral("SELECT COUNT(*) FROM ids")).toLongLong(), 800);
            QCOMPARE(archive.appendPage(pages[4]), 200);
        } // closing indexes pages[4]
        QCOMPARE(peek(path, QStringLiteral("SELECT COUNT(*) FROM ids")).toLongLong(), 1000);
        // A crash after pages[4]'s blocks were committed, before their ids were indexed.
        const qint64 last = peek(path, QStringLiteral("SELECT MAX(id) FROM blocks")).toLongLong();
        QVERIFY(poke(path, QStringLiteral("DELETE FROM ids WHERE block = %1").arg(last)));
        QVERIFY(poke(path,
                     QStringLiteral("UPDATE meta SET value = '%1' WHERE key = 'ids_through'").arg(last - 1)));
        QCOMPARE(peek(path, QStringLiteral("SELECT COUNT(*) FROM ids")).toLongLong(), 800);
        AuditArchive archive(org, m_dir.path());
        QVERIFY2(archive.open(), qPrintable(archive.errorString()));
        QVERIFY(archive.notice().isEmpty());
        QCOMPARE(peek(path, QStringLiteral("SELECT COUNT(*) FROM ids")).toLongLong(), 1000);
        QCOMPARE(archive.appendPage(pages[4]), 0);
        QCOMPARE(archive.appendPage(pages[5] + pages[4].mid(3, 3)), 200);
        QCOMPARE(archive.count(), 1200);
        QStringList ids;
        for (const auto &page : std::as_const(pages))
            for (const api::AuditEvent &e : page)
                ids.append(e.id);
        QCOMPARE(archive.fullEntries(ids).size(), 1200);
        AuditStore store;
        QCOMPARE(archive.loadInto(store), 1200);
        QSet<QString> seen;
        for (quint32 r = 0; r < store.rowCount(); ++r)
            seen.insert(store.data().key(AuditKey::EntryId, r));
        QCOMPARE(seen.size(), 1200);
    }

    // Several pages in one transaction (the worker's batches): their ids go
    // into the index sorted, not in page order. De-duplication stays exact
    // (against the file, across the batch and inside a page, the first one
    // appended kept) and every entry keeps the body of its own slot, also in
    // a page that lost some entries to duplicates.
    void batchDeduplicatesAcrossPagesAndKeepsSlots_data()
    {
        QTest::addColumn<bool>("qtSqlOnly");
        QTest::newRow("C API") << false;
        QTest::newRow("Qt SQL") << true;
    }

    void batchDeduplicatesAcrossPagesAndKeepsSlots()
    {
        QFETCH(bool, qtSqlOnly);
        AuditArchive::setQtSqlOnlyForTests(qtSqlOnly);
        const auto restore = qScopeGuard([] { AuditArchive::setQtSqlOnlyForTests(false); });
        AuditArchive archive(qtSqlOnly ? QStringLiteral("org-batch-qt") : QStringLiteral("org-batch"),
                             m_dir.path());
        QVERIFY(archive.open());
        auditsamples::Generator gen(41, 1795000000000LL);
        auto all = gen.page(800);
        for (int i = 0; i < all.size(); ++i)
            all[i].rawJson = "{\"id\":\"" + all[i].id.toUtf8() + "\",\"n\":" + QByteArray::number(i) + "}";
        const QList<api::AuditEvent> stored = all.mid(0, 300);
        QCOMPARE(archive.appendPage(stored), 300);
        // b: 200 new, every other one followed by one already in the file.
        QList<api::AuditEvent> b;
        for (int i = 0; i < 200; ++i) {
            b.append(all[300 + i]);
            if (i % 2 == 0)
                b.append(stored[i]);
        }
        // c: 100 of b's new ones again, 300 new, one of them twice with another body.
        QList<api::AuditEvent> c;
        for (int i = 0; i < 300; ++i) {
            if (i < 100)
                c.append(all[300 + 2 * i]);
            c.append(all[500 + i]);
        }
        api::AuditEvent twice = all[650];
        twice.rawJson = "{\"second\":true}";
        c.append(twice);
        const auditarchiveblock::PreparedBlock pb =
            auditarchiveblock::prepare(auditarchiveblock::fromEvents(b));
        const auditarchiveblock::PreparedBlock pc =
            auditarchiveblock::prepare(auditarchiveblock::fromEvents(c));
        QCOMPARE(archive.appendBlocks({&pb, &pc}), 500);
        QCOMPARE(archive.count(), 800);
        QStringList ids;
        for (const api::AuditEvent &e : std::as_const(all)) {
            QCOMPARE(archive.fullEntry(e.id), e.rawJson);
            ids.append(e.id);
        }
        const QHash<QString, QByteArray> many = archive.fullEntries(ids);
        QCOMPARE(many.size(), 800);
        for (const api::AuditEvent &e : std::as_const(all))
            QCOMPARE(many.value(e.id), e.rawJson);
        AuditStore store;
        QCOMPARE(archive.loadInto(store), 800);
        QSet<QString> seen;
        for (quint32 r = 0; r < store.rowCount(); ++r)
            seen.insert(store.data().key(AuditKey::EntryId, r));
        QCOMPARE(seen.size(), 800);
        // The same batch again adds nothing.
        QCOMPARE(archive.appendBlocks({&pb, &pc}), 0);
        QCOMPARE(archive.count(), 800);
    }

    // A prepared block carries its entries' ids (the writer neither
    // decompresses nor reads back a block to de-duplicate and index), also
    // through the spill file's form; one without them is decoded instead,
    // with the same result.
    void preparedBlocksCarryTheirIds()
    {
        auditsamples::Generator gen(61, 1795000000000LL);
        const auto page = gen.page(300);
        const auditarchiveblock::PreparedBlock carried =
            auditarchiveblock::prepare(auditarchiveblock::fromEvents(page));
        QVERIFY(carried.hasIds());
        api::AuditColumns columns;
        QVERIFY(auditarchiveblock::decodeColumns(carried.columns, columns));
        QCOMPARE(columns.size(), carried.count);
        for (qsizetype i = 0; i < columns.size(); ++i)
            QCOMPARE(carried.id(i), columns.ids.view(i));
        auditarchiveblock::PreparedBlock back;
        QVERIFY(auditarchiveblock::PreparedBlock::fromBytes(carried.toBytes(), back));
        QCOMPARE(back.ids, carried.ids);
        QVERIFY(back.idEnds == carried.idEnds);
        QByteArray truncated = carried.toBytes();
        truncated.chop(1);
        QVERIFY(!auditarchiveblock::PreparedBlock::fromBytes(truncated, back));

        // Without ids: the same entries kept, the same duplicates skipped.
        auditarchiveblock::PreparedBlock bare =
            auditarchiveblock::prepare(auditarchiveblock::fromEvents(gen.page(200) + page.mid(0, 20)));
        bare.ids.clear();
        bare.idEnds.clear();
        QVERIFY(!bare.hasIds());
        AuditArchive archive(QStringLiteral("org-carried"), m_dir.path());
        QVERIFY(archive.open());
        QCOMPARE(archive.appendBlocks({&carried, &bare}), 500);
        QCOMPARE(archive.appendBlocks({&bare}), 0);
        QVERIFY(archive.indexPending());
        QCOMPARE(peek(archive.filePath(), QStringLiteral("SELECT COUNT(*) FROM ids")).toLongLong(), 500);
        for (const api::AuditEvent &e : page)
            QCOMPARE(archive.fullEntry(e.id).isEmpty(), false);
    }

    // Pages whose times overlap (a refresh of a stretch already held in part)
    // still load newest first, and slices add up to the whole.
    void overlappingPagesLoadInTimeOrder()
    {
        AuditArchive archive(QStringLiteral("org-overlap"), m_dir.path());
        QVERIFY(archive.open());
        auditsamples::Generator gen(32, 1795000000000LL);
        auto all = gen.page(900);
        QList<api::AuditEvent> a, b, c;
        for (int i = 0; i < all.size(); ++i)
            (i % 3 == 0 ? a : i % 3 == 1 ? b : c).append(all[i]);
        c.first().actionTimeMs = a.first().actionTimeMs; // a tie across blocks
        QCOMPARE(archive.appendPage(a), 300);
        QCOMPARE(archive.appendPage(b), 300);
        QCOMPARE(archive.appendPage(c), 300);
        AuditStore store;
        QCOMPARE(archive.loadInto(store), 900);
        for (quint32 r = 1; r < store.rowCount(); ++r)
            QVERIFY(store.data().timeMs(r - 1) >= store.data().timeMs(r));
        AuditStore sliced;
        QCOMPARE(archive.loadInto(sliced, 250), 250);
        QCOMPARE(archive.loadInto(sliced, 250, 250), 250);
        QCOMPARE(archive.loadInto(sliced, -1, 500), 400);
        for (quint32 r = 0; r < store.rowCount(); ++r)
            QCOMPARE(sliced.data().key(AuditKey::EntryId, r), store.data().key(AuditKey::EntryId, r));
    }

    void retentionRemovesOldEntriesAndCoverage()
    {
        auditsamples::Generator gen(29, 1795000000000LL);
        AuditArchive archive(QStringLiteral("org-retention"), m_dir.path());
        QVERIFY(archive.open());
        auto entries = gen.page(2000); // newest first, a second or so apart
        QCOMPARE(archive.appendPage(entries), 2000);
        const qint64 newest = entries.first().actionTimeMs;
        const qint64 oldest = entries.last().actionTimeMs;
        QVERIFY(archive.addCoverage(oldest, newest + 1));
        const qint64 cutoff = entries[999].actionTimeMs;
        qint64 expected = 0;
        for (const auto &e : std::as_const(entries))
            expected += e.actionTimeMs < cutoff ? 1 : 0;
        QCOMPARE(archive.prune(cutoff, 0), expected);
        QCOMPARE(archive.count(), 2000 - expected);
        QCOMPARE(archive.coverage().ranges(), (QList<AuditTimeRange>{{cutoff, newest + 1}}));
        QCOMPARE(archive.prunedBeforeMs(), cutoff);

        // A size cap: the oldest go until the pages in use fit.
        const qint64 used = archive.usedBytes();
        QVERIFY(used > 0);
        const qint64 before = archive.count();
        const qint64 removed = archive.prune(0, used / 2);
        QVERIFY(removed > 0);
        QCOMPARE(archive.count(), before - removed);
        QVERIFY2(archive.usedBytes() <= used / 2, qPrintable(QString::number(archive.usedBytes())));
        AuditStore store;
        QCOMPARE(archive.loadInto(store), archive.count());
        QVERIFY(archive.prunedBeforeMs() > cutoff);
        QVERIFY(archive.coverage().ranges().first().fromMs >= archive.prunedBeforeMs());
        QVERIFY(store.data().timeMs(store.rowCount() - 1) >= archive.prunedBeforeMs());
    }

    // The writer is held (slower than any network) while a load streams in:
    // the compressed blocks held in memory stay under the bound (the rest
    // waits in the spill file) and every page is in the archive at the end.
    void slowWriterLosesNoPageAndQueueStaysBounded()
    {
        const QString org = QStringLiteral("org-queue");
        constexpr qint64 kLimit = 256 * 1024;
        QSemaphore gate;
        std::atomic<int> writes{0};
        auditsamples::Generator gen(40);
        QStringList ids;
        {
            AuditArchiveWorker worker;
            worker.setQueueLimitBytes(kLimit);
            worker.setTestHooks(
                [&] {
                    gate.acquire();
                    ++writes;
                },
                {});
            worker.open(1, org, m_dir.path(), false);
            for (int p = 0; p < 40; ++p) {
                const QList<api::AuditEvent> page = gen.page(500);
                ids.append(page.first().id);
                ids.append(page.last().id);
                worker.append(auditarchiveblock::fromEvents(page));
                // Pages arrive one after another, each compressed before the next.
                QTRY_VERIFY(worker.queuedBytes() <= kLimit);
            }
            QCOMPARE(writes.load(), 0); // nothing written yet: all of it queued
            QVERIFY(worker.peakCompressedBytes() <= kLimit);
            QVERIFY(worker.peakCompressedBytes() > 0);
            QVERIFY(worker.spilledBlocks() > 0);
            gate.release(1000);
            worker.flush();
            QCOMPARE(worker.queuedBytes(), 0);
        }
        AuditArchive archive(org, m_dir.path());
        QVERIFY(archive.openReadOnly());
        QCOMPARE(archive.count(), 40 * 500);
        for (const QString &id : std::as_const(ids))
            QVERIFY2(!archive.fullEntry(id).isEmpty(), qPrintable(id));
        AuditStore store;
        QCOMPARE(archive.loadInto(store), 40 * 500);
    }

    // append() only hands the page over: compressing happens on other
    // threads, and a held writer does not hold the caller.
    void callerNeverCompressesOrWaits()
    {
        QSemaphore gate;
        QMutex mutex;
        QSet<QThread *> preparedOn;
        const QString org = QStringLiteral("org-queue-caller");
        auditsamples::Generator gen(41);
        {
            AuditArchiveWorker worker;
            worker.setTestHooks([&] { gate.acquire(); },
                                [&] {
                                    QMutexLocker lock(&mutex);
                                    preparedOn.insert(QThread::currentThread());
                                });
            worker.open(1, org, m_dir.path(), false);
            for (int p = 0; p < 20; ++p)
                worker.append(auditarchiveblock::fromEvents(gen.page(200)));
            // Every append returned although the writer has not written anything.
            QTRY_VERIFY(worker.queuedBytes() < 20 * 200 * 300);
            {
                QMutexLocker lock(&mutex);
                QVERIFY(!preparedOn.isEmpty());
                QVERIFY(!preparedOn.contains(QThread::currentThread()));
            }
            gate.release(1000);
            worker.flush();
        }
        AuditArchive archive(org, m_dir.path());
        QVERIFY(archive.openReadOnly());
        QCOMPARE(archive.count(), 20 * 200);
    }

    // The archive's writer runs below the load's priority, so the rows a user
    // waits for get the cores first; the compressing pool does not (a page
    // waiting for it holds its whole body: a backlog there would be unbounded),
    // and the caller's thread is left as it was (models/backgroundthread.h).
    void archiveThreadsYieldToTheLoad()
    {
        const int callerNice = currentThreadNice();
        QMutex mutex;
        QList<int> writerNice;
        QList<int> prepareNice;
        auditsamples::Generator gen(43);
        {
            AuditArchiveWorker worker;
            worker.setTestHooks(
                [&] {
                    QMutexLocker lock(&mutex);
                    writerNice.append(currentThreadNice());
                },
                [&] {
                    QMutexLocker lock(&mutex);
                    prepareNice.append(currentThreadNice());
                });
            worker.open(1, QStringLiteral("org-background"), m_dir.path(), false);
            for (int p = 0; p < 6; ++p)
                worker.append(auditarchiveblock::fromEvents(gen.page(50)));
            worker.flush();
        }
        QCOMPARE(currentThreadNice(), callerNice);
        QMutexLocker lock(&mutex);
        QVERIFY(!writerNice.isEmpty());
        QCOMPARE(prepareNice.size(), 6);
        for (int nice : std::as_const(writerNice))
            QVERIFY2(nice > callerNice, qPrintable(QString::number(nice)));
        for (int nice : std::as_const(prepareNice))
            QCOMPARE(nice, callerNice);
        AuditArchive archive(QStringLiteral("org-background"), m_dir.path());
        QVERIFY(archive.openReadOnly());
        QCOMPARE(archive.count(), 6 * 50);
    }

    // Pages queued before another archive opens go to the first one, even
    // when the writer takes several pages per transaction.
    void queuedPagesKeepTheirArchive()
    {
        QSemaphore gate;
        auditsamples::Generator gen(42);
        {
            AuditArchiveWorker worker;
            worker.setTestHooks([&] { gate.acquire(); }, {});
            worker.open(1, QStringLiteral("org-queue-a"), m_dir.path(), false);
            worker.append(auditarchiveblock::fromEvents(gen.page(100)));
            worker.append(auditarchiveblock::fromEvents(gen.page(100)));
            worker.open(2, QStringLiteral("org-queue-b"), m_dir.path(), false);
            worker.append(auditarchiveblock::fromEvents(gen.page(50)));
            gate.release(1000);
            worker.flush();
        }
        AuditArchive a(QStringLiteral("org-queue-a"), m_dir.path());
        QVERIFY(a.openReadOnly());
        QCOMPARE(a.count(), 200);
        AuditArchive b(QStringLiteral("org-queue-b"), m_dir.path());
        QVERIFY(b.openReadOnly());
        QCOMPARE(b.count(), 50);
    }

    void deleteRemovesTheFiles()
    {
        const QString org = QStringLiteral("org-delete");
        AuditArchive archive(org, m_dir.path());
        QVERIFY(archive.open());
        QCOMPARE(archive.appendPage(auditsamples::Generator(30).page(10)), 10);
        const QString path = archive.filePath();
        QVERIFY(archive.removeFiles());
        for (const char *suffix : {"", "-wal", "-shm", ".lock"})
            QVERIFY2(!QFileInfo::exists(path + QLatin1String(suffix)), suffix);
        QVERIFY(!archive.isOpen());
        QVERIFY(archive.open());
        QCOMPARE(archive.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuditArchive)
#include "tst_auditarchive.moc"
