#include "models/connections/secretstore.h"

#include "models/logging.h"

#include <QTimer>

#include <algorithm>
#include <utility>

#ifdef ORGSCOPE_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace models {

namespace {

#ifdef ORGSCOPE_HAVE_KEYCHAIN
// QtKeychain, with its jobs parented to one QObject so that none answers
// after the store is gone.
class QtKeychainBackend : public SecretStore::Backend
{
public:
    explicit QtKeychainBackend(const QString &service) : m_service(service) {}

    void read(const QString &key, Done done) override
    {
        auto *job = new QKeychain::ReadPasswordJob(m_service, &m_jobs);
        run(job, key,
            [job, done] { done(statusOf(job), job->error() ? job->errorString() : job->textData()); });
    }
    void write(const QString &key, const QString &secret, Done done) override
    {
        auto *job = new QKeychain::WritePasswordJob(m_service, &m_jobs);
        job->setTextData(secret);
        run(job, key, [job, done] { done(statusOf(job), job->errorString()); });
    }
    void remove(const QString &key, Done done) override
    {
        auto *job = new QKeychain::DeletePasswordJob(m_service, &m_jobs);
        run(job, key, [job, done] { done(statusOf(job), job->errorString()); });
    }

private:
    static Status statusOf(const QKeychain::Job *job)
    {
        switch (job->error()) {
        case QKeychain::NoError:
            return Status::Ok;
        case QKeychain::EntryNotFound:
            return Status::NotFound;
        case QKeychain::CouldNotDeleteEntry:
        case QKeychain::AccessDeniedByUser:
        case QKeychain::AccessDenied:
            return Status::Refused;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
        case QKeychain::OtherError: // what an unreachable Secret Service (no D-Bus) gives
            break;
        }
        return Status::Unavailable;
    }
    void run(QKeychain::Job *job, const QString &key, std::function<void()> finished)
    {
        job->setAutoDelete(true);
        job->setInsecureFallback(false); // the fallback would write the secret to a plain settings file
        job->setKey(key);
        QObject::connect(job, &QKeychain::Job::finished, &m_jobs, std::move(finished));
        job->start();
    }

    QString m_service;
    QObject m_jobs;
};
#endif

} // namespace

SecretStore::SecretStore(const QString &service, QObject *parent) : QObject(parent)
{
#ifdef ORGSCOPE_HAVE_KEYCHAIN
    m_backend = std::make_unique<QtKeychainBackend>(service);
#else
    Q_UNUSED(service)
    m_available = false;
    m_reason = tr("This build has no keychain support.");
#endif
}

SecretStore::SecretStore(std::unique_ptr<Backend> backend, QObject *parent)
    : QObject(parent), m_backend(std::move(backend))
{
    if (!m_backend) {
        m_available = false;
        m_reason = tr("This build has no keychain support.");
    }
}

SecretStore::~SecretStore()
{
    // The backend goes first: no answer may reach a half-destroyed store.
    m_backend.reset();
}

QString SecretStore::entryKey(const QString &profileId)
{
    return QStringLiteral("connection/") + profileId;
}

void SecretStore::holdForSession(const QString &profileId, const QString &secret)
{
    m_session.insert(profileId, secret);
}

void SecretStore::disableKeychain(const QString &reason)
{
    markUnavailable(reason);
}

void SecretStore::markUnavailable(const QString &reason)
{
    if (!m_available)
        return;
    m_available = false;
    m_reason = reason;
    // The reason comes from the keychain backend (D-Bus errors): no secret in it.
    qCWarning(lcModels).noquote() << "keychain unavailable, secrets kept for this session only:" << reason;
    Q_EMIT keychainUnavailable(reason);
}

quint64 SecretStore::beginCall(std::function<void()> cancel)
{
    const quint64 call = ++m_nextCall;
    auto *notice = new QTimer(this);
    notice->setSingleShot(true);
    connect(notice, &QTimer::timeout, this, [this] { setWaiting(true); });
    notice->start(m_waitNoticeMs);
    m_pending.insert(call, {notice, std::move(cancel)});
    return call;
}

bool SecretStore::endCall(quint64 call)
{
    const auto it = m_pending.constFind(call);
    if (it == m_pending.cend())
        return false;
    delete it->notice;
    m_pending.erase(it);
    if (m_pending.isEmpty())
        setWaiting(false);
    return true;
}

void SecretStore::setWaiting(bool waiting)
{
    if (m_waiting == waiting)
        return;
    m_waiting = waiting;
    Q_EMIT waitingChanged(waiting);
}

void SecretStore::cancelWaiting()
{
    const QHash<quint64, Pending> pending = std::exchange(m_pending, {});
    // Oldest first, so callbacks run in the order the calls were made.
    QList<quint64> calls = pending.keys();
    std::sort(calls.begin(), calls.end());
    for (quint64 call : calls)
        delete pending.value(call).notice;
    setWaiting(false);
    for (quint64 call : calls)
        pending.value(call).cancel();
}

void SecretStore::read(const QString &profileId, QObject *context, ReadCallback done)
{
    QPointer<QObject> guard(context);
    auto deliver = [guard, hasContext = context != nullptr, done](const ReadResult &r) {
        if (done && (!hasContext || guard))
            done(r);
    };
    if (m_session.contains(profileId) || !m_available || !m_backend) {
        ReadResult r;
        r.found = m_session.contains(profileId);
        r.secret = m_session.value(profileId);
        QTimer::singleShot(0, this, [deliver, r] { deliver(r); });
        return;
    }
    const quint64 call = beginCall([deliver] {
        ReadResult r;
        r.canceled = true;
        deliver(r);
    });
    m_backend->read(entryKey(profileId),
                    [this, call, deliver, profileId](Backend::Status status, const QString &text) {
                        if (!endCall(call))
                            return;
                        ReadResult r;
                        switch (status) {
                        case Backend::Status::Ok:
                            r.found = true;
                            r.secret = text;
                            m_session.insert(profileId, text);
                            break;
                        case Backend::Status::NotFound:
                            break;
                        case Backend::Status::Refused:
                            r.error = text;
                            break;
                        case Backend::Status::Unavailable:
                            markUnavailable(text);
                            break;
                        }
                        deliver(r);
                    });
}

void SecretStore::write(const QString &profileId, const QString &secret, QObject *context, WriteCallback done)
{
    QPointer<QObject> guard(context);
    auto deliver = [guard, hasContext = context != nullptr, done](bool persisted) {
        if (done && (!hasContext || guard))
            done(persisted);
    };
    // Held for this session either way, so a connect right after saving needs no keychain round trip.
    m_session.insert(profileId, secret);
    if (!m_available || !m_backend) {
        QTimer::singleShot(0, this, [deliver] { deliver(false); });
        return;
    }
    const quint64 call = beginCall([deliver] { deliver(false); });
    m_backend->write(
        entryKey(profileId), secret, [this, call, deliver](Backend::Status status, const QString &text) {
            if (!endCall(call))
                return;
            if (status == Backend::Status::Unavailable)
                markUnavailable(text);
            else if (status != Backend::Status::Ok)
                qCWarning(lcModels).noquote() << "the keychain refused to store a secret:" << text;
            deliver(status == Backend::Status::Ok);
        });
}

void SecretStore::remove(const QString &profileId, QObject *context, std::function<void()> done)
{
    remove(profileId, context, RemoveCallback([done](const RemoveResult &) {
               if (done)
                   done();
           }));
}

void SecretStore::remove(const QString &profileId, QObject *context, RemoveCallback done)
{
    QPointer<QObject> guard(context);
    auto deliver = [this, profileId, guard, hasContext = context != nullptr, done](const RemoveResult &r) {
        if (!r.removed)
            Q_EMIT secretNotRemoved(profileId, r.error);
        if (done && (!hasContext || guard))
            done(r);
    };
    m_session.remove(profileId);
    if (!m_backend) {
        // Nothing can be in a keychain this build never talks to.
        QTimer::singleShot(0, this, [deliver] { deliver({true, false, {}}); });
        return;
    }
    // Asked even when this session found the keychain unavailable: an entry of
    // an earlier session may be there, and leaving it silently is the one
    // thing a removal must not do.
    const quint64 call = beginCall([deliver] {
        deliver({false, true, tr("gave up waiting for the keychain")});
    });
    m_backend->remove(
        entryKey(profileId), [this, call, deliver](Backend::Status status, const QString &text) {
            if (!endCall(call))
                return;
            if (status == Backend::Status::Ok || status == Backend::Status::NotFound) {
                deliver({true, false, {}});
                return;
            }
            qCWarning(lcModels).noquote() << "could not delete a keychain entry:" << text;
            deliver({false, false, text.isEmpty() ? tr("the keychain did not delete it") : text});
        });
}

void SecretStore::copy(const QString &fromId, const QString &toId, QObject *context, WriteCallback done)
{
    read(fromId, this,
         [this, toId, guard = QPointer<QObject>(context), hasContext = context != nullptr,
          done](const ReadResult &r) {
             if (hasContext && !guard)
                 return;
             if (!r.found) {
                 if (done && (!hasContext || guard))
                     done(false);
                 return;
             }
             write(toId, r.secret, hasContext ? guard.data() : this, done);
         });
}

} // namespace models
