#pragma once
// Token verification (REFERENCE §2.10).

#include "api/records.h"
#include "api/typedjob.h"

namespace api {

class Client;

class TokensApi
{
public:
    explicit TokensApi(Client *client) : m_client(client) {}

    // GET /user/tokens/verify — user-owned tokens.
    TypedJob<TokenVerification> *verifyUser(QObject *parent = nullptr) const;
    // GET /accounts/{id}/tokens/verify — account-owned tokens.
    TypedJob<TokenVerification> *verifyAccount(const QString &accountId, QObject *parent = nullptr) const;

private:
    Client *m_client;
};

} // namespace api
