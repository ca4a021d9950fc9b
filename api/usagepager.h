#pragma once
// Usage over any range: split into consecutive ≤30-day windows, fetched in
// order, one pageReady per window (no gap, no overlap at the edges). Each
// request reaches one day past its window and is trimmed back (UsageApi), so
// an inclusive and an exclusive `to` give the same records.

#include "api/pager.h"
#include "api/records.h"

#include <QDate>
#include <QList>
#include <QPair>

namespace api {

class UsagePager : public Pager
{
    Q_OBJECT
public:
    UsagePager(Client *client, const QString &organizationId, const QDate &from, const QDate &to,
               QObject *parent = nullptr);

    int windowCount() const { return int(m_windows.size()); }
    // Only this billable metric id (UsageApi's `metric`); set before start().
    void setMetric(const QString &metric) { m_metric = metric; }

Q_SIGNALS:
    void pageReady(const QList<api::UsageRecord> &records);

protected:
    ApiError validate() const override;
    Job *createPageJob(const QString &token) override;
    Scan scanPage(Job *job, const QByteArray &body) const override;
    qint64 deliverPage(Job *job, QString *nextToken) override;
    bool emptyPagesEndless() const override { return false; } // a window with no usage is normal

private:
    QString m_organizationId;
    QList<QPair<QDate, QDate>> m_windows;
    QString m_metric;
};

} // namespace api
