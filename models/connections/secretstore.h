#pragma once
// Secrets (API tokens, global keys) of saved connection profiles: in the OS
// keychain through QtKeychain (Secret Service on Linux), one entry per profile
// id. When no keychain answers, secrets are kept in memory for this session
// only — never in QSettings or any file — and keychainUnavailable() says so.
//
// A keychain that is slow to answer (a locked keyring whose password the user
// is typing) is waited for: after waitNoticeDelay() isWaiting() turns true
// and waitingChanged() tells the UI to show "waiting for the keyring" with a
// Cancel that calls cancelWaiting(). Only a keychain that says it cannot
// serve (no backend, no Secret Service) switches the session to memory only.
// Removing a secret always asks the keychain, and a removal that did not
// happen is reported (RemoveResult, secretNotRemoved()), never skipped.

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>

class QTimer;

namespace models {

class SecretStore : public QObject
{
    Q_OBJECT
public:
    struct ReadResult
    {
        bool found = false;
        QString secret;
        bool canceled = false; // cancelWaiting() gave up on the keychain
        QString error;         // the keychain refused (access denied, …); no secret in it
    };
    struct RemoveResult
    {
        bool removed = false; // the keychain no longer holds it (deleted, or never had it)
        bool canceled = false;
        QString error; // why it could not be deleted
    };
    using ReadCallback = std::function<void(const ReadResult &)>;
    // persisted: true when the keychain holds it, false when only this session does.
    using WriteCallback = std::function<void(bool persisted)>;
    using RemoveCallback = std::function<void(const RemoveResult &)>;

    // The keychain itself, behind one asynchronous interface (QtKeychain in
    // the product, a fake in tests). Each call ends with `done` exactly once,
    // unless the backend is destroyed first.
    class Backend
    {
    public:
        enum class Status {
            Ok,
            NotFound,
            Refused,     // this call failed (access denied, could not delete): the keychain is there
            Unavailable, // no keychain to talk to (no backend, no Secret Service)
        };
        // text: the secret after a read, else the backend's error message.
        using Done = std::function<void(Status status, const QString &text)>;
        virtual ~Backend() = default;
        virtual void read(const QString &key, Done done) = 0;
        virtual void write(const QString &key, const QString &secret, Done done) = 0;
        virtual void remove(const QString &key, Done done) = 0;
    };

    // service: the keychain's service/collection label for every entry.
    explicit SecretStore(const QString &service = QStringLiteral("Orgscope"), QObject *parent = nullptr);
    // With a backend of the caller's (tests); nullptr: no keychain at all.
    SecretStore(std::unique_ptr<Backend> backend, QObject *parent = nullptr);
    ~SecretStore() override;

    // True until the keychain said it cannot serve (or it was switched off).
    bool keychainAvailable() const { return m_available; }
    QString unavailableReason() const { return m_reason; }
    // Session-only mode without asking the keychain (e.g. built without QtKeychain).
    void disableKeychain(const QString &reason);

    // How long a keychain call runs before isWaiting() turns true (default 1.5 s).
    void setWaitNoticeDelay(int ms) { m_waitNoticeMs = ms; }
    int waitNoticeDelay() const { return m_waitNoticeMs; }
    // Kept for callers of the former timeout: keychain calls are no longer
    // given up on after a time; this sets the wait notice delay.
    void setTimeout(int ms) { setWaitNoticeDelay(ms); }
    // A keychain call has taken longer than waitNoticeDelay() and is still running.
    bool isWaiting() const { return m_waiting; }
    // Calls in flight to the keychain.
    int pendingCalls() const { return int(m_pending.size()); }
    // Gives up on every call in flight: reads end not found (canceled), writes
    // stay in memory for this session, removals are reported as not done.
    // The keychain stays in use: the next call asks it again.
    void cancelWaiting();

    // Callbacks run only while context lives (like a connect context object).
    void read(const QString &profileId, QObject *context, ReadCallback done);
    void write(const QString &profileId, const QString &secret, QObject *context, WriteCallback done = {});
    void remove(const QString &profileId, QObject *context, RemoveCallback done);
    // The same without the outcome (secretNotRemoved() still reports a failure).
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
    void waitingChanged(bool waiting);
    // A removal left the secret in the keychain (refused, unreachable, canceled).
    void secretNotRemoved(const QString &profileId, const QString &reason);

private:
    struct Pending
    {
        QTimer *notice = nullptr;
        std::function<void()> cancel;
    };
    void markUnavailable(const QString &reason);
    quint64 beginCall(std::function<void()> cancel);
    // False when the call had ended already (canceled): its answer is dropped.
    bool endCall(quint64 call);
    void setWaiting(bool waiting);

    std::unique_ptr<Backend> m_backend;
    QHash<QString, QString> m_session;
    QHash<quint64, Pending> m_pending;
    QString m_reason;
    quint64 m_nextCall = 0;
    int m_waitNoticeMs = 1500;
    bool m_available = true;
    bool m_waiting = false;
};

} // namespace models
