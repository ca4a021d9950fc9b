#pragma once
// The local audit archive's settings: where the organization's archive is,
// how big it is and what it holds completely; retention (days, and a size
// cap) and "Delete local archive". Values are read from and saved to
// AppSettings and handed to the controller, which applies them when an
// archive opens; the deletion asks first (Dialogs::confirm) and is done by
// the controller. An archive this window only reads (another Orgscope
// window holds it) or that is not open cannot be deleted here: the button is
// disabled and a line says why.

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;
class QSpinBox;

namespace models {
class AppSettings;
class AuditController;
class Session;
} // namespace models

namespace ui {

class AuditArchiveDialog : public QDialog
{
    Q_OBJECT
public:
    // session: whose organization's archive is shown (may be null: none).
    AuditArchiveDialog(models::Session *session, models::AuditController *controller,
                       models::AppSettings *settings, QWidget *parent = nullptr);

    QSpinBox *retentionDays() const { return m_days; }
    QSpinBox *maxMiB() const { return m_maxMiB; }
    QPushButton *deleteButton() const { return m_delete; }

    // Opens the dialog (window-modal, deleted on close).
    static void openFor(models::Session *session, models::AuditController *controller,
                        models::AppSettings *settings, QWidget *parent);
    // Hands the saved retention to the controller (before its archive opens).
    static void applySavedRetention(models::AuditController *controller, const models::AppSettings &settings);
    // The archive file of the session's organization (empty: none chosen).
    QString archivePath() const;
    // Bytes of the archive file and its write-ahead log on disk.
    static qint64 archiveBytes(const QString &path);

    // Saves the values and hands them to the controller.
    void accept() override;
    // Asks, then deletes the open organization's archive.
    void deleteArchive();

private:
    // Location, size, coverage and whether Delete is possible, as they are now.
    void updateState();

    QPointer<models::Session> m_session;
    models::AuditController *m_controller;
    models::AppSettings *m_settings;
    QLabel *m_location;
    QLabel *m_size;
    QLabel *m_coverage;
    QSpinBox *m_days;
    QSpinBox *m_maxMiB;
    QLabel *m_deleteReason;
    QLabel *m_result;
    QPushButton *m_delete;
};

} // namespace ui
