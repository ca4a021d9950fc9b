#pragma once
// Options that the headless commands (`orgscope export`, `report`, `watch`)
// share: the id check, the transfer timeout, comma lists, the connection
// options (--base-url, --timeout, --retries, --quiet, --verbose), every audit
// filter (--actor-email, --exclude-actor-email, …) and the usage day range, so
// the commands accept and refuse the same arguments with the same words.

#include "api/auditquery.h"

#include <QCommandLineOption>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

class QCommandLineParser;

namespace api {
class Client;
}

namespace app::cli {

// Ids go into request paths and queries: letters, digits, '-' and '_'
// (which also keeps "." and ".." out).
bool isPlausibleId(const QString &id);
// The transfer timeout in milliseconds; nothing unless a finite 0.001–3600 s.
std::optional<int> timeoutMs(const QString &text);
// "a,b" "c" → a, b, c
QStringList splitValues(const QStringList &values);

// How a headless command reaches the API: --base-url and --timeout, and for
// the commands that page through long listings --retries, --quiet and --verbose.
class ConnectionOptions
{
public:
    // --base-url and --timeout only.
    ConnectionOptions();
    // All five; --retries and --quiet are described in the command's own words.
    ConnectionOptions(const QString &retriesHelp, const QString &quietHelp);
    void addTo(QCommandLineParser &parser) const;
    // Request logs go to stderr only with --verbose.
    void applyLogRules(const QCommandLineParser &parser) const;
    // Checks --timeout and --retries, then sets the client up from them, the
    // credentials in the environment and --base-url (else $CLOUDFLARE_BASE_URL);
    // an error line (usage error) or empty.
    QString configure(const QCommandLineParser &parser, api::Client &client) const;
    // Only for a command constructed with --quiet.
    const QCommandLineOption &quietOption() const;

private:
    QCommandLineOption m_baseUrl;
    QCommandLineOption m_timeout;
    std::optional<QCommandLineOption> m_retries;
    std::optional<QCommandLineOption> m_quiet;
    std::optional<QCommandLineOption> m_verbose;
};

// --<field> and --exclude-<field> for every api::AuditQuery filter.
class AuditFilterOptions
{
public:
    AuditFilterOptions();
    void addTo(QCommandLineParser &parser) const;
    // Fills the query's filters; an error line (usage error) or empty.
    QString apply(const QCommandLineParser &parser, api::AuditQuery &query) const;

private:
    QList<QCommandLineOption> m_include;
    QList<QCommandLineOption> m_exclude;
};

// --from / --to of a usage command (default: this month so far); an error
// line or empty.
QString usageRange(const QCommandLineParser &parser, const QCommandLineOption &from,
                   const QCommandLineOption &to, QDate *first, QDate *last);

// --time-zone ZONE: an IANA id, "local" or "UTC" (models::TimeZoneSetting's
// choices). Not given: UTC, as exports always wrote.
class TimeZoneOption
{
public:
    // The export's option (CSV times; UTC when not given).
    TimeZoneOption();
    // Another command's wording, and the zone taken when the option is not given.
    TimeZoneOption(const QString &description, const QTimeZone &fallback);
    void addTo(QCommandLineParser &parser) const;
    // The zone named, the fallback when not given; an error line (usage error) or empty.
    QString apply(const QCommandLineParser &parser, QTimeZone *zone) const;

private:
    QCommandLineOption m_option;
    QTimeZone m_fallback;
};

} // namespace app::cli
