#include "ui/connections/connectdialogcontroller.h"

#include "models/connections/connectioncontroller.h"
#include "models/session/session.h"
#include "ui/connections/connectdialog.h"

#include <QWidget>

namespace ui {

ConnectDialogController::ConnectDialogController(models::ConnectionController *connections,
                                                 models::Session *session,
                                                 models::ConnectionProfileStore *store,
                                                 models::SecretStore *secrets, QWidget *dialogParent,
                                                 QObject *parent)
    : QObject(parent), m_connections(connections), m_session(session), m_store(store), m_secrets(secrets),
      m_dialogParent(dialogParent)
{
    connect(m_connections, &models::ConnectionController::connecting, this,
            &ConnectDialogController::onConnecting);
    connect(m_connections, &models::ConnectionController::connected, this,
            &ConnectDialogController::onConnected);
    connect(m_connections, &models::ConnectionController::connectionFailed, this,
            &ConnectDialogController::onFailed);
}

ConnectDialogController::~ConnectDialogController()
{
    delete m_dialog;
}

ConnectDialog *ConnectDialogController::dialog() const
{
    return m_dialog;
}

void ConnectDialogController::onConnectRequested(const QString &profileId)
{
    if (!m_leaveGuard) {
        m_connections->connectProfile(profileId);
        return;
    }
    QPointer<models::ConnectionController> connections = m_connections;
    m_leaveGuard([connections, profileId] {
        if (connections)
            connections->connectProfile(profileId);
    });
}

void ConnectDialogController::onConnecting(const QString &, const QString &profileName)
{
    if (!m_dialog)
        return;
    m_dialog->setBusy(true);
    m_dialog->showStatus(MessageBanner::Kind::Info, tr("Verifying the credential of “%1”…").arg(profileName));
}

void ConnectDialogController::onConnected()
{
    if (!m_dialog)
        return;
    m_dialog->setBusy(false);
    const auto &result = m_connections->lastResult();
    if (result.expiresSoon()) {
        m_dialog->showStatus(MessageBanner::Kind::Warning, result.summary());
    } else {
        m_dialog->showStatus(MessageBanner::Kind::Info, result.summary());
        m_dialog->accept();
    }
}

void ConnectDialogController::onFailed()
{
    const models::ConnectionController::Failure &failure = m_connections->lastFailure();
    showDialog();
    m_dialog->setBusy(false);
    m_dialog->selectProfile(failure.profileId);
    m_dialog->showStatus(MessageBanner::Kind::Error, failure.message);
    if (failure.fieldError)
        m_dialog->showFieldError(failure.field, failure.message);
}

void ConnectDialogController::showDialog()
{
    if (!m_dialog) {
        m_dialog = new ConnectDialog(m_store, m_secrets, m_dialogParent);
        m_dialog->setWindowModality(Qt::WindowModal);
        connect(m_dialog, &ConnectDialog::connectRequested, this,
                &ConnectDialogController::onConnectRequested);
        const QString connectedId = m_connections->connectedProfileId();
        if (!connectedId.isEmpty()) {
            m_dialog->selectProfile(connectedId);
            // What the last verification said, expiry included.
            const auto &result = m_connections->lastResult();
            m_dialog->showStatus(
                result.expiresSoon() ? MessageBanner::Kind::Warning : MessageBanner::Kind::Info,
                tr("Connected to “%1”. %2").arg(m_session->connectionProfileName(), result.summary()));
        }
    }
    m_dialog->setBusy(m_connections->isConnecting());
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

} // namespace ui
