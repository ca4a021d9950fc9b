#include "demolauncher.h"

#include "endwithparent.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace app {

DemoLauncher::DemoLauncher(QStringList extraArgs, QObject *parent)
    : QObject(parent), m_extraArgs(std::move(extraArgs))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(60000);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { fail(tr("The demo simulator did not start within a minute.")); });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoLauncher::readOutput);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("Could not start the demo simulator %1: %2")
                     .arg(simulatorPath(), m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        if (!m_done)
            fail(tr("The demo simulator exited (code %1): %2")
                     .arg(code)
                     .arg(QString::fromUtf8(m_process.readAllStandardError()).trimmed()));
    });
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setProcessEnvironment(childEnvironment(QProcessEnvironment::systemEnvironment()));
    // SIGTERM when Orgscope dies: the simulator shuts down cleanly.
    endWithParent(m_process, ParentDeath::Terminate);
}

DemoLauncher::~DemoLauncher()
{
    stop();
}

QString DemoLauncher::simulatorPath()
{
    const QString fromEnv = qEnvironmentVariable("ORGSCOPE_SIM");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QCoreApplication::applicationDirPath() + QStringLiteral("/orgscope-sim");
}

QProcessEnvironment DemoLauncher::childEnvironment(const QProcessEnvironment &from)
{
    static const QStringList kept{
        QStringLiteral("PATH"),
        QStringLiteral("HOME"),
        QStringLiteral("TMPDIR"),
        QStringLiteral("LANG"),
        QStringLiteral("LANGUAGE"),
        QStringLiteral("TZ"),
        QStringLiteral("ASAN_OPTIONS"),
        QStringLiteral("UBSAN_OPTIONS"),
        QStringLiteral("LSAN_OPTIONS"),
        QStringLiteral("TSAN_OPTIONS"),
        QStringLiteral("LLVM_PROFILE_FILE"),
    };
    QProcessEnvironment env;
    for (const QString &name : from.keys()) {
        if (kept.contains(name) || name.startsWith(QLatin1String("LC_")))
            env.insert(name, from.value(name));
    }
    return env;
}

void DemoLauncher::start()
{
    const QString path = simulatorPath();
    if (!QFileInfo(path).isExecutable()) {
        // Deferred so the caller can connect first.
        QTimer::singleShot(0, this, [this, path] {
            fail(tr("The demo simulator is not built: %1 was not found. Build the orgscope-sim target first.")
                     .arg(path));
        });
        return;
    }
    m_done = false;
    QStringList args{QStringLiteral("--port"), QStringLiteral("0")};
    // A gentle live organization, so Refresh and Watch have something new to show.
    if (!m_extraArgs.contains(QStringLiteral("--live-events")))
        args << QStringLiteral("--live-events") << QStringLiteral("4/min");
    m_process.start(path, args + m_extraArgs);
    m_timeout.start();
}

void DemoLauncher::stop()
{
    m_done = true;
    m_timeout.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

void DemoLauncher::readOutput()
{
    if (m_done)
        return;
    m_buffer += m_process.readAllStandardOutput();
    const int nl = m_buffer.indexOf('\n');
    if (nl < 0)
        return;
    const QByteArray line = m_buffer.left(nl).trimmed();
    static const QByteArray prefix = "orgscope-sim listening on ";
    if (!line.startsWith(prefix)) {
        fail(tr("The demo simulator said something unexpected: %1").arg(QString::fromUtf8(line)));
        return;
    }
    m_baseUrl = QUrl(QString::fromUtf8(line.mid(prefix.size())));
    m_done = true;
    m_timeout.stop();
    // Keep draining stdout so the child never blocks on a full pipe.
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { m_process.readAllStandardOutput(); });
    Q_EMIT ready(m_baseUrl);
}

void DemoLauncher::fail(const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    Q_EMIT failed(message);
}

} // namespace app
