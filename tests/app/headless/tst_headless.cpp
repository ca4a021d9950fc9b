// orgscope run with no display at all (no DISPLAY, WAYLAND_DISPLAY or
// QT_QPA_PLATFORM): the command line must work and the GUI must refuse in one
// line, never abort in the platform plugin.
#include "testsupport/simulatorprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

namespace {
struct Run
{
    bool crashed = true;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runWithoutDisplay(const QStringList &args, const QProcessEnvironment &extra = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    for (const QString &key : extra.keys())
        env.insert(key, extra.value(key));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("ORGSCOPE_APP"), args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}
} // namespace

class TestHeadless : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(!qEnvironmentVariableIsEmpty("ORGSCOPE_APP")); }

    void version()
    {
        const Run r = runWithoutDisplay({QStringLiteral("--version")});
        QVERIFY2(!r.crashed, r.err.constData());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("orgscope " ORGSCOPE_VERSION));
    }

    void help()
    {
        const Run r = runWithoutDisplay({QStringLiteral("--help")});
        QVERIFY2(!r.crashed, r.err.constData());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("Usage: "));
        for (const char *option :
             {"--demo", "--base-url", "--palette", "--exit-when-loaded", "orgscope export"})
            QVERIFY2(r.out.contains(option), option);
    }

    void unknownOptionIsAnErrorNotAnAbort()
    {
        const Run r = runWithoutDisplay({QStringLiteral("--no-such-option")});
        QVERIFY2(!r.crashed, r.err.constData());
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no-such-option"));
    }

    void guiSaysThereIsNoDisplay()
    {
        for (const QStringList &args : {QStringList{}, QStringList{QStringLiteral("--demo")}}) {
            const Run r = runWithoutDisplay(args);
            QVERIFY2(!r.crashed, r.err.constData());
            QCOMPARE(r.exitCode, 1);
            QVERIFY(r.out.isEmpty());
            QCOMPARE(r.err.count('\n'), 1);
            QVERIFY2(r.err.contains("no display"), r.err.constData());
        }
    }

    void staleDisplayIsOneLineToo()
    {
        // A display that is named but does not exist fails inside Qt's platform
        // plugin; that ends in one line and exit 1 as well, not in abort().
        QProcessEnvironment extra;
        extra.insert(QStringLiteral("DISPLAY"), QStringLiteral(":9876"));
        extra.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        const Run r = runWithoutDisplay({}, extra);
        QVERIFY2(!r.crashed, r.err.constData());
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("cannot open the display"), r.err.constData());
    }

    void exportRunsWithoutDisplay()
    {
        testsupport::SimulatorProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QProcessEnvironment extra;
        extra.insert(QStringLiteral("CLOUDFLARE_API_TOKEN"), testsupport::SimulatorProcess::demoToken());
        extra.insert(QStringLiteral("CLOUDFLARE_BASE_URL"), sim.baseUrl());
        const Run r = runWithoutDisplay({QStringLiteral("export"), QStringLiteral("organizations"),
                                         QStringLiteral("--format"), QStringLiteral("json")},
                                        extra);
        QVERIFY2(!r.crashed, r.err.constData());
        QCOMPARE(r.exitCode, 0);
        const QJsonDocument doc = QJsonDocument::fromJson(r.out);
        QVERIFY(doc.isArray());
        QVERIFY(!doc.array().isEmpty());

        const Run help = runWithoutDisplay({QStringLiteral("export"), QStringLiteral("--help")});
        QVERIFY2(!help.crashed, help.err.constData());
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("organizations"));
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
