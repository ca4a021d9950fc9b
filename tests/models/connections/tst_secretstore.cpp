// SecretStore's lifecycle against a keychain the test answers by hand: a slow
// keychain (a user typing the keyring password) is waited for, visibly and
// cancellably, without switching the session to memory only; a removal
// always asks the keychain and says when it did not happen.

#include "models/connections/secretstore.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using models::SecretStore;
using Status = SecretStore::Backend::Status;

namespace {

// Holds every call until the test answers it.
class ManualKeychain : public SecretStore::Backend
{
public:
    struct Call
    {
        QString op;
        QString key;
        QString secret;
        Done done;
    };
    QList<Call> *calls; // owned by the test: the store owns this backend

    explicit ManualKeychain(QList<Call> *log) : calls(log) {}
    void read(const QString &key, Done done) override
    {
        calls->append({QStringLiteral("read"), key, {}, done});
    }
    void write(const QString &key, const QString &secret, Done done) override
    {
        calls->append({QStringLiteral("write"), key, secret, done});
    }
    void remove(const QString &key, Done done) override
    {
        calls->append({QStringLiteral("remove"), key, {}, done});
    }
};

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

    QList<ManualKeychain::Call> m_calls;

    std::unique_ptr<SecretStore> makeStore()
    {
        m_calls.clear();
        auto store = std::make_unique<SecretStore>(std::make_unique<ManualKeychain>(&m_calls));
        store->setWaitNoticeDelay(20);
        return store;
    }

private Q_SLOTS:
    void slowKeychainIsWaitedFor()
    {
        auto store = makeStore();
        QSignalSpy waiting(store.get(), &SecretStore::waitingChanged);
        QSignalSpy unavailable(store.get(), &SecretStore::keychainUnavailable);
        std::optional<SecretStore::ReadResult> result;
        store->read(QStringLiteral("p1"), this, [&](const SecretStore::ReadResult &r) { result = r; });
        QCOMPARE(m_calls.size(), 1);
        QCOMPARE(m_calls.first().key, SecretStore::entryKey(QStringLiteral("p1")));

        // The prompt stays up: the store says it is waiting, and keeps waiting.
        QVERIFY(waiting.wait(5000));
        QCOMPARE(waiting.first().first().toBool(), true);
        QVERIFY(store->isWaiting());
        QCOMPARE(store->pendingCalls(), 1);
        QTest::qWait(200); // ten times the notice delay: nothing gives up on its own
        QVERIFY(!result);
        QVERIFY(store->keychainAvailable());
        QCOMPARE(unavailable.count(), 0);

        // The user unlocks the keyring.
        m_calls.first().done(Status::Ok, QStringLiteral("slow-secret"));
        QVERIFY(result && result->found && !result->canceled);
        QCOMPARE(result->secret, QStringLiteral("slow-secret"));
        QVERIFY(!store->isWaiting());
        QCOMPARE(waiting.count(), 2);
        QCOMPARE(waiting.last().first().toBool(), false);
        QVERIFY(store->keychainAvailable());

        // A slow write is waited for just the same and ends persisted.
        std::optional<bool> persisted;
        store->write(QStringLiteral("p2"), QStringLiteral("s2"), this, [&](bool p) { persisted = p; });
        QTRY_VERIFY(store->isWaiting());
        QTest::qWait(100);
        QVERIFY(!persisted);
        m_calls.last().done(Status::Ok, {});
        QCOMPARE(persisted, std::optional<bool>(true));
        QVERIFY(store->keychainAvailable());
    }

    void cancelKeepsTheKeychain()
    {
        auto store = makeStore();
        std::optional<SecretStore::ReadResult> read;
        std::optional<bool> persisted;
        store->read(QStringLiteral("p1"), this, [&](const SecretStore::ReadResult &r) { read = r; });
        store->write(QStringLiteral("p2"), QStringLiteral("typed-secret"), this,
                     [&](bool p) { persisted = p; });
        QTRY_VERIFY(store->isWaiting());
        QSignalSpy waiting(store.get(), &SecretStore::waitingChanged);

        store->cancelWaiting();
        QVERIFY(read && read->canceled && !read->found);
        QCOMPARE(persisted, std::optional<bool>(false)); // memory only, for now
        QVERIFY(store->hasSessionSecret(QStringLiteral("p2")));
        QVERIFY(!store->isWaiting());
        QCOMPARE(waiting.count(), 1);
        QCOMPARE(store->pendingCalls(), 0);
        QVERIFY(store->keychainAvailable());

        // A late answer of a canceled call changes nothing.
        m_calls.at(0).done(Status::Ok, QStringLiteral("late"));
        QVERIFY(!store->hasSessionSecret(QStringLiteral("p1")));

        // The next call asks the keychain again.
        const qsizetype before = m_calls.size();
        store->read(QStringLiteral("p1"), this, [&](const SecretStore::ReadResult &r) { read = r; });
        QCOMPARE(m_calls.size(), before + 1);
        m_calls.last().done(Status::Ok, QStringLiteral("now-unlocked"));
        QVERIFY(read->found);
        QCOMPARE(read->secret, QStringLiteral("now-unlocked"));
    }

    void refusedReadIsNotTheEndOfTheKeychain()
    {
        auto store = makeStore();
        std::optional<SecretStore::ReadResult> read;
        store->read(QStringLiteral("p1"), this, [&](const SecretStore::ReadResult &r) { read = r; });
        m_calls.last().done(Status::Refused, QStringLiteral("access denied by user"));
        QVERIFY(read && !read->found);
        QCOMPARE(read->error, QStringLiteral("access denied by user"));
        QVERIFY(store->keychainAvailable());
    }

    void noKeychainSwitchesToMemoryOnly()
    {
        auto store = makeStore();
        QSignalSpy unavailable(store.get(), &SecretStore::keychainUnavailable);
        std::optional<bool> persisted;
        store->write(QStringLiteral("p1"), QStringLiteral("s1"), this, [&](bool p) { persisted = p; });
        m_calls.last().done(Status::Unavailable, QStringLiteral("no Secret Service"));
        QCOMPARE(persisted, std::optional<bool>(false));
        QVERIFY(!store->keychainAvailable());
        QCOMPARE(unavailable.count(), 1);
        // Later writes stay in memory without asking.
        const qsizetype before = m_calls.size();
        store->write(QStringLiteral("p2"), QStringLiteral("s2"), this);
        QCOMPARE(m_calls.size(), before);
    }

    void removeDeletesOrSaysItCouldNot()
    {
        auto store = makeStore();
        QSignalSpy notRemoved(store.get(), &SecretStore::secretNotRemoved);
        std::optional<SecretStore::RemoveResult> removed;
        store->remove(QStringLiteral("p1"), this, [&](const SecretStore::RemoveResult &r) { removed = r; });
        QCOMPARE(m_calls.last().op, QStringLiteral("remove"));
        m_calls.last().done(Status::Ok, {});
        QVERIFY(removed && removed->removed);
        QCOMPARE(notRemoved.count(), 0);

        // Never there counts as gone.
        store->remove(QStringLiteral("p2"), this, [&](const SecretStore::RemoveResult &r) { removed = r; });
        m_calls.last().done(Status::NotFound, {});
        QVERIFY(removed->removed);

        // Refused: the caller and the signal both learn it.
        store->remove(QStringLiteral("p3"), this, [&](const SecretStore::RemoveResult &r) { removed = r; });
        m_calls.last().done(Status::Refused, QStringLiteral("could not delete"));
        QVERIFY(!removed->removed);
        QCOMPARE(removed->error, QStringLiteral("could not delete"));
        QCOMPARE(notRemoved.count(), 1);
        QCOMPARE(notRemoved.last().at(0).toString(), QStringLiteral("p3"));
    }

    // The defect of issue 21: once a slow call had flipped the session to
    // memory only, a removal skipped the keychain and left the secret there.
    void removeAsksTheKeychainEvenAfterItWasUnavailable()
    {
        auto store = makeStore();
        store->write(QStringLiteral("p1"), QStringLiteral("s1"), this);
        m_calls.last().done(Status::Unavailable, QStringLiteral("no Secret Service"));
        QVERIFY(!store->keychainAvailable());
        QSignalSpy notRemoved(store.get(), &SecretStore::secretNotRemoved);

        std::optional<SecretStore::RemoveResult> removed;
        store->remove(QStringLiteral("p1"), this, [&](const SecretStore::RemoveResult &r) { removed = r; });
        QCOMPARE(m_calls.last().op, QStringLiteral("remove"));
        QVERIFY(!store->hasSessionSecret(QStringLiteral("p1")));
        m_calls.last().done(Status::Unavailable, QStringLiteral("no Secret Service"));
        QVERIFY(removed && !removed->removed);
        QVERIFY(!removed->error.isEmpty());
        QCOMPARE(notRemoved.count(), 1);

        // The keychain is back: the same removal goes through.
        store->remove(QStringLiteral("p1"), this, [&](const SecretStore::RemoveResult &r) { removed = r; });
        m_calls.last().done(Status::Ok, {});
        QVERIFY(removed->removed);
    }

    void canceledRemoveIsReported()
    {
        auto store = makeStore();
        QSignalSpy notRemoved(store.get(), &SecretStore::secretNotRemoved);
        std::optional<SecretStore::RemoveResult> removed;
        bool plainDone = false;
        store->remove(QStringLiteral("p1"), this, [&](const SecretStore::RemoveResult &r) { removed = r; });
        store->remove(QStringLiteral("p2"), this, [&] { plainDone = true; });
        QTRY_VERIFY(store->isWaiting());
        store->cancelWaiting();
        QVERIFY(removed && !removed->removed && removed->canceled);
        QVERIFY(plainDone);
        QCOMPARE(notRemoved.count(), 2);
    }

    void noBackendMeansNothingToRemove()
    {
        SecretStore store(std::unique_ptr<SecretStore::Backend>{});
        QVERIFY(!store.keychainAvailable());
        QSignalSpy notRemoved(&store, &SecretStore::secretNotRemoved);
        std::optional<SecretStore::RemoveResult> removed;
        store.remove(QStringLiteral("p1"), this, [&](const SecretStore::RemoveResult &r) { removed = r; });
        QTRY_VERIFY(removed);
        QVERIFY(removed->removed);
        QCOMPARE(notRemoved.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
