#pragma once
// The names of the console's own command-line options (`orgscope [options]`),
// in one place: describeCommandLine (main.cpp) and the hidden audit-load
// measurement (auditloadprobe.cpp) add theirs to the same parser, where a
// name can mean one option only. The subcommands (export, report, watch)
// have parsers of their own (commandoptions.h).

#include <QString>

namespace app::opt {

// main.cpp
inline const QString demo = QStringLiteral("demo");
inline const QString simArg = QStringLiteral("sim-arg");
inline const QString baseUrl = QStringLiteral("base-url");
inline const QString palette = QStringLiteral("palette");
inline const QString firstPaint = QStringLiteral("measure-first-paint");
inline const QString exitWhenLoaded = QStringLiteral("exit-when-loaded");

// auditloadprobe.cpp (hidden from --help)
inline const QString measure = QStringLiteral("measure-audit-load");
inline const QString token = QStringLiteral("token");
inline const QString range = QStringLiteral("range");
inline const QString org = QStringLiteral("org");
inline const QString archiveDir = QStringLiteral("archive-dir");
inline const QString out = QStringLiteral("out");
inline const QString firstRowsOnly = QStringLiteral("first-rows-only");
inline const QString timeout = QStringLiteral("measure-timeout");

} // namespace app::opt
