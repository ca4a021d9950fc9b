#pragma once
// The accounts of one organization (REFERENCE §4.6, §5.3), appended page by
// page as the pager delivers them. Display text is formatted in data();
// SortRole gives the raw value so a proxy sorts dates and booleans correctly.

#include "api/records.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

namespace models {

class AccountTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, IdColumn, TypeColumn, CreatedColumn, SettingsColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

    explicit AccountTableModel(QObject *parent = nullptr);

    void clear();
    // One page: a single beginInsertRows.
    void appendAccounts(const QList<api::Account> &accounts);
    const QList<api::Account> &accounts() const { return m_accounts; }
    const api::Account *account(int row) const;

    // The Created column's zone (View › Time zone), named in its header.
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }

    // "Two-factor enforced · API access on · abuse: x@y" (nulls left out).
    static QString settingsSummary(const api::AccountSettings &settings);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<api::Account> m_accounts;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace models
