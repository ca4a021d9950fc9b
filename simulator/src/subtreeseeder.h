#pragma once
// --sub-orgs N (issue 24): a generated tree of N organizations under the main
// root, for roll-up tests and benchmarks. Unit 1 hangs under the main root and
// every later unit k under unit (k-1)/3 + 1, so the tree is three-way and at
// least three levels deep from N = 2 on (root, unit 1, unit 2…). Each unit
// has its own accounts (with usage), members and, through the audit seeder,
// its own history. Ids, names and times are a pure function of (seed, k).

#include "datastore.h"

namespace sim {

void seedSubOrganizations(DataStore &store, quint64 seed, qint64 nowMs, int count);

} // namespace sim
