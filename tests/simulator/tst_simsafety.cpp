// The simulator modes for "safe against the real API" (issue 20): a write
// that lands before the connection drops (--faults reset-after-write), error
// codes nobody may rely on (--opaque-error-codes) and an exclusive usage
// `to` (--usage-to exclusive).
#include "simclient.h"
#include "testsupport/simulatorprocess.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using simtest::Reply;
using simtest::SimClient;

namespace {
const QString fixedNow = QStringLiteral("2026-12-06T12:00:00Z");

QStringList quiet(QStringList extra)
{
    return QStringList{QStringLiteral("--audit-events"), QStringLiteral("0"),
                       QStringLiteral("--usage-days"),   QStringLiteral("60"),
                       QStringLiteral("--now"),          fixedNow} +
           extra;
}

QString rootId(SimClient &client)
{
    const Reply r = client.get(QStringLiteral("/organizations?parent.id=null&page_size=10"));
    const QJsonArray items = r.json().value(QStringLiteral("result")).toArray();
    return items.isEmpty() ? QString() : items.first().toObject().value(QStringLiteral("id")).toString();
}

int countNamed(SimClient &client, const QString &parent, const QString &name)
{
    const Reply r = client.get(QStringLiteral("/organizations?parent.id=%1&name=%2&page_size=100")
                                   .arg(parent, SimClient::enc(name)));
    return int(r.json().value(QStringLiteral("result")).toArray().size());
}
} // namespace

class TestSimSafety : public QObject
{
    Q_OBJECT

private slots:
    // The POST is applied, then the connection is reset without an answer; reads pass untouched.
    void resetAfterWriteAppliesTheWrite()
    {
        testsupport::SimulatorProcess sim(
            quiet({QStringLiteral("--faults"), QStringLiteral("reset-after-write:1")}));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        const QString root = rootId(client);
        QVERIFY(!root.isEmpty());
        const QString name = QStringLiteral("Landed Then Dropped");
        // Over a plain socket: QNetworkAccessManager would quietly send the POST
        // again on the dropped connection (a duplicate, exactly the danger).
        const QByteArray body =
            QStringLiteral(R"({"name":"%1","parent":{"id":"%2"}})").arg(name, root).toUtf8();
        const QByteArray answer = client.raw("POST /client/v4/organizations HTTP/1.1\r\nHost: x\r\n"
                                             "Authorization: Bearer orgscope-demo-token\r\n"
                                             "Content-Type: application/json\r\nContent-Length: " +
                                                 QByteArray::number(body.size()) + "\r\n\r\n" + body,
                                             5000);
        QVERIFY2(answer.isEmpty(), answer.constData()); // no HTTP answer at all
        QCOMPARE(countNamed(client, root, name), 1);    // … but the organization exists
        const Reply list = client.get(QStringLiteral("/organizations?page_size=5"));
        QCOMPARE(list.status, 200);
        QVERIFY(!list.hasHeader("X-Orgscope-Sim-Fault"));
    }

    void resetAfterWriteIsAKnownFaultKind()
    {
        testsupport::SimulatorProcess bad(
            quiet({QStringLiteral("--faults"), QStringLiteral("reset-after:1")}));
        QVERIFY(!bad.start(20000));
        QVERIFY(bad.errorString().contains(QStringLiteral("reset-after-write")));
    }

    // Invented codes become random numbers, messages lose their wording; the observed codes stay.
    void opaqueErrorCodes()
    {
        testsupport::SimulatorProcess sim(quiet({QStringLiteral("--opaque-error-codes")}));
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        const Reply unknown = client.get(QStringLiteral("/organizations/nope"));
        QCOMPARE(unknown.status, 404);
        const int code = unknown.errorCode();
        QVERIFY2(code != 1004 && code != 0, qPrintable(QString::number(code)));
        QVERIFY(!unknown.errorMessage().isEmpty());
        QVERIFY2(!unknown.errorMessage().contains(QStringLiteral("not found"), Qt::CaseInsensitive),
                 qPrintable(unknown.errorMessage()));
        // Stable within a run: the same situation, the same number.
        QCOMPARE(client.get(QStringLiteral("/organizations/other")).errorCode(), code);
        // A different situation, a different number.
        const Reply invalid = client.post(QStringLiteral("/organizations"), R"({"name":""})");
        QCOMPARE(invalid.status, 400);
        QVERIFY(invalid.errorCode() != 1001 && invalid.errorCode() != code);
        // The field is still named where the contract documents it: source.pointer.
        const QJsonObject item = invalid.json().value(QStringLiteral("errors")).toArray().first().toObject();
        QCOMPARE(item.value(QStringLiteral("source")).toObject().value(QStringLiteral("pointer")).toString(),
                 QStringLiteral("/name"));
        // Codes seen on the real API are Cloudflare's, not invented: kept.
        client.setToken("no-such-token");
        QCOMPARE(client.get(QStringLiteral("/organizations")).errorCode(), 1000);
    }

    // With an exclusive `to` the day named by `to` is left out.
    void usageToExclusive()
    {
        testsupport::SimulatorProcess inclusive(quiet({}));
        testsupport::SimulatorProcess exclusive(
            quiet({QStringLiteral("--usage-to"), QStringLiteral("exclusive")}));
        QVERIFY2(inclusive.start(), qPrintable(inclusive.errorString()));
        QVERIFY2(exclusive.start(), qPrintable(exclusive.errorString()));
        SimClient in(inclusive.baseUrl());
        SimClient ex(exclusive.baseUrl());
        const QString root = rootId(in);
        QCOMPARE(rootId(ex), root);
        const auto days = [&root](SimClient &c, const QString &from, const QString &to) {
            const Reply r =
                c.get(QStringLiteral("/organizations/%1/billable/usage?from=%2&to=%3").arg(root, from, to));
            QSet<QString> out;
            for (const QJsonValue &v : r.json().value(QStringLiteral("result")).toArray())
                out.insert(v.toObject().value(QStringLiteral("ChargePeriodStart")).toString().left(10));
            return out;
        };
        QCOMPARE(days(in, QStringLiteral("2026-11-01"), QStringLiteral("2026-11-03")).size(), 3);
        const QSet<QString> exDays = days(ex, QStringLiteral("2026-11-01"), QStringLiteral("2026-11-03"));
        QCOMPARE(exDays.size(), 2);
        QVERIFY(!exDays.contains(QStringLiteral("2026-11-03")));
        QVERIFY(days(ex, QStringLiteral("2026-11-01"), QStringLiteral("2026-11-01")).isEmpty());

        testsupport::SimulatorProcess bad(quiet({QStringLiteral("--usage-to"), QStringLiteral("sometimes")}));
        QVERIFY(!bad.start(20000));
    }
};

QTEST_GUILESS_MAIN(TestSimSafety)
#include "tst_simsafety.moc"
