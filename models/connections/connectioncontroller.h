#pragma once
// Connects the console to a profile: reads its secret, builds the api::Client,
// verifies the credential and only then hands the client to the Session, so
// pages never see an unverified connection. A refused credential gives one
// message (the activity log plus the connectionFailed signal), not one per page.
// No widgets: ui::ConnectDialogController shows the dialog and reflects this
// controller's state in it.

#include "models/connections/connectionprofile.h"
#include "models/connections/credentialverifier.h"

#include <QObject>
#include <functional>

namespace api {
class Client;
}

namespace models {

class ActivityLog;
class ConnectionProfileStore;
class SecretStore;
class Session;

class ConnectionController : public QObject
{
    Q_OBJECT
public:
    // Why the last attempt failed, and which profile field the user should fix.
    struct Failure
    {
        QString profileId;
        QString message;
        ConnectionProfile::Field field = ConnectionProfile::Field::Name;
        bool fieldError = false; // true: show the message at `field` too
    };

    ConnectionController(Session *session, ActivityLog *activity, ConnectionProfileStore *store,
                         SecretStore *secrets, QObject *parent = nullptr);
    ~ConnectionController() override;

    // An unsaved profile for this run (environment, demo) with its secret, held in memory only.
    QString addTransientProfile(ConnectionProfile profile, const QString &secret);
    // Connects the environment profile if there is one, else the last used profile.
    // Returns false when there was nothing to connect to.
    bool connectAtStart();
    void connectProfile(const QString &profileId);
    void disconnectSession();

    api::Client *client() const { return m_client; }
    QString connectedProfileId() const { return m_connectedId; }
    QString pendingProfileId() const { return m_pendingId; }
    // From connectProfile() until connected() or connectionFailed().
    bool isConnecting() const { return !m_pendingId.isEmpty(); }
    const CredentialVerifier::Result &lastResult() const { return m_lastResult; }
    const Failure &lastFailure() const { return m_lastFailure; }

    // Called on every new client before it is used (tests shorten timeouts).
    void setClientSetup(std::function<void(api::Client *)> setup) { m_clientSetup = std::move(setup); }

Q_SIGNALS:
    void connecting(const QString &profileId, const QString &profileName);
    void connected(const QString &profileId);
    void connectionFailed(const QString &profileId, const QString &message);

private:
    void startWithSecret(const ConnectionProfile &profile, const QString &secret);
    void verified(const ConnectionProfile &profile, const CredentialVerifier::Result &result);
    void fail(const ConnectionProfile &profile, const QString &message,
              ConnectionProfile::Field field = ConnectionProfile::Field::Name, bool fieldError = false);
    void dropClient();
    void onKeychainUnavailable(const QString &reason);

    Session *m_session;
    ActivityLog *m_activity;
    ConnectionProfileStore *m_store;
    SecretStore *m_secrets;
    api::Client *m_client = nullptr; // owned; given to the Session once verified
    CredentialVerifier *m_verifier = nullptr;
    QString m_pendingId;
    QString m_connectedId;
    CredentialVerifier::Result m_lastResult;
    Failure m_lastFailure;
    std::function<void(api::Client *)> m_clientSetup;
    quint64 m_attempt = 0;
};

} // namespace models
