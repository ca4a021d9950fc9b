#pragma once
// For a test that cannot run because something is missing that scripts/deps
// installs or the build makes (a Secret Service, openssl, the orgscope
// binary, ctest's environment): on a developer's machine it skips with the
// reason; on CI (the CI environment variable set) it fails, because there a
// skip would hide a broken set-up behind a green run.

#include <QByteArray>
#include <QtGlobal>
#include <QtTest>

namespace testsupport {

// True when CI is set to anything but "", "0" or "false".
inline bool onCi()
{
    const QByteArray ci = qgetenv("CI").trimmed().toLower();
    return !ci.isEmpty() && ci != "0" && ci != "false";
}

} // namespace testsupport

// reason: a string literal saying what is missing and how to get it.
#define ORGSCOPE_MISSING_PREREQUISITE(reason)                                                                \
    do {                                                                                                     \
        if (testsupport::onCi())                                                                             \
            QFAIL("CI is set, so this must not be missing: " reason);                                        \
        QSKIP(reason);                                                                                       \
    } while (false)
