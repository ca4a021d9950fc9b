#pragma once
// Checks a credential before any page gets the client (REFERENCE §2.10):
// tokens with /user/tokens/verify (or /accounts/{id}/tokens/verify for
// account-owned tokens); email + global key, which those endpoints cannot
// check, with the cheapest real call (one organization). An account-owned
// token without an account id fails the user endpoint with code 1000 even
// though it works, so that answer is double-checked with the same real call.

#include "api/apierror.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

namespace api {
class Client;
class Job;
struct TokenVerification;
} // namespace api

namespace models {

class CredentialVerifier : public QObject
{
    Q_OBJECT
public:
    // Below this many days before expiry the console warns.
    static constexpr int kExpiryWarningDays = 7;

    enum class Outcome {
        Valid,
        Invalid,     // unknown token / wrong key (401, 403 code 1000/9103/…)
        Expired,     // the API says expired, or expires_on is past
        Disabled,    // status "disabled"
        NotYetValid, // not_before in the future
        Unreachable, // network, TLS, timeout, 5xx, disallowed URL: the credential was not judged
    };
    Q_ENUM(Outcome)

    enum class Method { UserTokenVerify, AccountTokenVerify, RealCall };
    Q_ENUM(Method)

    struct Result
    {
        Outcome outcome = Outcome::Unreachable;
        Method method = Method::UserTokenVerify;
        QString tokenId;
        QString status; // active | disabled | expired; empty for a real call
        QDateTime expiresOn;
        QDateTime notBefore;
        api::ApiError error;
        bool ok() const { return outcome == Outcome::Valid; }
        bool expiresSoon(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
        // One sentence for the status bar or the dialog; never contains the secret.
        QString summary(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    };

    // accountId: optional, for account-owned tokens.
    CredentialVerifier(api::Client *client, const QString &accountId, QObject *parent = nullptr);
    ~CredentialVerifier() override;

    void start();
    void abort();
    bool isRunning() const { return m_running; }
    const Result &result() const { return m_result; }

    // The verdict on a token verification record at a given time (testable without a server).
    static Result judge(const api::TokenVerification &verification, const QDateTime &now);
    // The verdict on a failed call: invalid credential, or could not tell.
    static Outcome outcomeForError(const api::ApiError &error);

Q_SIGNALS:
    void finished(const models::CredentialVerifier::Result &result);

private:
    void verifyToken();
    void verifyWithRealCall(Method method);
    void finish(Result result);

    QPointer<api::Client> m_client;
    QString m_accountId;
    QPointer<api::Job> m_job;
    Result m_result;
    bool m_running = false;
};

} // namespace models

Q_DECLARE_METATYPE(models::CredentialVerifier::Result)
