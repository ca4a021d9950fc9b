#pragma once
// A named connection (like a profile of the Cloudflare tools): where to
// connect and with which auth scheme. Never carries the secret itself: the
// token or global key lives in the OS keychain under the profile id.

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace models {

struct ConnectionProfile
{
    enum class AuthScheme { ApiToken, GlobalKey };
    // Saved profiles live in QSettings; the others exist for this run only.
    enum class Origin { Saved, Environment, Demo };
    enum class Field { Name, BaseUrl, Email, Secret, AccountId, DefaultOrganization };

    QString id; // stable key in settings and keychain; empty until stored
    QString name;
    QUrl baseUrl;
    AuthScheme scheme = AuthScheme::ApiToken;
    QString email;     // global key scheme only
    QString accountId; // optional: account-owned tokens verify via /accounts/{id}/tokens/verify
    QString defaultOrganizationId;
    Origin origin = Origin::Saved;

    bool isSaved() const { return origin == Origin::Saved; }
    bool usesToken() const { return scheme == AuthScheme::ApiToken; }

    // Field → sentence to show next to the field; empty when valid. The
    // transport rule (https except loopback) is api::Client::isUrlAllowed's.
    QMap<Field, QString> validate() const;

    static QString schemeKey(AuthScheme scheme); // "token" | "global_key" (settings value)
    static AuthScheme schemeFromKey(const QString &key);

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

} // namespace models

Q_DECLARE_METATYPE(models::ConnectionProfile)
