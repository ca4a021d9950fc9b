// AuditArchive: round-trip into a store, incremental refresh without missing
// or doubled entries, full entries on demand, writes from a worker thread and
// corrupt files set aside.

#include "auditsamples.h"

#include "models/audit/auditarchive.h"
#include "models/audit/auditstore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

using namespace models;

class TestAuditArchive : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QStringList asideFiles() const
    {
        return QDir(m_dir.path()).entryList({QStringLiteral("*.corrupt-*")}, QDir::Files);
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
        AuditArchive reader(QStringLiteral("org-thread"), m_dir.path());
        QVERIFY(reader.open());
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

    void wrongSchemaIsSetAside()
    {
        const QString org = QStringLiteral("org-schema");
        QString path;
        {
            AuditArchive archive(org, m_dir.path());
            QVERIFY(archive.open());
            path = archive.filePath();
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("poke"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE meta SET value = '999' WHERE key = 'schema'")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("poke"));
        AuditArchive archive(org, m_dir.path());
        QVERIFY(archive.open());
        QVERIFY(archive.notice().contains(QStringLiteral("999")));
        QCOMPARE(archive.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuditArchive)
#include "tst_auditarchive.moc"
