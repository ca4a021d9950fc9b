// Pagers against a scripted local server: every page in order, filters
// repeated, both audit cursor shapes, empty-page stop, cancel, usage windows.
#include "api/accountspager.h"
#include "api/auditpager.h"
#include "api/client.h"
#include "api/memberspager.h"
#include "api/organizationspager.h"
#include "api/ratebudget.h"
#include "api/usagepager.h"
#include "testsupport/fakehttpserver.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace api;
using apitest::FakeHttpServer;
using apitest::FakeReply;
using apitest::FakeRequest;

namespace {
QByteArray auditEntry(int n)
{
    return "{\"id\":\"e" + QByteArray::number(n) +
           "\",\"action\":{\"type\":\"update\",\"time\":\"2026-11-01T00:00:00Z\"}}";
}

QString param(const FakeRequest &r, const QString &key)
{
    return QUrlQuery(QString::fromLatin1(r.query())).queryItemValue(key, QUrl::FullyDecoded);
}

// Audit server with `total` entries served `perPage` at a time, the cursor
// being the next offset; shape 0 = flat cursor, 1 = cursors.after, 2 = both
// with an empty flat one.
FakeReply auditPage(const FakeRequest &r, int total, int perPage, int shape)
{
    const int offset =
        param(r, QStringLiteral("cursor")).isEmpty() ? 0 : param(r, QStringLiteral("cursor")).toInt();
    QByteArray items;
    const int end = std::min(total, offset + perPage);
    for (int i = offset; i < end; ++i)
        items += (items.isEmpty() ? "" : ",") + auditEntry(i);
    QByteArray info = "\"count\":\"" + QByteArray::number(end - offset) + "\"";
    if (end < total) {
        const QByteArray next = QByteArray::number(end);
        if (shape == 0)
            info += ",\"cursor\":\"" + next + "\"";
        else if (shape == 1)
            info += ",\"cursors\":{\"after\":\"" + next + "\"}";
        else
            info += ",\"cursor\":\"\",\"cursors\":{\"after\":\"" + next + "\"}";
    }
    return FakeReply::json(200, "{\"success\":true,\"errors\":[],\"result\":[" + items +
                                    "],\"result_info\":{" + info + "}}");
}
} // namespace

class TestPagers : public QObject
{
    Q_OBJECT

    FakeHttpServer *m_server = nullptr;
    Client *m_client = nullptr;

    // Runs the pager to its end: the ids delivered, in order.
    QStringList idsOf(AuditPager &pager, int timeoutMs = 5000)
    {
        QStringList ids;
        connect(&pager, &AuditPager::pageReady, this, [&ids](const QList<AuditEvent> &page) {
            for (const auto &e : page)
                ids << e.id;
        });
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        if (!finished.wait(timeoutMs))
            qWarning("the pager did not finish");
        return ids;
    }

    static AuditQuery query()
    {
        AuditQuery q;
        q.since = QStringLiteral("2026-11-01");
        q.before = QStringLiteral("2026-11-24");
        q.actorEmail.exclude = {QStringLiteral("bot@x.example")};
        return q;
    }

private Q_SLOTS:
    void init()
    {
        m_server = new FakeHttpServer(this);
        QVERIFY(m_server->listen());
        m_client = new Client(this);
        m_client->setBaseUrl(QUrl(m_server->baseUrl()));
        m_client->setCredentials(Credentials{QStringLiteral("tok"), {}, {}});
        m_client->setRetryBaseDelay(5);
        m_client->rateBudget()->setEnabled(false);
    }
    void cleanup()
    {
        delete m_client;
        delete m_server;
    }

    void organizationsFollowTokensAndRepeatFilters()
    {
        m_server->setHandler([](const FakeRequest &r) {
            const QString token = param(r, QStringLiteral("page_token"));
            const int page = token.isEmpty() ? 0 : token.mid(1).toInt();
            QByteArray items;
            for (int i = 0; i < 2; ++i)
                items += QByteArray(i ? "," : "") + "{\"id\":\"o" + QByteArray::number(page * 2 + i) +
                         "\",\"name\":\"Acme " + QByteArray::number(page * 2 + i) + "\",\"meta\":{}}";
            const QByteArray next =
                page < 2 ? QByteArray(",\"next_page_token\":\"p" + QByteArray::number(page + 1) + "\"")
                         : QByteArray();
            return FakeReply::json(200, "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[" +
                                            items + "],\"result_info\":{\"total_size\":6" + next + "}}");
        });
        OrganizationFilter f;
        f.nameContains = QStringLiteral("Acme Co");
        f.ids = {QStringLiteral("a"), QStringLiteral("b")};
        OrganizationsPager pager(m_client, f);
        QStringList ids;
        connect(&pager, &OrganizationsPager::pageReady, this, [&ids](const QList<Organization> &page) {
            for (const auto &o : page)
                ids << o.id;
        });
        QSignalSpy finished(&pager, &Pager::finished);
        QSignalSpy progress(&pager, &Pager::progress);
        pager.start();
        QVERIFY(finished.wait());
        QVERIFY2(pager.succeeded(), qPrintable(pager.error().toLogString()));
        QCOMPARE(ids, (QStringList{QStringLiteral("o0"), QStringLiteral("o1"), QStringLiteral("o2"),
                                   QStringLiteral("o3"), QStringLiteral("o4"), QStringLiteral("o5")}));
        QCOMPARE(pager.itemCount(), 6);
        QCOMPARE(pager.pageCount(), 3);
        QCOMPARE(pager.totalSize(), std::optional<qint64>(6));
        QCOMPARE(progress.count(), 3);
        QCOMPARE(m_server->requestCount(), 3);
        for (const FakeRequest &r : m_server->requests()) {
            QVERIFY(r.query().contains("name.contains=Acme%20Co"));
            QVERIFY(r.query().contains("id=a&id=b"));
            QVERIFY(r.query().contains("page_size=1000"));
        }
        QCOMPARE(finished.count(), 1);
    }

    void emptyNextTokenStops()
    {
        m_server->enqueue(FakeReply::json(
            200,
            R"({"success":true,"result":[{"id":"a1","type":"standard"}],"result_info":{"next_page_token":""}})"));
        AccountsPager pager(m_client, QStringLiteral("org"));
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QVERIFY(finished.wait());
        QVERIFY(pager.succeeded());
        QCOMPARE(pager.itemCount(), 1);
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_server->requests().first().path(), QByteArray("/client/v4/organizations/org/accounts"));
    }

    void membersWithFilters()
    {
        m_server->enqueue(FakeReply::json(
            200,
            R"({"success":true,"result":[{"id":"m1","status":"active","user":{"id":"u","email":"a@x.example"}}],"result_info":{"next_page_token":"n"}})"));
        m_server->enqueue(FakeReply::json(
            200,
            R"({"success":true,"result":[{"id":"m2","status":"pending","user":{"id":"v","email":"b@x.example"}}],"result_info":{}})"));
        MemberFilter f;
        f.statuses = {QStringLiteral("active"), QStringLiteral("pending")};
        MembersPager pager(m_client, QStringLiteral("org"), f);
        pager.setPageSize(1);
        QList<Member> all;
        connect(&pager, &MembersPager::pageReady, this, [&all](const QList<Member> &p) { all += p; });
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QVERIFY(finished.wait());
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.last().status, QStringLiteral("pending"));
        QVERIFY(m_server->requests().last().query().contains("status=active&status=pending"));
        QVERIFY(m_server->requests().last().query().contains("page_token=n"));
        QVERIFY(m_server->requests().last().query().contains("page_size=1"));
    }

    void auditEveryEntryUnderEveryCursorShape_data()
    {
        QTest::addColumn<int>("shape");
        QTest::newRow("flat cursor") << 0;
        QTest::newRow("cursors.after") << 1;
        QTest::newRow("empty flat, after set") << 2;
    }
    void auditEveryEntryUnderEveryCursorShape()
    {
        QFETCH(int, shape);
        m_server->setHandler([shape](const FakeRequest &r) { return auditPage(r, 2345, 100, shape); });
        AuditPager pager(m_client, QStringLiteral("org"), query());
        const QStringList ids = idsOf(pager, 20000);
        QVERIFY2(pager.succeeded(), qPrintable(pager.error().toLogString()));
        QCOMPARE(ids.size(), 2345);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 2345);
        for (int i = 0; i < ids.size(); ++i)
            QCOMPARE(ids[i], QStringLiteral("e%1").arg(i)); // in order
        QCOMPARE(pager.pageCount(), 24);
        QCOMPARE(m_server->requestCount(), 24);
        for (const FakeRequest &r : m_server->requests()) {
            QVERIFY(r.query().contains("since=2026-11-01"));
            QVERIFY(r.query().contains("actor_email.not=bot%40x.example"));
            QVERIFY(r.query().contains("limit=1000"));
        }
    }

    // Each page's answer sends the next page's request from the network
    // thread (api::detail::ReadAhead): every page is asked for exactly once,
    // the pager's own request for it takes that answer, and nothing is left
    // parked after the last page.
    void auditReadsEachPageAheadOnTheNetworkThread()
    {
        m_server->setHandler([](const FakeRequest &r) { return auditPage(r, 500, 100, 0); });
        AuditPager pager(m_client, QStringLiteral("org"), query());
        const QStringList ids = idsOf(pager);
        QVERIFY2(pager.succeeded(), qPrintable(pager.error().toLogString()));
        QCOMPARE(ids.size(), 500);
        QCOMPARE(ids.first(), QStringLiteral("e0"));
        QCOMPARE(ids.last(), QStringLiteral("e499"));
        QCOMPARE(m_client->pagesReadAhead(), 4);
        QCOMPARE(m_server->requestCount(), 5);
        QSet<QString> cursors;
        QSet<QByteArray> requestIds;
        for (const FakeRequest &r : m_server->requests()) {
            cursors.insert(param(r, QStringLiteral("cursor")));
            requestIds.insert(r.headers.value("x-request-id"));
            QVERIFY(!r.headers.contains("x-retry-count"));
            // The query's other pairs go with the cursor as the first page sent them.
            QCOMPARE(param(r, QStringLiteral("since")), QStringLiteral("2026-11-01"));
            QCOMPARE(param(r, QStringLiteral("actor_email.not")), QStringLiteral("bot@x.example"));
        }
        QCOMPARE(cursors.size(), 5);
        QCOMPARE(requestIds.size(), 5);
        QTest::qWait(100);
        QCOMPARE(m_server->requestCount(), 5);
    }

    // With no request to spare in the rate budget (a burst of one: each
    // request waits for its own token), nothing is read ahead.
    void auditReadsNothingAheadWithoutBudget()
    {
        m_server->setHandler([](const FakeRequest &r) { return auditPage(r, 300, 100, 0); });
        m_client->rateBudget()->setEnabled(true);
        m_client->rateBudget()->setLimit(20, 1);
        QCOMPARE(m_client->rateBudget()->burst(), 1.0);
        AuditPager pager(m_client, QStringLiteral("org"), query());
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QVERIFY(finished.wait(10000));
        QVERIFY2(pager.succeeded(), qPrintable(pager.error().toLogString()));
        QCOMPARE(pager.itemCount(), 300);
        QCOMPARE(m_client->pagesReadAhead(), 0);
        QCOMPARE(m_server->requestCount(), 3);
    }

    void auditStopsOnEmptyPageEvenWithCursor()
    {
        m_server->enqueue(FakeReply::json(200, "{\"result\":[" + auditEntry(1) +
                                                   "],\"result_info\":{\"count\":\"1\",\"cursor\":\"c1\"}}"));
        m_server->enqueue(FakeReply::json(200, R"({"result":[],"result_info":{"count":"0","cursor":"c2"}})"));
        AuditPager pager(m_client, QStringLiteral("org"), query());
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QVERIFY(finished.wait());
        QVERIFY(pager.succeeded());
        QCOMPARE(pager.itemCount(), 1);
        QTest::qWait(50);
        QCOMPARE(m_server->requestCount(), 2);
    }

    // The read-ahead trusts a quick look at the envelope's tail; when that look
    // is fooled (here by a "result_info" key after the real one) the decoded
    // cursor wins: every entry arrives once, in order, and the listing ends.
    void auditFollowsDecodedCursorWhenTheQuickScanIsFooled()
    {
        m_server->setHandler([](const FakeRequest &r) {
            const QByteArray q = r.query();
            int page = 0;
            if (q.contains("cursor=c1"))
                page = 1;
            else if (q.contains("cursor=c2"))
                page = 2;
            else if (q.contains("cursor="))
                return FakeReply::json(400, R"({"errors":[{"message":"unknown cursor"}]})");
            const QByteArray next =
                page < 2 ? QByteArray(",\"cursor\":\"c" + QByteArray::number(page + 1) + '"') : QByteArray();
            return FakeReply::json(200, "{\"result\":[" + auditEntry(page) +
                                            "],\"result_info\":{\"count\":\"1\"" + next +
                                            "},\"messages\":[{\"message\":\"x\",\"result_info\":{\"cursor\":"
                                            "\"decoy\"}}]}");
        });
        AuditPager pager(m_client, QStringLiteral("org"), query());
        const QStringList ids = idsOf(pager);
        QVERIFY2(pager.succeeded(), qPrintable(pager.error().toLogString()));
        QCOMPARE(ids, (QStringList{QStringLiteral("e0"), QStringLiteral("e1"), QStringLiteral("e2")}));
        // The read-ahead follows the same quick scan as the pager, so it is
        // fooled alike: the pager's own requests for the decoy take its
        // answers (the last page's may be dropped first: the pager ends), and
        // it adds no request of its own: three pages, at most three decoys.
        QVERIFY(m_client->pagesReadAhead() >= 2);
        QVERIFY(m_server->requestCount() <= 6);
    }

    void auditRepeatedCursorIsAnError()
    {
        m_server->setHandler([](const FakeRequest &) {
            return FakeReply::json(200, "{\"result\":[" + auditEntry(1) +
                                            "],\"result_info\":{\"cursor\":\"same\"}}");
        });
        AuditPager pager(m_client, QStringLiteral("org"), query());
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QVERIFY(finished.wait());
        QVERIFY(pager.error());
        QVERIFY(m_server->requestCount() <= 3);
    }

    void tokenCycleEndsWithAClearError()
    {
        // A -> B -> A: each token differs from the one before, yet it never ends.
        m_server->setHandler([](const FakeRequest &r) {
            const QString token = param(r, QStringLiteral("page_token"));
            const QByteArray next = token == QLatin1String("B") ? "A" : "B";
            return FakeReply::json(200,
                                   "{\"success\":true,\"result\":[{\"id\":\"a" + token.toLatin1() +
                                       "\",\"type\":\"standard\"}],\"result_info\":{\"next_page_token\":\"" +
                                       next + "\"}}");
        });
        AccountsPager pager(m_client, QStringLiteral("org"));
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QVERIFY(finished.wait());
        QVERIFY(pager.error());
        QVERIFY(m_server->requestCount() <= 4);
        QVERIFY(pager.itemCount() >= 2); // what came is kept
        const QString message = pager.error().userMessage() + pager.error().toLogString();
        QVERIFY2(message.contains(QLatin1String("/organizations/org/accounts")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("already sent")), qPrintable(message));
    }

    void endlessEmptyPagesEndWithAClearError()
    {
        // Fresh tokens forever, every page empty.
        m_server->setHandler([](const FakeRequest &r) {
            const int n = param(r, QStringLiteral("page_token")).toInt();
            return FakeReply::json(200,
                                   "{\"success\":true,\"result\":[],\"result_info\":{\"next_page_token\":\"" +
                                       QByteArray::number(n + 1) + "\"}}");
        });
        MembersPager pager(m_client, QStringLiteral("org"));
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QVERIFY(finished.wait(30000));
        QVERIFY(pager.error());
        QVERIFY(m_server->requestCount() <= Pager::MaxEmptyPagesInARow + 3);
        const QString message = pager.error().userMessage() + pager.error().toLogString();
        QVERIFY2(message.contains(QLatin1String("/organizations/org/members")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("empty pages")), qPrintable(message));
    }

    void someEmptyPagesAreFine()
    {
        // A few empty pages in the middle of a listing are not a loop.
        m_server->setHandler([](const FakeRequest &r) {
            const int n = param(r, QStringLiteral("page_token")).toInt();
            const QByteArray items = n % 3 == 0
                                         ? "{\"id\":\"a" + QByteArray::number(n) + "\",\"type\":\"standard\"}"
                                         : QByteArray();
            const QByteArray next =
                n < 30 ? ",\"result_info\":{\"next_page_token\":\"" + QByteArray::number(n + 1) + "\"}"
                       : QByteArray();
            return FakeReply::json(200, "{\"success\":true,\"result\":[" + items + "]" + next + "}");
        });
        AccountsPager pager(m_client, QStringLiteral("org"));
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QVERIFY(finished.wait(30000));
        QVERIFY2(pager.succeeded(), qPrintable(pager.error().toLogString()));
        QCOMPARE(pager.itemCount(), 11);
    }

    void auditInvalidQueryNeverSends()
    {
        AuditQuery q; // no since/before
        AuditPager pager(m_client, QStringLiteral("org"), q);
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QVERIFY(finished.wait());
        QCOMPARE(pager.error().kind(), ApiError::Kind::InvalidRequest);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void auditErrorMidwayKeepsDeliveredPages()
    {
        m_client->setMaxRetries(0);
        int served = 0;
        m_server->setHandler([&served](const FakeRequest &r) {
            if (++served == 3)
                return FakeReply::json(400, R"({"success":false,"errors":[{"message":"bad cursor"}]})");
            return auditPage(r, 1000, 100, 0);
        });
        AuditPager pager(m_client, QStringLiteral("org"), query());
        qint64 delivered = 0;
        connect(&pager, &AuditPager::pageReady, this,
                [&delivered](const QList<AuditEvent> &p) { delivered += p.size(); });
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QVERIFY(finished.wait());
        QCOMPARE(pager.error().httpStatus(), 400);
        QCOMPARE(pager.error().errors().first().message, QStringLiteral("bad cursor"));
        QCOMPARE(delivered, 200);
        QCOMPARE(pager.itemCount(), 200);
    }

    void cancelKeepsWhatWasDelivered()
    {
        m_server->setHandler([](const FakeRequest &r) { return auditPage(r, 100000, 100, 0); });
        AuditPager pager(m_client, QStringLiteral("org"), query());
        qint64 delivered = 0;
        connect(&pager, &AuditPager::pageReady, this, [&](const QList<AuditEvent> &p) {
            delivered += p.size();
            if (delivered >= 300)
                pager.abort();
        });
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QVERIFY(finished.wait());
        QCOMPARE(finished.count(), 1);
        QVERIFY(pager.wasCanceled());
        QCOMPARE(delivered, 300);
        QCOMPARE(pager.itemCount(), 300);
        // At most the pages already on the wire when abort() came (the
        // pager's two in flight and the one read ahead); nothing after it.
        QTest::qWait(100);
        const int requests = m_server->requestCount();
        QVERIFY2(requests <= 6, qPrintable(QString::number(requests)));
        QTest::qWait(200);
        QCOMPARE(m_server->requestCount(), requests);
        QCOMPARE(m_client->requestsInFlight(), 0);
    }

    void transientFailuresLoseNothing()
    {
        int served = 0;
        m_server->setHandler([&served](const FakeRequest &r) {
            ++served;
            if (served % 3 == 0)
                return FakeReply::json(503, R"({"success":false,"errors":[{"message":"try again"}]})");
            if (served % 5 == 0)
                return FakeReply::reset();
            if (served % 7 == 0)
                return FakeReply::json(429, "{}", {{"Retry-After", "0"}});
            return auditPage(r, 1500, 100, 0);
        });
        AuditPager pager(m_client, QStringLiteral("org"), query());
        const QStringList ids = idsOf(pager, 20000);
        QVERIFY2(pager.succeeded(), qPrintable(pager.error().toLogString()));
        QCOMPARE(ids.size(), 1500);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 1500);
    }

    // Issue 20 item 9: a page survives a run of failures a plain job would not.
    void pagesGetTheLongRetryBudget()
    {
        QCOMPARE(m_client->maxRetries(), 2);
        QCOMPARE(m_client->maxPageRetries(), 7);
        m_client->setMaxRetries(1); // sets both...
        QCOMPARE(m_client->maxPageRetries(), 1);
        m_client->setMaxPageRetries(7); // ...until pages get their own
        int served = 0;
        m_server->setHandler([&served](const FakeRequest &r) {
            if (++served <= 5)
                return served % 2 ? FakeReply::json(502, "<html>bad gateway</html>")
                                  : FakeReply::json(503, R"({"success":false,"errors":[]})");
            return auditPage(r, 300, 100, 0);
        });
        AuditPager pager(m_client, QStringLiteral("org"), query());
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QVERIFY(finished.wait(20000));
        QVERIFY2(pager.succeeded(), qPrintable(pager.error().toLogString()));
        QCOMPARE(pager.itemCount(), 300);

        // --retries 1: the same run of failures ends the listing.
        m_client->setMaxPageRetries(1);
        served = 0;
        AuditPager strict(m_client, QStringLiteral("org"), query());
        QSignalSpy strictFinished(&strict, &Pager::finished);
        strict.start();
        QVERIFY(strictFinished.wait(20000));
        QVERIFY(strict.error().isRetryable());
        QCOMPARE(served, 2);
    }

    // Issue 20 item 9: a listing continues at a saved token (orgscope export --resume).
    void startsAtASavedToken()
    {
        m_server->setHandler([](const FakeRequest &r) { return auditPage(r, 500, 100, 0); });
        AuditPager pager(m_client, QStringLiteral("org"), query());
        pager.setStartToken(QStringLiteral("300"));
        QStringList ids;
        QStringList tokens;
        connect(&pager, &AuditPager::pageReady, this, [&ids](const QList<AuditEvent> &page) {
            for (const auto &e : page)
                ids << e.id;
        });
        connect(&pager, &Pager::progress, this, [&] { tokens << pager.resumeToken(); });
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QVERIFY(finished.wait());
        QVERIFY(pager.succeeded());
        QCOMPARE(ids.size(), 200);
        QCOMPARE(ids.first(), QStringLiteral("e300"));
        QCOMPARE(tokens, (QStringList{QStringLiteral("400"), QString()}));
        QCOMPARE(param(m_server->requests().first(), QStringLiteral("cursor")), QStringLiteral("300"));
    }

    // Issue 20 item 7: a reconnect deletes the client while a page hangs.
    void deletingTheClientEndsTheListingAsCanceled()
    {
        m_server->setHandler([](const FakeRequest &r) {
            if (!param(r, QStringLiteral("cursor")).isEmpty())
                return FakeReply::hang();
            return auditPage(r, 1000, 100, 0);
        });
        AuditPager pager(m_client, QStringLiteral("org"), query());
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QTRY_VERIFY(m_server->requestCount() >= 2); // the second page is on the wire
        delete m_client;
        m_client = nullptr;
        if (finished.isEmpty())
            QVERIFY(finished.wait(5000));
        QCOMPARE(finished.count(), 1);
        QVERIFY(pager.wasCanceled());
    }

    void usageSplitsLongRanges()
    {
        m_server->setHandler([](const FakeRequest &r) {
            const QDate from = QDate::fromString(param(r, QStringLiteral("from")), Qt::ISODate);
            const QDate to = QDate::fromString(param(r, QStringLiteral("to")), Qt::ISODate);
            QByteArray items;
            // One record per day, plus one that strays a day outside the window.
            for (QDate d = from; d <= to.addDays(1); d = d.addDays(1))
                items += QByteArray(items.isEmpty() ? "" : ",") + "{\"ChargePeriodStart\":\"" +
                         d.toString(Qt::ISODate).toLatin1() +
                         "T00:00:00Z\",\"ConsumedQuantity\":1,\"x_BillableMetricId\":\"m\"}";
            return FakeReply::json(200, "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[" +
                                            items + "]}");
        });
        const QDate from(2026, 1, 1);
        const QDate to(2026, 3, 31);
        UsagePager pager(m_client, QStringLiteral("org"), from, to);
        QList<UsageRecord> all;
        connect(&pager, &UsagePager::pageReady, this, [&all](const QList<UsageRecord> &p) { all += p; });
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QVERIFY(finished.wait());
        QVERIFY2(pager.succeeded(), qPrintable(pager.error().toLogString()));
        QCOMPARE(m_server->requestCount(), 3);
        QCOMPARE(all.size(), from.daysTo(to) + 1);
        QSet<QDate> days;
        for (const auto &u : all)
            days.insert(u.chargePeriodStart.date());
        QCOMPARE(days.size(), all.size()); // every day exactly once
        // 30-day windows, each asked for with one day more (an exclusive `to` loses nothing).
        QCOMPARE(param(m_server->requests().at(0), QStringLiteral("from")), QStringLiteral("2026-01-01"));
        QCOMPARE(param(m_server->requests().at(0), QStringLiteral("to")), QStringLiteral("2026-01-31"));
        QCOMPARE(param(m_server->requests().at(1), QStringLiteral("from")), QStringLiteral("2026-01-31"));
        QCOMPARE(param(m_server->requests().at(2), QStringLiteral("to")), QStringLiteral("2026-04-01"));
    }
};

QTEST_GUILESS_MAIN(TestPagers)
#include "tst_pagers.moc"
