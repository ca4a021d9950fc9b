// Decoder throughput per record type on synthetic pages shaped like the
// captured examples. Reports bytes/s and items/s (records per second).
#include "api/decoders.h"
#include "bench/benchmain.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <benchmark/benchmark.h>

namespace {

QByteArray hex32(QRandomGenerator &rng)
{
    QByteArray out(32, '0');
    for (char &c : out)
        c = "0123456789abcdef"[rng.bounded(16)];
    return out;
}

QByteArray auditPage(int entries)
{
    QRandomGenerator rng(42);
    static const char *types[] = {"create", "update", "delete", "view"};
    static const char *emails[] = {"alice.nguyen@acme.example", "bob.okafor@acme.example",
                                   "carla.rossi@acme.example"};
    QByteArray out = R"({"success":true,"errors":[],"result":[)";
    for (int i = 0; i < entries; ++i) {
        if (i)
            out += ',';
        out +=
            R"({"id":")" + hex32(rng) +
            R"(","action":{"description":"Create organization member","result":"success","time":"2026-11-)" +
            QByteArray::number(10 + i % 18) + R"(T16:09:41.123Z","type":")" + types[i % 4] +
            R"("},"actor":{"id":")" + hex32(rng) + R"(","context":"api_token","email":")" + emails[i % 3] +
            R"(","ip_address":"203.0.113.24","token_id":"df660df24313ec49b40236d24803412d","token_name":"org-console-readwrite","type":"user"},"organization":{"id":"cc0c20a76a34874108eb269fc4a5052b"},"raw":{"cf_ray_id":"c834857cb434f206","method":"POST","status_code":200,"uri":"/organizations/cc0c20a76a34874108eb269fc4a5052b/members","user_agent":"AcmeOrgConsole/0.3.0 Qt/6.8 Linux-x86_64"},"resource":{"id":")" +
            hex32(rng) +
            R"(","product":"organizations","request":{"member":{"user":{"email":"dan.kowalski@acme.example"},"status":"active"}},"response":{},"scope":"organizations","type":"member"}})";
    }
    out += R"(],"result_info":{"count":")" + QByteArray::number(entries) +
           R"(","cursor":"ASqdKd7dKgxh-QxV3m1pYzE2NzA0OTk5OTk5"}})";
    return out;
}

QByteArray usagePage(int records)
{
    QRandomGenerator rng(7);
    QByteArray out = R"({"success":true,"errors":[],"messages":[],"result":[)";
    for (int i = 0; i < records; ++i) {
        if (i)
            out += ',';
        out +=
            R"({"BillingAccountId":")" + hex32(rng) +
            R"(","BillingAccountName":"Acme EMEA Production","ChargeCategory":"Usage","ChargeDescription":"Workers Standard requests","ChargeFrequency":"Usage-Based","ChargePeriodStart":"2026-11-20T00:00:00Z","ChargePeriodEnd":"2026-11-21T00:00:00Z","ConsumedQuantity":)" +
            QByteArray::number(rng.bounded(1000000)) +
            R"(,"ConsumedUnit":"Requests","HostProviderName":"Cloudflare","InvoiceIssuerName":"Cloudflare","ServiceProviderName":"Cloudflare","x_BillableMetricId":"workers_standard_requests","x_BillableMetricName":"Workers Standard Requests","x_ProductFamilyName":"Workers","x_ProductFamilyId":"workers","x_ProductCategoryName":"Developer","BillingCurrency":"USD","ListUnitPrice":0.0000003,"ListCost":0.3,"BilledCost":0.3,"EffectiveCost":0.3})";
    }
    out += "]}";
    return out;
}

QByteArray organizationsPage(int n)
{
    QRandomGenerator rng(3);
    QByteArray out = R"({"success":true,"errors":[],"messages":[],"result":[)";
    for (int i = 0; i < n; ++i) {
        if (i)
            out += ',';
        const QByteArray id = hex32(rng);
        out +=
            R"({"id":")" + id +
            R"(","create_time":"2026-05-02T13:40:07.552Z","meta":{"hierarchy_tags":["dec7e14e7fec0484a31878f1f6f01fe2",")" +
            id +
            R"("],"tenant_flags":{"account_creation":"enabled","account_creation_applies_tenant_defaults":"disabled","account_deletion":"disabled","account_migration":"enabled","account_mobility":"enabled","enterprise_capability":"enabled","member_management":"enabled","sub_org_creation":"disabled"}},"name":"Acme )" +
            QByteArray::number(i) +
            R"(","parent":{"id":"dec7e14e7fec0484a31878f1f6f01fe2","name":"Acme Holdings"},"profile":{"business_address":"Example Strasse 12, 10115 Berlin, DE","business_email":"emea-finance@acme.example","business_name":"Acme EMEA GmbH","business_phone":"+49-30-5550-1987","external_metadata":"{\"crm_id\":\"ACME-00173\"}"}})";
    }
    out += R"(],"result_info":{"next_page_token":"abc","total_size":5000}})";
    return out;
}

QByteArray membersPage(int n)
{
    QRandomGenerator rng(5);
    QByteArray out = R"({"success":true,"errors":[],"messages":[],"result":[)";
    for (int i = 0; i < n; ++i) {
        if (i)
            out += ',';
        out +=
            R"({"id":")" + hex32(rng) +
            R"(","create_time":"2026-05-02T13:40:07Z","update_time":"2026-05-03T13:40:07Z","meta":{},"status":"active","user":{"id":")" +
            hex32(rng) + R"(","email":"user)" + QByteArray::number(i) +
            R"(@acme.example","name":"User Name","two_factor_authentication_enabled":true}})";
    }
    out += R"(],"result_info":{"total_size":1000}})";
    return out;
}

QByteArray accountsPage(int n)
{
    QRandomGenerator rng(9);
    QByteArray out = R"({"success":true,"errors":[],"messages":[],"result":[)";
    for (int i = 0; i < n; ++i) {
        if (i)
            out += ',';
        out +=
            R"({"id":")" + hex32(rng) + R"(","name":"Account )" + QByteArray::number(i) +
            R"(","type":"enterprise","created_on":"2026-01-02T03:04:05.678Z","settings":{"abuse_contact_email":null,"access_approval_expiry":null,"api_access_enabled":true,"default_nameservers":"cloudflare.standard","enforce_twofactor":false,"use_account_custom_ns_by_default":false}})";
    }
    out += R"(],"result_info":{"total_size":1000}})";
    return out;
}

template <typename Fn> void run(benchmark::State &state, const QByteArray &body, int items, Fn decode)
{
    for (auto _ : state) {
        auto d = decode(body);
        if (!d.ok()) {
            state.SkipWithError("decode failed");
            return;
        }
        benchmark::DoNotOptimize(d);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * body.size());
    state.SetItemsProcessed(int64_t(state.iterations()) * items);
}

void BM_AuditPage(benchmark::State &state)
{
    static const QByteArray body = auditPage(1000);
    run(state, body, 1000, [](const QByteArray &b) { return api::decode::auditPage(b); });
}
// What AuditPager decodes: columns, parsed in place (the client leaves room
// for the parser's padding behind every body).
void BM_AuditColumns(benchmark::State &state)
{
    static const QByteArray body = [] {
        QByteArray b = auditPage(1000);
        b.reserve(b.size() + 64);
        return b;
    }();
    run(state, body, 1000, [](const QByteArray &b) { return api::decode::auditColumns(b); });
}
// What a JSON export decodes: the token walk's outline, each entry's bytes.
void BM_AuditEntries(benchmark::State &state)
{
    static const QByteArray body = [] {
        QByteArray b = auditPage(1000);
        b.reserve(b.size() + 64);
        return b;
    }();
    run(state, body, 1000, [](const QByteArray &b) { return api::decode::auditEntries(b); });
}
// What a CSV export decodes: the same walk noting each field's range.
void BM_AuditFields(benchmark::State &state)
{
    static const QByteArray body = [] {
        QByteArray b = auditPage(1000);
        b.reserve(b.size() + 64);
        return b;
    }();
    run(state, body, 1000, [](const QByteArray &b) { return api::decode::auditFields(b); });
}
void BM_AuditCursorScan(benchmark::State &state)
{
    static const QByteArray body = auditPage(1000);
    for (auto _ : state)
        benchmark::DoNotOptimize(api::decode::scanAuditCursor(body));
    state.SetBytesProcessed(int64_t(state.iterations()) * body.size());
}
void BM_UsageWindow(benchmark::State &state)
{
    static const QByteArray body = usagePage(5000);
    run(state, body, 5000, [](const QByteArray &b) { return api::decode::usageResponse(b); });
}
// What the Usage page decodes: columns (the DOM fast path).
void BM_UsageColumns(benchmark::State &state)
{
    static const QByteArray body = [] {
        QByteArray b = usagePage(5000);
        b.reserve(b.size() + 64);
        return b;
    }();
    run(state, body, 5000, [](const QByteArray &b) { return api::decode::usageColumns(b); });
}
void BM_OrganizationsPage(benchmark::State &state)
{
    static const QByteArray body = organizationsPage(1000);
    run(state, body, 1000, [](const QByteArray &b) { return api::decode::organizationsPage(b); });
}
void BM_MembersPage(benchmark::State &state)
{
    static const QByteArray body = membersPage(1000);
    run(state, body, 1000, [](const QByteArray &b) { return api::decode::membersPage(b); });
}
void BM_AccountsPage(benchmark::State &state)
{
    static const QByteArray body = accountsPage(1000);
    run(state, body, 1000, [](const QByteArray &b) { return api::decode::accountsPage(b); });
}

} // namespace

BENCHMARK(BM_AuditPage)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AuditColumns)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AuditEntries)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AuditFields)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AuditCursorScan)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_UsageWindow)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UsageColumns)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OrganizationsPage)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MembersPage)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AccountsPage)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    return bench::runBenchmarks(argc, argv);
}
