// WatchController against orgscope-sim --live-events: one notification per
// matching entry across a restart of the controller (no duplicates, no
// gaps), the burst rule, and the rule's filter text.
#include "testsupport/simulatorhttp.h"
#include "testsupport/simulatorprocess.h"
#include "testsupport/simulatorsession.h"

#include "models/session/session.h"
#include "models/watch/watchburstlimiter.h"
#include "models/watch/watchcontroller.h"

#include "api/client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <tuple>

using testsupport::SimulatorProcess;

class TestWatchController : public QObject
{
    Q_OBJECT

    SimulatorProcess m_sim{{QStringLiteral("--audit-events"), QStringLiteral("800"),
                            QStringLiteral("--live-events"), QStringLiteral("240/min")}};
    QNetworkAccessManager m_nam;
    api::Client *m_client = nullptr;
    models::Session *m_session = nullptr;
    QString m_root;

    QByteArray send(const QByteArray &verb, const QString &path, const QUrlQuery &query = {})
    {
        return testsupport::simulatorCall(m_nam, m_sim.baseUrl(), verb, path, query);
    }
    void live(bool paused, int count = 0)
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("pause"), paused ? QStringLiteral("true") : QStringLiteral("false"));
        q.addQueryItem(QStringLiteral("count"), QString::number(count));
        QVERIFY(!send("POST", QStringLiteral("/__sim/live-events"), q).isEmpty());
    }
    QStringList matching(const QList<QPair<QString, QString>> &filter)
    {
        return testsupport::serverAuditIds(m_nam, m_sim.baseUrl(), m_root, filter);
    }
    // Polls now and then while waiting (the rules' own interval is seconds).
    template <typename F> bool waitFor(models::WatchController &c, F done, int timeoutMs = 90000)
    {
        QElapsedTimer t;
        t.start();
        while (!done()) {
            if (t.elapsed() > timeoutMs)
                return false;
            c.pollNow();
            QTest::qWait(200);
        }
        return true;
    }
    static models::WatchRule rootRule(const QString &org, const QString &filterText)
    {
        models::WatchRule r;
        r.name = QStringLiteral("not views");
        r.organizationId = org;
        r.organizationName = QStringLiteral("Acme Holdings");
        r.intervalSeconds = 3600; // the test polls
        QString error;
        r.query.setFilterText(filterText, &error);
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        const testsupport::SimulatorSession s = testsupport::connectSession(m_sim, this);
        std::tie(m_client, m_session, m_root) = std::tie(s.client, s.session, s.rootId);
        QVERIFY(!m_root.isEmpty());
    }

    void burstRule()
    {
        models::WatchBurstLimiter b(3);
        auto d = b.add({QStringLiteral("a"), QStringLiteral("b")}, 0);
        QCOMPARE(d.individual, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(d.summary, 0);
        d = b.add({QStringLiteral("c")}, 1000);
        QCOMPARE(d.individual, QStringList{QStringLiteral("c")});
        // The fourth match in a minute: a burst, one summary for the batch.
        d = b.add({QStringLiteral("d"), QStringLiteral("e"), QStringLiteral("f"), QStringLiteral("g")}, 2000);
        QVERIFY(d.individual.isEmpty());
        QCOMPARE(d.summary, 4);
        // Within the minute after a summary, matches are held for the next one.
        d = b.add({QStringLiteral("h"), QStringLiteral("i")}, 3000);
        QVERIFY(d.individual.isEmpty());
        QCOMPARE(d.summary, 0);
        QCOMPARE(b.nextFlushMs(), 62000);
        QCOMPARE(b.flush(30000), 0);
        QCOMPARE(b.flush(62000), 2);
        QCOMPARE(b.flush(63000), 0);
        // A quiet minute later, one by one again.
        d = b.add({QStringLiteral("j")}, 200000);
        QCOMPARE(d.individual, QStringList{QStringLiteral("j")});
    }

    void filterText()
    {
        models::AuditWatchQuery q;
        QString error;
        QVERIFY(q.setFilterText(
            QStringLiteral("action_type=delete\n\n actor_email != bot@example.com \naction_type=create"),
            &error));
        QCOMPARE(q.filters.actionType.include,
                 (QStringList{QStringLiteral("delete"), QStringLiteral("create")}));
        QCOMPARE(q.filters.actorEmail.exclude, QStringList{QStringLiteral("bot@example.com")});
        models::AuditWatchQuery back;
        QVERIFY(back.setFilterText(q.filterText(), &error));
        QVERIFY(models::AuditWatchQuery::sameFilters(back.filters, q.filters));
        QCOMPARE(models::AuditWatchQuery::fromJson(q.toJson()), q);
        QVERIFY(!q.setFilterText(QStringLiteral("colour=blue"), &error));
        QVERIFY(error.contains(QLatin1String("Line 1")));
        QVERIFY(!q.setFilterText(QStringLiteral("action_type="), &error));
    }

    // One notification per matching entry, across a restart of the controller
    // (its rules, positions and matches persist): no duplicates, no gaps.
    void oneNotificationPerMatchAcrossRestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QList<QPair<QString, QString>> wire{
            {QStringLiteral("action_type.not"), QStringLiteral("view")}};
        live(true);
        const QStringList before = matching(wire);
        QStringList notified;
        int summaries = 0;
        auto record = [&](const QString &key, const QString &, const QString &) {
            if (key == QLatin1String("summary"))
                ++summaries;
            else
                notified << key.mid(key.indexOf(QLatin1Char('/')) + 1);
        };
        QString ruleId;
        {
            models::WatchController first(m_session);
            first.setStorageDirectory(dir.path());
            first.burstLimiter().setLimit(1000000);
            connect(&first, &models::WatchController::notificationRequested, this, record);
            ruleId = first.addRule(rootRule(m_root, QStringLiteral("action_type!=view")));
            QVERIFY(first.isPolling());
            QVERIFY(waitFor(first, [&] { return first.rule(ruleId)->position.isSet(); }));
            QVERIFY(notified.isEmpty()); // what was logged before the rule is old
            live(false);
            QVERIFY(waitFor(first, [&] { return notified.size() >= 6; }));
        }
        // Stopped: entries keep arriving, a dozen in one moment.
        live(true, 12);
        live(false);
        QTest::qWait(1000);
        {
            models::WatchController second(m_session);
            second.setStorageDirectory(dir.path());
            second.burstLimiter().setLimit(1000000);
            connect(&second, &models::WatchController::notificationRequested, this, record);
            QCOMPARE(second.rules().size(), 1);
            const int beforeRestart = int(notified.size());
            QCOMPARE(second.matches()->rowCount(), beforeRestart); // the list survives too
            QVERIFY(waitFor(second, [&] { return notified.size() >= beforeRestart + 12; }));
            live(true);
            QStringList expected = matching(wire);
            for (const QString &id : before)
                expected.removeAll(id);
            QVERIFY(waitFor(second, [&] { return notified.size() >= expected.size(); }));
            for (int i = 0; i < 3; ++i) { // nothing more may come
                second.pollNow();
                QTest::qWait(300);
            }
            live(false);
            QCOMPARE(summaries, 0);
            QStringList got = notified;
            got.sort();
            QCOMPARE(QSet<QString>(got.begin(), got.end()).size(), got.size()); // no duplicate
            expected.sort();
            QCOMPARE(got, expected); // no gap
            QCOMPARE(second.matches()->rowCount(), expected.size());
        }
    }

    // More than N matches in a minute: one summary notification, not a storm.
    void burstGivesOneSummary()
    {
        QTemporaryDir dir;
        live(true);
        models::WatchController c(m_session);
        c.setStorageDirectory(dir.path());
        c.burstLimiter().setLimit(3);
        QStringList keys;
        QStringList bodies;
        connect(
            &c, &models::WatchController::notificationRequested, this,
            [&](const QString &key, const QString &, const QString &body) { keys << key, bodies << body; });
        const QString id = c.addRule(rootRule(m_root, QString()));
        QVERIFY(waitFor(c, [&] { return c.rule(id)->position.isSet(); }));
        live(true, 40); // about half land in the root organization: more than 3, in one poll
        QVERIFY(waitFor(c, [&] { return c.matches()->rowCount() > 3; }));
        for (int i = 0; i < 3; ++i) {
            c.pollNow();
            QTest::qWait(300);
        }
        QCOMPARE(keys, QStringList{QStringLiteral("summary")});
        QVERIFY2(bodies.first().contains(QString::number(c.matches()->rowCount())),
                 qPrintable(bodies.first()));
        live(false);
    }

    // Disconnected, nothing polls; connected again, the rules go on.
    void pollsOnlyWhileConnected()
    {
        QTemporaryDir dir;
        models::WatchController c(m_session);
        c.setStorageDirectory(dir.path());
        c.addRule(rootRule(m_root, QString()));
        QVERIFY(c.isPolling());
        m_session->setState(models::Session::State::Disconnected);
        QVERIFY(!c.isPolling());
        m_session->setState(models::Session::State::Connected);
        QVERIFY(c.isPolling());
    }
};

QTEST_GUILESS_MAIN(TestWatchController)
#include "tst_watchcontroller.moc"
