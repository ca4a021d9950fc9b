// AuditStore: interning and packing round-trips, snapshots, boundary
// de-duplication, byte accounting, row details.

#include "auditsamples.h"

#include "models/audit/auditarchiveblock.h"
#include "models/audit/auditentryjson.h"
#include "models/audit/auditrowdetails.h"
#include "models/audit/auditstore.h"
#include "models/audit/columnmemory.h"

#include "api/decoders.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QtTest>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

using namespace models;

namespace {

bool sameCompact(const api::AuditEvent &a, const api::AuditEvent &b)
{
    return a.id == b.id && a.actionTimeMs == b.actionTimeMs && a.actionType == b.actionType &&
           a.actionResult == b.actionResult && a.actionDescription == b.actionDescription &&
           a.actorId == b.actorId && a.actorContext == b.actorContext && a.actorEmail == b.actorEmail &&
           a.actorIpAddress == b.actorIpAddress && a.actorTokenId == b.actorTokenId &&
           a.actorTokenName == b.actorTokenName && a.actorType == b.actorType &&
           a.organizationId == b.organizationId && a.rawCfRayId == b.rawCfRayId &&
           a.rawMethod == b.rawMethod && a.rawStatusCode == b.rawStatusCode && a.rawUri == b.rawUri &&
           a.rawUserAgent == b.rawUserAgent && a.resourceId == b.resourceId &&
           a.resourceProduct == b.resourceProduct && a.resourceType == b.resourceType;
}

// The API's JSON for a page of records: what the column decoder reads.
QByteArray pageJson(const QList<api::AuditEvent> &events)
{
    QJsonArray result;
    for (const api::AuditEvent &e : events)
        result.append(models::auditentryjson::toObject(e));
    return QJsonDocument(QJsonObject{{QStringLiteral("success"), true}, {QStringLiteral("result"), result}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestAuditStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        auditsamples::Generator gen(42);
        QList<api::AuditEvent> all;
        AuditStore store;
        for (int p = 0; p < 5; ++p) {
            const auto page = gen.page(997);
            QCOMPARE(store.append(page), 997u);
            all += page;
        }
        QCOMPARE(store.rowCount(), quint32(all.size()));
        for (int i = 0; i < all.size(); ++i) {
            const api::AuditEvent back = store.event(quint32(i));
            if (!sameCompact(back, all[i]))
                QFAIL(qPrintable(
                    QStringLiteral("row %1 differs (id %2 vs %3)").arg(i).arg(back.id, all[i].id)));
        }
        // Each distinct value is interned once (plus the empty string at id 0).
        QSet<QString> ips, emails;
        for (const auto &e : std::as_const(all)) {
            ips.insert(e.actorIpAddress);
            emails.insert(e.actorEmail);
        }
        ips.insert(QString());
        emails.insert(QString());
        QCOMPARE(store.data().poolSize(AuditField::ActorIp), quint32(ips.size()));
        QCOMPARE(store.data().poolSize(AuditField::ActorEmail), quint32(emails.size()));
        QVERIFY(store.bytes() > 0);
        QVERIFY(store.bytes() < std::size_t(all.size()) * 1000);
    }

    // A page decoded column by column lands exactly as the same records do.
    void columnsAppendLikeRecords()
    {
        auditsamples::Generator gen(7);
        AuditStore fromRecords, fromColumns;
        QSet<QString> skip;
        for (int p = 0; p < 4; ++p) {
            const QList<api::AuditEvent> page = gen.page(613);
            if (p == 2)
                skip = {page[0].id, page[5].id, page[612].id};
            const auto decoded = api::decode::auditColumns(pageJson(page));
            QVERIFY2(decoded.ok(), qPrintable(decoded.error.toLogString()));
            QCOMPARE(decoded.value.size(), page.size());
            QCOMPARE(fromColumns.append(decoded.value, p == 2 ? skip : QSet<QString>()),
                     fromRecords.append(page, p == 2 ? skip : QSet<QString>()));
        }
        QCOMPARE(fromColumns.rowCount(), fromRecords.rowCount());
        QCOMPARE(fromColumns.rowCount(), quint32(4 * 613 - 3));
        for (quint32 i = 0; i < fromRecords.rowCount(); ++i) {
            if (!sameCompact(fromColumns.event(i), fromRecords.event(i)))
                QFAIL(qPrintable(QStringLiteral("row %1 differs").arg(i)));
            QCOMPARE(fromColumns.data().field(AuditField::ActorDisplay, i),
                     fromRecords.data().field(AuditField::ActorDisplay, i));
        }
        for (int f = 0; f < kAuditFieldCount; ++f)
            QCOMPARE(fromColumns.data().poolSize(AuditField(f)), fromRecords.data().poolSize(AuditField(f)));
        QCOMPARE(fromColumns.newestTimeMs(), fromRecords.newestTimeMs());
    }

    // An archive block appended column by column (values by their UTF-8
    // bytes, ids packed while decoding) lands exactly as its records do, in
    // whole blocks and in ranges, across chunk boundaries, into reserved room
    // being faulted in meanwhile.
    void archiveBlocksAppendLikeRecords()
    {
        auditsamples::Generator gen(21);
        AuditStore fromRecords, fromBlocks;
        const QList<api::AuditEvent> before = gen.page(5); // neither store starts empty
        fromRecords.append(before);
        fromBlocks.append(before);
        const auto ranges = fromBlocks.reserve(17 * 1000);
        QVERIFY(!ranges.empty());
        for (const columnmemory::Range &range : ranges)
            columnmemory::prefault(range);
        for (int p = 0; p < 20; ++p) {
            QList<api::AuditEvent> page = gen.page(1000);
            page[3].rawStatusCode.reset();
            page[4].actorEmail.clear();
            page[5].rawCfRayId = QStringLiteral("not-hex-%1").arg(p);
            page[6].id = QStringLiteral("Upper-%1").arg(p);
            page[7].actionResult = QStringLiteral("résultat ✓");
            // The block holds them newest first (ties in page order).
            std::stable_sort(page.begin(), page.end(),
                             [](const api::AuditEvent &a, const api::AuditEvent &b) {
                                 return a.actionTimeMs > b.actionTimeMs;
                             });
            const auditarchiveblock::PreparedBlock prepared =
                auditarchiveblock::prepare(auditarchiveblock::fromEvents(page));
            QCOMPARE(prepared.count, qint64(page.size()));
            auditarchiveblock::StoreBlock block;
            QVERIFY(auditarchiveblock::decodeForStore(prepared.columns, block));
            QCOMPARE(block.size(), page.size());
            // Some blocks in two ranges, one of them empty or reversed.
            const qsizetype cut = p % 3 == 0 ? 377 : p % 3 == 1 ? 0 : page.size();
            QCOMPARE(fromBlocks.appendBlock(block, 0, cut), quint32(cut));
            QCOMPARE(fromBlocks.appendBlock(block, cut, cut - 1), 0u);
            QCOMPARE(fromBlocks.appendBlock(block, cut, page.size() + 10), quint32(page.size() - cut));
            fromRecords.append(page);
        }
        QCOMPARE(fromBlocks.rowCount(), fromRecords.rowCount());
        for (quint32 i = 0; i < fromRecords.rowCount(); ++i) {
            if (!sameCompact(fromBlocks.event(i), fromRecords.event(i)))
                QFAIL(qPrintable(QStringLiteral("row %1 differs (%2 vs %3)")
                                     .arg(i)
                                     .arg(fromBlocks.event(i).id, fromRecords.event(i).id)));
            QCOMPARE(fromBlocks.data().field(AuditField::ActorDisplay, i),
                     fromRecords.data().field(AuditField::ActorDisplay, i));
            QCOMPARE(fromBlocks.data().isFailure(i), fromRecords.data().isFailure(i));
        }
        for (int f = 0; f < kAuditFieldCount; ++f)
            QCOMPARE(fromBlocks.data().poolSize(AuditField(f)), fromRecords.data().poolSize(AuditField(f)));
        QCOMPARE(fromBlocks.newestTimeMs(), fromRecords.newestTimeMs());
        QCOMPARE(fromBlocks.data().overflow().size(), fromRecords.data().overflow().size());
        // The same rows take the same room; the UTF-8 index adds a few slots per distinct value.
        qInfo() << "bytes: blocks" << fromBlocks.bytes() << "records" << fromRecords.bytes();
        QVERIFY(fromBlocks.bytes() <= fromRecords.bytes() + 200 * 1024);

        // A damaged blob is refused, never read past.
        const auditarchiveblock::PreparedBlock prepared =
            auditarchiveblock::prepare(auditarchiveblock::fromEvents(gen.page(50)));
        auditarchiveblock::StoreBlock block;
        QVERIFY(
            !auditarchiveblock::decodeForStore(prepared.columns.left(prepared.columns.size() / 2), block));
        QVERIFY(!auditarchiveblock::decodeForStore(QByteArray("nonsense"), block));
    }

    // Faulting in reserved column memory never changes what it holds.
    void prefaultKeepsContents()
    {
        const std::size_t size = 300000;
        const std::shared_ptr<void> chunk = columnmemory::allocate(size);
        auto *bytes = static_cast<unsigned char *>(chunk.get());
        for (std::size_t i = 0; i < size; i += 1000)
            bytes[i] = static_cast<unsigned char>(i / 1000 + 1);
        columnmemory::prefault({chunk, size});
        for (std::size_t i = 0; i < size; ++i)
            QCOMPARE(bytes[i], i % 1000 == 0 ? static_cast<unsigned char>(i / 1000 + 1) : 0);
    }

    void packedIds_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("empty") << QString();
        QTest::newRow("hex32") << QStringLiteral("0123456789abcdef0123456789abcdef");
        QTest::newRow("hex odd") << QStringLiteral("abc");
        QTest::newRow("hex leading zeros") << QStringLiteral("000000000000000f");
        QTest::newRow("upper") << QStringLiteral("0123456789ABCDEF0123456789ABCDEF");
        QTest::newRow("too long") << QString(33, u'a');
        QTest::newRow("name") << QStringLiteral("zone.example.com");
        QTest::newRow("unicode") << QStringLiteral("r\u00e9sum\u00e9-\u4e2d");
    }

    void packedIds()
    {
        QFETCH(QString, value);
        api::AuditEvent e;
        e.id = value;
        e.resourceId = value;
        e.rawCfRayId = value;
        AuditStore store;
        store.append({e});
        QCOMPARE(store.data().key(AuditKey::EntryId, 0), value);
        QCOMPARE(store.data().key(AuditKey::ResourceId, 0), value);
        QCOMPARE(store.data().key(AuditKey::RayId, 0), value);
        QCOMPARE(store.data().text(AuditColumn::ResourceId, 0), value);
    }

    // UTF-8 ids are packed eight digits a word (decoded pages, archive
    // blocks); the result must be the digit-by-digit packing of the same text
    // as UTF-16, for every length and every kind of non-digit at every place.
    void packedIdsFromUtf8MatchUtf16()
    {
        const auto check = [](const QByteArray &utf8) {
            const QString utf16 = QString::fromUtf8(utf8);
            PackedId<16> a, b;
            const bool packedA = PackedId<16>::tryPack(QByteArrayView(utf8), a);
            const bool packedB = PackedId<16>::tryPack(QStringView(utf16), b);
            if (packedA != packedB || (packedA && !(a == b)))
                return false;
            PackedId<8> c, d;
            const bool packedC = PackedId<8>::tryPack(QByteArrayView(utf8), c);
            const bool packedD = PackedId<8>::tryPack(QStringView(utf16), d);
            return packedC == packedD && (!packedC || c == d);
        };
        const QByteArray digits = "0123456789abcdef";
        QByteArray hex;
        for (int i = 0; i < 34; ++i)
            hex += digits[(i * 7 + 3) % 16];
        for (int n = 0; n <= 34; ++n) {
            const QByteArray value = hex.left(n);
            QVERIFY2(check(value), value.constData());
            for (int at = 0; at < n; ++at) {
                // Just outside each range, upper case, space, a high byte.
                for (const char c : {'/', ':', '`', 'g', 'A', 'F', ' ', '\x80', '\xff', '\0'}) {
                    QByteArray bad = value;
                    bad[at] = c;
                    QVERIFY2(check(bad), qPrintable(QString::fromLatin1(bad.toHex()) + QString::number(at)));
                }
            }
        }
        // Every digit in every place of a word.
        for (int d = 0; d < 16; ++d)
            for (int at = 0; at < 8; ++at) {
                QByteArray value(16, '0');
                value[at] = digits[d];
                value[at + 8] = digits[15 - d];
                QVERIFY(check(value));
            }
    }

    void columnsAndStatus()
    {
        api::AuditEvent e;
        e.actorId = QStringLiteral("u1");
        e.actionResult = QStringLiteral("failure");
        e.actionTimeMs = 1000;
        api::AuditEvent f = e;
        f.actorEmail = QStringLiteral("a@b.example");
        f.actionResult = QStringLiteral("success");
        f.rawStatusCode = 404;
        AuditStore store;
        store.append({e, f});
        const AuditSnapshot &d = store.data();
        QCOMPARE(d.text(AuditColumn::Actor, 0), QStringLiteral("u1"));          // no e-mail: the id
        QCOMPARE(d.text(AuditColumn::Actor, 1), QStringLiteral("a@b.example")); // e-mail wins
        QCOMPARE(d.text(AuditColumn::Status, 0), QString());
        QCOMPARE(d.text(AuditColumn::Status, 1), QStringLiteral("404"));
        QCOMPARE(d.filterValue(AuditColumn::Time, 0), QStringLiteral("1000"));
        QVERIFY(d.isFailure(0));
        QVERIFY(!d.isFailure(1));
        QCOMPARE(store.event(0).rawStatusCode, std::nullopt);
        QCOMPARE(store.event(1).rawStatusCode, std::optional<int>(404));
    }

    // Column chunks cut from shared blocks: zeroed, aligned, never
    // overlapping, and each one valid for as long as it is held, whatever
    // happens to the chunks cut before or after it.
    void columnMemory()
    {
        struct Held
        {
            std::shared_ptr<void> memory;
            std::size_t size;
            unsigned char fill;
        };
        std::vector<Held> held;
        const std::size_t sizes[] = {1, 64, 1000, 32768, 278528, 2'000'000, 3'000'000, 9'000'000};
        for (int round = 0; round < 60; ++round) {
            const std::size_t size = sizes[std::size_t(round) % std::size(sizes)];
            Held h{columnmemory::allocate(size), size, static_cast<unsigned char>(round + 1)};
            auto *bytes = static_cast<unsigned char *>(h.memory.get());
            QVERIFY(bytes);
            QCOMPARE(reinterpret_cast<std::uintptr_t>(bytes) % 64, std::uintptr_t(0));
            QVERIFY(std::all_of(bytes, bytes + size, [](unsigned char b) { return b == 0; }));
            std::fill(bytes, bytes + size, h.fill);
            held.push_back(std::move(h));
            if (round % 3 == 2)
                held.erase(held.begin() + round % int(held.size())); // drop one along the way
        }
        for (const Held &h : held) {
            const auto *bytes = static_cast<const unsigned char *>(h.memory.get());
            QVERIFY2(std::all_of(bytes, bytes + h.size, [&](unsigned char b) { return b == h.fill; }),
                     "a chunk was overwritten by another");
        }
    }

    // A write one byte past a column chunk, into the gap before the next
    // chunk of the same block, must stop an AddressSanitizer build with a
    // report. The write happens in a child: this binary run again for this
    // function alone, with the variable below set.
    void columnMemoryOverrunIsReported()
    {
        if (qEnvironmentVariableIsSet("ORGSCOPE_OVERRUN_CHILD")) {
            const std::size_t size = 4096; // a power of two, as ChunkedVector asks for
            const std::shared_ptr<void> chunk = columnmemory::allocate(size);
            const std::shared_ptr<void> next = columnmemory::allocate(size); // cut right after it
            volatile unsigned char *bytes = static_cast<unsigned char *>(chunk.get());
            bytes[size] = 1;
            QFAIL("the write past the chunk was not reported");
        }
        if (!columnmemory::overrunsReported())
            QSKIP("not an AddressSanitizer build: column chunks are not poisoned");
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ORGSCOPE_OVERRUN_CHILD"), QStringLiteral("1"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("columnMemoryOverrunIsReported")});
        QVERIFY(child.waitForFinished(120000));
        const QByteArray err = child.readAllStandardError();
        QVERIFY2(child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0, err.constData());
        QVERIFY2(err.contains("ERROR: AddressSanitizer"), err.constData());
        QVERIFY2(err.contains("WRITE of size 1"), err.constData());
        QVERIFY2(!child.readAllStandardOutput().contains("the write past the chunk was not reported"),
                 "the child went on after the overrun");
    }

    void uriTemplates()
    {
        const QString rid = QStringLiteral("0123456789abcdef0123456789abcdef");
        const QStringList uris = {QStringLiteral("/organizations/x/members/") + rid,
                                  QStringLiteral("/a/") + rid + QStringLiteral("/b/") + rid,
                                  QStringLiteral("/odd/\ue000/") + rid,
                                  QStringLiteral("/no/id/here"),
                                  QString(QChar(0xE000)) + rid,
                                  QString(QChar(0xE001)) + QStringLiteral("x")};
        AuditStore store;
        for (const QString &uri : uris) {
            api::AuditEvent e;
            e.resourceId = rid;
            e.rawUri = uri;
            store.append({e});
        }
        for (int i = 0; i < uris.size(); ++i)
            QCOMPARE(store.event(quint32(i)).rawUri, uris[i]);
        QCOMPARE(store.data().poolSize(AuditField::RawUri), 7u); // 2 templates, 1 plain, 3 escaped, ""
    }

    void snapshotIsImmutable()
    {
        auditsamples::Generator gen(7);
        AuditStore store;
        store.append(gen.page(20000)); // crosses a chunk boundary
        const AuditSnapshot snap = store.snapshot();
        const QString lastId = snap.key(AuditKey::EntryId, snap.rowCount() - 1);
        const quint32 pool = snap.poolSize(AuditField::ActorIp);
        store.append(gen.page(20000));
        QCOMPARE(snap.rowCount(), 20000u);
        QCOMPARE(store.rowCount(), 40000u);
        QCOMPARE(snap.key(AuditKey::EntryId, 19999), lastId);
        QCOMPARE(snap.poolSize(AuditField::ActorIp), pool);
        store.clear();
        QCOMPARE(store.rowCount(), 0u);
        // The snapshot still owns its chunks after the store dropped them.
        QCOMPARE(snap.key(AuditKey::EntryId, 19999), lastId);
    }

    void boundaryDeduplication()
    {
        auditsamples::Generator gen(9);
        AuditStore store;
        auto page = gen.page(100);
        store.append(page);
        const qint64 newest = store.newestTimeMs();
        QCOMPARE(newest, page.first().actionTimeMs);
        const QSet<QString> boundary = store.idsAtOrAfter(newest);
        QCOMPARE(boundary, QSet<QString>{page.first().id});
        // A refresh since `newest` returns the boundary entry again plus new ones.
        api::AuditEvent newer = gen.next();
        newer.actionTimeMs = newest + 5000;
        QCOMPARE(store.append({newer, page.first()}, boundary), 1u);
        QCOMPARE(store.rowCount(), 101u);
        QCOMPARE(store.newestTimeMs(), newest + 5000);
    }

    void rowDetails()
    {
        auditsamples::Generator gen(3);
        api::AuditEvent e = gen.next();
        e.resourceRequestJson = R"({"a":1})";
        AuditStore store;
        store.append({e});
        const auto fromStore = AuditRowDetails::fields(store, 0);
        const auto fromEvent = AuditRowDetails::fields(e);
        QVERIFY(fromStore.size() >= 21);
        QCOMPARE(fromEvent.size(), fromStore.size() + 1); // the request body only exists in the full entry
        auto value = [](const QList<AuditRowDetails::Field> &fields, const QString &label) {
            for (const auto &f : fields)
                if (f.label == label)
                    return f.value;
            return QStringLiteral("<missing>");
        };
        QCOMPARE(value(fromStore, QStringLiteral("Ray ID")), e.rawCfRayId);
        QCOMPARE(value(fromStore, QStringLiteral("Entry id")), e.id);
        QCOMPARE(value(fromEvent, QStringLiteral("Request")), QStringLiteral(R"({"a":1})"));
        QVERIFY(AuditRowDetails::fields(store, 5).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuditStore)
#include "tst_auditstore.moc"
