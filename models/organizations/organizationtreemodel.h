#pragma once
// Every organization the credentials can see, as a tree by parent. Rows are
// kept sorted by name within their parent. An organization whose parent is
// not (yet) visible sits at the root with a note; if the parent shows up
// later (next page, refresh) the row moves under it. Every change after the
// first load is incremental (insert / remove / move / dataChanged), never a
// reset, so views keep their expansion and selection.
//
// The same model feeds the organization tree of the Organizations page and
// the toolbar organization picker (id in IdRole, name in DisplayRole).

#include "api/records.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QString>
#include <memory>
#include <vector>

namespace models {

class OrganizationTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, SubOrganizationsColumn, NoteColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        ParentIdRole,             // parent id as sent by the API (even when not visible)
        SubOrganizationCountRole, // visible direct children
        OrphanRole,               // true: has a parent that is not visible
        SortRole,                 // raw value per column
    };

    explicit OrganizationTreeModel(QObject *parent = nullptr);
    ~OrganizationTreeModel() override;

    // Removes everything (a reset: used when the connection changes).
    void clear();
    // Adds or updates each organization (one page of the list).
    void addOrganizations(const QList<api::Organization> &organizations);
    // Adds a new organization, or updates it when the id is known.
    void addOrganization(const api::Organization &organization);
    // Replaces the record of a known organization; moves the row when its
    // name (sort position) or parent changed. False when the id is unknown.
    bool updateOrganization(const api::Organization &organization);
    // Removes the organization and everything under it. False when unknown.
    bool removeOrganization(const QString &id);
    // Re-parents a known organization (empty = root). Refuses cycles.
    bool moveOrganization(const QString &id, const QString &newParentId);
    // Makes the model hold exactly this list, with incremental changes
    // (refresh after the first load).
    void synchronize(const QList<api::Organization> &organizations);

    bool contains(const QString &id) const { return m_byId.contains(id); }
    int organizationCount() const { return int(m_byId.size()); }
    const api::Organization *organization(const QString &id) const;
    const api::Organization *organization(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &id, int column = NameColumn) const;
    bool isOrphan(const QString &id) const;
    // Visible direct children, in row order.
    QList<const api::Organization *> children(const QString &id) const;
    // Root first, self last, following visible parents.
    QList<const api::Organization *> path(const QString &id) const;
    // The first root row's id, or empty.
    QString firstRootId() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;

private:
    struct Node
    {
        api::Organization org;
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
    };

    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node, int column = NameColumn) const;
    int rowOf(const Node *node) const;
    // Where a node belongs: its parent's node when visible, else the root.
    Node *placeFor(const api::Organization &org) const;
    // Sorted insert position among `parent`'s children, ignoring `skip`.
    int insertPosition(const Node *parent, const api::Organization &org, const Node *skip) const;
    bool isAncestorOrSelf(const Node *ancestor, const Node *node) const;
    void relocate(Node *node, Node *newParent);
    void adoptOrphansOf(Node *node);
    void emitCountChanged(Node *node);
    void forgetSubtree(const Node *node);

    Node m_root;
    QHash<QString, Node *> m_byId;
};

} // namespace models
