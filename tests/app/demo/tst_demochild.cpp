// The simulator child of `orgscope --demo`: it sees none of the user's
// CLOUDFLARE_* variables (tokens and keys are secrets it does not need), and
// it ends when orgscope ends, also when orgscope is killed and runs no
// destructor. Read through /proc, as `ps e` would.
#include "demolauncher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace {

const QByteArray kToken = "demochild-token-7f3a9c2e41";
const QByteArray kKey = "demochild-global-key-0b6d18";

QHash<QString, QString> environmentOf(qint64 pid)
{
    QHash<QString, QString> env;
    QFile f(QStringLiteral("/proc/%1/environ").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return env;
    for (const QByteArray &entry : f.readAll().split('\0')) {
        const qsizetype eq = entry.indexOf('=');
        if (eq > 0)
            env.insert(QString::fromLocal8Bit(entry.left(eq)), QString::fromLocal8Bit(entry.mid(eq + 1)));
    }
    return env;
}

// State letter and parent of a process, from /proc/PID/stat (after the comm in parentheses).
bool statOf(qint64 pid, char *state, qint64 *ppid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return false;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 2 || fields.at(0).isEmpty())
        return false;
    *state = fields.at(0).at(0);
    *ppid = fields.at(1).toLongLong();
    return true;
}

bool isRunning(qint64 pid)
{
    char state = 0;
    qint64 ppid = 0;
    return statOf(pid, &state, &ppid) && state != 'Z' && state != 'X';
}

// The child of `parent` that runs orgscope-sim (after its exec), or 0.
qint64 simulatorChildOf(qint64 parent)
{
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        char state = 0;
        qint64 ppid = 0;
        if (!ok || !statOf(pid, &state, &ppid) || ppid != parent)
            continue;
        if (QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid))
                .symLinkTarget()
                .endsWith(QLatin1String("orgscope-sim")))
            return pid;
    }
    return 0;
}

QStringList secretsIn(const QHash<QString, QString> &env)
{
    QStringList found;
    for (auto it = env.cbegin(); it != env.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("CLOUDFLARE_")) ||
            it.value().contains(QString::fromLatin1(kToken)) ||
            it.value().contains(QString::fromLatin1(kKey)))
            found << it.key();
    }
    return found;
}

} // namespace

class TestDemoChild : public QObject
{
    Q_OBJECT

    qint64 m_stray = 0; // a simulator a failed test left behind

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFileInfo(qEnvironmentVariable("ORGSCOPE_SIM")).isExecutable());
        QVERIFY(QFileInfo(qEnvironmentVariable("ORGSCOPE_APP")).isExecutable());
        // What a user of the Cloudflare tools has in the environment.
        qputenv("CLOUDFLARE_API_TOKEN", kToken);
        qputenv("CLOUDFLARE_EMAIL", "demochild@orgscope.test");
        qputenv("CLOUDFLARE_API_KEY", kKey);
        qputenv("CLOUDFLARE_ACCOUNT_ID", "0123456789abcdef0123456789abcdef");
        qputenv("ORGSCOPE_DEMOCHILD_UNRELATED", "something of the user's");
    }

    void cleanup()
    {
        if (m_stray > 0 && isRunning(m_stray))
            ::kill(pid_t(m_stray), SIGKILL);
        m_stray = 0;
    }

    void environmentIsFiltered()
    {
        QProcessEnvironment from;
        from.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        from.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
        from.insert(QStringLiteral("LC_TIME"), QStringLiteral("en_GB.UTF-8"));
        from.insert(QStringLiteral("LSAN_OPTIONS"), QStringLiteral("suppressions=x"));
        from.insert(QStringLiteral("CLOUDFLARE_API_TOKEN"), QString::fromLatin1(kToken));
        from.insert(QStringLiteral("CLOUDFLARE_BASE_URL"), QStringLiteral("https://api.example"));
        from.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("not for the simulator"));
        const QProcessEnvironment env = app::DemoLauncher::childEnvironment(from);
        QStringList keys = env.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("LANG"), QStringLiteral("LC_TIME"),
                                    QStringLiteral("LSAN_OPTIONS"), QStringLiteral("PATH")}));
    }

    void launchedChildHasNoCredentials()
    {
        app::DemoLauncher launcher;
        QSignalSpy ready(&launcher, &app::DemoLauncher::ready);
        QSignalSpy failed(&launcher, &app::DemoLauncher::failed);
        launcher.start();
        QVERIFY(ready.wait(60000) || !failed.isEmpty());
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        // What the launcher starts from has them (/proc/self/environ would not show qputenv).
        QVERIFY(QProcessEnvironment::systemEnvironment().contains(QStringLiteral("CLOUDFLARE_API_TOKEN")));
        const QHash<QString, QString> env = environmentOf(launcher.processId());
        QVERIFY(env.contains(QStringLiteral("PATH")));
        QVERIFY2(secretsIn(env).isEmpty(), qPrintable(secretsIn(env).join(u' ')));
        QVERIFY(!env.contains(QStringLiteral("ORGSCOPE_DEMOCHILD_UNRELATED")));
    }

    void simulatorEndsWithOrgscope_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGKILL") << int(SIGKILL);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }
    void simulatorEndsWithOrgscope()
    {
        QFETCH(int, signal);
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app.start(qEnvironmentVariable("ORGSCOPE_APP"), {QStringLiteral("--demo")});
        QVERIFY(app.waitForStarted(10000));
        qint64 sim = 0;
        QTRY_VERIFY_WITH_TIMEOUT((sim = simulatorChildOf(app.processId())) > 0, 60000);
        m_stray = sim;
        // The extended leak check: the child's environment holds no credential.
        const QHash<QString, QString> childEnv = environmentOf(sim);
        QVERIFY(childEnv.contains(QStringLiteral("PATH")));
        QVERIFY2(secretsIn(childEnv).isEmpty(), qPrintable(secretsIn(childEnv).join(u' ')));

        // Neither signal runs a destructor (orgscope has no handler): only the kernel can end the child now.
        QVERIFY(::kill(pid_t(app.processId()), signal) == 0);
        QVERIFY(app.waitForFinished(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!isRunning(sim), 15000);
    }
};

QTEST_GUILESS_MAIN(TestDemoChild)
#include "tst_demochild.moc"
