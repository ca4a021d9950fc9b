#pragma once
// --org-faults: faults that hit one organization's endpoints only
// (/organizations/{id} and everything below it), so a client that reads a
// whole tree can be shown one organization failing while the others answer.
// A spec is a comma list of ORGID:KIND, ORGID:KIND:RATE (0..1) or
// ORGID:KIND:xN (the first N requests only). KIND is a status fault: 408,
// 409, 429, 500, 502 or 503. The request is not processed (as --faults).

#include "random.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <optional>

namespace sim {

class OrgFaults
{
public:
    struct Rule
    {
        int status = 500;
        double rate = 1.0;  // probability per request
        int remaining = -1; // xN: requests still to fail; -1 = no count
    };

    // Validates `spec`; fills `rules` (may be null) keyed by organization id.
    static bool parse(const QString &spec, QHash<QByteArray, Rule> *rules, QString &error);

    bool configure(const QString &spec, quint64 seed, QString &error);
    void clear() { m_rules.clear(); }
    bool isEmpty() const { return m_rules.isEmpty(); }

    // The status to answer a request on `orgId`'s endpoints with, if any.
    std::optional<int> roll(const QByteArray &orgId);

private:
    QHash<QByteArray, Rule> m_rules;
    Random m_dice{1};
};

} // namespace sim
