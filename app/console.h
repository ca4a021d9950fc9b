#pragma once
// Composition root of the GUI: owns the session, the API client, the main
// window and (in demo mode) the simulator child process, and wires them.

#include <QObject>
#include <QUrl>
#include <memory>

namespace api {
class Client;
}
namespace models {
class ActivityLog;
class AppSettings;
class Session;
} // namespace models
namespace ui {
class MainWindow;
}

namespace app {

class DemoLauncher;

struct ConsoleOptions
{
    bool demo = false;
    QStringList simulatorArgs;
    QUrl baseUrl;
};

class Console : public QObject
{
    Q_OBJECT
public:
    explicit Console(const ConsoleOptions &options, QObject *parent = nullptr);
    ~Console() override;

    void start();
    ui::MainWindow *window() const { return m_window.get(); }
    models::Session *session() const { return m_session; }

private:
    void connectTo(const QUrl &baseUrl, const QString &token, const QString &email, const QString &key,
                   const QString &label);
    void connectFromEnvironment();
    void demoFailed(const QString &message);

    ConsoleOptions m_options;
    models::AppSettings *m_settings;
    models::Session *m_session;
    models::ActivityLog *m_activity;
    api::Client *m_client = nullptr;
    DemoLauncher *m_demo = nullptr;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace app
