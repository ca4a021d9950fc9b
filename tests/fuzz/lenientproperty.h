#pragma once
// The lenient-reading rule (issue 20 item 4) as one check that the fuzz
// target fuzz_lenient and the decoder tests share: whatever JSON value sits
// in a non-key field of an entry (null, a number, an object, a date that is
// not one…), the answer decodes, the entry is kept with its id, and at most
// that entry is counted as having an issue. Only a broken envelope may fail.
//
// checkLenient() returns an empty string when the rule holds (or the input is
// not one JSON value, so the rule says nothing), else what broke it.

#include "api/decoders.h"

#include <QByteArray>
#include <QString>
#include <simdjson.h>

namespace lenienttest {

// A body is only judged when it is JSON simdjson's DOM parser accepts.
inline bool isJson(const QByteArray &text)
{
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    return parser.parse(text.constData(), size_t(text.size())).get(root) == simdjson::SUCCESS;
}

// `value` must be exactly one JSON value (not `1,"id":2`), else nothing is checked.
inline bool isOneValue(const QByteArray &value)
{
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    const QByteArray wrapped = "[" + value + "]";
    if (parser.parse(wrapped.constData(), size_t(wrapped.size())).get(root) != simdjson::SUCCESS)
        return false;
    simdjson::dom::array a;
    return root.get_array().get(a) == simdjson::SUCCESS && a.size() == 1;
}

struct Slot
{
    const char *family; // organizations, accounts, members, usage, token, profile
    const char *open;   // the text before the value, inside the second entry
    const char *close;  // the text after it
};

// Every non-key place a value can stand in, per decoder.
inline constexpr Slot kSlots[] = {
    {"organizations", R"("name":)", ""},
    {"organizations", R"("create_time":)", ""},
    {"organizations", R"("parent":)", ""},
    {"organizations", R"("parent":{"id":"p","name":)", "}"},
    {"organizations", R"("profile":)", ""},
    {"organizations", R"("profile":{"business_name":)", "}"},
    {"organizations", R"("meta":)", ""},
    {"organizations", R"("meta":{"tenant_flags":)", "}"},
    {"organizations", R"("meta":{"flags":{"sub_org_creation":)", "}}"},
    {"organizations", R"("meta":{"hierarchy_tags":)", "}"},
    {"organizations", R"("meta":{"managed_by":)", "}"},
    {"accounts", R"("name":)", ""},
    {"accounts", R"("type":)", ""},
    {"accounts", R"("created_on":)", ""},
    {"accounts", R"("tags":)", ""},
    {"accounts", R"("settings":)", ""},
    {"accounts", R"("settings":{"access_approval_expiry":)", "}"},
    {"accounts", R"("settings":{"enforce_twofactor":)", "}"},
    {"members", R"("status":)", ""},
    {"members", R"("create_time":)", ""},
    {"members", R"("user":)", ""},
    {"members", R"("user":{"email":)", "}"},
    {"members", R"("user":{"two_factor_authentication_enabled":)", "}"},
    {"usage", R"("ConsumedQuantity":)", ""},
    {"usage", R"("x_ZoneName":)", ""},
    {"usage", R"("ChargePeriodStart":)", ""},
    {"usage", R"("Tags":)", ""},
    {"token", R"("status":)", ""},
    {"token", R"("expires_on":)", ""},
    {"profile", R"("business_name":)", ""},
};

template <typename T> QString checkPage(const api::Decoded<api::Page<T>> &d, const char *slot)
{
    if (!d.ok())
        return QStringLiteral("%1: the page failed: %2").arg(QLatin1String(slot), d.error.detail());
    if (d.value.items.size() != 2 || d.value.items.at(1).id != QLatin1String("e2"))
        return QStringLiteral("%1: the entry was not kept (%2 entries)")
            .arg(QLatin1String(slot))
            .arg(d.value.items.size());
    if (d.value.entriesWithIssues > 1)
        return QStringLiteral("%1: %2 entries counted, one at most")
            .arg(QLatin1String(slot))
            .arg(d.value.entriesWithIssues);
    if (d.value.entriesWithIssues == 1 && d.value.firstIssue.isEmpty())
        return QStringLiteral("%1: an issue counted without its description").arg(QLatin1String(slot));
    return {};
}

// Puts `value` into one slot and checks the rule; `issues` (optional) gets the count.
inline QString checkSlot(const Slot &slot, const QByteArray &value, qsizetype *issues = nullptr)
{
    const QByteArray field = QByteArray(slot.open) + value + slot.close;
    const QByteArray family(slot.family);
    QByteArray body;
    if (family == "usage")
        body =
            R"({"success":true,"errors":[],"messages":[],"result":[{"ConsumedQuantity":1},{)" + field + "}]}";
    else if (family == "token" || family == "profile")
        body = R"({"success":true,"errors":[],"messages":[],"result":{"id":"e2",)" + field + "}}";
    else
        body = R"({"success":true,"errors":[],"messages":[],"result":[{"id":"e1"},{"id":"e2",)" + field +
               R"(}],"result_info":{"next_page_token":""}})";
    if (!isJson(body))
        return {};
    if (family == "organizations") {
        const auto d = api::decode::organizationsPage(body);
        if (issues)
            *issues = d.value.entriesWithIssues;
        return checkPage(d, slot.open);
    }
    if (family == "accounts") {
        const auto d = api::decode::accountsPage(body);
        if (issues)
            *issues = d.value.entriesWithIssues;
        return checkPage(d, slot.open);
    }
    if (family == "members") {
        const auto d = api::decode::membersPage(body);
        if (issues)
            *issues = d.value.entriesWithIssues;
        return checkPage(d, slot.open);
    }
    if (family == "usage") {
        const auto rows = api::decode::usageColumns(body);
        if (issues)
            *issues = rows.value.entriesWithIssues;
        if (!rows.ok() || rows.value.size() != 2)
            return QStringLiteral("%1: usage rows: %2").arg(QLatin1String(slot.open), rows.error.detail());
        if (rows.value.entriesWithIssues > 1)
            return QStringLiteral("%1: usage counted more than one row").arg(QLatin1String(slot.open));
        const auto records = api::decode::usageResponse(body);
        if (!records.ok() || records.value.size() != 2)
            return QStringLiteral("%1: usage records: %2")
                .arg(QLatin1String(slot.open), records.error.detail());
        return {};
    }
    if (family == "token") {
        const auto d = api::decode::tokenVerificationResponse(body);
        if (!d.ok() || d.value.id != QLatin1String("e2"))
            return QStringLiteral("%1: token: %2").arg(QLatin1String(slot.open), d.error.detail());
        return {};
    }
    const auto d = api::decode::profileResponse(body);
    if (!d.ok())
        return QStringLiteral("%1: profile: %2").arg(QLatin1String(slot.open), d.error.detail());
    return {};
}

// The fuzz target's check: `value` in every slot.
inline QString checkLenient(const QByteArray &value)
{
    if (!isOneValue(value))
        return {};
    for (const Slot &slot : kSlots) {
        const QString broken = checkSlot(slot, value);
        if (!broken.isEmpty())
            return broken;
    }
    return {};
}

} // namespace lenienttest
