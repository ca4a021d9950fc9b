#include "models/connections/credentialverifier.h"

#include "api/client.h"
#include "api/organizationsapi.h"
#include "api/tokensapi.h"

#include <QLocale>

namespace models {

namespace {

// Cloudflare's code for an unknown or malformed token (REFERENCE §2.10).
constexpr int kInvalidTokenCode = 1000;

QString day(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime().date(), QLocale::ShortFormat);
}

} // namespace

bool CredentialVerifier::Result::expiresSoon(const QDateTime &now) const
{
    return outcome == Outcome::Valid && expiresOn.isValid() &&
           now.secsTo(expiresOn) < qint64(kExpiryWarningDays) * 24 * 3600;
}

QString CredentialVerifier::Result::summary(const QDateTime &now) const
{
    switch (outcome) {
    case Outcome::Valid: {
        if (method == Method::RealCall)
            return tr("Credential accepted (checked with a real call; no expiry information).");
        if (!expiresOn.isValid())
            return tr("Token is active; it does not expire.");
        const qint64 secs = now.secsTo(expiresOn);
        if (secs < qint64(kExpiryWarningDays) * 24 * 3600) {
            const int hours = int(secs / 3600);
            if (hours < 48)
                return tr("Token is active but expires in %n hour(s) (%1). Create a new token soon.", nullptr,
                          qMax(1, hours))
                    .arg(day(expiresOn));
            return tr("Token is active but expires in %n day(s) (%1). Create a new token soon.", nullptr,
                      int(secs / 86400))
                .arg(day(expiresOn));
        }
        return tr("Token is active; it expires on %1.").arg(day(expiresOn));
    }
    case Outcome::Expired:
        return expiresOn.isValid()
                   ? tr("This token expired on %1. Create a new token and edit the connection.")
                         .arg(day(expiresOn))
                   : tr("This token has expired. Create a new token and edit the connection.");
    case Outcome::Disabled:
        return tr("This token is disabled. Enable it in the Cloudflare dashboard or use another token.");
    case Outcome::NotYetValid:
        return tr("This token is not valid before %1.").arg(day(notBefore));
    case Outcome::Invalid:
        if (error.isError())
            return tr("The credential was refused. %1 Edit the connection and enter a valid token or key.")
                .arg(error.userMessage());
        return tr("The token is not usable (status “%1”).").arg(status);
    case Outcome::Unreachable:
        return tr("Could not verify the credential: %1").arg(error.userMessage());
    }
    return {};
}

CredentialVerifier::CredentialVerifier(api::Client *client, const QString &accountId, QObject *parent)
    : QObject(parent), m_client(client), m_accountId(accountId)
{}

CredentialVerifier::~CredentialVerifier()
{
    abort();
}

void CredentialVerifier::start()
{
    if (m_running)
        return;
    m_running = true;
    if (!m_client || !m_client->credentials().isValid()) {
        Result r;
        r.outcome = Outcome::Invalid;
        r.error = api::ApiError::invalidRequest(tr("No credential was given."));
        finish(r);
        return;
    }
    if (m_client->credentials().usesToken())
        verifyToken();
    else
        verifyWithRealCall(Method::RealCall);
}

void CredentialVerifier::abort()
{
    if (m_job) {
        // The job's finished() still arrives; m_running false makes it a no-op.
        m_running = false;
        m_job->abort();
    }
    m_running = false;
}

CredentialVerifier::Outcome CredentialVerifier::outcomeForError(const api::ApiError &error)
{
    if (error.kind() != api::ApiError::Kind::Http)
        return Outcome::Unreachable;
    const int s = error.httpStatus();
    if (s == 401 || (s == 403 && error.firstErrorCode() == kInvalidTokenCode))
        return Outcome::Invalid;
    if (s == 403)
        return Outcome::Invalid; // authenticated but not allowed: unusable for this console
    return Outcome::Unreachable;
}

CredentialVerifier::Result CredentialVerifier::judge(const api::TokenVerification &v, const QDateTime &now)
{
    Result r;
    r.tokenId = v.id;
    r.status = v.status;
    r.expiresOn = v.expiresOn;
    r.notBefore = v.notBefore;
    if (v.status == QLatin1String("expired") || (v.expiresOn.isValid() && v.expiresOn <= now))
        r.outcome = Outcome::Expired;
    else if (v.status == QLatin1String("disabled"))
        r.outcome = Outcome::Disabled;
    else if (v.notBefore.isValid() && v.notBefore > now)
        r.outcome = Outcome::NotYetValid;
    else if (v.status == QLatin1String("active"))
        r.outcome = Outcome::Valid;
    else
        r.outcome = Outcome::Invalid;
    return r;
}

void CredentialVerifier::verifyToken()
{
    const api::TokensApi tokens(m_client);
    const bool account = !m_accountId.isEmpty();
    auto *job = account ? tokens.verifyAccount(m_accountId, this) : tokens.verifyUser(this);
    m_job = job;
    connect(job, &api::Job::finished, this, [this, job, account] {
        if (!m_running)
            return;
        const Method method = account ? Method::AccountTokenVerify : Method::UserTokenVerify;
        if (!job->error()) {
            Result r = judge(job->result(), QDateTime::currentDateTimeUtc());
            r.method = method;
            finish(r);
            return;
        }
        const api::ApiError &error = job->error();
        const Outcome outcome = outcomeForError(error);
        // An account-owned token always fails the user endpoint with 1000 although it works.
        if (!account && outcome == Outcome::Invalid && error.firstErrorCode() == kInvalidTokenCode) {
            verifyWithRealCall(Method::RealCall);
            return;
        }
        Result r;
        r.method = method;
        r.outcome = outcome;
        r.error = error;
        finish(r);
    });
    job->start();
}

void CredentialVerifier::verifyWithRealCall(Method method)
{
    const api::OrganizationsApi orgs(m_client);
    auto *job = orgs.list({}, 1, {}, this);
    m_job = job;
    connect(job, &api::Job::finished, this, [this, job, method] {
        if (!m_running)
            return;
        Result r;
        r.method = method;
        if (job->error()) {
            r.error = job->error();
            r.outcome = outcomeForError(r.error);
        } else {
            r.outcome = Outcome::Valid;
        }
        finish(r);
    });
    job->start();
}

void CredentialVerifier::finish(Result result)
{
    m_job = nullptr;
    m_running = false;
    m_result = std::move(result);
    Q_EMIT finished(m_result);
}

} // namespace models
