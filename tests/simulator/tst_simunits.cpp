// The simulator library in-process: query decoding, time parsing, JSON
// writing, fault specs, options, and the determinism of the seeded data.
#include "faultinjector.h"
#include "jsonwriter.h"
#include "options.h"
#include "querystring.h"
#include "ratelimiter.h"
#include "service.h"
#include "timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sim;

namespace {
HttpRequest get(const QByteArray &pathAndQuery)
{
    HttpRequest r;
    r.method = "GET";
    const qsizetype q = pathAndQuery.indexOf('?');
    r.rawPath = q < 0 ? pathAndQuery : pathAndQuery.left(q);
    r.rawQuery = q < 0 ? QByteArray() : pathAndQuery.mid(q + 1);
    r.headers = {{"Authorization", "Bearer orgscope-demo-token"}};
    r.remoteAddress = QStringLiteral("127.0.0.1");
    return r;
}

Options options(quint64 seed, qint64 auditEvents)
{
    Options o;
    o.seed = seed;
    o.auditEvents = auditEvents;
    o.nowMs = *TimeUtil::parse(QStringLiteral("2026-11-23T12:00:00Z"));
    o.rateLimitCount = 1000000;
    return o;
}
} // namespace

class TestSimUnits : public QObject
{
    Q_OBJECT

private slots:
    void queryDecoding()
    {
        const QueryString q = QueryString::parse("id=a&id=b&name.contains=Acme%20Co&plus=a+b&encplus=a%2Bb&"
                                                 "empty=&flag&utf=%C3%A9&bad=%zz&parent.id=null");
        QCOMPARE(q.values(QStringLiteral("id")), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(q.value(QStringLiteral("name.contains")), QStringLiteral("Acme Co"));
        QCOMPARE(q.value(QStringLiteral("plus")), QStringLiteral("a b"));
        QCOMPARE(q.value(QStringLiteral("encplus")), QStringLiteral("a+b"));
        QVERIFY(q.contains(QStringLiteral("empty")));
        QCOMPARE(q.value(QStringLiteral("empty")), QString());
        QVERIFY(q.contains(QStringLiteral("flag")));
        QCOMPARE(q.value(QStringLiteral("utf")), QStringLiteral("\u00e9"));
        QCOMPARE(q.value(QStringLiteral("bad")), QStringLiteral("%zz"));
        QCOMPARE(q.value(QStringLiteral("parent.id")), QStringLiteral("null"));
        QCOMPARE(q.keys().first(), QStringLiteral("id"));
        // Order-independent binding text.
        QCOMPARE(QueryString::parse("a=1&b=2&page_token=x").canonical({QStringLiteral("page_token")}),
                 QueryString::parse("b=2&a=1").canonical({QStringLiteral("page_token")}));
        QVERIFY(QueryString::parse("a=1").canonical({}) != QueryString::parse("a=2").canonical({}));
        QCOMPARE(QueryString::decodeComponent("a+b", false), QStringLiteral("a+b"));
    }

    void timeParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // empty: invalid
        QTest::newRow("date") << QStringLiteral("2026-11-23") << QStringLiteral("2026-11-23T00:00:00Z");
        QTest::newRow("utc") << QStringLiteral("2026-11-23T16:09:41Z")
                             << QStringLiteral("2026-11-23T16:09:41Z");
        QTest::newRow("fraction") << QStringLiteral("2026-11-23T16:09:41.5Z")
                                  << QStringLiteral("2026-11-23T16:09:41Z");
        QTest::newRow("offset") << QStringLiteral("2026-11-23T16:09:41+02:00")
                                << QStringLiteral("2026-11-23T14:09:41Z");
        QTest::newRow("negative offset")
            << QStringLiteral("2026-11-23T22:00:00-03:30") << QStringLiteral("2026-11-24T01:30:00Z");
        QTest::newRow("leap day") << QStringLiteral("2028-02-29") << QStringLiteral("2028-02-29T00:00:00Z");
        QTest::newRow("not leap") << QStringLiteral("2026-02-29") << QString();
        QTest::newRow("month 13") << QStringLiteral("2026-13-01") << QString();
        QTest::newRow("hour 24") << QStringLiteral("2026-11-23T24:00:00Z") << QString();
        QTest::newRow("no zone") << QStringLiteral("2026-11-23T10:00:00") << QString();
        QTest::newRow("words") << QStringLiteral("yesterday") << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void timeParsing()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto t = TimeUtil::parse(text);
        QCOMPARE(t.has_value(), !expected.isEmpty());
        if (t)
            QCOMPARE(QString::fromLatin1(TimeUtil::rfc3339(*t)), expected);
    }

    void timeFormatting()
    {
        const qint64 ms = *TimeUtil::parse(QStringLiteral("1999-12-31T23:59:59Z")) + 7;
        QCOMPARE(TimeUtil::rfc3339(ms, true), QByteArray("1999-12-31T23:59:59.007Z"));
        QCOMPARE(TimeUtil::date(ms), QByteArray("1999-12-31"));
        QCOMPARE(TimeUtil::weekday(*TimeUtil::parse(QStringLiteral("2026-11-23"))), 0); // a Monday
        QCOMPARE(TimeUtil::weekday(*TimeUtil::parse(QStringLiteral("2026-11-29"))), 6);
    }

    void jsonWriterEscapes()
    {
        QByteArray out;
        JsonWriter w(out);
        const QString tricky = QStringLiteral("quote\" back\\ nl\n tab\t ctl\x01 \u00e9\u4e2d \U0001F600");
        w.beginObject()
            .field("s", tricky)
            .field("n", qint64(-42))
            .field("d", 0.1)
            .field("b", true)
            .nullField("z");
        w.key("arr").beginArray().value(1).value("x").beginObject().endObject().endArray();
        w.key("raw").raw("{\"k\":[1,2]}").key("t").time(0, true).key("h").hexValue(1, 255, 32);
        w.endObject();
        QJsonParseError e;
        const QJsonObject o = QJsonDocument::fromJson(out, &e).object();
        QCOMPARE(e.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QStringLiteral("s")).toString(), tricky);
        QCOMPARE(o.value(QStringLiteral("n")).toInt(), -42);
        QCOMPARE(o.value(QStringLiteral("d")).toDouble(), 0.1);
        QVERIFY(o.value(QStringLiteral("z")).isNull());
        QCOMPARE(o.value(QStringLiteral("arr")).toArray().size(), 3);
        QCOMPARE(o.value(QStringLiteral("raw")).toObject().value(QStringLiteral("k")).toArray().size(), 2);
        QCOMPARE(o.value(QStringLiteral("t")).toString(), QStringLiteral("1970-01-01T00:00:00.000Z"));
        QCOMPARE(o.value(QStringLiteral("h")).toString(), QStringLiteral("000000000000000100000000000000ff"));
        // Long strings take the slow path and stay correct.
        QByteArray longOut;
        JsonWriter lw(longOut);
        const QString longText = QString(600, QLatin1Char('x')) + QStringLiteral("\"");
        lw.beginArray().value(longText).endArray();
        QCOMPARE(QJsonDocument::fromJson(longOut).array().first().toString(), longText);
    }

    void faultSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::newRow("example") << QStringLiteral("500:0.1,reset:0.02,truncate:0.02,latency:50ms") << true;
        QTest::newRow("all kinds")
            << QStringLiteral(
                   "408:0.1,409:0.1,429:0.1,500:0.1,502:0.1,503:0.1,reset:0.1,truncate:0.1,nonjson:0.1")
            << true;
        QTest::newRow("latency seconds") << QStringLiteral("latency:0.5s") << true;
        QTest::newRow("empty") << QString() << true;
        QTest::newRow("unknown") << QStringLiteral("404:0.1") << false;
        QTest::newRow("no rate") << QStringLiteral("500") << false;
        QTest::newRow("rate > 1") << QStringLiteral("500:1.5") << false;
        QTest::newRow("negative") << QStringLiteral("500:-0.1") << false;
        QTest::newRow("sum > 1") << QStringLiteral("500:0.7,503:0.7") << false;
        QTest::newRow("latency unit") << QStringLiteral("latency:5min") << false;
    }
    void faultSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(bool, valid);
        QString error;
        QCOMPARE(FaultInjector::parseSpec(spec, error), valid);
        QCOMPARE(error.isEmpty(), valid);
    }

    void faultRates()
    {
        FaultInjector f;
        QString error;
        QVERIFY(f.configure(QStringLiteral("500:0.25,latency:50ms"), 9, error));
        QCOMPARE(f.latencyMs(), 50);
        int hits = 0;
        for (int i = 0; i < 4000; ++i)
            hits += f.roll() == FaultKind::InternalError ? 1 : 0;
        QVERIFY(hits > 800 && hits < 1200); // ~25 %
        QVERIFY(f.configure(QStringLiteral("stall:1"), 1, error));
        QCOMPARE(f.roll(), FaultKind::Stall);
    }

    void optionDefaults()
    {
        QString message;
        bool help = false;
        const auto o = Options::parse({}, message, help);
        QVERIFY(o);
        QCOMPARE(o->tokens, QStringList{QStringLiteral("orgscope-demo-token")});
        QCOMPARE(o->email, QStringLiteral("demo@orgscope.test"));
        QCOMPARE(o->key, QStringLiteral("orgscope-demo-key"));
        QCOMPARE(o->auditEvents, 20000);
        QCOMPARE(o->usageDays, 400);
        QCOMPARE(o->rateLimitCount, 1200);
        QCOMPARE(o->rateLimitWindowSeconds, 300);
        QVERIFY(o->cursorStyle == CursorStyle::Flat);
        QVERIFY(!o->usageCosts);
        const auto two = Options::parse(
            {QStringLiteral("--token"), QStringLiteral("a"), QStringLiteral("--token"), QStringLiteral("b"),
             QStringLiteral("--host"), QStringLiteral("0.0.0.0"), QStringLiteral("--allow-remote")},
            message, help);
        QVERIFY(two);
        QCOMPARE(two->tokens, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(!Options::parse({QStringLiteral("--host"), QStringLiteral("0.0.0.0")}, message, help));
        QVERIFY(!Options::parse({QStringLiteral("--help")}, message, help));
        QVERIFY(help);
    }

    // Issue 20 item 2: the documented limit — N per window, then a block for everything.
    void rateLimitBlocksEveryCallForTheBlockTime()
    {
        QString message;
        bool help = false;
        const auto o = Options::parse({QStringLiteral("--rate-limit"), QStringLiteral("3/5"),
                                       QStringLiteral("--rate-limit-block"), QStringLiteral("7"),
                                       QStringLiteral("--no-ratelimit-headers")},
                                      message, help);
        QVERIFY2(o, qPrintable(message));
        QCOMPARE(o->rateLimitBlockSeconds, 7);
        QVERIFY(!o->ratelimitHeaders);
        QVERIFY(!Options::parse({QStringLiteral("--rate-limit-block"), QStringLiteral("0")}, message, help));

        RateLimiter limiter(3, 5, false, 7, true);
        const qint64 t = 1000000;
        for (int i = 0; i < 3; ++i) {
            const auto d = limiter.take("k", t + i);
            QVERIFY(d.allowed);
            QCOMPARE(d.remaining, 2 - i);
        }
        auto d = limiter.take("k", t + 10);
        QVERIFY(!d.allowed);
        QCOMPARE(d.retryAfterSeconds, 7);
        QVERIFY(limiter.take("other", t + 10).allowed); // per credential
        // Blocked past the window's end, Retry-After counting down.
        d = limiter.take("k", t + 10 + 6500);
        QVERIFY(!d.allowed);
        QCOMPARE(d.retryAfterSeconds, 1);
        const auto headers = limiter.headers(d, t + 10 + 6500);
        QVERIFY(headers.contains(qMakePair(QByteArray("Retry-After"), QByteArray("1"))));
        // The block over, a fresh window.
        d = limiter.take("k", t + 10 + 7000);
        QVERIFY(d.allowed);
        QCOMPARE(d.remaining, 2);
        QCOMPARE(d.resetSeconds, 5);

        // Without headers only the 429's Retry-After is sent.
        RateLimiter bare(1, 5, false, 5, false);
        const auto ok = bare.take("k", t);
        QVERIFY(bare.headers(ok, t).isEmpty());
        const auto no = bare.take("k", t + 1);
        QCOMPARE(bare.headers(no, t + 1),
                 (QList<QPair<QByteArray, QByteArray>>{{QByteArray("Retry-After"), QByteArray("5")}}));
    }

    void deterministicDataset()
    {
        Service a(options(7, 2000));
        Service b(options(7, 2000));
        Service c(options(8, 2000));
        const HttpResponse ra = a.handle(get("/client/v4/organizations?page_size=1000"));
        QCOMPARE(ra.status, 200);
        QCOMPARE(ra.body, b.handle(get("/client/v4/organizations?page_size=1000")).body);
        QVERIFY(ra.body != c.handle(get("/client/v4/organizations?page_size=1000")).body);
        const QByteArray root = a.store().organizations.first().id;
        const QByteArray audit =
            "/client/v4/organizations/" + root + "/logs/audit?since=2025-01-01&before=2027-01-01&limit=1000";
        QCOMPARE(a.handle(get(audit)).body, b.handle(get(audit)).body);
        const QByteArray usage =
            "/client/v4/organizations/" + root + "/billable/usage?from=2026-10-01&to=2026-10-31";
        const HttpResponse ua = a.handle(get(usage));
        QCOMPARE(ua.body, b.handle(get(usage)).body);
        QCOMPARE(ua.body, a.handle(get(usage)).body); // the same window twice
        // Different seeds tell different stories.
        QVERIFY(a.store().organizations.first().id != c.store().organizations.first().id);
    }

    void organizationHistoryStartsAtCreation()
    {
        Service s(options(3, 20000));
        QCOMPARE(s.audit().size(), 20000);
        int checked = 0;
        for (const Organization &o : s.store().organizations) {
            const HttpResponse r =
                s.handle(get("/client/v4/organizations/" + o.id +
                             "/logs/audit?since=2020-01-01&before=2027-01-01&limit=1&direction=asc"));
            const QJsonArray result =
                QJsonDocument::fromJson(r.body).object().value(QStringLiteral("result")).toArray();
            if (o.createMs < *TimeUtil::parse(QStringLiteral("2025-05-25")))
                continue; // created before the 18 months (548 days) of retained history
            QVERIFY2(!result.isEmpty(), o.id.constData());
            const QJsonObject first = result.first().toObject();
            QCOMPARE(first.value(QStringLiteral("action"))
                         .toObject()
                         .value(QStringLiteral("description"))
                         .toString(),
                     QStringLiteral("Create organization"));
            QCOMPARE(
                first.value(QStringLiteral("resource")).toObject().value(QStringLiteral("id")).toString(),
                QString::fromLatin1(o.id));
            QCOMPARE(
                first.value(QStringLiteral("action")).toObject().value(QStringLiteral("time")).toString(),
                QString::fromLatin1(TimeUtil::rfc3339(o.createMs)));
            ++checked;
        }
        QVERIFY(checked >= 6);
    }

    void auditSizeAndPage()
    {
        Service s(options(1, 30000));
        QCOMPARE(s.audit().size(), 30000);
        const QByteArray root = s.store().organizations.first().id;
        const HttpResponse r = s.handle(get("/client/v4/organizations/" + root +
                                            "/logs/audit?since=2025-01-01&before=2027-01-01&limit=1000"));
        QCOMPARE(r.status, 200);
        QJsonParseError e;
        const QJsonObject o = QJsonDocument::fromJson(r.body, &e).object();
        QCOMPARE(e.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QStringLiteral("result")).toArray().size(), 1000);
        // History spans ~18 months and mixes actors, contexts and outcomes.
        QSet<QString> contexts, results, products, emails;
        for (const QJsonValue &v : o.value(QStringLiteral("result")).toArray()) {
            const QJsonObject entry = v.toObject();
            contexts.insert(
                entry.value(QStringLiteral("actor")).toObject().value(QStringLiteral("context")).toString());
            emails.insert(
                entry.value(QStringLiteral("actor")).toObject().value(QStringLiteral("email")).toString());
            results.insert(
                entry.value(QStringLiteral("action")).toObject().value(QStringLiteral("result")).toString());
            products.insert(entry.value(QStringLiteral("resource"))
                                .toObject()
                                .value(QStringLiteral("product"))
                                .toString());
        }
        QVERIFY(contexts.size() >= 4);
        QVERIFY(emails.size() >= 8);
        QCOMPARE(results.size(), 2);
        QVERIFY(products.size() >= 4);
        const QJsonObject oldest =
            QJsonDocument::fromJson(
                s.handle(get("/client/v4/organizations/" + root +
                             "/logs/audit?since=2020-01-01&before=2027-01-01&limit=1&direction=asc"))
                    .body)
                .object()
                .value(QStringLiteral("result"))
                .toArray()
                .first()
                .toObject();
        const QString first =
            oldest.value(QStringLiteral("action")).toObject().value(QStringLiteral("time")).toString();
        QVERIFY2(first < QLatin1String("2025-06-15"), qPrintable(first));
        QVERIFY2(first > QLatin1String("2025-05-01"), qPrintable(first));
    }
};

QTEST_GUILESS_MAIN(TestSimUnits)
#include "tst_simunits.moc"
