#include "models/connections/connectioncontroller.h"

#include "api/client.h"
#include "models/connections/connectionprofilestore.h"
#include "models/connections/secretstore.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"

#include <QLocale>

namespace models {

using Field = ConnectionProfile::Field;
using Result = CredentialVerifier::Result;

namespace {

QString placeOf(const ConnectionProfile &p)
{
    const QString host = p.baseUrl.port() > 0
                             ? p.baseUrl.host() + QLatin1Char(':') + QString::number(p.baseUrl.port())
                             : p.baseUrl.host();
    return QStringLiteral("%1 (%2)").arg(p.name, host);
}

} // namespace

ConnectionController::ConnectionController(Session *session, ActivityLog *activity,
                                           ConnectionProfileStore *store, SecretStore *secrets,
                                           QObject *parent)
    : QObject(parent), m_session(session), m_activity(activity), m_store(store), m_secrets(secrets)
{
    connect(m_secrets, &SecretStore::keychainUnavailable, this, &ConnectionController::onKeychainUnavailable);
    if (!m_secrets->keychainAvailable())
        onKeychainUnavailable(m_secrets->unavailableReason());
}

ConnectionController::~ConnectionController()
{
    delete m_verifier;
    m_verifier = nullptr;
    if (m_session->client() == m_client)
        m_session->setClient(nullptr);
    delete m_client;
}

void ConnectionController::onKeychainUnavailable(const QString &reason)
{
    m_activity->add(ActivityLog::Severity::Warning, tr("Keychain"),
                    tr("No keychain is available (%1). Tokens and keys are kept for this session only and "
                       "are not saved.")
                        .arg(reason));
}

QString ConnectionController::addTransientProfile(ConnectionProfile profile, const QString &secret)
{
    const QString id = m_store->addTransient(std::move(profile));
    m_secrets->holdForSession(id, secret);
    return id;
}

bool ConnectionController::connectAtStart()
{
    QString id;
    if (m_store->rowOf(QStringLiteral("environment")) >= 0)
        id = QStringLiteral("environment");
    else if (m_store->rowOf(m_store->lastUsedId()) >= 0)
        id = m_store->lastUsedId();
    if (id.isEmpty())
        return false;
    connectProfile(id);
    return true;
}

void ConnectionController::dropClient()
{
    ++m_attempt;
    if (m_verifier) {
        m_verifier->disconnect(this);
        m_verifier->abort();
        m_verifier->deleteLater();
        m_verifier = nullptr;
    }
    if (m_client) {
        if (m_session->client() == m_client)
            m_session->setClient(nullptr);
        // Pages may still be inside a slot of one of its jobs.
        m_client->deleteLater();
        m_client = nullptr;
    }
    m_connectedId.clear();
}

void ConnectionController::disconnectSession()
{
    dropClient();
    m_pendingId.clear();
    m_session->setState(Session::State::Disconnected);
}

void ConnectionController::connectProfile(const QString &profileId)
{
    const std::optional<ConnectionProfile> p = m_store->profile(profileId);
    if (!p)
        return;
    dropClient();
    m_pendingId = profileId;
    m_session->setConnectionProfileName(p->name);
    m_session->setIdentity({});
    m_session->setState(Session::State::Connecting, placeOf(*p));
    Q_EMIT connecting(profileId, p->name);
    const quint64 attempt = m_attempt;
    const ConnectionProfile profile = *p;
    m_secrets->read(profileId, this, [this, attempt, profile](const SecretStore::ReadResult &r) {
        if (attempt != m_attempt)
            return;
        if (!r.found || r.secret.isEmpty()) {
            const QString what = profile.usesToken() ? tr("API token") : tr("global API key");
            fail(profile,
                 m_secrets->keychainAvailable()
                     ? tr("No %1 is stored for “%2”. Enter it and connect again.").arg(what, profile.name)
                     : tr("No keychain is available, so the %1 of “%2” was not kept from the last session. "
                          "Enter it and connect again.")
                           .arg(what, profile.name),
                 Field::Secret, true);
            return;
        }
        startWithSecret(profile, r.secret);
    });
}

void ConnectionController::startWithSecret(const ConnectionProfile &profile, const QString &secret)
{
    m_client = new api::Client(this);
    if (m_clientSetup)
        m_clientSetup(m_client);
    QString why;
    if (!m_client->isUrlAllowed(profile.baseUrl, &why)) {
        fail(profile,
             tr("The base URL of “%1” is not allowed: %2")
                 .arg(profile.name, why.isEmpty() ? tr("https is required") : why),
             Field::BaseUrl, true);
        return;
    }
    m_client->setBaseUrl(profile.baseUrl);
    api::Credentials credentials;
    if (profile.usesToken()) {
        credentials.apiToken = secret;
    } else {
        credentials.email = profile.email;
        credentials.apiKey = secret;
    }
    m_client->setCredentials(credentials);
    m_verifier = new CredentialVerifier(m_client, profile.usesToken() ? profile.accountId : QString(), this);
    const quint64 attempt = m_attempt;
    connect(m_verifier, &CredentialVerifier::finished, this, [this, attempt, profile](const Result &result) {
        if (attempt != m_attempt)
            return;
        verified(profile, result);
    });
    m_verifier->start();
}

void ConnectionController::verified(const ConnectionProfile &profile, const Result &result)
{
    m_verifier->deleteLater();
    m_verifier = nullptr;
    m_lastResult = result;
    if (!result.ok()) {
        // The environment profile cannot be edited in the dialog: say where its secret comes from.
        if (profile.origin == ConnectionProfile::Origin::Environment &&
            result.outcome != CredentialVerifier::Outcome::Unreachable)
            fail(profile,
                 tr("The credential from the environment (%1) was not accepted. %2")
                     .arg(profile.usesToken() ? QStringLiteral("CLOUDFLARE_API_TOKEN")
                                              : QStringLiteral("CLOUDFLARE_EMAIL + CLOUDFLARE_API_KEY"),
                          result.summary()));
        else
            fail(profile, result.summary());
        return;
    }
    QString identity = profile.usesToken() ? tr("API token") : profile.email;
    if (result.expiresOn.isValid()) {
        const QString day = QLocale().toString(result.expiresOn.toLocalTime().date(), QLocale::ShortFormat);
        identity = result.expiresSoon() ? tr("%1 (expires soon: %2)").arg(identity, day)
                                        : tr("%1 (expires %2)").arg(identity, day);
    }
    m_pendingId.clear();
    m_lastFailure = {};
    m_connectedId = profile.id;
    m_session->setConnectionProfileName(profile.name);
    m_session->setIdentity(identity);
    if (!profile.defaultOrganizationId.isEmpty() && m_session->organizationId().isEmpty())
        m_session->setOrganization(profile.defaultOrganizationId, QString());
    // Only now do pages get a client: nothing was sent with an unverified credential but the check.
    m_session->setClient(m_client);
    m_session->setState(Session::State::Connected, placeOf(profile));
    m_store->setLastUsedId(profile.id);
    m_activity->add(result.expiresSoon() ? ActivityLog::Severity::Warning : ActivityLog::Severity::Info,
                    tr("Connection"), tr("Connected to %1. %2").arg(placeOf(profile), result.summary()));
    Q_EMIT connected(profile.id);
}

void ConnectionController::fail(const ConnectionProfile &profile, const QString &message, Field field,
                                bool fieldError)
{
    dropClient();
    m_pendingId.clear();
    m_lastFailure = Failure{profile.id, message, field, fieldError};
    m_session->setState(Session::State::Failed, message);
    m_activity->add(ActivityLog::Severity::Error, tr("Connection"),
                    tr("%1: %2").arg(placeOf(profile), message));
    Q_EMIT connectionFailed(profile.id, message);
}

} // namespace models
