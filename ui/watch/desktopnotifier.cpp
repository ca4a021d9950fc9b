#include "ui/watch/desktopnotifier.h"

#include <QApplication>
#include <QIcon>
#include <QSystemTrayIcon>

#ifdef ORGSCOPE_HAVE_QTDBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

namespace ui {

namespace {
#ifdef ORGSCOPE_HAVE_QTDBUS
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
#endif
} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent) : QObject(parent)
{
    setObjectName(QStringLiteral("desktopNotifier"));
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/orgscope/icons/orgscope.svg")), this);
        m_tray->setToolTip(QStringLiteral("Orgscope"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (!m_lastTrayKey.isEmpty())
                Q_EMIT activated(m_lastTrayKey);
        });
        m_tray->show();
        m_backend = Backend::Tray;
    }
#ifdef ORGSCOPE_HAVE_QTDBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected() && bus.interface() && bus.interface()->isServiceRegistered(kService)) {
        bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                    SLOT(onNotificationClosed(uint, uint)));
        m_backend = Backend::FreedesktopDBus;
    }
#endif
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::notify(const QString &key, const QString &title, const QString &body)
{
    Q_EMIT notified(key, title, body);
#ifdef ORGSCOPE_HAVE_QTDBUS
    if (m_backend == Backend::FreedesktopDBus) {
        QDBusMessage call =
            QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
        const QStringList actions{QStringLiteral("default"), tr("Open"), QStringLiteral("open"), tr("Open")};
        QVariantMap hints;
        hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("orgscope"));
        hints.insert(QStringLiteral("category"), QStringLiteral("im.received"));
        call << QApplication::applicationDisplayName() << uint(0) << QStringLiteral("orgscope") << title
             << body << actions << hints << int(-1);
        auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, key] {
            const QDBusPendingReply<uint> reply = *watcher;
            if (!reply.isError())
                m_keys.insert(reply.value(), key);
            watcher->deleteLater();
        });
        return;
    }
#endif
    if (m_tray) {
        m_lastTrayKey = key;
        m_tray->showMessage(title, body, QSystemTrayIcon::Information, 10000);
    }
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    Q_UNUSED(action)
    const auto it = m_keys.constFind(id);
    if (it != m_keys.constEnd())
        Q_EMIT activated(it.value());
}

void DesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    m_keys.remove(id);
}

} // namespace ui
