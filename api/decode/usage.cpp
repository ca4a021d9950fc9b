// Usage answers (FOCUS records), as records or column by column.
#include "api/decode/envelope_p.h"
#include "api/decode/pagedictionary_p.h"

#include <array>
#include <cstring>
#include <string>
#include <unordered_map>

namespace api::decode {

using namespace detail;

namespace {

bool readUsageRecord(Reader &r, od::value &v, const Path &path, UsageRecord *u)
{
    return r.object(
        v, path,
        [&](std::string_view k, od::value &val, const Path &fp) {
            if (k.empty())
                return true;
            // Dispatch on the first letter keeps this cheap on a 36-column record.
            switch (k[0]) {
            case 'B':
                if (is(k, "BillingAccountId"))
                    return r.internedString(val, fp, &u->billingAccountId, 18);
                if (is(k, "BillingAccountName"))
                    return r.internedString(val, fp, &u->billingAccountName, 19);
                if (is(k, "BillingCurrency"))
                    return r.internedString(val, fp, &u->billingCurrency, 20);
                if (is(k, "BillingPeriodStart"))
                    return r.timestamp(val, fp, &u->billingPeriodStart);
                if (is(k, "BillingPeriodEnd"))
                    return r.timestamp(val, fp, &u->billingPeriodEnd);
                if (is(k, "BilledCost"))
                    return r.number(val, fp, &u->billedCost);
                break;
            case 'C':
                if (is(k, "ChargeCategory"))
                    return r.internedString(val, fp, &u->chargeCategory, 21);
                if (is(k, "ChargeClass"))
                    return r.internedString(val, fp, &u->chargeClass, 22);
                if (is(k, "ChargeDescription"))
                    return r.internedString(val, fp, &u->chargeDescription, 23);
                if (is(k, "ChargeFrequency"))
                    return r.internedString(val, fp, &u->chargeFrequency, 24);
                if (is(k, "ChargePeriodStart"))
                    return r.timestamp(val, fp, &u->chargePeriodStart);
                if (is(k, "ChargePeriodEnd"))
                    return r.timestamp(val, fp, &u->chargePeriodEnd);
                if (is(k, "ConsumedQuantity"))
                    return r.number(val, fp, &u->consumedQuantity);
                if (is(k, "ConsumedUnit"))
                    return r.internedString(val, fp, &u->consumedUnit, 25);
                if (is(k, "ContractedUnitPrice"))
                    return r.number(val, fp, &u->contractedUnitPrice);
                if (is(k, "ContractedCost"))
                    return r.number(val, fp, &u->contractedCost);
                break;
            case 'E':
                if (is(k, "EffectiveCost"))
                    return r.number(val, fp, &u->effectiveCost);
                break;
            case 'H':
                if (is(k, "HostProviderName"))
                    return r.internedString(val, fp, &u->hostProviderName, 26);
                break;
            case 'I':
                if (is(k, "InvoiceIssuerName"))
                    return r.internedString(val, fp, &u->invoiceIssuerName, 27);
                break;
            case 'L':
                if (is(k, "ListUnitPrice"))
                    return r.number(val, fp, &u->listUnitPrice);
                if (is(k, "ListCost"))
                    return r.number(val, fp, &u->listCost);
                break;
            case 'P':
                if (is(k, "PricingQuantity"))
                    return r.number(val, fp, &u->pricingQuantity);
                if (is(k, "PricingUnit"))
                    return r.internedString(val, fp, &u->pricingUnit, 28);
                break;
            case 'R':
                if (is(k, "RegionId"))
                    return r.internedString(val, fp, &u->regionId, 29);
                if (is(k, "RegionName"))
                    return r.internedString(val, fp, &u->regionName, 30);
                break;
            case 'S':
                if (is(k, "ServiceProviderName"))
                    return r.internedString(val, fp, &u->serviceProviderName, 31);
                if (is(k, "SubAccountId"))
                    return r.internedString(val, fp, &u->subAccountId, 32);
                if (is(k, "SubAccountName"))
                    return r.internedString(val, fp, &u->subAccountName, 33);
                break;
            case 'T':
                if (is(k, "Tags"))
                    return r.stringMap(val, fp, &u->tags);
                break;
            case 'x':
                if (is(k, "x_BillableMetricId"))
                    return r.internedString(val, fp, &u->billableMetricId, 34);
                if (is(k, "x_BillableMetricName"))
                    return r.internedString(val, fp, &u->billableMetricName, 35);
                if (is(k, "x_ProductFamilyId"))
                    return r.internedString(val, fp, &u->productFamilyId, 36);
                if (is(k, "x_ProductFamilyName"))
                    return r.internedString(val, fp, &u->productFamilyName, 37);
                if (is(k, "x_ProductCategoryName"))
                    return r.internedString(val, fp, &u->productCategoryName, 38);
                if (is(k, "x_ZoneId"))
                    return r.internedString(val, fp, &u->zoneId, 39);
                if (is(k, "x_ZoneName"))
                    return r.internedString(val, fp, &u->zoneName, 40);
                break;
            default:
                break;
            }
            return true;
        },
        &u->rawJson);
}

// Usage answers list an account's metrics (and a day's accounts) in the same
// order again and again: each dictionary guesses the value that follows.
struct UsageDictionaries : std::array<PageDictionary, UsageColumns::TextCount>
{
    UsageDictionaries()
    {
        for (PageDictionary &d : *this)
            d.guessFollowers();
    }
};

// An answer's distinct tag sets: each set is built once, rows keep an index.
// The key is the set's fields as read (the fast path) or its canonical
// spelling (the reader); two keys for one set only cost a duplicate entry.
class TagDictionary
{
public:
    template <typename Build> quint32 indexOf(const std::string &key, UsageColumns *c, Build &&build)
    {
        const auto it = m_index.find(key);
        if (it != m_index.end())
            return it->second;
        const auto index = quint32(c->tagSets.size());
        c->tagSets.append(build());
        m_index.emplace(key, index);
        return index;
    }
    quint32 indexOf(QMap<QString, QString> &&tags, UsageColumns *c)
    {
        if (tags.isEmpty())
            return 0;
        std::string key;
        for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
            key += it.key().toStdString();
            key += '\0';
            key += it.value().toStdString();
            key += '\0';
        }
        return indexOf(key, c, [&] { return std::move(tags); });
    }

private:
    std::unordered_map<std::string, quint32> m_index;
};

// Where a FOCUS key goes in UsageColumns; both usage column readers use it.
struct UsageField
{
    enum Kind : quint8 { Other, Text, Number, Time, Tags } kind = Other;
    int index = 0;
};

UsageField usageField(std::string_view k)
{
    using C = UsageColumns;
    using F = UsageField;
    if (k.empty())
        return {};
    // Dispatch on the first letter keeps this cheap on a 36-column record.
    switch (k[0]) {
    case 'B':
        if (is(k, "BillingAccountId"))
            return {F::Text, C::BillingAccountId};
        if (is(k, "BillingAccountName"))
            return {F::Text, C::BillingAccountName};
        if (is(k, "BillingCurrency"))
            return {F::Text, C::BillingCurrency};
        if (is(k, "BillingPeriodStart"))
            return {F::Time, C::BillingPeriodStart};
        if (is(k, "BillingPeriodEnd"))
            return {F::Time, C::BillingPeriodEnd};
        if (is(k, "BilledCost"))
            return {F::Number, C::BilledCost};
        break;
    case 'C':
        if (is(k, "ChargeCategory"))
            return {F::Text, C::ChargeCategory};
        if (is(k, "ChargeClass"))
            return {F::Text, C::ChargeClass};
        if (is(k, "ChargeDescription"))
            return {F::Text, C::ChargeDescription};
        if (is(k, "ChargeFrequency"))
            return {F::Text, C::ChargeFrequency};
        if (is(k, "ChargePeriodStart"))
            return {F::Time, C::ChargePeriodStart};
        if (is(k, "ChargePeriodEnd"))
            return {F::Time, C::ChargePeriodEnd};
        if (is(k, "ConsumedQuantity"))
            return {F::Number, C::ConsumedQuantity};
        if (is(k, "ConsumedUnit"))
            return {F::Text, C::ConsumedUnit};
        if (is(k, "ContractedUnitPrice"))
            return {F::Number, C::ContractedUnitPrice};
        if (is(k, "ContractedCost"))
            return {F::Number, C::ContractedCost};
        break;
    case 'E':
        if (is(k, "EffectiveCost"))
            return {F::Number, C::EffectiveCost};
        break;
    case 'H':
        if (is(k, "HostProviderName"))
            return {F::Text, C::HostProviderName};
        break;
    case 'I':
        if (is(k, "InvoiceIssuerName"))
            return {F::Text, C::InvoiceIssuerName};
        break;
    case 'L':
        if (is(k, "ListUnitPrice"))
            return {F::Number, C::ListUnitPrice};
        if (is(k, "ListCost"))
            return {F::Number, C::ListCost};
        break;
    case 'P':
        if (is(k, "PricingQuantity"))
            return {F::Number, C::PricingQuantity};
        if (is(k, "PricingUnit"))
            return {F::Text, C::PricingUnit};
        break;
    case 'R':
        if (is(k, "RegionId"))
            return {F::Text, C::RegionId};
        if (is(k, "RegionName"))
            return {F::Text, C::RegionName};
        break;
    case 'S':
        if (is(k, "ServiceProviderName"))
            return {F::Text, C::ServiceProviderName};
        if (is(k, "SubAccountId"))
            return {F::Text, C::SubAccountId};
        if (is(k, "SubAccountName"))
            return {F::Text, C::SubAccountName};
        break;
    case 'T':
        if (is(k, "Tags"))
            return {F::Tags, 0};
        break;
    case 'x':
        if (is(k, "x_BillableMetricId"))
            return {F::Text, C::BillableMetricId};
        if (is(k, "x_BillableMetricName"))
            return {F::Text, C::BillableMetricName};
        if (is(k, "x_ProductFamilyId"))
            return {F::Text, C::ProductFamilyId};
        if (is(k, "x_ProductFamilyName"))
            return {F::Text, C::ProductFamilyName};
        if (is(k, "x_ProductCategoryName"))
            return {F::Text, C::ProductCategoryName};
        if (is(k, "x_ZoneId"))
            return {F::Text, C::ZoneId};
        if (is(k, "x_ZoneName"))
            return {F::Text, C::ZoneName};
        break;
    default:
        break;
    }
    return {};
}

// The same record into columns. Accepts and rejects exactly what
// readUsageRecord does, so an answer decodes the same either way.
bool readUsageRow(Reader &r, od::value &v, const Path &path, UsageColumns *c, UsageDictionaries &dicts,
                  TagDictionary &tagDict)
{
    using C = UsageColumns;
    const size_t row = c->rows.size();
    C::Row &out = c->appendRow();

    auto text = [&](C::Text f, od::value &val, const Path &p) {
        std::string_view sv;
        if (!r.stringView(val, p, &sv))
            return false;
        out.text[f] = dicts[f].indexOf(sv, &c->values[f]);
        return true;
    };
    auto number = [&](C::Number f, od::value &val, const Path &p) {
        std::optional<double> d;
        if (!r.number(val, p, &d))
            return false;
        c->setNumber(f, row, d);
        return true;
    };
    auto time = [&](C::Time f, od::value &val, const Path &p) {
        out.times[f] = C::kNoTime;
        return r.timestampMs(val, p, &out.times[f]);
    };
    const bool ok = r.object(v, path, [&](std::string_view k, od::value &val, const Path &fp) {
        const UsageField f = usageField(k);
        switch (f.kind) {
        case UsageField::Text:
            return text(C::Text(f.index), val, fp);
        case UsageField::Number:
            return number(C::Number(f.index), val, fp);
        case UsageField::Time:
            return time(C::Time(f.index), val, fp);
        case UsageField::Tags: {
            QMap<QString, QString> tags;
            const bool read = r.stringMap(val, fp, &tags);
            c->setTags(row, tagDict.indexOf(std::move(tags), c));
            return read;
        }
        case UsageField::Other:
            break;
        }
        return true;
    });
    return ok;
}

// The fast path for a usage answer: simdjson's DOM parser, whose both stages
// run on the machine's SIMD instructions, then a walk over its tape. It takes
// only what it can read without judgement (every field of the expected type,
// no error list) and returns false otherwise; the caller then runs the
// on-demand reader above, which is the authority on what is accepted and on
// every error message.
bool usageColumnsFast(simdjson::dom::parser &parser, const QByteArray &body, UsageColumns *c)
{
    namespace dom = simdjson::dom;
    using C = UsageColumns;
    dom::element root;
    const bool padded = body.capacity() - body.size() >= qsizetype(simdjson::SIMDJSON_PADDING);
    if (body.isEmpty() ||
        parser.parse(body.constData(), size_t(body.size()), !padded).get(root) != simdjson::SUCCESS)
        return false;
    dom::object top;
    if (root.get_object().get(top) != simdjson::SUCCESS)
        return false;
    UsageDictionaries dicts;

    auto text = [&](C::Row &row, C::Text f, dom::element v) {
        if (v.is_null())
            return true;
        std::string_view sv;
        if (v.get_string().get(sv) != simdjson::SUCCESS)
            return false;
        row.text[f] = dicts[f].indexOf(sv, &c->values[f]);
        return true;
    };
    auto number = [&](size_t index, C::Number f, dom::element v) {
        if (v.is_null()) {
            c->setNumber(f, index, std::nullopt);
            return true;
        }
        double d = 0;
        if (!v.is_number() || v.get_double().get(d) != simdjson::SUCCESS)
            return false;
        c->setNumber(f, index, d);
        return true;
    };
    // A window's rows share a handful of periods: a timestamp equal to the
    // field's previous one takes its value without being parsed again.
    struct LastTime
    {
        std::string_view text;
        qint64 ms = C::kNoTime;
    };
    std::array<LastTime, C::TimeCount> lastTime;
    auto time = [&](C::Row &row, C::Time f, dom::element v) {
        row.times[f] = C::kNoTime;
        if (v.is_null())
            return true;
        std::string_view sv;
        if (v.get_string().get(sv) != simdjson::SUCCESS)
            return false;
        if (sv.empty())
            return true;
        LastTime &last = lastTime[size_t(f)];
        if (detail::sameText(sv, last.text)) {
            row.times[f] = last.ms;
            return true;
        }
        if (!parseTimestamp(sv, &row.times[f]))
            return false;
        last = {sv, row.times[f]};
        return true;
    };
    // Tags as the reader's stringMap reads them: a string as is, true as an
    // empty value (a key-only tag), false as "false", null as empty.
    TagDictionary tagDict;
    std::string tagKey;
    auto tags = [&](size_t index, dom::element v) {
        if (v.is_null()) {
            c->setTags(index, 0);
            return true;
        }
        dom::object o;
        if (v.get_object().get(o) != simdjson::SUCCESS)
            return false;
        tagKey.clear();
        for (const dom::key_value_pair field : o) {
            tagKey.append(field.key);
            tagKey += '\0';
            std::string_view sv;
            bool b = false;
            if (field.value.get_string().get(sv) == simdjson::SUCCESS) {
                tagKey += 's';
                tagKey.append(sv);
            } else if (field.value.get_bool().get(b) == simdjson::SUCCESS) {
                tagKey += b ? 't' : 'f';
            } else if (field.value.is_null()) {
                tagKey += 'n';
            } else {
                return false;
            }
            tagKey += '\0';
        }
        if (tagKey.empty()) {
            c->setTags(index, 0);
            return true;
        }
        c->setTags(index, tagDict.indexOf(tagKey, c, [&] {
            QMap<QString, QString> map;
            for (const dom::key_value_pair field : o) {
                const QString key = QString::fromUtf8(field.key.data(), qsizetype(field.key.size()));
                std::string_view sv;
                bool b = false;
                if (field.value.get_string().get(sv) == simdjson::SUCCESS)
                    map.insert(key, QString::fromUtf8(sv.data(), qsizetype(sv.size())));
                else if (field.value.get_bool().get(b) == simdjson::SUCCESS)
                    map.insert(key, b ? QString() : QStringLiteral("false"));
                else
                    map.insert(key, QString());
            }
            return map;
        }));
        return true;
    };
    // Rows of one answer list their keys in the same order: the key at each
    // position is compared with the previous row's before it is looked up.
    struct KnownKey
    {
        std::string_view key;
        UsageField field;
    };
    std::vector<KnownKey> keyAt;
    auto fieldOf = [&](size_t position, std::string_view key) {
        if (position < keyAt.size()) {
            KnownKey &known = keyAt[position];
            if (detail::sameText(key, known.key))
                return known.field;
            known = {key, usageField(key)};
            return known.field;
        }
        keyAt.push_back({key, usageField(key)});
        return keyAt.back().field;
    };
    auto readRow = [&](dom::object o) {
        const size_t index = c->rows.size();
        C::Row &row = c->appendRow();
        size_t position = 0;
        for (const dom::key_value_pair field : o) {
            const UsageField f = fieldOf(position++, field.key);
            bool ok = true;
            switch (f.kind) {
            case UsageField::Text:
                ok = text(row, C::Text(f.index), field.value);
                break;
            case UsageField::Number:
                ok = number(index, C::Number(f.index), field.value);
                break;
            case UsageField::Time:
                ok = time(row, C::Time(f.index), field.value);
                break;
            case UsageField::Tags:
                ok = tags(index, field.value);
                break;
            case UsageField::Other:
                break;
            }
            if (!ok)
                return false;
        }
        return true;
    };

    for (const dom::key_value_pair field : top) {
        const std::string_view k = field.key;
        if (k == "result") {
            if (field.value.is_null())
                continue;
            dom::array rows;
            if (field.value.get_array().get(rows) != simdjson::SUCCESS)
                return false;
            if (c->rows.empty())
                c->reserve(qsizetype(rows.size()));
            for (const dom::element item : rows) {
                dom::object o;
                if (item.get_object().get(o) != simdjson::SUCCESS || !readRow(o))
                    return false;
            }
        } else if (k == "success") {
            bool success = true;
            if (field.value.is_bool() && field.value.get_bool().get(success) == simdjson::SUCCESS && !success)
                return false; // the error envelope's messages are read by the reader
        } else if (k == "errors") {
            dom::array errors;
            if (field.value.get_array().get(errors) != simdjson::SUCCESS || errors.size() != 0)
                return false;
        }
    }
    return true;
}

} // namespace

Decoded<QList<UsageRecord>> usageResponse(const QByteArray &body)
{
    Decoded<QList<UsageRecord>> out;
    out.error = walkEnvelope(
        body,
        [&](Reader &r, od::value &v, const Path &p) {
            return readList(r, v, p, &out.value, readUsageRecord);
        },
        [](Reader &, od::value &, const Path &) { return true; });
    if (out.error)
        out.value = {};
    return out;
}

namespace {

// One DOM parser per thread, reused: its buffers grow to the largest answer
// seen, which is what makes the next window cheap. An unusually large answer
// does not pin its buffers to the thread for good.
bool usageColumnsFast(const QByteArray &body, UsageColumns *c)
{
    constexpr size_t kKeepCapacity = size_t(64) << 20;
    thread_local simdjson::dom::parser parser;
    const bool ok = usageColumnsFast(parser, body, c);
    if (parser.capacity() > kKeepCapacity)
        parser = simdjson::dom::parser();
    return ok;
}

} // namespace

Decoded<UsageColumns> usageColumns(const QByteArray &body)
{
    Decoded<UsageColumns> out;
    if (usageColumnsFast(body, &out.value))
        return out;
    // Anything the fast path does not take (an error, an unusual shape) is
    // decided here, so both paths accept, reject and report alike.
    out.value = {};
    UsageColumns &c = out.value;
    UsageDictionaries dicts;
    TagDictionary tagDict;
    out.error = walkEnvelope(
        body,
        [&](Reader &r, od::value &v, const Path &p) {
            return r.array(v, p, [&](od::value &item, const Path &ip) {
                // Leniently, like every record (issue 20): a field of an unexpected
                // type reads as absent and the row is counted, not the answer lost.
                ++r.lenient;
                const qsizetype before = r.softIssues;
                const bool ok = readUsageRow(r, item, ip, &c, dicts, tagDict);
                --r.lenient;
                if (r.softIssues != before && c.entriesWithIssues++ == 0)
                    c.firstIssue = r.firstSoftIssue;
                return ok;
            });
        },
        [](Reader &, od::value &, const Path &) { return true; });
    if (out.error)
        out.value = {};
    return out;
}

Decoded<UsageRecord> usageRecord(const QByteArray &j)
{
    return bareObject<UsageRecord>(j, readUsageRecord);
}

} // namespace api::decode
