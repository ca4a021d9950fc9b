#pragma once
// File › Connect…: the connection profiles on the left (add, duplicate,
// remove), the selected one in a form on the right with validation next to
// each field, and Save / Connect. Secrets typed here go to the SecretStore,
// never to settings. The dialog does not connect by itself: it asks through
// connectRequested() and shows what the controller reports back.

#include "models/connections/connectionprofile.h"
#include "ui/common/messagebanner.h"

#include <QDialog>
#include <QMap>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QRadioButton;

namespace models {
class ConnectionProfileStore;
class SecretStore;
} // namespace models

namespace ui {

class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectDialog(models::ConnectionProfileStore *store, models::SecretStore *secrets,
                  QWidget *parent = nullptr);
    ~ConnectDialog() override;

    void selectProfile(const QString &id);
    QString currentProfileId() const { return m_currentId; }
    bool isDraft() const { return m_draft; }
    bool isModified() const { return m_modified; }
    // Typed into by the user since the form was loaded or saved (a fresh
    // blank draft is modified, but holds nothing of the user's yet).
    bool hasUserEdits() const { return m_edited; }

    // A blank form for a new profile (not stored until saved).
    void startNewProfile();
    // Validates the form and stores it (and a typed secret). False with the
    // problems shown next to their fields.
    bool save();
    // Save when needed, then connectRequested() for the current profile.
    void connectCurrent();
    void duplicateCurrent();
    // Asks for confirmation (through ui::Dialogs), then removes profile and secret.
    void removeCurrent();

    // What the controller reports: shown in the banner at the top.
    void showStatus(MessageBanner::Kind kind, const QString &text);
    void clearStatus();
    QString statusText() const;
    // Shown next to a field (e.g. "no secret stored for this profile").
    void showFieldError(models::ConnectionProfile::Field field, const QString &text);
    QString fieldError(models::ConnectionProfile::Field field) const;
    void setBusy(bool busy);

    // The profile as currently entered in the form (id empty for a draft).
    models::ConnectionProfile formProfile() const;

    // Close, Escape and the window's close button: edits typed into the form
    // are asked about first (Save / Discard / Cancel), without blocking.
    void reject() override;

Q_SIGNALS:
    void connectRequested(const QString &profileId);
    // A profile was saved (after an edit) or removed.
    void profilesEdited();

private:
    void buildUi();
    void loadProfile(const models::ConnectionProfile &profile);
    void onSelectionChanged();
    void updateSchemeFields();
    void updateButtons();
    void updateKeychainNotice();
    void markModified();
    bool validate(bool showErrors);
    void selectRowOf(const QString &id);

    models::ConnectionProfileStore *m_store;
    models::SecretStore *m_secrets;
    QString m_currentId;
    models::ConnectionProfile::Origin m_currentOrigin = models::ConnectionProfile::Origin::Saved;
    bool m_draft = false;
    bool m_modified = false;
    bool m_edited = false;
    bool m_askingToClose = false;
    bool m_loading = false;
    bool m_busy = false;

    QListView *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_remove = nullptr;
    MessageBanner *m_banner = nullptr;
    QLabel *m_keychainNotice = nullptr;
    QPushButton *m_stopWaiting = nullptr; // while the keyring is slow to answer
    QLineEdit *m_name = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QRadioButton *m_schemeToken = nullptr;
    QRadioButton *m_schemeKey = nullptr;
    QButtonGroup *m_schemes = nullptr;
    QLabel *m_tokenLabel = nullptr;
    QLineEdit *m_token = nullptr;
    QLabel *m_emailLabel = nullptr;
    QLineEdit *m_email = nullptr;
    QLabel *m_keyLabel = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_accountId = nullptr;
    QLineEdit *m_defaultOrg = nullptr;
    QMap<models::ConnectionProfile::Field, QLabel *> m_errors;
    QWidget *m_tokenRow = nullptr;
    QWidget *m_emailRow = nullptr;
    QWidget *m_keyRow = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace ui
