#pragma once
// Builds the deterministic demo dataset from --seed: an organization tree
// with accounts and members, and a long audit history. Timestamps are laid
// out relative to "now" (pinnable with --now), ids depend on the seed only.

#include "auditstore.h"
#include "datastore.h"

namespace sim {

class Seeder
{
public:
    Seeder(quint64 seed, qint64 nowMs);

    // demoEmail becomes user 0, an active member of the main root organization.
    void seedEntities(DataStore &store, const QString &demoEmail) const;
    void seedAudit(const DataStore &store, AuditStore &audit, qint64 count) const;

    QString companyName() const;
    QString domain() const;

private:
    quint64 m_seed;
    qint64 m_now;
};

} // namespace sim
