// Transport rules seen from the outside, with raw local servers:
// - https everywhere except loopback (api::Client::isUrlAllowed, and a job
//   refuses a disallowed base URL before anything is sent);
// - Authorization / X-Auth-* never reach another origin after a redirect
//   (other port, other host name);
// - a certificate error is never ignored: the request fails and the server
//   never sees the request headers.

#include "api/client.h"
#include "api/organizationsapi.h"
#include "api/tokensapi.h"

#include "testsupport/prerequisite.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kToken = QStringLiteral("transport-secret-token-3b8e");
const QString kKey = QStringLiteral("transport-secret-key-91aa");

// Answers every request with a fixed response and records each request head.
class RawServer : public QObject
{
public:
    explicit RawServer(QTcpServer *server, QObject *parent = nullptr) : QObject(parent), m_server(server)
    {
        m_server->setParent(this);
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *s = m_server->nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { read(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
                read(s);
            }
        });
    }
    bool listen() { return m_server->listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server->serverPort(); }
    void setResponse(const QByteArray &response) { m_responses = {response}; }
    // Answered in order; the last one repeats.
    void setResponses(const QList<QByteArray> &responses) { m_responses = responses; }
    QList<QByteArray> heads;

private:
    void read(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        const int end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        heads.append(buf.left(end));
        buf.clear();
        s->write(m_responses.size() > 1 ? m_responses.takeFirst() : m_responses.value(0));
        s->flush();
        s->disconnectFromHost();
    }
    QTcpServer *m_server;
    QList<QByteArray> m_responses;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QByteArray redirectTo(const QByteArray &location)
{
    return "HTTP/1.1 302 Found\r\nLocation: " + location +
           "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
}

QByteArray okList()
{
    const QByteArray body = R"({"success":true,"errors":[],"messages":[],"result":[],"result_info":{}})";
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

bool carriesSecret(const QByteArray &head)
{
    const QByteArray lower = head.toLower();
    return lower.contains("authorization:") || lower.contains("x-auth-email:") ||
           lower.contains("x-auth-key:") || head.contains(kToken.toUtf8()) || head.contains(kKey.toUtf8());
}

} // namespace

class TestTransport : public QObject
{
    Q_OBJECT

    static api::ApiError runList(api::Client *client)
    {
        auto *job = api::OrganizationsApi(client).list({}, 1);
        job->setAutoDelete(false);
        QSignalSpy done(job, &api::Job::finished);
        job->start();
        if (done.isEmpty())
            done.wait(20000);
        const api::ApiError error = job->error();
        delete job;
        return error;
    }

    static void setup(api::Client &client, const QUrl &base, bool globalKey)
    {
        client.setMaxRetries(0);
        client.setBaseUrl(base);
        api::Credentials c;
        if (globalKey) {
            c.email = QStringLiteral("ops@example.com");
            c.apiKey = kKey;
        } else {
            c.apiToken = kToken;
        }
        client.setCredentials(c);
    }

private Q_SLOTS:
    void plainHttpOnlyForLoopback_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https remote") << "https://api.cloudflare.com/client/v4" << true;
        QTest::newRow("https loopback") << "https://127.0.0.1:8443/client/v4" << true;
        QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8787/client/v4" << true;
        QTest::newRow("http localhost") << "http://localhost:8787/client/v4" << true;
        QTest::newRow("http LOCALHOST") << "http://LOCALHOST:8787/client/v4" << true;
        QTest::newRow("http ::1") << "http://[::1]:8787/client/v4" << true;
        QTest::newRow("http remote") << "http://api.cloudflare.com/client/v4" << false;
        QTest::newRow("http LAN") << "http://192.168.1.10/client/v4" << false;
        QTest::newRow("http 0.0.0.0") << "http://0.0.0.0:8787/client/v4" << false;
        QTest::newRow("http localhost suffix") << "http://localhost.attacker.example/client/v4" << false;
        QTest::newRow("http loopback prefix") << "http://127.0.0.1.attacker.example/client/v4" << false;
        QTest::newRow("ws") << "ws://127.0.0.1:8787/client/v4" << false;
        QTest::newRow("file") << "file:///etc/passwd" << false;
    }

    void plainHttpOnlyForLoopback()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        api::Client client;
        QString why;
        QCOMPARE(client.isUrlAllowed(QUrl(url), &why), allowed);
        if (!allowed)
            QVERIFY(!why.isEmpty());
    }

    void disallowedBaseUrlSendsNothing()
    {
        // A listener on loopback stands in for a remote host: the client must refuse
        // http to a non-loopback name before connecting anywhere, so use one that
        // resolves nowhere and check the error kind.
        api::Client client;
        setup(client, QUrl(QStringLiteral("http://orgscope-nowhere.invalid/client/v4")), false);
        const api::ApiError error = runList(&client);
        QCOMPARE(error.kind(), api::ApiError::Kind::InvalidRequest);
        QVERIFY(!error.userMessage().contains(kToken));
        QVERIFY(!error.toLogString().contains(kToken));
    }

    void redirectToAnotherOriginDropsAuth_data()
    {
        QTest::addColumn<bool>("globalKey");
        QTest::addColumn<bool>("otherName");
        QTest::newRow("token, other port") << false << false;
        QTest::newRow("token, other host name") << false << true;
        QTest::newRow("global key, other port") << true << false;
        QTest::newRow("global key, other host name") << true << true;
    }

    void redirectToAnotherOriginDropsAuth()
    {
        QFETCH(bool, globalKey);
        QFETCH(bool, otherName);
        RawServer target(new QTcpServer);
        QVERIFY(target.listen());
        target.setResponse(okList());
        RawServer origin(new QTcpServer);
        QVERIFY(origin.listen());
        const QByteArray host = otherName ? "localhost" : "127.0.0.1";
        origin.setResponse(redirectTo("http://" + host + ':' + QByteArray::number(target.port()) +
                                      "/client/v4/organizations?page_size=1"));

        api::Client client;
        setup(client, QUrl(QStringLiteral("http://127.0.0.1:%1/client/v4").arg(origin.port())), globalKey);
        const api::ApiError error = runList(&client);

        QCOMPARE(origin.heads.size(), 1);
        QVERIFY2(carriesSecret(origin.heads.first()),
                 origin.heads.first().constData()); // the origin did get it
        for (const QByteArray &head : std::as_const(target.heads))
            QVERIFY2(!carriesSecret(head), head.constData());
        // Whatever the outcome, the error text never carries the secret.
        QVERIFY(!error.userMessage().contains(globalKey ? kKey : kToken));
    }

    void sameOriginRedirectKeepsAuth()
    {
        // The control case: the rule is about origins, not about redirects as such.
        RawServer server(new QTcpServer);
        QVERIFY(server.listen());
        server.setResponses({redirectTo("/client/v4/organizations?page_size=1&moved=1"), okList()});
        api::Client client;
        setup(client, QUrl(QStringLiteral("http://127.0.0.1:%1/client/v4").arg(server.port())), false);
        const api::ApiError error = runList(&client);
        QVERIFY2(!error.isError(), qPrintable(error.toLogString()));
        QCOMPARE(server.heads.size(), 2);
        QVERIFY(server.heads.at(1).contains("moved=1"));
        QVERIFY(carriesSecret(server.heads.at(1)));
    }

    void certificateErrorsAreNotIgnored()
    {
        QTemporaryDir dir;
        const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
        const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                       keyPath, QStringLiteral("-out"), certPath, QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
            ORGSCOPE_MISSING_PREREQUISITE(
                "openssl could not make a self-signed certificate (scripts/deps installs it)");
        QFile certFile(certPath);
        QFile keyFile(keyPath);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        auto *sslServer = new QSslServer;
        sslServer->setSslConfiguration(tls);
        RawServer server(sslServer);
        server.setResponse(okList());
        QVERIFY(server.listen());

        api::Client client;
        setup(client, QUrl(QStringLiteral("https://127.0.0.1:%1/client/v4").arg(server.port())), false);
        const api::ApiError error = runList(&client);
        QCOMPARE(error.kind(), api::ApiError::Kind::Tls);
        QVERIFY(server.heads.isEmpty()); // the request (and its token) never went out
        QVERIFY(!error.userMessage().contains(kToken));
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
