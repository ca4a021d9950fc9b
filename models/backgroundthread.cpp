#include "models/backgroundthread.h"

#include <QThread>

#include <cerrno>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace models {

namespace {
// Linux's CFS weighs a nice-10 thread at about a tenth of a normal one: the
// archive still moves on a busy machine, but yields whenever a page waits.
constexpr int kBackgroundNice = 10;
} // namespace

void makeCurrentThreadBackground()
{
    static thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#if defined(Q_OS_LINUX)
    // QThread::LowestPriority means nothing under SCHED_OTHER on Linux (its
    // priority range is 0..0); a thread's own nice value does (per thread here).
    setpriority(PRIO_PROCESS, id_t(gettid()), kBackgroundNice);
#else
    QThread::currentThread()->setPriority(QThread::LowestPriority);
#endif
}

int currentThreadNice()
{
#if defined(Q_OS_LINUX)
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, id_t(gettid()));
    return errno == 0 ? nice : 0;
#else
    const QThread::Priority priority = QThread::currentThread()->priority();
    return priority == QThread::InheritPriority ? 0 : int(QThread::NormalPriority) - int(priority);
#endif
}

} // namespace models
