#include "console.h"

#include "afterfirstpaint.h"
#include "demolauncher.h"
#include "startuptrace.h"

#include "api/client.h"
#include "models/connections/connectioncontroller.h"
#include "models/connections/connectionprofilestore.h"
#include "models/connections/secretstore.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "models/views/savedviewstore.h"
#include "ui/common/page.h"
#include "ui/connections/connectdialogcontroller.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigator.h"
#include "ui/shell/pagefactory.h"
#include "ui/views/savedviewsshell.h"

#include <QCoreApplication>
#include <QTimer>

namespace app {

Console::Console(const ConsoleOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_settings(new models::AppSettings()),
      m_session(new models::Session(this)), m_activity(new models::ActivityLog(this)),
      m_profiles(new models::ConnectionProfileStore(this)),
      m_secrets(new models::SecretStore(QStringLiteral("Orgscope"), this)),
      m_views(new models::SavedViewStore(m_settings, this))
{
    startup::mark("console: session, stores");
    m_window = std::make_unique<ui::MainWindow>(m_session, m_activity, m_settings);
    startup::mark("console: main window");
    // The Organizations page now, every other page when it is first shown (ui::installPages).
    ui::installPages(m_window.get(),
                     ui::PageContext{m_session, m_activity, m_settings, m_window->navigator()});
    startup::mark("console: pages installed");
    m_connections = new models::ConnectionController(m_session, m_activity, m_profiles, m_secrets, this);
    // Saved views: the connected profile's, listed for the organization shown.
    startup::mark("console: connection controller");
    ui::installSavedViews(m_window.get(), m_views);
    startup::mark("console: saved views");
    connect(m_connections, &models::ConnectionController::connected, m_views,
            &models::SavedViewStore::setProfile);
    connect(m_session, &models::Session::organizationChanged, m_views,
            [this](const QString &id) { m_views->setOrganization(id); });
    m_connectDialog = new ui::ConnectDialogController(m_connections, m_session, m_profiles, m_secrets,
                                                      m_window.get(), this);
    // A new connection resets every page: unsaved profile edits are asked about first.
    m_connectDialog->setLeaveGuard([window = m_window.get()](std::function<void()> go) {
        window->whenPagesAllowLeaving(std::move(go));
    });
    connect(m_window.get(), &ui::MainWindow::connectRequested, m_connectDialog,
            &ui::ConnectDialogController::showDialog);
    // The keychain's lifecycle in the activity log: a slow keyring is waited
    // for (SecretStore::cancelWaiting() gives up), a secret left behind is said.
    connect(m_secrets, &models::SecretStore::waitingChanged, this, [this](bool waiting) {
        if (waiting)
            m_activity->add(models::ActivityLog::Severity::Info, tr("Keychain"),
                            tr("Waiting for the keyring: unlock it to go on."));
    });
    connect(m_secrets, &models::SecretStore::secretNotRemoved, this,
            [this](const QString &, const QString &why) {
                m_activity->add(models::ActivityLog::Severity::Error, tr("Keychain"),
                                tr("The token or key of a removed connection is still in the keychain (%1); "
                                   "delete it there by hand (service “Orgscope”).")
                                    .arg(why));
            });
    connect(m_session, &models::Session::clientChanged, m_window.get(), [this](api::Client *client) {
        if (client)
            connect(client, &api::Client::requestsInFlightChanged, m_window.get(),
                    &ui::MainWindow::setRequestsInFlight, Qt::UniqueConnection);
        else
            m_window->setRequestsInFlight(0);
    });
}

Console::~Console()
{
    // The window and its pages go first: they may still hold jobs of the client.
    m_window.reset();
    delete m_connectDialog;
    m_connectDialog = nullptr;
    delete m_connections; // clears the session's client and deletes it
    m_connections = nullptr;
    delete m_demo; // stops the simulator child
    delete m_settings;
}

void Console::quitAfterConnectingIfAsked()
{
    // For scripted runs (the leak test, smoke checks): quit once the first connection
    // attempt has an outcome and the pages had this long to make their first calls.
    bool ok = false;
    const int delayMs = qEnvironmentVariableIntValue("ORGSCOPE_QUIT_AFTER_CONNECT", &ok);
    if (!ok)
        return;
    auto quitSoon = [this, delayMs] {
        QTimer::singleShot(delayMs, this, [this] {
            m_window->close();
            QCoreApplication::quit();
        });
    };
    connect(m_connections, &models::ConnectionController::connected, this, quitSoon,
            Qt::SingleShotConnection);
    connect(m_connections, &models::ConnectionController::connectionFailed, this, quitSoon,
            Qt::SingleShotConnection);
    if (m_demo)
        connect(m_demo, &DemoLauncher::failed, this, quitSoon, Qt::SingleShotConnection);
}

void Console::start()
{
    m_window->restoreState();
    startup::mark("console: state restored");
    m_window->show();
    startup::mark("console: window shown");
    AfterFirstPaint::schedule(m_window.get(), [this] { startBackgroundWork(); });
    if (m_options.demo) {
        m_demo = new DemoLauncher(m_options.simulatorArgs);
        connect(m_demo, &DemoLauncher::ready, this, &Console::connectDemo);
        connect(m_demo, &DemoLauncher::failed, this, &Console::demoFailed);
        m_session->setState(models::Session::State::Connecting, tr("the demo simulator"));
        quitAfterConnectingIfAsked();
        m_demo->start();
        return;
    }
    quitAfterConnectingIfAsked();
    addEnvironmentProfile();
    startup::mark("console: environment profile");
    if (!m_connections->connectAtStart())
        m_session->setState(models::Session::State::Disconnected);
}

void Console::startBackgroundWork()
{
    startup::mark("console: after the first paint");
    // Watch rules poll and notify whichever page is shown: their page is built now, not when visited.
    m_window->page(m_window->pageIndex(ui::Navigator::pageName(ui::PageId::Watch)));
    startup::mark("console: watch page built");
}

void Console::addEnvironmentProfile()
{
    const api::Credentials credentials = api::Credentials::fromEnvironment();
    if (!credentials.isValid())
        return;
    models::ConnectionProfile profile;
    profile.origin = models::ConnectionProfile::Origin::Environment;
    profile.name = tr("Environment");
    profile.baseUrl = m_options.baseUrl.isEmpty() ? api::Client::baseUrlFromEnvironment() : m_options.baseUrl;
    profile.scheme = credentials.usesToken() ? models::ConnectionProfile::AuthScheme::ApiToken
                                             : models::ConnectionProfile::AuthScheme::GlobalKey;
    profile.email = credentials.usesToken() ? QString() : credentials.email;
    m_connections->addTransientProfile(profile,
                                       credentials.usesToken() ? credentials.apiToken : credentials.apiKey);
}

void Console::connectDemo(const QUrl &baseUrl)
{
    models::ConnectionProfile profile;
    profile.origin = models::ConnectionProfile::Origin::Demo;
    profile.name = tr("Demo");
    profile.baseUrl = baseUrl;
    const QString id = m_connections->addTransientProfile(profile, DemoLauncher::demoToken());
    m_connections->connectProfile(id);
}

void Console::demoFailed(const QString &message)
{
    m_session->setState(models::Session::State::Failed, message);
    m_activity->add(models::ActivityLog::Severity::Error, tr("Demo"), message);
}

} // namespace app
