// No leaks: runs the real console ($ORGSCOPE_APP) with distinctive secrets —
// a valid token, an unknown token, an email + global key — and the headless
// export, with debug logging on, then greps everything it wrote (stdout,
// stderr, settings, data, cache, exported files) for those secrets. The
// `--demo` simulator child's environment is searched too.

#include "testsupport/childreport.h"
#include "testsupport/prerequisite.h"
#include "testsupport/simulatorprocess.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kToken = QStringLiteral("leakcheck-token-5e0c1d9a77b2");
const QString kUnknown = QStringLiteral("leakcheck-unknown-token-83fa60");
const QString kEmail = QStringLiteral("leak@orgscope.test");
const QString kKey = QStringLiteral("leakcheck-global-key-2c71e4");

// The environment of the orgscope-sim child of `parent` once it has exec'd,
// from /proc; empty when none showed up within the wait.
QByteArray simulatorChildEnvironment(qint64 parent, int waitMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < waitMs) {
        const QStringList entries =
            QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &entry : entries) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray text = stat.readAll();
            const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
            if (fields.size() < 2 || fields.at(1).toLongLong() != parent)
                continue;
            const QString exe = QFileInfo(QStringLiteral("/proc/%1/exe").arg(entry)).symLinkTarget();
            QFile environ(QStringLiteral("/proc/%1/environ").arg(entry));
            if (exe.endsWith(QLatin1String("orgscope-sim")) && environ.open(QIODevice::ReadOnly))
                return environ.readAll();
        }
        QTest::qWait(50);
    }
    return {};
}

struct Run
{
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestLeak : public QObject
{
    Q_OBJECT

    std::unique_ptr<testsupport::SimulatorProcess> m_sim;
    QTemporaryDir m_home;

    QProcessEnvironment environment(const QString &tag) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString root = m_home.filePath(tag);
        env.insert(QStringLiteral("HOME"), root);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), root + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), root + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), root + QStringLiteral("/cache"));
        env.insert(QStringLiteral("TMPDIR"), root + QStringLiteral("/tmp"));
        QDir().mkpath(root + QStringLiteral("/tmp"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Everything the console can say, including debug output and request logs.
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true;qt.*.debug=false"));
        env.insert(QStringLiteral("ORGSCOPE_QUIT_AFTER_CONNECT"), QStringLiteral("3000"));
        env.insert(QStringLiteral("CLOUDFLARE_BASE_URL"), m_sim->baseUrl());
        env.remove(QStringLiteral("CLOUDFLARE_API_TOKEN"));
        env.remove(QStringLiteral("CLOUDFLARE_EMAIL"));
        env.remove(QStringLiteral("CLOUDFLARE_API_KEY"));
        return env;
    }

    Run run(const QProcessEnvironment &env, const QStringList &args)
    {
        Run r;
        QProcess p;
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(env.value(QStringLiteral("HOME")));
        p.start(qEnvironmentVariable("ORGSCOPE_APP"), args);
        if (!p.waitForStarted(10000))
            return r;
        r.finished = p.waitForFinished(90000);
        if (!r.finished) {
            p.kill();
            p.waitForFinished(5000);
        }
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        testsupport::passOnSanitizerReport("orgscope", r.err);
        return r;
    }

    // Every file under the run's home, plus its output streams.
    QStringList leaks(const QString &tag, const Run &r, const QStringList &secrets) const
    {
        QStringList hits;
        for (const QString &s : secrets) {
            const QByteArray needle = s.toUtf8();
            if (r.out.contains(needle))
                hits << QStringLiteral("stdout");
            if (r.err.contains(needle))
                hits << QStringLiteral("stderr");
            QDirIterator it(m_home.filePath(tag), QDir::Files | QDir::Hidden | QDir::System,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                    hits << f.fileName();
            }
        }
        return hits;
    }

    int filesWritten(const QString &tag) const
    {
        int n = 0;
        QDirIterator it(m_home.filePath(tag), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++n;
        }
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("ORGSCOPE_APP") ||
            !QFileInfo(qEnvironmentVariable("ORGSCOPE_APP")).isExecutable())
            ORGSCOPE_MISSING_PREREQUISITE(
                "ORGSCOPE_APP is not built (build the orgscope target, run through ctest)");
        QVERIFY(m_home.isValid());
        m_sim = std::make_unique<testsupport::SimulatorProcess>(
            QStringList{QStringLiteral("--audit-events"), QStringLiteral("200"), QStringLiteral("--token"),
                        kToken, QStringLiteral("--email"), kEmail, QStringLiteral("--key"), kKey});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    }

    void validTokenSession()
    {
        QProcessEnvironment env = environment(QStringLiteral("valid"));
        env.insert(QStringLiteral("CLOUDFLARE_API_TOKEN"), kToken);
        const Run r = run(env, {});
        QVERIFY2(r.finished, "the console did not quit after connecting");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(filesWritten(QStringLiteral("valid")) > 0); // it did write settings: they were searched
        const QStringList hits = leaks(QStringLiteral("valid"), r, {kToken});
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
        // The search does see what the console says: its request log names the simulator's address.
        const QString address = QUrl(m_sim->baseUrl()).authority();
        QVERIFY2(!leaks(QStringLiteral("valid"), r, {address}).isEmpty(), r.err.left(2000).constData());
    }

    void refusedTokenSession()
    {
        QProcessEnvironment env = environment(QStringLiteral("refused"));
        env.insert(QStringLiteral("CLOUDFLARE_API_TOKEN"), kUnknown);
        const Run r = run(env, {});
        QVERIFY2(r.finished, "the console did not quit after the failed connection");
        QCOMPARE(r.exitCode, 0);
        const QStringList hits = leaks(QStringLiteral("refused"), r, {kUnknown});
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
    }

    void globalKeySession()
    {
        QProcessEnvironment env = environment(QStringLiteral("globalkey"));
        env.insert(QStringLiteral("CLOUDFLARE_EMAIL"), kEmail);
        env.insert(QStringLiteral("CLOUDFLARE_API_KEY"), kKey);
        const Run r = run(env, {});
        QVERIFY2(r.finished, "the console did not quit after connecting");
        QCOMPARE(r.exitCode, 0);
        const QStringList hits = leaks(QStringLiteral("globalkey"), r, {kKey});
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
    }

    // `orgscope --demo` with the user's credentials in the environment: the
    // simulator child sees none of them (nor any CLOUDFLARE_* name).
    void demoChildEnvironment()
    {
        const QString tag = QStringLiteral("demo");
        QProcessEnvironment env = environment(tag);
        env.insert(QStringLiteral("CLOUDFLARE_API_TOKEN"), kToken);
        env.insert(QStringLiteral("CLOUDFLARE_EMAIL"), kEmail);
        env.insert(QStringLiteral("CLOUDFLARE_API_KEY"), kKey);
        QProcess p;
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(env.value(QStringLiteral("HOME")));
        p.start(qEnvironmentVariable("ORGSCOPE_APP"), {QStringLiteral("--demo")});
        QVERIFY(p.waitForStarted(10000));
        const QByteArray childEnv = simulatorChildEnvironment(p.processId(), 60000);
        QVERIFY(p.waitForFinished(90000)); // ORGSCOPE_QUIT_AFTER_CONNECT
        Run r;
        r.finished = true;
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        testsupport::passOnSanitizerReport("orgscope", r.err);
        QVERIFY2(childEnv.contains("PATH="), "the demo simulator child was not found");
        for (const QString &s : {kToken, kKey, kEmail})
            QVERIFY2(!childEnv.contains(s.toUtf8()), qPrintable(s));
        QVERIFY(!childEnv.startsWith("CLOUDFLARE_") && !childEnv.contains(QByteArray("\0CLOUDFLARE_", 12)));
        QCOMPARE(r.exitCode, 0);
        const QStringList hits = leaks(tag, r, {kToken, kKey});
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
    }

    void exportCommand()
    {
        const QString tag = QStringLiteral("export");
        QProcessEnvironment env = environment(tag);
        env.insert(QStringLiteral("CLOUDFLARE_API_TOKEN"), kToken);
        const QString orgs = m_home.filePath(tag) + QStringLiteral("/organizations.json");
        Run r =
            run(env, {QStringLiteral("export"), QStringLiteral("organizations"), QStringLiteral("--format"),
                      QStringLiteral("json"), QStringLiteral("--verbose"), QStringLiteral("--output"), orgs});
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QStringList hits = leaks(tag, r, {kToken});
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));

        // The audit export of the first organization, verbose, to a file and to stdout.
        QFile file(orgs);
        QVERIFY(file.open(QIODevice::ReadOnly));
        static const QRegularExpression idRe(QStringLiteral("\"id\"\\s*:\\s*\"([0-9a-f]+)\""));
        const auto match = idRe.match(QString::fromUtf8(file.readAll()));
        QVERIFY(match.hasMatch());
        const QString audit = m_home.filePath(tag) + QStringLiteral("/audit.csv");
        r = run(env, {QStringLiteral("export"), QStringLiteral("audit"), QStringLiteral("--org"),
                      match.captured(1), QStringLiteral("--since"), QStringLiteral("2020-01-01"),
                      QStringLiteral("--verbose"), QStringLiteral("--output"), audit});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QFileInfo(audit).size() > 0);
        hits = leaks(tag, r, {kToken});
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
        r = run(env, {QStringLiteral("export"), QStringLiteral("members"), QStringLiteral("--org"),
                      match.captured(1), QStringLiteral("--format"), QStringLiteral("json"),
                      QStringLiteral("--verbose")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.isEmpty());
        hits = leaks(tag, r, {kToken});
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));

        // A refused token: the error message names the problem, not the token.
        env.insert(QStringLiteral("CLOUDFLARE_API_TOKEN"), kUnknown);
        r = run(env,
                {QStringLiteral("export"), QStringLiteral("organizations"), QStringLiteral("--verbose")});
        QVERIFY(r.exitCode != 0);
        QVERIFY(!r.err.isEmpty());
        hits = leaks(tag, r, {kUnknown});
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestLeak)
#include "tst_leak.moc"
