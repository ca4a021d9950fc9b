#include "usagegenerator.h"

#include "jsonwriter.h"
#include "random.h"
#include "timeutil.h"

#include <QSet>

#include <array>
#include <cmath>
#include <vector>

namespace sim {

namespace {
struct Metric
{
    int family; // bit in Account::productMask
    const char *familyName;
    const char *familyId;
    const char *category;
    const char *id;
    const char *name;
    const char *unit;
    const char *description; // "%z" replaced by the zone name
    double base;             // typical daily quantity for a scale-1 account
    bool weekly;             // follows the working week
    bool stock;              // a level (storage, seats), not a flow
    bool zoned;
    bool regional;
    const char *pricingUnit;
    double pricingDivisor; // ConsumedQuantity / divisor = PricingQuantity
    double listPrice;      // USD per PricingUnit
};

constexpr Metric metrics[] = {
    {0, "Workers", "workers", "Developer", "workers_standard_requests", "Workers Standard Requests",
     "Requests", "Workers Standard requests, daily usage", 8.0e6, true, false, false, false,
     "Million Requests", 1e6, 0.30},
    {0, "Workers", "workers", "Developer", "workers_standard_cpu_ms", "Workers Standard CPU Time", "CPU ms",
     "Workers Standard CPU milliseconds, daily usage", 1.6e8, true, false, false, false, "Million CPU ms",
     1e6, 0.02},
    {1, "R2", "r2", "Developer", "r2_class_a_operations", "R2 Class A Operations", "Requests",
     "R2 Class A (mutating) operations, daily usage", 9.0e5, true, false, false, true, "Million Requests",
     1e6, 4.50},
    {1, "R2", "r2", "Developer", "r2_class_b_operations", "R2 Class B Operations", "Requests",
     "R2 Class B (read) operations, daily usage", 7.5e6, true, false, false, true, "Million Requests", 1e6,
     0.36},
    {1, "R2", "r2", "Developer", "r2_storage_standard", "R2 Standard Storage", "GB",
     "R2 Standard storage, average stored for the day", 3200, false, true, false, true, "GB-Month", 30.0,
     0.015},
    {2, "CDN", "cdn", "Application Performance", "cdn_data_transfer", "CDN Data Transfer", "GB",
     "CDN data transfer for %z, daily usage", 650, true, false, true, false, "GB", 1.0, 0.0},
    {2, "CDN", "cdn", "Application Performance", "cdn_requests", "CDN Requests", "Requests",
     "CDN requests for %z, daily usage", 4.2e7, true, false, true, false, "Million Requests", 1e6, 0.0},
    {3, "DNS", "dns", "Application Performance", "dns_queries", "DNS Queries", "Queries",
     "Authoritative DNS queries for %z, daily usage", 1.8e7, true, false, true, false, "Million Queries", 1e6,
     0.10},
    {4, "Zero Trust", "zero_trust", "Cloudflare One", "zero_trust_seats", "Zero Trust Seats", "Seats",
     "Zero Trust seats in use", 140, false, true, false, false, "Seat-Month", 30.0, 7.0},
    {4, "Zero Trust", "zero_trust", "Cloudflare One", "gateway_dns_queries", "Gateway DNS Queries", "Queries",
     "Gateway DNS filtering queries, daily usage", 2.6e6, true, false, false, false, "Million Queries", 1e6,
     0.0},
    {5, "Stream", "stream", "Media", "stream_minutes_delivered", "Stream Minutes Delivered", "Minutes",
     "Stream minutes delivered, daily usage", 1.9e5, false, false, false, false, "Thousand Minutes", 1000,
     1.0},
    {5, "Stream", "stream", "Media", "stream_minutes_stored", "Stream Minutes Stored", "Minutes",
     "Stream minutes stored, daily level", 4.0e4, false, true, false, false, "Thousand Minute-Months", 30000,
     5.0},
    {6, "Images", "images", "Media", "images_transformations", "Images Transformations", "Transformations",
     "Images unique transformations, daily usage", 6.0e4, true, false, false, false,
     "Thousand Transformations", 1000, 0.5},
};

const char *const regionIds[] = {"WEUR", "ENAM", "APAC"};
const char *const regionNames[] = {"Western Europe", "Eastern North America", "Asia-Pacific"};

double round6(double v)
{
    return std::round(v * 1e6) / 1e6;
}
} // namespace

UsageGenerator::UsageGenerator(quint64 seed, int days, bool costs, qint64 nowMs)
    : m_seed(seed), m_costs(costs), m_lastDay(TimeUtil::floorDay(nowMs) - TimeUtil::DayMs)
{
    m_firstDay = m_lastDay - qint64(days - 1) * TimeUtil::DayMs;
}

void UsageGenerator::addSpike(const QByteArray &metric, qint64 dayMs, double factor)
{
    m_spikes.append({metric, dayMs, factor});
}

double UsageGenerator::quantity(const Account &a, int mi, qint64 day) const
{
    const Metric &m = metrics[mi];
    const quint64 key = Random::hash(a.id, m_seed) ^ Random::mix(quint64(mi) * 7919);
    Random r(key ^ Random::mix(quint64(day / TimeUtil::DayMs)));
    const double years = double(day - m_firstDay) / (365.0 * TimeUtil::DayMs);
    // Per account/metric: its own size and growth rate (10-60 % a year).
    Random shape(key);
    const double size = a.scale * (0.4 + 1.2 * shape.uniform());
    const double growth = 0.10 + 0.50 * shape.uniform();
    double q = m.base * size * std::pow(1.0 + growth, years);
    if (m.weekly) {
        static const double week[] = {1.04, 1.08, 1.07, 1.05, 0.98, 0.72, 0.66};
        q *= week[TimeUtil::weekday(day)];
    }
    if (m.stock) {
        q *= 1.0 + 0.01 * r.normal();
        if (std::string_view(m.unit) == "Seats")
            q = std::round(q);
    } else {
        q *= qMax(0.2, 1.0 + 0.07 * r.normal());
        // A few spikes: a launch, a crawler, an incident.
        Random spike(key ^ 0xabcdefULL ^ Random::mix(quint64(day / TimeUtil::DayMs) * 31));
        if (spike.chance(0.006))
            q *= 2.5 + 4.0 * spike.uniform();
    }
    for (const Spike &s : m_spikes)
        if (s.dayMs == day && s.metric == m.id)
            q *= s.factor;
    if (std::string_view(m.unit) == "Requests" || std::string_view(m.unit) == "Queries" ||
        std::string_view(m.unit) == "Transformations" || std::string_view(m.unit) == "Minutes")
        q = std::round(q);
    else
        q = std::round(q * 100.0) / 100.0;
    return q;
}

QByteArray UsageGenerator::records(const DataStore &store, const QByteArray &orgId, qint64 fromDay,
                                   qint64 toDay, const QByteArray &metric, bool subtree) const
{
    QByteArray out;
    appendRecords(out, store, orgId, fromDay, toDay, metric, subtree);
    return out;
}

void UsageGenerator::appendRecords(QByteArray &out, const DataStore &store, const QByteArray &orgId,
                                   qint64 fromDay, qint64 toDay, const QByteArray &metric, bool subtree) const
{
    const qint64 first = qMax(fromDay, m_firstDay);
    const qint64 last = qMin(toDay, m_lastDay);
    JsonWriter w(out);
    w.beginArray();
    QList<const Account *> accounts = store.accountsInSubtree(orgId);
    if (!subtree)
        accounts.removeIf([&](const Account *a) { return a->organizationId != orgId; });
    // The first account of each organization carries the corrections, whoever asks.
    QSet<const Account *> firstOfOrganization;
    {
        QSet<QByteArray> seen;
        for (const Account &a : store.accounts) {
            if (!seen.contains(a.organizationId)) {
                seen.insert(a.organizationId);
                firstOfOrganization.insert(&a);
            }
        }
    }
    const QByteArray rootId = store.rootOf(orgId);
    const Organization *root = store.organization(rootId);
    const QString contract =
        (root ? root->name : QStringLiteral("Organization")) + QStringLiteral(" Enterprise Agreement");
    const QByteArray contractId = Random::hexId(m_seed, "contract", Random::hash(rootId));
    const QByteArray contractUuid = contractId.left(8) + '-' + contractId.mid(8, 4) + '-' +
                                    contractId.mid(12, 4) + '-' + contractId.mid(16, 4) + '-' +
                                    contractId.mid(20, 12);
    const QByteArray contractUtf8 = contract.toUtf8();
    // Per account, the text its records repeat, converted once (not per record).
    struct AccountText
    {
        QByteArray name;
        QByteArray zoneName;
        std::array<QByteArray, std::size(metrics)> description; // filled on first use
    };
    std::vector<AccountText> accountText(size_t(accounts.size()));
    for (qsizetype ai = 0; ai < accounts.size(); ++ai) {
        accountText[size_t(ai)].name = accounts[ai]->name.value_or(QString()).toUtf8();
        accountText[size_t(ai)].zoneName = accounts[ai]->zoneName.toUtf8();
    }
    // FOCUS Tags: each record carries its account's tags, written once per account.
    QList<QByteArray> accountTags;
    accountTags.reserve(accounts.size());
    for (const Account *a : accounts) {
        QByteArray tags;
        JsonWriter t(tags);
        t.beginObject();
        for (const auto &tag : a->tags)
            t.field(tag.first.toStdString(), tag.second);
        t.endObject();
        accountTags.append(tags);
    }
    {
        // Room for the answer up front: growing a buffer of tens of megabytes
        // step by step copies it again and again. Upper bound of a record's size.
        qint64 count = 0;
        for (qint64 day = first; day <= last; day += TimeUtil::DayMs) {
            for (const Account *a : std::as_const(accounts)) {
                if (a->createdMs > day + TimeUtil::DayMs)
                    continue;
                for (const Metric &m : metrics)
                    count += (a->productMask & (1u << m.family)) && (metric.isEmpty() || metric == m.id);
            }
        }
        // A record: ~700 bytes, ~1 KiB with the cost columns (pages never
        // written to are never touched).
        const qint64 recordBytes = m_costs ? 1200 : 850;
        const qint64 want = out.size() + count * recordBytes + 64;
        if (want < (qint64(1) << 31) && want > out.capacity())
            out.reserve(qsizetype(want));
    }
    for (qint64 day = first; day <= last; day += TimeUtil::DayMs) {
        const QByteArray start = TimeUtil::rfc3339(day);
        const QByteArray end = TimeUtil::rfc3339(day + TimeUtil::DayMs);
        int y;
        unsigned mo, d;
        TimeUtil::civilFromDays(day / TimeUtil::DayMs, y, mo, d);
        const qint64 periodStart = TimeUtil::daysFromCivil(y, mo, 1) * TimeUtil::DayMs;
        const qint64 periodEnd =
            TimeUtil::daysFromCivil(mo == 12 ? y + 1 : y, mo == 12 ? 1 : mo + 1, 1) * TimeUtil::DayMs;
        // Corrections: on the 3rd of some months one record per organization
        // revises the previous month (FOCUS ChargeClass "Correction").
        const qint64 monthIndex = qint64(y) * 12 + mo;
        const bool correctionDay = d == 3 && monthIndex % 2 == 1;

        for (qsizetype ai = 0; ai < accounts.size(); ++ai) {
            const Account *a = accounts[ai];
            if (a->createdMs > day + TimeUtil::DayMs)
                continue;
            const bool enterprise = a->type == "enterprise";
            for (int mi = 0; mi < int(std::size(metrics)); ++mi) {
                const Metric &m = metrics[mi];
                if (!(a->productMask & (1u << m.family)) || (!metric.isEmpty() && metric != m.id))
                    continue;
                const double q = quantity(*a, mi, day);
                const bool correction = correctionDay && firstOfOrganization.contains(a) && mi == 0;
                for (int pass = 0; pass < (correction ? 2 : 1); ++pass) {
                    // The correction row credits back 3 % of the previous month's volume.
                    const double qty = pass == 0 ? q : -std::round(q * 30 * 0.03);
                    w.beginObject();
                    w.field("BillingAccountId", a->id);
                    AccountText &text = accountText[size_t(ai)];
                    w.field("BillingAccountName", text.name);
                    w.field("ChargeCategory", "Usage");
                    QByteArray &description = text.description[size_t(mi)];
                    if (description.isNull())
                        description = QByteArray(m.description).replace("%z", text.zoneName);
                    if (pass == 1)
                        w.field("ChargeDescription",
                                QByteArray("Correction for the previous billing period: " + description));
                    else
                        w.field("ChargeDescription", description);
                    w.field("ChargeFrequency", "Usage-Based");
                    w.field("ChargePeriodStart", start).field("ChargePeriodEnd", end);
                    w.field("ConsumedQuantity", qty).field("ConsumedUnit", m.unit);
                    w.field("HostProviderName", "Cloudflare").field("InvoiceIssuerName", "Cloudflare");
                    w.field("ServiceProviderName", "Cloudflare");
                    if (!a->tags.isEmpty())
                        w.key("Tags").raw(accountTags[ai]);
                    w.field("x_BillableMetricId", m.id).field("x_BillableMetricName", m.name);
                    if (pass == 1)
                        w.field("ChargeClass", "Correction");
                    else
                        w.nullField("ChargeClass");
                    if (m.regional) {
                        const int region = int(Random::hash(a->id) % 3);
                        w.field("RegionId", regionIds[region]).field("RegionName", regionNames[region]);
                    } else {
                        w.nullField("RegionId").nullField("RegionName");
                    }
                    if (enterprise)
                        w.field("SubAccountId", contractUuid).field("SubAccountName", contractUtf8);
                    w.field("x_ProductCategoryName", m.category);
                    w.field("x_ProductFamilyId", m.familyId).field("x_ProductFamilyName", m.familyName);
                    if (m.zoned)
                        w.field("x_ZoneId", a->zoneId).field("x_ZoneName", text.zoneName);
                    else
                        w.nullField("x_ZoneId").nullField("x_ZoneName");
                    if (m_costs) {
                        const double pricingQty = round6(qty / m.pricingDivisor);
                        const double contracted = enterprise ? round6(m.listPrice * 0.8) : m.listPrice;
                        w.field("BillingCurrency", "USD");
                        w.key("BillingPeriodStart").value(TimeUtil::rfc3339(periodStart));
                        w.key("BillingPeriodEnd").value(TimeUtil::rfc3339(periodEnd));
                        w.field("PricingQuantity", pricingQty).field("PricingUnit", m.pricingUnit);
                        w.field("ListUnitPrice", m.listPrice)
                            .field("ListCost", round6(pricingQty * m.listPrice));
                        w.field("ContractedUnitPrice", contracted);
                        w.field("ContractedCost", round6(pricingQty * contracted));
                        w.field("BilledCost", round6(pricingQty * contracted));
                        w.field("EffectiveCost", round6(pricingQty * contracted));
                    }
                    w.endObject();
                }
            }
        }
    }
    w.endArray();
}

} // namespace sim
