#pragma once
// The simulated Cloudflare Organizations API: routing, authentication, rate
// limiting, validation and state changes. Transport-free (HttpRequest in,
// HttpResponse out) so tests can drive it in-process; HttpServer puts it on
// a socket.

#include "auditstore.h"
#include "authenticator.h"
#include "datastore.h"
#include "envelope.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "liveevents.h"
#include "options.h"
#include "orgfaults.h"
#include "querystring.h"
#include "ratelimiter.h"
#include "usagegenerator.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <functional>
#include <memory>

namespace sim {

class Service
{
public:
    explicit Service(const Options &options);

    HttpResponse handle(const HttpRequest &request);

    qint64 now() const; // dataset clock: --now (or start time) plus elapsed time
    const DataStore &store() const { return m_store; }
    const AuditStore &audit() const { return m_audit; }
    qint64 startupMs() const { return m_startupMs; }

private:
    struct Context
    {
        const HttpRequest &request;
        const Principal &principal;
        QueryString query;
        QList<QByteArray> segments; // decoded path segments after /client/v4
    };

    HttpResponse route(Context &c);
    HttpResponse admin(const HttpRequest &request, const QList<QByteArray> &segments);

    HttpResponse listOrganizations(Context &c);
    HttpResponse getOrganization(Context &c, const QByteArray &id);
    HttpResponse createOrganization(Context &c);
    HttpResponse updateOrganization(Context &c, const QByteArray &id);
    HttpResponse deleteOrganization(Context &c, const QByteArray &id);
    HttpResponse listAccounts(Context &c, const QByteArray &orgId);
    HttpResponse getProfile(Context &c, const QByteArray &orgId);
    HttpResponse putProfile(Context &c, const QByteArray &orgId);
    HttpResponse listMembers(Context &c, const QByteArray &orgId);
    HttpResponse getMember(Context &c, const QByteArray &orgId, const QByteArray &memberId);
    HttpResponse createMembers(Context &c, const QByteArray &orgId, bool batch);
    HttpResponse deleteMember(Context &c, const QByteArray &orgId, const QByteArray &memberId);
    HttpResponse auditLogs(Context &c, const QByteArray &orgId);
    HttpResponse usage(Context &c, const QByteArray &orgId);
    HttpResponse verifyToken(Context &c, const QByteArray &accountId);

    // Page-token pagination (REFERENCE §3.1) over `total` items already
    // filtered; `write` serializes item i.
    HttpResponse pageTokenList(const Context &c, const QByteArray &scope, qsizetype total,
                               const std::function<void(JsonWriter &, qsizetype)> &write,
                               bool includeTotal = true);
    std::optional<QJsonObject> jsonBody(const Context &c, ApiError &error) const;
    static std::optional<Profile> parseProfile(const QJsonValue &value, const QString &pointerPrefix,
                                               ApiError &error);
    void record(const Context &c, const QByteArray &orgId, const char *description, const char *type,
                const char *resourceType, const QByteArray &resourceId, int status,
                const QByteArray &requestJson = {}, const QByteArray &responseJson = {});
    QByteArray newId(const char *label);

    Options m_options;
    qint64 m_startNow;
    QElapsedTimer m_clock;
    DataStore m_store;
    AuditStore m_audit;
    Authenticator m_auth;
    RateLimiter m_limiter;
    UsageGenerator m_usage;
    OrgFaults m_orgFaults;              // --org-faults
    std::unique_ptr<LiveEvents> m_live; // --live-events
    quint64 m_idCounter = 0;
    qint64 m_startupMs = 0;
};

} // namespace sim
