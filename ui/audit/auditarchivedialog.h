#pragma once
// The local audit archive's settings: retention (days, and a size cap) and
// "Delete local archive". Values are read from and saved to AppSettings and
// handed to the controller, which applies them when an archive opens; the
// deletion asks first (Dialogs::confirm) and is done by the controller.

#include <QDialog>

class QPushButton;
class QSpinBox;

namespace models {
class AppSettings;
class AuditController;
} // namespace models

namespace ui {

class AuditArchiveDialog : public QDialog
{
    Q_OBJECT
public:
    AuditArchiveDialog(models::AuditController *controller, models::AppSettings *settings,
                       QWidget *parent = nullptr);

    QSpinBox *retentionDays() const { return m_days; }
    QSpinBox *maxMiB() const { return m_maxMiB; }
    QPushButton *deleteButton() const { return m_delete; }

    // Opens the dialog (window-modal, deleted on close).
    static void openFor(models::AuditController *controller, models::AppSettings *settings, QWidget *parent);
    // Hands the saved retention to the controller (before its archive opens).
    static void applySavedRetention(models::AuditController *controller, const models::AppSettings &settings);

    // Saves the values and hands them to the controller.
    void accept() override;
    // Asks, then deletes the open organization's archive.
    void deleteArchive();

private:
    models::AuditController *m_controller;
    models::AppSettings *m_settings;
    QSpinBox *m_days;
    QSpinBox *m_maxMiB;
    QPushButton *m_delete;
};

} // namespace ui
