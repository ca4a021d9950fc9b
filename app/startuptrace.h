#pragma once
// Where the time before the first paint goes: checkpoints in milliseconds
// since the process started, on stderr, only when asked for with
// QT_LOGGING_RULES="orgscope.startup.info=true" (stdout stays clean for the
// benchmarks that read it).

#include <QLoggingCategory>

namespace app::startup {

Q_DECLARE_LOGGING_CATEGORY(lcStartup)

// The first call also notes how long the process ran before main().
void mark(const char *what);

} // namespace app::startup
