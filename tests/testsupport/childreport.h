#pragma once
// A sanitizer report from a process a test started (orgscope-sim, orgscope)
// goes to the child's stderr, which the test holds. Passed on to the test's
// own stderr, it reaches ctest, whose FAIL_REGULAR_EXPRESSION in the asan
// preset then fails the test: a leak in a child is a failure of its test.

#include <QByteArray>

#include <cstdio>

namespace testsupport {

inline void passOnSanitizerReport(const char *child, const QByteArray &childStderr)
{
    if (!childStderr.contains("Sanitizer"))
        return;
    // From the report's first line on; the child's own log before it is noise here.
    qsizetype from = childStderr.indexOf("==ERROR: ");
    if (from < 0)
        from = childStderr.indexOf("runtime error: ");
    from = from < 0 ? 0 : childStderr.lastIndexOf('\n', from) + 1;
    std::fprintf(stderr, "--- sanitizer report of %s ---\n%s\n", child, childStderr.mid(from).constData());
}

} // namespace testsupport
