// Connection profiles: stored in QSettings without secrets, edited, duplicated,
// removed; validation of each field including the https-except-loopback rule;
// the verdict on token verification records.

#include "api/records.h"
#include "models/connections/connectionprofile.h"
#include "models/connections/connectionprofilestore.h"
#include "models/connections/credentialverifier.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using models::ConnectionProfile;
using models::ConnectionProfileStore;
using models::CredentialVerifier;
using Field = ConnectionProfile::Field;

class TestProfiles : public QObject
{
    Q_OBJECT

    static ConnectionProfile sample(const QString &name)
    {
        ConnectionProfile p;
        p.name = name;
        p.baseUrl = QUrl(QStringLiteral("https://api.cloudflare.com/client/v4"));
        p.defaultOrganizationId = QStringLiteral("a1b2c3");
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("profiles"));
    }

    void init()
    {
        QSettings().clear();
        QSettings().sync();
    }

    void addEditRemoveAndReload()
    {
        QString prodId;
        QString stagingId;
        {
            ConnectionProfileStore store;
            new QAbstractItemModelTester(&store, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                         this);
            QSignalSpy inserted(&store, &QAbstractItemModel::rowsInserted);
            QCOMPARE(store.rowCount(), 0);
            prodId = store.add(sample(QStringLiteral("Production")));
            ConnectionProfile staging = sample(QStringLiteral("Staging"));
            staging.scheme = ConnectionProfile::AuthScheme::GlobalKey;
            staging.email = QStringLiteral("ops@example.com");
            staging.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8787/client/v4"));
            stagingId = store.add(staging);
            QCOMPARE(inserted.count(), 2);
            QVERIFY(!prodId.isEmpty() && prodId != stagingId);

            ConnectionProfile edited = *store.profile(prodId);
            edited.name = QStringLiteral("Production EU");
            edited.accountId = QStringLiteral("acc123");
            QSignalSpy changed(&store, &QAbstractItemModel::dataChanged);
            QVERIFY(store.update(edited));
            QCOMPARE(changed.count(), 1);
            QCOMPARE(store.index(0).data().toString(), QStringLiteral("Production EU"));
            store.setLastUsedId(stagingId);
        }
        // A new store reads what the first one wrote.
        ConnectionProfileStore reloaded;
        QCOMPARE(reloaded.rowCount(), 2);
        const ConnectionProfile prod = *reloaded.profile(prodId);
        QCOMPARE(prod.name, QStringLiteral("Production EU"));
        QCOMPARE(prod.accountId, QStringLiteral("acc123"));
        QCOMPARE(prod.defaultOrganizationId, QStringLiteral("a1b2c3"));
        QCOMPARE(prod.scheme, ConnectionProfile::AuthScheme::ApiToken);
        const ConnectionProfile staging = *reloaded.profile(stagingId);
        QCOMPARE(staging.scheme, ConnectionProfile::AuthScheme::GlobalKey);
        QCOMPARE(staging.email, QStringLiteral("ops@example.com"));
        QCOMPARE(staging.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:8787/client/v4")));
        QCOMPARE(reloaded.lastUsedId(), stagingId);

        QSignalSpy removed(&reloaded, &ConnectionProfileStore::profileRemoved);
        QVERIFY(reloaded.remove(stagingId));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().toString(), stagingId);
        QVERIFY(reloaded.lastUsedId().isEmpty()); // forgotten with the profile
        QVERIFY(!reloaded.remove(stagingId));
        ConnectionProfileStore again;
        QCOMPARE(again.rowCount(), 1);
        QVERIFY(!again.profile(stagingId));
    }

    void duplicateGetsAFreshIdAndName()
    {
        ConnectionProfileStore store;
        const QString id = store.add(sample(QStringLiteral("Prod")));
        const QString copy = store.duplicate(id);
        QVERIFY(!copy.isEmpty() && copy != id);
        QCOMPARE(store.profile(copy)->name, QStringLiteral("Prod (copy)"));
        QCOMPARE(store.profile(copy)->baseUrl, store.profile(id)->baseUrl);
        const QString copy2 = store.duplicate(id);
        QCOMPARE(store.profile(copy2)->name, QStringLiteral("Prod (copy) 2"));
        QVERIFY(store.nameTaken(QStringLiteral("prod")));
        QVERIFY(!store.nameTaken(QStringLiteral("Prod"), id));
    }

    void transientProfilesAreNeverWritten()
    {
        ConnectionProfileStore store;
        store.add(sample(QStringLiteral("Saved")));
        ConnectionProfile env = sample(QStringLiteral("Environment"));
        env.origin = ConnectionProfile::Origin::Environment;
        const QString envId = store.addTransient(env);
        ConnectionProfile demo = sample(QStringLiteral("Demo"));
        demo.origin = ConnectionProfile::Origin::Demo;
        demo.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1234/client/v4"));
        const QString demoId = store.addTransient(demo);
        QCOMPARE(store.rowCount(), 3);
        QCOMPARE(store.rowOf(envId), 0); // unsaved ones first
        QVERIFY(store.index(0).data().toString().contains(QStringLiteral("not saved")));
        QVERIFY(!store.remove(envId));
        ConnectionProfile changed = *store.profile(demoId);
        changed.name = QStringLiteral("x");
        QVERIFY(!store.update(changed));
        store.setLastUsedId(demoId);
        QVERIFY(store.lastUsedId().isEmpty());
        ConnectionProfileStore reloaded;
        QCOMPARE(reloaded.rowCount(), 1);
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.contains("1234"));
        QVERIFY(!text.contains("Environment"));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("urlOk");
        QTest::newRow("https") << "https://api.cloudflare.com/client/v4" << true;
        QTest::newRow("https custom port") << "https://proxy.example.com:8443/client/v4" << true;
        QTest::newRow("loopback v4") << "http://127.0.0.1:8787/client/v4" << true;
        QTest::newRow("localhost") << "http://localhost:8787/client/v4" << true;
        QTest::newRow("loopback v6") << "http://[::1]:8787/client/v4" << true;
        QTest::newRow("plain http remote") << "http://api.cloudflare.com/client/v4" << false;
        QTest::newRow("plain http private") << "http://10.0.0.5/client/v4" << false;
        QTest::newRow("localhost lookalike") << "http://localhost.example.com/client/v4" << false;
        QTest::newRow("loopback lookalike") << "http://127.0.0.1.example.com/client/v4" << false;
        QTest::newRow("ftp") << "ftp://127.0.0.1/client/v4" << false;
        QTest::newRow("no scheme") << "api.cloudflare.com/client/v4" << false;
        QTest::newRow("user info") << "https://user:pass@api.cloudflare.com/client/v4" << false;
        QTest::newRow("query") << "https://api.cloudflare.com/client/v4?x=1" << false;
        QTest::newRow("empty") << "" << false;
    }

    void validation()
    {
        QFETCH(QString, url);
        QFETCH(bool, urlOk);
        ConnectionProfile p = sample(QStringLiteral("x"));
        p.baseUrl = QUrl(url);
        const auto errors = p.validate();
        QCOMPARE(!errors.contains(Field::BaseUrl), urlOk);
        if (!urlOk)
            QVERIFY(!errors.value(Field::BaseUrl).isEmpty());
    }

    void fieldValidation()
    {
        ConnectionProfile p = sample(QStringLiteral("   "));
        p.scheme = ConnectionProfile::AuthScheme::GlobalKey;
        p.accountId = QStringLiteral("abc/../../x");
        p.defaultOrganizationId = QStringLiteral("a b");
        auto errors = p.validate();
        QVERIFY(errors.contains(Field::Name));
        QVERIFY(errors.contains(Field::Email));
        QVERIFY(errors.contains(Field::AccountId));
        QVERIFY(errors.contains(Field::DefaultOrganization));
        p.name = QStringLiteral("ok");
        p.email = QStringLiteral("not-an-email");
        p.accountId = QStringLiteral("0123456789abcdef0123456789abcdef");
        p.defaultOrganizationId.clear();
        errors = p.validate();
        QCOMPARE(errors.keys(), QList<Field>{Field::Email});
        p.email = QStringLiteral("me@example.com");
        QVERIFY(p.validate().isEmpty());
    }

    void verdictOnVerification()
    {
        const QDateTime now = QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);
        api::TokenVerification v;
        v.id = QStringLiteral("t1");
        v.status = QStringLiteral("active");
        auto r = CredentialVerifier::judge(v, now);
        QCOMPARE(r.outcome, CredentialVerifier::Outcome::Valid);
        QVERIFY(!r.expiresSoon(now));

        v.expiresOn = now.addDays(30);
        r = CredentialVerifier::judge(v, now);
        QCOMPARE(r.outcome, CredentialVerifier::Outcome::Valid);
        QVERIFY(!r.expiresSoon(now));
        QVERIFY(r.summary(now).contains(QStringLiteral("expires on")));

        v.expiresOn = now.addDays(3);
        r = CredentialVerifier::judge(v, now);
        QCOMPARE(r.outcome, CredentialVerifier::Outcome::Valid);
        QVERIFY(r.expiresSoon(now));
        QVERIFY2(r.summary(now).contains(QStringLiteral("3 day")), qPrintable(r.summary(now)));

        v.expiresOn = now.addSecs(-60); // the server still says active, the clock says otherwise
        QCOMPARE(CredentialVerifier::judge(v, now).outcome, CredentialVerifier::Outcome::Expired);

        v.expiresOn = {};
        v.status = QStringLiteral("expired");
        r = CredentialVerifier::judge(v, now);
        QCOMPARE(r.outcome, CredentialVerifier::Outcome::Expired);
        QVERIFY(r.summary(now).contains(QStringLiteral("expired")));

        v.status = QStringLiteral("disabled");
        QCOMPARE(CredentialVerifier::judge(v, now).outcome, CredentialVerifier::Outcome::Disabled);

        v.status = QStringLiteral("active");
        v.notBefore = now.addDays(1);
        QCOMPARE(CredentialVerifier::judge(v, now).outcome, CredentialVerifier::Outcome::NotYetValid);
    }

    void errorsAreClassified()
    {
        using api::ApiError;
        QCOMPARE(CredentialVerifier::outcomeForError(
                     ApiError::http(401, {{1000, QStringLiteral("Invalid API Token"), {}, {}}})),
                 CredentialVerifier::Outcome::Invalid);
        QCOMPARE(CredentialVerifier::outcomeForError(ApiError::http(503, {})),
                 CredentialVerifier::Outcome::Unreachable);
        QCOMPARE(CredentialVerifier::outcomeForError(ApiError::network(1, QStringLiteral("refused"))),
                 CredentialVerifier::Outcome::Unreachable);
        QCOMPARE(CredentialVerifier::outcomeForError(ApiError::tls(QStringLiteral("self-signed"))),
                 CredentialVerifier::Outcome::Unreachable);
    }
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
