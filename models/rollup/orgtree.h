#pragma once
// The organizations a roll-up covers (issue 24): a root and every
// organization under it, found in one listing of the organizations the
// credential sees (GET /organizations, page tokens) by their parent ids —
// one request per 1000 organizations instead of one listing per parent.

#include "api/records.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace models {

struct OrgNode
{
    QString id;
    QString name;
    QString parentId; // empty for the root of the roll-up's tree
    int depth = 0;    // 0 for the root of the roll-up
    QStringList path; // names from the roll-up's root to this organization

    QString pathText() const { return path.join(QStringLiteral(" › ")); }
};

class OrgTree
{
public:
    // `rootId` and its descendants in breadth-first order (root first,
    // children by name); empty when `rootId` is not among `organizations`.
    // A parent cycle in a hostile answer cannot loop: every id is taken once.
    static QList<OrgNode> subtree(const QList<api::Organization> &organizations, const QString &rootId);
};

} // namespace models
