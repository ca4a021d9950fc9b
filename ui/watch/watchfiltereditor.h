#pragma once
// A watch rule's audit filters one per row: the key (as in `orgscope export
// audit`), "is" or "is not", and the value; rows are added and removed one
// by one. Reads and writes AuditWatchQuery::filterText() (one key=value or
// key!=value per line), so the rule keeps one text form.

#include <QWidget>

class QPushButton;
class QTableWidget;

namespace ui {

class WatchFilterEditor : public QWidget
{
    Q_OBJECT
public:
    explicit WatchFilterEditor(QWidget *parent = nullptr);

    void setFilterText(const QString &text);
    // Rows with an empty value are left out.
    QString filterText() const;

    QTableWidget *table() const { return m_table; }
    int rowCount() const;
    // Appends a row; key empty: the first key.
    void addRow(const QString &key = {}, bool exclude = false, const QString &value = {});
    void removeCurrentRow();

private:
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
};

} // namespace ui
