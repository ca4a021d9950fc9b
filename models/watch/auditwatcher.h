#pragma once
// Incremental polling of one organization's audit log for new entries that
// match an AuditWatchQuery; the GUI's watch rules and `orgscope watch` both
// poll through it.
//
// Each poll asks for [newest seen − overlap, now + slack) oldest first and
// leaves out, by entry id, what it has seen in that overlap: entries sharing
// a timestamp are neither repeated nor skipped, and an entry that becomes
// visible a little after its own time is still found. The very first poll
// only takes the position (nothing it finds is new); the position travels
// to a file or the settings and back, so a restart goes on where it stopped:
// entries that arrived meanwhile come with the next poll.

#include "models/watch/auditwatchquery.h"

#include "api/apierror.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <limits>

namespace api {
struct AuditColumns;
class AuditPager;
class Client;
} // namespace api

namespace models {

// Where a watch stands: the newest entry time seen and the ids seen in the
// overlap before it (id → time).
struct AuditWatchPosition
{
    static constexpr qint64 kUnset = std::numeric_limits<qint64>::min();
    qint64 newestMs = kUnset;
    QHash<QString, qint64> seen;

    bool isSet() const { return newestMs != kUnset; }
    QJsonObject toJson() const;
    static AuditWatchPosition fromJson(const QJsonObject &object);
    friend bool operator==(const AuditWatchPosition &, const AuditWatchPosition &) = default;
};

// One new matching entry.
struct AuditWatchMatch
{
    QString id;
    qint64 timeMs = 0;
    QByteArray json; // the entry as received, on one line
    QString description;
    QString actor; // e-mail, else actor id
    QString result;
    int status = -1;
    // "Delete organization member · alice@example.com · failure 403"
    QString summary() const;
};

class AuditWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kDefaultOverlapMs = 5 * 60 * 1000;
    static constexpr qint64 kBeforeSlackMs = 60 * 1000;

    AuditWatcher(api::Client *client, const QString &organizationId, const AuditWatchQuery &query,
                 QObject *parent = nullptr);
    ~AuditWatcher() override;

    void setClient(api::Client *client);
    QString organizationId() const { return m_orgId; }
    AuditWatchQuery query() const { return m_query; }
    AuditWatchPosition position() const { return m_position; }
    void setPosition(const AuditWatchPosition &position) { m_position = position; }
    void setOverlapMs(qint64 ms) { m_overlapMs = ms; }
    void setPageSize(int entries) { m_pageSize = entries; }
    // The clock for "now" (tests); default QDateTime::currentMSecsSinceEpoch.
    void setClock(qint64 (*clock)()) { m_clock = clock; }

    bool isPolling() const { return m_pager != nullptr; }

public Q_SLOTS:
    // One incremental poll; ignored while one runs. pollFinished follows.
    void poll();
    // Stops the running poll; what was delivered stays in the position.
    void cancel();

Q_SIGNALS:
    // New matches of one page, oldest first; position() already holds them.
    void matched(const QList<models::AuditWatchMatch> &matches);
    // After every page (matches or not): a moment to save position().
    void positionChanged();
    // ok false: error says why (the position keeps what was delivered).
    // baseline: this poll took the first position and reported nothing.
    void pollFinished(bool ok, const api::ApiError &error, bool baseline);

private:
    void onPage(const api::AuditColumns &page);
    void onFinished();

    QPointer<api::Client> m_client;
    QString m_orgId;
    AuditWatchQuery m_query;
    AuditWatchPosition m_position;
    qint64 m_overlapMs = kDefaultOverlapMs;
    int m_pageSize = 1000;
    qint64 (*m_clock)() = nullptr;
    api::AuditPager *m_pager = nullptr;
    bool m_baseline = false;
    qint64 m_pollStartMs = 0;
};

} // namespace models

Q_DECLARE_METATYPE(models::AuditWatchMatch)
