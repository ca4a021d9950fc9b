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

    explicit UsageApi(Client *client) : m_client(client) {}

    // from/to inclusive UTC days, at most 31 days apart.
    TypedJob<QList<UsageRecord>> *get(const QString &organizationId, const QDate &from, const QDate &to,
                                      QObject *parent = nullptr) const;
    // The same answer decoded column by column (what the usage cube takes).
    TypedJob<UsageColumns> *getColumns(const QString &organizationId, const QDate &from, const QDate &to,
                                       QObject *parent = nullptr) const;

    // Consecutive inclusive windows covering [from, to]: no gap, no overlap.
    static QList<QPair<QDate, QDate>> windows(const QDate &from, const QDate &to,
                                              int maxDays = MaxDaysPerRequest);

private:
    Client *m_client;
};

} // namespace api
