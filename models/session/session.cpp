#include "models/session/session.h"

#include "api/ratebudget.h"

namespace models {

Session::Session(QObject *parent) : QObject(parent) {}

void Session::cancelRateLimitWait()
{
    if (m_client)
        m_client->rateBudget()->cancelWaits();
}

void Session::setClient(api::Client *client)
{
    if (m_client == client)
        return;
    if (m_client)
        m_client->rateBudget()->disconnect(this);
    m_client = client;
    if (client)
        connect(client->rateBudget(), &api::RateBudget::blocked, this, &Session::rateLimitWait);
    Q_EMIT rateLimitWait(0);
    Q_EMIT clientChanged(client);
}

void Session::setState(State state, const QString &text)
{
    if (m_state == state && m_stateText == text)
        return;
    m_state = state;
    m_stateText = text;
    Q_EMIT stateChanged(state, text);
}

void Session::setIdentity(const QString &identity)
{
    if (m_identity == identity)
        return;
    m_identity = identity;
    Q_EMIT identityChanged(identity);
}

void Session::setConnectionProfileName(const QString &name)
{
    m_connectionProfileName = name;
}

void Session::setOrganization(const QString &id, const QString &name)
{
    if (m_orgId == id && m_orgName == name)
        return;
    m_orgId = id;
    m_orgName = name;
    Q_EMIT organizationChanged(id, name);
}

} // namespace models
