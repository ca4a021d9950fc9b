#include "usagecube.h"

#include "api/records.h"
#include "api/usagecolumns.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSharedData>
#include <QTimeZone>
#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <vector>

namespace models {

namespace {

constexpr int CostCount = 4;

int costIndex(UsageMeasure measure)
{
    return int(measure) - int(UsageMeasure::BilledCost);
}

// Strings of one dimension, interned. Id 0 is the empty value so that the
// common "not set" case (zone, region) never touches the hash.
struct ValuePool
{
    QList<QString> keys{QString()};
    QList<QString> names{QString()};
    QHash<QString, qint32> index;

    qint32 intern(const QString &key, const QString &name)
    {
        if (key.isEmpty())
            return 0;
        const auto it = index.constFind(key);
        if (it != index.constEnd()) {
            if (names[*it].isEmpty() && !name.isEmpty())
                names[*it] = name;
            return *it;
        }
        const auto id = qint32(keys.size());
        keys.append(key);
        names.append(name);
        index.insert(key, id);
        return id;
    }
};

// Remembers the last string seen for a slot: FOCUS answers repeat the same
// account, family and unit across consecutive records, and comparing with the
// previous string is much cheaper than hashing it.
struct LastValue
{
    QString key;
    qint32 id = -1;
};

inline quint64 mix64(quint64 x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

struct RowKey
{
    qint32 day;
    qint32 account;
    qint32 metric;
    qint32 subAccount;
    qint32 zone;
    qint32 region;
    bool correction;

    quint64 hash() const
    {
        const quint64 a = (quint64(quint32(day)) << 32) | quint32(account);
        const quint64 b = (quint64(quint32(metric)) << 32) | quint32(subAccount);
        const quint64 c =
            (quint64(quint32(zone)) << 33) ^ (quint64(quint32(region)) << 1) ^ quint64(correction);
        return mix64(a ^ mix64(b ^ mix64(c)));
    }
};

const QString &keyOr(const QString &id, const QString &name)
{
    return id.isEmpty() ? name : id;
}

constexpr qint64 NoTime = std::numeric_limits<qint64>::min();

// What a record holds beyond the cube's dimensions and measures, as received
// (issue 19 item 6). These fields repeat across records, so rows share one
// profile each and a row costs four bytes for them.
struct RecordProfile
{
    enum Text {
        ChargeCategory,
        ChargeClass,
        ChargeFrequency,
        HostProvider,
        InvoiceIssuer,
        ServiceProvider,
        PricingUnit,
        Tags,
        TextCount
    };
    std::array<QString, TextCount> text;
    qint64 startOffset = 0;    // ChargePeriodStart after its day's midnight (ms)
    qint64 endOffset = NoTime; // ChargePeriodEnd - ChargePeriodStart (ms)
    qint64 billingStart = NoTime;
    qint64 billingEnd = NoTime;
    quint8 noId = 0;   // bit per id-and-name dimension: the record sent no id (its key is the name)
    quint8 noName = 0; // bit per id-and-name dimension: the record sent no name
    // A name other than the one the dimension keeps for that key (rare: the
    // same id under two names), per id-and-name dimension.
    std::array<QString, 6> names;

    friend bool operator==(const RecordProfile &, const RecordProfile &) = default;
};

size_t qHash(const RecordProfile &p, size_t seed = 0)
{
    QtPrivate::QHashCombine combine;
    for (const QString &t : p.text)
        seed = combine(seed, t);
    seed = combine(seed, p.startOffset);
    seed = combine(seed, p.endOffset);
    seed = combine(seed, p.billingStart);
    seed = combine(seed, p.billingEnd);
    seed = combine(seed, (uint(p.noId) << 8) | p.noName);
    for (const QString &n : p.names)
        seed = combine(seed, n);
    return seed;
}

// Dimensions that come as an id and a name, in noId/noName bit order.
constexpr UsageDimension IdNameDimensions[] = {UsageDimension::Account,       UsageDimension::Metric,
                                               UsageDimension::ProductFamily, UsageDimension::SubAccount,
                                               UsageDimension::Zone,          UsageDimension::Region};

QString tagsText(const QMap<QString, QString> &tags)
{
    if (tags.isEmpty())
        return {};
    QJsonObject o;
    for (auto it = tags.begin(); it != tags.end(); ++it)
        o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QMap<QString, QString> tagsFrom(const QString &text)
{
    QMap<QString, QString> tags;
    if (text.isEmpty())
        return tags;
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        tags.insert(it.key(), it.value().toString());
    return tags;
}

} // namespace

class UsageCubeData : public QSharedData
{
public:
    std::array<ValuePool, UsageDimensionCount> pools;
    ValuePool units;
    ValuePool currencyPool;

    std::vector<qint32> day;
    std::array<std::vector<qint32>, UsageDimensionCount> dims;
    std::vector<qint32> unit;
    std::vector<quint8> currency;
    std::vector<double> quantity;
    std::array<std::vector<double>, CostCount> costs; // allocated on the first costed row
    std::vector<quint8> flags;
    // As received: profile per row, and PricingQuantity, ListUnitPrice,
    // ContractedUnitPrice (columns allocated on the first record carrying
    // any; bit n of extraPresent for number n).
    std::vector<quint32> profile;
    QList<RecordProfile> profiles{RecordProfile{}};
    QHash<RecordProfile, quint32> profileIndex{{RecordProfile{}, 0}};
    std::array<std::vector<double>, 3> extra;
    std::vector<quint8> extraPresent;
    bool extraOn = false;
    // The organization the next records are added for (roll-up only; 0:
    // none, a single organization's cube).
    qint32 organization = 0;

    quint32 internProfile(const RecordProfile &p)
    {
        const auto it = profileIndex.constFind(p);
        if (it != profileIndex.constEnd())
            return *it;
        const auto id = quint32(profiles.size());
        profiles.append(p);
        profileIndex.insert(p, id);
        return id;
    }

    void enableExtra()
    {
        if (extraOn)
            return;
        extraOn = true;
        for (auto &c : extra) {
            c.reserve(day.capacity());
            c.assign(day.size(), 0.0);
        }
    }

    // Rows per day (from dayBase), to tell whether a batch touches days that
    // already hold rows: only then does it need de-duplicating against them.
    std::vector<qint32> dayRows;
    qint32 dayBase = 0;

    QList<UsageDayRange> covered;
    qsizetype corrections = 0;
    qsizetype withoutQuantity = 0;
    std::array<qsizetype, CostCount> costRows{};
    QList<qsizetype> currencyRows{0};
    qint32 minDay = 0;
    qint32 maxDay = -1;

    qsizetype rows() const { return qsizetype(day.size()); }

    RowKey keyOf(qsizetype row) const
    {
        return {day[row],
                dims[int(UsageDimension::Account)][row],
                dims[int(UsageDimension::Metric)][row],
                dims[int(UsageDimension::SubAccount)][row],
                dims[int(UsageDimension::Zone)][row],
                dims[int(UsageDimension::Region)][row],
                (flags[row] & UsageCube::Correction) != 0};
    }

    bool rowHasKey(qint32 row, const RowKey &k) const
    {
        return day[row] == k.day && dims[int(UsageDimension::Metric)][row] == k.metric &&
               dims[int(UsageDimension::Account)][row] == k.account &&
               dims[int(UsageDimension::SubAccount)][row] == k.subAccount &&
               dims[int(UsageDimension::Zone)][row] == k.zone &&
               dims[int(UsageDimension::Region)][row] == k.region &&
               ((flags[row] & UsageCube::Correction) != 0) == k.correction;
    }

    qint32 rowsOnDay(qint32 d) const
    {
        const qint64 i = qint64(d) - dayBase;
        return i >= 0 && i < qint64(dayRows.size()) ? dayRows[size_t(i)] : 0;
    }

    void countDay(qint32 d, qint32 delta)
    {
        if (dayRows.empty())
            dayBase = d;
        if (d < dayBase) {
            dayRows.insert(dayRows.begin(), size_t(dayBase - d), 0);
            dayBase = d;
        }
        const size_t i = size_t(d - dayBase);
        if (i >= dayRows.size())
            dayRows.resize(i + 1, 0);
        dayRows[i] += delta;
    }

    void recountDays()
    {
        dayRows.clear();
        for (qint32 d : day)
            countDay(d, 1);
    }

    void reserveFor(qsizetype incoming)
    {
        qsizetype want = rows() + incoming;
        // Geometric growth: windows arrive one by one.
        if (size_t(want) > day.capacity())
            want = qMax(want, qsizetype(day.capacity() * 3 / 2));
        day.reserve(want);
        for (auto &c : dims)
            c.reserve(want);
        unit.reserve(want);
        currency.reserve(want);
        quantity.reserve(want);
        flags.reserve(want);
        profile.reserve(want);
        extraPresent.reserve(want);
        if (extraOn)
            for (auto &c : extra)
                c.reserve(want);
        if (costsOn)
            for (auto &c : costs)
                c.reserve(want);
    }

    void countRow(qsizetype row, int sign)
    {
        const quint8 f = flags[row];
        if (f & UsageCube::Correction)
            corrections += sign;
        if (!(f & UsageCube::HasQuantity))
            withoutQuantity += sign;
        for (int c = 0; c < CostCount; ++c)
            if (f & (UsageCube::HasBilledCost << c))
                costRows[c] += sign;
        currencyRows[currency[row]] += sign;
    }

    // Usage-only answers (today's API) never pay for the four cost columns.
    bool costsOn = false;
    void enableCostColumns()
    {
        if (costsOn)
            return;
        costsOn = true;
        for (auto &c : costs) {
            c.reserve(day.capacity());
            c.assign(day.size(), 0.0);
        }
    }

    void recomputeExtent()
    {
        if (day.empty()) {
            minDay = 0;
            maxDay = -1;
            return;
        }
        const auto [lo, hi] = std::minmax_element(day.begin(), day.end());
        minDay = *lo;
        maxDay = *hi;
    }
};

namespace {

// Converts records to rows; keeps per-call caches so a batch costs roughly
// one hash lookup per record (the metric) instead of one per dimension.
class Ingest
{
public:
    explicit Ingest(UsageCubeData &data) : m_d(data) {}

    // Records or an answer's columns.
    template <typename Source> UsageCube::AddResult run(const Source &source, std::vector<quint8> *touched)
    {
        UsageCube::AddResult result;
        m_d.reserveFor(source.size());
        std::vector<Pending> pending;
        pending.reserve(size_t(source.size()));
        convert(source, pending, result);
        store(pending, touched, result);
        return result;
    }

private:
    // A record reduced to the row it becomes.
    struct Pending
    {
        RowKey key;
        qint32 family, description, category, unit;
        quint8 currency, flags;
        double quantity;
        double costs[CostCount];
        quint32 profile;
        quint8 extraPresent;
        double extra[3];
    };

    // Phase 1: strings to ids. Reads the records sequentially and touches no
    // table, so its cost is the string comparisons only.
    void convert(const QList<api::UsageRecord> &records, std::vector<Pending> &out,
                 UsageCube::AddResult &result)
    {
        const qsizetype count = records.size();
        qint32 previousMetric = -1;
        for (qsizetype i = 0; i < count; ++i) {
            if (i + PrefetchDistance < count)
                prefetchStrings(records[i + PrefetchDistance]);
            const api::UsageRecord &r = records[i];
            if (!r.chargePeriodStart.isValid()) {
                ++result.rejected;
                continue;
            }
            const qint64 ms = r.chargePeriodStart.toMSecsSinceEpoch();
            const qint64 dayMs = 86400000;
            const auto day = qint32(ms >= 0 ? ms / dayMs : -((-ms + dayMs - 1) / dayMs));

            // Answers list the metrics in the same order for every account and
            // day, so "the metric that followed this one last time" is almost
            // always right and saves hashing the id.
            const QString &metricKey = keyOr(r.billableMetricId, r.billableMetricName);
            LastValue &guess = previousMetric >= 0 ? m_nextMetric[size_t(previousMetric)] : m_firstMetric;
            const qint32 metric = cached(guess, UsageDimension::Metric, metricKey, r.billableMetricName);
            growPerMetric(metric);
            previousMetric = metric;

            Pending p;
            p.key.day = day;
            p.key.metric = metric;
            p.key.account = cached(m_account, UsageDimension::Account,
                                   keyOr(r.billingAccountId, r.billingAccountName), r.billingAccountName);
            p.family = cached(m_family[size_t(metric)], UsageDimension::ProductFamily,
                              keyOr(r.productFamilyId, r.productFamilyName), r.productFamilyName);
            p.category = cached(m_category[size_t(metric)], UsageDimension::Category, r.productCategoryName,
                                r.productCategoryName);
            p.description = cached(m_description[size_t(metric)], UsageDimension::ChargeDescription,
                                   r.chargeDescription, r.chargeDescription);
            p.key.subAccount = cached(m_subAccount, UsageDimension::SubAccount,
                                      keyOr(r.subAccountId, r.subAccountName), r.subAccountName);
            p.key.zone = cached(m_zone, UsageDimension::Zone, keyOr(r.zoneId, r.zoneName), r.zoneName);
            p.key.region =
                cached(m_region, UsageDimension::Region, keyOr(r.regionId, r.regionName), r.regionName);
            LastValue &unit = m_unit[size_t(metric)];
            if (unit.id < 0 || !same(unit.key, r.consumedUnit))
                unit = {r.consumedUnit, m_d.units.intern(r.consumedUnit, r.consumedUnit)};
            p.unit = unit.id;
            p.currency = 0;
            if (!r.billingCurrency.isEmpty()) {
                if (m_currency.id < 0 || !same(m_currency.key, r.billingCurrency)) {
                    const qint32 id = m_d.currencyPool.intern(r.billingCurrency, r.billingCurrency);
                    // more currencies than any invoice holds: fold into "unknown"
                    m_currency = {r.billingCurrency, id > 255 ? 0 : id};
                    while (m_d.currencyRows.size() <= id)
                        m_d.currencyRows.append(0);
                }
                p.currency = quint8(m_currency.id);
            }

            p.key.correction = !r.chargeClass.isEmpty() &&
                               r.chargeClass.compare(QLatin1String("Correction"), Qt::CaseInsensitive) == 0;
            p.flags = p.key.correction ? UsageCube::Correction : 0;
            if (r.consumedQuantity)
                p.flags |= UsageCube::HasQuantity;
            p.quantity = r.consumedQuantity.value_or(0.0);
            const std::optional<double> *costs[CostCount] = {&r.billedCost, &r.effectiveCost, &r.listCost,
                                                             &r.contractedCost};
            for (int c = 0; c < CostCount; ++c) {
                p.costs[c] = costs[c]->value_or(0.0);
                if (costs[c]->has_value())
                    p.flags |= quint8(UsageCube::HasBilledCost << c);
            }
            if (p.flags & AnyCost)
                m_d.enableCostColumns();

            RecordProfile prof;
            prof.text[RecordProfile::ChargeCategory] = r.chargeCategory;
            prof.text[RecordProfile::ChargeClass] = r.chargeClass;
            prof.text[RecordProfile::ChargeFrequency] = r.chargeFrequency;
            prof.text[RecordProfile::HostProvider] = r.hostProviderName;
            prof.text[RecordProfile::InvoiceIssuer] = r.invoiceIssuerName;
            prof.text[RecordProfile::ServiceProvider] = r.serviceProviderName;
            prof.text[RecordProfile::PricingUnit] = r.pricingUnit;
            prof.text[RecordProfile::Tags] = tagsText(r.tags);
            prof.startOffset = ms - qint64(day) * dayMs;
            if (r.chargePeriodEnd.isValid())
                prof.endOffset = r.chargePeriodEnd.toMSecsSinceEpoch() - ms;
            if (r.billingPeriodStart.isValid())
                prof.billingStart = r.billingPeriodStart.toMSecsSinceEpoch();
            if (r.billingPeriodEnd.isValid())
                prof.billingEnd = r.billingPeriodEnd.toMSecsSinceEpoch();
            const QString *ids[] = {&r.billingAccountId, &r.billableMetricId, &r.productFamilyId,
                                    &r.subAccountId,     &r.zoneId,           &r.regionId};
            const QString *names[] = {&r.billingAccountName, &r.billableMetricName, &r.productFamilyName,
                                      &r.subAccountName,     &r.zoneName,           &r.regionName};
            const qint32 dimIds[] = {p.key.account,    p.key.metric, p.family,
                                     p.key.subAccount, p.key.zone,   p.key.region};
            for (int k = 0; k < 6; ++k) {
                if (ids[k]->isEmpty())
                    prof.noId |= quint8(1U << k);
                if (names[k]->isEmpty())
                    prof.noName |= quint8(1U << k);
                else if (!same(m_d.pools[int(IdNameDimensions[k])].names[dimIds[k]], *names[k]))
                    prof.names[size_t(k)] = *names[k];
            }
            // Consecutive records almost always share their profile.
            if (m_lastProfileId < 0 || !(prof == m_lastProfile)) {
                m_lastProfileId = qint64(m_d.internProfile(prof));
                m_lastProfile = std::move(prof);
            }
            p.profile = quint32(m_lastProfileId);
            const std::optional<double> *extra[3] = {&r.pricingQuantity, &r.listUnitPrice,
                                                     &r.contractedUnitPrice};
            p.extraPresent = 0;
            for (int k = 0; k < 3; ++k) {
                p.extra[k] = extra[k]->value_or(0.0);
                if (extra[k]->has_value())
                    p.extraPresent |= quint8(1U << k);
            }
            if (p.extraPresent)
                m_d.enableExtra();
            out.push_back(p);
        }
    }

    // Phase 1 for columns: each distinct value of the answer is interned
    // once (remap tables from the answer's dictionary to the cube's pools),
    // so a row costs integer lookups only.
    void convert(const api::UsageColumns &c, std::vector<Pending> &out, UsageCube::AddResult &result)
    {
        using C = api::UsageColumns;
        Remap account(c, C::BillingAccountId, C::BillingAccountName);
        Remap metric(c, C::BillableMetricId, C::BillableMetricName);
        Remap family(c, C::ProductFamilyId, C::ProductFamilyName);
        Remap category(c, C::ProductCategoryName, C::ProductCategoryName);
        Remap description(c, C::ChargeDescription, C::ChargeDescription);
        Remap subAccount(c, C::SubAccountId, C::SubAccountName);
        Remap zone(c, C::ZoneId, C::ZoneName);
        Remap region(c, C::RegionId, C::RegionName);
        Remap unit(c, C::ConsumedUnit, C::ConsumedUnit);

        // Currency and correction per distinct value; a currency is interned
        // when a stored row first uses it, as on the record path.
        const QList<QString> &currencies = c.values[C::BillingCurrency];
        std::vector<qint32> currencyIds(size_t(currencies.size()), -1);
        currencyIds[0] = 0;
        auto currencyOf = [&](quint32 v) {
            qint32 &id = currencyIds[v];
            if (id < 0) {
                id = m_d.currencyPool.intern(currencies[v], currencies[v]);
                while (m_d.currencyRows.size() <= id)
                    m_d.currencyRows.append(0);
                if (id > 255)
                    id = 0; // more currencies than any invoice holds: "unknown"
            }
            return quint8(id);
        };
        const QList<QString> &classes = c.values[C::ChargeClass];
        std::vector<quint8> isCorrection(size_t(classes.size()), 0);
        for (qsizetype v = 1; v < classes.size(); ++v)
            isCorrection[size_t(v)] =
                classes[v].compare(QLatin1String("Correction"), Qt::CaseInsensitive) == 0 ? 1 : 0;

        constexpr C::Number costFields[CostCount] = {C::BilledCost, C::EffectiveCost, C::ListCost,
                                                     C::ContractedCost};
        bool anyCostColumn = false;
        for (C::Number f : costFields)
            anyCostColumn = anyCostColumn || c.hasColumn(f);
        if (anyCostColumn)
            m_d.enableCostColumns(); // as the record path does on the first costed row

        // Profiles: rows repeat the same few combinations of these indexes
        // and offsets, so each combination is built and interned once.
        constexpr C::Text profileText[] = {C::ChargeCategory,   C::ChargeClass,       C::ChargeFrequency,
                                           C::HostProviderName, C::InvoiceIssuerName, C::ServiceProviderName,
                                           C::PricingUnit};
        constexpr C::Text idFields[] = {C::BillingAccountId, C::BillableMetricId, C::ProductFamilyId,
                                        C::SubAccountId,     C::ZoneId,           C::RegionId};
        constexpr C::Text nameFields[] = {C::BillingAccountName, C::BillableMetricName, C::ProductFamilyName,
                                          C::SubAccountName,     C::ZoneName,           C::RegionName};
        using ProfileKey = std::array<qint64, 19>;
        struct ProfileKeyHash
        {
            size_t operator()(const ProfileKey &k) const noexcept
            {
                quint64 h = 0;
                for (qint64 v : k)
                    h = mix64(h ^ quint64(v));
                return size_t(h);
            }
        };
        std::unordered_map<ProfileKey, quint32, ProfileKeyHash> profileOf;
        ProfileKey lastKey{};
        qint64 lastProfile = -1;
        std::array<std::vector<std::pair<qint32, bool>>, 6> nameMemo;
        for (int k = 0; k < 6; ++k)
            nameMemo[size_t(k)].assign(size_t(c.values[nameFields[k]].size()), {-1, false});
        constexpr C::Number extraFields[3] = {C::PricingQuantity, C::ListUnitPrice, C::ContractedUnitPrice};
        if (c.hasColumn(C::PricingQuantity) || c.hasColumn(C::ListUnitPrice) ||
            c.hasColumn(C::ContractedUnitPrice))
            m_d.enableExtra();

        const qsizetype count = c.size();
        for (qsizetype i = 0; i < count; ++i) {
            const C::Row &n = c.rows[size_t(i)];
            const qint64 ms = n.times[C::ChargePeriodStart];
            if (ms == C::kNoTime) {
                ++result.rejected;
                continue;
            }
            const qint64 dayMs = 86400000;
            Pending p;
            p.key.day = qint32(ms >= 0 ? ms / dayMs : -((-ms + dayMs - 1) / dayMs));
            p.key.metric = metric.id(m_d, UsageDimension::Metric, n);
            p.key.account = account.id(m_d, UsageDimension::Account, n);
            p.family = family.id(m_d, UsageDimension::ProductFamily, n);
            p.category = category.id(m_d, UsageDimension::Category, n);
            p.description = description.id(m_d, UsageDimension::ChargeDescription, n);
            p.key.subAccount = subAccount.id(m_d, UsageDimension::SubAccount, n);
            p.key.zone = zone.id(m_d, UsageDimension::Zone, n);
            p.key.region = region.id(m_d, UsageDimension::Region, n);
            p.unit = unit.unitId(m_d, n);
            p.currency = currencyOf(n.text[C::BillingCurrency]);
            p.key.correction = isCorrection[n.text[C::ChargeClass]] != 0;
            p.flags = p.key.correction ? UsageCube::Correction : 0;
            const quint8 present = n.present;
            if (present & (1U << C::ConsumedQuantity))
                p.flags |= UsageCube::HasQuantity;
            p.quantity = c.numberAt(C::ConsumedQuantity, i);
            for (int k = 0; k < CostCount; ++k) {
                p.costs[k] = c.numberAt(costFields[k], i);
                if (present & (1U << costFields[k]))
                    p.flags |= quint8(UsageCube::HasBilledCost << k);
            }
            p.extraPresent = 0;
            for (int k = 0; k < 3; ++k) {
                p.extra[k] = c.numberAt(extraFields[k], i);
                if (present & (1U << extraFields[k]))
                    p.extraPresent |= quint8(1U << k);
            }

            ProfileKey key{};
            for (int k = 0; k < 7; ++k)
                key[size_t(k)] = n.text[profileText[k]];
            const qint64 end = n.times[C::ChargePeriodEnd];
            key[7] = ms - qint64(p.key.day) * dayMs;
            key[8] = end == C::kNoTime ? NoTime : end - ms;
            key[9] = n.times[C::BillingPeriodStart];
            key[10] = n.times[C::BillingPeriodEnd];
            quint8 noId = 0, noName = 0;
            for (int k = 0; k < 6; ++k) {
                if (n.text[idFields[k]] == 0)
                    noId |= quint8(1U << k);
                if (n.text[nameFields[k]] == 0)
                    noName |= quint8(1U << k);
            }
            key[11] = (qint64(noId) << 8) | noName;
            const qint32 dimIds[] = {p.key.account,    p.key.metric, p.family,
                                     p.key.subAccount, p.key.zone,   p.key.region};
            for (int k = 0; k < 6; ++k) {
                const quint32 name = n.text[nameFields[k]];
                if (name == 0) {
                    key[size_t(12 + k)] = 0;
                    continue;
                }
                // Whether this name differs from the pool's, once per (name, id).
                auto &memo = nameMemo[size_t(k)][name];
                if (memo.first != dimIds[k])
                    memo = {dimIds[k], !same(m_d.pools[int(IdNameDimensions[k])].names[dimIds[k]],
                                             c.values[nameFields[k]][name])};
                key[size_t(12 + k)] = memo.second ? qint64(name) : 0;
            }
            key[18] = qint64(c.tagsIndex(i));
            // Consecutive rows almost always share their profile.
            if (lastProfile >= 0 && key == lastKey) {
                p.profile = quint32(lastProfile);
                out.push_back(p);
                continue;
            }
            auto found = profileOf.find(key);
            if (found == profileOf.end()) {
                RecordProfile prof;
                for (int k = 0; k < 7; ++k)
                    prof.text[size_t(k)] = c.values[profileText[k]][n.text[profileText[k]]];
                prof.startOffset = key[7];
                prof.endOffset = key[8];
                prof.billingStart = key[9] == C::kNoTime ? NoTime : key[9];
                prof.billingEnd = key[10] == C::kNoTime ? NoTime : key[10];
                prof.noId = noId;
                prof.noName = noName;
                for (int k = 0; k < 6; ++k)
                    if (key[size_t(12 + k)] != 0)
                        prof.names[size_t(k)] = c.values[nameFields[k]][quint32(key[size_t(12 + k)])];
                prof.text[RecordProfile::Tags] = tagsText(c.tagSets[qsizetype(key[18])]);
                found = profileOf.emplace(key, m_d.internProfile(prof)).first;
            }
            p.profile = found->second;
            lastKey = key;
            lastProfile = qint64(found->second);
            out.push_back(p);
        }
    }

    // Maps an answer's (id, name) dictionary indexes to a pool id. The key
    // is the id when given, else the name, as for records; an id seen first
    // without a name takes the name from a later row that has one.
    class Remap
    {
    public:
        Remap(const api::UsageColumns &c, api::UsageColumns::Text key, api::UsageColumns::Text name)
            : m_keys(c.values[key]), m_names(c.values[name]), m_keyField(key), m_nameField(name),
              m_byKey(size_t(m_keys.size()), -1), m_byName(size_t(m_names.size()), -1),
              m_named(size_t(m_keys.size()), 0)
        {}

        qint32 id(UsageCubeData &d, UsageDimension dimension, const api::UsageColumns::Row &row)
        {
            const quint32 key = row.text[m_keyField];
            const quint32 name = row.text[m_nameField];
            ValuePool &pool = d.pools[int(dimension)];
            if (key != 0) {
                qint32 &id = m_byKey[key];
                if (id < 0)
                    id = pool.intern(m_keys[key], m_names[name]);
                else if (name != 0 && !m_named[key])
                    pool.intern(m_keys[key], m_names[name]); // fills a missing name
                if (name != 0)
                    m_named[key] = 1;
                return id;
            }
            qint32 &id = m_byName[name];
            if (id < 0)
                id = pool.intern(m_names[name], m_names[name]);
            return id;
        }

        qint32 unitId(UsageCubeData &d, const api::UsageColumns::Row &row)
        {
            const quint32 key = row.text[m_keyField];
            qint32 &id = m_byKey[key];
            if (id < 0) {
                const QString &unit = m_keys[key];
                id = d.units.intern(unit, unit);
            }
            return id;
        }

    private:
        const QList<QString> &m_keys;
        const QList<QString> &m_names;
        const api::UsageColumns::Text m_keyField;
        const api::UsageColumns::Text m_nameField;
        std::vector<qint32> m_byKey;
        std::vector<qint32> m_byName;
        std::vector<quint8> m_named; // the pool has a name for this key
    };

    // Phase 2: upsert by key. The key index covers this batch and the rows
    // already stored on the batch's days only (none for a fresh window), so it
    // stays small enough to live in cache.
    void store(const std::vector<Pending> &pending, std::vector<quint8> *touched,
               UsageCube::AddResult &result)
    {
        const size_t count = pending.size();
        if (count == 0)
            return;
        qint32 lo = pending[0].key.day;
        qint32 hi = lo;
        for (const Pending &p : pending) {
            lo = qMin(lo, p.key.day);
            hi = qMax(hi, p.key.day);
        }
        // Days of the batch that already hold rows (a re-fetched window).
        std::vector<quint8> overlap;
        qsizetype existing = 0;
        const bool dense = qint64(hi) - lo < (qint64(1) << 24);
        if (dense) {
            overlap.assign(size_t(hi - lo + 1), 0);
            for (const Pending &p : pending) {
                quint8 &o = overlap[size_t(p.key.day - lo)];
                if (!o) {
                    o = m_d.rowsOnDay(p.key.day) > 0 ? 1 : 2;
                    if (o == 1)
                        existing += m_d.rowsOnDay(p.key.day);
                }
            }
        } else {
            existing = m_d.rows(); // absurdly spread dates: index everything
        }
        quint64 capacity = 64;
        while (capacity < quint64(count + size_t(existing)) * 2)
            capacity <<= 1;
        std::vector<qint32> table(capacity, -1);
        const quint64 mask = capacity - 1;
        auto insertExisting = [&](qsizetype r) {
            quint64 slot = m_d.keyOf(r).hash() & mask;
            while (table[slot] >= 0)
                slot = (slot + 1) & mask;
            table[slot] = qint32(r);
        };
        if (existing > 0) {
            const qsizetype n = m_d.rows();
            for (qsizetype r = 0; r < n; ++r) {
                const qint32 d = m_d.day[size_t(r)];
                if (!dense || (d >= lo && d <= hi && overlap[size_t(d - lo)] == 1))
                    insertExisting(r);
            }
        }

        std::vector<quint64> hashes(count);
        for (size_t i = 0; i < count; ++i)
            hashes[i] = pending[i].key.hash();
        constexpr size_t Ahead = 8;
        for (size_t i = 0; i < count; ++i) {
#if defined(__GNUC__)
            if (i + Ahead < count)
                __builtin_prefetch(&table[hashes[i + Ahead] & mask]);
#endif
            const Pending &p = pending[i];
            quint64 slot = hashes[i] & mask;
            qint32 row = -1;
            while (table[slot] >= 0) {
                if (m_d.rowHasKey(table[slot], p.key)) {
                    row = table[slot];
                    break;
                }
                slot = (slot + 1) & mask;
            }
            if (row >= 0) {
                ++result.replaced;
                m_d.countRow(row, -1);
            } else {
                ++result.added;
                row = qint32(m_d.rows());
                table[slot] = row;
                m_d.countDay(p.key.day, 1);
                m_d.day.push_back(p.key.day);
                for (auto &c : m_d.dims)
                    c.push_back(0);
                m_d.unit.push_back(0);
                m_d.currency.push_back(0);
                m_d.quantity.push_back(0);
                m_d.flags.push_back(0);
                m_d.profile.push_back(0);
                m_d.extraPresent.push_back(0);
                if (m_d.extraOn)
                    for (auto &c : m_d.extra)
                        c.push_back(0);
                if (m_d.costsOn)
                    for (auto &c : m_d.costs)
                        c.push_back(0);
                if (touched)
                    touched->push_back(0);
                if (m_d.maxDay < m_d.minDay) {
                    m_d.minDay = m_d.maxDay = p.key.day;
                } else {
                    m_d.minDay = qMin(m_d.minDay, p.key.day);
                    m_d.maxDay = qMax(m_d.maxDay, p.key.day);
                }
            }
            m_d.dims[int(UsageDimension::ProductFamily)][size_t(row)] = p.family;
            m_d.dims[int(UsageDimension::Metric)][size_t(row)] = p.key.metric;
            m_d.dims[int(UsageDimension::Account)][size_t(row)] = p.key.account;
            m_d.dims[int(UsageDimension::SubAccount)][size_t(row)] = p.key.subAccount;
            m_d.dims[int(UsageDimension::Zone)][size_t(row)] = p.key.zone;
            m_d.dims[int(UsageDimension::Region)][size_t(row)] = p.key.region;
            m_d.dims[int(UsageDimension::ChargeDescription)][size_t(row)] = p.description;
            m_d.dims[int(UsageDimension::Category)][size_t(row)] = p.category;
            m_d.dims[int(UsageDimension::Organization)][size_t(row)] = m_d.organization;
            m_d.unit[size_t(row)] = p.unit;
            m_d.currency[size_t(row)] = p.currency;
            m_d.quantity[size_t(row)] = p.quantity;
            m_d.flags[size_t(row)] = p.flags;
            m_d.profile[size_t(row)] = p.profile;
            m_d.extraPresent[size_t(row)] = p.extraPresent;
            if (m_d.extraOn)
                for (int k = 0; k < 3; ++k)
                    m_d.extra[size_t(k)][size_t(row)] = p.extra[k];
            if (m_d.costsOn)
                for (int c = 0; c < CostCount; ++c)
                    m_d.costs[size_t(c)][size_t(row)] = p.costs[c];
            m_d.countRow(row, +1);
            if (touched)
                (*touched)[size_t(row)] = 1;
        }
    }

    static constexpr quint8 AnyCost = UsageCube::HasBilledCost | UsageCube::HasEffectiveCost |
                                      UsageCube::HasListCost | UsageCube::HasContractedCost;

    // Each decoded string is its own heap block, so comparing it is a cache
    // miss; asking for the blocks a few records ahead overlaps those misses
    // (the record array itself is read sequentially and needs no help).
    static constexpr qsizetype PrefetchDistance = 6;
    static void prefetch(const QString &s)
    {
#if defined(__GNUC__)
        __builtin_prefetch(s.constData());
#else
        Q_UNUSED(s)
#endif
    }
    static void prefetchStrings(const api::UsageRecord &r)
    {
        prefetch(r.billableMetricId);
        prefetch(r.billingAccountId);
        prefetch(r.productFamilyId);
        prefetch(r.productCategoryName);
        prefetch(r.chargeDescription);
        prefetch(r.subAccountId);
        prefetch(r.zoneId);
        prefetch(r.consumedUnit);
        prefetch(r.chargeClass);
    }

    // Inline size check first: most misses differ in length, and the library
    // comparison costs a call even for equal strings.
    static bool same(const QString &a, const QString &b)
    {
        const qsizetype n = a.size();
        if (n != b.size())
            return false;
        const QChar *pa = a.constData();
        const QChar *pb = b.constData();
        return pa == pb || std::memcmp(pa, pb, size_t(n) * sizeof(QChar)) == 0;
    }

    qint32 cached(LastValue &last, UsageDimension dimension, const QString &key, const QString &name)
    {
        if (last.id >= 0 && same(last.key, key))
            return last.id;
        const qint32 id = m_d.pools[int(dimension)].intern(key, name);
        last = {key, id};
        return id;
    }

    void growPerMetric(qint32 metric)
    {
        if (size_t(metric) >= m_family.size()) {
            const size_t n = size_t(metric) + 16;
            m_family.resize(n);
            m_nextMetric.resize(n);
            m_category.resize(n);
            m_description.resize(n);
            m_unit.resize(n);
        }
    }

    UsageCubeData &m_d;
    RecordProfile m_lastProfile;
    qint64 m_lastProfileId = -1;
    LastValue m_firstMetric, m_account, m_subAccount, m_zone, m_region, m_currency;
    // Family, category, description and unit follow the metric almost always.
    std::vector<LastValue> m_family, m_category, m_description, m_unit;
    std::vector<LastValue> m_nextMetric; // by the previous record's metric
};

template <typename T> void compact(std::vector<T> &column, const std::vector<quint8> &keep)
{
    if (column.empty())
        return;
    size_t out = 0;
    for (size_t i = 0; i < column.size(); ++i)
        if (keep[i])
            column[out++] = column[i];
    column.resize(out);
}

} // namespace

UsageCube::UsageCube() : d(new UsageCubeData) {}
UsageCube::UsageCube(const UsageCube &other) = default;
UsageCube &UsageCube::operator=(const UsageCube &other) = default;
UsageCube::~UsageCube() = default;

void UsageCube::detach()
{
    if (!d)
        d = new UsageCubeData;
    else
        d.detach();
}

UsageCube::AddResult UsageCube::addRecords(const QList<api::UsageRecord> &records)
{
    if (records.isEmpty())
        return {};
    detach();
    return Ingest(*d).run(records, nullptr);
}

UsageCube::AddResult UsageCube::addRecords(const api::UsageColumns &columns)
{
    if (columns.isEmpty())
        return {};
    detach();
    return Ingest(*d).run(columns, nullptr);
}

UsageCube::AddResult UsageCube::addWindow(UsageDayRange window, const QList<api::UsageRecord> &records)
{
    return upsertWindow(
        window, [&](Ingest &ingest, std::vector<quint8> *touched) { return ingest.run(records, touched); });
}

UsageCube::AddResult UsageCube::addWindow(UsageDayRange window, const api::UsageColumns &columns)
{
    return upsertWindow(
        window, [&](Ingest &ingest, std::vector<quint8> *touched) { return ingest.run(columns, touched); });
}

template <typename Run> UsageCube::AddResult UsageCube::upsertWindow(UsageDayRange window, Run &&run)
{
    detach();
    // Rows of the window that the fresh answer does not repeat are stale; a
    // window that held no rows before (the usual case) cannot have any.
    bool hadRows = false;
    for (qint32 day = window.first; day <= window.last && !hadRows; ++day)
        hadRows = d->rowsOnDay(day) > 0;
    std::vector<quint8> touched(hadRows ? size_t(d->rows()) : 0, 0);
    Ingest ingest(*d);
    AddResult result = run(ingest, hadRows ? &touched : nullptr);
    if (hadRows) {
        std::vector<quint8> keep(touched.size(), 1);
        qsizetype stale = 0;
        for (size_t r = 0; r < keep.size(); ++r) {
            if (!touched[r] && window.contains(d->day[r])) {
                keep[r] = 0;
                ++stale;
                d->countRow(qsizetype(r), -1);
            }
        }
        if (stale > 0) {
            compact(d->day, keep);
            for (auto &c : d->dims)
                compact(c, keep);
            compact(d->unit, keep);
            compact(d->currency, keep);
            compact(d->quantity, keep);
            for (auto &c : d->costs)
                compact(c, keep);
            compact(d->flags, keep);
            compact(d->profile, keep);
            compact(d->extraPresent, keep);
            for (auto &c : d->extra)
                compact(c, keep);
            d->recountDays();
            d->recomputeExtent();
            result.removed = int(stale);
        }
    }
    markCovered(window);
    return result;
}

void UsageCube::markCovered(UsageDayRange range)
{
    if (range.isEmpty())
        return;
    detach();
    QList<UsageDayRange> merged;
    merged.reserve(d->covered.size() + 1);
    bool placed = false;
    for (const UsageDayRange &r : std::as_const(d->covered)) {
        if (r.last + 1 < range.first) {
            merged.append(r);
        } else if (range.last + 1 < r.first) {
            if (!placed) {
                merged.append(range);
                placed = true;
            }
            merged.append(r);
        } else {
            range.first = qMin(range.first, r.first);
            range.last = qMax(range.last, r.last);
        }
    }
    if (!placed)
        merged.append(range);
    d->covered = merged;
}

void UsageCube::setOrganization(const QString &id, const QString &name)
{
    detach();
    d->organization = d->pools[int(UsageDimension::Organization)].intern(id, name);
}

void UsageCube::clear()
{
    d = new UsageCubeData;
}

QList<UsageDayRange> UsageCube::coveredRanges() const
{
    return d->covered;
}

QList<UsageDayRange> UsageCube::missingRanges(UsageDayRange range) const
{
    QList<UsageDayRange> missing;
    if (range.isEmpty())
        return missing;
    qint32 next = range.first;
    for (const UsageDayRange &r : std::as_const(d->covered)) {
        if (r.last < next)
            continue;
        if (r.first > range.last)
            break;
        if (r.first > next)
            missing.append({next, r.first - 1});
        next = r.last + 1;
        if (next > range.last)
            return missing;
    }
    if (next <= range.last)
        missing.append({next, range.last});
    return missing;
}

QList<UsageDayRange> UsageCube::missingWindows(UsageDayRange range, int maxDays) const
{
    QList<UsageDayRange> windows;
    for (const UsageDayRange &gap : missingRanges(range))
        windows.append(gap.splitIntoWindows(maxDays));
    return windows;
}

qsizetype UsageCube::rowCount() const
{
    return d->rows();
}

UsageDayRange UsageCube::dayExtent() const
{
    return {d->minDay, d->maxDay};
}

qsizetype UsageCube::correctionRowCount() const
{
    return d->corrections;
}

qsizetype UsageCube::rowsWithoutQuantity() const
{
    return d->withoutQuantity;
}

bool UsageCube::hasCosts() const
{
    return std::any_of(d->costRows.begin(), d->costRows.end(), [](qsizetype n) { return n > 0; });
}

bool UsageCube::hasMeasure(UsageMeasure measure) const
{
    return rowsWithMeasure(measure) > 0 || measure == UsageMeasure::ConsumedQuantity;
}

qsizetype UsageCube::rowsWithMeasure(UsageMeasure measure) const
{
    if (measure == UsageMeasure::ConsumedQuantity)
        return d->rows() - d->withoutQuantity;
    if (measure == UsageMeasure::EstimatedCost)
        return 0; // not a column of the cube: see models::estimateCost
    return d->costRows[costIndex(measure)];
}

QString UsageCube::billingCurrency() const
{
    qsizetype best = 0;
    QString currency;
    for (qsizetype i = 1; i < d->currencyRows.size(); ++i) {
        if (d->currencyRows[i] > best) {
            best = d->currencyRows[i];
            currency = d->currencyPool.keys[i];
        }
    }
    return currency;
}

QStringList UsageCube::currencies() const
{
    QStringList list;
    for (qsizetype i = 1; i < d->currencyRows.size(); ++i)
        if (d->currencyRows[i] > 0)
            list.append(d->currencyPool.keys[i]);
    return list;
}

qint32 UsageCube::valueCount(UsageDimension dimension) const
{
    return qint32(d->pools[int(dimension)].keys.size());
}

QString UsageCube::valueKey(UsageDimension dimension, qint32 id) const
{
    const ValuePool &p = d->pools[int(dimension)];
    return id >= 0 && id < p.keys.size() ? p.keys[id] : QString();
}

QString UsageCube::valueName(UsageDimension dimension, qint32 id) const
{
    const ValuePool &p = d->pools[int(dimension)];
    return id >= 0 && id < p.names.size() ? p.names[id] : QString();
}

QString UsageCube::valueLabel(UsageDimension dimension, qint32 id) const
{
    const ValuePool &p = d->pools[int(dimension)];
    if (id > 0 && id < p.keys.size())
        return p.names[id].isEmpty() ? p.keys[id] : p.names[id];
    return QCoreApplication::translate("models::Usage", "(none)");
}

qint32 UsageCube::findValue(UsageDimension dimension, const QString &key) const
{
    if (key.isEmpty())
        return 0;
    return d->pools[int(dimension)].index.value(key, -1);
}

qint32 UsageCube::unitCount() const
{
    return qint32(d->units.keys.size());
}

QString UsageCube::unitName(qint32 unitId) const
{
    return unitId >= 0 && unitId < d->units.keys.size() ? d->units.keys[unitId] : QString();
}

std::span<const qint32> UsageCube::days() const
{
    return d->day;
}

std::span<const qint32> UsageCube::dimensionColumn(UsageDimension dimension) const
{
    return d->dims[int(dimension)];
}

std::span<const qint32> UsageCube::unitColumn() const
{
    return d->unit;
}

std::span<const double> UsageCube::quantities() const
{
    return d->quantity;
}

std::span<const double> UsageCube::measureColumn(UsageMeasure measure) const
{
    if (measure == UsageMeasure::ConsumedQuantity)
        return d->quantity;
    if (!d->costsOn || measure == UsageMeasure::EstimatedCost)
        return {};
    return d->costs[costIndex(measure)];
}

std::span<const quint8> UsageCube::flags() const
{
    return d->flags;
}

std::span<const quint8> UsageCube::currencyColumn() const
{
    return d->currency;
}

QString UsageCube::currencyName(quint8 currencyId) const
{
    return currencyId < d->currencyPool.keys.size() ? d->currencyPool.keys[currencyId] : QString();
}

api::UsageRecord UsageCube::record(qsizetype row) const
{
    api::UsageRecord r;
    if (row < 0 || row >= d->rows())
        return r;
    const size_t i = size_t(row);
    const RecordProfile &p = d->profiles.at(qsizetype(d->profile[i]));
    const qint64 start = qint64(d->day[i]) * 86400000 + p.startOffset;
    r.chargePeriodStart = QDateTime::fromMSecsSinceEpoch(start, QTimeZone::utc());
    if (p.endOffset != NoTime)
        r.chargePeriodEnd = QDateTime::fromMSecsSinceEpoch(start + p.endOffset, QTimeZone::utc());
    if (p.billingStart != NoTime)
        r.billingPeriodStart = QDateTime::fromMSecsSinceEpoch(p.billingStart, QTimeZone::utc());
    if (p.billingEnd != NoTime)
        r.billingPeriodEnd = QDateTime::fromMSecsSinceEpoch(p.billingEnd, QTimeZone::utc());
    QString *ids[] = {&r.billingAccountId, &r.billableMetricId, &r.productFamilyId,
                      &r.subAccountId,     &r.zoneId,           &r.regionId};
    QString *names[] = {&r.billingAccountName, &r.billableMetricName, &r.productFamilyName,
                        &r.subAccountName,     &r.zoneName,           &r.regionName};
    for (int k = 0; k < 6; ++k) {
        const UsageDimension dim = IdNameDimensions[k];
        const qint32 id = d->dims[int(dim)][i];
        if (!(p.noId & (1U << k)))
            *ids[k] = valueKey(dim, id);
        if (!(p.noName & (1U << k)))
            *names[k] = p.names[size_t(k)].isEmpty() ? valueName(dim, id) : p.names[size_t(k)];
    }
    r.chargeDescription =
        valueKey(UsageDimension::ChargeDescription, d->dims[int(UsageDimension::ChargeDescription)][i]);
    r.productCategoryName = valueKey(UsageDimension::Category, d->dims[int(UsageDimension::Category)][i]);
    r.consumedUnit = unitName(d->unit[i]);
    r.billingCurrency = currencyName(d->currency[i]);
    r.chargeCategory = p.text[RecordProfile::ChargeCategory];
    r.chargeClass = p.text[RecordProfile::ChargeClass];
    r.chargeFrequency = p.text[RecordProfile::ChargeFrequency];
    r.hostProviderName = p.text[RecordProfile::HostProvider];
    r.invoiceIssuerName = p.text[RecordProfile::InvoiceIssuer];
    r.serviceProviderName = p.text[RecordProfile::ServiceProvider];
    r.pricingUnit = p.text[RecordProfile::PricingUnit];
    r.tags = tagsFrom(p.text[RecordProfile::Tags]);
    const quint8 f = d->flags[i];
    if (f & HasQuantity)
        r.consumedQuantity = d->quantity[i];
    std::optional<double> *costs[CostCount] = {&r.billedCost, &r.effectiveCost, &r.listCost,
                                               &r.contractedCost};
    for (int c = 0; c < CostCount; ++c)
        if (f & (HasBilledCost << c))
            *costs[c] = d->costs[size_t(c)][i];
    std::optional<double> *extra[3] = {&r.pricingQuantity, &r.listUnitPrice, &r.contractedUnitPrice};
    for (int k = 0; k < 3; ++k)
        if (d->extraOn && (d->extraPresent[i] & (1U << k)))
            *extra[k] = d->extra[size_t(k)][i];
    return r;
}

quint8 UsageCube::measureFlag(UsageMeasure measure)
{
    if (measure == UsageMeasure::ConsumedQuantity)
        return HasQuantity;
    if (measure == UsageMeasure::EstimatedCost)
        return 0; // no row of the cube carries it
    return quint8(HasBilledCost << costIndex(measure));
}

} // namespace models
