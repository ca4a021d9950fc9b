#pragma once
// `orgscope export <organizations|accounts|members|audit|usage> [options]`:
// headless export through the same api/ and models/ code as the GUI.
// main.cpp creates a QCoreApplication and calls runExportCommand() with the
// arguments that follow the word "export".

#include <QStringList>

// Exit status: 0 success, 1 the export failed (one line on stderr), 2 usage
// error, 3 (--include-suborgs) written without the organizations that could
// not be read, one stderr line each ("missing from the export: organization …").
int runExportCommand(const QStringList &arguments);
