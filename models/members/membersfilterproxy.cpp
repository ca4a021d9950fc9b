#include "models/members/membersfilterproxy.h"

#include "models/members/membersmodel.h"

namespace models {

MembersFilterProxy::MembersFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(MembersModel::SortRole);
    setDynamicSortFilter(true);
}

void MembersFilterProxy::setTextFilter(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_text)
        return;
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter() is the way.
    m_text = t;
    invalidateFilter();
}

bool MembersFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QAbstractItemModel *src = sourceModel();
    const QString email = src->index(sourceRow, MembersModel::EmailColumn, sourceParent).data().toString();
    if (email.contains(m_text, Qt::CaseInsensitive))
        return true;
    const QString name = src->index(sourceRow, MembersModel::NameColumn, sourceParent).data().toString();
    return name.contains(m_text, Qt::CaseInsensitive);
}

} // namespace models
