// rollup_usage_ms_50x31d: a roll-up of 50 organizations (orgscope-sim
// --sub-orgs 50: "Unit 01" and the 49 units under it) over 31 days of usage,
// from the first request to the merged, de-duplicated, grouped view, as the
// Usage page runs it (UsageRollupController, then UsageController): requests
// through one client and its rate budget, answers decoded on workers; on a
// worker the merge, the showback table (cost per organization per month,
// rate-card estimate), the usage cube with the Organization dimension, its
// rate-card estimate and the aggregate grouped by organization per month.
// Each run first lets go of the previous run's records, as Refresh does: by
// default they are freed on a worker (the page's way); --free-on-gui frees
// them on the event loop (the page before, which stalled it). A 5 ms timer
// probes the event loop. Prints one JSON line with the wall time, the
// requests sent, the longest stall (a tick's lateness) and the most CPU time
// the event loop's thread spent between two ticks (rollup_gui_busy_ms_max:
// the stall without the waiting a loaded machine adds). --trace-events prints to stderr every
// event the event loop spent more than 20 ms (--trace-ms) on (receiver, event type, wall
// and thread CPU time), and every probe gap over 20 ms: which handler stalls
// it, or whether the thread was waiting outside any handler.
//
// Usage is fetched and merged as columns (api::UsageColumns, the Usage page's
// way); --records takes the record path (the export's). The client paces
// requests (a burst, then the credential's rate), so by default each run
// after the first waits until the budget has refilled; --back-to-back does
// not (runs after the first then mostly measure the pacing).
//
//   bench_rollup --sim PATH [--usage-scope subtree|own] [--runs N] [--free-on-gui] [--trace-events
//   [--trace-ms MS]]
//                [--records] [--back-to-back]
//   bench_rollup --base-url URL [--org ID]

#include "api/allocatorpolicy.h"
#include "api/client.h"
#include "api/organizationsapi.h"
#include "api/ratebudget.h"
#include "api/usagecolumns.h"
#include "app/endwithparent.h"
#include "models/cost/costestimator.h"
#include "models/cost/ratecard.h"
#include "models/rollup/orgtreerollup.h"
#include "models/rollup/showback.h"
#include "models/usage/usageaggregator.h"
#include "models/usage/usagecube.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>

namespace {

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// Times every event delivered on the GUI thread (--trace-events).
class TracingApplication : public QCoreApplication
{
public:
    using QCoreApplication::QCoreApplication;
    bool tracing = false;
    qint64 thresholdNs = 20'000'000;
    QElapsedTimer clock;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!tracing || QThread::currentThread() != thread())
            return QCoreApplication::notify(receiver, event);
        const qint64 wall0 = clock.nsecsElapsed();
        const qint64 cpu0 = threadCpuNs();
        const int type = int(event->type());
        const QByteArray cls = receiver->metaObject()->className();
        const QString name = receiver->objectName();
        const bool result = QCoreApplication::notify(receiver, event);
        const qint64 wall = clock.nsecsElapsed() - wall0;
        if (wall > thresholdNs) {
            std::fprintf(stderr, "event %.1f ms (cpu %.1f ms) at %.0f ms: %s %s type %d\n",
                         double(wall) / 1e6, double(threadCpuNs() - cpu0) / 1e6, double(wall0) / 1e6,
                         cls.constData(), qPrintable(name), type);
        }
        return result;
    }
};

class StallProbe : public QObject
{
public:
    explicit StallProbe(QObject *parent, const TracingApplication *trace) : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this, trace] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            if (m_last > 0) {
                m_maxGapNs = std::max(m_maxGapNs, now - m_last);
                m_maxGapCpuNs = std::max(m_maxGapCpuNs, cpu - m_lastCpu);
                if (trace && trace->tracing && now - m_last > trace->thresholdNs)
                    std::fprintf(
                        stderr, "gap %.1f ms (gui thread cpu %.1f ms) ending at %.0f ms of the run\n",
                        double(now - m_last) / 1e6, double(cpu - m_lastCpu) / 1e6, double(now) / 1e6);
            }
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    void start()
    {
        m_last = 0;
        m_maxGapNs = 0;
        m_maxGapCpuNs = 0;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double maxStallMs() const { return std::max<qint64>(0, m_maxGapNs - 5'000'000) / 1e6; }
    // The most CPU time the event loop's thread spent between two ticks: the
    // work done on it, whatever the machine's load adds in waiting.
    double maxBusyMs() const { return double(m_maxGapCpuNs) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    qint64 m_maxGapNs = 0;
    qint64 m_maxGapCpuNs = 0;
};

QString findUnit(api::Client &client, const QString &suffix)
{
    auto *job = api::OrganizationsApi(&client).list({}, 1000);
    job->setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(job, &api::Job::finished, &loop, &QEventLoop::quit);
    job->start();
    if (!job->isFinished())
        loop.exec();
    QString id;
    for (const api::Organization &o : job->result().items) {
        if (o.name.endsWith(suffix))
            id = o.id;
    }
    delete job;
    return id;
}

} // namespace

int main(int argc, char **argv)
{
    api::keepFreedMemoryInProcess(); // as the console does
    TracingApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("orgscope.*.debug=false\norgscope.*.info=false"));
    QCommandLineParser p;
    const QCommandLineOption simOpt(QStringLiteral("sim"), QStringLiteral("orgscope-sim to start."),
                                    QStringLiteral("PATH"));
    const QCommandLineOption urlOpt(QStringLiteral("base-url"), QStringLiteral("A running server."),
                                    QStringLiteral("URL"));
    const QCommandLineOption orgOpt(QStringLiteral("org"), QStringLiteral("Root of the roll-up."),
                                    QStringLiteral("ID"));
    const QCommandLineOption scopeOpt(QStringLiteral("usage-scope"),
                                      QStringLiteral("Simulator --usage-scope (default subtree)."),
                                      QStringLiteral("SCOPE"), QStringLiteral("subtree"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Runs (median reported)."),
                                     QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption tokenOpt(QStringLiteral("token"), QStringLiteral("API token."),
                                      QStringLiteral("T"), QStringLiteral("orgscope-demo-token"));
    const QCommandLineOption guiFreeOpt(QStringLiteral("free-on-gui"),
                                        QStringLiteral("Free the previous run's records on the event loop."));
    const QCommandLineOption traceOpt(QStringLiteral("trace-events"),
                                      QStringLiteral("Print events and probe gaps over 20 ms to stderr."));
    const QCommandLineOption traceMsOpt(QStringLiteral("trace-ms"),
                                        QStringLiteral("--trace-events threshold (default 20 ms)."),
                                        QStringLiteral("MS"), QStringLiteral("20"));
    const QCommandLineOption recordsOpt(
        QStringLiteral("records"),
        QStringLiteral("Fetch and merge usage as records (the export's path) instead of columns."));
    const QCommandLineOption backToBackOpt(
        QStringLiteral("back-to-back"),
        QStringLiteral("Start each run at once, on what the client's rate budget has left (by default "
                       "each run after the first waits until the budget has refilled)."));
    p.addOptions({simOpt, urlOpt, orgOpt, scopeOpt, runsOpt, tokenOpt, guiFreeOpt, traceOpt, traceMsOpt,
                  recordsOpt, backToBackOpt});
    p.addHelpOption();
    p.process(app);
    app.thresholdNs = qint64(p.value(traceMsOpt).toDouble() * 1e6);

    QProcess sim;
    QString baseUrl = p.value(urlOpt);
    if (p.isSet(simOpt)) {
        sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app::endWithParent(sim, app::ParentDeath::Kill); // not left serving if the benchmark crashes
        sim.start(p.value(simOpt),
                  {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--sub-orgs"),
                   QStringLiteral("50"), QStringLiteral("--audit-events"), QStringLiteral("2000"),
                   QStringLiteral("--usage-days"), QStringLiteral("62"), QStringLiteral("--usage-scope"),
                   p.value(scopeOpt), QStringLiteral("--now"), QStringLiteral("2026-11-23T12:00:00Z")});
        if (!sim.waitForStarted() || !sim.waitForReadyRead(60000)) {
            std::fputs("bench_rollup: the simulator did not start\n", stderr);
            return 1;
        }
        const QString line = QString::fromUtf8(sim.readLine());
        const auto m = QRegularExpression(QStringLiteral("(http://\\S+)")).match(line);
        baseUrl = m.captured(1);
    }
    if (baseUrl.isEmpty()) {
        std::fputs("bench_rollup: give --sim PATH or --base-url URL\n", stderr);
        return 2;
    }
    api::Client client;
    client.setBaseUrl(QUrl(baseUrl));
    client.setCredentials({p.value(tokenOpt), {}, {}});
    const QString root = p.isSet(orgOpt) ? p.value(orgOpt) : findUnit(client, QStringLiteral(" Unit 01"));
    if (root.isEmpty()) {
        std::fputs("bench_rollup: no organization \"… Unit 01\" (start the simulator with --sub-orgs 50)\n",
                   stderr);
        return 1;
    }
    const models::RateCard card = models::RateCard::bundled();
    const QDate from(2026, 10, 1), to(2026, 10, 31);

    const models::UsageDayRange range = models::UsageDayRange::fromDates(from, to);
    const bool freeOnGui = p.isSet(guiFreeOpt);
    const bool recordsPath = p.isSet(recordsOpt);
    const bool backToBack = p.isSet(backToBackOpt);

    struct View
    {
        models::UsageRollup merged;
        models::UsageRollupColumns mergedColumns;
        qsizetype duplicates = 0;
        models::Showback showback;
        models::UsageCube cube;
        models::UsageAggregate aggregate;
    };
    QList<double> wall;
    double stall = 0, busy = 0;
    int requests = 0;
    qsizetype organizations = 0, records = 0, duplicates = 0, showbackRows = 0, groups = 0;
    const int runs = std::max(1, p.value(runsOpt).toInt());
    std::unique_ptr<models::OrgTreeRollup> previous;
    for (int run = 0; run < runs; ++run) {
        if (run > 0 && !backToBack) {
            // The client paces requests (RateBudget: a burst, then the
            // credential's rate): a run right after another would measure
            // that pacing, not the roll-up. Wait until the burst is back.
            const api::RateBudget *budget = client.rateBudget();
            const qint64 restMs = budget && budget->isEnabled() && budget->ratePerSecond() > 0
                                      ? qint64(std::ceil(budget->burst() * 1000.0 / budget->ratePerSecond()))
                                      : 0;
            QEventLoop rest;
            QTimer::singleShot(std::min<qint64>(restMs, 120000), &rest, &QEventLoop::quit);
            rest.exec();
        }
        StallProbe probe(&app, p.isSet(traceOpt) ? &app : nullptr);
        app.tracing = p.isSet(traceOpt);
        app.clock.start();
        if (app.tracing)
            std::fprintf(stderr, "run %d\n", run + 1);
        QEventLoop loop;
        QFutureWatcher<View> watcher;
        QElapsedTimer timer;
        probe.start();
        timer.start();
        // Refresh: the previous run's records go first.
        if (previous) {
            if (!freeOnGui) {
                QList<QList<api::UsageColumns>> answers;
                for (qsizetype i = 0; i < previous->organizations().size(); ++i)
                    answers.append(previous->takeUsageColumns(i));
                QThreadPool::globalInstance()->start([a = std::move(answers)] {});
            }
            previous.reset();
        }
        auto rollup = std::make_unique<models::OrgTreeRollup>(&client);
        rollup->setKind(models::OrgTreeRollup::Kind::Usage);
        rollup->setUsageColumns(!recordsPath);
        rollup->setUsageRange(from, to);
        QObject::connect(rollup.get(), &models::OrgTreeRollup::finished, &loop, [&] {
            if (app.tracing)
                std::fprintf(stderr, "fetched at %.0f ms\n", double(timer.nsecsElapsed()) / 1e6);
            // Merge, cube and grouping off the event loop, as the page does.
            const QList<models::OrgNode> nodes = rollup->organizations();
            QList<QList<api::UsageRecord>> answers;
            QList<QList<api::UsageColumns>> columns;
            for (qsizetype i = 0; i < nodes.size(); ++i) {
                if (recordsPath)
                    answers.append(rollup->usage(i));
                else
                    columns.append(rollup->usageColumns(i));
            }
            watcher.setFuture(QtConcurrent::run([nodes, answers, columns, &card, range, recordsPath] {
                View v;
                if (recordsPath) {
                    v.merged = models::mergeUsage(nodes, answers);
                    v.duplicates = v.merged.duplicatesRemoved;
                    v.showback = models::computeShowback(nodes, v.merged, card);
                    v.cube = models::rollupCube(nodes, v.merged, range);
                } else {
                    v.mergedColumns = models::mergeUsage(nodes, columns);
                    v.duplicates = v.mergedColumns.duplicatesRemoved;
                    v.showback = models::computeShowback(nodes, v.mergedColumns, card);
                    v.cube = models::rollupCube(nodes, v.mergedColumns, range);
                }
                models::UsageQuery q;
                q.measure = models::UsageMeasure::EstimatedCost;
                q.estimate = std::make_shared<const models::CostEstimate>(models::estimateCost(v.cube, card));
                q.range = range;
                q.granularity = models::UsageGranularity::Month;
                q.groupBy = {models::UsageDimension::Organization};
                v.aggregate = models::UsageAggregator::aggregate(v.cube, q);
                return v;
            }));
        });
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        rollup->start(root);
        loop.exec();
        wall.append(double(timer.nsecsElapsed()) / 1e6);
        if (app.tracing)
            std::fprintf(stderr, "view at %.0f ms (stall %.1f ms, busy %.1f ms)\n", wall.last(),
                         probe.maxStallMs(), probe.maxBusyMs());
        // The view as the page keeps it (cube and aggregate, shared); the
        // merged record list goes on a worker like the page's.
        View result = watcher.future().takeResult();
        duplicates = result.duplicates;
        QThreadPool::globalInstance()->start(
            [m = std::move(result.merged), c = std::move(result.mergedColumns)] {});
        probe.stop();
        app.tracing = false;
        if (!rollup->isComplete()) {
            std::fputs("bench_rollup: the roll-up did not complete\n", stderr);
            return 1;
        }
        stall = std::max(stall, probe.maxStallMs());
        busy = std::max(busy, probe.maxBusyMs());
        requests = rollup->requestCount();
        organizations = rollup->organizations().size();
        records = result.cube.rowCount();
        showbackRows = result.showback.rows.size();
        groups = result.aggregate.groupCount();
        previous = std::move(rollup);
    }
    QThreadPool::globalInstance()->waitForDone();
    std::sort(wall.begin(), wall.end());
    QJsonObject out;
    out.insert(QStringLiteral("rollup_usage_ms_50x31d"), wall.at(wall.size() / 2));
    out.insert(QStringLiteral("rollup_usage_ms_min"), wall.first());
    out.insert(QStringLiteral("rollup_usage_ms_max"), wall.last());
    out.insert(QStringLiteral("rollup_usage_requests_50x31d"), requests);
    out.insert(QStringLiteral("rollup_gui_stall_ms_max"), stall);
    out.insert(QStringLiteral("rollup_gui_busy_ms_max"), busy);
    out.insert(QStringLiteral("organizations"), organizations);
    out.insert(QStringLiteral("records"), qint64(records));
    out.insert(QStringLiteral("duplicates_removed"), qint64(duplicates));
    out.insert(QStringLiteral("showback_rows"), qint64(showbackRows));
    out.insert(QStringLiteral("organization_groups"), qint64(groups));
    out.insert(QStringLiteral("free_on_gui"), freeOnGui);
    out.insert(QStringLiteral("usage_scope"), p.value(scopeOpt));
    out.insert(QStringLiteral("usage_path"),
               recordsPath ? QStringLiteral("records") : QStringLiteral("columns"));
    out.insert(QStringLiteral("back_to_back"), backToBack);
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Compact) << '\n';
    if (sim.state() != QProcess::NotRunning) {
        sim.terminate();
        sim.waitForFinished(5000);
    }
    return 0;
}
