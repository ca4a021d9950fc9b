// Jobs against a scripted local HTTP server: headers, errors, retries,
// timeouts, abort, redirects.
#include "api/client.h"
#include "api/membersapi.h"
#include "api/organizationsapi.h"
#include "api/ratebudget.h"
#include "api/tokensapi.h"
#include "api/typedjob.h"
#include "testsupport/fakehttpserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>

using namespace api;
using apitest::FakeHttpServer;
using apitest::FakeReply;

namespace {
const QByteArray OrgBody =
    R"({"success":true,"errors":[],"messages":[],"result":{"id":"o1","name":"Acme","create_time":"2026-01-01T00:00:00Z","meta":{}}})";
const QByteArray Error503 = R"({"success":false,"errors":[{"code":10001,"message":"service unavailable"}]})";
} // namespace

class TestJobs : public QObject
{
    Q_OBJECT

    FakeHttpServer *m_server = nullptr;
    Client *m_client = nullptr;

    // Runs a job to completion; returns how many finished() it emitted.
    static int run(Job *job, int timeoutMs = 10000)
    {
        job->setAutoDelete(false);
        QSignalSpy spy(job, &Job::finished);
        job->start();
        if (!spy.wait(timeoutMs))
            return 0;
        QTest::qWait(20); // any duplicate finished() would arrive now
        return int(spy.count());
    }

private Q_SLOTS:
    void init()
    {
        m_server = new FakeHttpServer(this);
        QVERIFY(m_server->listen());
        m_client = new Client(this);
        m_client->setBaseUrl(QUrl(m_server->baseUrl()));
        m_client->setCredentials(Credentials{QStringLiteral("tok123"), {}, {}});
        m_client->setRetryBaseDelay(5);
        m_client->rateBudget()->setEnabled(false);
    }
    void cleanup()
    {
        delete m_client;
        delete m_server;
    }

    void successSendsTheRightHeaders()
    {
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QVERIFY2(job->succeeded(), qPrintable(job->error().toLogString()));
        QCOMPARE(job->result().name, QStringLiteral("Acme"));
        QCOMPARE(job->httpStatus(), 200);
        const auto &req = m_server->requests().first();
        QCOMPARE(req.method, QByteArray("GET"));
        QCOMPARE(req.target, QByteArray("/client/v4/organizations/o1"));
        QCOMPARE(req.headers.value("authorization"), QByteArray("Bearer tok123"));
        QVERIFY(!req.headers.contains("x-auth-key"));
        QVERIFY(!req.headers.contains("x-auth-email"));
        QCOMPARE(req.headers.value("accept"), QByteArray("application/json"));
        QVERIFY(req.headers.value("user-agent").startsWith("Orgscope/" ORGSCOPE_VERSION " Qt/"));
        QCOMPARE(req.headers.value("x-request-id"), job->requestId());
        QVERIFY(!job->requestId().isEmpty());
    }

    void globalKeySendsExactlyThatScheme()
    {
        m_client->setCredentials(Credentials{{}, QStringLiteral("a@b.example"), QStringLiteral("key9")});
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        const auto &req = m_server->requests().first();
        QCOMPARE(req.headers.value("x-auth-email"), QByteArray("a@b.example"));
        QCOMPARE(req.headers.value("x-auth-key"), QByteArray("key9"));
        QVERIFY(!req.headers.contains("authorization"));
    }

    void tokenWinsWhenBothAreSet()
    {
        m_client->setCredentials(
            Credentials{QStringLiteral("t"), QStringLiteral("a@b.example"), QStringLiteral("k")});
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        const auto &req = m_server->requests().first();
        QVERIFY(req.headers.contains("authorization"));
        QVERIFY(!req.headers.contains("x-auth-key"));
    }

    void missingCredentialsNeverSend()
    {
        m_client->setCredentials({});
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::InvalidRequest);
        QCOMPARE(m_server->requestCount(), 0);
        QCOMPARE(m_client->requestsInFlight(), 0);
    }

    void plainHttpOnlyToLoopback()
    {
        QVERIFY(m_client->isUrlAllowed(QUrl(QStringLiteral("https://api.cloudflare.com/client/v4"))));
        QVERIFY(m_client->isUrlAllowed(QUrl(QStringLiteral("http://127.0.0.1:8080/client/v4"))));
        QVERIFY(m_client->isUrlAllowed(QUrl(QStringLiteral("http://localhost:8080/"))));
        QVERIFY(m_client->isUrlAllowed(QUrl(QStringLiteral("http://[::1]:8080/"))));
        QVERIFY(!m_client->isUrlAllowed(QUrl(QStringLiteral("http://api.cloudflare.com/client/v4"))));
        QVERIFY(!m_client->isUrlAllowed(QUrl(QStringLiteral("http://10.0.0.1/"))));
        QVERIFY(!m_client->isUrlAllowed(QUrl(QStringLiteral("ftp://127.0.0.1/"))));
        m_client->setBaseUrl(QUrl(QStringLiteral("http://example.com/client/v4")));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::InvalidRequest);
    }

    void httpErrorCarriesCloudflareErrors()
    {
        m_server->enqueue(FakeReply::json(
            404,
            R"({"success":false,"errors":[{"code":1004,"message":"Organization not found"}],"messages":[],"result":null})"));
        QSignalSpy failed(m_client, &Client::requestFailed);
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("nope")));
        QCOMPARE(run(job.get()), 1);
        const ApiError &e = job->error();
        QCOMPARE(e.kind(), ApiError::Kind::Http);
        QCOMPARE(e.httpStatus(), 404);
        QCOMPARE(e.firstErrorCode(), 1004);
        QVERIFY(!e.isRetryable());
        QVERIFY2(e.userMessage().contains(QStringLiteral("Organization not found")),
                 qPrintable(e.userMessage()));
        QCOMPARE(m_server->requestCount(), 1); // 404 is not retried
        QCOMPARE(failed.count(), 1);
        QCOMPARE(e.method(), QStringLiteral("GET"));
    }

    void nonJsonErrorBody()
    {
        m_server->enqueue(FakeReply::json(403, "<html>Forbidden</html>"));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QCOMPARE(job->error().httpStatus(), 403);
        QVERIFY(job->error().errors().isEmpty());
        QVERIFY(!job->error().userMessage().isEmpty());
    }

    void getRetriesOn5xxThenSucceeds()
    {
        m_server->enqueue(FakeReply::json(503, Error503));
        m_server->enqueue(FakeReply::json(502, "bad gateway"));
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QVERIFY(job->succeeded());
        QCOMPARE(job->attempts(), 3);
        QCOMPARE(m_server->requestCount(), 3);
        // Same request id on every attempt, attempts are numbered.
        QCOMPARE(m_server->requests().at(2).headers.value("x-request-id"), job->requestId());
        QCOMPARE(m_server->requests().at(2).headers.value("x-retry-count"), QByteArray("2"));
    }

    void getGivesUpAfterTwoRetries()
    {
        for (int i = 0; i < 5; ++i)
            m_server->enqueue(FakeReply::json(500, Error503));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QCOMPARE(job->error().httpStatus(), 500);
        QVERIFY(job->error().isRetryable());
        QCOMPARE(m_server->requestCount(), 3);
    }

    // Issue 20 item 8: the contract retries a read on 409 (a lock timeout).
    void getRetriedOn409()
    {
        m_server->enqueue(FakeReply::json(
            409, R"({"success":false,"errors":[{"code":1105,"message":"Lock timeout, try again"}]})"));
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QVERIFY2(job->succeeded(), qPrintable(job->error().toLogString()));
        QCOMPARE(m_server->requestCount(), 2);

        // A create is still not repeated on 409.
        m_server->enqueue(FakeReply::json(409, R"({"success":false,"errors":[{"message":"conflict"}]})"));
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QScopedPointer create(OrganizationsApi(m_client).create(QStringLiteral("Acme Labs")));
        QCOMPARE(run(create.get()), 1);
        QCOMPARE(create->error().httpStatus(), 409);
        QCOMPARE(m_server->requestCount(), 3);
    }

    // Issue 20 item 8: error_chain messages under the top error.
    void errorChainIsShownUnderTheTopError()
    {
        m_server->enqueue(FakeReply::json(
            400,
            R"({"success":false,"errors":[{"code":1001,"message":"Invalid request","error_chain":[{"code":1002,"message":"name is too long"},{"message":"at most 100 characters","error_chain":[{"code":7,"message":"deepest cause"}]},{"code":3}]}],"messages":[],"result":null})"));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        const ApiError &e = job->error();
        QCOMPARE(e.firstErrorCode(), 1001);
        QCOMPARE(e.details(), (QStringList{QStringLiteral("name is too long (code 1002)"),
                                           QStringLiteral("at most 100 characters"),
                                           QStringLiteral("deepest cause (code 7)")}));
        const QStringList lines = e.userMessage().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines.first().contains(QStringLiteral("Invalid request (code 1001)")),
                 qPrintable(lines.first()));
        QCOMPARE(lines.at(1), QStringLiteral("name is too long (code 1002)"));
        QVERIFY(e.toLogString().contains(QStringLiteral("deepest cause")));
    }

    // Issue 20 item 8: a proxy's HTML page is described as such, with its status.
    void nonJsonErrorBodyIsDescribed()
    {
        m_client->setMaxRetries(0);
        m_server->enqueue(FakeReply::json(
            502, "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1>"
                 "<p>cloudflare</p></body></html>"));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        const ApiError &e = job->error();
        QCOMPARE(e.httpStatus(), 502);
        QVERIFY(e.bodyIsNotJson());
        const QString text = e.userMessage();
        QVERIFY2(text.contains(QStringLiteral("HTTP 502")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("HTML page")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("502 Bad Gateway")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("<html")), qPrintable(text));

        m_server->enqueue(FakeReply::json(403, "Forbidden by the corporate proxy"));
        QScopedPointer plain(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(plain.get()), 1);
        QVERIFY(plain->error().bodyIsNotJson());
        QVERIFY2(plain->error().userMessage().contains(QStringLiteral("HTTP 403")),
                 qPrintable(plain->error().userMessage()));
        QVERIFY(plain->error().userMessage().contains(QStringLiteral("corporate proxy")));

        // A JSON error stays Cloudflare's own words.
        m_server->enqueue(FakeReply::json(503, Error503));
        QScopedPointer json(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(json.get()), 1);
        QVERIFY(!json->error().bodyIsNotJson());
    }

    // Issue 20 item 7: a reconnect deletes the client while a request hangs.
    void deletingTheClientCancelsAStalledJob()
    {
        m_server->enqueue(FakeReply::stallBody(R"({"success":true,"result":{"id":)"));
        auto *job = OrganizationsApi(m_client).get(QStringLiteral("o1"));
        job->setAutoDelete(false);
        QScopedPointer owner(job);
        QSignalSpy finished(job, &Job::finished);
        job->start();
        QTRY_COMPARE(m_server->requestCount(), 1);
        QTest::qWait(50);
        delete m_client;
        m_client = nullptr;
        if (finished.isEmpty())
            QVERIFY(finished.wait(3000));
        QTest::qWait(20);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::Canceled);
        QVERIFY(!job->isRunning());
    }

    // Issue 20 item 7: the reply destroyed under the job (its network manager went away).
    void destroyedReplyCancelsTheJob()
    {
        auto *manager = new QNetworkAccessManager(this);
        Client client(manager);
        client.setBaseUrl(QUrl(m_server->baseUrl()));
        client.setCredentials(Credentials{QStringLiteral("tok123"), {}, {}});
        m_server->enqueue(FakeReply::hang());
        QScopedPointer job(OrganizationsApi(&client).get(QStringLiteral("o1")));
        job->setAutoDelete(false);
        QSignalSpy finished(job.get(), &Job::finished);
        job->start();
        QTRY_COMPARE(m_server->requestCount(), 1);
        delete manager;
        if (finished.isEmpty())
            QVERIFY(finished.wait(3000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::Canceled);
        QCOMPARE(client.requestsInFlight(), 0);
    }

    // Issue 20 item 2: a 429 puts the client in a throttled state that says how
    // long it lasts, and Cancel ends the jobs waiting it out.
    void throttledStateIsAnnouncedAndCancelable()
    {
        m_server->enqueue(
            FakeReply::json(429, R"({"success":false,"errors":[{"code":971,"message":"Please wait"}]})",
                            {{"Retry-After", "60"}}));
        QSignalSpy blocked(m_client->rateBudget(), &RateBudget::blocked);
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        job->setAutoDelete(false);
        QSignalSpy finished(job.get(), &Job::finished);
        job->start();
        QVERIFY(blocked.wait(5000));
        const qint64 waitMs = blocked.first().first().toLongLong();
        QVERIFY2(waitMs > 55000 && waitMs <= 60000, qPrintable(QString::number(waitMs)));
        QVERIFY(m_client->rateBudget()->blockedRemaining() > 55000);
        // Another job waits for the block too, without sending into it.
        QScopedPointer other(OrganizationsApi(m_client).get(QStringLiteral("o2")));
        other->setAutoDelete(false);
        QSignalSpy otherFinished(other.get(), &Job::finished);
        other->start();
        QTest::qWait(100);
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(finished.count(), 0);
        m_client->rateBudget()->cancelWaits();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(otherFinished.count(), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::Canceled);
        QCOMPARE(other->error().kind(), ApiError::Kind::Canceled);
        QCOMPARE(m_client->requestsInFlight(), 0);
    }

    void getHonoursRetryAfter()
    {
        m_server->enqueue(
            FakeReply::json(429, R"({"success":false,"errors":[{"code":971,"message":"Please wait"}]})",
                            {{"Retry-After", "1"}}));
        m_server->enqueue(FakeReply::json(408, "{}", {{"retry-after-ms", "30"}}));
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QElapsedTimer timer;
        timer.start();
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QVERIFY(job->succeeded());
        QCOMPARE(m_server->requestCount(), 3);
        QVERIFY(timer.elapsed() >= 1000); // waited as told, not the 5 ms backoff
    }

    void retryAfterTooLongIsSurfaced()
    {
        m_client->setMaxServerRetryDelay(1000);
        m_server->enqueue(
            FakeReply::json(429, R"({"success":false,"errors":[{"code":971,"message":"Please wait"}]})",
                            {{"Retry-After", "60"}}));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QCOMPARE(job->error().httpStatus(), 429);
        QCOMPARE(job->error().retryAfterMs(), 60000);
        QVERIFY(job->error().userMessage().contains(QStringLiteral("60")));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void shouldRetryFalseWins()
    {
        m_server->enqueue(FakeReply::json(503, Error503, {{"x-should-retry", "false"}}));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void postIsNeverRetriedBlindly()
    {
        m_server->enqueue(FakeReply::json(503, Error503));
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QScopedPointer job(OrganizationsApi(m_client).create(QStringLiteral("Acme Labs")));
        QCOMPARE(run(job.get()), 1);
        QCOMPARE(job->error().httpStatus(), 503);
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_server->requests().first().method, QByteArray("POST"));
        QCOMPARE(m_server->requests().first().body, QByteArray(R"({"name":"Acme Labs"})"));
        QCOMPARE(m_server->requests().first().headers.value("content-type"), QByteArray("application/json"));
    }

    void postIsNotRetriedAfterAReset()
    {
        m_server->enqueue(FakeReply::reset());
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QScopedPointer job(OrganizationsApi(m_client).create(QStringLiteral("Acme Labs")));
        QCOMPARE(run(job.get()), 1);
        QVERIFY(job->error());
        QCOMPARE(m_server->requestCount(), 1);
    }

    void postRetriedWhenServerSaysSo()
    {
        m_server->enqueue(FakeReply::json(503, Error503, {{"x-should-retry", "true"}}));
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QScopedPointer job(OrganizationsApi(m_client).create(QStringLiteral("Acme Labs")));
        QCOMPARE(run(job.get()), 1);
        QVERIFY(job->succeeded());
        QCOMPARE(m_server->requestCount(), 2);
    }

    void putRetriedOnlyWhenServerDidNotAct()
    {
        m_server->enqueue(FakeReply::json(429, "{}", {{"Retry-After", "0"}}));
        m_server->enqueue(FakeReply::json(503, Error503, {{"Retry-After", "0"}}));
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QScopedPointer job(OrganizationsApi(m_client).update(QStringLiteral("o1"), QStringLiteral("New")));
        QCOMPARE(run(job.get()), 1);
        QVERIFY(job->succeeded());
        QCOMPARE(m_server->requestCount(), 3);

        m_server->enqueue(FakeReply::json(500, Error503));
        QScopedPointer job2(OrganizationsApi(m_client).update(QStringLiteral("o1"), QStringLiteral("New")));
        QCOMPARE(run(job2.get()), 1);
        QCOMPARE(job2->error().httpStatus(), 500);
        QCOMPARE(m_server->requestCount(), 4);

        m_server->enqueue(FakeReply::json(503, Error503)); // no Retry-After: it may have acted
        QScopedPointer job3(MembersApi(m_client).remove(QStringLiteral("o1"), QStringLiteral("m1")));
        QCOMPARE(run(job3.get()), 1);
        QCOMPARE(job3->error().httpStatus(), 503);
        QCOMPARE(m_server->requestCount(), 5);
    }

    void getRetriedAfterConnectionReset()
    {
        m_server->enqueue(FakeReply::reset());
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QVERIFY2(job->succeeded(), qPrintable(job->error().toLogString()));
        QCOMPARE(m_server->requestCount(), 2);
    }

    void stalledBodyIsATimeout()
    {
        m_client->setTransferTimeout(300);
        m_client->setMaxRetries(0);
        m_server->enqueue(FakeReply::stallBody(R"({"success":true,"result":{"id":)"));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::Timeout);
        QVERIFY(job->error().isRetryable());
        QVERIFY(!job->error().userMessage().contains(QStringLiteral("cancel"), Qt::CaseInsensitive));
    }

    void bodyIsReadAsItArrives()
    {
        // The body is taken from the reply while it arrives, not all at once
        // when the reply finishes (a 20 MB answer read in one go stalled the
        // GUI thread): half a body held back by the server is already read.
        m_client->setTransferTimeout(30000);
        m_client->setMaxRetries(0);
        const QByteArray first =
            QByteArray("{\"success\":true,\"result\":{\"id\":\"") + QByteArray(50000, 'x');
        m_server->enqueue(FakeReply::stallBody(first));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        job->setAutoDelete(false);
        job->start();
        QTRY_COMPARE(job->bytesReceived(), first.size());
        QVERIFY(job->isRunning());
        job->abort();
        QCOMPARE(job->bytesReceived(), 0);
    }

    void bodyLargerThanAReadSliceArrivesWhole()
    {
        // Read a slice per event (and, once the reply has finished, the rest
        // before the job finishes): every byte arrives, in order, once.
        QByteArray name(5 * 1024 * 1024 + 17, 'n');
        for (qsizetype i = 0; i < name.size(); i += 4096)
            name[i] = char('a' + (i / 4096) % 26);
        QByteArray body = OrgBody;
        const QByteArray named = QByteArray("\"name\":\"") + name + '"';
        body.replace(QByteArrayView("\"name\":\"Acme\""), QByteArrayView(named));
        m_server->enqueue(FakeReply::json(200, body));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QVERIFY2(job->succeeded(), qPrintable(job->error().toLogString()));
        QCOMPARE(job->result().name.toUtf8(), name);
        QCOMPARE(job->bytesReceived(), 0); // handed over, nothing kept
    }

    void repliesAreReadOnTheNetworkThread()
    {
        // The client's manager lives on a network thread of its own: the
        // answer's chunks arrive and its body is read there, and the job's
        // thread hears of the attempt once (one queued call), however many
        // chunks a multi-megabyte answer comes in. With the manager on the
        // job's thread every chunk would be an event there (issue 24: the
        // roll-up's 70 MB of usage held the GUI thread).
        QThread *network = m_client->networkThread();
        QVERIFY(network != nullptr);
        QVERIFY(network != QThread::currentThread());
        QCOMPARE(m_client->networkAccessManager()->thread(), network);

        QByteArray name(3 * 1024 * 1024, 'n');
        QByteArray body = OrgBody;
        const QByteArray named = QByteArray("\"name\":\"") + name + '"';
        body.replace(QByteArrayView("\"name\":\"Acme\""), QByteArrayView(named));
        m_server->enqueue(FakeReply::json(200, body));
        std::atomic<QThread *> finishedOn{nullptr};
        QNetworkAccessManager *nam = m_client->networkAccessManager();
        const auto watchReplies = connect(
            nam, &QNetworkAccessManager::finished, nam,
            [&finishedOn](QNetworkReply *) { finishedOn = QThread::currentThread(); }, Qt::DirectConnection);

        QThread *decodedOn = nullptr;
        qsizetype decodedSize = 0;
        auto *job = new TypedJob<int>(m_client, Job::Method::Get, QStringLiteral("/organizations/o1"), {}, {},
                                      [&decodedOn, &decodedSize](const QByteArray &b, int) {
                                          decodedOn = QThread::currentThread();
                                          decodedSize = b.size();
                                          return Decoded<int>{7, {}};
                                      });
        job->setOffThreadThreshold(0);
        struct MetaCallCounter : QObject
        {
            int calls = 0;
            bool eventFilter(QObject *, QEvent *e) override
            {
                calls += e->type() == QEvent::MetaCall;
                return false;
            }
        } counter;
        job->installEventFilter(&counter);
        QCOMPARE(run(job), 1);
        disconnect(watchReplies);
        QVERIFY2(job->succeeded(), qPrintable(job->error().toLogString()));
        QCOMPARE(finishedOn.load(), network);
        QCOMPARE(decodedSize, body.size());
        QVERIFY(decodedOn != QThread::currentThread());
        // The attempt's one report; no chunk, no slice of the body.
        QCOMPARE(counter.calls, 1);
        job->removeEventFilter(&counter);
        delete job;
    }

    void hangIsRetriedThenTimesOut()
    {
        m_client->setTransferTimeout(200);
        m_client->setMaxRetries(1);
        m_server->enqueue(FakeReply::hang());
        m_server->enqueue(FakeReply::hang());
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::Timeout);
        QCOMPARE(m_server->requestCount(), 2);
    }

    void deadlineIsATimeoutToo()
    {
        m_client->setTransferTimeout(0);
        m_client->setRequestDeadline(250);
        m_client->setMaxRetries(0);
        m_server->enqueue(FakeReply::hang());
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::Timeout);
    }

    void abortFinishesOnceAsCanceled()
    {
        m_server->enqueue(FakeReply::hang());
        QSignalSpy failed(m_client, &Client::requestFailed);
        QSignalSpy inFlight(m_client, &Client::requestsInFlightChanged);
        auto *job = OrganizationsApi(m_client).get(QStringLiteral("o1"));
        job->setAutoDelete(false);
        QSignalSpy finished(job, &Job::finished);
        job->start();
        QTRY_COMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_client->requestsInFlight(), 1);
        job->abort();
        job->abort();
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::Canceled);
        QCOMPARE(failed.count(), 0); // cancel is not an activity-log failure
        QCOMPARE(m_client->requestsInFlight(), 0);
        QCOMPARE(inFlight.last().first().toInt(), 0);
        delete job;
    }

    void abortWhileWaitingForRetry()
    {
        m_client->setRetryBaseDelay(5000);
        m_server->enqueue(FakeReply::json(503, Error503));
        auto *job = OrganizationsApi(m_client).get(QStringLiteral("o1"));
        job->setAutoDelete(false);
        QSignalSpy finished(job, &Job::finished);
        job->start();
        QTRY_COMPARE(m_server->requestCount(), 1);
        QTest::qWait(50);
        job->abort();
        QCOMPARE(finished.count(), 1);
        QTest::qWait(50);
        QCOMPARE(m_server->requestCount(), 1);
        delete job;
    }

    void autoDeleteAfterFinished()
    {
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QPointer<Job> job = OrganizationsApi(m_client).get(QStringLiteral("o1"));
        QSignalSpy finished(job.data(), &Job::finished);
        job->start();
        QVERIFY(finished.wait());
        QTRY_VERIFY(job.isNull());
    }

    void noContentEndpoints()
    {
        m_server->enqueue(FakeReply::json(204, {}));
        Profile p{QStringLiteral("Acme"), QStringLiteral("a@acme.example"), QStringLiteral("+1"),
                  QStringLiteral("Street"), QStringLiteral("{}")};
        QScopedPointer job(OrganizationsApi(m_client).updateProfile(QStringLiteral("o1"), p));
        QCOMPARE(run(job.get()), 1);
        QVERIFY2(job->succeeded(), qPrintable(job->error().toLogString()));
        const auto &req = m_server->requests().last();
        QCOMPARE(req.method, QByteArray("PUT"));
        QCOMPARE(req.target, QByteArray("/client/v4/organizations/o1/profile"));
        QCOMPARE(req.headers.value("accept"), QByteArray("*/*"));
        QVERIFY(req.body.contains("\"business_name\":\"Acme\""));
        QVERIFY(req.body.contains("\"external_metadata\":\"{}\""));

        m_server->enqueue(FakeReply::json(204, {}));
        QScopedPointer del(MembersApi(m_client).remove(QStringLiteral("o1"), QStringLiteral("m 1")));
        QCOMPARE(run(del.get()), 1);
        QVERIFY(del->succeeded());
        QCOMPARE(m_server->requests().last().method, QByteArray("DELETE"));
        QCOMPARE(m_server->requests().last().target, QByteArray("/client/v4/organizations/o1/members/m%201"));
        QVERIFY(m_server->requests().last().body.isEmpty());
    }

    void memberBodies()
    {
        m_server->enqueue(FakeReply::json(
            200,
            R"({"success":true,"result":{"id":"m1","status":"pending","user":{"id":"u","email":"d@x.example","name":"","two_factor_authentication_enabled":false}}})"));
        QScopedPointer job(MembersApi(m_client).create(QStringLiteral("o1"),
                                                       MemberInvite{QStringLiteral("d@x.example"), {}}));
        QCOMPARE(run(job.get()), 1);
        QVERIFY(job->succeeded());
        QCOMPARE(job->result().status, QStringLiteral("pending"));
        QCOMPARE(m_server->requests().last().body,
                 QByteArray(R"({"member":{"user":{"email":"d@x.example"}}})"));

        m_server->enqueue(FakeReply::json(
            200,
            R"({"success":true,"result":[{"id":"m1","status":"active","user":{"id":"u1","email":"a@x.example"}},{"id":"m2","status":"active","user":{"id":"u2","email":"b@x.example"}}]})"));
        QScopedPointer batch(MembersApi(m_client).batchCreate(
            QStringLiteral("o1"), {MemberInvite{QStringLiteral("a@x.example"), QStringLiteral("active")},
                                   MemberInvite{QStringLiteral("b@x.example"), QStringLiteral("active")}}));
        QCOMPARE(run(batch.get()), 1);
        QVERIFY(batch->succeeded());
        QCOMPARE(batch->result().size(), 2);
        QCOMPARE(m_server->requests().last().target,
                 QByteArray("/client/v4/organizations/o1/members:batchCreate"));
        QVERIFY(m_server->requests().last().body.startsWith(
            R"({"members":[{"status":"active","user":{"email":"a@x.example"}})"));
    }

    void deleteOrganizationReturnsId()
    {
        m_server->enqueue(
            FakeReply::json(200, R"({"success":true,"errors":[],"messages":[],"result":{"id":"o9"}})"));
        QScopedPointer job(OrganizationsApi(m_client).remove(QStringLiteral("o9")));
        QCOMPARE(run(job.get()), 1);
        QCOMPARE(job->result(), QStringLiteral("o9"));
        QCOMPARE(m_server->requests().last().method, QByteArray("DELETE"));
    }

    void tokenVerify()
    {
        m_server->enqueue(FakeReply::json(
            200,
            R"({"success":true,"errors":[],"messages":[{"code":10000,"message":"This API Token is valid and active","type":null}],"result":{"id":"t1","status":"active"}})"));
        QScopedPointer job(TokensApi(m_client).verifyUser());
        QCOMPARE(run(job.get()), 1);
        QCOMPARE(job->result().status, QStringLiteral("active"));
        QCOMPARE(m_server->requests().last().target, QByteArray("/client/v4/user/tokens/verify"));
        m_server->enqueue(
            FakeReply::json(200, R"({"success":true,"result":{"id":"t2","status":"expired"}})"));
        QScopedPointer acc(TokensApi(m_client).verifyAccount(QStringLiteral("acc1")));
        QCOMPARE(run(acc.get()), 1);
        QCOMPARE(acc->result().status, QStringLiteral("expired"));
        QCOMPARE(m_server->requests().last().target, QByteArray("/client/v4/accounts/acc1/tokens/verify"));
    }

    void malformedSuccessBodyIsADecodeError()
    {
        m_server->setHandler([](const apitest::FakeRequest &) {
            return FakeReply::json(200, R"({"success":true,"result":{"id":5}})");
        });
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::Decode);
        QVERIFY(job->error().detail().contains(QStringLiteral("result.id")));
        QCOMPARE(m_server->requestCount(), 3); // a GET is read again, up to the retry limit
    }

    void unreadableBodyIsFetchedAgain()
    {
        m_server->enqueue(FakeReply::json(200, "<html>proxy error</html>"));
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QVERIFY(job->succeeded());
        QCOMPARE(m_server->requestCount(), 2);
    }

    void unreadablePostBodyIsNotResent()
    {
        m_server->enqueue(FakeReply::json(200, "<html>proxy error</html>"));
        QScopedPointer job(OrganizationsApi(m_client).create(QStringLiteral("x")));
        QCOMPARE(run(job.get()), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::Decode);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void crossHostRedirectDropsNothing()
    {
        FakeHttpServer other;
        QVERIFY(other.listen(QHostAddress::Any));
        other.enqueue(FakeReply::json(200, OrgBody));
        const QByteArray location =
            "http://localhost:" + QByteArray::number(other.port()) + "/client/v4/organizations/o1";
        m_server->enqueue(FakeReply::json(302, {}, {{"Location", location}}));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QVERIFY(job->error());
        QCOMPARE(other.requestCount(), 0); // the token never reached the other host
    }

    void sameOriginRedirectIsFollowed()
    {
        m_server->enqueue(FakeReply::json(301, {}, {{"Location", "/client/v4/organizations/o2"}}));
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QVERIFY2(job->succeeded(), qPrintable(job->error().toLogString()));
        QCOMPARE(m_server->requests().last().target, QByteArray("/client/v4/organizations/o2"));
        QCOMPARE(m_server->requests().last().headers.value("authorization"), QByteArray("Bearer tok123"));
    }

    void ratelimitHeadersReachTheBudget()
    {
        m_client->rateBudget()->setEnabled(true);
        m_server->enqueue(FakeReply::json(
            200, OrgBody,
            {{"Ratelimit", "\"default\";r=500;t=30"}, {"Ratelimit-Policy", "\"default\";q=600;w=300"}}));
        QScopedPointer job(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QCOMPARE(run(job.get()), 1);
        QCOMPARE(m_client->rateBudget()->limit(), 600);
        QCOMPARE(m_client->rateBudget()->windowSeconds(), 300);
    }

    void bigBodiesDecodeOffTheCallingThread()
    {
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QThread *decodedOn = nullptr;
        int decodingThreads = -1;
        auto *job = new TypedJob<int>(m_client, Job::Method::Get, QStringLiteral("/organizations/o1"), {}, {},
                                      [&decodedOn, &decodingThreads](const QByteArray &, int) {
                                          decodedOn = QThread::currentThread();
                                          decodingThreads = api::decodePool()->activeThreadCount();
                                          return Decoded<int>{42, {}};
                                      });
        job->setOffThreadThreshold(0);
        QCOMPARE(run(job), 1);
        QVERIFY(job->succeeded());
        QCOMPARE(job->result(), 42);
        QVERIFY(decodedOn != nullptr);
        QVERIFY(decodedOn != QThread::currentThread());
        // On the decoding threads, which leave a core to the threads that feed them.
        QCOMPARE(decodingThreads, 1);
        QCOMPARE(api::decodePool()->maxThreadCount(), std::max(1, QThread::idealThreadCount() - 1));
        delete job;
    }

    void abortDuringDecodeFinishesOnce()
    {
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QSemaphore release;
        auto *job = new TypedJob<int>(m_client, Job::Method::Get, QStringLiteral("/organizations/o1"), {}, {},
                                      [&release](const QByteArray &, int) {
                                          release.acquire();
                                          return Decoded<int>{1, {}};
                                      });
        job->setOffThreadThreshold(0);
        job->setAutoDelete(false);
        QSignalSpy finished(job, &Job::finished);
        QSignalSpy body(job, &Job::bodyReceived);
        job->start();
        QVERIFY(body.wait());
        job->abort();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::Canceled);
        delete job; // while the worker still runs: it holds no pointer to the job
        release.release();
        QThreadPool::globalInstance()->waitForDone(5000);
        QCOMPARE(finished.count(), 1);
    }

    void inFlightCounting()
    {
        QSignalSpy inFlight(m_client, &Client::requestsInFlightChanged);
        m_server->enqueue(FakeReply::json(200, OrgBody));
        m_server->enqueue(FakeReply::json(200, OrgBody));
        QScopedPointer a(OrganizationsApi(m_client).get(QStringLiteral("o1")));
        QScopedPointer b(OrganizationsApi(m_client).get(QStringLiteral("o2")));
        a->setAutoDelete(false);
        b->setAutoDelete(false);
        a->start();
        b->start();
        QCOMPARE(m_client->requestsInFlight(), 2);
        QTRY_VERIFY(a->isFinished() && b->isFinished());
        QCOMPARE(m_client->requestsInFlight(), 0);
        QCOMPARE(inFlight.count(), 4);
    }
};

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
