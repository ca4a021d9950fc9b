// `orgscope watch` end to end against a live orgscope-sim (--live-events):
// stopped with SIGTERM and started again on the same state file, it prints
// every matching entry that arrived after its first start exactly once
// (entries that arrived while it was stopped included), also when the
// simulator injects faults.
#include "testsupport/commandrun.h"
#include "testsupport/simulatorhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using testsupport::SimulatorProcess;

namespace {
const QStringList LiveArgs{QStringLiteral("--audit-events"), QStringLiteral("800"),
                           QStringLiteral("--live-events"), QStringLiteral("240/min")};

class Watch
{
public:
    explicit Watch(const QString &baseUrl, const QStringList &args)
    {
        m_process.setProcessEnvironment(testsupport::commandEnvironment(baseUrl));
        m_process.start(QStringLiteral(ORGSCOPE_WATCH_DRIVER), args);
    }
    ~Watch()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    // Entry ids printed so far, in order.
    QStringList ids()
    {
        m_out += m_process.readAllStandardOutput();
        m_err += m_process.readAllStandardError();
        QStringList out;
        for (const QByteArray &line : m_out.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            out << (o.isEmpty() ? QStringLiteral("<not json: %1>").arg(QString::fromUtf8(line))
                                : o.value(QStringLiteral("id")).toString());
        }
        return out;
    }
    QByteArray err()
    {
        m_err += m_process.readAllStandardError();
        return m_err;
    }
    // SIGTERM; the exit code (-1: crashed or hung).
    int terminate()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(30000))
            return -1;
        ids();
        testsupport::passOnSanitizerReport("orgscope watch", m_err);
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
};
} // namespace

class TestWatch : public QObject
{
    Q_OBJECT

    SimulatorProcess m_clean{LiveArgs};
    SimulatorProcess m_faulty{LiveArgs + QStringList{QStringLiteral("--faults"),
                                                     QStringLiteral("500:0.05,503:0.03,429:0.03,reset:0.03,"
                                                                    "truncate:0.03,nonjson:0.02"),
                                                     QStringLiteral("--fault-seed"), QStringLiteral("5")}};
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;

    QByteArray send(const QString &baseUrl, const QByteArray &verb, const QString &path,
                    const QUrlQuery &query = {})
    {
        return testsupport::simulatorCall(m_nam, baseUrl, verb, path, query);
    }
    QString rootOrg(const QString &baseUrl)
    {
        const QJsonArray orgs =
            QJsonDocument::fromJson(send(baseUrl, "GET", QStringLiteral("/organizations")))
                .object()
                .value(QStringLiteral("result"))
                .toArray();
        return orgs.isEmpty() ? QString() : orgs.first().toObject().value(QStringLiteral("id")).toString();
    }
    void pause(const QString &baseUrl, bool paused, int count = 0)
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("pause"), paused ? QStringLiteral("true") : QStringLiteral("false"));
        q.addQueryItem(QStringLiteral("count"), QString::number(count));
        QVERIFY(!send(baseUrl, "POST", QStringLiteral("/__sim/live-events"), q).isEmpty());
    }
    // Ids of the organization's entries of the last hour that the filter keeps.
    QStringList matching(const QString &baseUrl, const QString &org,
                         const QList<QPair<QString, QString>> &filter)
    {
        return testsupport::serverAuditIds(m_nam, baseUrl, org, filter);
    }

    // Start, let entries arrive, SIGTERM, let more arrive, start again on the
    // same state: the two runs together print each new match exactly once.
    void stopAndRestart(SimulatorProcess &sim, const QStringList &filterArgs,
                        const QList<QPair<QString, QString>> &wireFilter, const QString &stateName)
    {
        const QString org = rootOrg(sim.baseUrl());
        QVERIFY(!org.isEmpty());
        const QString state = m_dir.filePath(stateName);
        const QStringList args =
            QStringList{QStringLiteral("--org"),   org,  QStringLiteral("--interval"), QStringLiteral("0.3"),
                        QStringLiteral("--state"), state} +
            filterArgs;
        // Nothing arrives until the first run has taken its position.
        pause(sim.baseUrl(), true);
        const QStringList before = matching(sim.baseUrl(), org, wireFilter);

        QStringList printed;
        {
            Watch first(sim.baseUrl(), args);
            QTRY_VERIFY_WITH_TIMEOUT(first.err().contains("watching organization"), 60000);
            QVERIFY(first.ids().isEmpty()); // what was there before the start is not new
            pause(sim.baseUrl(), false);
            QTRY_VERIFY_WITH_TIMEOUT(first.ids().size() >= 6, 90000);
            QCOMPARE(first.terminate(), 0);
            printed = first.ids();
            QVERIFY2(QFile::exists(state), first.err().constData());
        }
        // While it is stopped: the stream goes on, and a burst lands in one second.
        pause(sim.baseUrl(), true, 12);
        pause(sim.baseUrl(), false);
        QTest::qWait(1500);
        {
            Watch second(sim.baseUrl(), args);
            QTRY_VERIFY_WITH_TIMEOUT(second.ids().size() >= 6, 90000);
            pause(sim.baseUrl(), true);
            QStringList expected = matching(sim.baseUrl(), org, wireFilter);
            for (const QString &id : before)
                expected.removeAll(id);
            QVERIFY(expected.size() >= 12);
            // The second run catches up with everything logged until the pause.
            QTRY_VERIFY_WITH_TIMEOUT(printed.size() + second.ids().size() >= expected.size(), 90000);
            QTest::qWait(1000); // a few more polls: nothing else may come
            QCOMPARE(second.terminate(), 0);
            printed += second.ids();
            pause(sim.baseUrl(), false);

            QStringList sortedPrinted = printed;
            sortedPrinted.sort();
            QStringList sortedExpected = expected;
            sortedExpected.sort();
            QCOMPARE(sortedPrinted.size(), QSet<QString>(printed.begin(), printed.end()).size()); // no double
            QCOMPARE(sortedPrinted, sortedExpected);                                              // no gap
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_clean.start(), qPrintable(m_clean.errorString()));
        QVERIFY2(m_faulty.start(), qPrintable(m_faulty.errorString()));
    }

    void restartPrintsEveryMatchOnce()
    {
        stopAndRestart(m_clean, {QStringLiteral("--exclude-action-type"), QStringLiteral("view")},
                       {{QStringLiteral("action_type.not"), QStringLiteral("view")}},
                       QStringLiteral("clean.state"));
    }

    void restartUnderFaults()
    {
        stopAndRestart(m_faulty,
                       {QStringLiteral("--action-type"), QStringLiteral("create,delete"),
                        QStringLiteral("--retries"), QStringLiteral("20")},
                       {{QStringLiteral("action_type"), QStringLiteral("create")},
                        {QStringLiteral("action_type"), QStringLiteral("delete")}},
                       QStringLiteral("faulty.state"));
    }

    // --view FILE: the saved audit view's filters drive the watch exactly as
    // the same filters given by hand (its time range does not apply).
    void viewFileDrivesTheFilters()
    {
        const QString views = m_dir.filePath(QStringLiteral("views.json"));
        QFile f(views);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format":"orgscope-views","version":1,"views":[
            {"id":"w1","name":"Creates and deletes","kind":"audit",
             "scope":{"all_organizations":true},
             "audit":{"range":{"preset":"last_7_days"},
                      "filters":[{"key":"action_type","values":["create","delete"],"exclude":false}]}}]})");
        f.close();
        stopAndRestart(m_clean, {QStringLiteral("--view"), views},
                       {{QStringLiteral("action_type"), QStringLiteral("create")},
                        {QStringLiteral("action_type"), QStringLiteral("delete")}},
                       QStringLiteral("view.state"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no org") << QStringList{};
        QTest::newRow("bad org") << QStringList{QStringLiteral("--org"), QStringLiteral("../x")};
        QTest::newRow("bad interval") << QStringList{QStringLiteral("--org"), QStringLiteral("abc"),
                                                     QStringLiteral("--interval"), QStringLiteral("0")};
        QTest::newRow("bad format") << QStringList{QStringLiteral("--org"), QStringLiteral("abc"),
                                                   QStringLiteral("--format"), QStringLiteral("csv")};
        QTest::newRow("missing view")
            << QStringList{QStringLiteral("--org"), QStringLiteral("abc"), QStringLiteral("--view"),
                           QStringLiteral("/nonexistent/v.json")};
        QTest::newRow("bad id filter") << QStringList{QStringLiteral("--org"), QStringLiteral("abc"),
                                                      QStringLiteral("--actor-id"), QStringLiteral("a b")};
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        Watch w(m_clean.baseUrl(), args);
        QVERIFY(w.process().waitForFinished(30000));
        QCOMPARE(w.process().exitCode(), 2);
        QVERIFY(w.ids().isEmpty());
        QVERIFY(w.err().startsWith("orgscope watch: "));
    }

    // A state file of another organization is refused, not silently reused.
    void stateOfAnotherOrganization()
    {
        const QString state = m_dir.filePath(QStringLiteral("other.state"));
        QFile f(state);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"orgscope_watch_state":1,"org":"someotherorg","position":{"newest_ms":1,"seen":{}}})");
        f.close();
        Watch w(m_clean.baseUrl(),
                {QStringLiteral("--org"), rootOrg(m_clean.baseUrl()), QStringLiteral("--state"), state});
        QVERIFY(w.process().waitForFinished(30000));
        QCOMPARE(w.process().exitCode(), 2);
        QVERIFY(w.err().contains("someotherorg"));
    }
};

QTEST_GUILESS_MAIN(TestWatch)
#include "tst_watch.moc"
