#pragma once
// The Audit log page's status line: what the AuditController is doing or last
// did (loading or refreshing with its figures, the summary of a finished load,
// export progress and result, archive history) with a progress bar and a
// Cancel button while it is busy. It reads the controller; cancelling is the
// page's intent (cancelRequested).

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace models {
class AuditController;
struct AuditLoadSummary;
} // namespace models

namespace ui {

class AuditStatusLine : public QWidget
{
    Q_OBJECT
public:
    // controller is not owned; it outlives the line.
    explicit AuditStatusLine(models::AuditController *controller, QWidget *parent = nullptr);

    QLabel *label() const { return m_label; }
    void setText(const QString &text);
    // "Choose an organization to see its audit log."
    void showNoOrganization();

Q_SIGNALS:
    void cancelRequested();

private:
    void bindController();
    void updateBusy();
    void showLoadProgress();
    void onLoadFinished(const models::AuditLoadSummary &summary);
    void showExportProgress();
    void onExportFinished(bool ok, const QString &pathOrError, qint64 withoutBodies);

    models::AuditController *m_controller;
    QLabel *m_label;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
};

} // namespace ui
