// AuditFilter and AuditRowOrder against a brute-force reference that works
// on the texts a user sees, on seeded random data and random specs.

#include "auditsamples.h"

#include "models/audit/auditfilter.h"
#include "models/audit/auditfiltercheck.h"
#include "models/audit/auditroworder.h"
#include "models/audit/auditserverfilter.h"
#include "models/audit/auditstore.h"

#include "api/decoders.h"

#include <QtTest>
#include <algorithm>
#include <random>

using namespace models;

namespace {

constexpr AuditField kSearchedFields[] = {
    AuditField::ActorEmail,      AuditField::ActorId,           AuditField::ActorContext,
    AuditField::ActorIp,         AuditField::ActorTokenName,    AuditField::ActionType,
    AuditField::ActionResult,    AuditField::ActionDescription, AuditField::ResourceType,
    AuditField::ResourceProduct, AuditField::RawMethod,
};

bool bruteAccepts(const AuditSnapshot &d, const AuditFilterSpec &spec, quint32 row)
{
    const qint64 t = d.timeMs(row);
    if (t < spec.fromMs || t >= spec.toMs)
        return false;
    for (int c = 0; c < kAuditColumnCount; ++c) {
        const auto &v = spec.columns[c];
        if (v.isEmpty())
            continue;
        const QString value = d.filterValue(AuditColumn(c), row);
        if (!v.include.isEmpty() && !v.include.contains(value))
            return false;
        if (v.exclude.contains(value))
            return false;
    }
    const QString text = spec.text.trimmed();
    if (text.isEmpty())
        return true;
    for (AuditField f : kSearchedFields)
        if (d.field(f, row).contains(text, Qt::CaseInsensitive))
            return true;
    for (AuditKey k : {AuditKey::EntryId, AuditKey::RayId, AuditKey::ResourceId})
        if (d.key(k, row).contains(text, Qt::CaseInsensitive))
            return true;
    return d.text(AuditColumn::Status, row).contains(text, Qt::CaseInsensitive);
}

std::vector<quint32> bruteSort(const AuditSnapshot &d, std::vector<quint32> rows, const AuditSortSpec &sort)
{
    if (sort.isNatural())
        return rows;
    const auto c = AuditColumn(sort.column);
    const bool desc = sort.order == Qt::DescendingOrder;
    std::stable_sort(rows.begin(), rows.end(), [&](quint32 a, quint32 b) {
        int cmp = 0;
        if (c == AuditColumn::Time)
            cmp = d.timeMs(a) < d.timeMs(b) ? -1 : d.timeMs(a) > d.timeMs(b) ? 1 : 0;
        else if (c == AuditColumn::Status)
            cmp = d.status(a) - d.status(b);
        else
            cmp = AuditRowOrder::compareText(d.text(c, a), d.text(c, b));
        return desc ? cmp > 0 : cmp < 0;
    });
    return rows;
}

} // namespace

class TestAuditFilter : public QObject
{
    Q_OBJECT

    AuditStore m_store;
    std::mt19937 m_rng{20261123};

    int pick(int n) { return int(m_rng() % unsigned(n)); }

    QString randomCase(QString s)
    {
        for (QChar &c : s)
            if (pick(2))
                c = c.toUpper();
        return s;
    }

    // A random piece of some row's text, so searches usually hit something.
    QString randomText(const AuditSnapshot &d)
    {
        const quint32 row = quint32(pick(int(d.rowCount())));
        QString s;
        switch (pick(5)) {
        case 0:
            s = d.key(AuditKey::EntryId, row);
            break;
        case 1:
            s = d.key(AuditKey::ResourceId, row);
            break;
        case 2:
            s = d.text(AuditColumn::Status, row);
            break;
        case 3:
            s = d.key(AuditKey::RayId, row);
            break;
        default:
            s = d.field(kSearchedFields[pick(int(std::size(kSearchedFields)))], row);
            break;
        }
        if (s.isEmpty())
            return QStringLiteral("zz-no-match");
        const int from = pick(int(s.size()));
        return randomCase(s.mid(from, 1 + pick(6)));
    }

    AuditFilterSpec randomSpec(const AuditSnapshot &d)
    {
        AuditFilterSpec spec;
        if (pick(2))
            spec.text = randomText(d);
        if (pick(3) == 0) {
            const qint64 a = d.timeMs(quint32(pick(int(d.rowCount()))));
            const qint64 b = d.timeMs(quint32(pick(int(d.rowCount()))));
            spec.fromMs = std::min(a, b);
            spec.toMs = std::max(a, b) + pick(2);
        }
        const int conditions = pick(3);
        for (int i = 0; i < conditions; ++i) {
            const int c = 1 + pick(kAuditColumnCount - 1); // Time has its own range
            auto &v = spec.columns[c];
            const int n = 1 + pick(3);
            for (int k = 0; k < n; ++k) {
                const QString value = d.filterValue(AuditColumn(c), quint32(pick(int(d.rowCount()))));
                (pick(2) ? v.include : v.exclude).insert(value);
            }
        }
        if (pick(8) == 0)
            spec.columns[int(AuditColumn::Time)].exclude.insert(
                d.filterValue(AuditColumn::Time, quint32(pick(int(d.rowCount())))));
        return spec;
    }

private slots:
    void initTestCase()
    {
        auditsamples::Generator gen(1234, 1795000000000LL, 3000);
        for (int i = 0; i < 8; ++i)
            m_store.append(gen.page(2500)); // 20000 rows, two chunks
    }

    void filterMatchesBruteForce()
    {
        const AuditSnapshot d = m_store.snapshot();
        int nonEmpty = 0;
        for (int round = 0; round < 60; ++round) {
            const AuditFilterSpec spec = randomSpec(d);
            const std::vector<quint32> got = AuditFilter::run(d, spec, {});
            std::vector<quint32> want;
            for (quint32 r = 0; r < d.rowCount(); ++r)
                if (bruteAccepts(d, spec, r))
                    want.push_back(r);
            if (got != want)
                QFAIL(qPrintable(QStringLiteral("round %1 text '%2': %3 rows, want %4")
                                     .arg(round)
                                     .arg(spec.text)
                                     .arg(got.size())
                                     .arg(want.size())));
            nonEmpty += !want.empty() && want.size() < d.rowCount();
        }
        QVERIFY2(nonEmpty > 20, "random specs should mostly select a proper subset");
    }

    void sortMatchesBruteForce()
    {
        const AuditSnapshot d = m_store.snapshot();
        AuditFilterSpec spec;
        spec.columns[int(AuditColumn::Method)].exclude.insert(QStringLiteral("GET"));
        const std::vector<quint32> filtered = AuditFilter::run(d, spec, {});
        QVERIFY(!filtered.empty());
        for (int c = -1; c < kAuditColumnCount; ++c) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                const AuditSortSpec sort{c, order};
                const std::vector<quint32> got = AuditFilter::run(d, spec, sort);
                const std::vector<quint32> want = bruteSort(d, filtered, sort);
                if (got != want)
                    QFAIL(qPrintable(QStringLiteral("column %1 order %2 differs").arg(c).arg(int(order))));
                // The order object agrees with the sort it produced.
                const AuditRowOrder less(d, sort);
                QVERIFY(std::is_sorted(got.begin(), got.end(), less));
            }
        }
    }

    void extendEqualsFullRun()
    {
        auditsamples::Generator gen(99, 1795000000000LL, 500);
        AuditStore store;
        for (int round = 0; round < 12; ++round) {
            const AuditFilterSpec spec = round == 0 ? AuditFilterSpec() : randomSpec(m_store.data());
            const AuditSortSpec sort{pick(kAuditColumnCount + 1) - 1,
                                     pick(2) ? Qt::AscendingOrder : Qt::DescendingOrder};
            store.clear();
            std::vector<quint32> visible;
            quint32 tested = 0;
            for (int page = 0; page < 6; ++page) {
                store.append(gen.page(700));
                AuditFilter::extend(store.data(), spec, sort, visible, tested);
                tested = store.rowCount();
            }
            QCOMPARE(visible, AuditFilter::run(store.snapshot(), spec, sort));
        }
    }

    void emptyAndEdgeCases()
    {
        AuditStore empty;
        QVERIFY(AuditFilter::run(empty.snapshot(), {}, {0, Qt::AscendingOrder}).empty());
        const AuditSnapshot d = m_store.snapshot();
        AuditFilterSpec spec;
        spec.text = QStringLiteral("   ");
        QCOMPARE(AuditFilter::run(d, spec, {}).size(), std::size_t(d.rowCount())); // blank text = no filter
        spec = {};
        spec.columns[int(AuditColumn::Status)].include.insert(QStringLiteral("not-a-number"));
        QVERIFY(AuditFilter::run(d, spec, {}).empty());
        spec = {};
        spec.columns[int(AuditColumn::Status)].include.insert(QString()); // absent status
        const auto absent = AuditFilter::run(d, spec, {});
        QVERIFY(!absent.empty());
        for (quint32 r : absent)
            QCOMPARE(d.status(r), -1);
        spec = {};
        spec.fromMs = spec.toMs = d.timeMs(0);
        QVERIFY(AuditFilter::run(d, spec, {}).empty());
    }

    void serverFilter()
    {
        AuditFilterSpec spec;
        spec.columns[int(AuditColumn::Actor)].include = {QStringLiteral("a@b.example"),
                                                         QStringLiteral("u123")};
        spec.columns[int(AuditColumn::Status)].exclude = {QStringLiteral("204"), QString()};
        spec.columns[int(AuditColumn::Description)].include = {QStringLiteral("Create member")};
        spec.columns[int(AuditColumn::ResourceId)].exclude = {QStringLiteral("abc")};
        api::AuditQuery q;
        QCOMPARE(AuditServerFilter::apply(spec, q), 4);
        QCOMPARE(q.actorEmail.include, QStringList{QStringLiteral("a@b.example")});
        QCOMPARE(q.actorId.include, QStringList{QStringLiteral("u123")});
        QCOMPARE(q.rawStatusCode.exclude, QStringList{QStringLiteral("204")});
        QCOMPARE(q.resourceId.exclude, QStringList{QStringLiteral("abc")});
        QVERIFY(!AuditServerFilter::hasServerFilter(AuditColumn::Description));
        QVERIFY(AuditServerFilter::hasServerFilter(AuditColumn::Method));
        QVERIFY(AuditServerFilter::addValue(AuditColumn::Method, QStringLiteral("POST"), true, q));
        QVERIFY(AuditServerFilter::addValue(AuditColumn::Method, QStringLiteral("POST"), true, q));
        QCOMPARE(q.rawMethod.exclude, QStringList{QStringLiteral("POST")});
    }

    void filterCheckFindsIgnoredPositiveFilters()
    {
        // Four entries; the second and third contradict a filter sent, the
        // fourth lacks the field and cannot be judged.
        const auto page = api::decode::auditColumns(
            R"({"result":[)"
            R"({"id":"a1","actor":{"email":"Ann@Example.com"},"raw":{"method":"POST","status_code":200,)"
            R"("uri":"/organizations/a1"},"resource":{"id":"r1","scope":"organizations"}},)"
            R"({"id":"a2","actor":{"email":"bob@example.com"},"raw":{"method":"POST","status_code":200}},)"
            R"({"id":"a3","actor":{"email":"ann@example.com"},"raw":{"method":"DELETE","status_code":404}},)"
            R"({"id":"a4","raw":{"method":"POST"}}]})");
        QVERIFY2(page.ok(), qPrintable(page.error.detail()));

        api::AuditQuery q;
        QVERIFY(!AuditFilterCheck(q).isActive());
        q.actorEmail.exclude = {QStringLiteral("bob@example.com")}; // exclusions are not checked
        QVERIFY(!AuditFilterCheck(q).isActive());

        q.actorEmail.include = {QStringLiteral("ann@example.com")};
        q.rawMethod.include = {QStringLiteral("post")};
        AuditFilterCheck check(q);
        QVERIFY(check.isActive());
        AuditFilterCheck::Result r = check.check(page.value);
        QCOMPARE(r.drop, (std::vector<bool>{false, true, true, false}));
        QCOMPARE(r.dropped, qsizetype(2));
        QCOMPARE(r.ignoredKeys, (QStringList{QStringLiteral("actor_email"), QStringLiteral("raw_method")}));

        // Every field that is not a dictionary column.
        api::AuditQuery k;
        k.id.include = {QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3"),
                        QStringLiteral("a4")};
        k.rawStatusCode.include = {QStringLiteral("200")};
        k.rawUri.include = {QStringLiteral("/organizations/a1")};
        k.resourceScope.include = {QStringLiteral("organizations")};
        k.resourceId.include = {QStringLiteral("r1")};
        r = AuditFilterCheck(k).check(page.value);
        QCOMPARE(r.drop, (std::vector<bool>{false, false, true, false}));
        QCOMPARE(r.ignoredKeys, QStringList{QStringLiteral("raw_status_code")});

        // What matches everywhere drops nothing.
        api::AuditQuery ok;
        ok.rawMethod.include = {QStringLiteral("POST"), QStringLiteral("DELETE")};
        r = AuditFilterCheck(ok).check(page.value);
        QCOMPARE(r.dropped, qsizetype(0));
        QVERIFY(r.ignoredKeys.isEmpty());

        // A store leaves the dropped entries out.
        AuditStore store;
        const AuditFilterCheck::Result dropped = check.check(page.value);
        QCOMPARE(store.append(page.value, {}, &dropped.drop), 2u);
        QCOMPARE(store.data().key(AuditKey::EntryId, 1), QStringLiteral("a4"));
    }
};

QTEST_GUILESS_MAIN(TestAuditFilter)
#include "tst_auditfilter.moc"
