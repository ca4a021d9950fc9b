#include "app/commandoptions.h"

#include "api/client.h"
#include "models/settings/timezonesetting.h"

#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <cmath>

namespace app::cli {

namespace {
// "actor_email" → "actor-email"
QString optionName(const char *wireKey)
{
    return QString::fromLatin1(wireKey).replace(QLatin1Char('_'), QLatin1Char('-'));
}
} // namespace

bool isPlausibleId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,128}$"));
    return re.match(id).hasMatch();
}

std::optional<int> timeoutMs(const QString &text)
{
    bool ok = false;
    const double seconds = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0.001 || seconds > 3600)
        return std::nullopt;
    return int(std::lround(seconds * 1000));
}

QStringList splitValues(const QStringList &values)
{
    QStringList out;
    for (const QString &v : values)
        for (const QString &part : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
            out << part.trimmed();
    return out;
}

ConnectionOptions::ConnectionOptions()
    : m_baseUrl(QStringLiteral("base-url"),
                QStringLiteral("API base URL (default $CLOUDFLARE_BASE_URL or the Cloudflare API)."),
                QStringLiteral("URL")),
      m_timeout(QStringLiteral("timeout"),
                QStringLiteral("Give up on a request after SECONDS without data (default 30)."),
                QStringLiteral("SECONDS"))
{}

ConnectionOptions::ConnectionOptions(const QString &retriesHelp, const QString &quietHelp)
    : ConnectionOptions()
{
    m_retries.emplace(QStringLiteral("retries"), retriesHelp, QStringLiteral("N"));
    m_quiet.emplace(QStringLiteral("quiet"), quietHelp);
    m_verbose.emplace(QStringLiteral("verbose"), QStringLiteral("Log every request on stderr."));
}

void ConnectionOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_baseUrl, m_timeout});
    for (const auto *o : {&m_retries, &m_quiet, &m_verbose})
        if (*o)
            parser.addOption(**o);
}

void ConnectionOptions::applyLogRules(const QCommandLineParser &parser) const
{
    if (m_verbose && parser.isSet(*m_verbose))
        QLoggingCategory::setFilterRules(QStringLiteral("orgscope.*=true"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("orgscope.*.debug=false\norgscope.*.info=false"));
}

QString ConnectionOptions::configure(const QCommandLineParser &parser, api::Client &client) const
{
    std::optional<int> transferTimeout;
    if (parser.isSet(m_timeout)) {
        transferTimeout = timeoutMs(parser.value(m_timeout));
        if (!transferTimeout)
            return QStringLiteral("--timeout must be a number of seconds between 0.001 and 3600");
    }
    std::optional<int> retries;
    if (m_retries && parser.isSet(*m_retries)) {
        bool ok = false;
        retries = parser.value(*m_retries).toInt(&ok);
        if (!ok || *retries < 0 || *retries > 100)
            return QStringLiteral("--retries must be between 0 and 100");
    }
    const api::Credentials credentials = api::Credentials::fromEnvironment();
    if (!credentials.isValid())
        return QStringLiteral(
            "no credentials: set CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY");
    client.setBaseUrl(parser.isSet(m_baseUrl) ? QUrl(parser.value(m_baseUrl))
                                              : api::Client::baseUrlFromEnvironment());
    client.setCredentials(credentials);
    if (transferTimeout)
        client.setTransferTimeout(*transferTimeout);
    if (retries)
        client.setMaxPageRetries(*retries);
    QString why;
    if (!client.isUrlAllowed(client.endpointUrl(QStringLiteral("/")), &why))
        return why;
    return {};
}

const QCommandLineOption &ConnectionOptions::quietOption() const
{
    Q_ASSERT(m_quiet);
    return *m_quiet;
}

AuditFilterOptions::AuditFilterOptions()
{
    for (const api::AuditQuery::Field &f : api::AuditQuery::fields()) {
        const QString name = optionName(f.wireKey);
        m_include.append(QCommandLineOption(
            name, QStringLiteral("Audit: only entries with this %1 (repeatable).").arg(name),
            QStringLiteral("VALUE")));
        m_exclude.append(
            QCommandLineOption(QStringLiteral("exclude-") + name,
                               QStringLiteral("Audit: drop entries with this %1 (repeatable).").arg(name),
                               QStringLiteral("VALUE")));
    }
}

void AuditFilterOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions(m_include);
    parser.addOptions(m_exclude);
}

QString AuditFilterOptions::apply(const QCommandLineParser &parser, api::AuditQuery &query) const
{
    const auto &fields = api::AuditQuery::fields();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        api::AuditFilterValues &v = query.*(fields.at(i).member);
        v.include = splitValues(parser.values(m_include.at(i)));
        v.exclude = splitValues(parser.values(m_exclude.at(i)));
        // The entry, actor and token ids are ids like --org (a ray id or a
        // resource id is not: those are passed on as typed).
        static const QList<QByteArray> idFields{"id", "actor_id", "actor_token_id"};
        if (!idFields.contains(QByteArray(fields.at(i).wireKey)))
            continue;
        for (const QString &value : v.include + v.exclude) {
            if (!isPlausibleId(value)) {
                const QString option = v.include.contains(value) ? m_include.at(i).names().first()
                                                                 : m_exclude.at(i).names().first();
                return QStringLiteral("--%1 '%2' is not an id (letters, digits, '-' and '_' only)")
                    .arg(option, value);
            }
        }
    }
    return {};
}

QString usageRange(const QCommandLineParser &parser, const QCommandLineOption &from,
                   const QCommandLineOption &to, QDate *first, QDate *last)
{
    const QDate today = QDate::currentDate();
    *first = parser.isSet(from) ? QDate::fromString(parser.value(from), Qt::ISODate)
                                : QDate(today.year(), today.month(), 1);
    *last = parser.isSet(to) ? QDate::fromString(parser.value(to), Qt::ISODate) : today;
    if (!first->isValid() || !last->isValid())
        return QStringLiteral("--from and --to must be dates (YYYY-MM-DD)");
    if (*last < *first)
        return QStringLiteral("--from must not be after --to");
    return {};
}

TimeZoneOption::TimeZoneOption()
    : m_option(
          QStringLiteral("time-zone"),
          QStringLiteral("CSV times in this zone, with its offset: an IANA id (Europe/Berlin), local or UTC "
                         "(default). Usage days stay UTC."),
          QStringLiteral("ZONE")),
      m_fallback(QTimeZone::utc())
{}

TimeZoneOption::TimeZoneOption(const QString &description, const QTimeZone &fallback)
    : m_option(QStringLiteral("time-zone"), description, QStringLiteral("ZONE")), m_fallback(fallback)
{}

void TimeZoneOption::addTo(QCommandLineParser &parser) const
{
    parser.addOption(m_option);
}

QString TimeZoneOption::apply(const QCommandLineParser &parser, QTimeZone *zone) const
{
    *zone = m_fallback;
    if (!parser.isSet(m_option))
        return {};
    QString choice = parser.value(m_option).trimmed();
    if (choice.compare(QLatin1String("local"), Qt::CaseInsensitive) == 0)
        choice = QStringLiteral("local");
    // Only ids the system's zone database lists: Qt also takes POSIX rule text ("Berlin") as a zone.
    const bool known = choice == QLatin1String("local") ||
                       choice.compare(QLatin1String("UTC"), Qt::CaseInsensitive) == 0 ||
                       QTimeZone::isTimeZoneIdAvailable(choice.toUtf8());
    const QTimeZone named = known ? models::TimeZoneSetting::zoneFor(choice) : QTimeZone();
    if (!named.isValid())
        return QStringLiteral(
                   "--time-zone '%1' is not a time zone (an IANA id such as Europe/Berlin, local or UTC)")
            .arg(choice);
    *zone = named;
    return {};
}

} // namespace app::cli
