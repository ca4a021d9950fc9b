#include "seeder.h"

#include "auditeventgenerator.h"

#include "random.h"
#include "timeutil.h"

#include <algorithm>

namespace sim {

namespace {
constexpr qint64 Day = TimeUtil::DayMs;

const char *const companies[] = {"Acme",  "Globex", "Initech", "Umbrella", "Stark",
                                 "Wayne", "Tyrell", "Soylent", "Hooli",    "Vandelay"};
const char *const firstNames[] = {"Alice", "Bob",   "Carla", "Dan",    "Eva",   "Farid",   "Grace", "Hiro",
                                  "Ines",  "Jonas", "Keiko", "Liam",   "Maya",  "Nikolai", "Olga",  "Pedro",
                                  "Quinn", "Rania", "Sven",  "Tomasz", "Uma",   "Viktor",  "Wen",   "Ximena",
                                  "Yusuf", "Zofia", "Amara", "Bjorn",  "Chloe", "Diego",   "Elif",  "Femi"};
const char *const lastNames[] = {"Nguyen", "Okafor",  "Ruiz",    "Kowalski", "Schmidt", "Haddad", "Lee",
                                 "Tanaka", "Moreau",  "Berg",    "Sato",     "Walsh",   "Patel",  "Ivanov",
                                 "Novak",  "Almeida", "Fischer", "Mansour",  "Lund",    "Wojcik", "Rao",
                                 "Petrov", "Zhang",   "Castro",  "Demir",    "Nowak",   "Eze",    "Larsen"};
QList<QPair<QByteArray, QByteArray>> flags(bool subOrgs, bool enterprise, bool accountDeletion)
{
    const QByteArray on = "enabled", off = "disabled";
    return {{"account_creation", on},
            {"account_creation_applies_tenant_defaults", off},
            {"account_deletion", accountDeletion ? on : off},
            {"account_migration", on},
            {"account_mobility", on},
            {"enterprise_capability", enterprise ? on : off},
            {"member_management", on},
            {"sub_org_creation", subOrgs ? on : off}};
}
} // namespace

Seeder::Seeder(quint64 seed, qint64 nowMs) : m_seed(seed), m_now(nowMs) {}

QString Seeder::companyName() const
{
    return QString::fromLatin1(companies[(m_seed + 9) % 10]);
}

QString Seeder::domain() const
{
    return companyName().toLower() + QStringLiteral(".example");
}

void Seeder::seedEntities(DataStore &store, const QString &demoEmail) const
{
    Random r(m_seed * 7919 + 17);
    const QString company = companyName();
    const QString dom = domain();

    // Users: the demo administrator first, then a pool of colleagues.
    store.users.append(
        User{Random::hexId(m_seed, "user", 0), demoEmail, QStringLiteral("Demo Administrator"), true});
    QList<int> firstIdx, lastIdx;
    for (int i = 0; i < 40; ++i) {
        const int f = i % 32;
        const int l = int((i * 7 + m_seed) % 28);
        const QString first = QString::fromLatin1(firstNames[f]);
        const QString last = QString::fromLatin1(lastNames[l]);
        const QString email = first.toLower() + QLatin1Char('.') + last.toLower() + QLatin1Char('@') +
                              (i % 9 == 8 ? QStringLiteral("contractors.") + dom : dom);
        store.users.append(User{Random::hexId(m_seed, "user", quint64(i + 1)), email,
                                i % 13 == 12 ? QString() : first + QLatin1Char(' ') + last, i % 6 != 5});
    }

    struct OrgSpec
    {
        const char *suffix;
        int parent; // index in this table, -1 = root
        bool subOrgs;
        bool enterprise;
        int accounts;
        int members;
        int ageDays;
        bool profile;
    };
    // Two levels below the main root; two empty organizations that can be
    // deleted, one trial root whose flags forbid deletion and sub-orgs.
    static const OrgSpec specs[] = {
        {" Holdings", -1, true, true, 3, 12, 600, true},
        {" EMEA", 0, true, true, 3, 5, 560, true},
        {" Americas", 0, true, true, 4, 5, 555, true},
        {" APAC", 0, false, true, 2, 3, 420, true},
        {" EMEA Retail", 1, false, true, 2, 3, 400, true},
        {" EMEA Media", 1, false, true, 2, 2, 380, false},
        {" Americas Payments", 2, false, true, 2, 3, 300, true},
        {" Americas Sandbox", 2, false, true, 0, 0, 40, false},
        {" Labs", 0, true, true, 0, 0, 12, false},
        {" Trial", -1, false, false, 0, 0, 90, false},
    };
    static const char *const accountKinds[] = {"Production",      "Staging",  "Data Platform",
                                               "Marketing Sites", "Security", "Analytics"};
    static const char *const zonePrefixes[] = {"shop", "www", "api", "cdn", "status", "media", "app", "docs"};

    int userCursor = 1;
    QList<QByteArray> ids;
    for (qsizetype i = 0; i < qsizetype(std::size(specs)); ++i) {
        const OrgSpec &s = specs[i];
        Organization o;
        o.id = Random::hexId(m_seed, "org", quint64(i));
        ids.append(o.id);
        o.name = company + QLatin1String(s.suffix);
        o.createMs = m_now - s.ageDays * Day - r.range(0, 86399) * 1000 - r.range(0, 999);
        if (s.parent >= 0)
            o.parentId = ids[s.parent];
        o.tenantFlags = flags(s.subOrgs, s.enterprise, i == 0);
        if (s.profile) {
            Profile p;
            const QString region = QLatin1String(s.suffix).trimmed();
            p.businessName = company + QLatin1Char(' ') + region +
                             (i == 0 ? QStringLiteral(", Inc.") : QStringLiteral(" LLC"));
            p.businessEmail = QStringLiteral("billing-") +
                              region.toLower().replace(QLatin1Char(' '), QLatin1Char('-')) +
                              QLatin1Char('@') + dom;
            p.businessPhone = QStringLiteral("+1-512-555-01%1").arg(10 + i, 2, 10, QLatin1Char('0'));
            p.businessAddress = QStringLiteral("%1 Example Way, Suite %2, Austin, TX 78701, US")
                                    .arg(100 + i * 7)
                                    .arg(400 + i);
            p.externalMetadata = QStringLiteral("{\"crm_id\":\"%1-%2\",\"cost_center\":\"%3\"}")
                                     .arg(company.toUpper())
                                     .arg(172 + i, 5, 10, QLatin1Char('0'))
                                     .arg(region.toUpper().replace(QLatin1Char(' '), QLatin1Char('-')));
            o.profile = p;
        }
        store.organizations.append(o);

        for (int a = 0; a < s.accounts; ++a) {
            Account acc;
            acc.id = Random::hexId(m_seed, "account", quint64(i * 16 + a));
            acc.organizationId = o.id;
            acc.name = o.name + QLatin1Char(' ') +
                       QLatin1String(a < 2 ? accountKinds[a] : accountKinds[2 + (a + i) % 4]);
            acc.createdMs = o.createMs - r.range(30, 900) * Day + r.range(0, 86399) * 1000;
            const bool enterprise = a == 0 || r.chance(0.4);
            acc.type = enterprise ? "enterprise" : "standard";
            if (enterprise || r.chance(0.5))
                acc.settings.abuseContactEmail = QStringLiteral("abuse@") + dom;
            if (r.chance(0.3))
                acc.settings.accessApprovalExpiryMs = TimeUtil::floorDay(m_now) + r.range(3, 60) * Day;
            if (r.chance(0.85))
                acc.settings.apiAccessEnabled = r.chance(0.8);
            acc.settings.defaultNameservers = QStringLiteral("cloudflare.standard");
            acc.settings.enforceTwoFactor = enterprise || r.chance(0.3);
            acc.settings.useAccountCustomNsByDefault = false;
            const QString slug =
                QString::fromLatin1(s.suffix).trimmed().toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
            acc.tags.append({QStringLiteral("environment"),
                             a == 1 ? QStringLiteral("staging") : QStringLiteral("production")});
            acc.tags.append({QStringLiteral("cost-center"), slug});
            acc.zoneName = QString::fromLatin1(zonePrefixes[(i + a) % 8]) + QLatin1Char('.') + slug +
                           QLatin1Char('.') + dom;
            acc.zoneId = Random::hexId(m_seed, "zone", quint64(i * 16 + a));
            acc.scale = (enterprise ? 1.0 : 0.25) * (0.5 + r.uniform() * 1.5) * (i == 0 ? 2.0 : 1.0);
            // Every account runs a few product families; production ones run most.
            acc.productMask = quint32(0x7 | (r.next() & 0x7f));
            if (a == 0)
                acc.productMask = 0x7f;
            store.accounts.append(acc);
        }

        // The demo user administers the main root.
        if (i == 0) {
            Member m{Random::hexId(m_seed, "member", 0),
                     o.id,
                     0,
                     "active",
                     o.createMs + 60000,
                     o.createMs + 60000};
            store.members.append(m);
        }
        static const char *const statuses[] = {"active",  "active",   "active", "active",
                                               "pending", "canceled", "active", "rejected"};
        for (int k = 0; k < s.members; ++k) {
            Member m;
            m.id = Random::hexId(m_seed, "member", quint64(i * 64 + k + 1));
            m.organizationId = o.id;
            m.userIndex = userCursor;
            userCursor = userCursor % 40 + 1;
            m.status = statuses[(k + i) % 8];
            m.createMs = o.createMs + r.range(1, qMax(2, s.ageDays - 1)) * Day + r.range(0, 86399) * 1000;
            m.updateMs = m.status == "active" ? m.createMs : qMin(m_now, m.createMs + r.range(1, 30) * Day);
            store.members.append(m);
        }
    }
    std::sort(store.members.begin(), store.members.end(),
              [](const Member &a, const Member &b) { return a.createMs < b.createMs; });
}

void Seeder::seedAudit(const DataStore &store, AuditStore &audit, qint64 count) const
{
    if (count <= 0)
        return;
    Random r(m_seed * 104729 + 3);
    audit.reserve(count + 1024);

    const AuditEventGenerator gen(store, m_seed, domain(), r);
    const auto &actors = gen.actors();
    const auto &orgs = gen.organizations();

    // Per-day budget: weekdays busier than weekends, slow growth over time.
    const qint64 days = 548; // 18 months
    const qint64 firstDay = TimeUtil::floorDay(m_now) - (days - 1) * Day;
    QList<double> dayWeight(days);
    double totalWeight = 0;
    for (qint64 d = 0; d < days; ++d) {
        const int wd = TimeUtil::weekday(firstDay + d * Day);
        dayWeight[d] =
            (wd >= 5 ? 0.25 : 1.0) * (0.6 + 0.8 * double(d) / double(days)) * (0.8 + 0.4 * r.uniform());
        totalWeight += dayWeight[d];
    }
    QList<qint64> times;
    double carried = 0;
    AuditEvent e;
    // Anchored events: each organization's log starts with its creation, and
    // seeded memberships have their invitation entry at their create_time.
    struct Anchor
    {
        qint64 time;
        qsizetype org;
        const Member *member;
    };
    QList<Anchor> anchors;
    for (qsizetype oi = 0; oi < orgs.size(); ++oi) {
        if (orgs[oi].createMs >= firstDay && orgs[oi].createMs < m_now)
            anchors.append({orgs[oi].createMs, oi, nullptr});
        for (const Member &m : gen.members(oi)) {
            if (m.userIndex != 0 && m.createMs >= firstDay && m.createMs < m_now)
                anchors.append({m.createMs, oi, &m});
        }
    }
    std::sort(anchors.begin(), anchors.end(),
              [](const Anchor &a, const Anchor &b) { return a.time < b.time; });
    if (anchors.size() > count / 2)
        anchors.clear(); // tiny histories stay purely random
    qsizetype nextAnchor = 0;
    auto emitAnchor = [&](const Anchor &a) {
        const Organization *org = &orgs[a.org];
        const auto &actor = a.member ? actors[qsizetype(r.below(quint64(actors.size())))] : actors[0];
        e.timeMs = a.time;
        e.organizationId = org->id;
        e.type = "create";
        e.method = "POST";
        e.resourceProduct = "organizations";
        e.resourceScope = "organizations";
        e.result = "success";
        e.statusCode = 200;
        e.actorType = "user";
        e.actorId = actor.id;
        e.actorEmail = actor.email;
        e.actorContext = actor.context;
        e.actorIp = actor.ip1;
        e.actorTokenId = actor.tokenId;
        e.actorTokenName = actor.tokenName;
        e.userAgent = actor.agent;
        if (a.member) {
            e.description = "Create organization member";
            e.resourceType = "member";
            e.resourceId = a.member->id;
            e.uri = gen.organizationPath(a.org) + "/members";
            e.requestJson = "{\"member\":{\"user\":{\"email\":\"" +
                            store.users.at(a.member->userIndex).email.toUtf8() + "\"}}}";
            e.responseJson = "{\"id\":\"" + a.member->id + "\",\"status\":\"pending\"}";
        } else {
            e.description = "Create organization";
            e.resourceType = "organization";
            e.resourceId = org->id;
            e.uri = "/organizations";
            e.requestJson =
                "{\"name\":\"" + org->name.toUtf8() + '"' +
                (org->parentId.isEmpty() ? QByteArray()
                                         : QByteArray(",\"parent\":{\"id\":\"" + org->parentId + "\"}")) +
                '}';
            e.responseJson = "{\"id\":\"" + org->id + "\"}";
        }
        audit.append(e);
    };
    const qint64 randomCount = count - anchors.size();
    qint64 randomEmitted = 0;

    for (qint64 d = 0; d < days && randomEmitted < randomCount; ++d) {
        carried += double(randomCount) * dayWeight[d] / totalWeight;
        qint64 n = qint64(carried);
        if (d == days - 1)
            n = randomCount - randomEmitted;
        n = qMin(n, randomCount - randomEmitted);
        carried -= double(n);
        times.resize(n);
        const qint64 dayStart = firstDay + d * Day;
        // Office hours dominate (07:00-19:00 UTC), with a night-time tail.
        const qint64 dayEnd = d == days - 1 ? qMax(dayStart + 1000, m_now - 1000) : dayStart + Day;
        for (qint64 k = 0; k < n; ++k) {
            qint64 t = r.chance(0.85) ? dayStart + 7 * 3600000 + qint64(r.uniform() * 12 * 3600000)
                                      : dayStart + qint64(r.uniform() * Day);
            if (t >= dayEnd)
                t = dayStart + qint64(r.uniform() * double(dayEnd - dayStart));
            times[k] = t;
        }
        std::sort(times.begin(), times.end());
        for (qint64 k = 0; k < n; ++k) {
            while (nextAnchor < anchors.size() && anchors[nextAnchor].time <= times[k])
                emitAnchor(anchors[nextAnchor++]);
            gen.fill(e, times[k], r);
            audit.append(e);
            ++randomEmitted;
        }
    }
    while (nextAnchor < anchors.size())
        emitAnchor(anchors[nextAnchor++]);
}

} // namespace sim
