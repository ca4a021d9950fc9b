#pragma once
// The Audit log page's "Include sub-organizations" row (issue 24): the
// checkbox (remembered by the controller), one progress and Cancel for the
// whole roll-up, and the organizations missing from the table with Retry for
// those alone. Shows models::AuditRollupController; starts no request itself
// (Run and Refresh go through AuditController, which rolls up while it is on).

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;

namespace models {
class AuditController;
class AuditRollupController;
} // namespace models

namespace ui {

class AuditRollupPanel : public QWidget
{
    Q_OBJECT
public:
    AuditRollupPanel(models::AuditController *controller, QWidget *parent = nullptr);

private:
    void updateState();

    QPointer<models::AuditController> m_controller;
    QPointer<models::AuditRollupController> m_rollup;
    QCheckBox *m_include;
    QLabel *m_status;
    QPushButton *m_cancel;
    QLabel *m_missing;
    QPushButton *m_retry;
};

} // namespace ui
