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
class ConnectionController;
class ConnectionProfileStore;
class SavedViewStore;
class SecretStore;
class Session;
} // namespace models
namespace ui {
class ConnectDialogController;
class MainWindow;
} // namespace ui

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
    models::ConnectionController *connections() const { return m_connections; }
    ui::ConnectDialogController *connectDialog() const { return m_connectDialog; }

private:
    void connectDemo(const QUrl &baseUrl);
    // What the first paint need not wait for.
    void startBackgroundWork();
    // CLOUDFLARE_API_TOKEN / CLOUDFLARE_EMAIL + CLOUDFLARE_API_KEY / CLOUDFLARE_BASE_URL as an unsaved
    // profile.
    void addEnvironmentProfile();
    void demoFailed(const QString &message);
    // ORGSCOPE_QUIT_AFTER_CONNECT=<ms>: quit that long after the first connection outcome.
    void quitAfterConnectingIfAsked();

    ConsoleOptions m_options;
    models::AppSettings *m_settings;
    models::Session *m_session;
    models::ActivityLog *m_activity;
    models::ConnectionProfileStore *m_profiles;
    models::SecretStore *m_secrets;
    models::SavedViewStore *m_views; // the connected profile's saved views
    models::ConnectionController *m_connections = nullptr;
    ui::ConnectDialogController *m_connectDialog = nullptr;
    DemoLauncher *m_demo = nullptr;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace app
