#pragma once
// Filters the organization tree by name as the user types and/or by a set of
// ids (the answer of a "find containing" lookup). Ancestors of a match stay
// visible so every match keeps its place in the hierarchy.

#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

namespace models {

class OrganizationFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit OrganizationFilterProxyModel(QObject *parent = nullptr);

    // Case-insensitive substring of the name (or the full id); empty = all.
    void setNameFilter(const QString &text);
    QString nameFilter() const { return m_name; }
    // Only these organizations (and their ancestors); empty set = no id filter.
    void setIdFilter(const QSet<QString> &ids);
    QSet<QString> idFilter() const { return m_ids; }
    bool isFiltering() const { return !m_name.isEmpty() || !m_ids.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_name;
    QSet<QString> m_ids;
};

} // namespace models
