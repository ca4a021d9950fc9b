#include "models/watch/usagewatcher.h"

#include "models/cost/costestimator.h"
#include "models/cost/pricingsettings.h"
#include "models/usage/usagetypes.h"

#include "api/client.h"
#include "api/job.h"
#include "api/usageapi.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace models {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("models::UsageWatcher", text, nullptr, n);
}

QString money(double amount, const QString &currency)
{
    const QString figure = QLocale().toString(amount, 'f', 2);
    return currency.isEmpty() ? figure : figure + QLatin1Char(' ') + currency;
}

QString amountKey(double amount)
{
    return QString::number(amount, 'g', 12);
}

// The month a key is about ("…/yyyy-MM/…" or "…/yyyy-MM-dd/…"), empty when none.
QString monthOfKey(const QString &key)
{
    const QStringList parts = key.split(QLatin1Char('/'));
    for (const QString &p : parts)
        if (p.size() >= 7 && p.at(4) == QLatin1Char('-') && p.left(4).toInt() > 0)
            return p.left(7);
    return {};
}

void budgetEvents(QList<UsageWatchEvent> &out, const QString &scope, const QString &group, double budget,
                  double toDate, double forecast, const QString &currency, const UsageWatchSettings &s,
                  qint32 monthFirst, qint32 asOf)
{
    if (budget <= 0.0)
        return;
    const QString month = usageday::toDate(monthFirst).toString(QStringLiteral("yyyy-MM"));
    const QString base = QStringLiteral("budget/") + scope + QLatin1Char('/') + month;
    const QString who = group.isEmpty() ? tr("Monthly budget") : tr("Budget for %1").arg(group);
    const qint64 timeMs = qint64(asOf) * 86400000;
    const double percent = 100.0 * toDate / budget;
    for (int t : s.thresholdsPercent) {
        if (percent < double(t))
            continue;
        UsageWatchEvent e;
        e.kind = UsageWatchEvent::Kind::BudgetThreshold;
        e.key = base + QLatin1Char('/') + QString::number(t) + QStringLiteral("%@") + amountKey(budget);
        e.budgetKey = base;
        e.severity = t;
        e.group = group;
        e.timeMs = timeMs;
        e.title = t >= 100 ? tr("%1 exceeded").arg(who) : tr("%1 at %2 %").arg(who).arg(t);
        e.summary = tr("%1: %2 spent this month, %3 % of %4")
                        .arg(who, money(toDate, currency))
                        .arg(qRound(percent))
                        .arg(money(budget, currency));
        out.append(e);
    }
    if (s.forecast && forecast > budget) {
        UsageWatchEvent e;
        e.kind = UsageWatchEvent::Kind::BudgetForecast;
        e.key = base + QStringLiteral("/forecast@") + amountKey(budget);
        e.budgetKey = base;
        e.severity = 99.5; // above the warnings below 100 %, below an actual overrun
        e.group = group;
        e.timeMs = timeMs;
        e.title = tr("%1 forecast to be exceeded").arg(who);
        e.summary =
            tr("%1: month-end forecast %2 is above %3 (%4 spent so far)")
                .arg(who, money(forecast, currency), money(budget, currency), money(toDate, currency));
        out.append(e);
    }
}

} // namespace

QList<UsageWatchEvent> usageWatchEvents(const CostOutlook &outlook, const Budget &budget,
                                        const QList<UsageAnomaly> &anomalies,
                                        const UsageWatchSettings &settings, qint32 monthFirst)
{
    QList<UsageWatchEvent> out;
    if (settings.budgets && outlook.valid && outlook.forecast.monthFirst == monthFirst) {
        const qint32 asOf = outlook.forecast.lastActual;
        budgetEvents(out, QStringLiteral("total"), QString(), budget.monthly, outlook.forecast.monthToDate,
                     outlook.forecast.forecast, outlook.currency, settings, monthFirst, asOf);
        for (const BudgetStatus::Family &f : outlook.budget.families)
            if (f.budget)
                budgetEvents(out, QStringLiteral("family:") + f.name, f.name, *f.budget, f.monthToDate,
                             f.forecast, outlook.currency, settings, monthFirst, asOf);
    }
    if (settings.anomalies) {
        for (const UsageAnomaly &a : anomalies) {
            const qint32 day = usageday::fromDate(a.day);
            if (day < monthFirst)
                continue;
            const bool up = a.value > a.baseline;
            UsageWatchEvent e;
            e.kind = UsageWatchEvent::Kind::Anomaly;
            e.key = QStringLiteral("anomaly/") + a.groupLabel + QLatin1Char('/') +
                    a.day.toString(Qt::ISODate) + (up ? QStringLiteral("/up") : QStringLiteral("/down"));
            e.group = a.groupLabel;
            e.timeMs = qint64(day) * 86400000;
            e.title =
                up ? tr("Usage spike in %1").arg(a.groupLabel) : tr("Usage drop in %1").arg(a.groupLabel);
            e.summary = tr("%1 on %2: %3, usually %4")
                            .arg(a.groupLabel, QLocale().toString(a.day, QLocale::ShortFormat),
                                 money(a.value, outlook.currency), money(a.baseline, outlook.currency));
            out.append(e);
        }
    }
    return out;
}

QList<UsageWatchEvent> newUsageEvents(const QList<UsageWatchEvent> &events, QStringList &seen)
{
    QList<UsageWatchEvent> fresh;
    QHash<QString, int> mostSevere; // budgetKey → index into fresh
    for (const UsageWatchEvent &e : events) {
        if (seen.contains(e.key))
            continue;
        if (e.budgetKey.isEmpty()) {
            fresh.append(e);
            continue;
        }
        const auto it = mostSevere.constFind(e.budgetKey);
        if (it == mostSevere.constEnd()) {
            mostSevere.insert(e.budgetKey, int(fresh.size()));
            fresh.append(e);
        } else if (fresh.at(*it).severity < e.severity) {
            fresh[*it] = e;
        }
    }
    // Forget what is older than last month: those months cannot come back.
    QString newest;
    for (const UsageWatchEvent &e : events)
        newest = qMax(newest, monthOfKey(e.key));
    if (!newest.isEmpty()) {
        const QDate first = QDate::fromString(newest + QStringLiteral("-01"), Qt::ISODate).addMonths(-1);
        const QString keep = first.toString(QStringLiteral("yyyy-MM"));
        seen.removeIf([&keep](const QString &k) {
            const QString m = monthOfKey(k);
            return !m.isEmpty() && m < keep;
        });
    }
    for (const UsageWatchEvent &e : events)
        if (!seen.contains(e.key))
            seen.append(e.key);
    return fresh;
}

UsageWatcher::UsageWatcher(api::Client *client, const QString &organizationId,
                           const UsageWatchSettings &settings, QObject *parent)
    : QObject(parent), m_client(client), m_orgId(organizationId), m_settings(settings),
      m_worker(new QFutureWatcher<Evaluation>(this))
{
    connect(m_worker, &QFutureWatcher<Evaluation>::finished, this, [this] {
        if (!m_busy)
            return; // canceled meanwhile
        const Evaluation result = m_worker->future().result();
        m_outlook = result.outlook;
        Q_EMIT evaluated(result.events);
        finish(true, {});
    });
}

UsageWatcher::~UsageWatcher()
{
    cancel();
    m_worker->waitForFinished();
}

void UsageWatcher::setClient(api::Client *client)
{
    if (client == m_client)
        return;
    cancel();
    m_client = client;
}

void UsageWatcher::poll()
{
    if (m_busy || !m_client || m_orgId.isEmpty())
        return;
    const qint64 nowMs = m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
    const qint32 today = qint32(nowMs / 86400000);
    m_monthFirst = usageday::monthStart(today);
    // Five weeks before the month (the forecast's and the anomalies' history),
    // back to that month's first day (its allowances): fetched once.
    const UsageDayRange history{usageday::monthStart(m_monthFirst - 35), m_monthFirst - 1};
    m_queue = m_cube.missingWindows(history);
    // The current month, every time: its days are still being reported.
    m_queue += UsageCube().missingWindows({m_monthFirst, today});
    m_busy = true;
    startNext();
}

void UsageWatcher::cancel()
{
    m_queue.clear();
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->abort();
    }
    m_job = nullptr;
    m_busy = false;
}

void UsageWatcher::startNext()
{
    if (m_queue.isEmpty()) {
        evaluate();
        return;
    }
    if (!m_client) {
        finish(false, api::ApiError::canceled());
        return;
    }
    m_window = m_queue.takeFirst();
    api::UsageApi usage(m_client);
    auto *job = usage.getColumns(m_orgId, m_window.firstDate(), m_window.lastDate(), this);
    m_job = job;
    connect(job, &api::Job::finished, this, &UsageWatcher::onJobFinished);
    job->start();
}

void UsageWatcher::onJobFinished(api::Job *job)
{
    if (job != m_job)
        return;
    m_job = nullptr;
    if (job->error()) {
        m_queue.clear();
        finish(false, job->error());
        return;
    }
    m_cube.addWindow(m_window, static_cast<api::TypedJob<api::UsageColumns> *>(job)->result());
    startNext();
}

void UsageWatcher::evaluate()
{
    m_worker->setFuture(
        QtConcurrent::run([cube = m_cube, orgId = m_orgId, settings = m_settings, monthFirst = m_monthFirst,
                           card = pricing::cardFor(m_orgId), budget = pricing::budget(m_orgId)] {
            const auto estimate = std::make_shared<const CostEstimate>(estimateCost(cube, card));
            Evaluation result;
            result.outlook = computeCostOutlook(cube, {}, estimate, budget);
            const CostOutlook &outlook = result.outlook;
            QList<UsageAnomaly> anomalies;
            if (settings.anomalies && outlook.valid) {
                UsageQuery q;
                q.measure = outlook.measure;
                q.estimate = estimate;
                q.groupBy = {UsageDimension::ProductFamily};
                q.granularity = UsageGranularity::Day;
                q.range = {monthFirst, cube.dayExtent().last};
                if (!q.range.isEmpty())
                    anomalies = UsageAnomalyDetector().detect(cube, q);
            }
            result.events = usageWatchEvents(outlook, budget, anomalies, settings, monthFirst);
            return result;
        }));
}

void UsageWatcher::finish(bool ok, const api::ApiError &error)
{
    m_busy = false;
    Q_EMIT pollFinished(ok, error);
}

} // namespace models
