// The roll-up dataset of the simulator in-process (issue 24): the generated
// tree (--sub-orgs), a parent's usage with or without its sub-organizations
// (--usage-scope) and faults of one organization (--org-faults).
#include "options.h"
#include "service.h"
#include "timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sim;

namespace {
HttpRequest request(const QByteArray &method, const QByteArray &pathAndQuery)
{
    HttpRequest r;
    r.method = method;
    const qsizetype q = pathAndQuery.indexOf('?');
    r.rawPath = q < 0 ? pathAndQuery : pathAndQuery.left(q);
    r.rawQuery = q < 0 ? QByteArray() : pathAndQuery.mid(q + 1);
    r.headers = {{"Authorization", "Bearer orgscope-demo-token"}};
    r.remoteAddress = QStringLiteral("127.0.0.1");
    return r;
}
HttpRequest get(const QByteArray &pathAndQuery)
{
    return request("GET", pathAndQuery);
}

Options options(int subOrgs)
{
    Options o;
    o.auditEvents = 20000;
    o.nowMs = *TimeUtil::parse(QStringLiteral("2026-11-23T12:00:00Z"));
    o.rateLimitCount = 1000000;
    o.subOrgs = subOrgs;
    return o;
}

QJsonArray result(const HttpResponse &r)
{
    return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("result")).toArray();
}

QList<QByteArray> subtree(const DataStore &store, const QByteArray &top)
{
    QList<QByteArray> out;
    for (const Organization &o : store.organizations) {
        if (store.isAncestorOrSelf(top, o.id))
            out.append(o.id);
    }
    return out;
}

// Records as compact JSON texts, sorted: a multiset to compare.
QList<QByteArray> recordTexts(const QJsonArray &records)
{
    QList<QByteArray> out;
    for (const QJsonValue &v : records)
        out.append(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    std::sort(out.begin(), out.end());
    return out;
}
} // namespace

class TestSimSubOrgs : public QObject
{
    Q_OBJECT

private slots:
    void treeOfUnitsWithTheirOwnData()
    {
        Service s(options(24));
        const DataStore &store = s.store();
        QCOMPARE(store.organizations.size(), 10 + 24);
        const QByteArray root = store.organizations.first().id;
        int deepest = 0;
        int units = 0;
        for (const Organization &o : store.organizations) {
            if (!o.name.contains(QLatin1String(" Unit ")))
                continue;
            ++units;
            QVERIFY(store.isAncestorOrSelf(root, o.id));
            deepest = qMax(deepest, int(store.hierarchy(o.id).size()));
            const Organization *parent = store.organization(o.parentId);
            QVERIFY(parent);
            QVERIFY2(parent->createMs < o.createMs, "a unit is younger than its parent");
            QVERIFY(store.accountCount(o.id) >= 1);
            const QJsonArray members =
                result(s.handle(get("/client/v4/organizations/" + o.id + "/members?page_size=100")));
            QCOMPARE(members.size(), 3);
            const QJsonArray audit = result(s.handle(
                get("/client/v4/organizations/" + o.id + "/logs/audit?since=2025-01-01&before=2027-01-01")));
            QVERIFY2(!audit.isEmpty(), o.name.toUtf8().constData());
            const QJsonArray usage = result(s.handle(
                get("/client/v4/organizations/" + o.id + "/billable/usage?from=2026-10-01&to=2026-10-31")));
            QVERIFY(!usage.isEmpty());
        }
        QCOMPARE(units, 24);
        QVERIFY2(deepest >= 4, "root, unit 1, unit 2, unit 5: at least three levels below the root");
        // The same seed gives the same tree.
        Service again(options(24));
        QCOMPARE(again.handle(get("/client/v4/organizations?page_size=1000")).body,
                 s.handle(get("/client/v4/organizations?page_size=1000")).body);
        // No --sub-orgs: the ten organizations of the demo, as before.
        Service plain(options(0));
        QCOMPARE(plain.store().organizations.size(), 10);
    }

    void parentUsageWithAndWithoutTheChildren()
    {
        Options own = options(21);
        own.usageIncludesSubOrgs = false;
        Service withChildren(options(21));
        Service ownOnly(own);
        const QByteArray root = withChildren.store().organizations.first().id;
        const QByteArray window = "/billable/usage?from=2026-11-01&to=2026-11-21";
        QList<QByteArray> unionOfOwn;
        for (const QByteArray &org : subtree(ownOnly.store(), root)) {
            const QJsonArray records =
                result(ownOnly.handle(get("/client/v4/organizations/" + org + window)));
            for (const QJsonValue &v : records) {
                const QByteArray account =
                    v.toObject().value(QStringLiteral("BillingAccountId")).toString().toUtf8();
                QCOMPARE(ownOnly.store().account(account)->organizationId, org);
            }
            unionOfOwn += recordTexts(records);
        }
        std::sort(unionOfOwn.begin(), unionOfOwn.end());
        // The subtree answer of the root is exactly the union of every
        // organization's own answer: the records a roll-up must count once.
        const QList<QByteArray> rootSubtree =
            recordTexts(result(withChildren.handle(get("/client/v4/organizations/" + root + window))));
        QCOMPARE(rootSubtree.size(), unionOfOwn.size());
        QVERIFY(rootSubtree == unionOfOwn);
        // Corrections belong to each organization's first account, whoever asks.
        qsizetype corrections = 0;
        for (const QByteArray &text : rootSubtree)
            corrections += text.contains("\"ChargeClass\":\"Correction\"");
        QVERIFY(corrections > 10);
    }

    void oneOrganizationFails()
    {
        Options o = options(3);
        Service probe(o);
        QByteArray unit;
        for (const Organization &org : probe.store().organizations) {
            if (org.name.endsWith(QLatin1String("Unit 02")))
                unit = org.id;
        }
        QVERIFY(!unit.isEmpty());
        o.orgFaults = QString::fromLatin1(unit) + QStringLiteral(":503");
        Service s(o);
        const QByteArray root = s.store().organizations.first().id;
        QCOMPARE(s.handle(get("/client/v4/organizations/" + unit + "/members")).status, 503);
        QCOMPARE(s.handle(get("/client/v4/organizations/" + unit + "/billable/usage")).status, 503);
        QCOMPARE(s.handle(get("/client/v4/organizations/" + root + "/members")).status, 200);
        QCOMPARE(s.handle(get("/client/v4/organizations?page_size=100")).status, 200);
        // The hook replaces the faults: the organization answers again.
        QCOMPARE(s.handle(request("POST", "/__sim/org-faults")).status, 200);
        QCOMPARE(s.handle(get("/client/v4/organizations/" + unit + "/members")).status, 200);
        QCOMPARE(s.handle(request("POST", "/__sim/org-faults?spec=" + unit + ":500:x2")).status, 200);
        QCOMPARE(s.handle(get("/client/v4/organizations/" + unit + "/members")).status, 500);
        QCOMPARE(s.handle(get("/client/v4/organizations/" + unit + "/members")).status, 500);
        QCOMPARE(s.handle(get("/client/v4/organizations/" + unit + "/members")).status, 200);
        QCOMPARE(s.handle(request("POST", "/__sim/org-faults?spec=nonsense")).status, 400);
    }

    void commandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("valid");
        QTest::newRow("sub-orgs") << QStringList{QStringLiteral("--sub-orgs"), QStringLiteral("50")} << true;
        QTest::newRow("sub-orgs negative")
            << QStringList{QStringLiteral("--sub-orgs"), QStringLiteral("-1")} << false;
        QTest::newRow("scope own") << QStringList{QStringLiteral("--usage-scope"), QStringLiteral("own")}
                                   << true;
        QTest::newRow("scope bad") << QStringList{QStringLiteral("--usage-scope"), QStringLiteral("all")}
                                   << false;
        QTest::newRow("faults") << QStringList{QStringLiteral("--org-faults"),
                                               QStringLiteral("abc:500,def:429:0.5")}
                                << true;
        QTest::newRow("faults count")
            << QStringList{QStringLiteral("--org-faults"), QStringLiteral("abc:502:x3")} << true;
        QTest::newRow("faults kind") << QStringList{QStringLiteral("--org-faults"),
                                                    QStringLiteral("abc:reset")}
                                     << false;
        QTest::newRow("faults rate") << QStringList{QStringLiteral("--org-faults"),
                                                    QStringLiteral("abc:500:2")}
                                     << false;
        QTest::newRow("faults shape")
            << QStringList{QStringLiteral("--org-faults"), QStringLiteral("abc")} << false;
    }
    void commandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, valid);
        QString message;
        bool help = false;
        const std::optional<Options> o = Options::parse(arguments, message, help);
        QCOMPARE(o.has_value(), valid);
        if (!valid)
            QVERIFY(!message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSimSubOrgs)
#include "tst_simsuborgs.moc"
