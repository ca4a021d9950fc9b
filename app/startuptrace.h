#pragma once
// Where the time before the first paint goes: checkpoints in milliseconds
// since main() began, on stderr, only when asked for with
// QT_LOGGING_RULES="orgscope.startup.info=true" (stdout stays clean for the
// benchmarks that read it). The time before main() (loading and relocating the
// shared libraries) is the spawn-to-paint time minus the last checkpoint.

#include <QLoggingCategory>

namespace app::startup {

Q_DECLARE_LOGGING_CATEGORY(lcStartup)

// The first call starts the clock.
void mark(const char *what);

} // namespace app::startup
