#include "subtreeseeder.h"

#include "random.h"
#include "timeutil.h"

#include <algorithm>

namespace sim {

void seedSubOrganizations(DataStore &store, quint64 seed, qint64 nowMs, int count)
{
    if (count <= 0 || store.organizations.isEmpty())
        return;
    constexpr qint64 Day = TimeUtil::DayMs;
    const Organization root = store.organizations.first();
    // "Acme Holdings" → "Acme"
    const QString company = root.name.section(QLatin1Char(' '), 0, 0);
    const QString domain = company.toLower() + QStringLiteral(".example");
    static const char *const statuses[] = {"active", "active", "pending", "active", "canceled", "rejected"};
    static const char *const kinds[] = {"Production", "Staging", "Analytics"};
    const QByteArray on = "enabled", off = "disabled";

    QList<QByteArray> ids;
    QList<int> ages;
    for (int k = 0; k < count; ++k) {
        Random r(Random::mix(seed * 31337 + quint64(k)));
        Organization o;
        o.id = Random::hexId(seed, "sub-org", quint64(k));
        o.name = QStringLiteral("%1 Unit %2").arg(company).arg(k + 1, 2, 10, QLatin1Char('0'));
        const int parent = k == 0 ? -1 : (k - 1) / 3;
        o.parentId = parent < 0 ? root.id : ids.at(parent);
        // A unit is younger than its parent.
        const int age = parent < 0 ? 520 : qMax(2, ages.at(parent) - r.range(1, 25));
        o.createMs = nowMs - age * Day - r.range(0, 86399) * 1000;
        o.tenantFlags = {{"account_creation", on},  {"account_creation_applies_tenant_defaults", off},
                         {"account_deletion", off}, {"account_migration", on},
                         {"account_mobility", on},  {"enterprise_capability", on},
                         {"member_management", on}, {"sub_org_creation", on}};
        ids.append(o.id);
        ages.append(age);
        store.organizations.append(o);

        const QString slug = QStringLiteral("unit-%1").arg(k + 1);
        const int accounts = k % 3 == 2 ? 1 : 2;
        for (int a = 0; a < accounts; ++a) {
            Account acc;
            acc.id = Random::hexId(seed, "sub-account", quint64(k * 4 + a));
            acc.organizationId = o.id;
            acc.name = o.name + QLatin1Char(' ') + QLatin1String(kinds[(k + a) % 3]);
            acc.createdMs = o.createMs - r.range(30, 400) * Day;
            const bool enterprise = a == 0;
            acc.type = enterprise ? "enterprise" : "standard";
            acc.settings.abuseContactEmail = QStringLiteral("abuse@") + domain;
            acc.settings.apiAccessEnabled = true;
            acc.settings.defaultNameservers = QStringLiteral("cloudflare.standard");
            acc.settings.enforceTwoFactor = enterprise;
            acc.settings.useAccountCustomNsByDefault = false;
            acc.tags.append({QStringLiteral("environment"),
                             a == 1 ? QStringLiteral("staging") : QStringLiteral("production")});
            acc.tags.append({QStringLiteral("cost-center"), slug});
            acc.zoneName = QStringLiteral("www.%1.%2").arg(slug, domain);
            acc.zoneId = Random::hexId(seed, "sub-zone", quint64(k * 4 + a));
            acc.scale = (enterprise ? 1.0 : 0.25) * (0.5 + r.uniform());
            acc.productMask = quint32(0x7 | (r.next() & 0x7f));
            store.accounts.append(acc);
        }

        for (int j = 0; j < 3; ++j) {
            Member m;
            m.id = Random::hexId(seed, "sub-member", quint64(k * 8 + j));
            m.organizationId = o.id;
            m.userIndex = 1 + (k * 3 + j) % qMax(1, int(store.users.size()) - 1);
            m.status = statuses[(k + j) % 6];
            m.createMs = o.createMs + r.range(1, qMax(2, age - 1)) * Day;
            m.updateMs = m.status == "active" ? m.createMs : qMin(nowMs, m.createMs + r.range(1, 30) * Day);
            store.members.append(m);
        }
    }
    std::stable_sort(store.members.begin(), store.members.end(),
                     [](const Member &a, const Member &b) { return a.createMs < b.createMs; });
}

} // namespace sim
