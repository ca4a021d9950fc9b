// The local audit archive (issue 21, item 6):
//   BM_ArchiveReopen/1000000   a 1 M-entry archive file to a filled table
//                              model sorted by time (open, read every compact
//                              row, intern into the store, hand the store to
//                              the model): audit_archive_reopen_ms_1m, ≤ 1,000 ms
//   BM_ArchiveStreamWrite/100000 pages of 1,000 entries with ~1 KB bodies as a
//                              load streams them in (decoded pages, as the
//                              archive worker gets them): entries_per_s
//                              (audit_archive_write_entries_per_s) and the
//                              file's bytes_per_entry after the final checkpoint
//                              (audit_archive_bytes_per_entry)
//   BM_ArchiveWorkerWrite/100000 the same pages through AuditArchiveWorker as
//                              the Audit page hands them over (compressed on
//                              pool threads, written a batch per transaction),
//                              from the first append until the load's end was
//                              served (releaseFreedMemory(), which also indexes
//                              the ids, then flush()): entries_per_s
//                              (audit_archive_write_entries_per_s since the
//                              queue) and the queue's peak bytes
// ORGSCOPE_ARCHIVE_BENCH_ENTRIES overrides the reopen size (quick runs).
// ORGSCOPE_ARCHIVE_BENCH_DIR keeps the reopen archive in that folder and reuses
// it in later runs (writing 1 M entries takes minutes on a loaded machine;
// alternating old and new binaries over one file compares like with like).
//   bench_audit_archive --benchmark_out=archive.json --benchmark_out_format=json

#include "auditsamples.h"
#include "bench/benchmain.h"

#include "models/audit/auditarchive.h"
#include "models/audit/auditarchiveblock.h"
#include "models/audit/auditarchiveworker.h"
#include "models/audit/audittablemodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

using namespace models;

namespace {

constexpr int kPage = 1000;

// An entry as it comes off the wire: its JSON body, about 1 KB.
QList<api::AuditEvent> wirePage(auditsamples::Generator &gen)
{
    auto page = gen.page(kPage);
    for (api::AuditEvent &e : page) {
        QByteArray json = "{\"id\":\"" + e.id.toUtf8() + "\",\"action\":{\"description\":\"" +
                          e.actionDescription.toUtf8() + "\",\"result\":\"" + e.actionResult.toUtf8() +
                          "\",\"type\":\"" + e.actionType.toUtf8() + "\"},\"actor\":{\"id\":\"" +
                          e.actorId.toUtf8() + "\",\"email\":\"" + e.actorEmail.toUtf8() +
                          "\",\"ip_address\":\"" + e.actorIpAddress.toUtf8() + "\"},\"raw\":{\"uri\":\"" +
                          e.rawUri.toUtf8() + "\",\"user_agent\":\"" + e.rawUserAgent.toUtf8() +
                          "\"},\"resource\":{\"id\":\"" + e.resourceId.toUtf8() +
                          "\",\"request\":{\"member\":{\"status\":\"active\"}}}}";
        json.append(QByteArray(qMax<qsizetype>(0, 1024 - json.size()), ' '));
        e.rawJson = json;
    }
    return page;
}

qint64 filesBytes(const QString &path)
{
    qint64 bytes = 0;
    for (const char *suffix : {"", "-wal", "-shm"})
        bytes += QFileInfo(path + QLatin1String(suffix)).size();
    return bytes;
}

int reopenEntries()
{
    const int n = qEnvironmentVariableIntValue("ORGSCOPE_ARCHIVE_BENCH_ENTRIES");
    return n > 0 ? n : 1000000;
}

// The archive the reopen benchmark reads, written once per process (or once
// per ORGSCOPE_ARCHIVE_BENCH_DIR and size).
struct Written
{
    QTemporaryDir temporary;
    QString dir;
    qint64 entries = 0;
    qint64 bytes = 0;
};

Written &written(int entries)
{
    // A static object, not a leaked one: its folder (1.8 GB at 1 M) goes at exit.
    static Written w;
    if (w.entries > 0)
        return w;
    const QString kept = qEnvironmentVariable("ORGSCOPE_ARCHIVE_BENCH_DIR");
    w.dir = kept.isEmpty() ? w.temporary.path() : kept + QStringLiteral("/%1").arg(entries);
    if (!kept.isEmpty()) {
        AuditArchive existing(QStringLiteral("bench"), w.dir);
        if (QFileInfo::exists(existing.filePath()) && existing.open() && existing.count() == entries) {
            w.entries = entries;
            const QString path = existing.filePath();
            existing.close();
            w.bytes = filesBytes(path);
            return w;
        }
        existing.removeFiles();
    }
    auditsamples::Generator gen(2121);
    AuditArchive archive(QStringLiteral("bench"), w.dir);
    archive.open();
    for (int p = 0; p < entries / kPage; ++p)
        w.entries += archive.appendPage(wirePage(gen));
    const QString path = archive.filePath();
    archive.close(); // checkpoints the WAL into the file
    w.bytes = filesBytes(path);
    return w;
}

void BM_ArchiveReopen(benchmark::State &state)
{
    Written &w = written(int(state.range(0)));
    double loadMs = 0;
    double storeBytes = 0;
    for (auto _ : state) {
        QElapsedTimer clock;
        clock.start();
        AuditTableModel model;
        AuditArchive archive(QStringLiteral("bench"), w.dir);
        if (!archive.open()) {
            state.SkipWithError("cannot open the archive");
            return;
        }
        AuditStore store;
        const qint64 rows = archive.loadInto(store);
        loadMs = double(clock.elapsed());
        storeBytes = double(store.bytes());
        model.setStore(std::move(store)); // rows come newest first: the table's time order
        // Above 100 k rows the model sorts and filters on a worker: wait for it.
        if (model.isFiltering()) {
            QEventLoop loop;
            QObject::connect(&model, &AuditTableModel::filteringChanged, &loop, [&loop](bool busy) {
                if (!busy)
                    loop.quit();
            });
            loop.exec();
        }
        benchmark::DoNotOptimize(rows);
        if (model.rowCount() != w.entries) {
            state.SkipWithError("the table is not filled");
            return;
        }
    }
    state.counters["entries"] = double(w.entries);
    state.counters["open_and_read_ms"] = loadMs; // the rest is the model's sort and filter
    // The store's own accounting after a reopen (the network path's is audit_bytes_per_entry_1m).
    state.counters["store_bytes_per_entry"] = storeBytes / double(std::max<qint64>(w.entries, 1));
    state.counters["file_bytes_per_entry"] = double(w.bytes) / double(std::max<qint64>(w.entries, 1));
}

void BM_ArchiveStreamWrite(benchmark::State &state)
{
    const int entries = int(state.range(0));
    double bytesPerEntry = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        auditsamples::Generator gen(21);
        AuditArchive archive(QStringLiteral("bench"), dir.path());
        archive.open();
        // The worker is handed pages as decoded (columns and the bytes as received).
        QList<api::AuditColumns> pages;
        for (int p = 0; p < entries / kPage; ++p)
            pages.append(auditarchiveblock::fromEvents(wirePage(gen)));
        state.ResumeTiming();
        for (const auto &page : std::as_const(pages))
            archive.appendPage(page);
        state.PauseTiming();
        const QString path = archive.filePath();
        archive.close();
        bytesPerEntry = double(filesBytes(path)) / entries;
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * entries);
    state.counters["entries_per_s"] =
        benchmark::Counter(double(state.iterations()) * entries, benchmark::Counter::kIsRate);
    state.counters["bytes_per_entry"] = bytesPerEntry;
}

void BM_ArchiveWorkerWrite(benchmark::State &state)
{
    const int entries = int(state.range(0));
    double peakQueueMb = 0;
    double spilled = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        auditsamples::Generator gen(21);
        QList<api::AuditColumns> pages;
        for (int p = 0; p < entries / kPage; ++p)
            pages.append(auditarchiveblock::fromEvents(wirePage(gen)));
        AuditArchiveWorker worker;
        worker.open(1, QStringLiteral("bench"), dir.path(), false);
        worker.flush();
        state.ResumeTiming();
        for (const auto &page : std::as_const(pages))
            worker.append(page);
        // The load ends: the ids go into the index (deferred while pages
        // stream in), as AuditController asks when a load ends.
        worker.releaseFreedMemory();
        worker.flush();
        state.PauseTiming();
        peakQueueMb = double(worker.peakQueuedBytes()) / (1024.0 * 1024.0);
        spilled = double(worker.spilledBlocks());
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * entries);
    state.counters["entries_per_s"] =
        benchmark::Counter(double(state.iterations()) * entries, benchmark::Counter::kIsRate);
    state.counters["peak_queue_mb"] = peakQueueMb;
    state.counters["spilled_blocks"] = spilled;
}

} // namespace

BENCHMARK(BM_ArchiveWorkerWrite)->Arg(100000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ArchiveStreamWrite)->Arg(100000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ArchiveReopen)
    ->Arg(reopenEntries())
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

int main(int argc, char **argv)
{
    // Qt SQL needs an application object to find its driver plugin.
    QCoreApplication app(argc, argv);
    return bench::runBenchmarks(argc, argv);
}
