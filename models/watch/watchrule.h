#pragma once
// A watch rule: a name, the organization and audit query it watches, how
// often, whether it is on, and where it stands (the last entry seen), so a
// restart resumes without notifying old matches again or missing new ones.

#include "models/watch/auditwatcher.h"
#include "models/watch/auditwatchquery.h"

#include <QJsonObject>
#include <QString>

namespace models {

struct WatchRule
{
    QString id; // stable, chosen at creation
    QString name;
    QString organizationId;
    QString organizationName;
    AuditWatchQuery query;
    int intervalSeconds = 60;
    bool enabled = true;
    AuditWatchPosition position;

    static constexpr int kMinIntervalSeconds = 5;
    QJsonObject toJson() const;
    static WatchRule fromJson(const QJsonObject &object);
};

// One notified entry as the Watch page lists it.
struct WatchMatch
{
    QString ruleId;
    QString ruleName;
    QString organizationId;
    QString organizationName;
    QString entryId;
    qint64 timeMs = 0;
    QString summary;
    bool unread = true;

    QJsonObject toJson() const;
    static WatchMatch fromJson(const QJsonObject &object);
};

} // namespace models
