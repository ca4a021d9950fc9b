#pragma once

namespace api {

// Decoding an audit page or a 31-day usage answer allocates and frees
// megabytes on the worker threads. glibc's default policy hands such blocks
// back to the kernel (mmap/munmap, trimming) and faults them in again, zeroed,
// for the next answer: on a busy two-core machine that page-fault work cost
// more than the decoding itself. Call once at the start of a process, before
// any thread starts, to keep freed memory in the process instead. The console,
// the headless commands and the benchmarks all call it, so what is measured is
// what users run. Does nothing outside glibc.
void keepFreedMemoryInProcess();

} // namespace api
