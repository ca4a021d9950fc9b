#include "models/connections/secretstore.h"

#include "models/logging.h"

#include <QTimer>
#include <memory>

#ifdef ORGSCOPE_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace models {

namespace {

// Runs a callback once: from the job, or from the timeout, whichever comes first.
struct Once
{
    bool done = false;
};

} // namespace

SecretStore::SecretStore(const QString &service, QObject *parent) : QObject(parent), m_service(service)
{
#ifndef ORGSCOPE_HAVE_KEYCHAIN
    m_available = false;
    m_reason = tr("This build has no keychain support.");
#endif
}

SecretStore::~SecretStore() = default;

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

void SecretStore::read(const QString &profileId, QObject *context, ReadCallback done)
{
    QPointer<QObject> guard(context);
    auto deliver = [guard, hasContext = context != nullptr, done](const ReadResult &r) {
        if (done && (!hasContext || guard))
            done(r);
    };
    if (m_session.contains(profileId) || !m_available) {
        ReadResult r;
        r.found = m_session.contains(profileId);
        r.secret = m_session.value(profileId);
        QTimer::singleShot(0, this, [deliver, r] { deliver(r); });
        return;
    }
#ifdef ORGSCOPE_HAVE_KEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // the fallback would write the secret to a plain settings file
    job->setKey(entryKey(profileId));
    auto once = std::make_shared<Once>();
    connect(job, &QKeychain::Job::finished, this, [this, job, once, deliver, profileId] {
        if (once->done)
            return;
        once->done = true;
        ReadResult r;
        switch (job->error()) {
        case QKeychain::NoError:
            r.found = true;
            r.secret = job->textData();
            m_session.insert(profileId, r.secret);
            break;
        case QKeychain::EntryNotFound:
            break;
        default:
            markUnavailable(job->errorString());
            break;
        }
        deliver(r);
    });
    QTimer::singleShot(m_timeoutMs, this, [this, once, deliver] {
        if (once->done)
            return;
        once->done = true;
        markUnavailable(tr("the keychain did not answer"));
        deliver({});
    });
    job->start();
#endif
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
    if (!m_available) {
        QTimer::singleShot(0, this, [deliver] { deliver(false); });
        return;
    }
#ifdef ORGSCOPE_HAVE_KEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryKey(profileId));
    job->setTextData(secret);
    auto once = std::make_shared<Once>();
    connect(job, &QKeychain::Job::finished, this, [this, job, once, deliver] {
        if (once->done)
            return;
        once->done = true;
        if (job->error() != QKeychain::NoError)
            markUnavailable(job->errorString());
        deliver(job->error() == QKeychain::NoError);
    });
    QTimer::singleShot(m_timeoutMs, this, [this, once, deliver] {
        if (once->done)
            return;
        once->done = true;
        markUnavailable(tr("the keychain did not answer"));
        deliver(false);
    });
    job->start();
#endif
}

void SecretStore::remove(const QString &profileId, QObject *context, std::function<void()> done)
{
    QPointer<QObject> guard(context);
    auto deliver = [guard, hasContext = context != nullptr, done] {
        if (done && (!hasContext || guard))
            done();
    };
    m_session.remove(profileId);
    if (!m_available) {
        QTimer::singleShot(0, this, deliver);
        return;
    }
#ifdef ORGSCOPE_HAVE_KEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryKey(profileId));
    auto once = std::make_shared<Once>();
    connect(job, &QKeychain::Job::finished, this, [this, job, once, deliver] {
        if (once->done)
            return;
        once->done = true;
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
            qCWarning(lcModels).noquote() << "could not delete a keychain entry:" << job->errorString();
        deliver();
    });
    QTimer::singleShot(m_timeoutMs, this, [once, deliver] {
        if (once->done)
            return;
        once->done = true;
        deliver();
    });
    job->start();
#endif
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
