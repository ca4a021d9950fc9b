#pragma once
// Resolves the credential of a request (REFERENCE §2.2): a Bearer token
// (user-owned, account-owned or expired) or the X-Auth-Email + X-Auth-Key pair.

#include "envelope.h"
#include "httprequest.h"
#include "options.h"

#include <QHash>
#include <optional>

namespace sim {

struct Principal
{
    enum class Kind { UserToken, AccountToken, GlobalKey };
    Kind kind = Kind::UserToken;
    QByteArray tokenId;   // tokens only
    QByteArray tokenName; // tokens only
    QByteArray accountId; // account-owned tokens only
    QByteArray status = "active";
    qint64 notBeforeMs = 0;
    qint64 expiresOnMs = 0;
    bool isToken() const { return kind != Kind::GlobalKey; }
};

class Authenticator
{
public:
    Authenticator(const Options &options, qint64 nowMs);

    // The principal, or nullopt with `error` set (always a 401).
    std::optional<Principal> authenticate(const HttpRequest &request, ApiError &error) const;
    // Looks a bearer token up regardless of its state (token verify needs expired ones).
    std::optional<Principal> lookupToken(const QByteArray &token) const;
    static QByteArray bearerToken(const HttpRequest &request, bool &malformed);

private:
    QHash<QByteArray, Principal> m_tokens;
    QString m_email;
    QByteArray m_key;
};

} // namespace sim
