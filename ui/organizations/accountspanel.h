#pragma once
// The Accounts tab: the chosen organization's accounts in a sortable table,
// with the API's own name filter (contains / starts with / ends with), a
// status line, Copy ID and Export CSV. Passive: it shows the controller's
// accounts model; the page says what to load.

#include "api/listfilters.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace models {
class AccountTableModel;
}

namespace ui {

class AccountsPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Match { Contains, StartsWith, EndsWith };

    explicit AccountsPanel(models::AccountTableModel *model, QWidget *parent = nullptr);

    models::AccountTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The filter to send (ordered by name; the table re-sorts locally).
    api::AccountFilter filter() const;
    void setStatus(const QString &text);
    void setLoading(bool loading);
    // Selected account id, or empty.
    QString currentAccountId() const;
    void setEnabledForOrganization(bool enabled);
    // Column widths came from saved settings: do not fit them to the first rows.
    void keepColumnWidths();

Q_SIGNALS:
    // The user changed the name filter (debounced while typing).
    void filterChanged();
    void exportRequested();
    void idCopied(const QString &id);

private:
    void copyId();
    void showContextMenu(const QPoint &pos);

    models::AccountTableModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QComboBox *m_match;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_status;
    QPushButton *m_copy;
    QPushButton *m_export;
    QTimer *m_debounce;
    bool m_loading = false;
    bool m_columnsSized = false;
};

} // namespace ui
