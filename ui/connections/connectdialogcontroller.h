#pragma once
// File › Connect…: shows the connect dialog (non-blocking) and reflects the
// models::ConnectionController's attempts in it — busy while verifying, the
// outcome in its banner, the field to fix on a failure. The work (secret,
// client, verification, session hand-over) is the models controller's.

#include <QObject>
#include <QPointer>
#include <functional>

class QWidget;

namespace models {
class ConnectionController;
class ConnectionProfileStore;
class SecretStore;
class Session;
} // namespace models

namespace ui {

class ConnectDialog;

class ConnectDialogController : public QObject
{
    Q_OBJECT
public:
    ConnectDialogController(models::ConnectionController *connections, models::Session *session,
                            models::ConnectionProfileStore *store, models::SecretStore *secrets,
                            QWidget *dialogParent, QObject *parent = nullptr);
    ~ConnectDialogController() override;

    // Shows (or raises) the dialog, non-blocking.
    void showDialog();
    ConnectDialog *dialog() const;

    // Runs `go` once the pages allow leaving their unsaved edits (asks them
    // without blocking); a connect from the dialog goes through it, because a
    // new connection resets every page. Without a guard `go` runs at once.
    using LeaveGuard = std::function<void(std::function<void()> go)>;
    void setLeaveGuard(LeaveGuard guard) { m_leaveGuard = std::move(guard); }

private:
    void onConnectRequested(const QString &profileId);
    void onConnecting(const QString &profileId, const QString &profileName);
    void onConnected();
    void onFailed();

    models::ConnectionController *m_connections;
    models::Session *m_session;
    models::ConnectionProfileStore *m_store;
    models::SecretStore *m_secrets;
    QPointer<QWidget> m_dialogParent;
    QPointer<ConnectDialog> m_dialog;
    LeaveGuard m_leaveGuard;
};

} // namespace ui
