#include "options.h"

#include "faultinjector.h"
#include "liveevents.h"
#include "orgfaults.h"
#include "timeutil.h"

#include <QCommandLineParser>
#include <QHostAddress>
#include <QRegularExpression>

namespace sim {

std::optional<Options> Options::parse(const QStringList &arguments, QString &message, bool &helpRequested)
{
    helpRequested = false;
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("orgscope-sim: a local, stateful Cloudflare Organizations API simulator."));
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("TCP port, 0 = any free port (default 8787)."),
                                  QStringLiteral("N"));
    const QCommandLineOption host(QStringLiteral("host"),
                                  QStringLiteral("Listen address (default 127.0.0.1)."),
                                  QStringLiteral("ADDR"));
    const QCommandLineOption allowRemote(QStringLiteral("allow-remote"),
                                         QStringLiteral("Allow a non-loopback --host."));
    const QCommandLineOption token(
        QStringLiteral("token"),
        QStringLiteral("Accepted user API token (repeatable; default orgscope-demo-token)."),
        QStringLiteral("T"));
    const QCommandLineOption accountToken(QStringLiteral("account-token"),
                                          QStringLiteral("Accepted account-owned token (repeatable)."),
                                          QStringLiteral("T:ACCOUNT_ID"));
    const QCommandLineOption expiredToken(QStringLiteral("expired-token"),
                                          QStringLiteral("A known but expired token (repeatable)."),
                                          QStringLiteral("T"));
    const QCommandLineOption email(QStringLiteral("email"),
                                   QStringLiteral("Accepted X-Auth-Email (default demo@orgscope.test)."),
                                   QStringLiteral("E"));
    const QCommandLineOption key(QStringLiteral("key"),
                                 QStringLiteral("Accepted X-Auth-Key (default orgscope-demo-key)."),
                                 QStringLiteral("K"));
    const QCommandLineOption strict(QStringLiteral("strict-security"),
                                    QStringLiteral("403 for Bearer tokens on email+key-only endpoints."));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Dataset seed (default 1)."),
                                  QStringLiteral("N"));
    // Issue 20: the answers the real API does not document.
    const QCommandLineOption opaqueCodes(
        QStringLiteral("opaque-error-codes"),
        QStringLiteral("Replace every invented error code with a random number per run and reword its "
                       "message (REFERENCE §8.3): a client must not decide on them."));
    const QCommandLineOption usageTo(QStringLiteral("usage-to"),
                                     QStringLiteral("Usage 'to' bound: inclusive (default) or exclusive."),
                                     QStringLiteral("MODE"));
    // Issue 24: roll-up across the organization tree.
    const QCommandLineOption subOrgs(
        QStringLiteral("sub-orgs"),
        QStringLiteral("Seed a tree of N more organizations (depth >= 3) under the main root, each with "
                       "accounts, members, audit and usage."),
        QStringLiteral("N"));
    const QCommandLineOption usageScope(
        QStringLiteral("usage-scope"),
        QStringLiteral("A parent's usage answer: subtree (default, includes its sub-organizations' accounts) "
                       "or own (its own accounts only)."),
        QStringLiteral("SCOPE"));
    const QCommandLineOption orgFaults(
        QStringLiteral("org-faults"),
        QStringLiteral("Faults for one organization's endpoints: ORGID:KIND[:RATE|:xN],... (KIND 408, 409, "
                       "429, 500, 502, 503; RATE 0..1, default 1; xN: the first N requests only)."),
        QStringLiteral("SPEC"));
    p.addOptions({subOrgs, usageScope, orgFaults});
    const QCommandLineOption liveEvents(
        QStringLiteral("live-events"),
        QStringLiteral("New audit entries keep arriving at RATE on average, e.g. 30/min, 2/s, 120/h (the "
                       "seeded mix: failures, deletions, batch invites with one timestamp)."),
        QStringLiteral("RATE"));
    p.addOptions({opaqueCodes, usageTo, liveEvents});
    const QCommandLineOption audit(QStringLiteral("audit-events"),
                                   QStringLiteral("Seeded audit entries (default 20000)."),
                                   QStringLiteral("N"));
    const QCommandLineOption usageDays(QStringLiteral("usage-days"),
                                       QStringLiteral("Days of seeded usage (default 400)."),
                                       QStringLiteral("N"));
    const QCommandLineOption usageCosts(QStringLiteral("usage-costs"),
                                        QStringLiteral("Fill FOCUS cost and pricing columns (USD)."));
    const QCommandLineOption now(QStringLiteral("now"),
                                 QStringLiteral("Pin the dataset clock (RFC 3339), for reproducible tests."),
                                 QStringLiteral("TIME"));
    const QCommandLineOption legacy(
        QStringLiteral("legacy-meta-flags"),
        QStringLiteral("Emit the older meta.flags shape instead of tenant_flags."));
    const QCommandLineOption ownMembership(
        QStringLiteral("count-own-membership"),
        QStringLiteral("The caller's own membership blocks organization deletion."));
    const QCommandLineOption cursorStyle(
        QStringLiteral("cursor-style"),
        QStringLiteral("Audit cursor field: flat, after or both (default flat)."), QStringLiteral("STYLE"));
    const QCommandLineOption ignorePositive(
        QStringLiteral("ignore-positive-filters"),
        QStringLiteral("Audit filters without .not are validated, then not applied."));
    const QCommandLineOption rateLimit(QStringLiteral("rate-limit"),
                                       QStringLiteral("Token bucket per credential (default 1200/300)."),
                                       QStringLiteral("N/SECONDS"));
    const QCommandLineOption rateLimitBlock(
        QStringLiteral("rate-limit-block"),
        QStringLiteral("Documented behaviour: N requests per fixed window, then every call 429 for SECONDS "
                       "(Retry-After the rest of the block)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption noRatelimitHeaders(
        QStringLiteral("no-ratelimit-headers"),
        QStringLiteral("Send no Ratelimit / Ratelimit-Policy headers (only Retry-After on 429)."));
    const QCommandLineOption xRatelimit(QStringLiteral("x-ratelimit-headers"),
                                        QStringLiteral("Also send x-ratelimit-limit/remaining/reset."));
    const QCommandLineOption force429(QStringLiteral("force-429"),
                                      QStringLiteral("Answer the next N API calls with 429."),
                                      QStringLiteral("N"));
    const QCommandLineOption faults(
        QStringLiteral("faults"),
        QStringLiteral(
            "Fault injection, e.g. 500:0.1,reset:0.02,truncate:0.02,latency:50ms. Kinds: 408, "
            "409, 429, 500, 502, "
            "503, reset, reset-after-write, truncate, nonjson, malformed, stall (rates 0..1) and latency "
            "(fixed delay)."),
        QStringLiteral("SPEC"));
    const QCommandLineOption faultSeed(QStringLiteral("fault-seed"),
                                       QStringLiteral("Fault dice seed (default 1)."), QStringLiteral("N"));
    const QCommandLineOption stallMs(
        QStringLiteral("stall-ms"),
        QStringLiteral("How long a 'stall' fault holds the body (default 90000)."), QStringLiteral("MS"));
    p.addOptions({help,
                  port,
                  host,
                  allowRemote,
                  token,
                  accountToken,
                  expiredToken,
                  email,
                  key,
                  strict,
                  seed,
                  audit,
                  usageDays,
                  usageCosts,
                  now,
                  legacy,
                  ownMembership,
                  cursorStyle,
                  rateLimit,
                  xRatelimit,
                  force429,
                  faults,
                  faultSeed,
                  stallMs,
                  rateLimitBlock,
                  noRatelimitHeaders,
                  ignorePositive});

    if (!p.parse(QStringList{QStringLiteral("orgscope-sim")} + arguments)) {
        message = p.errorText();
        return std::nullopt;
    }
    if (p.isSet(help)) {
        helpRequested = true;
        message = p.helpText();
        return std::nullopt;
    }
    if (!p.positionalArguments().isEmpty()) {
        message = QStringLiteral("unexpected argument: ") + p.positionalArguments().constFirst();
        return std::nullopt;
    }

    Options o;
    auto number = [&](const QCommandLineOption &opt, qint64 lo, qint64 hi, qint64 &out) {
        if (!p.isSet(opt))
            return true;
        bool ok = false;
        const qint64 v = p.value(opt).toLongLong(&ok);
        if (!ok || v < lo || v > hi) {
            message = QStringLiteral("--%1: expected an integer in %2..%3")
                          .arg(opt.names().constFirst())
                          .arg(lo)
                          .arg(hi);
            return false;
        }
        out = v;
        return true;
    };
    qint64 v = o.port;
    if (!number(port, 0, 65535, v))
        return std::nullopt;
    o.port = int(v);
    v = qint64(o.seed);
    if (!number(seed, 0, std::numeric_limits<qint64>::max(), v))
        return std::nullopt;
    o.seed = quint64(v);
    if (!number(audit, 0, 20000000, o.auditEvents))
        return std::nullopt;
    v = o.usageDays;
    if (!number(usageDays, 1, 3660, v))
        return std::nullopt;
    o.usageDays = int(v);
    v = 0;
    if (!number(force429, 0, 1000000, v))
        return std::nullopt;
    o.force429 = int(v);
    v = 0;
    if (!number(rateLimitBlock, 1, 86400, v))
        return std::nullopt;
    o.rateLimitBlockSeconds = int(v);
    o.ratelimitHeaders = !p.isSet(noRatelimitHeaders);
    v = qint64(o.faultSeed);
    if (!number(faultSeed, 0, std::numeric_limits<qint64>::max(), v))
        return std::nullopt;
    o.faultSeed = quint64(v);
    v = o.stallMs;
    if (!number(stallMs, 0, 3600000, v))
        return std::nullopt;
    o.stallMs = int(v);
    o.opaqueErrorCodes = p.isSet(opaqueCodes);
    v = 0;
    if (!number(subOrgs, 0, 1000, v))
        return std::nullopt;
    o.subOrgs = int(v);
    if (p.isSet(usageScope)) {
        const QString scope = p.value(usageScope);
        if (scope != QLatin1String("subtree") && scope != QLatin1String("own")) {
            message = QStringLiteral("--usage-scope: expected subtree or own");
            return std::nullopt;
        }
        o.usageIncludesSubOrgs = scope == QLatin1String("subtree");
    }
    if (p.isSet(orgFaults)) {
        o.orgFaults = p.value(orgFaults);
        QString error;
        if (!OrgFaults::parse(o.orgFaults, nullptr, error)) {
            message = QStringLiteral("--org-faults: ") + error;
            return std::nullopt;
        }
    }
    if (p.isSet(liveEvents)) {
        const auto rate = LiveEvents::parseRate(p.value(liveEvents));
        if (!rate) {
            message = QStringLiteral("--live-events: expected N/s, N/min or N/h with N > 0, e.g. 30/min");
            return std::nullopt;
        }
        o.liveEventsPerMinute = *rate;
    }
    if (p.isSet(usageTo)) {
        if (p.value(usageTo) == QLatin1String("inclusive"))
            o.usageToExclusive = false;
        else if (p.value(usageTo) == QLatin1String("exclusive"))
            o.usageToExclusive = true;
        else {
            message = QStringLiteral("--usage-to: expected inclusive or exclusive");
            return std::nullopt;
        }
    }

    if (p.isSet(host))
        o.host = p.value(host);
    o.allowRemote = p.isSet(allowRemote);
    QHostAddress addr;
    if (!addr.setAddress(o.host)) {
        message = QStringLiteral("--host: not an IP address: ") + o.host;
        return std::nullopt;
    }
    if (!addr.isLoopback() && !o.allowRemote) {
        message = QStringLiteral("--host %1 is not a loopback address; add --allow-remote to listen on it")
                      .arg(o.host);
        return std::nullopt;
    }

    if (p.isSet(token))
        o.tokens = p.values(token);
    for (const QString &spec : p.values(accountToken)) {
        const qsizetype colon = spec.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0 || colon == spec.size() - 1) {
            message = QStringLiteral("--account-token: expected TOKEN:ACCOUNT_ID, got ") + spec;
            return std::nullopt;
        }
        o.accountTokens.append({spec.left(colon), spec.mid(colon + 1)});
    }
    o.expiredTokens = p.values(expiredToken);
    if (p.isSet(email))
        o.email = p.value(email);
    if (p.isSet(key))
        o.key = p.value(key);
    o.strictSecurity = p.isSet(strict);
    o.usageCosts = p.isSet(usageCosts);
    o.legacyMetaFlags = p.isSet(legacy);
    o.countOwnMembership = p.isSet(ownMembership);
    o.xRatelimitHeaders = p.isSet(xRatelimit);
    o.ignorePositiveFilters = p.isSet(ignorePositive);

    if (p.isSet(now)) {
        const auto t = TimeUtil::parse(p.value(now));
        if (!t) {
            message = QStringLiteral("--now: expected YYYY-MM-DD or an RFC 3339 timestamp");
            return std::nullopt;
        }
        o.nowMs = *t;
    }
    if (p.isSet(cursorStyle)) {
        const QString s = p.value(cursorStyle);
        if (s == QLatin1String("flat"))
            o.cursorStyle = CursorStyle::Flat;
        else if (s == QLatin1String("after"))
            o.cursorStyle = CursorStyle::After;
        else if (s == QLatin1String("both"))
            o.cursorStyle = CursorStyle::Both;
        else {
            message = QStringLiteral("--cursor-style: expected flat, after or both");
            return std::nullopt;
        }
    }
    if (p.isSet(rateLimit)) {
        static const QRegularExpression re(QStringLiteral("^(\\d{1,9})/(\\d{1,9})$"));
        const auto m = re.match(p.value(rateLimit));
        if (!m.hasMatch() || m.captured(1).toInt() < 1 || m.captured(2).toInt() < 1) {
            message = QStringLiteral("--rate-limit: expected N/SECONDS with N, SECONDS >= 1, e.g. 1200/300");
            return std::nullopt;
        }
        o.rateLimitCount = m.captured(1).toInt();
        o.rateLimitWindowSeconds = m.captured(2).toInt();
    }
    if (p.isSet(faults)) {
        o.faults = p.value(faults);
        QString error;
        if (!FaultInjector::parseSpec(o.faults, error)) {
            message = QStringLiteral("--faults: ") + error;
            return std::nullopt;
        }
    }
    return o;
}

} // namespace sim
