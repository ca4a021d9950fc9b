#pragma once
// Runs a headless orgscope command (`export`, `report`, `watch`, or a test
// driver of one) against orgscope-sim as the simulator's demo user, the way
// the tests under tests/app do: the token in the environment, never an
// e-mail and key from the caller's shell.

#include "testsupport/childreport.h"
#include "testsupport/simulatorprocess.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace testsupport {

struct CommandRun
{
    int exitCode = -1; // -1: crashed or did not finish in time
    QByteArray out;
    QByteArray err;
};

// This process's environment with CLOUDFLARE_API_TOKEN and CLOUDFLARE_BASE_URL
// set and the key credentials removed.
inline QProcessEnvironment commandEnvironment(const QString &baseUrl,
                                              const QString &token = SimulatorProcess::demoToken())
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CLOUDFLARE_EMAIL"));
    env.remove(QStringLiteral("CLOUDFLARE_API_KEY"));
    env.insert(QStringLiteral("CLOUDFLARE_API_TOKEN"), token);
    env.insert(QStringLiteral("CLOUDFLARE_BASE_URL"), baseUrl);
    return env;
}

// `child` names the program in a passed-on sanitizer report.
inline CommandRun runCommand(const QString &program, const QStringList &args, const QString &baseUrl,
                             int timeoutMs, const char *child,
                             const QString &token = SimulatorProcess::demoToken())
{
    QProcess p;
    p.setProcessEnvironment(commandEnvironment(baseUrl, token));
    p.start(program, args);
    CommandRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    passOnSanitizerReport(child, r.err);
    return r;
}

// The first organization without a parent in `export organizations --format
// json` output; empty when there is none.
inline QJsonObject rootOrganization(const QByteArray &organizationsJson)
{
    for (const QJsonValue &v : QJsonDocument::fromJson(organizationsJson).array())
        if (!v.toObject().contains(QStringLiteral("parent")))
            return v.toObject();
    return {};
}

} // namespace testsupport
