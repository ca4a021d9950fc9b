#pragma once
// A child process that ends when the process that started it ends, however
// that one ends (a crash, kill -9), so no orgscope-sim is left running behind
// a console, a test or a benchmark that died. On Linux the child asks the
// kernel, between fork and exec, for a signal when its parent goes
// (PR_SET_PDEATHSIG, kept across exec); a child whose parent is already gone
// by then exits at once. Elsewhere this does nothing: there the child
// outlives a parent that crashes.
//
// The kernel sends the signal when the *thread* that started the child ends:
// start such a QProcess on a thread that lives as long as the child should.

#include <QProcess>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace app {

enum class ParentDeath {
    Terminate, // SIGTERM: the child may shut down cleanly (and check for leaks)
    Kill,      // SIGKILL: the child cannot ignore or hang on it
};

// Call before process.start(); sets the process's child process modifier.
inline void endWithParent(QProcess &process, [[maybe_unused]] ParentDeath how)
{
#ifdef Q_OS_LINUX
    const int deathSignal = how == ParentDeath::Kill ? SIGKILL : SIGTERM;
    // Runs in the child between fork and exec: async-signal-safe calls only.
    process.setChildProcessModifier([deathSignal, parent = ::getpid()] {
        ::prctl(PR_SET_PDEATHSIG, deathSignal);
        if (::getppid() != parent)
            ::_exit(1);
    });
#endif
}

} // namespace app
