// `orgscope export` on a bad network and under the documented rate limit
// (issue 20 items 2 and 9), against orgscope-sim over real HTTP.
#include "testsupport/commandrun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using testsupport::SimulatorProcess;

namespace {
using Run = testsupport::CommandRun;

const QStringList DataArgs{QStringLiteral("--audit-events"), QStringLiteral("2500"), QStringLiteral("--now"),
                           QStringLiteral("2026-11-23T12:00:00Z")};
// About a third of all requests fail (the flaky connection).
const QStringList FlakyArgs{QStringLiteral("--faults"),
                            QStringLiteral("500:0.15,502:0.05,503:0.05,reset:0.05,truncate:0.05")};
// The documented behaviour in small: 30 requests per 5 s, then 5 s of 429s.
const QStringList LimitArgs{QStringLiteral("--rate-limit"), QStringLiteral("30/5"),
                            QStringLiteral("--rate-limit-block"), QStringLiteral("5")};
} // namespace

class TestExportNetwork : public QObject
{
    Q_OBJECT

    SimulatorProcess m_clean{DataArgs};
    QString m_rootOrg;
    qint64 m_entries = 0;
    QTemporaryDir m_dir;

    Run run(const QString &baseUrl, const QStringList &args)
    {
        return testsupport::runCommand(QStringLiteral(ORGSCOPE_EXPORT_DRIVER), args, baseUrl, 200000,
                                       "orgscope export");
    }

    // The root organization's whole audit log in `pages` pages.
    QStringList auditArgs(int pages, const QString &format = QStringLiteral("json")) const
    {
        const qint64 pageSize = (m_entries + pages - 1) / pages;
        return {QStringLiteral("audit"),       QStringLiteral("--org"),      m_rootOrg,
                QStringLiteral("--since"),     QStringLiteral("2024-01-01"), QStringLiteral("--before"),
                QStringLiteral("2026-11-24"),  QStringLiteral("--format"),   format,
                QStringLiteral("--page-size"), QString::number(pageSize)};
    }

    static qsizetype entries(const QByteArray &json) { return QJsonDocument::fromJson(json).array().size(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_clean.start(), qPrintable(m_clean.errorString()));
        const Run orgs = run(m_clean.baseUrl(), {QStringLiteral("organizations"), QStringLiteral("--format"),
                                                 QStringLiteral("json")});
        QCOMPARE(orgs.exitCode, 0);
        m_rootOrg = testsupport::rootOrganization(orgs.out).value(QStringLiteral("id")).toString();
        QVERIFY(!m_rootOrg.isEmpty());
        m_entries = 1000; // one page of 1000 per request while counting
        const Run all = run(m_clean.baseUrl(), auditArgs(1));
        QCOMPARE(all.exitCode, 0);
        m_entries = entries(all.out);
        QVERIFY2(m_entries >= 200, qPrintable(QString::number(m_entries)));
    }

    // Item 9: 60 pages through a connection where a third of the requests fail.
    void auditExportSurvivesAFlakyNetwork()
    {
        SimulatorProcess flaky(DataArgs + FlakyArgs +
                               QStringList{QStringLiteral("--fault-seed"), QStringLiteral("5")});
        QVERIFY2(flaky.start(), qPrintable(flaky.errorString()));
        const Run clean = run(m_clean.baseUrl(), auditArgs(60));
        QCOMPARE(clean.exitCode, 0);
        const Run r = run(flaky.baseUrl(), auditArgs(60));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(entries(r.out), m_entries);
        QVERIFY(r.out == clean.out);
    }

    // Item 9: an interrupted --output export continues where it stopped.
    void interruptedExportResumes()
    {
        SimulatorProcess flaky(DataArgs + FlakyArgs +
                               QStringList{QStringLiteral("--fault-seed"), QStringLiteral("11")});
        QVERIFY2(flaky.start(), qPrintable(flaky.errorString()));
        const QString path = m_dir.filePath(QStringLiteral("audit.csv"));
        const QStringList args =
            auditArgs(60, QStringLiteral("csv")) + QStringList{QStringLiteral("--output"), path};
        // Without retries the flaky server stops the run; try until it stopped after some pages.
        Run first;
        for (int i = 0; i < 10 && !QFile::exists(path + QStringLiteral(".resume")); ++i) {
            first =
                run(flaky.baseUrl(), args + QStringList{QStringLiteral("--retries"), QStringLiteral("0")});
            QCOMPARE(first.exitCode, 1);
        }
        QVERIFY2(QFile::exists(path + QStringLiteral(".resume")), first.err.constData());
        QVERIFY(QFile::exists(path + QStringLiteral(".partial")));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(first.err.count('\n'), 1);
        QVERIFY2(first.err.contains("--resume"), first.err.constData());

        // Other options: refused, nothing touched.
        const Run other =
            run(flaky.baseUrl(), args + QStringList{QStringLiteral("--resume"), QStringLiteral("--direction"),
                                                    QStringLiteral("asc")});
        QCOMPARE(other.exitCode, 2);
        QVERIFY(QFile::exists(path + QStringLiteral(".resume")));

        const Run resumed = run(flaky.baseUrl(), args + QStringList{QStringLiteral("--resume")});
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        QVERIFY2(resumed.err.contains("resuming after"), resumed.err.constData());
        QVERIFY(!QFile::exists(path + QStringLiteral(".resume")));
        QVERIFY(!QFile::exists(path + QStringLiteral(".partial")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Run clean = run(m_clean.baseUrl(), auditArgs(60, QStringLiteral("csv")));
        QCOMPARE(clean.exitCode, 0);
        const QByteArray got = file.readAll();
        QCOMPARE(got.count('\n'), clean.out.count('\n'));
        QVERIFY(got == clean.out);

        // Nothing left to resume.
        const Run again = run(flaky.baseUrl(), args + QStringList{QStringLiteral("--resume")});
        QCOMPARE(again.exitCode, 2);
    }

    // Item 2: a server that announces no limit blocks the client; the export
    // waits each block out, says so on stderr and loses nothing.
    void auditExportWaitsOutTheRateLimitBlock()
    {
        SimulatorProcess limited(DataArgs + LimitArgs +
                                 QStringList{QStringLiteral("--no-ratelimit-headers")});
        QVERIFY2(limited.start(), qPrintable(limited.errorString()));
        const Run clean = run(m_clean.baseUrl(), auditArgs(100));
        QCOMPARE(clean.exitCode, 0);
        const Run r = run(limited.baseUrl(), auditArgs(100));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(entries(r.out), m_entries);
        QVERIFY(r.out == clean.out);
        QVERIFY2(r.err.contains("rate limit reached"), r.err.constData());
        QVERIFY2(r.err.contains("5 s"), r.err.constData());
    }

    // Item 2: with the limit announced (Ratelimit-Policy) the pacing keeps the
    // export below it: never blocked.
    void pacingAvoidsTheBlock()
    {
        SimulatorProcess limited(DataArgs + LimitArgs);
        QVERIFY2(limited.start(), qPrintable(limited.errorString()));
        const Run r = run(limited.baseUrl(), auditArgs(100));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(entries(r.out), m_entries);
        QVERIFY2(!r.err.contains("rate limit"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestExportNetwork)
#include "tst_exportnetwork.moc"
