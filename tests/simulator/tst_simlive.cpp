// --live-events (issue 23 item 4), in-process: the rate syntax, entries that
// keep arriving as the clock runs (newest first in the listing), their mix
// (failures, deletions, batch invites sharing a timestamp) and the test hook
// that pauses the stream or adds entries at once.
#include "liveevents.h"
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

Options options(double perMinute)
{
    Options o;
    o.auditEvents = 2000;
    o.nowMs = *TimeUtil::parse(QStringLiteral("2026-11-23T12:00:00Z"));
    o.rateLimitCount = 1000000;
    o.liveEventsPerMinute = perMinute;
    return o;
}

QJsonArray listing(Service &s, const QByteArray &org, const QByteArray &since)
{
    const HttpResponse r =
        s.handle(request("GET", "/client/v4/organizations/" + org + "/logs/audit?since=" + since +
                                    "&before=2030-01-01&limit=1000"));
    return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("result")).toArray();
}

QString field(const QJsonValue &entry, const char *group, const char *key)
{
    return entry.toObject().value(QLatin1String(group)).toObject().value(QLatin1String(key)).toString();
}
} // namespace

class TestSimLive : public QObject
{
    Q_OBJECT

private slots:
    void rates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("perMinute");
        QTest::newRow("per minute") << "30/min" << 30.0;
        QTest::newRow("per second") << "2/s" << 120.0;
        QTest::newRow("sec") << "1/sec" << 60.0;
        QTest::newRow("per hour") << "120/h" << 2.0;
        QTest::newRow("fraction") << "0.5/s" << 30.0;
        QTest::newRow("zero") << "0/min" << -1.0;
        QTest::newRow("no unit") << "30" << -1.0;
        QTest::newRow("unknown unit") << "3/day" << -1.0;
        QTest::newRow("negative") << "-3/s" << -1.0;
        QTest::newRow("too fast") << "20000/s" << -1.0;
    }
    void rates()
    {
        QFETCH(QString, text);
        QFETCH(double, perMinute);
        const auto rate = LiveEvents::parseRate(text);
        if (perMinute < 0) {
            QVERIFY(!rate);
            QString message;
            bool help = false;
            QVERIFY(!Options::parse({QStringLiteral("--live-events"), text}, message, help));
            QVERIFY2(message.contains(QLatin1String("--live-events")), qPrintable(message));
            return;
        }
        QVERIFY(rate);
        QCOMPARE(*rate, perMinute);
        QString message;
        bool help = false;
        const auto o = Options::parse({QStringLiteral("--live-events"), text}, message, help);
        QVERIFY2(o, qPrintable(message));
        QCOMPARE(o->liveEventsPerMinute, perMinute);
    }

    void offByDefault()
    {
        QString message;
        bool help = false;
        QCOMPARE(Options::parse({}, message, help)->liveEventsPerMinute, 0.0);
        Service s(options(0));
        const qsizetype before = s.audit().size();
        const HttpResponse hook = s.handle(request("POST", "/__sim/live-events?count=5"));
        QCOMPARE(hook.status, 400);
        QCOMPARE(s.audit().size(), before);
    }

    // The clock runs: entries arrive without anybody adding them.
    void entriesArriveAsTimePasses()
    {
        Service s(options(60000)); // 1000 a second
        const QByteArray root = s.store().organizations.first().id;
        const qsizetype seeded = s.audit().size();
        QTRY_VERIFY_WITH_TIMEOUT(
            (s.handle(request("GET", "/__sim/health")), listing(s, root, "2026-11-23T12:00:00Z").size() >= 5),
            20000);
        QVERIFY(s.audit().size() > seeded);
        // Newest first, every one at or after the start of the run.
        const QJsonArray live = listing(s, root, "2026-11-23T12:00:00Z");
        QString previous = QStringLiteral("9999");
        for (const QJsonValue &e : live) {
            const QString time = field(e, "action", "time");
            QVERIFY2(time <= previous, qPrintable(time + QLatin1String(" after ") + previous));
            QVERIFY(time >= QLatin1String("2026-11-23T12:00:00"));
            previous = time;
        }
    }

    // The hook: paused, nothing arrives; count=N adds entries at once, and the
    // mix has failures, deletions, several actors and shared timestamps.
    void hookPausesAndAddsAMix()
    {
        Service s(options(60));
        const QByteArray root = s.store().organizations.first().id;
        HttpResponse r = s.handle(request("POST", "/__sim/live-events?pause=true"));
        QCOMPARE(r.status, 200);
        QVERIFY(QJsonDocument::fromJson(r.body)
                    .object()
                    .value(QStringLiteral("result"))
                    .toObject()
                    .value(QStringLiteral("paused"))
                    .toBool());
        const qsizetype paused = s.audit().size();
        QTest::qWait(50);
        s.handle(request("GET", "/__sim/health"));
        QCOMPARE(s.audit().size(), paused);

        r = s.handle(request("POST", "/__sim/live-events?count=600"));
        QCOMPARE(r.status, 200);
        QVERIFY(s.audit().size() >= paused + 600);
        QCOMPARE(s.handle(request("POST", "/__sim/live-events?count=x")).status, 400);

        QJsonArray all;
        for (const Organization &o : s.store().organizations)
            for (const QJsonValue &e : listing(s, o.id, "2026-11-23T12:00:00Z"))
                all.append(e);
        QCOMPARE(all.size(), s.audit().size() - paused);
        QSet<QString> types, results, actors, ids;
        QHash<QString, int> perTime;
        for (const QJsonValue &e : std::as_const(all)) {
            types.insert(field(e, "action", "type"));
            results.insert(field(e, "action", "result"));
            actors.insert(field(e, "actor", "email"));
            ids.insert(e.toObject().value(QStringLiteral("id")).toString());
            ++perTime[field(e, "action", "time")];
        }
        QVERIFY(types.contains(QStringLiteral("delete")));
        QVERIFY(types.contains(QStringLiteral("create")));
        QVERIFY(results.contains(QStringLiteral("failure")));
        QVERIFY(actors.size() >= 8);
        QCOMPARE(ids.size(), all.size()); // same timestamp, still another entry
        QVERIFY(!listing(s, root, "2026-11-23T12:00:00Z").isEmpty());

        // Resumed, the stream goes on by itself.
        QCOMPARE(s.handle(request("POST", "/__sim/live-events?pause=false")).status, 200);
    }

    // Batch invites log several entries with one timestamp, as members:batchCreate does.
    void batchesShareATimestamp()
    {
        Service s(options(600000));
        QTRY_VERIFY_WITH_TIMEOUT((s.handle(request("GET", "/__sim/health")), s.audit().size() > 2000 + 400),
                                 20000);
        s.handle(request("POST", "/__sim/live-events?pause=true"));
        QHash<QString, int> inviteTimes;
        for (const Organization &o : s.store().organizations) {
            const QJsonArray entries = listing(s, o.id, "2026-11-23T12:00:00Z");
            for (const QJsonValue &e : entries)
                if (field(e, "action", "description") == QLatin1String("Create organization member"))
                    ++inviteTimes[field(e, "actor", "email") + field(e, "action", "time") +
                                  field(e, "raw", "uri")];
        }
        int shared = 0;
        for (int n : std::as_const(inviteTimes))
            shared += n > 1 ? 1 : 0;
        QVERIFY(shared > 0);
    }
};

QTEST_GUILESS_MAIN(TestSimLive)
#include "tst_simlive.moc"
