#pragma once
// A watch rule: a name, the organization and audit query it watches, how
// often, whether it is on, and where it stands (the last entry seen), so a
// restart resumes without notifying old matches again or missing new ones.

#include "models/watch/auditwatcher.h"
#include "models/watch/auditwatchquery.h"

#include <QJsonObject>
#include <QString>

namespace models {

// What a usage rule watches in the current month of its organization: the
// month to date against each budget (the organization's and its product
// families', as the Budget dialog keeps them) at these percentages, the
// month-end forecast crossing a budget, and cost anomalies.
struct UsageWatchSettings
{
    bool budgets = true;
    QList<int> thresholdsPercent{80, 100};
    bool forecast = true;
    bool anomalies = true;

    QJsonObject toJson() const;
    static UsageWatchSettings fromJson(const QJsonObject &object);
    friend bool operator==(const UsageWatchSettings &, const UsageWatchSettings &) = default;
};

struct WatchRule
{
    // Audit: new audit entries matching `query`. Usage: budget warnings and
    // usage anomalies of the current month (`usage`); files written before
    // usage rules have no kind and read as Audit.
    enum class Kind { Audit, Usage };

    QString id; // stable, chosen at creation
    QString name;
    QString organizationId;
    QString organizationName;
    AuditWatchQuery query;
    int intervalSeconds = 60;
    bool enabled = true;
    AuditWatchPosition position;
    Kind kind = Kind::Audit;
    UsageWatchSettings usage;
    // Usage rules: the events already notified (UsageWatchEvent::key), so a
    // restart does not notify them again.
    QStringList seenEvents;

    static constexpr int kMinIntervalSeconds = 5;
    static constexpr int kDefaultUsageIntervalSeconds = 3600;
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
    // A usage rule's event (entryId is then its key): "show" opens the Usage
    // page at `usageGroup` (a product family, empty for the whole organization).
    bool usage = false;
    QString usageGroup;

    QJsonObject toJson() const;
    static WatchMatch fromJson(const QJsonObject &object);
};

} // namespace models
