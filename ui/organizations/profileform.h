#pragma once
// The business profile of one organization as a form (REFERENCE §4.7/4.8).
// Passive: the page loads it from the controller, pushes each edit to it
// (edited) and forwards Save; the controller performs the PUT. Contract shared by every
// form of the console: load(record), isModified(), save() → outcome,
// discard(). Validation messages sit under each field; Save is enabled only
// when something changed and everything is valid. A failed save keeps every
// edited value.

#include "api/records.h"
#include "models/organizations/profilevalidator.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace ui {

class ProfileForm : public QWidget
{
    Q_OBJECT
public:
    enum class SaveOutcome {
        Started,     // saveRequested() was emitted; the page reports back
        NotModified, // nothing to save
        Invalid,     // a field is invalid (its message is shown)
        Busy,        // a save is already running
        Unavailable, // no profile loaded (no organization, or loading failed)
    };
    Q_ENUM(SaveOutcome)

    explicit ProfileForm(QWidget *parent = nullptr);

    // Baseline values. exists=false: the organization has no profile yet
    // (404); the form starts empty and Save creates it.
    void load(const api::Profile &profile, bool exists = true);
    // No data to edit: "Loading…", "Choose an organization", an error.
    void setUnavailable(const QString &message);
    bool isAvailable() const { return m_available; }

    bool isModified() const;
    bool isValid() const;
    bool isSaving() const { return m_saving; }
    api::Profile profile() const; // the values in the fields
    api::Profile loadedProfile() const { return m_loaded; }

    SaveOutcome save();
    void discard();

    // The page reports the outcome of a save it started.
    void saveSucceeded();
    void saveFailed(const QString &reason);

Q_SIGNALS:
    void saveRequested(const api::Profile &profile);
    void modifiedChanged(bool modified);
    // The values in the fields changed (by the user, or by load / discard).
    void edited(const api::Profile &profile);

private:
    using Field = models::ProfileValidator::Field;
    void setValues(const api::Profile &profile);
    void revalidate();
    void updateButtons();
    void setStatus(const QString &text, bool error);

    QLineEdit *m_name;
    QLineEdit *m_email;
    QLineEdit *m_phone;
    QPlainTextEdit *m_address;
    QPlainTextEdit *m_metadata;
    QMap<Field, QLabel *> m_errors;
    QMap<Field, QWidget *> m_inputs;
    QLabel *m_status;
    QPushButton *m_save;
    QPushButton *m_revert;
    QWidget *m_fields;
    api::Profile m_loaded;
    bool m_available = false;
    bool m_saving = false;
    bool m_lastModified = false;
    bool m_settingValues = false;
};

} // namespace ui
