#pragma once
// The console's current connection and organization. Pages observe it; the
// composition root (app/) and the connection dialog change it.

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include "api/client.h"

namespace models {

class Session : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Failed };
    Q_ENUM(State)

    explicit Session(QObject *parent = nullptr);

    // Not owned: the composition root keeps the client alive while it is set.
    api::Client *client() const { return m_client; }
    void setClient(api::Client *client);

    State state() const { return m_state; }
    QString stateText() const { return m_stateText; }
    void setState(State state, const QString &text = {});

    // Who is signed in, as shown in the status bar (never a secret).
    QString identity() const { return m_identity; }
    void setIdentity(const QString &identity);
    QString connectionProfileName() const { return m_connectionProfileName; }
    void setConnectionProfileName(const QString &name);

    QString organizationId() const { return m_orgId; }
    QString organizationName() const { return m_orgName; }
    void setOrganization(const QString &id, const QString &name);

    // Cancel in the throttled state: the client's requests waiting out the
    // rate-limit block give up (RateBudget::cancelWaits).
    void cancelRateLimitWait();

Q_SIGNALS:
    void clientChanged(api::Client *client);
    void stateChanged(models::Session::State state, const QString &text);
    void identityChanged(const QString &identity);
    void organizationChanged(const QString &id, const QString &name);
    // The throttled state: the current client is blocked by the server for
    // waitMs (a 429); 0 when a new client replaces it.
    void rateLimitWait(qint64 waitMs);

private:
    QPointer<api::Client> m_client;
    State m_state = State::Disconnected;
    QString m_stateText;
    QString m_identity;
    QString m_connectionProfileName;
    QString m_orgId;
    QString m_orgName;
};

} // namespace models
