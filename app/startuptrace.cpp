#include "startuptrace.h"

#include <QElapsedTimer>

namespace app::startup {

Q_LOGGING_CATEGORY(lcStartup, "orgscope.startup", QtWarningMsg)

void mark(const char *what)
{
    if (!lcStartup().isInfoEnabled())
        return;
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    qCInfo(lcStartup, "%7.1f ms  %s", double(clock.nsecsElapsed()) / 1e6, what);
}

} // namespace app::startup
