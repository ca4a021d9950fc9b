#pragma once
// `orgscope report usage|audit --org ID --output FILE.pdf [--page-size a4|letter]`:
// the Usage or Audit log page's report, headless, through the same
// controllers and report builders as the GUI. Takes the range and filter
// options of `orgscope export usage|audit` (app/commandoptions.h).

// Creates its own QGuiApplication (the offscreen platform when no display is
// named: fonts need one, windows are never opened); setIdentity names the
// application for the settings (budgets, rate cards). argv[1] is "report".
// Exit status: 0 written, 1 failed (one line on stderr), 2 usage error.
int runReportCommand(int argc, char **argv, void (*setIdentity)());
