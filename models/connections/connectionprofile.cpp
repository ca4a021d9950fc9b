#include "models/connections/connectionprofile.h"

#include "api/client.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("models::ConnectionProfile", text);
}

// Ids are opaque (REFERENCE §2.9) but end up in a URL path: refuse what would
// change the path or the query.
bool isPlausibleId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]+$"));
    return re.match(id).hasMatch();
}

} // namespace

QMap<ConnectionProfile::Field, QString> ConnectionProfile::validate() const
{
    QMap<Field, QString> errors;
    if (name.trimmed().isEmpty())
        errors.insert(Field::Name, tr("Give the connection a name."));

    if (baseUrl.isEmpty()) {
        errors.insert(Field::BaseUrl,
                      tr("Enter the API base URL, e.g. https://api.cloudflare.com/client/v4."));
    } else if (!baseUrl.isValid() || baseUrl.host().isEmpty() || !baseUrl.userInfo().isEmpty()) {
        // User info would be a secret in a settings file: refuse it outright.
        errors.insert(Field::BaseUrl, tr("Enter a full URL such as https://api.cloudflare.com/client/v4, "
                                         "without a user name or password."));
    } else if (baseUrl.hasQuery() || baseUrl.hasFragment()) {
        errors.insert(Field::BaseUrl, tr("The base URL cannot have a query or a fragment."));
    } else {
        const api::Client policy;
        QString why;
        if (!policy.isUrlAllowed(baseUrl, &why))
            errors.insert(Field::BaseUrl,
                          why.isEmpty() ? tr("Only https is allowed, except for 127.0.0.1 and localhost.")
                                        : why);
    }

    if (scheme == AuthScheme::GlobalKey) {
        static const QRegularExpression mail(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
        if (email.trimmed().isEmpty())
            errors.insert(Field::Email, tr("The global API key needs the account's email address."));
        else if (!mail.match(email.trimmed()).hasMatch())
            errors.insert(Field::Email, tr("This does not look like an email address."));
    }
    if (!accountId.isEmpty() && !isPlausibleId(accountId))
        errors.insert(Field::AccountId, tr("An account id has only letters, digits, '-' and '_'."));
    if (!defaultOrganizationId.isEmpty() && !isPlausibleId(defaultOrganizationId))
        errors.insert(Field::DefaultOrganization,
                      tr("An organization id has only letters, digits, '-' and '_'."));
    return errors;
}

QString ConnectionProfile::schemeKey(AuthScheme scheme)
{
    return scheme == AuthScheme::GlobalKey ? QStringLiteral("global_key") : QStringLiteral("token");
}

ConnectionProfile::AuthScheme ConnectionProfile::schemeFromKey(const QString &key)
{
    return key == QLatin1String("global_key") ? AuthScheme::GlobalKey : AuthScheme::ApiToken;
}

} // namespace models
