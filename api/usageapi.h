#pragma once
// Organization billable usage, FOCUS records (REFERENCE §4.14). The API caps a
// request at 31 days; UsagePager splits longer ranges.

#include "api/records.h"
#include "api/typedjob.h"
#include "api/usagecolumns.h"

#include <QDate>
#include <QList>
#include <QPair>

namespace api {

class Client;

class UsageApi
{
public:
    static constexpr int MaxDaysPerRequest = 31;
    // Whether the server's `to` is inclusive is unconfirmed (REFERENCE §9
    // item 11): a window of up to 30 days is asked for with one day more
    // and the answer trimmed to the window, so it is the same either way.
    static constexpr int MaxDaysPerWindow = MaxDaysPerRequest - 1;

    // `metric` (a billable metric id, the seed documents' `metric` parameter)
    // narrows every call; empty asks for all metrics.
    explicit UsageApi(Client *client, const QString &metric = {}) : m_client(client), m_metric(metric) {}

    // from/to inclusive UTC days, at most 31 days apart. Up to 30 days the
    // request runs to `to` + 1 and rows outside [from, to] (by
    // ChargePeriodStart) or of another metric are dropped.
    TypedJob<QList<UsageRecord>> *get(const QString &organizationId, const QDate &from, const QDate &to,
                                      QObject *parent = nullptr) const;
    // The same answer decoded column by column (what the usage cube takes).
    TypedJob<UsageColumns> *getColumns(const QString &organizationId, const QDate &from, const QDate &to,
                                       QObject *parent = nullptr) const;

    // Consecutive inclusive windows covering [from, to]: no gap, no overlap.
    static QList<QPair<QDate, QDate>> windows(const QDate &from, const QDate &to,
                                              int maxDays = MaxDaysPerWindow);

private:
    Client *m_client;
    QString m_metric;
};

} // namespace api
