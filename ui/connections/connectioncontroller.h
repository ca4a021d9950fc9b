#pragma once
// Connects the console to a profile: reads its secret, builds the api::Client,
// verifies the credential and only then hands the client to the Session, so
// pages never see an unverified connection. A refused credential gives one
// message (activity log + the connect dialog's banner), not one per page.

#include "models/connections/connectionprofile.h"
#include "models/connections/credentialverifier.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QWidget;

namespace api {
class Client;
}
namespace models {
class ActivityLog;
class ConnectionProfileStore;
class SecretStore;
class Session;
} // namespace models

namespace ui {

class ConnectDialog;

class ConnectionController : public QObject
{
    Q_OBJECT
public:
    ConnectionController(models::Session *session, models::ActivityLog *activity,
                         models::ConnectionProfileStore *store, models::SecretStore *secrets,
                         QWidget *dialogParent, QObject *parent = nullptr);
    ~ConnectionController() override;

    // An unsaved profile for this run (environment, demo) with its secret, held in memory only.
    QString addTransientProfile(models::ConnectionProfile profile, const QString &secret);
    // Connects the environment profile if there is one, else the last used profile.
    // Returns false when there was nothing to connect to.
    bool connectAtStart();
    void connectProfile(const QString &profileId);
    void disconnectSession();

    // File › Connect…: shows (or raises) the dialog, non-blocking.
    void showDialog();
    ConnectDialog *dialog() const;

    api::Client *client() const { return m_client; }
    QString connectedProfileId() const { return m_connectedId; }
    const models::CredentialVerifier::Result &lastResult() const { return m_lastResult; }
    bool isConnecting() const { return m_verifier != nullptr; }

    // Called on every new client before it is used (tests shorten timeouts).
    void setClientSetup(std::function<void(api::Client *)> setup) { m_clientSetup = std::move(setup); }

Q_SIGNALS:
    void connected(const QString &profileId);
    void connectionFailed(const QString &profileId, const QString &message);

private:
    void startWithSecret(const models::ConnectionProfile &profile, const QString &secret);
    void verified(const models::ConnectionProfile &profile, const models::CredentialVerifier::Result &result);
    void fail(const models::ConnectionProfile &profile, const QString &message,
              models::ConnectionProfile::Field field = models::ConnectionProfile::Field::Name,
              bool fieldError = false);
    void dropClient();
    void onKeychainUnavailable(const QString &reason);

    models::Session *m_session;
    models::ActivityLog *m_activity;
    models::ConnectionProfileStore *m_store;
    models::SecretStore *m_secrets;
    QPointer<QWidget> m_dialogParent;
    QPointer<ConnectDialog> m_dialog;
    api::Client *m_client = nullptr; // owned; given to the Session once verified
    models::CredentialVerifier *m_verifier = nullptr;
    QString m_pendingId;
    QString m_connectedId;
    models::CredentialVerifier::Result m_lastResult;
    std::function<void(api::Client *)> m_clientSetup;
    quint64 m_attempt = 0;
};

} // namespace ui
