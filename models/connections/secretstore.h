#pragma once
// Secrets (API tokens, global keys) of saved connection profiles: in the OS
// keychain through QtKeychain (Secret Service on Linux), one entry per profile
// id. When no keychain answers, secrets are kept in memory for this session
// only — never in QSettings or any file — and keychainUnavailable() says so.

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

namespace models {

class SecretStore : public QObject
{
    Q_OBJECT
public:
    struct ReadResult
    {
        bool found = false;
        QString secret;
    };
    using ReadCallback = std::function<void(const ReadResult &)>;
    // persisted: true when the keychain holds it, false when only this session does.
    using WriteCallback = std::function<void(bool persisted)>;

    // service: the keychain's service/collection label for every entry.
    explicit SecretStore(const QString &service = QStringLiteral("Orgscope"), QObject *parent = nullptr);
    ~SecretStore() override;

    // True until a keychain operation proved otherwise (or it was switched off).
    bool keychainAvailable() const { return m_available; }
    QString unavailableReason() const { return m_reason; }
    // Session-only mode without asking the keychain (e.g. built without QtKeychain).
    void disableKeychain(const QString &reason);

    // How long a keychain call may take before it counts as unavailable (default 15 s).
    void setTimeout(int ms) { m_timeoutMs = ms; }

    // Callbacks run only while context lives (like a connect context object).
    void read(const QString &profileId, QObject *context, ReadCallback done);
    void write(const QString &profileId, const QString &secret, QObject *context, WriteCallback done = {});
    void remove(const QString &profileId, QObject *context = nullptr, std::function<void()> done = {});
    // Copies the secret of one profile to another (duplicate a profile).
    void copy(const QString &fromId, const QString &toId, QObject *context = nullptr,
              WriteCallback done = {});

    // For unsaved profiles (environment, demo): memory only, never the keychain.
    void holdForSession(const QString &profileId, const QString &secret);
    // Held in memory for this session (keychain unavailable, or just read).
    bool hasSessionSecret(const QString &profileId) const { return m_session.contains(profileId); }

    static QString entryKey(const QString &profileId);

Q_SIGNALS:
    void keychainUnavailable(const QString &reason);

private:
    void markUnavailable(const QString &reason);

    QString m_service;
    QHash<QString, QString> m_session;
    QString m_reason;
    int m_timeoutMs = 15000;
    bool m_available = true;
};

} // namespace models
