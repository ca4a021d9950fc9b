#include "models/organizations/accountscsv.h"

#include "models/export/exportcolumns.h"

#include <QStringList>

namespace models {

namespace {

QString boolText(const std::optional<bool> &v)
{
    return v ? (*v ? QStringLiteral("true") : QStringLiteral("false")) : QString();
}

} // namespace

QString AccountsCsv::field(const QString &value)
{
    QString v = value;
    if (!v.isEmpty()) {
        const QChar c = v.front();
        if (c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r')
            v.prepend(u'\'');
    }
    if (v.contains(u',') || v.contains(u'"') || v.contains(u'\n') || v.contains(u'\r')) {
        v.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + v + u'"';
    }
    return v;
}

QByteArray AccountsCsv::toCsv(const QList<api::Account> &accounts, const QTimeZone &zone)
{
    const auto isoText = [&zone](const QDateTime &t) { return ExportColumns::time(t, zone); };
    const QStringList header{QStringLiteral("id"),
                             QStringLiteral("name"),
                             QStringLiteral("type"),
                             QStringLiteral("created_on"),
                             QStringLiteral("abuse_contact_email"),
                             QStringLiteral("access_approval_expiry"),
                             QStringLiteral("api_access_enabled"),
                             QStringLiteral("default_nameservers"),
                             QStringLiteral("enforce_twofactor"),
                             QStringLiteral("use_account_custom_ns_by_default")};
    QString out = header.join(u',') + QStringLiteral("\r\n");
    for (const api::Account &a : accounts) {
        const api::AccountSettings &s = a.settings;
        const QStringList row{a.id,
                              a.name.value_or(QString()),
                              a.type,
                              isoText(a.createdOn),
                              s.abuseContactEmail.value_or(QString()),
                              s.accessApprovalExpiry ? isoText(*s.accessApprovalExpiry) : QString(),
                              boolText(s.apiAccessEnabled),
                              s.defaultNameservers.value_or(QString()),
                              boolText(s.enforceTwoFactor),
                              boolText(s.useAccountCustomNsByDefault)};
        QStringList cells;
        cells.reserve(row.size());
        for (const QString &cell : row)
            cells << field(cell);
        out += cells.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace models
