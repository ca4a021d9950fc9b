// Pure pieces: §2.4 query encoding, filters, retry policy, rate budget, usage windows.
#include "api/auditquery.h"
#include "api/listfilters.h"
#include "api/query.h"
#include "api/ratebudget.h"
#include "api/retrypolicy.h"
#include "api/usageapi.h"

#include <QTest>

using namespace api;

class TestUnits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encodeComponent_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QByteArray>("out");
        QTest::newRow("space") << QStringLiteral("Acme Co") << QByteArray("Acme%20Co");
        QTest::newRow("plus") << QStringLiteral("a+b") << QByteArray("a%2Bb");
        QTest::newRow("at") << QStringLiteral("a@b.com") << QByteArray("a%40b.com");
        QTest::newRow("colon") << QStringLiteral("2024-10-31T00:00:00Z")
                               << QByteArray("2024-10-31T00%3A00%3A00Z");
        QTest::newRow("token") << QStringLiteral("tok/+=") << QByteArray("tok%2F%2B%3D");
        QTest::newRow("sub-delims") << QStringLiteral("!'()*") << QByteArray("%21%27%28%29%2A");
        QTest::newRow("unreserved") << QStringLiteral("AZaz09-._~") << QByteArray("AZaz09-._~");
        QTest::newRow("utf8") << QStringLiteral("Zürich") << QByteArray("Z%C3%BCrich");
        QTest::newRow("amp-eq-hash") << QStringLiteral("a&b=c#d?e") << QByteArray("a%26b%3Dc%23d%3Fe");
        QTest::newRow("percent") << QStringLiteral("100%") << QByteArray("100%25");
    }
    void encodeComponent()
    {
        QFETCH(QString, in);
        QFETCH(QByteArray, out);
        QCOMPARE(Query::encode(in), out);
    }

    // The two captured TS 7.3.0 requests from REFERENCE §2.4.
    void capturedOrganizationsQuery()
    {
        OrganizationFilter f;
        f.ids = {QStringLiteral("aaa"), QStringLiteral("bbb")};
        f.containingAccount = QStringLiteral("acc1");
        f.containingOrganization = QStringLiteral("org2");
        f.containingUser = QStringLiteral("u3");
        f.nameContains = QStringLiteral("Acme Co");
        f.nameStartsWith = QStringLiteral("Ac");
        f.nameEndsWith = QStringLiteral("me");
        f.parentId = QStringLiteral("null");
        Query q = f.toQuery();
        q.add(QStringLiteral("page_size"), qint64(50));
        q.add(QStringLiteral("page_token"), QStringLiteral("tok/+="));
        const QList<QByteArray> pairs = q.toEncoded().split('&');
        const QList<QByteArray> expected =
            QByteArray("id=aaa&id=bbb&containing.account=acc1&containing.organization=org2&containing.user=u3"
                       "&name.contains=Acme%20Co&name.startsWith=Ac&name.endsWith=me&page_size=50"
                       "&page_token=tok%2F%2B%3D&parent.id=null")
                .split('&');
        // Order is free (servers must not depend on it); the pairs are not.
        QCOMPARE(QSet<QByteArray>(pairs.begin(), pairs.end()),
                 QSet<QByteArray>(expected.begin(), expected.end()));
        QCOMPARE(pairs.size(), expected.size());
        QVERIFY(q.toEncoded().indexOf("id=aaa") < q.toEncoded().indexOf("id=bbb"));
    }

    void capturedAuditQuery()
    {
        AuditQuery a;
        a.since = QStringLiteral("2024-10-01");
        a.before = QStringLiteral("2024-10-31T00:00:00Z");
        a.limit = 2;
        a.direction = QStringLiteral("asc");
        a.id.exclude = {QStringLiteral("i1"), QStringLiteral("i2")};
        a.actorEmail.exclude = {QStringLiteral("a@b.com")};
        a.rawStatusCode.exclude = {QStringLiteral("200"), QStringLiteral("404")};
        a.resourceScope.exclude = {QStringLiteral("organizations")};
        const QByteArray enc = a.toQuery().toEncoded();
        const QList<QByteArray> pairs = enc.split('&');
        const QList<QByteArray> expected =
            QByteArray(
                "since=2024-10-01&before=2024-10-31T00%3A00%3A00Z&limit=2&direction=asc&id.not=i1&id.not=i2"
                "&actor_email.not=a%40b.com&raw_status_code.not=200&raw_status_code.not=404"
                "&resource_scope.not=organizations")
                .split('&');
        QCOMPARE(QSet<QByteArray>(pairs.begin(), pairs.end()),
                 QSet<QByteArray>(expected.begin(), expected.end()));
        QCOMPARE(pairs.size(), expected.size());
        QVERIFY(enc.indexOf("raw_status_code.not=200") < enc.indexOf("raw_status_code.not=404"));
        QVERIFY(!a.toQuery().contains(QStringLiteral("cursor")));
        QCOMPARE(a.toQuery(QStringLiteral("c/1")).value(QStringLiteral("cursor")), QStringLiteral("c/1"));
    }

    void everyAuditFilterBothForms()
    {
        AuditQuery a;
        a.since = QStringLiteral("2026-01-01");
        a.before = QStringLiteral("2026-02-01");
        QCOMPARE(AuditQuery::fields().size(), 18);
        for (const auto &f : AuditQuery::fields()) {
            (a.*(f.member)).include = {QStringLiteral("in")};
            (a.*(f.member)).exclude = {QStringLiteral("ex1"), QStringLiteral("ex2")};
        }
        const Query q = a.toQuery();
        for (const auto &f : AuditQuery::fields()) {
            const QString key = QLatin1String(f.wireKey);
            QCOMPARE(q.values(key), QStringList{QStringLiteral("in")});
            QCOMPARE(q.values(key + QStringLiteral(".not")),
                     (QStringList{QStringLiteral("ex1"), QStringLiteral("ex2")}));
        }
    }

    void auditValidation()
    {
        AuditQuery a;
        QVERIFY(!a.validate().isEmpty());
        a.since = QStringLiteral("2026-01-02");
        a.before = QStringLiteral("2026-01-01");
        QVERIFY(!a.validate().isEmpty());
        a.before = QStringLiteral("2026-01-03T00:00:00Z");
        QVERIFY(a.validate().isEmpty());
        a.limit = 1001;
        QVERIFY(!a.validate().isEmpty());
        a.limit = 10;
        a.since = QStringLiteral("last week");
        QVERIFY(!a.validate().isEmpty());
    }

    void emptyAndNullValues()
    {
        Query q;
        q.add(QStringLiteral("a"), QStringList{});
        q.addIfSet(QStringLiteral("b"), QString());
        q.add(QStringLiteral("c"), QString());
        q.add(QStringLiteral("d"), true);
        QCOMPARE(q.toEncoded(), QByteArray("c=&d=true"));
        q.set(QStringLiteral("c"), QStringLiteral("x"));
        QCOMPARE(q.toEncoded(), QByteArray("c=x&d=true"));
    }

    void accountAndMemberFilters()
    {
        AccountFilter af;
        af.nameContains = QStringLiteral("prod");
        af.orderByName = true;
        af.direction = QStringLiteral("desc");
        af.includeTotal = false;
        QCOMPARE(af.toQuery().toEncoded(),
                 QByteArray("name.contains=prod&order_by=account_name&direction=desc&include_total=false"));
        MemberFilter mf;
        mf.statuses = {QStringLiteral("active"), QStringLiteral("pending")};
        mf.userEmail = QStringLiteral("bob+1@x.example");
        QCOMPARE(mf.toQuery().toEncoded(),
                 QByteArray("status=active&status=pending&user.email=bob%2B1%40x.example"));
        QCOMPARE(OrganizationFilter::rootsOnly().toQuery().toEncoded(), QByteArray("parent.id=null"));
    }

    void retryPolicyRules()
    {
        using V = RetryPolicy::Verb;
        const auto decide = [](V verb, const ApiError &e, std::optional<bool> header = {}, qint64 server = -1,
                               bool sent = true, int done = 0) {
            RetryPolicy::Attempt a;
            a.verb = verb;
            a.error = e;
            a.shouldRetryHeader = header;
            a.serverDelayMs = server;
            a.requestSent = sent;
            a.retriesDone = done;
            return RetryPolicy::decide(a, 500, 300000, 0.0);
        };
        const ApiError e429 = ApiError::http(429, {});
        const ApiError e500 = ApiError::http(500, {});
        const ApiError e503 = ApiError::http(503, {});
        const ApiError e408 = ApiError::http(408, {});
        const ApiError e409 = ApiError::http(409, {});
        const ApiError e400 = ApiError::http(400, {});
        const ApiError reset = ApiError::network(2, QStringLiteral("reset"));
        const ApiError timeout = ApiError::timeout(QStringLiteral("t"));

        for (const ApiError &e : {e429, e500, e503, e408, reset, timeout})
            QVERIFY(decide(V::Get, e).retry);
        QVERIFY(!decide(V::Get, e400).retry);
        QVERIFY(decide(V::Get, e409).retry); // a lock timeout: the contract retries reads (issue 20)
        for (V v : {V::Post, V::Put, V::Delete})
            QVERIFY(!decide(v, e409).retry);
        QVERIFY(!decide(V::Get, e500, {}, -1, true, 2).retry); // third retry never
        QVERIFY(!decide(V::Get, ApiError::canceled()).retry);
        QVERIFY(!decide(V::Get, ApiError::decode(QStringLiteral("x"))).retry);
        QVERIFY(!decide(V::Get, e503, false).retry);
        QVERIFY(decide(V::Get, e400, true).retry);

        for (const ApiError &e : {e429, e500, e503, e408, reset, timeout})
            QVERIFY(!decide(V::Post, e).retry);
        QVERIFY(decide(V::Post, e503, true).retry);

        for (V v : {V::Put, V::Delete}) {
            QVERIFY(decide(v, e429).retry);
            QVERIFY(decide(v, e503, {}, 1000).retry);
            QVERIFY(!decide(v, e503).retry);
            QVERIFY(!decide(v, e500).retry);
            QVERIFY(!decide(v, timeout).retry);
            QVERIFY(!decide(v, reset, {}, -1, true).retry);
            QVERIFY(decide(v, reset, {}, -1, false).retry);
        }
        // Server delays are honoured, and too long ones surfaced instead.
        QCOMPARE(decide(V::Get, e429, {}, 1234).delayMs, 1234);
        RetryPolicy::Attempt longWait;
        longWait.error = e429;
        longWait.serverDelayMs = 600000;
        QVERIFY(!RetryPolicy::decide(longWait, 500, 300000, 0).retry);
    }

    void backoffAndServerDelays()
    {
        QCOMPARE(RetryPolicy::backoff(0, 500, 0.0), 500);
        QCOMPARE(RetryPolicy::backoff(1, 500, 0.0), 1000);
        QCOMPARE(RetryPolicy::backoff(2, 500, 0.0), 2000);
        QCOMPARE(RetryPolicy::backoff(10, 500, 0.0), 8000);
        QCOMPARE(RetryPolicy::backoff(0, 500, 0.999), 375);
        for (int i = 0; i < 100; ++i) {
            const qint64 d = RetryPolicy::backoff(1, 500, i / 100.0);
            QVERIFY(d > 750 && d <= 1000);
        }
        const QDateTime now(QDate(2026, 11, 23), QTime(12, 0, 0), Qt::UTC);
        QCOMPARE(RetryPolicy::serverDelay("250.5", "9", now), 251);
        QCOMPARE(RetryPolicy::serverDelay("", "9", now), 9000);
        QCOMPARE(RetryPolicy::serverDelay("", "1.5", now), 1500);
        QCOMPARE(RetryPolicy::serverDelay("", "Mon, 23 Nov 2026 12:00:30 GMT", now), 30000);
        QCOMPARE(RetryPolicy::serverDelay("", "Mon, 23 Nov 2026 11:00:00 GMT", now), 0);
        QCOMPARE(RetryPolicy::serverDelay("", "soon", now), -1);
        QCOMPARE(RetryPolicy::serverDelay("nan-ish", "", now), -1);
        QCOMPARE(RetryPolicy::serverDelay("", "", now), -1);
        QCOMPARE(RetryPolicy::parseShouldRetry(" TRUE "), std::optional<bool>(true));
        QCOMPARE(RetryPolicy::parseShouldRetry("false"), std::optional<bool>(false));
        QCOMPARE(RetryPolicy::parseShouldRetry("maybe"), std::nullopt);
    }

    // Hostile or broken header values: every result is a sane number. Before
    // the clamps these converted out-of-range doubles to integers (undefined
    // behaviour; on x86 the minimum integer, i.e. a negative wait).
    void serverDelayIsClampedAndFinite()
    {
        const QDateTime now(QDate(2026, 11, 23), QTime(12, 0, 0), Qt::UTC);
        const qint64 max = RetryPolicy::kMaxServerDelayMs;
        QCOMPARE(RetryPolicy::serverDelay("1e300", "", now), max);
        QCOMPARE(RetryPolicy::serverDelay("", "1e300", now), max);
        QCOMPARE(RetryPolicy::serverDelay("", "1e306", now), max);             // × 1000 is inf
        QCOMPARE(RetryPolicy::serverDelay("", QByteArray(400, '9'), now), -1); // not a finite double
        QCOMPARE(RetryPolicy::serverDelay("9223372036854775807", "", now), max);
        QCOMPARE(RetryPolicy::serverDelay("", "Fri, 31 Dec 9999 23:59:59 GMT", now), max);
        QCOMPARE(RetryPolicy::serverDelay(QByteArray(400, '9'), "7", now), 7000); // falls back to Retry-After
        for (const char *bad : {"inf", "-inf", "nan", "NaN", "-1", "-1e300", "1e400"}) {
            QCOMPARE(RetryPolicy::serverDelay(bad, "", now), -1);
            QCOMPARE(RetryPolicy::serverDelay("", bad, now), -1);
        }
        QCOMPARE(RetryPolicy::serverDelay("", "-0", now), 0);
        // The wait the user is told about stays a small positive number of seconds.
        ApiError e = ApiError::http(429, {});
        e.setRetryAfterMs(RetryPolicy::serverDelay("1e300", "", now));
        QVERIFY2(e.userMessage().contains(QStringLiteral("86400")), qPrintable(e.userMessage()));
    }

    void backoffWithBrokenInputsIsFinite()
    {
        QCOMPARE(RetryPolicy::backoff(0, 500, qQNaN()), 500);
        QCOMPARE(RetryPolicy::backoff(0, 500, qInf()), 500);
        QCOMPARE(RetryPolicy::backoff(0, 500, -qInf()), 500);
        QCOMPARE(RetryPolicy::backoff(100000, 0, 0.5), 0); // 0 × 2^100000 is NaN
        QCOMPARE(RetryPolicy::backoff(100000, -1, 0.5), 0);
        QCOMPARE(RetryPolicy::backoff(100000, 500, 0.0), 8000);
    }

    void rateBudgetIgnoresAbsurdHeaders()
    {
        RateBudget budget;
        qint64 now = 1000000;
        budget.setClock([&now] { return now; });
        // A window or quota beyond int: ignored, the documented limit stays.
        budget.observeHeaders({}, "\"x\";q=1200;w=" + QByteArray(12, '9'));
        QCOMPARE(budget.windowSeconds(), 300);
        budget.observeHeaders({}, "\"x\";q=" + QByteArray(300, '9') + ";w=1");
        QCOMPARE(budget.limit(), 1200);
        QCOMPARE(budget.windowSeconds(), 300);
        // NaN-like remaining counts are no information.
        for (const char *bad : {"nan", "NaN", "-nan"}) {
            budget.observeHeaders({}, {}, bad);
            QCOMPARE(budget.reserve(), 0);
        }
        // A reset beyond qint64 blocks for the longest wait taken at its word.
        budget.observeHeaders("\"x\";r=0;t=" + QByteArray(300, '9'), {});
        const qint64 wait = budget.reserve();
        QCOMPARE(wait, RateBudget::kMaxBlockMs);
        // So does a 429's wait near qint64's maximum (the clock would overflow).
        RateBudget other;
        other.setClock([&now] { return now; });
        other.blockFor(std::numeric_limits<qint64>::max());
        QCOMPARE(other.reserve(), RateBudget::kMaxBlockMs);
    }

    // Any 300 s window sees at most 1200 requests, however fast they are asked for.
    void rateBudgetNeverExceedsTheLimit()
    {
        RateBudget budget;
        qint64 now = 1000000;
        budget.setClock([&now] { return now; });
        QList<qint64> sendTimes;
        for (int i = 0; i < 3000; ++i) {
            const qint64 wait = budget.reserve();
            sendTimes.append(now + wait);
            now += 5; // the caller asks every 5 ms
        }
        std::sort(sendTimes.begin(), sendTimes.end());
        qsizetype lo = 0;
        int worst = 0;
        for (qsizetype hi = 0; hi < sendTimes.size(); ++hi) {
            while (sendTimes[hi] - sendTimes[lo] >= 300000)
                ++lo;
            worst = std::max(worst, int(hi - lo + 1));
        }
        QVERIFY2(worst <= 1200, qPrintable(QString::number(worst)));
        QVERIFY(worst > 900); // and it does not crawl
        // The steady rate, in requests per second, fills the rest of the
        // window: 1200 requests in 300 s with the safety margin is 3 to 4 a second.
        QVERIFY2(budget.ratePerSecond() > 3.0 && budget.ratePerSecond() < 4.0,
                 qPrintable(QString::number(budget.ratePerSecond())));
        QVERIFY(budget.burst() + budget.ratePerSecond() * budget.windowSeconds() <= budget.limit());
        // A short burst is not delayed at all.
        RateBudget fresh;
        fresh.setClock([&now] { return now; });
        for (int i = 0; i < 20; ++i)
            QCOMPARE(fresh.reserve(), 0);
    }

    void rateBudgetFollowsServerHeaders()
    {
        RateBudget budget;
        qint64 now = 0;
        budget.setClock([&now] { return now; });
        budget.observeHeaders("\"default\";r=0;t=30", "\"default\";q=1200;w=300");
        QVERIFY(budget.reserve() >= 30000);
        now += 31000;
        budget.observeHeaders({}, "\"burst\";q=100;w=60, \"default\";q=1200;w=300");
        QCOMPARE(budget.limit(), 100);
        QCOMPARE(budget.windowSeconds(), 60);
        budget.blockFor(5000);
        QVERIFY(budget.reserve() >= 5000);
    }

    void usageWindows()
    {
        const QDate from(2026, 1, 1);
        const auto one = UsageApi::windows(from, QDate(2026, 1, 30));
        QCOMPARE(one.size(), 1);
        QCOMPARE(UsageApi::windows(from, QDate(2026, 1, 31)).size(), 2); // room for the day of overlap
        const auto w = UsageApi::windows(from, QDate(2026, 4, 15));
        QCOMPARE(w.size(), 4);
        QCOMPARE(w.first().first, from);
        QCOMPARE(w.last().second, QDate(2026, 4, 15));
        qint64 days = 0;
        for (qsizetype i = 0; i < w.size(); ++i) {
            QVERIFY(w[i].first.daysTo(w[i].second) < UsageApi::MaxDaysPerWindow);
            days += w[i].first.daysTo(w[i].second) + 1;
            if (i > 0)
                QCOMPARE(w[i - 1].second.addDays(1), w[i].first); // no gap, no overlap
        }
        QCOMPARE(days, from.daysTo(QDate(2026, 4, 15)) + 1);
        QCOMPARE(UsageApi::windows(from, from).size(), 1);
        QVERIFY(UsageApi::windows(from, from.addDays(-1)).isEmpty());
    }

    void errorSentences()
    {
        const ApiError auth =
            ApiError::http(401, {ApiMessage{1000, QStringLiteral("Invalid API Token"), {}, {}}});
        QCOMPARE(auth.userMessage(), QStringLiteral("Authentication failed: Invalid API Token (code 1000)."));
        QVERIFY(!auth.isRetryable());
        QVERIFY(ApiError::timeout(QStringLiteral("x"))
                    .userMessage()
                    .contains(QStringLiteral("did not answer in time")));
        QVERIFY(ApiError::network(1, QStringLiteral("Connection refused"))
                    .userMessage()
                    .contains(QStringLiteral("Connection refused")));
        QVERIFY(!ApiError().isError());
        QVERIFY(ApiError::http(500, {}).isRetryable());
        QVERIFY(ApiError::http(429, {}).isRetryable());
    }
};

QTEST_GUILESS_MAIN(TestUnits)
#include "tst_units.moc"
