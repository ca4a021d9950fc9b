#include "authenticator.h"

#include "random.h"
#include "timeutil.h"

namespace sim {

Authenticator::Authenticator(const Options &options, qint64 nowMs)
    : m_email(options.email), m_key(options.key.toUtf8())
{
    const qint64 today = TimeUtil::floorDay(nowMs);
    int n = 0;
    for (const QString &t : options.tokens) {
        Principal p;
        p.kind = Principal::Kind::UserToken;
        p.tokenId = Random::hexId(0, "api-token", Random::hash(t.toUtf8()));
        p.tokenName = "orgscope-console-" + QByteArray::number(++n);
        p.notBeforeMs = today - 30 * TimeUtil::DayMs;
        p.expiresOnMs = today + 335 * TimeUtil::DayMs;
        m_tokens.insert(t.toUtf8(), p);
    }
    n = 0;
    for (const auto &[token, account] : options.accountTokens) {
        Principal p;
        p.kind = Principal::Kind::AccountToken;
        p.tokenId = Random::hexId(0, "api-token", Random::hash(token.toUtf8()));
        p.tokenName = "account-automation-" + QByteArray::number(++n);
        p.accountId = account.toUtf8();
        m_tokens.insert(token.toUtf8(), p);
    }
    n = 0;
    for (const QString &t : options.expiredTokens) {
        Principal p;
        p.kind = Principal::Kind::UserToken;
        p.tokenId = Random::hexId(0, "api-token", Random::hash(t.toUtf8()));
        p.tokenName = "expired-token-" + QByteArray::number(++n);
        p.status = "expired";
        p.notBeforeMs = today - 400 * TimeUtil::DayMs;
        p.expiresOnMs = today - 35 * TimeUtil::DayMs;
        m_tokens.insert(t.toUtf8(), p);
    }
}

QByteArray Authenticator::bearerToken(const HttpRequest &request, bool &malformed)
{
    malformed = false;
    const QByteArray header = request.header("Authorization").trimmed();
    if (header.isEmpty())
        return {};
    if (!header.startsWith("Bearer ") && !header.startsWith("bearer ")) {
        malformed = true;
        return {};
    }
    const QByteArray token = header.mid(7).trimmed();
    malformed = token.isEmpty();
    return token;
}

std::optional<Principal> Authenticator::lookupToken(const QByteArray &token) const
{
    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.constEnd())
        return std::nullopt;
    return it.value();
}

std::optional<Principal> Authenticator::authenticate(const HttpRequest &request, ApiError &error) const
{
    error.status = 401;
    error.pointer.clear();
    if (request.hasHeader("Authorization")) {
        bool malformed = false;
        const QByteArray token = bearerToken(request, malformed);
        if (malformed) {
            error.code = 6111;
            error.message = QStringLiteral("Invalid format for Authorization header");
            return std::nullopt;
        }
        const auto p = lookupToken(token);
        if (!p || p->status != "active") {
            error.code = 1000;
            error.message = QStringLiteral("Invalid API Token");
            return std::nullopt;
        }
        return p;
    }
    const bool hasEmail = request.hasHeader("X-Auth-Email");
    const bool hasKey = request.hasHeader("X-Auth-Key");
    if (!hasEmail || !hasKey) {
        error.code = 9106;
        error.message = QStringLiteral("Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        return std::nullopt;
    }
    const QString email = QString::fromUtf8(request.header("X-Auth-Email").trimmed());
    if (email.compare(m_email, Qt::CaseInsensitive) != 0 || request.header("X-Auth-Key").trimmed() != m_key) {
        error.code = 9103;
        error.message = QStringLiteral("Unknown X-Auth-Key or X-Auth-Email");
        return std::nullopt;
    }
    Principal p;
    p.kind = Principal::Kind::GlobalKey;
    return p;
}

} // namespace sim
