#include "console.h"

#include "demolauncher.h"

#include "api/client.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "ui/common/page.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/pagefactory.h"

#include <QProcessEnvironment>

namespace app {

Console::Console(const ConsoleOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_settings(new models::AppSettings()),
      m_session(new models::Session(this)), m_activity(new models::ActivityLog(this))
{
    m_window = std::make_unique<ui::MainWindow>(m_session, m_activity, m_settings);
    const QList<ui::Page *> pages =
        ui::createPages(ui::PageContext{m_session, m_activity, m_settings}, m_window.get());
    for (ui::Page *page : pages)
        m_window->addPage(page);
}

Console::~Console()
{
    // The window and its pages go first: they may still hold jobs of the client.
    m_window.reset();
    m_session->setClient(nullptr);
    delete m_client;
    delete m_demo; // stops the simulator child
    delete m_settings;
}

void Console::start()
{
    m_window->restoreState();
    m_window->show();
    if (m_options.demo) {
        m_demo = new DemoLauncher(m_options.simulatorArgs);
        connect(m_demo, &DemoLauncher::ready, this, [this](const QUrl &url) {
            connectTo(url, DemoLauncher::demoToken(), {}, {}, tr("demo simulator"));
        });
        connect(m_demo, &DemoLauncher::failed, this, &Console::demoFailed);
        m_session->setState(models::Session::State::Connecting, tr("the demo simulator"));
        m_demo->start();
        return;
    }
    connectFromEnvironment();
}

void Console::connectFromEnvironment()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QUrl base = m_options.baseUrl;
    if (base.isEmpty() && env.contains(QStringLiteral("CLOUDFLARE_BASE_URL")))
        base = QUrl(env.value(QStringLiteral("CLOUDFLARE_BASE_URL")));
    if (base.isEmpty())
        base = QUrl(QStringLiteral("https://api.cloudflare.com/client/v4"));
    const QString token = env.value(QStringLiteral("CLOUDFLARE_API_TOKEN"));
    const QString email = env.value(QStringLiteral("CLOUDFLARE_EMAIL"));
    const QString key = env.value(QStringLiteral("CLOUDFLARE_API_KEY"));
    if (token.isEmpty() && (email.isEmpty() || key.isEmpty())) {
        m_session->setState(models::Session::State::Disconnected);
        return;
    }
    connectTo(base, token, token.isEmpty() ? email : QString(), token.isEmpty() ? key : QString(),
              tr("environment"));
}

void Console::connectTo(const QUrl &baseUrl, const QString &token, const QString &email, const QString &key,
                        const QString &label)
{
    m_session->setClient(nullptr);
    delete m_client;
    m_client = new api::Client();
    m_client->setBaseUrl(baseUrl);
    api::Credentials credentials;
    credentials.apiToken = token;
    credentials.email = email;
    credentials.apiKey = key;
    m_client->setCredentials(credentials);
    connect(m_client, &api::Client::requestsInFlightChanged, m_window.get(),
            &ui::MainWindow::setRequestsInFlight);
    m_session->setProfileName(label);
    m_session->setIdentity(email.isEmpty() ? tr("API token") : email);
    m_session->setClient(m_client);
    m_session->setState(models::Session::State::Connected, baseUrl.toDisplayString());
}

void Console::demoFailed(const QString &message)
{
    m_session->setState(models::Session::State::Failed, message);
    m_activity->add(models::ActivityLog::Severity::Error, tr("Demo"), message);
}

} // namespace app
