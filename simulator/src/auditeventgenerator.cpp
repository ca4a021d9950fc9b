#include "auditeventgenerator.h"

namespace sim {

namespace {
const char *const browserAgents[] = {
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 "
    "Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
    "Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 "
    "Safari/537.36 Edg/130.0.0.0"};
const char *const apiAgents[] = {"Cloudflare/JS 7.3.0",
                                 "cloudflare-go/v6.6.0",
                                 "Terraform/1.9.8 terraform-provider-cloudflare/5.4.0",
                                 "curl/8.5.0",
                                 "AcmeOrgConsole/0.3.0 (Qt 6.8; Linux x86_64)",
                                 "python-requests/2.32.3"};
const char *const tokenNames[] = {"terraform-prod", "org-console-readwrite", "ci-deploy",
                                  "billing-export", "audit-siem-pull",       "member-sync"};

QByteArray ipFor(Random &r)
{
    switch (r.below(4)) {
    case 0:
        return "192.0.2." + QByteArray::number(r.range(2, 254));
    case 1:
        return "198.51.100." + QByteArray::number(r.range(2, 254));
    case 2:
        return "203.0.113." + QByteArray::number(r.range(2, 254));
    default:
        return "2001:db8:" + Random::hex(r.below(0xffff), 4).mid(r.below(3)) +
               "::" + QByteArray::number(r.range(1, 99));
    }
}

struct Action
{
    double weight;
    const char *description;
    const char *type;
    const char *method;
    const char *resourceType;
    const char *product;
    const char *scope;
    int okStatus;
    int uri; // 0 org, 1 members, 2 member, 3 profile, 4 orgs root, 5 account, 6 tokens, 7 token, 8 audit,
             // 9 billing
};
const Action actions[] = {
    {14, "Create organization member", "create", "POST", "member", "organizations", "organizations", 200, 1},
    {6, "Delete organization member", "delete", "DELETE", "member", "organizations", "organizations", 204, 2},
    {8, "Modify organization", "update", "PUT", "organization", "organizations", "organizations", 200, 0},
    {7, "Modify organization profile", "update", "PUT", "profile", "organizations", "organizations", 204, 3},
    {3, "Create organization", "create", "POST", "organization", "organizations", "organizations", 200, 4},
    {1.5, "Delete organization", "delete", "DELETE", "organization", "organizations", "organizations", 200,
     0},
    {10, "Update account settings", "update", "PATCH", "account", "accounts", "accounts", 200, 5},
    {5, "Move account into organization", "update", "PUT", "account", "organizations", "organizations", 200,
     5},
    {6, "Create API token", "create", "POST", "api_token", "iam", "user", 200, 6},
    {4, "Roll API token", "update", "PUT", "api_token", "iam", "user", 200, 7},
    {2, "Delete API token", "delete", "DELETE", "api_token", "iam", "user", 200, 7},
    {1, "View organization audit logs", "view", "GET", "audit_log", "audit_logs", "organizations", 200, 8},
    {3, "Update billing profile", "update", "PUT", "billing_profile", "billing", "accounts", 200, 9},
    {4, "Modify organization member", "update", "PUT", "member", "organizations", "organizations", 200, 2},
};

double actionWeightSum()
{
    double sum = 0;
    for (const Action &a : actions)
        sum += a.weight;
    return sum;
}

const int failureCodes[] = {400, 400, 403, 404, 409, 429, 500};
const char *const failureMessages[] = {"Request validation failed: a required field is missing",
                                       "Request validation failed: invalid value",
                                       "Unauthorized to access requested resource",
                                       "Resource not found",
                                       "Resource is locked, try again",
                                       "Please wait and consider throttling your request speed",
                                       "Internal server error"};
} // namespace

AuditEventGenerator::AuditEventGenerator(const DataStore &store, quint64 seed, const QString &domain,
                                         Random &r)
    : m_store(store), m_seed(seed), m_domain(domain.toUtf8())
{
    for (int i = 0; i < 18; ++i) {
        const User &u = store.users.at(i);
        Actor a;
        a.id = u.id;
        a.email = u.email.toUtf8();
        a.ip1 = ipFor(r);
        a.ip2 = ipFor(r);
        const quint64 kind = r.below(10);
        a.context = kind < 5 ? "dash" : kind < 8 ? "api_token" : kind < 9 ? "api_key" : "oauth";
        if (a.context == "api_token" || a.context == "oauth") {
            a.tokenId = Random::hexId(seed, "token", quint64(i));
            a.tokenName = tokenNames[i % 6];
        }
        a.agent = a.context == "dash" ? browserAgents[i % 4] : apiAgents[i % 6];
        m_actors.append(a);
    }

    // Organizations that have a history, weighted: the main root sees most.
    for (const Organization &o : store.organizations) {
        m_orgs.append(o);
        m_orgWeights.append(o.parentId.isEmpty() && &o == &store.organizations.first() ? 8.0
                            : store.accountCount(o.id) > 0                             ? 1.5
                                                                                       : 0.15);
    }
    for (double w : std::as_const(m_orgWeights))
        m_weightSum += w;

    for (const Organization &o : std::as_const(m_orgs)) {
        QList<QByteArray> accs;
        for (const Account &a : store.accounts) {
            if (a.organizationId == o.id)
                accs.append(a.id);
        }
        m_orgAccounts.append(accs);
        QList<Member> mems;
        for (const Member &m : store.members) {
            if (m.organizationId == o.id)
                mems.append(m);
        }
        m_orgMembers.append(mems);
        m_orgPaths.append("/organizations/" + o.id);
    }

    // Ids of things that no longer exist (deleted members, moved accounts…),
    // computed once: start-up time matters at a million entries.
    auto idPool = [&](const char *label, int n) {
        QList<QByteArray> ids;
        for (int i = 0; i < n; ++i)
            ids.append(Random::hexId(seed, label, quint64(i)));
        return ids;
    };
    m_oldMembers = idPool("old-member", 500);
    m_oldAccounts = idPool("old-account", 40);
    m_userTokens = idPool("user-token", 60);
    m_oldOrgs = idPool("old-org", 200);
}

void AuditEventGenerator::fill(AuditEvent &e, qint64 timeMs, Random &r) const
{
    static const double actionSum = actionWeightSum();
    e.timeMs = timeMs;
    // Organization.
    double pick = r.uniform() * m_weightSum;
    qsizetype oi = 0;
    while (oi + 1 < m_orgs.size() && pick >= m_orgWeights[oi]) {
        pick -= m_orgWeights[oi];
        ++oi;
    }
    if (m_orgs[oi].createMs > e.timeMs)
        oi = 0; // nothing happens in an organization before it exists
    const Organization *org = &m_orgs[oi];
    e.organizationId = org->id;
    // Action.
    double ap = r.uniform() * actionSum;
    qsizetype ai = 0;
    while (ai + 1 < qsizetype(std::size(actions)) && ap >= actions[ai].weight) {
        ap -= actions[ai].weight;
        ++ai;
    }
    const Action &act = actions[ai];
    e.description = act.description;
    e.type = act.type;
    e.method = act.method;
    e.resourceType = act.resourceType;
    e.resourceProduct = act.product;
    e.resourceScope = act.scope;
    // Actor.
    const quint64 actorRoll = r.below(100);
    if (actorRoll < 2) {
        e.actorType = "system";
        e.actorId.clear();
        e.actorEmail.clear();
        e.actorContext = "api";
        e.actorIp.clear();
        e.actorTokenId.clear();
        e.actorTokenName.clear();
        e.userAgent = "cloudflare-internal/provisioner";
    } else if (actorRoll < 3) {
        e.actorType = "cloudflare_admin";
        e.actorId = Random::hexId(m_seed, "cf-admin", 1);
        e.actorEmail = "support-engineer@cloudflare.example";
        e.actorContext = "dash";
        e.actorIp = "192.0.2.250";
        e.actorTokenId.clear();
        e.actorTokenName.clear();
        e.userAgent = browserAgents[0];
    } else {
        const Actor &a = actions[ai].uri == 8 ? m_actors[0] : m_actors[r.below(m_actors.size())];
        e.actorType = "user";
        e.actorId = a.id;
        e.actorEmail = a.email;
        e.actorContext = r.chance(0.05) ? QByteArray("api") : a.context;
        e.actorIp = r.chance(0.7) ? a.ip1 : a.ip2;
        e.actorTokenId = a.tokenId;
        e.actorTokenName = a.tokenName;
        e.userAgent = a.agent;
    }
    // Resource and URI.
    const auto &accs = m_orgAccounts[oi];
    const auto &mems = m_orgMembers[oi];
    const QByteArray &orgPath = m_orgPaths[oi];
    QByteArray memberId = mems.isEmpty() || r.chance(0.3) ? m_oldMembers[qsizetype(r.below(500))]
                                                          : mems[r.below(mems.size())].id;
    const QByteArray accountId =
        accs.isEmpty() ? m_oldAccounts[qsizetype(r.below(40))] : accs[r.below(accs.size())];
    const QByteArray tokenId = m_userTokens[qsizetype(r.below(60))];
    e.requestJson.clear();
    e.responseJson.clear();
    switch (act.uri) {
    case 0:
        e.uri = orgPath;
        e.resourceId = org->id;
        if (e.type == "update")
            e.requestJson = "{\"name\":\"" + org->name.toUtf8() + "\"}";
        break;
    case 1: {
        e.uri = orgPath + "/members";
        e.resourceId = memberId;
        const User &u = m_store.users.at(qsizetype(1 + r.below(40)));
        e.requestJson = "{\"member\":{\"user\":{\"email\":\"" + u.email.toUtf8() + "\"}" +
                        (r.chance(0.5) ? QByteArray(",\"status\":\"active\"") : QByteArray()) + "}}";
        e.responseJson = "{\"id\":\"" + memberId + "\",\"status\":\"pending\"}";
        break;
    }
    case 2:
        e.uri = orgPath + "/members/" + memberId;
        e.resourceId = memberId;
        break;
    case 3:
        e.uri = orgPath + "/profile";
        e.resourceId = org->id;
        if (org->profile && r.chance(0.5))
            e.requestJson = "{\"business_email\":\"" + org->profile->businessEmail.toUtf8() + "\"}";
        break;
    case 4: {
        e.uri = "/organizations";
        e.resourceId = m_oldOrgs[qsizetype(r.below(200))];
        e.requestJson = "{\"name\":\"" + org->name.toUtf8() + " Project " +
                        QByteArray::number(r.range(1, 40)) + "\",\"parent\":{\"id\":\"" + org->id + "\"}}";
        e.responseJson = "{\"id\":\"" + e.resourceId + "\"}";
        break;
    }
    case 5:
        e.uri = e.method == "PATCH" ? QByteArray("/accounts/" + accountId)
                                    : QByteArray(orgPath + "/accounts/" + accountId);
        e.resourceId = accountId;
        if (e.method == "PATCH")
            e.requestJson = r.chance(0.5) ? QByteArray("{\"settings\":{\"enforce_twofactor\":true}}")
                                          : QByteArray("{\"settings\":{\"abuse_contact_email\":\"abuse@") +
                                                m_domain + "\"}}";
        break;
    case 6:
        e.uri = "/user/tokens";
        e.resourceId = tokenId;
        e.requestJson =
            "{\"name\":\"" + QByteArray(tokenNames[r.below(6)]) + "\",\"policies\":[{\"effect\":\"allow\"}]}";
        break;
    case 7:
        e.uri = "/user/tokens/" + tokenId + (e.method == "PUT" ? QByteArray("/value") : QByteArray());
        e.resourceId = tokenId;
        break;
    case 8:
        e.uri = orgPath + "/logs/audit";
        e.resourceId = org->id;
        break;
    default:
        e.uri = "/accounts/" + accountId + "/billing/profile";
        e.resourceId = accountId;
        break;
    }
    // Outcome: a few percent fail.
    if (r.chance(0.04)) {
        const quint64 f = r.below(std::size(failureCodes));
        e.result = "failure";
        e.statusCode = failureCodes[f];
        e.responseJson = "{\"errors\":[{\"message\":\"" + QByteArray(failureMessages[f]) + "\"}]}";
    } else {
        e.result = "success";
        e.statusCode = act.okStatus;
    }
}

} // namespace sim
