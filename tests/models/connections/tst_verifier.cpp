// Credential verification against orgscope-sim: a valid token (with expiry),
// an unknown token, an expired token, a token about to expire, account-owned
// tokens with and without the account id, and email + global key.

#include "api/client.h"
#include "models/connections/credentialverifier.h"
#include "testsupport/simulatorprocess.h"

#include <QSignalSpy>
#include <QTest>

using models::CredentialVerifier;
using Outcome = CredentialVerifier::Outcome;
using Method = CredentialVerifier::Method;

namespace {

const QString kAccountToken = QStringLiteral("orgscope-account-token-7f3a");
const QString kAccountId = QStringLiteral("0123456789abcdef0123456789abcdef");
const QString kExpiredToken = QStringLiteral("orgscope-expired-token-51c9");

} // namespace

class TestVerifier : public QObject
{
    Q_OBJECT

    std::unique_ptr<testsupport::SimulatorProcess> m_sim;

    CredentialVerifier::Result verify(const QString &baseUrl, const api::Credentials &credentials,
                                      const QString &accountId = {})
    {
        api::Client client;
        client.setMaxRetries(0);
        client.setBaseUrl(QUrl(baseUrl));
        client.setCredentials(credentials);
        CredentialVerifier verifier(&client, accountId);
        QSignalSpy done(&verifier, &CredentialVerifier::finished);
        verifier.start();
        if (!done.wait(20000) && done.isEmpty())
            qWarning("verification did not finish");
        return verifier.result();
    }

    static api::Credentials token(const QString &t)
    {
        api::Credentials c;
        c.apiToken = t;
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<testsupport::SimulatorProcess>(QStringList{
            QStringLiteral("--audit-events"), QStringLiteral("10"), QStringLiteral("--account-token"),
            kAccountToken + QLatin1Char(':') + kAccountId, QStringLiteral("--expired-token"), kExpiredToken,
            QStringLiteral("--token"), testsupport::SimulatorProcess::demoToken()});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    }

    void validUserToken()
    {
        const auto r = verify(m_sim->baseUrl(), token(testsupport::SimulatorProcess::demoToken()));
        QVERIFY2(r.ok(), qPrintable(r.summary()));
        QCOMPARE(r.method, Method::UserTokenVerify);
        QCOMPARE(r.status, QStringLiteral("active"));
        QVERIFY(!r.tokenId.isEmpty());
        QVERIFY(r.expiresOn.isValid()); // the simulator's tokens expire in about 11 months
        QVERIFY(!r.expiresSoon());
        QVERIFY(r.summary().contains(QStringLiteral("expires on")));
    }

    void unknownToken()
    {
        const QString secret = QStringLiteral("not-a-known-token-9e1d");
        const auto r = verify(m_sim->baseUrl(), token(secret));
        QCOMPARE(r.outcome, Outcome::Invalid);
        QCOMPARE(r.error.httpStatus(), 401);
        QVERIFY(!r.summary().isEmpty());
        QVERIFY(!r.summary().contains(secret));
        QVERIFY(!r.error.toLogString().contains(secret));
    }

    void expiredToken()
    {
        const auto r = verify(m_sim->baseUrl(), token(kExpiredToken));
        QCOMPARE(r.outcome, Outcome::Expired);
        QCOMPARE(r.status, QStringLiteral("expired"));
        QVERIFY(r.summary().contains(QStringLiteral("expired")));
        QVERIFY(!r.summary().contains(kExpiredToken));
    }

    void tokenAboutToExpire()
    {
        // The simulator's tokens expire 335 days after its clock: pin that clock 331 days back.
        const QDateTime pinned = QDateTime::currentDateTimeUtc().addDays(-331);
        testsupport::SimulatorProcess sim({QStringLiteral("--audit-events"), QStringLiteral("10"),
                                           QStringLiteral("--now"), pinned.toString(Qt::ISODate)});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        const auto r = verify(sim.baseUrl(), token(testsupport::SimulatorProcess::demoToken()));
        QVERIFY2(r.ok(), qPrintable(r.summary()));
        QVERIFY2(r.expiresSoon(), qPrintable(r.expiresOn.toString(Qt::ISODate)));
        QVERIFY2(r.summary().contains(QStringLiteral("expires in")), qPrintable(r.summary()));
    }

    void accountTokenWithAccountId()
    {
        const auto r = verify(m_sim->baseUrl(), token(kAccountToken), kAccountId);
        QVERIFY2(r.ok(), qPrintable(r.summary()));
        QCOMPARE(r.method, Method::AccountTokenVerify);
    }

    void accountTokenWithoutAccountIdFallsBackToARealCall()
    {
        const auto r = verify(m_sim->baseUrl(), token(kAccountToken));
        QVERIFY2(r.ok(), qPrintable(r.summary()));
        QCOMPARE(r.method, Method::RealCall);
    }

    void accountTokenWithWrongAccount()
    {
        const auto r = verify(m_sim->baseUrl(), token(kAccountToken),
                              QStringLiteral("ffffffffffffffffffffffffffffffff"));
        QCOMPARE(r.outcome, Outcome::Invalid);
    }

    void globalKey()
    {
        api::Credentials c;
        c.email = testsupport::SimulatorProcess::demoEmail();
        c.apiKey = testsupport::SimulatorProcess::demoKey();
        auto r = verify(m_sim->baseUrl(), c);
        QVERIFY2(r.ok(), qPrintable(r.summary()));
        QCOMPARE(r.method, Method::RealCall);
        c.apiKey = QStringLiteral("wrong-key-4411");
        r = verify(m_sim->baseUrl(), c);
        QCOMPARE(r.outcome, Outcome::Invalid);
        QVERIFY(!r.summary().contains(c.apiKey));
    }

    void unreachableIsNotInvalid()
    {
        // A port nobody listens on: the credential was not judged.
        const auto r = verify(QStringLiteral("http://127.0.0.1:1/client/v4"),
                              token(testsupport::SimulatorProcess::demoToken()));
        QCOMPARE(r.outcome, Outcome::Unreachable);
        QVERIFY(r.summary().startsWith(QStringLiteral("Could not verify")));
    }
};

QTEST_GUILESS_MAIN(TestVerifier)
#include "tst_verifier.moc"
