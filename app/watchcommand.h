#pragma once
// `orgscope watch --org ID [--view NAME|FILE] [filters] [--interval S] [--state FILE] [--format jsonl]`:
// prints each new audit entry that matches, as one JSON line (the entry as
// received), until SIGINT or SIGTERM. The polling is models::AuditWatcher,
// the same as the GUI's watch rules. main.cpp hands over with
// runWatchCommand(argc, argv) (argv[1] is "watch").

#include <QStringList>

// Exit status: 0 stopped by a signal, 1 the watch failed (one line on stderr), 2 usage error.
int runWatchCommand(const QStringList &arguments);
// The same with its own QCoreApplication, from main()'s argc/argv.
int runWatchCommand(int argc, char **argv);
