#pragma once

namespace models {

// Work nobody waits on (the audit archive's writes) runs on
// threads that give way to the work a user waits on: reading replies,
// decoding pages, filling the table, painting. On a 2-core machine that is
// most of the difference between the last row arriving while the archive
// competes for the cores and arriving with the archive catching up behind it.
//
// Lowers the calling thread's scheduling priority, once per thread (later
// calls return at once). Unprivileged threads cannot raise it again, so call
// it only on threads that do nothing else, such as the archive's own writer.
void makeCurrentThreadBackground();

// How far the calling thread was lowered: its nice value on Linux (0 for a
// normal thread), the QThread priority's distance below normal elsewhere.
int currentThreadNice();

} // namespace models
