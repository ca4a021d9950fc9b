#include "models/organizations/organizationfilterproxymodel.h"

#include "models/organizations/organizationtreemodel.h"

namespace models {

OrganizationFilterProxyModel::OrganizationFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    // Qt walks the children too and keeps a row when any descendant matches.
    setRecursiveFilteringEnabled(true);
    setSortRole(OrganizationTreeModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void OrganizationFilterProxyModel::setNameFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_name)
        return;
    m_name = trimmed;
    invalidateFilter();
}

void OrganizationFilterProxyModel::setIdFilter(const QSet<QString> &ids)
{
    if (ids == m_ids)
        return;
    m_ids = ids;
    invalidateFilter();
}

bool OrganizationFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!isFiltering())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString id = index.data(OrganizationTreeModel::IdRole).toString();
    if (!m_ids.isEmpty() && !m_ids.contains(id))
        return false;
    if (m_name.isEmpty())
        return true;
    return index.data(Qt::DisplayRole).toString().contains(m_name, Qt::CaseInsensitive) ||
           id.compare(m_name, Qt::CaseInsensitive) == 0;
}

} // namespace models
