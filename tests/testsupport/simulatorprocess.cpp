#include "testsupport/simulatorprocess.h"

#include "testsupport/childreport.h"

#include "app/endwithparent.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace testsupport {

SimulatorProcess::SimulatorProcess(QStringList extraArgs) : m_args(std::move(extraArgs)) {}

SimulatorProcess::~SimulatorProcess()
{
    stop();
}

bool SimulatorProcess::start(int timeoutMs)
{
    const QString program = qEnvironmentVariable("ORGSCOPE_SIM");
    if (program.isEmpty()) {
        m_error = QStringLiteral("ORGSCOPE_SIM is not set");
        return false;
    }
    QStringList args{QStringLiteral("--port"), QStringLiteral("0")};
    args += m_args;
    // A test variant runs the whole suite with the simulator in another mode
    // (orgscope_add_test_variant, e.g. --opaque-error-codes).
    args += QProcess::splitCommand(qEnvironmentVariable("ORGSCOPE_SIM_EXTRA_ARGS"));
    m_process.setProgram(program);
    m_process.setArguments(args);
    // A test that crashes (or is killed by ctest's timeout) never runs stop():
    // the simulator is killed with it instead of serving on, orphaned.
    app::endWithParent(m_process, app::ParentDeath::Kill);
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        m_error = m_process.errorString();
        return false;
    }
    static const QRegularExpression ready(QStringLiteral("^orgscope-sim listening on (http://\\S+)\\s*$"));
    QByteArray buffer;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 1000)))) {
            if (m_process.state() != QProcess::Running) {
                m_error = QStringLiteral("orgscope-sim exited: ") +
                          QString::fromUtf8(m_process.readAllStandardError());
                return false;
            }
            continue;
        }
        buffer += m_process.readAllStandardOutput();
        const int nl = buffer.indexOf('\n');
        if (nl >= 0) {
            const auto match = ready.match(QString::fromUtf8(buffer.left(nl)));
            if (!match.hasMatch()) {
                m_error = QStringLiteral("unexpected first line: ") + QString::fromUtf8(buffer.left(nl));
                return false;
            }
            m_baseUrl = match.captured(1);
            return true;
        }
    }
    m_error = QStringLiteral("timed out waiting for orgscope-sim");
    return false;
}

void SimulatorProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    // Under LeakSanitizer the simulator checks for leaks on its way out: a kill
    // before that would hide them.
    if (!m_process.waitForFinished(30000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    passOnSanitizerReport("orgscope-sim", m_process.readAllStandardError());
}

QByteArray SimulatorProcess::stderrOutput() const
{
    return const_cast<QProcess &>(m_process).readAllStandardError();
}

} // namespace testsupport
