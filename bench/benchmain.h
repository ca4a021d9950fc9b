#pragma once
// The main() of the Google Benchmark programs that time decoding work.

#include "api/allocatorpolicy.h"

#include <QtGlobal>
#include <benchmark/benchmark.h>

namespace bench {

// Runs the registered benchmarks with the console's allocator policy, so each
// iteration measures what the console does rather than the kernel handing the
// same megabytes back (ORGSCOPE_BENCH_COLD_MALLOC=1 measures glibc's default
// policy instead).
inline int runBenchmarks(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("ORGSCOPE_BENCH_COLD_MALLOC"))
        api::keepFreedMemoryInProcess();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

} // namespace bench
