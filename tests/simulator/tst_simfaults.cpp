// Failure behaviour of orgscope-sim over real HTTP: rate limiting, every
// --faults kind, reproducible fault dice, hostile input (always a 4xx
// envelope, never a 5xx or a crash) and the command line.
#include "simclient.h"
#include "testsupport/simulatorprocess.h"

#include "app/endwithparent.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <csignal>

using simtest::Reply;
using simtest::SimClient;

namespace {
QStringList quiet(QStringList extra)
{
    return QStringList{QStringLiteral("--audit-events"), QStringLiteral("200")} + extra;
}
} // namespace

class TestSimFaults : public QObject
{
    Q_OBJECT

private slots:
    void rateLimit()
    {
        testsupport::SimulatorProcess sim(quiet({QStringLiteral("--rate-limit"), QStringLiteral("3/60")}));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        for (int i = 0; i < 3; ++i) {
            const Reply r = client.get(QStringLiteral("/organizations?page_size=1"));
            QCOMPARE(r.status, 200);
            QVERIFY(r.header("Ratelimit")
                        .startsWith(QByteArray("\"default\";r=" + QByteArray::number(2 - i) + ";t=")));
            QCOMPARE(r.header("Ratelimit-Policy"), QByteArray("\"default\";q=3;w=60"));
            QVERIFY(!r.hasHeader("Retry-After"));
        }
        const Reply limited = client.get(QStringLiteral("/organizations?page_size=1"));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), 971);
        QCOMPARE(limited.json().value(QStringLiteral("success")).toBool(true), false);
        QVERIFY(limited.json().value(QStringLiteral("result")).isNull());
        const int retryAfter = limited.header("Retry-After").toInt();
        QVERIFY(retryAfter >= 1 && retryAfter <= 20);
        QVERIFY(limited.header("Ratelimit").startsWith("\"default\";r=0;t="));
        // Every endpoint family is limited, including the ones with their own envelopes.
        QCOMPARE(client.get(QStringLiteral("/user/tokens/verify")).status, 429);
        // The bucket is per credential.
        client.setAuth(SimClient::Auth::EmailKey);
        QCOMPARE(client.get(QStringLiteral("/organizations?page_size=1")).status, 200);
    }

    void forced429Hook()
    {
        testsupport::SimulatorProcess sim(quiet({QStringLiteral("--force-429"), QStringLiteral("1")}));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        Reply r = client.get(QStringLiteral("/organizations"));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("1"));
        QCOMPARE(client.get(QStringLiteral("/organizations")).status, 200);

        // Runtime hook, outside /client/v4.
        QString hookBase = sim.baseUrl();
        hookBase.chop(QStringLiteral("/client/v4").size());
        SimClient hook(hookBase);
        r = hook.post(QStringLiteral("/__sim/force-429?count=2"), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(client.get(QStringLiteral("/organizations")).status, 429);
        QCOMPARE(client.get(QStringLiteral("/user/tokens/verify")).status, 429);
        QCOMPARE(client.get(QStringLiteral("/organizations")).status, 200);
        QCOMPARE(hook.post(QStringLiteral("/__sim/force-429?count=-1"), {}).status, 400);
    }

    void xRatelimitHeaders()
    {
        testsupport::SimulatorProcess sim(quiet({QStringLiteral("--x-ratelimit-headers")}));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        const Reply r = client.get(QStringLiteral("/organizations"));
        QCOMPARE(r.header("x-ratelimit-limit"), QByteArray("1200"));
        QCOMPARE(r.header("x-ratelimit-remaining"), QByteArray("1199"));
        QVERIFY(r.header("x-ratelimit-reset").endsWith(" GMT"));
    }

    void statusFaults_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("json");
        QTest::newRow("429") << QStringLiteral("429") << 429 << true;
        QTest::newRow("500") << QStringLiteral("500") << 500 << true;
        QTest::newRow("502") << QStringLiteral("502") << 502 << true;
        QTest::newRow("503") << QStringLiteral("503") << 503 << true;
        QTest::newRow("408") << QStringLiteral("408") << 408 << true;
        QTest::newRow("409") << QStringLiteral("409") << 409 << true;
        QTest::newRow("nonjson") << QStringLiteral("nonjson") << 502 << false;
    }
    void statusFaults()
    {
        QFETCH(QString, kind);
        QFETCH(int, status);
        QFETCH(bool, json);
        testsupport::SimulatorProcess sim(quiet({QStringLiteral("--faults"), kind + QStringLiteral(":1")}));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        const Reply r = client.get(QStringLiteral("/organizations"));
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("X-Orgscope-Sim-Fault"), kind.toLatin1());
        QCOMPARE(r.isJson(), json);
        if (json) {
            QCOMPARE(r.json().value(QStringLiteral("success")).toBool(true), false);
            QVERIFY(r.errorCode() != 0);
        } else {
            QVERIFY(r.header("Content-Type").startsWith("text/html"));
            QVERIFY(r.body.contains("<html>"));
        }
        if (status == 429) {
            QCOMPARE(r.header("Retry-After"), QByteArray("1"));
            QCOMPARE(r.header("retry-after-ms"), QByteArray("1000"));
        }
        // A faulted mutation is not applied.
        const Reply create = client.post(QStringLiteral("/organizations"), "{\"name\":\"Should Not Exist\"}");
        QCOMPARE(create.status, status);
        const QString hookBase = sim.baseUrl().chopped(QStringLiteral("/client/v4").size());
        SimClient hook(hookBase);
        QCOMPARE(hook.get(QStringLiteral("/__sim/health")).status, 200); // hooks are never faulted
    }

    void resetFault()
    {
        testsupport::SimulatorProcess sim(quiet({QStringLiteral("--faults"), QStringLiteral("reset:1")}));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        // Qt 6.4's QNAM reports the RST either as RemoteHostClosedError or as a
        // finished reply whose body is shorter than its Content-Length.
        auto broken = [](const Reply &r) {
            return r.error != QNetworkReply::NoError || r.body.size() < r.header("Content-Length").toInt();
        };
        const Reply r = client.get(QStringLiteral("/organizations?page_size=100"));
        QVERIFY2(broken(r), qPrintable(QString::number(int(r.error))));
        QVERIFY(!r.isJson());
        // The server survives and keeps answering (with another reset).
        const Reply again = client.get(QStringLiteral("/organizations"));
        QVERIFY(broken(again));
        QVERIFY(!again.isJson());
        // Raw view: the headers promise more than arrives.
        const QByteArray raw = client.raw("GET /client/v4/organizations HTTP/1.1\r\nHost: x\r\n"
                                          "Authorization: Bearer orgscope-demo-token\r\n\r\n");
        const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return; // the RST overtook the bytes: also a reset, nothing more to check
        const QByteArray head = raw.left(headerEnd).toLower();
        const qsizetype cl = head.indexOf("content-length: ");
        QVERIFY(cl > 0);
        const int promised = head.mid(cl + 16, head.indexOf("\r\n", cl) - cl - 16).toInt();
        QVERIFY(raw.size() - headerEnd - 4 < promised);
    }

    void truncateFault()
    {
        testsupport::SimulatorProcess sim(quiet({QStringLiteral("--faults"), QStringLiteral("truncate:1")}));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        const Reply r = client.get(QStringLiteral("/organizations?page_size=100"));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.body.isEmpty());
        QVERIFY(r.body.startsWith("{\"success\":true"));
        QVERIFY(!r.isJson());
        QCOMPARE(r.header("Content-Length").toInt(), r.body.size());
    }

    void malformedFault()
    {
        testsupport::SimulatorProcess sim(quiet({QStringLiteral("--faults"), QStringLiteral("malformed:1")}));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        const Reply r = client.get(QStringLiteral("/organizations?page_size=100"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("X-Orgscope-Sim-Fault"), QByteArray("malformed"));
        QCOMPARE(r.header("Content-Length").toInt(), r.body.size());
        QVERIFY(r.body.startsWith("{\"success\":true"));
        QVERIFY(!r.isJson());
        // Whole otherwise: one doubled comma, brackets balanced.
        QVERIFY(r.body.contains(",,"));
        QCOMPARE(r.body.count('{'), r.body.count('}'));
        QCOMPARE(r.body.count('['), r.body.count(']'));
        QByteArray repaired = r.body;
        repaired.remove(repaired.indexOf(",,"), 1);
        QVERIFY(QJsonDocument::fromJson(repaired).isObject());
    }

    void stallFault()
    {
        testsupport::SimulatorProcess sim(quiet({QStringLiteral("--faults"), QStringLiteral("stall:1"),
                                                 QStringLiteral("--stall-ms"), QStringLiteral("4000")}));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        client.setTransferTimeout(800);
        const Reply r = client.get(QStringLiteral("/organizations?page_size=100"));
        QVERIFY2(r.error == QNetworkReply::OperationCanceledError || r.error == QNetworkReply::TimeoutError,
                 qPrintable(QString::number(int(r.error))));
        QVERIFY(!r.isJson());
    }

    void latencyFault()
    {
        testsupport::SimulatorProcess sim(
            quiet({QStringLiteral("--faults"), QStringLiteral("latency:300ms")}));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        QElapsedTimer t;
        t.start();
        const Reply r = client.get(QStringLiteral("/organizations"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.isJson());
        QVERIFY(t.elapsed() >= 280); // a lower bound only: the delay really happens
    }

    void faultDiceAreReproducible()
    {
        auto sequence = [](const QString &seed) {
            testsupport::SimulatorProcess sim(
                quiet({QStringLiteral("--faults"), QStringLiteral("500:0.3,503:0.2"),
                       QStringLiteral("--fault-seed"), seed}));
            QList<int> statuses;
            if (!sim.start())
                return statuses;
            SimClient client(sim.baseUrl());
            for (int i = 0; i < 40; ++i)
                statuses << client.get(QStringLiteral("/organizations?page_size=1")).status;
            return statuses;
        };
        const QList<int> a = sequence(QStringLiteral("42"));
        const QList<int> b = sequence(QStringLiteral("42"));
        const QList<int> c = sequence(QStringLiteral("43"));
        QCOMPARE(a.size(), 40);
        QCOMPARE(a, b);
        QVERIFY(a != c);
        QVERIFY(a.contains(500) && a.contains(503) && a.contains(200));
    }

    void hostileInput()
    {
        testsupport::SimulatorProcess sim(quiet({}));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        const QString root = client.get(QStringLiteral("/organizations?page_size=1"))
                                 .json()
                                 .value(QStringLiteral("result"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
        const QByteArray auth = "Authorization: Bearer orgscope-demo-token\r\n";
        const QByteArray org = root.toLatin1();
        QByteArray deep(20000, '[');
        deep += QByteArray(20000, ']');
        QByteArray manyParams;
        for (int i = 0; i < 3000; ++i)
            manyParams += "&id=" + QByteArray::number(i);
        const QList<QPair<QByteArray, QByteArray>> requests = {
            {"GET /client/v4/organizations/%ZZ%", {}},
            {"GET /client/v4/organizations?name.contains=%FF%FE%00", {}},
            {"GET /client/v4/organizations?page_size=99999999999999999999", {}},
            {"GET /client/v4/organizations?page_token=" + QByteArray(5000, 'A'), {}},
            {"GET /client/v4/organizations?" + manyParams, {}},
            {"GET /client/v4/../../etc/passwd", {}},
            {"GET /client/v4//organizations", {}},
            {"GET /client/v4/organizations/%E2%9C%93/members", {}},
            {"GET /client/v4/organizations/" + org + "/logs/audit?since=%00&before=%00", {}},
            {"GET /client/v4/organizations/" + org +
                 "/logs/audit?since=2026-01-01&before=2026-02-01&limit=1e3",
             {}},
            {"GET /client/v4/organizations/" + org +
                 "/logs/audit?since=2026-01-01&before=2026-02-01&cursor=%FF%FF",
             {}},
            {"GET /client/v4/organizations/" + org + "/logs/audit?since=9999-99-99&before=0000-00-00", {}},
            {"GET /client/v4/organizations/" + org +
                 "/billable/usage?from=2026-01-01T99:99:99Z&to=2026-01-02",
             {}},
            {"GET /client/v4/organizations/" + org + "/billable/usage?from=-2026-01-01&to=2026-01-02", {}},
            {"POST /client/v4/organizations", "null"},
            {"POST /client/v4/organizations", "\"just a string\""},
            {"POST /client/v4/organizations", "{\"name\":null}"},
            {"POST /client/v4/organizations", "{\"name\":[\"a\"]}"},
            {"POST /client/v4/organizations", "{\"name\":\"ok\",\"parent\":{\"id\":7}}"},
            {"POST /client/v4/organizations", "{\"name\":\"ok\",\"profile\":\"x\"}"},
            {"POST /client/v4/organizations", deep},
            {"POST /client/v4/organizations", QByteArray("{\"name\":\"a\0b\"}", 14)},
            {"POST /client/v4/organizations", "{\"name\":\"" + QByteArray(1 << 20, 'n') + "\"}"},
            {"POST /client/v4/organizations", QByteArray("\xff\xfe{}", 4)},
            {"PUT /client/v4/organizations/" + org + "/profile", "{\"business_address\":{}}"},
            {"POST /client/v4/organizations/" + org + "/members", "{\"member\":[]}"},
            {"POST /client/v4/organizations/" + org + "/members",
             "{\"member\":{\"user\":{\"email\":\"a@b.c\"},\"status\":5}}"},
            {"POST /client/v4/organizations/" + org + "/members:batchCreate", "{\"members\":{}}"},
            {"POST /client/v4/organizations/" + org + "/members:batchCreate", "{\"members\":[1,2,3]}"},
            {"DELETE /client/v4/organizations/" + org + "/members/x", "{oops"},
            {"OPTIONS /client/v4/organizations", {}},
            {"HEAD /client/v4/organizations/nope", {}},
        };
        for (const auto &[line, body] : requests) {
            QByteArray request = line + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth;
            if (!body.isNull())
                request +=
                    "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                    "\r\n";
            request += "Connection: close\r\n\r\n" + body;
            const QByteArray response = client.raw(request, 10000);
            const QByteArray statusLine = response.left(response.indexOf("\r\n"));
            QVERIFY2(statusLine.startsWith("HTTP/1.1 "), line.left(80).constData());
            const int status = statusLine.mid(9, 3).toInt();
            QVERIFY2(status >= 200 && status < 500,
                     QByteArray(line.left(80) + " -> " + statusLine).constData());
            if (line.startsWith("HEAD"))
                continue;
            const QByteArray payload = response.mid(response.indexOf("\r\n\r\n") + 4);
            const QJsonObject o = QJsonDocument::fromJson(payload).object();
            QVERIFY2(o.contains(QStringLiteral("success")),
                     QByteArray(line.left(80) + " -> " + payload.left(200)).constData());
            if (status >= 400) {
                QCOMPARE(o.value(QStringLiteral("success")).toBool(true), false);
                QVERIFY(!o.value(QStringLiteral("errors")).toArray().isEmpty());
            }
        }
        // Garbage that is not HTTP at all must not take the server down.
        client.raw("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n", 1000);
        client.raw("BREW /client/v4/organizations HTTP/1.1\r\nHost: x\r\n\r\n", 1000);
        QCOMPARE(client.get(QStringLiteral("/organizations?page_size=1")).status, 200);
    }

    void randomAuditQueries()
    {
        testsupport::SimulatorProcess sim(
            quiet({QStringLiteral("--rate-limit"), QStringLiteral("100000/1")}));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        const QString root = client.get(QStringLiteral("/organizations?page_size=1"))
                                 .json()
                                 .value(QStringLiteral("result"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
        const QStringList keys{QStringLiteral("since"),
                               QStringLiteral("before"),
                               QStringLiteral("limit"),
                               QStringLiteral("cursor"),
                               QStringLiteral("direction"),
                               QStringLiteral("action_type"),
                               QStringLiteral("actor_context.not"),
                               QStringLiteral("raw_status_code"),
                               QStringLiteral("id.not"),
                               QStringLiteral("resource_scope"),
                               QStringLiteral("actor_email"),
                               QStringLiteral("unknown_key")};
        const QStringList values{QStringLiteral("2026-01-01"),
                                 QStringLiteral("2026-12-31T23:59:59Z"),
                                 QStringLiteral("1"),
                                 QStringLiteral("1000"),
                                 QStringLiteral("-1"),
                                 QStringLiteral("desc"),
                                 QStringLiteral("create"),
                                 QStringLiteral("api_token"),
                                 QStringLiteral("200"),
                                 QStringLiteral("organizations"),
                                 QStringLiteral("\u00e9\u4e2d"),
                                 QStringLiteral("a&b=c"),
                                 QString(),
                                 QStringLiteral("%%")};
        QRandomGenerator rng(20261123);
        for (int i = 0; i < 150; ++i) {
            QString q;
            const int n = int(rng.bounded(6));
            for (int k = 0; k < n; ++k)
                q += QLatin1Char('&') + keys.at(rng.bounded(keys.size())) + QLatin1Char('=') +
                     SimClient::enc(values.at(rng.bounded(values.size())));
            const Reply r = client.get(QStringLiteral("/organizations/%1/logs/audit?x=1%2").arg(root, q));
            QVERIFY2(r.status == 200 || r.status == 400,
                     qPrintable(q + QLatin1String(" -> ") + QString::number(r.status)));
            QVERIFY2(r.isJson(), qPrintable(q));
        }
    }

    void commandLineErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("port text") << QStringList{QStringLiteral("--port"), QStringLiteral("abc")};
        QTest::newRow("port range") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")};
        QTest::newRow("remote host") << QStringList{QStringLiteral("--host"), QStringLiteral("192.0.2.1")};
        QTest::newRow("bad host") << QStringList{QStringLiteral("--host"), QStringLiteral("localhost:80")};
        QTest::newRow("fault kind") << QStringList{QStringLiteral("--faults"), QStringLiteral("explode:1")};
        QTest::newRow("fault rate") << QStringList{QStringLiteral("--faults"), QStringLiteral("500:2")};
        QTest::newRow("fault sum") << QStringList{QStringLiteral("--faults"),
                                                  QStringLiteral("500:0.6,502:0.6")};
        QTest::newRow("latency") << QStringList{QStringLiteral("--faults"), QStringLiteral("latency:soon")};
        QTest::newRow("rate limit") << QStringList{QStringLiteral("--rate-limit"), QStringLiteral("0/300")};
        QTest::newRow("cursor style")
            << QStringList{QStringLiteral("--cursor-style"), QStringLiteral("sideways")};
        QTest::newRow("now") << QStringList{QStringLiteral("--now"), QStringLiteral("tomorrow")};
        QTest::newRow("account token")
            << QStringList{QStringLiteral("--account-token"), QStringLiteral("nocolon")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")};
        QTest::newRow("positional") << QStringList{QStringLiteral("extra")};
        QTest::newRow("audit events") << QStringList{QStringLiteral("--audit-events"), QStringLiteral("-5")};
    }
    void commandLineErrors()
    {
        QFETCH(QStringList, args);
        QProcess p;
        p.start(qEnvironmentVariable("ORGSCOPE_SIM"), args);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardOutput().isEmpty());
        QVERIFY(!p.readAllStandardError().trimmed().isEmpty());
    }

    void help()
    {
        QProcess p;
        p.start(qEnvironmentVariable("ORGSCOPE_SIM"), {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray out = p.readAllStandardOutput();
        for (const char *option :
             {"--port", "--host", "--allow-remote", "--token", "--email", "--key", "--seed", "--audit-events",
              "--usage-days", "--usage-costs", "--cursor-style", "--rate-limit", "--faults", "--fault-seed"})
            QVERIFY2(out.contains(option), option);
    }

    void readyLineAndCleanExit_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }
    void readyLineAndCleanExit()
    {
        QFETCH(int, signalNumber);
        QProcess p;
        app::endWithParent(p, app::ParentDeath::Kill); // it listens: not left behind by a crash
        p.start(qEnvironmentVariable("ORGSCOPE_SIM"),
                {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--audit-events"),
                 QStringLiteral("100")});
        QVERIFY(p.waitForStarted());
        QByteArray out;
        QDeadlineTimer deadline(20000);
        while (!out.contains('\n') && !deadline.hasExpired() && p.waitForReadyRead(1000))
            out += p.readAllStandardOutput();
        QVERIFY(QRegularExpression(
                    QStringLiteral("^orgscope-sim listening on http://127\\.0\\.0\\.1:\\d+/client/v4\n$"))
                    .match(QString::fromUtf8(out))
                    .hasMatch());
        ::kill(pid_t(p.processId()), signalNumber);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().isEmpty()); // exactly one line on stdout
    }

    void portInUse()
    {
        testsupport::SimulatorProcess first(quiet({}));
        QVERIFY2(first.start(), qPrintable(first.errorString()));
        const QString port =
            QUrl(first.baseUrl()).port() > 0 ? QString::number(QUrl(first.baseUrl()).port()) : QString();
        QProcess p;
        p.start(qEnvironmentVariable("ORGSCOPE_SIM"),
                {QStringLiteral("--port"), port, QStringLiteral("--audit-events"), QStringLiteral("0")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("cannot listen"));
    }
};

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_simfaults.moc"
