#pragma once
// The work behind the Watch page: the watch rules of the current connection
// profile, one AuditWatcher each, polled at the rule's interval only while
// the session is connected, through the session's client (so through the
// request budget every page shares). New matches land in the matches model
// and become notifications, one per match or, in a burst, one summary
// (WatchBurstLimiter). Rules, their positions and the matches persist in
// one JSON file per profile, so a restart neither notifies old matches again
// nor misses new ones. No widgets: the page and the desktop notifier bind to it.

#include "models/watch/usagewatcher.h"
#include "models/watch/watchburstlimiter.h"
#include "models/watch/watchmatchesmodel.h"
#include "models/watch/watchrule.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <memory>

class QTimer;

namespace models {

class AuditWatcher;
class Session;

class WatchController : public QObject
{
    Q_OBJECT
public:
    explicit WatchController(Session *session, QObject *parent = nullptr);
    ~WatchController() override;

    // Where the watch files live (default <AppDataLocation>/watch); reloads.
    void setStorageDirectory(const QString &directory);
    QString storageFile() const;
    // The clock of the burst rule (tests); default the system clock.
    void setClock(qint64 (*clock)()) { m_clock = clock; }

    QList<WatchRule> rules() const { return m_rules; }
    std::optional<WatchRule> rule(const QString &id) const;
    WatchMatchesModel *matches() const { return m_matches; }
    WatchBurstLimiter &burstLimiter() { return m_burst; }
    // Polling now: connected, and at least one rule is on.
    bool isPolling() const;
    // Key of a notification about one match: "<rule id>/<entry id>"; a summary's is "summary".
    static QString notificationKey(const QString &ruleId, const QString &entryId);

public Q_SLOTS:
    // The new rule's id. Its first poll takes the position: only entries
    // logged after it count.
    QString addRule(models::WatchRule rule);
    // Name, interval and the on switch change in place; another organization
    // or query starts the rule afresh.
    void updateRule(const models::WatchRule &rule);
    void removeRule(const QString &id);
    void setRuleEnabled(const QString &id, bool enabled);
    // Every active rule polls now.
    void pollNow();
    // Marks the match read and asks for its entry in the Audit log (a usage
    // rule's event: for the Usage page).
    void openMatch(int row);
    // A notification was clicked: its match opens, a summary shows the list.
    void activateNotification(const QString &key);
    void markAllRead();

Q_SIGNALS:
    void rulesChanged();
    void pollingChanged(bool polling);
    void notificationRequested(const QString &key, const QString &title, const QString &body);
    void openEntryRequested(const QString &organizationId, const QString &organizationName,
                            const QString &entryId, qint64 timeMs);
    void showMatchesRequested();
    // A usage rule's match was opened: the Usage page of that organization, at
    // the product family (empty: the whole organization).
    void openUsageRequested(const QString &organizationId, const QString &organizationName,
                            const QString &group);
    // A rule's poll failed (it is tried again at its interval); empty message: it recovered.
    void ruleError(const QString &ruleId, const QString &message);

private:
    struct Slot
    {
        AuditWatcher *watcher = nullptr;
        UsageWatcher *usage = nullptr; // a usage rule's, instead of watcher
        QTimer *timer = nullptr;
    };
    void load();
    void save();
    void updateActivity();
    void startSlot(const WatchRule &rule);
    void startUsageSlot(const WatchRule &rule);
    // What both kinds of rule share: the slot's timer (the watcher polls at
    // once, then the rule's interval after each round) and its registration.
    template <typename Watcher> void addSlot(const WatchRule &rule, Slot slot, Watcher *watcher);
    // A round of a rule's watcher ended: ruleError (empty when it went well or
    // was canceled), and the next round is timed.
    void onRoundFinished(const QString &ruleId, bool ok, const api::ApiError &error);
    void onUsageEvaluated(const QString &ruleId, const QList<models::UsageWatchEvent> &events);
    void stopSlot(const QString &id);
    void onMatched(const QString &ruleId, const QList<models::AuditWatchMatch> &found);
    void notify(const QList<WatchMatch> &batch);
    void flushHeld();
    WatchRule *findRule(const QString &id);
    qint64 now() const;

    QPointer<Session> m_session;
    QString m_directory;
    QString m_profile; // whose file is loaded
    QList<WatchRule> m_rules;
    QHash<QString, Slot> m_slots;
    WatchMatchesModel *m_matches;
    WatchBurstLimiter m_burst;
    QTimer *m_flushTimer;
    qint64 (*m_clock)() = nullptr;
    bool m_polling = false;
};

} // namespace models
