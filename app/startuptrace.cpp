#include "startuptrace.h"

#include <QElapsedTimer>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <unistd.h>

namespace app::startup {

Q_LOGGING_CATEGORY(lcStartup, "orgscope.startup", QtWarningMsg)

namespace {

// Milliseconds the process has run, by the kernel's start time (clock ticks
// since boot in /proc/self/stat, so 10 ms steps): what the dynamic loader and
// static initializers took before main() shows in the first checkpoint.
double processAgeMs()
{
    FILE *stat = std::fopen("/proc/self/stat", "r");
    if (!stat)
        return -1;
    char buffer[1024] = {};
    const size_t n = std::fread(buffer, 1, sizeof buffer - 1, stat);
    std::fclose(stat);
    buffer[n] = 0;
    // Field 22 (starttime) counts from the closing parenthesis of the command name (field 2).
    const char *p = std::strrchr(buffer, ')');
    if (!p)
        return -1;
    unsigned long long start = 0;
    if (std::sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
                    &start) != 1)
        return -1;
    timespec boot{};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (double(boot.tv_sec) + double(boot.tv_nsec) / 1e9 - double(start) / ticks) * 1000.0;
}

} // namespace

void mark(const char *what)
{
    if (!lcStartup().isInfoEnabled())
        return;
    static QElapsedTimer clock;
    static double offsetMs = 0;
    if (!clock.isValid()) {
        clock.start();
        offsetMs = processAgeMs();
        qCInfo(lcStartup, "%7.1f ms  process start to main() (10 ms steps)", offsetMs);
    }
    qCInfo(lcStartup, "%7.1f ms  %s", offsetMs + double(clock.nsecsElapsed()) / 1e6, what);
}

} // namespace app::startup
