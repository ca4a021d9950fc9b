#pragma once
// The mix of everyday audit entries of an organization tree: who acts
// (users with their usual IPs, contexts and agents, a few system and
// Cloudflare-admin entries), on what (fourteen kinds of action, deletions
// among them), and how it ends (a few percent fail). The seeded history and
// the live organization (--live-events) draw from the same mix.

#include "auditstore.h"
#include "datastore.h"
#include "random.h"

#include <QList>

namespace sim {

class AuditEventGenerator
{
public:
    struct Actor
    {
        QByteArray id, email, context, ip1, ip2, tokenId, tokenName, agent;
    };

    // Draws the actors from r (the seeded history depends on that order).
    AuditEventGenerator(const DataStore &store, quint64 seed, const QString &domain, Random &r);

    // Fills e with an everyday entry at timeMs (users are read from the store).
    void fill(AuditEvent &e, qint64 timeMs, Random &r) const;

    const QList<Actor> &actors() const { return m_actors; }
    // Copies taken at construction: the store's lists change under a live simulator.
    const QList<Organization> &organizations() const { return m_orgs; }
    const QList<Member> &members(qsizetype org) const { return m_orgMembers[org]; }
    const QByteArray &organizationPath(qsizetype org) const { return m_orgPaths[org]; }

private:
    const DataStore &m_store;
    quint64 m_seed;
    QByteArray m_domain;
    QList<Actor> m_actors;
    QList<Organization> m_orgs;
    QList<double> m_orgWeights;
    double m_weightSum = 0;
    QList<QList<QByteArray>> m_orgAccounts; // account ids
    QList<QList<Member>> m_orgMembers;
    QList<QByteArray> m_oldMembers;
    QList<QByteArray> m_oldAccounts;
    QList<QByteArray> m_userTokens;
    QList<QByteArray> m_oldOrgs;
    QList<QByteArray> m_orgPaths;
};

} // namespace sim
