#include "models/organizations/organizationtreemodel.h"

#include <QSet>

namespace models {

namespace {

bool lessThan(const api::Organization &a, const api::Organization &b)
{
    const int c = QString::compare(a.name, b.name, Qt::CaseInsensitive);
    if (c != 0)
        return c < 0;
    const int s = QString::compare(a.name, b.name, Qt::CaseSensitive);
    if (s != 0)
        return s < 0;
    return a.id < b.id;
}

} // namespace

OrganizationTreeModel::OrganizationTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

OrganizationTreeModel::~OrganizationTreeModel() = default;

void OrganizationTreeModel::clear()
{
    beginResetModel();
    m_root.children.clear();
    m_byId.clear();
    endResetModel();
}

void OrganizationTreeModel::addOrganizations(const QList<api::Organization> &organizations)
{
    for (const api::Organization &org : organizations)
        addOrganization(org);
}

void OrganizationTreeModel::addOrganization(const api::Organization &organization)
{
    if (organization.id.isEmpty())
        return;
    if (m_byId.contains(organization.id)) {
        updateOrganization(organization);
        return;
    }
    Node *parent = placeFor(organization);
    const int pos = insertPosition(parent, organization, nullptr);
    beginInsertRows(indexFor(parent), pos, pos);
    auto node = std::make_unique<Node>();
    node->org = organization;
    node->parent = parent;
    Node *raw = node.get();
    parent->children.insert(parent->children.begin() + pos, std::move(node));
    m_byId.insert(organization.id, raw);
    endInsertRows();
    emitCountChanged(parent);
    adoptOrphansOf(raw);
}

bool OrganizationTreeModel::updateOrganization(const api::Organization &organization)
{
    Node *node = m_byId.value(organization.id);
    if (!node)
        return false;
    node->org = organization;
    Node *target = placeFor(organization);
    // A parent inside the node's own subtree would make a cycle: keep it at the root.
    if (isAncestorOrSelf(node, target))
        target = &m_root;
    relocate(node, target);
    const QModelIndex first = indexFor(node, 0);
    Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
    return true;
}

bool OrganizationTreeModel::removeOrganization(const QString &id)
{
    Node *node = m_byId.value(id);
    if (!node)
        return false;
    Node *parent = node->parent;
    const int row = rowOf(node);
    beginRemoveRows(indexFor(parent), row, row);
    forgetSubtree(node);
    parent->children.erase(parent->children.begin() + row);
    endRemoveRows();
    emitCountChanged(parent);
    return true;
}

bool OrganizationTreeModel::moveOrganization(const QString &id, const QString &newParentId)
{
    Node *node = m_byId.value(id);
    if (!node)
        return false;
    Node *target = &m_root;
    if (!newParentId.isEmpty()) {
        target = m_byId.value(newParentId);
        if (!target || isAncestorOrSelf(node, target))
            return false;
    }
    node->org.parentId = newParentId;
    node->org.parentName = target == &m_root ? QString() : target->org.name;
    relocate(node, target);
    const QModelIndex first = indexFor(node, 0);
    Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
    return true;
}

void OrganizationTreeModel::synchronize(const QList<api::Organization> &organizations)
{
    QSet<QString> wanted;
    wanted.reserve(organizations.size());
    for (const api::Organization &org : organizations) {
        wanted.insert(org.id);
        addOrganization(org);
    }
    QList<QString> stale;
    for (auto it = m_byId.cbegin(); it != m_byId.cend(); ++it)
        if (!wanted.contains(it.key()))
            stale.append(it.key());
    // Survivors under a vanished organization become root orphans first, so
    // removing a stale subtree never takes a live row with it.
    for (const QString &id : std::as_const(stale)) {
        Node *node = m_byId.value(id);
        std::vector<Node *> keep;
        for (const auto &child : node->children)
            if (wanted.contains(child->org.id))
                keep.push_back(child.get());
        for (Node *child : keep) {
            relocate(child, &m_root);
            const QModelIndex first = indexFor(child, 0);
            Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
        }
    }
    for (const QString &id : std::as_const(stale))
        removeOrganization(id); // no-op for rows already removed with their parent
}

const api::Organization *OrganizationTreeModel::organization(const QString &id) const
{
    const Node *node = m_byId.value(id);
    return node ? &node->org : nullptr;
}

const api::Organization *OrganizationTreeModel::organization(const QModelIndex &index) const
{
    const Node *node = nodeFor(index);
    return node && node != &m_root ? &node->org : nullptr;
}

QModelIndex OrganizationTreeModel::indexOf(const QString &id, int column) const
{
    const Node *node = m_byId.value(id);
    return node ? indexFor(node, column) : QModelIndex();
}

bool OrganizationTreeModel::isOrphan(const QString &id) const
{
    const Node *node = m_byId.value(id);
    return node && node->parent == &m_root && !node->org.parentId.isEmpty();
}

QList<const api::Organization *> OrganizationTreeModel::children(const QString &id) const
{
    QList<const api::Organization *> out;
    const Node *node = id.isEmpty() ? &m_root : m_byId.value(id);
    if (!node)
        return out;
    for (const auto &child : node->children)
        out.append(&child->org);
    return out;
}

QList<const api::Organization *> OrganizationTreeModel::path(const QString &id) const
{
    QList<const api::Organization *> out;
    for (const Node *node = m_byId.value(id); node && node != &m_root; node = node->parent)
        out.prepend(&node->org);
    return out;
}

QString OrganizationTreeModel::firstRootId() const
{
    return m_root.children.empty() ? QString() : m_root.children.front()->org.id;
}

QModelIndex OrganizationTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const Node *p = nodeFor(parent);
    if (!p || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex OrganizationTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeFor(child);
    if (!node || node == &m_root || node->parent == &m_root)
        return {};
    return indexFor(node->parent, 0);
}

int OrganizationTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Node *node = nodeFor(parent);
    return node ? int(node->children.size()) : 0;
}

int OrganizationTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool OrganizationTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant OrganizationTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeFor(index);
    if (!node || node == &m_root)
        return {};
    const api::Organization &org = node->org;
    const bool orphan = node->parent == &m_root && !org.parentId.isEmpty();
    const int subOrgs = int(node->children.size());
    switch (role) {
    case IdRole:
        return org.id;
    case ParentIdRole:
        return org.parentId;
    case SubOrganizationCountRole:
        return subOrgs;
    case OrphanRole:
        return orphan;
    default:
        break;
    }
    const QString orphanNote =
        orphan ? tr("Its parent organization %1 is not visible with these credentials.")
                     .arg(org.parentName.isEmpty()
                              ? org.parentId
                              : QStringLiteral("“%1” (%2)").arg(org.parentName, org.parentId))
               : QString();
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return org.name.isEmpty() ? org.id : org.name;
        if (role == SortRole)
            return org.name.toCaseFolded();
        if (role == Qt::ToolTipRole) {
            QString tip = org.name.toHtmlEscaped() + QStringLiteral("<br><small>") + org.id +
                          QStringLiteral("</small>");
            if (orphan)
                tip += QStringLiteral("<br>") + orphanNote.toHtmlEscaped();
            return tip;
        }
        break;
    case SubOrganizationsColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return subOrgs;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole)
            return tr("%n visible sub-organization(s)", nullptr, subOrgs);
        break;
    case NoteColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return orphan ? tr("Parent not visible") : QString();
        if (role == Qt::ToolTipRole && orphan)
            return orphanNote;
        break;
    default:
        break;
    }
    return {};
}

QVariant OrganizationTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Organization");
        case SubOrganizationsColumn:
            return tr("Sub-orgs");
        case NoteColumn:
            return tr("Note");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && section == SubOrganizationsColumn)
        return tr("Number of visible sub-organizations");
    return {};
}

OrganizationTreeModel::Node *OrganizationTreeModel::nodeFor(const QModelIndex &index) const
{
    if (!index.isValid())
        return const_cast<Node *>(&m_root);
    if (index.model() != this)
        return nullptr;
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex OrganizationTreeModel::indexFor(const Node *node, int column) const
{
    if (!node || node == &m_root)
        return {};
    return createIndex(rowOf(node), column, const_cast<Node *>(node));
}

int OrganizationTreeModel::rowOf(const Node *node) const
{
    const Node *parent = node->parent;
    for (size_t i = 0; i < parent->children.size(); ++i)
        if (parent->children[i].get() == node)
            return int(i);
    return -1;
}

OrganizationTreeModel::Node *OrganizationTreeModel::placeFor(const api::Organization &org) const
{
    if (!org.parentId.isEmpty())
        if (Node *p = m_byId.value(org.parentId))
            return p;
    return const_cast<Node *>(&m_root);
}

int OrganizationTreeModel::insertPosition(const Node *parent, const api::Organization &org,
                                          const Node *skip) const
{
    int pos = 0;
    for (const auto &child : parent->children) {
        if (child.get() == skip)
            continue;
        if (!lessThan(child->org, org))
            break;
        ++pos;
    }
    return pos;
}

bool OrganizationTreeModel::isAncestorOrSelf(const Node *ancestor, const Node *node) const
{
    for (const Node *n = node; n; n = n->parent)
        if (n == ancestor)
            return true;
    return false;
}

void OrganizationTreeModel::relocate(Node *node, Node *newParent)
{
    Node *oldParent = node->parent;
    const int from = rowOf(node);
    const int to = insertPosition(newParent, node->org, node);
    if (oldParent == newParent && from == to)
        return;
    // beginMoveRows counts the destination before the row leaves its old place.
    const int destination = (oldParent == newParent && to > from) ? to + 1 : to;
    if (!beginMoveRows(indexFor(oldParent), from, from, indexFor(newParent), destination))
        return;
    std::unique_ptr<Node> owned = std::move(oldParent->children[size_t(from)]);
    oldParent->children.erase(oldParent->children.begin() + from);
    owned->parent = newParent;
    newParent->children.insert(newParent->children.begin() + to, std::move(owned));
    endMoveRows();
    if (oldParent != newParent) {
        emitCountChanged(oldParent);
        emitCountChanged(newParent);
    }
}

void OrganizationTreeModel::adoptOrphansOf(Node *node)
{
    std::vector<Node *> orphans;
    for (const auto &child : m_root.children)
        if (child->org.parentId == node->org.id && !isAncestorOrSelf(child.get(), node))
            orphans.push_back(child.get());
    for (Node *orphan : orphans) {
        relocate(orphan, node);
        const QModelIndex first = indexFor(orphan, 0);
        Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
    }
}

void OrganizationTreeModel::emitCountChanged(Node *node)
{
    if (node == &m_root)
        return;
    const QModelIndex first = indexFor(node, 0);
    Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
}

void OrganizationTreeModel::forgetSubtree(const Node *node)
{
    m_byId.remove(node->org.id);
    for (const auto &child : node->children)
        forgetSubtree(child.get());
}

} // namespace models
