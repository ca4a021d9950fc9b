// `orgscope export` refuses bad arguments before it sends anything (exit 2,
// one line on stderr), and no request path ever holds an id of "." or "..".
// The server address is a closed port: an argument that passes validation
// ends in a network failure (exit 1), which tells the two apart without a
// simulator.
#include "api/client.h"
#include "api/membersapi.h"
#include "api/organizationsapi.h"

#include "testsupport/commandrun.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace {

const QString kNowhere = QStringLiteral("http://127.0.0.1:1/client/v4");
const QString kOrg = QStringLiteral("0123456789abcdef0123456789abcdef");

using Run = testsupport::CommandRun;

Run run(const QStringList &args)
{
    // No server listens: a run that gets as far as a request fails at once
    // instead of spending the page retry budget on a closed port.
    return testsupport::runCommand(
        QStringLiteral(ORGSCOPE_EXPORT_DRIVER),
        args + QStringList{QStringLiteral("--quiet"), QStringLiteral("--retries"), QStringLiteral("0")},
        kNowhere, 60000, "orgscope export", QStringLiteral("export-args-token"));
}

} // namespace

class TestExportArgs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void timeout_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("inf") << QStringLiteral("inf") << 2;
        QTest::newRow("-inf") << QStringLiteral("-inf") << 2;
        QTest::newRow("nan") << QStringLiteral("nan") << 2;
        QTest::newRow("huge") << QStringLiteral("1e300") << 2;
        QTest::newRow("over an hour") << QStringLiteral("3601") << 2;
        QTest::newRow("zero") << QStringLiteral("0") << 2;
        QTest::newRow("below a millisecond") << QStringLiteral("0.0001") << 2;
        QTest::newRow("negative") << QStringLiteral("-5") << 2;
        QTest::newRow("words") << QStringLiteral("ten") << 2;
        QTest::newRow("half a second") << QStringLiteral("0.5") << 1;
        QTest::newRow("an hour") << QStringLiteral("3600") << 1;
    }
    void timeout()
    {
        QFETCH(QString, value);
        QFETCH(int, exitCode);
        const Run r = run({QStringLiteral("organizations"), QStringLiteral("--timeout"), value});
        QVERIFY2(r.exitCode == exitCode, r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        if (exitCode == 2)
            QVERIFY2(r.err.contains("--timeout"), r.err.constData());
    }

    void pageSize_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("zero") << QStringLiteral("0") << 2;
        QTest::newRow("over 1000") << QStringLiteral("1001") << 2;
        QTest::newRow("negative") << QStringLiteral("-1") << 2;
        QTest::newRow("overflow") << QStringLiteral("99999999999999999999") << 2;
        QTest::newRow("exponent") << QStringLiteral("1e3") << 2;
        QTest::newRow("words") << QStringLiteral("many") << 2;
        QTest::newRow("one") << QStringLiteral("1") << 1;
        QTest::newRow("1000") << QStringLiteral("1000") << 1;
    }
    void pageSize()
    {
        QFETCH(QString, value);
        QFETCH(int, exitCode);
        const Run r = run(
            {QStringLiteral("members"), QStringLiteral("--org"), kOrg, QStringLiteral("--page-size"), value});
        QVERIFY2(r.exitCode == exitCode, r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        if (exitCode == 2)
            QVERIFY2(r.err.contains("--page-size"), r.err.constData());
    }

    void timeZone_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("unknown") << QStringLiteral("Mars/Olympus_Mons") << 2;
        QTest::newRow("empty") << QString() << 2;
        QTest::newRow("offset words") << QStringLiteral("Berlin") << 2;
        QTest::newRow("iana") << QStringLiteral("Europe/Berlin") << 1;
        QTest::newRow("local") << QStringLiteral("local") << 1;
        QTest::newRow("Local") << QStringLiteral("Local") << 1;
        QTest::newRow("utc") << QStringLiteral("utc") << 1;
    }
    void timeZone()
    {
        QFETCH(QString, value);
        QFETCH(int, exitCode);
        const Run r = run(
            {QStringLiteral("members"), QStringLiteral("--org"), kOrg, QStringLiteral("--time-zone"), value});
        QVERIFY2(r.exitCode == exitCode, r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        if (exitCode == 2)
            QVERIFY2(r.err.contains("--time-zone"), r.err.constData());
    }

    void ids_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("option");
        for (const QString &kind :
             {QStringLiteral("members"), QStringLiteral("accounts"), QStringLiteral("usage")}) {
            for (const QString &bad :
                 {QStringLiteral("."), QStringLiteral(".."), QStringLiteral("../x"), QStringLiteral("a/b"),
                  QStringLiteral("x?page_size=1"), QStringLiteral("x#y"), QStringLiteral("%2e%2e"),
                  QStringLiteral("a b")})
                QTest::addRow("%s --org %s", qPrintable(kind), qPrintable(bad))
                    << QStringList{kind, QStringLiteral("--org"), bad} << 2 << QByteArray("--org");
            QTest::addRow("%s --org hex", qPrintable(kind))
                << QStringList{kind, QStringLiteral("--org"), kOrg} << 1 << QByteArray();
        }
        QTest::newRow("organizations --org ..")
            << QStringList{QStringLiteral("organizations"), QStringLiteral("--org"), QStringLiteral("..")}
            << 2 << QByteArray("--org");
        QTest::newRow("audit --org ..")
            << QStringList{QStringLiteral("audit"), QStringLiteral("--org"), QStringLiteral(".."),
                           QStringLiteral("--since"), QStringLiteral("2026-01-01")}
            << 2 << QByteArray("--org");
        QTest::newRow("--parent ..") << QStringList{QStringLiteral("organizations"),
                                                    QStringLiteral("--parent"), QStringLiteral("..")}
                                     << 2 << QByteArray("--parent");
        QTest::newRow("--parent null") << QStringList{QStringLiteral("organizations"),
                                                      QStringLiteral("--parent"), QStringLiteral("null")}
                                       << 1 << QByteArray();
        QTest::newRow("--parent hex")
            << QStringList{QStringLiteral("organizations"), QStringLiteral("--parent"), kOrg} << 1
            << QByteArray();
        for (const QString &option : {QStringLiteral("--id"), QStringLiteral("--actor-id"),
                                      QStringLiteral("--exclude-actor-token-id")}) {
            QTest::addRow("audit %s .", qPrintable(option))
                << QStringList{QStringLiteral("audit"),   QStringLiteral("--org"),      kOrg,
                               QStringLiteral("--since"), QStringLiteral("2026-01-01"), option,
                               QStringLiteral(".")}
                << 2 << option.toUtf8();
            QTest::addRow("audit %s hex", qPrintable(option)) << QStringList{QStringLiteral("audit"),
                                                                             QStringLiteral("--org"),
                                                                             kOrg,
                                                                             QStringLiteral("--since"),
                                                                             QStringLiteral("2026-01-01"),
                                                                             option,
                                                                             kOrg}
                                                              << 1 << QByteArray();
        }
    }
    void ids()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, option);
        const Run r = run(args);
        QVERIFY2(r.exitCode == exitCode, r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        if (!option.isEmpty())
            QVERIFY2(r.err.contains(option), r.err.constData());
    }

    // Below the command line: whoever builds a request from an id, "." and
    // ".." never become a path segment (the request is refused, not sent).
    void dotSegmentsNeverReachThePath()
    {
        api::Client client;
        client.setBaseUrl(QUrl(kNowhere));
        client.setCredentials({QStringLiteral("export-args-token"), {}, {}});
        client.setMaxRetries(0);
        const QList<api::Job *> jobs{
            api::MembersApi(&client).list(QStringLiteral(".."), {}, 10, {}, this),
            api::MembersApi(&client).get(kOrg, QStringLiteral(".."), this),
            api::MembersApi(&client).remove(kOrg, QStringLiteral("."), this),
            api::OrganizationsApi(&client).get(QStringLiteral("."), this),
            api::OrganizationsApi(&client).remove(QStringLiteral(".."), this),
        };
        for (api::Job *job : jobs) {
            job->setAutoDelete(false);
            QSignalSpy done(job, &api::Job::finished);
            job->start();
            QVERIFY(done.wait(20000));
            QCOMPARE(job->error().kind(), api::ApiError::Kind::InvalidRequest);
            delete job;
        }
        // The control: an ordinary id goes out (and finds no server).
        auto *job = api::OrganizationsApi(&client).get(kOrg, this);
        job->setAutoDelete(false);
        QSignalSpy done(job, &api::Job::finished);
        job->start();
        QVERIFY(done.wait(20000));
        QCOMPARE(job->error().kind(), api::ApiError::Kind::Network);
        delete job;
    }
};

QTEST_GUILESS_MAIN(TestExportArgs)
#include "tst_exportargs.moc"
