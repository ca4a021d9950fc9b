#include "api/tokensapi.h"

#include "api/decoders.h"

namespace api {

TypedJob<TokenVerification> *TokensApi::verifyUser(QObject *parent) const
{
    return new TypedJob<TokenVerification>(
        m_client, Job::Method::Get, QStringLiteral("/user/tokens/verify"), {}, {},
        [](const QByteArray &b, int) { return decode::tokenVerificationResponse(b); }, parent);
}

TypedJob<TokenVerification> *TokensApi::verifyAccount(const QString &accountId, QObject *parent) const
{
    return new TypedJob<TokenVerification>(
        m_client, Job::Method::Get,
        QStringLiteral("/accounts/") + QString::fromLatin1(Query::encode(accountId)) +
            QStringLiteral("/tokens/verify"),
        {}, {}, [](const QByteArray &b, int) { return decode::tokenVerificationResponse(b); }, parent);
}

} // namespace api
