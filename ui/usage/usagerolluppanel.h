#pragma once
// The Usage page's "Sub-organizations" tab (issue 24): the "Include
// sub-organizations" checkbox (remembered), then the showback table — cost of
// this organization and of each one under it per month, over the page's
// range — with one progress and Cancel for the whole run, the organizations
// missing from the table with Retry, and a note when records returned by a
// parent and a child were counted once. Binds to
// models::UsageRollupController; the range and the rate card are the Usage
// controller's.

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace models {
class Session;
class UsageController;
class UsageRollupController;
} // namespace models

namespace ui {

class UsageRollupPanel : public QWidget
{
    Q_OBJECT
public:
    UsageRollupPanel(models::Session *session, models::UsageController *usage, QWidget *parent = nullptr);

    models::UsageRollupController *controller() const { return m_controller; }
    // Rolls up the page's current range (the checkbox on, the Refresh button).
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateState();

    models::UsageController *m_usage;
    models::UsageRollupController *m_controller;
    QCheckBox *m_include;
    QPushButton *m_refresh;
    QPushButton *m_cancel;
    QLabel *m_status;
    QLabel *m_missing;
    QPushButton *m_retry;
    QTableView *m_table;
};

} // namespace ui
