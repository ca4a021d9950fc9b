#pragma once
// Starts orgscope-sim as a child process for `orgscope --demo`, waits for its
// ready line without blocking the event loop, and stops it on destruction.
// The child gets a clean environment (no credentials: it needs none) and, on
// Linux, ends when Orgscope ends however Orgscope ends (PR_SET_PDEATHSIG), so
// a crash or `kill -9` leaves no simulator behind.

#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

namespace app {

class DemoLauncher : public QObject
{
    Q_OBJECT
public:
    explicit DemoLauncher(QStringList extraArgs = {}, QObject *parent = nullptr);
    ~DemoLauncher() override;

    // Where orgscope-sim is looked for: $ORGSCOPE_SIM, then next to this executable.
    static QString simulatorPath();
    // What the child may see of `from`: locale, paths and sanitizer settings;
    // never CLOUDFLARE_* (tokens, keys) or anything else of the user's.
    static QProcessEnvironment childEnvironment(const QProcessEnvironment &from);

    void start();
    void stop();
    QUrl baseUrl() const { return m_baseUrl; }
    qint64 processId() const { return m_process.processId(); }

    static QString demoToken() { return QStringLiteral("orgscope-demo-token"); }

Q_SIGNALS:
    void ready(const QUrl &baseUrl);
    void failed(const QString &message);

private:
    void readOutput();
    void fail(const QString &message);

    QStringList m_extraArgs;
    QProcess m_process;
    QTimer m_timeout;
    QByteArray m_buffer;
    QUrl m_baseUrl;
    bool m_done = false;
};

} // namespace app
