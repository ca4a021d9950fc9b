#pragma once
// Desktop notifications for watch matches: freedesktop notifications over
// D-Bus when a notification server is on the session bus (a click on the
// notification or its "Open" action comes back as activated(key)), else a
// system-tray balloon where there is a tray (QSystemTrayIcon::showMessage;
// its click opens the last one). A tray icon is shown wherever a tray
// exists, so Orgscope can be found while it watches.

#include <QHash>
#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace ui {

class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    enum class Backend { None, FreedesktopDBus, Tray };

    explicit DesktopNotifier(QObject *parent = nullptr);
    ~DesktopNotifier() override;

    Backend backend() const { return m_backend; }
    // Shows the notification; key comes back in activated() when it is clicked.
    void notify(const QString &key, const QString &title, const QString &body);

Q_SIGNALS:
    void activated(const QString &key);
    // Every notification also goes here (tests, and the count a test checks).
    void notified(const QString &key, const QString &title, const QString &body);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    Backend m_backend = Backend::None;
    QSystemTrayIcon *m_tray = nullptr;
    QHash<uint, QString> m_keys; // D-Bus notification id → key
    QString m_lastTrayKey;
};

} // namespace ui
