#include "service.h"

#include "querystring.h"
#include "random.h"
#include "seeder.h"
#include "subtreeseeder.h"
#include "timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

namespace sim {

namespace {
const QByteArray apiPrefix = "/client/v4";

QByteArray base64Url(const QByteArray &raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool isEmail(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return re.match(text).hasMatch();
}

bool matchText(const QString &value, const QueryString &q, const QString &prefix, bool caseSensitiveEquals)
{
    const QString eq = q.value(prefix);
    if (q.contains(prefix) &&
        value.compare(eq, caseSensitiveEquals ? Qt::CaseSensitive : Qt::CaseInsensitive) != 0)
        return false;
    const QString contains = prefix + QStringLiteral(".contains");
    if (q.contains(contains) && !value.contains(q.value(contains), Qt::CaseInsensitive))
        return false;
    const QString starts = prefix + QStringLiteral(".startsWith");
    if (q.contains(starts) && !value.startsWith(q.value(starts), Qt::CaseInsensitive))
        return false;
    const QString ends = prefix + QStringLiteral(".endsWith");
    if (q.contains(ends) && !value.endsWith(q.value(ends), Qt::CaseInsensitive))
        return false;
    return true;
}

// --org-faults: the status faults of --faults, for one organization's endpoints.
HttpResponse orgFaultResponse(int status)
{
    switch (status) {
    case 429: {
        HttpResponse r = Envelope::error(
            429, 971, QStringLiteral("Please wait and consider throttling your request speed"));
        r.headers = {{"Retry-After", "1"}, {"X-Orgscope-Sim-Fault", "org-429"}};
        return r;
    }
    case 408:
        return Envelope::error(408, 1104, QStringLiteral("Request timeout (simulated fault)"));
    case 409:
        return Envelope::error(409, 1105, QStringLiteral("Lock timeout, try again (simulated fault)"));
    case 502:
        return Envelope::error(502, 1102, QStringLiteral("Bad gateway (simulated fault)"));
    case 503:
        return Envelope::error(503, 1103,
                               QStringLiteral("Service temporarily unavailable (simulated fault)"));
    default:
        return Envelope::error(500, 1100, QStringLiteral("Internal server error (simulated fault)"));
    }
}

HttpResponse notFoundOrg()
{
    return Envelope::error(404, 1004, QStringLiteral("Organization not found"));
}

HttpResponse validation(const QString &message, const QString &pointer = {})
{
    return Envelope::error(ApiError{400, 1001, message, pointer});
}

std::optional<bool> parseBool(const QString &text)
{
    if (text == QLatin1String("true"))
        return true;
    if (text == QLatin1String("false"))
        return false;
    return std::nullopt;
}
} // namespace

Service::Service(const Options &options)
    : m_options(options), m_startNow(options.nowMs ? *options.nowMs : QDateTime::currentMSecsSinceEpoch()),
      m_audit(options.seed), m_auth(options, m_startNow),
      m_limiter(options.rateLimitCount, options.rateLimitWindowSeconds, options.xRatelimitHeaders,
                options.rateLimitBlockSeconds, options.ratelimitHeaders),
      m_usage(options.seed, options.usageDays, options.usageCosts, m_startNow)
{
    QElapsedTimer timer;
    timer.start();
    Seeder seeder(options.seed, m_startNow);
    seeder.seedEntities(m_store, options.email);
    seedSubOrganizations(m_store, options.seed, m_startNow, options.subOrgs);
    QString orgFaultError; // validated by Options::parse
    m_orgFaults.configure(options.orgFaults, options.faultSeed, orgFaultError);
    seeder.seedAudit(m_store, m_audit, options.auditEvents);
    m_limiter.forceNext(options.force429);
    if (options.liveEventsPerMinute > 0)
        m_live = std::make_unique<LiveEvents>(m_store, options.seed, seeder.domain(),
                                              options.liveEventsPerMinute, m_startNow);
    m_startupMs = timer.elapsed();
    m_clock.start();
}

qint64 Service::now() const
{
    return m_startNow + m_clock.elapsed();
}

QByteArray Service::newId(const char *label)
{
    return Random::hexId(m_options.seed ^ quint64(m_startNow), label, ++m_idCounter);
}

HttpResponse Service::handle(const HttpRequest &request)
{
    QList<QByteArray> segments;
    for (const QByteArray &s : request.rawPath.split('/')) {
        if (!s.isEmpty())
            segments.append(QueryString::decodeComponent(s, false).toUtf8());
    }
    // The live organization: what arrived since the last request is in the log first.
    if (m_live)
        m_live->advance(now(), m_audit);
    if (!segments.isEmpty() && segments.first() == "__sim")
        return admin(request, segments);
    if (segments.size() < 2 || segments[0] != "client" || segments[1] != "v4") {
        return Envelope::error(
            404, 7003,
            QStringLiteral("Could not route to %1, perhaps your object identifier is invalid?")
                .arg(QString::fromUtf8(request.rawPath)));
    }
    segments.remove(0, 2);

    // Rate limiting counts every call of a credential, including failed ones.
    bool malformed = false;
    QByteArray rateKey = Authenticator::bearerToken(request, malformed);
    if (rateKey.isEmpty())
        rateKey = request.header("X-Auth-Email").toLower();
    if (rateKey.isEmpty())
        rateKey = "anonymous:" + request.remoteAddress.toUtf8();
    const qint64 t = now();
    const RateLimiter::Decision decision = m_limiter.take(rateKey, t);
    HttpResponse response;
    if (!decision.allowed) {
        response = Envelope::error(429, 971,
                                   QStringLiteral("Please wait and consider throttling your request speed"));
    } else {
        ApiError authError;
        const bool isVerify = (segments.size() == 3 && segments[0] == "user" && segments[1] == "tokens" &&
                               segments[2] == "verify") ||
                              (segments.size() == 4 && segments[0] == "accounts" && segments[2] == "tokens" &&
                               segments[3] == "verify");
        std::optional<Principal> principal = m_auth.authenticate(request, authError);
        if (!principal && isVerify && !malformed) {
            // Token verify reports expired tokens instead of rejecting them.
            bool bad = false;
            const auto known = m_auth.lookupToken(Authenticator::bearerToken(request, bad));
            if (known)
                principal = known;
        }
        if (!principal) {
            response = Envelope::error(authError);
        } else {
            Context c{request, *principal, QueryString::parse(request.rawQuery), segments};
            const std::optional<int> orgFault = segments.size() >= 2 && segments[0] == "organizations"
                                                    ? m_orgFaults.roll(segments[1])
                                                    : std::nullopt;
            response = orgFault ? orgFaultResponse(*orgFault) : route(c);
        }
    }
    response.headers += m_limiter.headers(decision, t);
    return response;
}

HttpResponse Service::admin(const HttpRequest &request, const QList<QByteArray> &segments)
{
    // Test hooks outside /client/v4: not authenticated, not rate limited.
    const QueryString q = QueryString::parse(request.rawQuery);
    if (segments.size() == 2 && segments[1] == "force-429" && request.method == "POST") {
        bool ok = false;
        const int n = q.contains(QStringLiteral("count")) ? q.value(QStringLiteral("count")).toInt(&ok) : 1;
        if (q.contains(QStringLiteral("count")) && (!ok || n < 0))
            return validation(QStringLiteral("count: must be a non-negative integer"));
        m_limiter.forceNext(n);
        return HttpResponse::json(200, Envelope::success("{\"forced\":" + QByteArray::number(n) + '}'));
    }
    if (segments.size() == 2 && segments[1] == "org-faults" && request.method == "POST") {
        // Replaces the per-organization faults (no spec: none), e.g. to let a Retry through.
        QString error;
        if (!m_orgFaults.configure(q.value(QStringLiteral("spec")), m_options.faultSeed, error))
            return validation(QStringLiteral("spec: ") + error);
        return HttpResponse::json(
            200, Envelope::success("{\"org_faults\":" + QByteArray(m_orgFaults.isEmpty() ? "0" : "1") + '}'));
    }
    if (segments.size() == 2 && segments[1] == "live-events" && request.method == "POST") {
        // ?pause=true|false, ?count=N: N entries now (tests settle the log with these).
        if (!m_live)
            return validation(QStringLiteral("the simulator runs without --live-events"));
        if (q.contains(QStringLiteral("pause")))
            m_live->setPaused(q.value(QStringLiteral("pause")) == QLatin1String("true"), now());
        bool ok = true;
        const int n = q.contains(QStringLiteral("count")) ? q.value(QStringLiteral("count")).toInt(&ok) : 0;
        if (!ok || n < 0 || n > 100000)
            return validation(QStringLiteral("count: must be an integer in 0..100000"));
        m_live->emitNow(n, now(), m_audit);
        return HttpResponse::json(
            200, Envelope::success("{\"paused\":" + QByteArray(m_live->isPaused() ? "true" : "false") +
                                   ",\"emitted\":" + QByteArray::number(m_live->emitted()) +
                                   ",\"audit_entries\":" + QByteArray::number(m_audit.size()) + '}'));
    }
    if (segments.size() == 2 && segments[1] == "usage-spike" && request.method == "POST") {
        // ?metric=ID&day=YYYY-MM-DD&factor=F: that metric's quantity of every
        // account on that day is multiplied by F (a usage anomaly on demand).
        const QByteArray metric = q.value(QStringLiteral("metric")).toUtf8();
        const auto day = TimeUtil::parse(q.value(QStringLiteral("day")));
        bool ok = false;
        const double factor = q.value(QStringLiteral("factor")).toDouble(&ok);
        if (metric.isEmpty() || !day || !ok || !(factor > 0.0) || factor > 1e6)
            return validation(QStringLiteral("usage-spike: expected metric=ID&day=YYYY-MM-DD&factor=F"));
        m_usage.addSpike(metric, TimeUtil::floorDay(*day), factor);
        return HttpResponse::json(
            200, Envelope::success("{\"spikes\":" + QByteArray::number(m_usage.spikeCount()) + '}'));
    }
    if (segments.size() == 2 && segments[1] == "health" && request.method == "GET")
        return HttpResponse::json(200, Envelope::success("{\"status\":\"ok\",\"audit_entries\":" +
                                                         QByteArray::number(m_audit.size()) + '}'));
    return Envelope::error(404, 7003, QStringLiteral("Unknown simulator hook"));
}

HttpResponse Service::route(Context &c)
{
    const auto &s = c.segments;
    const QByteArray &m = c.request.method;
    auto methodNotAllowed = [&] {
        return Envelope::error(
            405, 7001, QStringLiteral("Method %1 not allowed for this route").arg(QString::fromLatin1(m)));
    };
    const bool isHead = m == "HEAD";
    const bool get = m == "GET" || isHead;

    // Endpoints whose spec security lists only email+key (REFERENCE §2.2).
    auto strictDenied = [&](bool keyOnly) {
        return m_options.strictSecurity && keyOnly && c.principal.isToken();
    };
    auto forbidden = [] {
        return Envelope::error(403, 9109, QStringLiteral("Unauthorized to access requested resource"));
    };

    if (s.size() == 3 && s[0] == "user" && s[1] == "tokens" && s[2] == "verify")
        return get ? verifyToken(c, {}) : methodNotAllowed();
    if (s.size() == 4 && s[0] == "accounts" && s[2] == "tokens" && s[3] == "verify")
        return get ? verifyToken(c, s[1]) : methodNotAllowed();
    if (c.principal.status != "active")
        return Envelope::error(401, 1000, QStringLiteral("Invalid API Token"));

    if (s.isEmpty() || s[0] != "organizations")
        return Envelope::error(
            404, 7003,
            QStringLiteral("Could not route to /%1, perhaps your object identifier is invalid?")
                .arg(QString::fromUtf8(s.join('/'))));
    if (s.size() == 1) {
        if (get)
            return listOrganizations(c);
        if (m == "POST")
            return strictDenied(true) ? forbidden() : createOrganization(c);
        return methodNotAllowed();
    }
    const QByteArray &orgId = s[1];
    if (s.size() == 2) {
        if (strictDenied(true))
            return forbidden();
        if (get)
            return getOrganization(c, orgId);
        if (m == "PUT")
            return updateOrganization(c, orgId);
        if (m == "DELETE")
            return deleteOrganization(c, orgId);
        return methodNotAllowed();
    }
    if (s.size() == 3 && s[2] == "accounts") {
        if (strictDenied(true))
            return forbidden();
        return get ? listAccounts(c, orgId) : methodNotAllowed();
    }
    if (s.size() == 3 && s[2] == "profile") {
        if (strictDenied(true))
            return forbidden();
        if (get)
            return getProfile(c, orgId);
        if (m == "PUT")
            return putProfile(c, orgId);
        return methodNotAllowed();
    }
    if (s.size() == 3 && s[2] == "members") {
        if (strictDenied(true))
            return forbidden();
        if (get)
            return listMembers(c, orgId);
        if (m == "POST")
            return createMembers(c, orgId, false);
        return methodNotAllowed();
    }
    if (s.size() == 3 && s[2] == "members:batchCreate") {
        if (strictDenied(true))
            return forbidden();
        return m == "POST" ? createMembers(c, orgId, true) : methodNotAllowed();
    }
    if (s.size() == 4 && s[2] == "members") {
        if (strictDenied(true))
            return forbidden();
        if (get)
            return getMember(c, orgId, s[3]);
        if (m == "DELETE")
            return deleteMember(c, orgId, s[3]);
        return methodNotAllowed();
    }
    if (s.size() == 4 && s[2] == "logs" && s[3] == "audit")
        return get ? auditLogs(c, orgId) : methodNotAllowed();
    if (s.size() == 4 && s[2] == "billable" && s[3] == "usage")
        return get ? usage(c, orgId) : methodNotAllowed();
    return Envelope::error(
        404, 7003,
        QStringLiteral("Could not route to /%1, perhaps your object identifier is invalid?")
            .arg(QString::fromUtf8(s.join('/'))));
}

HttpResponse Service::pageTokenList(const Context &c, const QByteArray &scope, qsizetype total,
                                    const std::function<void(JsonWriter &, qsizetype)> &write,
                                    bool includeTotal)
{
    const QueryString &q = c.query;
    qsizetype pageSize = 10;
    if (q.contains(QStringLiteral("page_size"))) {
        bool ok = false;
        pageSize = q.value(QStringLiteral("page_size")).toInt(&ok);
        if (!ok || pageSize < 0 || pageSize > 1000)
            return validation(QStringLiteral("page_size: must be an integer between 0 and 1000"));
        if (pageSize == 0)
            pageSize = 10;
    }
    const QByteArray binding = Random::hex(
        Random::hash(QByteArray(scope + '\x1d' +
                                q.canonical({QStringLiteral("page_size"), QStringLiteral("page_token")}))),
        16);
    qsizetype offset = 0;
    if (q.contains(QStringLiteral("page_token"))) {
        const QByteArray raw = QByteArray::fromBase64(q.value(QStringLiteral("page_token")).toLatin1(),
                                                      QByteArray::Base64UrlEncoding);
        const QList<QByteArray> parts = raw.split('.');
        bool ok = false;
        if (parts.size() == 3 && parts[0] == "p1")
            offset = parts[1].toLongLong(&ok);
        if (!ok || offset < 0)
            return Envelope::error(400, 1002, QStringLiteral("page_token is malformed"));
        if (parts[2] != binding)
            return Envelope::error(400, 1002,
                                   QStringLiteral("page_token does not match the request filters"));
    }
    QByteArray result;
    JsonWriter w(result);
    w.beginArray();
    const qsizetype end = qMin(total, offset + pageSize);
    for (qsizetype i = offset; i < end; ++i)
        write(w, i);
    w.endArray();
    QByteArray info;
    JsonWriter iw(info);
    iw.beginObject();
    if (end < total)
        iw.field("next_page_token", base64Url("p1." + QByteArray::number(end) + '.' + binding));
    if (includeTotal)
        iw.field("total_size", qint64(total));
    iw.endObject();
    return HttpResponse::json(200, Envelope::success(result, info));
}

std::optional<QJsonObject> Service::jsonBody(const Context &c, ApiError &error) const
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(c.request.body, &pe);
    if (c.request.body.trimmed().isEmpty()) {
        error = ApiError{400, 1001, QStringLiteral("request body: a JSON object is required"),
                         QStringLiteral("/")};
        return std::nullopt;
    }
    if (pe.error != QJsonParseError::NoError) {
        error = ApiError{400, 1001,
                         QStringLiteral("request body: malformed JSON at offset %1: %2")
                             .arg(pe.offset)
                             .arg(pe.errorString()),
                         QStringLiteral("/")};
        return std::nullopt;
    }
    if (!doc.isObject()) {
        error =
            ApiError{400, 1001, QStringLiteral("request body: must be a JSON object"), QStringLiteral("/")};
        return std::nullopt;
    }
    return doc.object();
}

std::optional<Profile> Service::parseProfile(const QJsonValue &value, const QString &prefix, ApiError &error)
{
    if (!value.isObject()) {
        error = ApiError{400, 1001,
                         QStringLiteral("%1: must be an object")
                             .arg(prefix.isEmpty() ? QStringLiteral("profile") : prefix.mid(1)),
                         prefix.isEmpty() ? QStringLiteral("/") : prefix};
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    Profile p;
    const std::pair<const char *, QString *> fields[] = {{"business_address", &p.businessAddress},
                                                         {"business_email", &p.businessEmail},
                                                         {"business_name", &p.businessName},
                                                         {"business_phone", &p.businessPhone},
                                                         {"external_metadata", &p.externalMetadata}};
    for (const auto &[name, target] : fields) {
        const QString key = QString::fromLatin1(name);
        const QString pointer = prefix + QLatin1Char('/') + key;
        const QString label = pointer.mid(1).replace(QLatin1Char('/'), QLatin1Char('.'));
        if (!o.contains(key)) {
            error = ApiError{400, 1001, label + QStringLiteral(": is required"), pointer};
            return std::nullopt;
        }
        if (!o.value(key).isString()) {
            error = ApiError{400, 1001, label + QStringLiteral(": must be a string"), pointer};
            return std::nullopt;
        }
        *target = o.value(key).toString();
        if (target->size() > 1024) {
            error = ApiError{400, 1001, label + QStringLiteral(": must be at most 1024 characters"), pointer};
            return std::nullopt;
        }
    }
    return p;
}

void Service::record(const Context &c, const QByteArray &orgId, const char *description, const char *type,
                     const char *resourceType, const QByteArray &resourceId, int status,
                     const QByteArray &requestJson, const QByteArray &responseJson)
{
    AuditEvent e;
    e.timeMs = now();
    e.organizationId = orgId;
    e.description = description;
    e.type = type;
    e.resourceType = resourceType;
    e.resourceId = resourceId;
    e.statusCode = status;
    e.method = c.request.method;
    e.uri =
        c.request.rawPath.startsWith(apiPrefix) ? c.request.rawPath.mid(apiPrefix.size()) : c.request.rawPath;
    e.userAgent = c.request.header("User-Agent");
    e.actorIp = c.request.remoteAddress.toUtf8();
    const Principal &p = c.principal;
    if (p.kind == Principal::Kind::AccountToken) {
        e.actorType = "account";
        e.actorId = p.accountId;
    } else {
        const User &u = m_store.users.at(0);
        e.actorType = "user";
        e.actorId = u.id;
        e.actorEmail = u.email.toUtf8();
    }
    e.actorContext = p.kind == Principal::Kind::GlobalKey ? "api_key" : "api_token";
    e.actorTokenId = p.tokenId;
    e.actorTokenName = p.tokenName;
    e.requestJson = requestJson;
    e.responseJson = responseJson;
    m_audit.append(e);
}

// ---- organizations --------------------------------------------------------

HttpResponse Service::listOrganizations(Context &c)
{
    const QueryString &q = c.query;
    const QStringList ids = q.values(QStringLiteral("id"));
    const bool hasParent = q.contains(QStringLiteral("parent.id"));
    const QByteArray parent = q.value(QStringLiteral("parent.id")).toUtf8();
    const QByteArray containsAccount = q.value(QStringLiteral("containing.account")).toUtf8();
    const QByteArray containsOrg = q.value(QStringLiteral("containing.organization")).toUtf8();
    const QString containsUser = q.value(QStringLiteral("containing.user"));

    QList<const Organization *> matches;
    for (const Organization &o : m_store.organizations) {
        if (!ids.isEmpty() && !ids.contains(QString::fromUtf8(o.id)))
            continue;
        if (!matchText(o.name, q, QStringLiteral("name"), true))
            continue;
        if (hasParent &&
            !((parent == "null" || parent.isEmpty()) ? o.parentId.isEmpty() : o.parentId == parent))
            continue;
        if (q.contains(QStringLiteral("containing.account"))) {
            const Account *a = m_store.account(containsAccount);
            if (!a || !m_store.isAncestorOrSelf(o.id, a->organizationId))
                continue;
        }
        if (q.contains(QStringLiteral("containing.organization")) &&
            !m_store.isAncestorOrSelf(o.id, containsOrg))
            continue;
        if (q.contains(QStringLiteral("containing.user"))) {
            bool found = false;
            for (const Member &m : m_store.members) {
                const User &u = m_store.users.at(m.userIndex);
                if ((QString::fromUtf8(u.id) == containsUser ||
                     u.email.compare(containsUser, Qt::CaseInsensitive) == 0) &&
                    m_store.isAncestorOrSelf(o.id, m.organizationId)) {
                    found = true;
                    break;
                }
            }
            if (!found)
                continue;
        }
        matches.append(&o);
    }
    std::stable_sort(matches.begin(), matches.end(), [](const Organization *a, const Organization *b) {
        return a->createMs != b->createMs ? a->createMs < b->createMs : a->id < b->id;
    });
    return pageTokenList(c, "organizations", matches.size(), [&](JsonWriter &w, qsizetype i) {
        m_store.writeOrganization(w, *matches[i], m_options.legacyMetaFlags);
    });
}

HttpResponse Service::getOrganization(Context &, const QByteArray &id)
{
    const Organization *o = m_store.organization(id);
    if (!o)
        return notFoundOrg();
    QByteArray out;
    JsonWriter w(out);
    m_store.writeOrganization(w, *o, m_options.legacyMetaFlags);
    return HttpResponse::json(200, Envelope::success(out));
}

HttpResponse Service::createOrganization(Context &c)
{
    ApiError error;
    const auto body = jsonBody(c, error);
    if (!body)
        return Envelope::error(error);
    const QJsonValue nameValue = body->value(QStringLiteral("name"));
    if (nameValue.isUndefined() || nameValue.isNull())
        return validation(QStringLiteral("name: is required"), QStringLiteral("/name"));
    if (!nameValue.isString())
        return validation(QStringLiteral("name: must be a string"), QStringLiteral("/name"));
    const QString name = nameValue.toString();
    if (name.trimmed().isEmpty())
        return validation(QStringLiteral("name: must not be empty"), QStringLiteral("/name"));
    if (name.size() > 100)
        return validation(QStringLiteral("name: must be at most 100 characters"), QStringLiteral("/name"));

    QByteArray parentId;
    if (body->contains(QStringLiteral("parent")) && !body->value(QStringLiteral("parent")).isNull()) {
        const QJsonValue parent = body->value(QStringLiteral("parent"));
        if (!parent.isObject())
            return validation(QStringLiteral("parent: must be an object"), QStringLiteral("/parent"));
        const QJsonValue pid = parent.toObject().value(QStringLiteral("id"));
        if (!pid.isString() || pid.toString().isEmpty())
            return validation(QStringLiteral("parent.id: is required and must be a string"),
                              QStringLiteral("/parent/id"));
        parentId = pid.toString().toUtf8();
    }
    std::optional<Profile> profile;
    if (body->contains(QStringLiteral("profile")) && !body->value(QStringLiteral("profile")).isNull()) {
        profile = parseProfile(body->value(QStringLiteral("profile")), QStringLiteral("/profile"), error);
        if (!profile)
            return Envelope::error(error);
    }
    const Organization *parent = nullptr;
    if (!parentId.isEmpty()) {
        parent = m_store.organization(parentId);
        if (!parent)
            return Envelope::error(ApiError{
                404, 1004,
                QStringLiteral("Organization not found: parent.id %1").arg(QString::fromUtf8(parentId)),
                QStringLiteral("/parent/id")});
        if (parent->flag("sub_org_creation") != "enabled")
            return Envelope::error(
                403, 1006, QStringLiteral("Sub-organization creation is not enabled for this organization"));
    }

    Organization o;
    o.id = newId("org");
    o.name = name;
    o.createMs = now();
    o.parentId = parentId;
    o.profile = profile;
    const int depth = parent ? int(m_store.hierarchy(parentId).size()) : 0;
    const QByteArray on = "enabled", off = "disabled";
    o.tenantFlags = {{"account_creation", on},  {"account_creation_applies_tenant_defaults", off},
                     {"account_deletion", off}, {"account_migration", on},
                     {"account_mobility", on},  {"enterprise_capability", on},
                     {"member_management", on}, {"sub_org_creation", depth < 2 ? on : off}};
    m_store.organizations.append(o);
    // The creator becomes a Super Administrator of the new organization.
    if (c.principal.kind != Principal::Kind::AccountToken) {
        const qint64 t = now();
        m_store.members.append(Member{newId("member"), o.id, 0, "active", t, t});
    }
    QByteArray out;
    JsonWriter w(out);
    m_store.writeOrganization(w, m_store.organizations.last(), m_options.legacyMetaFlags);
    record(c, o.id, "Create organization", "create", "organization", o.id, 200, c.request.body.simplified(),
           "{\"id\":\"" + o.id + "\"}");
    return HttpResponse::json(200, Envelope::success(out));
}

HttpResponse Service::updateOrganization(Context &c, const QByteArray &id)
{
    Organization *o = m_store.organization(id);
    if (!o)
        return notFoundOrg();
    ApiError error;
    const auto body = jsonBody(c, error);
    if (!body)
        return Envelope::error(error);
    const QJsonValue nameValue = body->value(QStringLiteral("name"));
    if (nameValue.isUndefined() || nameValue.isNull())
        return validation(QStringLiteral("name: is required"), QStringLiteral("/name"));
    if (!nameValue.isString())
        return validation(QStringLiteral("name: must be a string"), QStringLiteral("/name"));
    const QString name = nameValue.toString();
    if (name.trimmed().isEmpty())
        return validation(QStringLiteral("name: must not be empty"), QStringLiteral("/name"));
    if (name.size() > 100)
        return validation(QStringLiteral("name: must be at most 100 characters"), QStringLiteral("/name"));
    // Only renames are honoured (REFERENCE §4.4); parent/profile are ignored.
    o->name = name;
    QByteArray out;
    JsonWriter w(out);
    m_store.writeOrganization(w, *o, m_options.legacyMetaFlags);
    QByteArray req;
    JsonWriter(req).beginObject().field("name", name).endObject();
    record(c, id, "Modify organization", "update", "organization", id, 200, req);
    return HttpResponse::json(200, Envelope::success(out));
}

HttpResponse Service::deleteOrganization(Context &c, const QByteArray &id)
{
    const Organization *o = m_store.organization(id);
    if (!o)
        return notFoundOrg();
    const Organization *root = m_store.organization(m_store.rootOf(id));
    if (o->flag("enterprise_capability") != "enabled" &&
        (!root || root->flag("enterprise_capability") != "enabled"))
        return Envelope::error(
            403, 1007, QStringLiteral("Organization deletion is restricted to enterprise organizations"));
    const int children = m_store.childCount(id);
    const int accounts = m_store.accountCount(id);
    int members = 0;
    for (const Member &m : m_store.members) {
        if (m.organizationId == id && (m_options.countOwnMembership || m.userIndex != 0))
            ++members;
    }
    if (children + accounts + members > 0) {
        QStringList parts;
        if (children)
            parts << QStringLiteral("%1 sub-organization(s)").arg(children);
        if (accounts)
            parts << QStringLiteral("%1 account(s)").arg(accounts);
        if (members)
            parts << QStringLiteral("%1 member(s)").arg(members);
        QString list = parts.join(QStringLiteral(", "));
        const qsizetype lastComma = list.lastIndexOf(QStringLiteral(", "));
        if (lastComma >= 0)
            list.replace(lastComma, 2, QStringLiteral(" and "));
        return Envelope::error(
            400, 1005,
            QStringLiteral("Organization must be empty before it can be deleted: it still contains ") + list);
    }
    m_store.members.removeIf([&](const Member &m) { return m.organizationId == id; });
    m_store.organizations.removeIf([&](const Organization &org) { return org.id == id; });
    const QByteArray result = "{\"id\":\"" + id + "\"}";
    record(c, id, "Delete organization", "delete", "organization", id, 200);
    return HttpResponse::json(200, Envelope::success(result));
}

// ---- accounts & profile ---------------------------------------------------

HttpResponse Service::listAccounts(Context &c, const QByteArray &orgId)
{
    if (!m_store.organization(orgId))
        return notFoundOrg();
    const QueryString &q = c.query;
    bool descending = false;
    bool ordered = false;
    if (q.contains(QStringLiteral("order_by"))) {
        if (q.value(QStringLiteral("order_by")) != QLatin1String("account_name"))
            return validation(QStringLiteral("order_by: must be account_name"));
        ordered = true;
    }
    if (q.contains(QStringLiteral("direction"))) {
        const QString d = q.value(QStringLiteral("direction"));
        if (d != QLatin1String("asc") && d != QLatin1String("desc"))
            return validation(QStringLiteral("direction: must be one of asc, desc"));
        descending = d == QLatin1String("desc");
    }
    bool includeTags = false;
    bool includeTotal = true;
    if (q.contains(QStringLiteral("include_tags"))) {
        const auto b = parseBool(q.value(QStringLiteral("include_tags")));
        if (!b)
            return validation(QStringLiteral("include_tags: must be true or false"));
        includeTags = *b;
    }
    if (q.contains(QStringLiteral("include_total"))) {
        const auto b = parseBool(q.value(QStringLiteral("include_total")));
        if (!b)
            return validation(QStringLiteral("include_total: must be true or false"));
        includeTotal = *b;
    }
    QList<const Account *> matches;
    for (const Account &a : m_store.accounts) {
        if (a.organizationId != orgId)
            continue;
        const QString name = a.name.value_or(QString());
        if (!matchText(name, q, QStringLiteral("name"), false) ||
            !matchText(name, q, QStringLiteral("account_pubname"), false))
            continue;
        matches.append(&a);
    }
    if (ordered) {
        std::stable_sort(matches.begin(), matches.end(), [&](const Account *a, const Account *b) {
            const int cmp =
                a->name.value_or(QString()).compare(b->name.value_or(QString()), Qt::CaseInsensitive);
            return descending ? cmp > 0 : cmp < 0;
        });
    } else {
        std::stable_sort(matches.begin(), matches.end(),
                         [](const Account *a, const Account *b) { return a->id < b->id; });
    }
    return pageTokenList(
        c, "accounts:" + orgId, matches.size(),
        [&](JsonWriter &w, qsizetype i) { DataStore::writeAccount(w, *matches[i], includeTags); },
        includeTotal);
}

HttpResponse Service::getProfile(Context &, const QByteArray &orgId)
{
    const Organization *o = m_store.organization(orgId);
    if (!o)
        return notFoundOrg();
    if (!o->profile)
        return Envelope::error(404, 1008, QStringLiteral("Organization profile not found"));
    QByteArray out;
    JsonWriter w(out);
    DataStore::writeProfile(w, *o->profile);
    return HttpResponse::json(200, Envelope::success(out));
}

HttpResponse Service::putProfile(Context &c, const QByteArray &orgId)
{
    Organization *o = m_store.organization(orgId);
    if (!o)
        return notFoundOrg();
    ApiError error;
    const auto body = jsonBody(c, error);
    if (!body)
        return Envelope::error(error);
    const auto profile = parseProfile(*body, QString(), error);
    if (!profile)
        return Envelope::error(error);
    o->profile = profile;
    QByteArray req;
    JsonWriter w(req);
    DataStore::writeProfile(w, *profile);
    record(c, orgId, "Modify organization profile", "update", "profile", orgId, 204, req);
    return HttpResponse::noContent();
}

// ---- members --------------------------------------------------------------

HttpResponse Service::listMembers(Context &c, const QByteArray &orgId)
{
    if (!m_store.organization(orgId))
        return notFoundOrg();
    const QueryString &q = c.query;
    static const QStringList known{QStringLiteral("active"), QStringLiteral("pending"),
                                   QStringLiteral("rejected"), QStringLiteral("canceled")};
    const QStringList statuses = q.values(QStringLiteral("status"));
    for (const QString &s : statuses) {
        if (!known.contains(s))
            return validation(
                QStringLiteral("status: invalid value '%1' (allowed: active, pending, rejected, canceled)")
                    .arg(s));
    }
    QList<const Member *> matches;
    for (const Member &m : m_store.members) {
        if (m.organizationId != orgId)
            continue;
        if (!statuses.isEmpty() && !statuses.contains(QString::fromLatin1(m.status)))
            continue;
        if (!matchText(m_store.users.at(m.userIndex).email, q, QStringLiteral("user.email"), false))
            continue;
        matches.append(&m);
    }
    std::stable_sort(matches.begin(), matches.end(), [](const Member *a, const Member *b) {
        return a->createMs != b->createMs ? a->createMs < b->createMs : a->id < b->id;
    });
    return pageTokenList(c, "members:" + orgId, matches.size(),
                         [&](JsonWriter &w, qsizetype i) { m_store.writeMember(w, *matches[i]); });
}

HttpResponse Service::getMember(Context &, const QByteArray &orgId, const QByteArray &memberId)
{
    if (!m_store.organization(orgId))
        return notFoundOrg();
    const Member *m = m_store.member(orgId, memberId);
    if (!m)
        return Envelope::error(404, 1010, QStringLiteral("Member not found"));
    QByteArray out;
    JsonWriter w(out);
    m_store.writeMember(w, *m);
    return HttpResponse::json(200, Envelope::success(out));
}

HttpResponse Service::createMembers(Context &c, const QByteArray &orgId, bool batch)
{
    if (!m_store.organization(orgId))
        return notFoundOrg();
    ApiError error;
    const auto body = jsonBody(c, error);
    if (!body)
        return Envelope::error(error);

    struct Wanted
    {
        QString email;
        QByteArray status;
    };
    QList<Wanted> wanted;
    // One CreateSingleMember: {user:{email}, status?}; `at` is its JSON pointer.
    auto parseOne = [&](const QJsonValue &v, const QString &at) -> std::optional<Wanted> {
        const QString label = at.mid(1).replace(QLatin1Char('/'), QLatin1Char('.'));
        if (!v.isObject()) {
            error = ApiError{400, 1001, label + QStringLiteral(": must be an object"), at};
            return std::nullopt;
        }
        const QJsonObject o = v.toObject();
        const QJsonValue user = o.value(QStringLiteral("user"));
        if (!user.isObject()) {
            error = ApiError{400, 1001, label + QStringLiteral(".user: is required and must be an object"),
                             at + QStringLiteral("/user")};
            return std::nullopt;
        }
        const QJsonValue email = user.toObject().value(QStringLiteral("email"));
        if (!email.isString() || email.toString().trimmed().isEmpty()) {
            error = ApiError{400, 1001, label + QStringLiteral(".user.email: is required"),
                             at + QStringLiteral("/user/email")};
            return std::nullopt;
        }
        if (!isEmail(email.toString().trimmed()) || email.toString().size() > 254) {
            error = ApiError{400, 1001, label + QStringLiteral(".user.email: invalid e-mail address"),
                             at + QStringLiteral("/user/email")};
            return std::nullopt;
        }
        QByteArray status = "pending";
        if (o.contains(QStringLiteral("status")) && !o.value(QStringLiteral("status")).isNull()) {
            const QString s = o.value(QStringLiteral("status")).toString();
            if (s != QLatin1String("active") && s != QLatin1String("canceled")) {
                error = ApiError{400, 1001, label + QStringLiteral(".status: must be active or canceled"),
                                 at + QStringLiteral("/status")};
                return std::nullopt;
            }
            status = s.toUtf8();
        }
        return Wanted{email.toString().trimmed(), status};
    };
    if (batch) {
        const QJsonValue list = body->value(QStringLiteral("members"));
        if (!list.isArray() || list.toArray().isEmpty())
            return validation(QStringLiteral("members: must be a non-empty array"),
                              QStringLiteral("/members"));
        if (list.toArray().size() > 100)
            return validation(QStringLiteral("members: at most 100 members per batch"),
                              QStringLiteral("/members"));
        const QJsonArray arr = list.toArray();
        for (qsizetype i = 0; i < arr.size(); ++i) {
            const auto w = parseOne(arr.at(i), QStringLiteral("/members/%1").arg(i));
            if (!w)
                return Envelope::error(error);
            wanted.append(*w);
        }
    } else {
        const auto w = parseOne(body->value(QStringLiteral("member")), QStringLiteral("/member"));
        if (!w)
            return Envelope::error(error);
        wanted.append(*w);
    }
    // Duplicates: an active/pending membership, or the same e-mail twice in one batch.
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            if (wanted[j].email.compare(wanted[i].email, Qt::CaseInsensitive) == 0)
                return Envelope::error(ApiError{400, 1009,
                                                QStringLiteral("A membership for this e-mail already exists"),
                                                batch ? QStringLiteral("/members/%1/user/email").arg(i)
                                                      : QStringLiteral("/member/user/email")});
        }
        for (const Member &m : m_store.members) {
            if (m.organizationId == orgId && (m.status == "active" || m.status == "pending") &&
                m_store.users.at(m.userIndex).email.compare(wanted[i].email, Qt::CaseInsensitive) == 0)
                return Envelope::error(ApiError{400, 1009,
                                                QStringLiteral("A membership for this e-mail already exists"),
                                                batch ? QStringLiteral("/members/%1/user/email").arg(i)
                                                      : QStringLiteral("/member/user/email")});
        }
    }
    QByteArray out;
    JsonWriter w(out);
    if (batch)
        w.beginArray();
    for (const Wanted &want : wanted) {
        int userIndex = m_store.userByEmail(want.email);
        if (userIndex < 0) {
            m_store.users.append(User{newId("user"), want.email, QString(), false});
            userIndex = int(m_store.users.size() - 1);
        }
        const qint64 t = now();
        const Member m{newId("member"), orgId, userIndex, want.status, t, t};
        m_store.members.append(m);
        m_store.writeMember(w, m);
        QByteArray req;
        JsonWriter rw(req);
        rw.beginObject()
            .key("member")
            .beginObject()
            .key("user")
            .beginObject()
            .field("email", want.email)
            .endObject();
        rw.field("status", want.status).endObject().endObject();
        record(c, orgId, "Create organization member", "create", "member", m.id, 200, req,
               "{\"id\":\"" + m.id + "\",\"status\":\"" + m.status + "\"}");
    }
    if (batch)
        w.endArray();
    return HttpResponse::json(200, Envelope::success(out));
}

HttpResponse Service::deleteMember(Context &c, const QByteArray &orgId, const QByteArray &memberId)
{
    if (!m_store.organization(orgId))
        return notFoundOrg();
    if (!c.request.body.trimmed().isEmpty()) {
        ApiError error;
        const auto body = jsonBody(c, error);
        if (!body)
            return Envelope::error(error);
        const QJsonValue id = body->value(QStringLiteral("member_id"));
        if (!id.isUndefined() && (!id.isString() || id.toString().toUtf8() != memberId))
            return validation(QStringLiteral("member_id: does not match the member id in the path"),
                              QStringLiteral("/member_id"));
    }
    if (!m_store.member(orgId, memberId))
        return Envelope::error(404, 1010, QStringLiteral("Member not found"));
    m_store.members.removeIf([&](const Member &m) { return m.organizationId == orgId && m.id == memberId; });
    record(c, orgId, "Delete organization member", "delete", "member", memberId, 204);
    return HttpResponse::noContent();
}

// ---- audit, usage, tokens -------------------------------------------------

HttpResponse Service::auditLogs(Context &c, const QByteArray &orgId)
{
    if (!m_store.organization(orgId))
        return Envelope::auditError(404, QStringLiteral("Organization not found"));
    return m_audit.list(orgId, c.query, m_options.cursorStyle, m_options.ignorePositiveFilters);
}

HttpResponse Service::usage(Context &c, const QByteArray &orgId)
{
    const QueryString &q = c.query;
    const bool hasFrom = q.contains(QStringLiteral("from"));
    const bool hasTo = q.contains(QStringLiteral("to"));
    const qint64 today = TimeUtil::floorDay(now());
    qint64 from = 0, to = 0;
    if (hasFrom != hasTo)
        return Envelope::usageError(400, 1001,
                                    hasFrom ? QStringLiteral("to: is required when from is given")
                                            : QStringLiteral("from: is required when to is given"));
    if (!hasFrom) {
        int y;
        unsigned m, d;
        TimeUtil::civilFromDays(today / TimeUtil::DayMs, y, m, d);
        from = TimeUtil::daysFromCivil(y, m, 1) * TimeUtil::DayMs;
        to = today;
    } else {
        const auto f = TimeUtil::parse(q.value(QStringLiteral("from")));
        if (!f)
            return Envelope::usageError(400, 1001,
                                        QStringLiteral("from: expected an ISO 8601 date (YYYY-MM-DD)"));
        const auto t = TimeUtil::parse(q.value(QStringLiteral("to")));
        if (!t)
            return Envelope::usageError(400, 1001,
                                        QStringLiteral("to: expected an ISO 8601 date (YYYY-MM-DD)"));
        from = TimeUtil::floorDay(*f);
        to = TimeUtil::floorDay(*t);
        if (to < from)
            return Envelope::usageError(400, 1001, QStringLiteral("to: must not be before from"));
        if ((to - from) / TimeUtil::DayMs + 1 > 31)
            return Envelope::usageError(
                400, 1001, QStringLiteral("date range between from and to must not exceed 31 days"));
    }
    // --usage-to exclusive: the `to` day itself is left out (REFERENCE §9 item 11 leaves it open).
    const bool empty = hasFrom && m_options.usageToExclusive && to == from;
    if (hasFrom && m_options.usageToExclusive)
        to -= TimeUtil::DayMs;
    // Unknown organizations get an empty result, never a 404 (REFERENCE §4.14).
    QByteArray out = "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":";
    if (!empty && m_store.organization(orgId))
        m_usage.appendRecords(out, m_store, orgId, from, to, q.value(QStringLiteral("metric")).toUtf8(),
                              m_options.usageIncludesSubOrgs);
    else
        out += "[]";
    out += '}';
    return HttpResponse::json(200, std::move(out));
}

HttpResponse Service::verifyToken(Context &c, const QByteArray &accountId)
{
    const Principal &p = c.principal;
    const bool wantAccount = !accountId.isEmpty();
    const bool isAccountToken = p.kind == Principal::Kind::AccountToken;
    if (!p.isToken() || wantAccount != isAccountToken || (wantAccount && p.accountId != accountId))
        return Envelope::error(401, 1000, QStringLiteral("Invalid API Token"));
    QByteArray result;
    JsonWriter w(result);
    w.beginObject().field("id", p.tokenId).field("status", p.status);
    if (p.notBeforeMs)
        w.key("not_before").value(TimeUtil::rfc3339(p.notBeforeMs));
    if (p.expiresOnMs)
        w.key("expires_on").value(TimeUtil::rfc3339(p.expiresOnMs));
    w.endObject();
    const QByteArray message = p.status == "active" ? QByteArray("This API Token is valid and active")
                                                    : QByteArray("This API Token is " + p.status);
    return HttpResponse::json(
        200,
        Envelope::success(result, {}, "[{\"code\":10000,\"message\":\"" + message + "\",\"type\":null}]"));
}

} // namespace sim
