// Usage watch rules (issue 23: "budget warnings and usage anomalies can be
// watched the same way") against orgscope-sim with its clock pinned to
// 2026-03-20: a budget below the month to date notifies once, never again
// across a restart of the controller, and again for a higher threshold or a
// changed budget; an anomaly rule notifies once per anomaly, also for one
// injected later; old rule files read as audit rules.
#include "testsupport/simulatorhttp.h"
#include "testsupport/simulatorprocess.h"
#include "testsupport/simulatorsession.h"

#include "models/cost/pricingsettings.h"
#include "models/session/session.h"
#include "models/watch/usagewatcher.h"
#include "models/watch/watchcontroller.h"

#include "api/client.h"

#include <QDateTime>
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

namespace {
qint64 pinnedNow()
{
    return QDateTime(QDate(2026, 3, 20), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
}
} // namespace

class TestUsageWatch : public QObject
{
    Q_OBJECT

    SimulatorProcess m_sim{{QStringLiteral("--audit-events"), QStringLiteral("200"), QStringLiteral("--now"),
                            QStringLiteral("2026-03-20T12:00:00Z"), QStringLiteral("--usage-days"),
                            QStringLiteral("120")}};
    QNetworkAccessManager m_nam;
    api::Client *m_client = nullptr;
    models::Session *m_session = nullptr;
    QString m_root;

    QByteArray send(const QByteArray &verb, const QString &path, const QUrlQuery &query = {})
    {
        return testsupport::simulatorSend(m_nam, m_sim.baseUrl(), verb, path, query);
    }
    void spike(const char *metric, const char *day, double factor)
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("metric"), QString::fromLatin1(metric));
        q.addQueryItem(QStringLiteral("day"), QString::fromLatin1(day));
        q.addQueryItem(QStringLiteral("factor"), QString::number(factor));
        QVERIFY(send("POST", QStringLiteral("/__sim/usage-spike"), q).contains("spikes"));
    }
    models::WatchRule usageRule(bool budgets, bool anomalies)
    {
        models::WatchRule r;
        r.kind = models::WatchRule::Kind::Usage;
        r.name = QStringLiteral("cost");
        r.organizationId = m_root;
        r.organizationName = QStringLiteral("Acme Holdings");
        r.intervalSeconds = 3600; // the test polls
        r.usage.budgets = budgets;
        r.usage.forecast = budgets;
        r.usage.anomalies = anomalies;
        r.usage.thresholdsPercent = {80, 100};
        return r;
    }
    // Polls `rounds` evaluations of every rule of c (each poll a whole round).
    static void settle(models::WatchController &c, QSignalSpy &finishedRounds, int rounds)
    {
        for (int i = 0; i < rounds; ++i) {
            const qsizetype before = finishedRounds.size();
            c.pollNow();
            QTRY_VERIFY_WITH_TIMEOUT(finishedRounds.size() > before, 60000);
        }
    }
    struct Recorder
    {
        QStringList keys;
        QStringList bodies;
    };
    // A controller of the test: the pinned clock, rules kept in `dir`, a burst
    // limit when given (> 0), its notifications recorded in r.
    void prepare(models::WatchController &c, const QString &dir, Recorder &r, int burstLimit = 0)
    {
        c.setClock(&pinnedNow);
        c.setStorageDirectory(dir);
        if (burstLimit > 0)
            c.burstLimiter().setLimit(burstLimit);
        connect(&c, &models::WatchController::notificationRequested, this,
                [&r](const QString &key, const QString &, const QString &body) {
                    r.keys << key.mid(key.indexOf(QLatin1Char('/')) + 1);
                    r.bodies << body;
                });
    }
    // The month to date of the root organization as a usage watcher sees it.
    double monthToDate()
    {
        models::UsageWatcher w(m_client, m_root, {});
        w.setClock(&pinnedNow);
        QSignalSpy done(&w, &models::UsageWatcher::pollFinished);
        w.poll();
        if (!done.wait(120000) || !done.first().at(0).toBool() || !w.outlook().valid)
            return -1;
        return w.outlook().forecast.monthToDate;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        const testsupport::SimulatorSession s = testsupport::connectSession(m_sim, this);
        std::tie(m_client, m_session, m_root) = std::tie(s.client, s.session, s.rootId);
        QVERIFY(!m_root.isEmpty());
    }

    // Of one budget and month only the most severe new event is notified;
    // a seen key never again; a changed budget amount is a new event.
    void newEventsPickTheMostSevere()
    {
        models::CostOutlook outlook;
        outlook.valid = true;
        outlook.currency = QStringLiteral("USD");
        outlook.forecast.valid = true;
        const qint32 march = models::usageday::fromDate(QDate(2026, 3, 1));
        outlook.forecast.monthFirst = march;
        outlook.forecast.lastActual = march + 18;
        outlook.forecast.monthToDate = 900;
        outlook.forecast.forecast = 1500;
        models::Budget budget;
        budget.monthly = 1000;
        models::UsageWatchSettings s;
        QStringList seen;
        auto events = models::usageWatchEvents(outlook, budget, {}, s, march);
        QCOMPARE(events.size(), 2); // 80 % and the forecast
        auto fresh = models::newUsageEvents(events, seen);
        QCOMPARE(fresh.size(), 1);
        QCOMPARE(fresh.first().kind, models::UsageWatchEvent::Kind::BudgetForecast);
        QCOMPARE(models::newUsageEvents(events, seen).size(), 0);
        outlook.forecast.monthToDate = 1100; // now over: 100 % is new
        fresh = models::newUsageEvents(models::usageWatchEvents(outlook, budget, {}, s, march), seen);
        QCOMPARE(fresh.size(), 1);
        QVERIFY(fresh.first().key.contains(QLatin1String("/100%@1000")));
        // A month later the same budget is news again; keys older than last month go.
        seen << QStringLiteral("budget/total/2025-12/100%@1000");
        outlook.forecast.monthFirst = models::usageday::fromDate(QDate(2026, 4, 1));
        fresh = models::newUsageEvents(
            models::usageWatchEvents(outlook, budget, {}, s, outlook.forecast.monthFirst), seen);
        QCOMPARE(fresh.size(), 1);
        QVERIFY(fresh.first().key.contains(QLatin1String("2026-04")));
        QVERIFY(!seen.contains(QStringLiteral("budget/total/2025-12/100%@1000")));
        QVERIFY(seen.contains(QStringLiteral("budget/total/2026-03/100%@1000")));
    }

    // A rule file written before usage rules reads as audit rules; a usage
    // rule round-trips with its seen events.
    void ruleFileCompatibility()
    {
        const QJsonObject old{{QStringLiteral("id"), QStringLiteral("r1")},
                              {QStringLiteral("name"), QStringLiteral("deletes")},
                              {QStringLiteral("organization_id"), QStringLiteral("o")},
                              {QStringLiteral("interval_seconds"), 60}};
        QCOMPARE(models::WatchRule::fromJson(old).kind, models::WatchRule::Kind::Audit);
        QVERIFY(!models::WatchRule::fromJson(old).toJson().contains(QStringLiteral("kind")));
        models::WatchRule u = usageRule(true, false);
        u.usage.thresholdsPercent = {50, 90, 120};
        u.seenEvents = {QStringLiteral("budget/total/2026-03/90%@10")};
        const models::WatchRule back = models::WatchRule::fromJson(u.toJson());
        QCOMPARE(back.kind, models::WatchRule::Kind::Usage);
        QVERIFY(back.usage == u.usage);
        QCOMPARE(back.seenEvents, u.seenEvents);
    }

    void budgetOnceAcrossRestartThenHigherThreshold()
    {
        const double mtd = monthToDate();
        QVERIFY2(mtd > 1.0, qPrintable(QString::number(mtd)));
        models::Budget budget;
        budget.monthly = mtd * 0.8; // the month to date is 125 % of it
        models::pricing::setBudget(m_root, budget);
        QTemporaryDir dir;
        Recorder got;
        QString id;
        {
            models::WatchController c(m_session);
            prepare(c, dir.path(), got);
            QSignalSpy rounds(&c, &models::WatchController::ruleError);
            id = c.addRule(usageRule(true, false));
            QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 1, 120000);
            settle(c, rounds, 2);
            QCOMPARE(got.keys.size(), 1); // 80 %, forecast and 100 %: one notification, the worst
            QVERIFY2(got.keys.first().startsWith(QLatin1String("budget/total/2026-03/100%@")),
                     qPrintable(got.keys.first()));
            QVERIFY2(got.bodies.first().contains(QLatin1String("125 %")), qPrintable(got.bodies.first()));
            QCOMPARE(c.matches()->rowCount(), 1);
            QVERIFY(c.matches()->at(0).usage);
        }
        {
            models::WatchController c(m_session);
            prepare(c, dir.path(), got);
            QSignalSpy rounds(&c, &models::WatchController::ruleError);
            QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 1, 120000);
            settle(c, rounds, 2);
            QCOMPARE(got.keys.size(), 1); // nothing again after the restart
            QCOMPARE(c.matches()->rowCount(), 1);

            // A higher threshold that the month has crossed: one more.
            models::WatchRule r = *c.rule(id);
            r.usage.thresholdsPercent = {80, 100, 120};
            c.updateRule(r);
            QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 4, 120000);
            settle(c, rounds, 1);
            QCOMPARE(got.keys.size(), 2);
            QVERIFY2(got.keys.last().startsWith(QLatin1String("budget/total/2026-03/120%@")),
                     qPrintable(got.keys.last()));
            // One the month has not crossed: nothing.
            r.usage.thresholdsPercent = {80, 100, 120, 200};
            c.updateRule(r);
            settle(c, rounds, 2);
            QCOMPARE(got.keys.size(), 2);
            // A lower budget is a new threshold: one more (the month is now at 250 %).
            budget.monthly = mtd * 0.4;
            models::pricing::setBudget(m_root, budget);
            settle(c, rounds, 2);
            QCOMPARE(got.keys.size(), 3);
            QVERIFY2(got.keys.last().startsWith(QLatin1String("budget/total/2026-03/200%@")),
                     qPrintable(got.keys.last()));
        }
        models::pricing::setBudget(m_root, {});
    }

    void anomalyOncePerAnomaly()
    {
        models::pricing::setBudget(m_root, {});
        spike("workers_standard_requests", "2026-03-18", 40);
        QTemporaryDir dir;
        Recorder got;
        {
            models::WatchController c(m_session);
            prepare(c, dir.path(), got, 1000);
            QSignalSpy rounds(&c, &models::WatchController::ruleError);
            c.addRule(usageRule(false, true));
            QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 1, 120000);
            settle(c, rounds, 2);
            QVERIFY2(got.keys.contains(QStringLiteral("anomaly/Workers/2026-03-18/up")),
                     qPrintable(got.keys.join(QLatin1Char(' '))));
            QCOMPARE(QSet<QString>(got.keys.begin(), got.keys.end()).size(), got.keys.size());
            QCOMPARE(c.matches()->rowCount(), got.keys.size());
        }
        const qsizetype first = got.keys.size();
        {
            models::WatchController c(m_session);
            prepare(c, dir.path(), got, 1000);
            QSignalSpy rounds(&c, &models::WatchController::ruleError);
            QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 1, 120000);
            settle(c, rounds, 1);
            QCOMPARE(got.keys.size(), first); // the same anomalies: not again
            // A new one arrives: exactly one more notification.
            spike("r2_class_a_operations", "2026-03-19", 60);
            settle(c, rounds, 2);
            QCOMPARE(got.keys.size(), first + 1);
            QCOMPARE(got.keys.last(), QStringLiteral("anomaly/R2/2026-03-19/up"));
        }
    }
};

QTEST_GUILESS_MAIN(TestUsageWatch)
#include "tst_usagewatch.moc"
