// Usage data layer benchmarks. Run, for example:
//   build/usagem-rel/bench/bin/bench_usage --benchmark_out=usage.json --benchmark_out_format=json
// Input: synthetic FOCUS records shaped like the API's answers (15 metrics x
// 60 accounts x days, ~20 % zone-scoped), delivered in 31-day windows as the
// api client fetches them. Every string is a separate allocation, as a JSON
// decoder would produce, so interning is not flattered by shared strings.

#include "api/decoders.h"
#include "api/records.h"
#include "bench/benchmain.h"
#include "models/cost/costestimator.h"
#include "models/cost/ratecard.h"
#include "models/usage/usageaggregator.h"
#include "models/usage/usageanomalydetector.h"
#include "models/usage/usagebreakdownmodel.h"
#include "models/usage/usagecube.h"
#include "models/usage/usagepivotmodel.h"
#include "models/usage/usageseriesmodel.h"

#include <QFuture>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>
#include <benchmark/benchmark.h>
#include <deque>
#include <map>

using namespace models;

namespace {

struct Metric
{
    const char *id;
    const char *name;
    const char *unit;
    const char *family;
    const char *category;
    bool zoned;
};

const Metric kMetrics[] = {
    {"workers_standard_requests", "Workers Standard Requests", "Requests", "workers", "Developer", false},
    {"workers_standard_cpu_ms", "Workers Standard CPU Time", "CPU ms", "workers", "Developer", false},
    {"workers_kv_reads", "Workers KV Reads", "Requests", "workers_kv", "Developer", false},
    {"workers_kv_writes", "Workers KV Writes", "Requests", "workers_kv", "Developer", false},
    {"workers_kv_storage", "Workers KV Storage", "GB-Months", "workers_kv", "Developer", false},
    {"r2_class_a_operations", "R2 Class A Operations", "Requests", "r2", "Developer", false},
    {"r2_class_b_operations", "R2 Class B Operations", "Requests", "r2", "Developer", false},
    {"r2_storage", "R2 Storage", "GB-Months", "r2", "Developer", false},
    {"images_delivered", "Images Delivered", "Images", "images", "Media", false},
    {"stream_minutes_delivered", "Stream Minutes Delivered", "Minutes", "stream", "Media", false},
    {"argo_smart_routing_bytes", "Argo Smart Routing", "GB", "argo", "Application Performance", true},
    {"load_balancing_requests", "Load Balancing Requests", "Requests", "load_balancing",
     "Application Performance", true},
    {"waf_rate_limiting_requests", "Rate Limiting Requests", "Requests", "waf", "Application Security", true},
    {"zero_trust_seats", "Zero Trust Seats", "Seats", "zero_trust", "Cloudflare One", false},
    {"d1_rows_read", "D1 Rows Read", "Rows", "d1", "Developer", false},
};
constexpr int kMetricCount = int(sizeof(kMetrics) / sizeof(kMetrics[0]));
constexpr int kAccounts = 60;
const QDate kFirstDay(2024, 1, 1);

QString fresh(const QString &s)
{
    return QString(s.constData(), s.size()); // own allocation, like a decoder's output
}

struct Window
{
    UsageDayRange range;
    QList<api::UsageRecord> records;
};

std::vector<Window> generate(int recordCount)
{
    QRandomGenerator rng(20261123);
    const int perDay = kMetricCount * kAccounts;
    const int dayCount = (recordCount + perDay - 1) / perDay;
    std::vector<Window> windows;
    const UsageDayRange all{usageday::fromDate(kFirstDay), usageday::fromDate(kFirstDay) + dayCount - 1};
    int produced = 0;
    for (const UsageDayRange &w : all.splitIntoWindows(31)) {
        Window window{w, {}};
        window.records.reserve(qsizetype(w.dayCount()) * perDay);
        for (qint32 day = w.first; day <= w.last && produced < recordCount; ++day) {
            const QDate date = usageday::toDate(day);
            const QDateTime start(date, QTime(0, 0), QTimeZone::utc());
            const QDateTime end = start.addDays(1);
            for (int a = 0; a < kAccounts && produced < recordCount; ++a) {
                const QString accountId =
                    QStringLiteral("%1").arg(quint64(a) * 0x9e3779b97f4a7c15ULL, 16, 16, QLatin1Char('0')) +
                    QStringLiteral("0000000000000000");
                for (int m = 0; m < kMetricCount && produced < recordCount; ++m, ++produced) {
                    const Metric &mt = kMetrics[m];
                    api::UsageRecord r;
                    r.billingAccountId = fresh(accountId);
                    r.billingAccountName = QStringLiteral("Acme account %1").arg(a);
                    r.chargeCategory = QStringLiteral("Usage");
                    r.chargeDescription = QString::fromLatin1(mt.name) + QStringLiteral(", daily usage");
                    r.chargeFrequency = QStringLiteral("Usage-Based");
                    r.chargePeriodStart = start;
                    r.chargePeriodEnd = end;
                    r.consumedQuantity = double(rng.bounded(1000000)) * (1.0 + (a % 7));
                    r.consumedUnit = QString::fromLatin1(mt.unit);
                    r.hostProviderName = QStringLiteral("Cloudflare");
                    r.invoiceIssuerName = QStringLiteral("Cloudflare");
                    r.serviceProviderName = QStringLiteral("Cloudflare");
                    r.billableMetricId = QString::fromLatin1(mt.id);
                    r.billableMetricName = QString::fromLatin1(mt.name);
                    r.productFamilyId = QString::fromLatin1(mt.family);
                    r.productFamilyName = QString::fromLatin1(mt.family).toUpper();
                    r.productCategoryName = QString::fromLatin1(mt.category);
                    r.subAccountId = QStringLiteral("contract-%1").arg(a % 3);
                    r.subAccountName = QStringLiteral("Acme agreement %1").arg(a % 3);
                    if (mt.zoned) {
                        r.zoneId = QStringLiteral("zone%1x%2").arg(a).arg(day % 4);
                        r.zoneName = QStringLiteral("shop%1-%2.example").arg(a).arg(day % 4);
                    }
                    window.records.append(r);
                }
            }
        }
        windows.push_back(std::move(window));
        if (produced >= recordCount)
            break;
    }
    return windows;
}

const std::vector<Window> &input(int recordCount)
{
    static std::map<int, std::vector<Window>> cache;
    auto it = cache.find(recordCount);
    if (it == cache.end())
        it = cache.emplace(recordCount, generate(recordCount)).first;
    return it->second;
}

void appendJsonString(QByteArray &out, const char *key, const QString &value)
{
    if (value.isEmpty())
        return;
    out += '"';
    out += key;
    out += "\":\"";
    out += value.toUtf8(); // generated values need no escaping
    out += "\",";
}

// The windows as the API sends them (usage-only shape, as today).
const std::vector<QByteArray> &jsonInput(int recordCount)
{
    static std::map<int, std::vector<QByteArray>> cache;
    auto it = cache.find(recordCount);
    if (it != cache.end())
        return it->second;
    std::vector<QByteArray> bodies;
    for (const Window &w : input(recordCount)) {
        QByteArray body = "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[";
        for (const api::UsageRecord &r : w.records) {
            body += '{';
            appendJsonString(body, "BillingAccountId", r.billingAccountId);
            appendJsonString(body, "BillingAccountName", r.billingAccountName);
            appendJsonString(body, "ChargeCategory", r.chargeCategory);
            appendJsonString(body, "ChargeDescription", r.chargeDescription);
            appendJsonString(body, "ChargeFrequency", r.chargeFrequency);
            appendJsonString(body, "ChargePeriodStart", r.chargePeriodStart.toString(Qt::ISODate));
            appendJsonString(body, "ChargePeriodEnd", r.chargePeriodEnd.toString(Qt::ISODate));
            body += "\"ConsumedQuantity\":" + QByteArray::number(*r.consumedQuantity, 'g', 17) + ',';
            appendJsonString(body, "ConsumedUnit", r.consumedUnit);
            appendJsonString(body, "HostProviderName", r.hostProviderName);
            appendJsonString(body, "InvoiceIssuerName", r.invoiceIssuerName);
            appendJsonString(body, "ServiceProviderName", r.serviceProviderName);
            appendJsonString(body, "x_BillableMetricId", r.billableMetricId);
            appendJsonString(body, "x_BillableMetricName", r.billableMetricName);
            appendJsonString(body, "x_ProductFamilyId", r.productFamilyId);
            appendJsonString(body, "x_ProductFamilyName", r.productFamilyName);
            appendJsonString(body, "x_ProductCategoryName", r.productCategoryName);
            appendJsonString(body, "SubAccountId", r.subAccountId);
            appendJsonString(body, "SubAccountName", r.subAccountName);
            appendJsonString(body, "x_ZoneId", r.zoneId);
            appendJsonString(body, "x_ZoneName", r.zoneName);
            body += "\"RegionId\":null,\"RegionName\":null,\"ChargeClass\":null},";
        }
        if (body.endsWith(','))
            body.chop(1);
        body += "]}";
        bodies.push_back(body);
    }
    return cache.emplace(recordCount, std::move(bodies)).first->second;
}

UsageCube buildCube(const std::vector<Window> &windows)
{
    UsageCube cube;
    for (const Window &w : windows)
        cube.addWindow(w.range, w.records);
    return cube;
}

UsageQuery dayByMetric()
{
    UsageQuery q;
    q.groupBy = {UsageDimension::Metric};
    q.granularity = UsageGranularity::Day;
    return q;
}

// The target: records -> cube -> aggregate by day x metric.
void BM_BuildCubeAndAggregateDayByMetric(benchmark::State &state)
{
    const auto &windows = input(int(state.range(0)));
    for (auto _ : state) {
        const UsageCube cube = buildCube(windows);
        const UsageAggregate agg = UsageAggregator::aggregate(cube, dayByMetric());
        benchmark::DoNotOptimize(agg.grandTotal());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

qint64 totalBytes(const std::vector<QByteArray> &bodies)
{
    qint64 n = 0;
    for (const QByteArray &b : bodies)
        n += b.size();
    return n;
}

// Same, starting from the HTTP bodies, as the Usage page does it: four
// windows in flight, each answer decoded column by column on a pool thread
// (as TypedJob does), merged into the cube on this thread in arrival order,
// then aggregated. Wall time. This is the "parse and aggregate" figure.
void BM_ParseBuildAggregateDayByMetric(benchmark::State &state)
{
    const auto &bodies = jsonInput(int(state.range(0)));
    const auto &windows = input(int(state.range(0)));
    // Answers decoded ahead of the merge (UsageController::kMaxInFlight
    // requests), as when they arrive faster than they are decoded; the pool
    // has one thread per core.
    const size_t kInFlight = size_t(state.range(1));
    for (auto _ : state) {
        UsageCube cube;
        std::deque<std::pair<size_t, QFuture<api::UsageColumns>>> inFlight;
        auto mergeOldest = [&] {
            auto [index, future] = std::move(inFlight.front());
            inFlight.pop_front();
            // Taken, not copied: the page merges the job's own answer by
            // reference (UsageController::onJobFinished); result() would copy
            // every row of the window first.
            cube.addWindow(windows[index].range, future.takeResult());
        };
        for (size_t i = 0; i < bodies.size(); ++i) {
            if (inFlight.size() == kInFlight)
                mergeOldest();
            inFlight.emplace_back(
                i, QtConcurrent::run([&body = bodies[i]] { return api::decode::usageColumns(body).value; }));
        }
        while (!inFlight.empty())
            mergeOldest();
        const UsageAggregate agg = UsageAggregator::aggregate(cube, dayByMetric());
        benchmark::DoNotOptimize(agg.grandTotal());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetBytesProcessed(state.iterations() * totalBytes(bodies));
}

// The same on one thread: decode, merge, decode, merge, ...
void BM_ParseBuildAggregateDayByMetricOneThread(benchmark::State &state)
{
    const auto &bodies = jsonInput(int(state.range(0)));
    const auto &windows = input(int(state.range(0)));
    for (auto _ : state) {
        UsageCube cube;
        for (size_t i = 0; i < bodies.size(); ++i)
            cube.addWindow(windows[i].range, api::decode::usageColumns(bodies[i]).value);
        const UsageAggregate agg = UsageAggregator::aggregate(cube, dayByMetric());
        benchmark::DoNotOptimize(agg.grandTotal());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetBytesProcessed(state.iterations() * totalBytes(bodies));
}

// The record decoder (one UsageRecord per row, as `orgscope export usage`
// uses) on the same bodies, for comparison.
void BM_ParseRecordsBuildAggregateDayByMetric(benchmark::State &state)
{
    const auto &bodies = jsonInput(int(state.range(0)));
    const auto &windows = input(int(state.range(0)));
    for (auto _ : state) {
        UsageCube cube;
        for (size_t i = 0; i < bodies.size(); ++i)
            cube.addWindow(windows[i].range, api::decode::usageResponse(bodies[i]).value);
        const UsageAggregate agg = UsageAggregator::aggregate(cube, dayByMetric());
        benchmark::DoNotOptimize(agg.grandTotal());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetBytesProcessed(state.iterations() * totalBytes(bodies));
}

// The column upsert alone (answers decoded beforehand).
void BM_BuildCubeFromColumns(benchmark::State &state)
{
    const auto &bodies = jsonInput(int(state.range(0)));
    const auto &windows = input(int(state.range(0)));
    std::vector<api::UsageColumns> decoded;
    for (const QByteArray &body : bodies)
        decoded.push_back(api::decode::usageColumns(body).value);
    for (auto _ : state) {
        UsageCube cube;
        for (size_t i = 0; i < decoded.size(); ++i)
            cube.addWindow(windows[i].range, decoded[i]);
        benchmark::DoNotOptimize(cube.rowCount());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The column decoder alone.
void BM_DecodeColumns(benchmark::State &state)
{
    const auto &bodies = jsonInput(int(state.range(0)));
    for (auto _ : state) {
        for (const QByteArray &body : bodies)
            benchmark::DoNotOptimize(api::decode::usageColumns(body).value.size());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetBytesProcessed(state.iterations() * totalBytes(bodies));
}

void BM_BuildCube(benchmark::State &state)
{
    const auto &windows = input(int(state.range(0)));
    for (auto _ : state) {
        const UsageCube cube = buildCube(windows);
        benchmark::DoNotOptimize(cube.rowCount());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

// Re-fetching a window that is already loaded (range moved back and forth).
void BM_RefetchWindow(benchmark::State &state)
{
    const auto &windows = input(int(state.range(0)));
    UsageCube cube = buildCube(windows);
    const Window &w = windows[windows.size() / 2];
    for (auto _ : state) {
        const auto result = cube.addWindow(w.range, w.records);
        benchmark::DoNotOptimize(result.replaced);
    }
    state.SetItemsProcessed(state.iterations() * w.records.size());
}

// Regroup / change granularity on a built cube (worker-thread part).
void BM_Aggregate(benchmark::State &state, UsageQuery query)
{
    static std::map<int, UsageCube> cubes;
    const int n = int(state.range(0));
    if (!cubes.count(n))
        cubes.emplace(n, buildCube(input(n)));
    const UsageCube &cube = cubes.at(n);
    for (auto _ : state) {
        const UsageAggregate agg = UsageAggregator::aggregate(cube, query);
        benchmark::DoNotOptimize(agg.grandTotal());
    }
    state.SetItemsProcessed(state.iterations() * cube.rowCount());
}

// A price edit on the Usage page: estimate the whole cube under the edited
// card, then aggregate the estimated cost by day x metric (both on a worker).
void BM_CostEstimateAfterPriceEdit(benchmark::State &state)
{
    const int n = int(state.range(0));
    const UsageCube cube = buildCube(input(n));
    const models::RateCard card = models::RateCard::bundled();
    double discount = 0;
    for (auto _ : state) {
        discount = discount >= 50 ? 0 : discount + 1;
        auto estimate =
            std::make_shared<models::CostEstimate>(models::estimateCost(cube, card.withDiscount(discount)));
        UsageQuery q = dayByMetric();
        q.measure = models::UsageMeasure::EstimatedCost;
        q.estimate = estimate;
        const UsageAggregate agg = UsageAggregator::aggregate(cube, q);
        benchmark::DoNotOptimize(agg.grandTotal());
    }
    state.SetItemsProcessed(state.iterations() * cube.rowCount());
}

UsageQuery query(QList<UsageDimension> groupBy, UsageGranularity granularity, int topN = 0,
                 QList<UsageFilter> filters = {}, int lastDays = 0)
{
    UsageQuery q;
    q.groupBy = groupBy;
    q.granularity = granularity;
    q.topN = topN;
    q.filters = filters;
    if (lastDays > 0) {
        const qint32 last = usageday::fromDate(kFirstDay) + 930000 / (kMetricCount * kAccounts) - 1;
        q.range = {last - lastDays + 1, last};
    }
    return q;
}

// GUI-thread part of a regroup: swapping the aggregate into the three models
// and formatting one screenful of pivot cells.
void BM_ModelSwap(benchmark::State &state)
{
    const int n = int(state.range(0));
    const UsageCube cube = buildCube(input(n));
    UsageQuery q = query({UsageDimension::Account}, UsageGranularity::Day, 20, {}, 90);
    const UsageAggregate agg = UsageAggregator::aggregate(cube, q);
    UsagePivotModel pivot;
    UsageSeriesModel series;
    UsageBreakdownModel breakdown;
    for (auto _ : state) {
        pivot.setAggregate(agg);
        series.setAggregate(agg);
        breakdown.setAggregate(agg);
        for (int r = 0; r < qMin(30, pivot.rowCount()); ++r)
            for (int c = 0; c < qMin(20, pivot.columnCount()); ++c)
                benchmark::DoNotOptimize(pivot.data(pivot.index(r, c)));
    }
}

void BM_AnomalyDetection(benchmark::State &state)
{
    const int n = int(state.range(0));
    const UsageCube cube = buildCube(input(n));
    UsageQuery q = query({UsageDimension::Account}, UsageGranularity::Day, 0, {}, 90);
    const UsageAnomalyDetector detector;
    for (auto _ : state) {
        const auto anomalies = detector.detect(cube, q);
        benchmark::DoNotOptimize(anomalies.size());
    }
}

} // namespace

BENCHMARK(BM_BuildCubeAndAggregateDayByMetric)->Arg(93000)->Arg(930000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseBuildAggregateDayByMetric)
    ->Args({93000, 4})
    ->Args({930000, 4})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseBuildAggregateDayByMetricOneThread)->Arg(93000)->Arg(930000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseRecordsBuildAggregateDayByMetric)->Arg(93000)->Arg(930000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeColumns)->Arg(930000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildCubeFromColumns)->Arg(930000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildCube)->Arg(93000)->Arg(930000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RefetchWindow)->Arg(930000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Aggregate, day_metric, query({UsageDimension::Metric}, UsageGranularity::Day))
    ->Arg(93000)
    ->Arg(930000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Aggregate, week_account_top10,
                  query({UsageDimension::Account}, UsageGranularity::Week, 10))
    ->Arg(930000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Aggregate, month_family_account,
                  query({UsageDimension::ProductFamily, UsageDimension::Account}, UsageGranularity::Month))
    ->Arg(930000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Aggregate, cumulative_zone_top10,
                  query({UsageDimension::Zone}, UsageGranularity::Cumulative, 10))
    ->Arg(930000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Aggregate, last90_day_account_filtered,
                  query({UsageDimension::Account}, UsageGranularity::Day, 0,
                        {{UsageDimension::ProductFamily, QStringLiteral("workers"), {}}}, 90))
    ->Arg(930000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CostEstimateAfterPriceEdit)->Arg(930000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ModelSwap)->Arg(930000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnomalyDetection)->Arg(930000)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    return bench::runBenchmarks(argc, argv);
}
