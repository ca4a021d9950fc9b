#pragma once
// Starts orgscope-sim as a child process on a free loopback port for a test
// and stops it when destroyed; on Linux it is killed when the test process
// dies, even by a crash (app/endwithparent.h). The binary comes from $ORGSCOPE_SIM (set by
// orgscope_add_test); $ORGSCOPE_SIM_EXTRA_ARGS is appended to every command
// line (a test variant's simulator mode, orgscope_add_test_variant).

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace testsupport {

class SimulatorProcess
{
public:
    explicit SimulatorProcess(QStringList extraArgs = {});
    ~SimulatorProcess();
    SimulatorProcess(const SimulatorProcess &) = delete;
    SimulatorProcess &operator=(const SimulatorProcess &) = delete;

    // Starts and waits for the ready line; false (with errorString()) on failure.
    bool start(int timeoutMs = 60000);
    void stop();

    QString baseUrl() const { return m_baseUrl; } // http://127.0.0.1:PORT/client/v4
    QString errorString() const { return m_error; }
    QByteArray stderrOutput() const;

    static QString demoToken() { return QStringLiteral("orgscope-demo-token"); }
    static QString demoEmail() { return QStringLiteral("demo@orgscope.test"); }
    static QString demoKey() { return QStringLiteral("orgscope-demo-key"); }

private:
    QStringList m_args;
    QProcess m_process;
    QString m_baseUrl;
    QString m_error;
};

} // namespace testsupport
