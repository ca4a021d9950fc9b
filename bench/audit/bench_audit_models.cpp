// Audit data layer at 1,000,000 synthetic entries: ingest into store+model,
// local filter by column value and by free text, sort by each column kind,
// bytes per entry, archive write/load rate.
//   bench_audit_models --benchmark_out=audit.json --benchmark_out_format=json

#include "auditsamples.h"
#include "bench/benchmain.h"

#include "models/audit/auditarchive.h"
#include "models/audit/auditfilter.h"
#include "models/audit/audittablemodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <malloc.h>

using namespace models;

namespace {

constexpr int kEntries = 1000000;
constexpr int kPage = 1000;

std::size_t heapInUse()
{
    const struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

// The 1 M-entry store shared by the filter and sort benchmarks, built once.
struct Loaded
{
    AuditStore store;
    std::size_t heapBytes = 0;
};

Loaded &loaded()
{
    static Loaded *l = [] {
        auto *out = new Loaded;
        auditsamples::Generator gen(2026);
        malloc_trim(0);
        const std::size_t before = heapInUse();
        for (int p = 0; p < kEntries / kPage; ++p) {
            const auto page = gen.page(kPage);
            out->store.append(page);
        }
        malloc_trim(0);
        // The generator's own tables are allocated before `before`; pages are freed.
        out->heapBytes = heapInUse() - before;
        return out;
    }();
    return *l;
}

void setFigures(benchmark::State &state, std::size_t rows)
{
    state.counters["rows"] = double(rows);
    state.counters["entries"] = double(loaded().store.rowCount());
}

void BM_Ingest(benchmark::State &state, bool sortedByTime)
{
    for (auto _ : state) {
        state.PauseTiming();
        auditsamples::Generator gen(77);
        AuditTableModel model;
        if (sortedByTime)
            model.sort(int(AuditColumn::Time), Qt::DescendingOrder);
        const quint64 g = model.beginQuery();
        const std::size_t heapBefore = heapInUse();
        double maxPageMs = 0;
        state.ResumeTiming();
        for (int p = 0; p < kEntries / kPage; ++p) {
            state.PauseTiming();
            const auto page = gen.page(kPage);
            state.ResumeTiming();
            QElapsedTimer t;
            t.start();
            model.appendPage(g, page);
            maxPageMs = std::max(maxPageMs, double(t.nsecsElapsed()) / 1e6);
        }
        state.PauseTiming();
        malloc_trim(0);
        state.counters["max_page_ms"] = maxPageMs;
        state.counters["bytes_per_entry"] = double(model.store().bytes()) / model.store().rowCount();
        state.counters["heap_bytes_per_entry"] = double(heapInUse() - heapBefore) / model.store().rowCount();
        state.counters["visible"] = double(model.rowCount());
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * kEntries);
}

// The store alone, on pre-decoded pages (20,000 distinct entries appended 50 times).
void BM_StoreAppend(benchmark::State &state)
{
    auditsamples::Generator gen(88);
    QList<QList<api::AuditEvent>> pages;
    for (int p = 0; p < 20; ++p)
        pages.append(gen.page(kPage));
    for (auto _ : state) {
        AuditStore store;
        for (int round = 0; round < kEntries / (20 * kPage); ++round)
            for (const auto &page : std::as_const(pages))
                store.append(page);
        benchmark::DoNotOptimize(store.rowCount());
    }
    state.SetItemsProcessed(state.iterations() * kEntries);
}

void BM_BytesPerEntry(benchmark::State &state)
{
    Loaded &l = loaded();
    for (auto _ : state)
        benchmark::DoNotOptimize(l.store.bytes());
    state.counters["bytes_per_entry"] = double(l.store.bytes()) / l.store.rowCount();
    state.counters["heap_bytes_per_entry"] = double(l.heapBytes) / l.store.rowCount();
    state.counters["entries"] = double(l.store.rowCount());
}

void runFilter(benchmark::State &state, const AuditFilterSpec &spec, const AuditSortSpec &sort = {})
{
    const AuditSnapshot snap = loaded().store.snapshot();
    std::size_t rows = 0;
    for (auto _ : state) {
        const auto result = AuditFilter::run(snap, spec, sort);
        rows = result.size();
        benchmark::DoNotOptimize(result.data());
    }
    setFigures(state, rows);
}

void BM_FilterColumnInclude(benchmark::State &state)
{
    AuditFilterSpec spec;
    spec.columns[int(AuditColumn::Method)].include.insert(QStringLiteral("POST"));
    runFilter(state, spec);
}

void BM_FilterColumnExclude(benchmark::State &state)
{
    AuditFilterSpec spec;
    spec.columns[int(AuditColumn::Result)].exclude.insert(QStringLiteral("success"));
    runFilter(state, spec);
}

void BM_FilterActorAndType(benchmark::State &state)
{
    AuditFilterSpec spec;
    spec.columns[int(AuditColumn::Actor)].include.insert(QStringLiteral("user3@acme.example"));
    spec.columns[int(AuditColumn::ActionType)].include = {QStringLiteral("create"), QStringLiteral("delete")};
    runFilter(state, spec);
}

void BM_FilterResourceId(benchmark::State &state)
{
    AuditFilterSpec spec;
    spec.columns[int(AuditColumn::ResourceId)].include.insert(
        loaded().store.data().text(AuditColumn::ResourceId, 12345));
    runFilter(state, spec);
}

void BM_FilterFreeText(benchmark::State &state, const char *text)
{
    AuditFilterSpec spec;
    spec.text = QString::fromUtf8(text);
    runFilter(state, spec);
}

void BM_FilterTimeRange(benchmark::State &state)
{
    const AuditSnapshot &d = loaded().store.data();
    AuditFilterSpec spec;
    spec.fromMs = d.timeMs(600000);
    spec.toMs = d.timeMs(400000);
    runFilter(state, spec);
}

void BM_Sort(benchmark::State &state, AuditColumn column)
{
    runFilter(state, {}, {int(column), Qt::DescendingOrder});
}

// Entries as they come off the wire carry their JSON (~1 KB each).
QList<api::AuditEvent> wirePage(auditsamples::Generator &gen)
{
    auto page = gen.page(kPage);
    for (api::AuditEvent &e : page)
        e.rawJson =
            "{\"id\":\"" + e.id.toUtf8() + "\",\"action\":{\"description\":\"" +
            e.actionDescription.toUtf8() + "\",\"result\":\"" + e.actionResult.toUtf8() + "\",\"type\":\"" +
            e.actionType.toUtf8() + "\"},\"actor\":{\"id\":\"" + e.actorId.toUtf8() + "\",\"email\":\"" +
            e.actorEmail.toUtf8() + "\",\"ip_address\":\"" + e.actorIpAddress.toUtf8() +
            "\"},\"raw\":{\"uri\":\"" + e.rawUri.toUtf8() + "\",\"user_agent\":\"" + e.rawUserAgent.toUtf8() +
            "\"},\"resource\":{\"request\":{\"member\":{\"user\":{\"email\":\"someone@acme.example\"},"
            "\"status\":\"active\",\"roles\":[\"admin\",\"billing\",\"audit-log-viewer\"]}},"
            "\"response\":{\"id\":\"" +
            e.resourceId.toUtf8() +
            "\",\"created_on\":\"2026-11-23T16:09:41Z\","
            "\"modified_on\":\"2026-11-23T16:09:41Z\",\"status\":\"active\"},\"scope\":\"organizations\"}}" +
            QByteArray(300, ' ');
    return page;
}

void BM_ArchiveWrite(benchmark::State &state)
{
    const int entries = int(state.range(0));
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        auditsamples::Generator gen(5);
        AuditArchive archive(QStringLiteral("bench"), dir.path());
        archive.open();
        state.ResumeTiming();
        for (int p = 0; p < entries / kPage; ++p) {
            state.PauseTiming();
            const auto page = wirePage(gen);
            state.ResumeTiming();
            archive.appendPage(page);
        }
    }
    state.SetItemsProcessed(state.iterations() * entries);
}

void BM_ArchiveLoad(benchmark::State &state)
{
    const int entries = int(state.range(0));
    QTemporaryDir dir;
    {
        auditsamples::Generator gen(6);
        AuditArchive archive(QStringLiteral("bench"), dir.path());
        archive.open();
        for (int p = 0; p < entries / kPage; ++p)
            archive.appendPage(wirePage(gen));
    }
    for (auto _ : state) {
        AuditArchive archive(QStringLiteral("bench"), dir.path());
        archive.open();
        AuditStore store;
        benchmark::DoNotOptimize(archive.loadInto(store));
    }
    state.SetItemsProcessed(state.iterations() * entries);
}

} // namespace

BENCHMARK_CAPTURE(BM_Ingest, natural, false)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Ingest, sorted_by_time, true)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_StoreAppend)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BytesPerEntry)->Iterations(1);
BENCHMARK(BM_FilterColumnInclude)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FilterColumnExclude)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FilterActorAndType)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FilterResourceId)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FilterTimeRange)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_FilterFreeText, email, "user12")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_FilterFreeText, hex, "abc1")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_FilterFreeText, no_match, "no-such-thing")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Sort, time, AuditColumn::Time)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Sort, status, AuditColumn::Status)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Sort, actor, AuditColumn::Actor)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Sort, ip, AuditColumn::Ip)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Sort, description, AuditColumn::Description)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Sort, resource_id, AuditColumn::ResourceId)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_ArchiveWrite)->Arg(100000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ArchiveLoad)->Arg(100000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

int main(int argc, char **argv)
{
    // Qt SQL needs an application object to find its driver plugin.
    QCoreApplication app(argc, argv);
    return bench::runBenchmarks(argc, argv);
}
