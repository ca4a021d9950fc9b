#pragma once
// The connection a controller under test reads through, on orgscope-sim as
// its demo user: a client, a connected session and the seeded root
// organization. Header-only; the test links orgscope_models.

#include "testsupport/simulatorhttp.h"
#include "testsupport/simulatorprocess.h"

#include "models/session/session.h"

#include "api/client.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

namespace testsupport {

struct SimulatorSession
{
    api::Client *client = nullptr;
    models::Session *session = nullptr;
    QString rootId; // the first organization listed; empty when the listing failed
};

// Client and session owned by `owner`; the session's profile is named "sim"
// and its state is Connected.
inline SimulatorSession connectSession(const SimulatorProcess &sim, QObject *owner)
{
    SimulatorSession s;
    s.client = new api::Client(owner);
    s.client->setBaseUrl(QUrl(sim.baseUrl()));
    s.client->setCredentials({SimulatorProcess::demoToken(), {}, {}});
    s.session = new models::Session(owner);
    s.session->setConnectionProfileName(QStringLiteral("sim"));
    s.session->setClient(s.client);
    s.session->setState(models::Session::State::Connected);
    QNetworkAccessManager nam;
    s.rootId = simulatorOrganizationIds(nam, sim.baseUrl()).value(0);
    return s;
}

} // namespace testsupport
