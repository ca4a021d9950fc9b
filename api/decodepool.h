#pragma once
// The threads that decode answers off the job's thread (TypedJob).

class QThreadPool;

namespace api {

// One thread fewer than the machine has cores, and at least one: the
// threads that feed the decoders (Qt's HTTP thread, the client's network
// thread, the event loop that takes the pages) keep a core. On two cores,
// two decoding threads slowed the cursor chain that feeds them: a 1 M
// audit ingest took 0.99 s with two and 0.81 s with one, a CSV export
// 1.47 s and 1.30 s (bench/README.md, 2026-12-07).
QThreadPool *decodePool();

} // namespace api
