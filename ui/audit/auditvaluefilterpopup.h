#pragma once
// Popup listing a column's distinct values (with counts) as checkboxes: the
// per-column value filter opened from the table header.

#include "models/audit/audittablemodel.h"

#include <QFrame>

class QLineEdit;
class QListWidget;

namespace ui {

class AuditValueFilterPopup : public QFrame
{
    Q_OBJECT
public:
    AuditValueFilterPopup(const QString &columnTitle,
                          const QList<models::AuditTableModel::ValueCount> &values,
                          const models::AuditFilterSpec::ValueSet &current, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    // Checks exactly these values (tests and "only this").
    void setChecked(const QSet<QString> &values);
    // What the current check marks mean as a filter (both empty: no filter).
    models::AuditFilterSpec::ValueSet valueSet() const;
    void apply();

Q_SIGNALS:
    void applied(const QSet<QString> &include, const QSet<QString> &exclude);

private:
    void setAll(bool checked);

    QLineEdit *m_search;
    QListWidget *m_list;
};

} // namespace ui
