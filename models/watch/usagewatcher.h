#pragma once
// A usage watch rule's reader: at each poll it fetches the organization's
// usage of the current month again (and, once, the months before it that
// the forecast, the allowances and the anomaly history need), through the
// client every page shares, then, on a worker, prices it with the
// organization's rate card, checks its budgets and scans the month for cost
// anomalies. What is true now comes out as UsageWatchEvents; which of them
// are new (never notified, also across restarts) is newUsageEvents()'s call
// against the rule's seen keys.

#include "models/cost/costoutlook.h"
#include "models/usage/usageanomalydetector.h"
#include "models/usage/usagecube.h"
#include "models/watch/watchrule.h"

#include "api/apierror.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

template <typename T> class QFutureWatcher;

namespace api {
class Client;
class Job;
} // namespace api

namespace models {

struct UsageWatchEvent
{
    enum class Kind { BudgetThreshold, BudgetForecast, Anomaly };
    Kind kind = Kind::BudgetThreshold;
    // Identity, never notified twice: "budget/<scope>/<yyyy-MM>/<percent>%@<budget>",
    // "budget/<scope>/<yyyy-MM>/forecast@<budget>", "anomaly/<group>/<yyyy-MM-dd>/<up|down>".
    QString key;
    // Events of one budget and month share it; only the most severe new one is notified.
    QString budgetKey;
    double severity = 0; // within one budgetKey
    QString group;       // product family; empty: the whole organization
    qint64 timeMs = 0;   // the day it is about (UTC midnight)
    QString title;
    QString summary;
};

// Every event true for this outlook and these anomalies (anomalies of days
// before `monthFirst` are left out).
QList<UsageWatchEvent> usageWatchEvents(const CostOutlook &outlook, const Budget &budget,
                                        const QList<UsageAnomaly> &anomalies,
                                        const UsageWatchSettings &settings, qint32 monthFirst);
// The events to notify: those whose key is not in `seen`; of one budget and
// month only the most severe of them. Every given key is added to `seen`
// (keys of months before the previous one are dropped from it).
QList<UsageWatchEvent> newUsageEvents(const QList<UsageWatchEvent> &events, QStringList &seen);

class UsageWatcher : public QObject
{
    Q_OBJECT
public:
    UsageWatcher(api::Client *client, const QString &organizationId, const UsageWatchSettings &settings,
                 QObject *parent = nullptr);
    ~UsageWatcher() override;

    void setClient(api::Client *client);
    QString organizationId() const { return m_orgId; }
    // The clock for "today" (tests); default QDateTime::currentMSecsSinceEpoch.
    void setClock(qint64 (*clock)()) { m_clock = clock; }
    bool isPolling() const { return m_busy; }
    // The month as the last evaluation saw it (invalid before one).
    const CostOutlook &outlook() const { return m_outlook; }

public Q_SLOTS:
    // Fetches the current month again and evaluates; ignored while one runs.
    void poll();
    void cancel();

Q_SIGNALS:
    // Everything true now (not only what is new).
    void evaluated(const QList<models::UsageWatchEvent> &events);
    void pollFinished(bool ok, const api::ApiError &error);

private:
    void startNext();
    void onJobFinished(api::Job *job);
    void evaluate();
    void finish(bool ok, const api::ApiError &error);

    QPointer<api::Client> m_client;
    QString m_orgId;
    UsageWatchSettings m_settings;
    qint64 (*m_clock)() = nullptr;
    UsageCube m_cube;
    QList<UsageDayRange> m_queue;
    QPointer<api::Job> m_job;
    UsageDayRange m_window;
    qint32 m_monthFirst = 0;
    struct Evaluation
    {
        CostOutlook outlook;
        QList<UsageWatchEvent> events;
    };
    CostOutlook m_outlook;
    QFutureWatcher<Evaluation> *m_worker;
    bool m_busy = false;
};

} // namespace models
