#pragma once
// Starts orgscope-sim as a child process for `orgscope --demo`, waits for its
// ready line without blocking the event loop, and stops it on destruction.

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

    void start();
    void stop();
    QUrl baseUrl() const { return m_baseUrl; }

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
