#include "models/rollup/orgtree.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace models {

QList<OrgNode> OrgTree::subtree(const QList<api::Organization> &organizations, const QString &rootId)
{
    QHash<QString, const api::Organization *> byId;
    QHash<QString, QList<const api::Organization *>> children;
    for (const api::Organization &o : organizations) {
        if (o.id.isEmpty() || byId.contains(o.id))
            continue;
        byId.insert(o.id, &o);
        children[o.parentId].append(&o);
    }
    const auto root = byId.constFind(rootId);
    if (root == byId.cend())
        return {};
    for (auto &list : children) {
        std::sort(list.begin(), list.end(), [](const api::Organization *a, const api::Organization *b) {
            const int byName = QString::compare(a->name, b->name, Qt::CaseInsensitive);
            return byName != 0 ? byName < 0 : a->id < b->id;
        });
    }
    QList<OrgNode> out;
    QSet<QString> taken{rootId};
    out.append(OrgNode{rootId, (*root)->name, QString(), 0, QStringList{(*root)->name}});
    for (qsizetype i = 0; i < out.size(); ++i) {
        const OrgNode parent = out.at(i);
        for (const api::Organization *child : children.value(parent.id)) {
            if (taken.contains(child->id))
                continue;
            taken.insert(child->id);
            out.append(OrgNode{child->id, child->name, parent.id, parent.depth + 1,
                               parent.path + QStringList{child->name}});
        }
    }
    return out;
}

} // namespace models
