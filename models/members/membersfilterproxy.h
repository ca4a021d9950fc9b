#pragma once
// Instant local filter over the members already loaded: a case-insensitive
// substring of the e-mail or the name. Server-side filters (status,
// user.email forms) are a new query, not a proxy concern.

#include <QSortFilterProxyModel>

namespace models {

class MembersFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MembersFilterProxy(QObject *parent = nullptr);

    void setTextFilter(const QString &text);
    QString textFilter() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

} // namespace models
