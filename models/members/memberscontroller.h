#pragma once
// The Members feature without widgets: loads the current organization's
// members page by page (server filter, generations), removes and invites
// in batches, checks invite lists against current members, exports what is
// shown, and keeps the error with its retry. The page binds its widgets to
// the models and state here and forwards the user's intents.

#include "api/listfilters.h"
#include "api/records.h"
#include "models/members/emaillistparser.h"
#include "models/session/errorinfo.h"
#include "models/session/progress.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QTimer;

namespace api {
class MembersPager;
}

namespace models {

class ActivityLog;
class ExistingMemberCheck;
class MemberBatchModel;
class MemberInviter;
class MemberRemover;
class MembersFilterProxy;
class MembersModel;
class Session;

class MembersController : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE("models/members/memberbatchmodel.h")
    Q_MOC_INCLUDE("models/members/membersfilterproxy.h")
    Q_MOC_INCLUDE("models/members/membersmodel.h")
    Q_PROPERTY(models::MembersModel *members READ members CONSTANT)
    Q_PROPERTY(models::MembersFilterProxy *shown READ shown CONSTANT)
    Q_PROPERTY(models::MemberBatchModel *invites READ invites CONSTANT)
    Q_PROPERTY(Activity activity READ activity NOTIFY activityChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY activityChanged)
    Q_PROPERTY(models::Progress progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(models::ErrorInfo error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(bool completeList READ hasCompleteList NOTIFY completeListChanged)
    Q_PROPERTY(qint64 serverTotal READ serverTotal NOTIFY progressChanged)
public:
    // What runs now; Checking and Inviting belong to the invite dialog.
    enum class Activity { Idle, Loading, Removing, Checking, Inviting };
    Q_ENUM(Activity)

    MembersController(Session *session, ActivityLog *activity, QObject *parent = nullptr);
    ~MembersController() override;

    MembersModel *members() const { return m_model; }
    MembersFilterProxy *shown() const { return m_proxy; }
    // The rows of the invite being prepared or sent (one at a time).
    MemberBatchModel *invites() const { return m_invites; }

    Activity activity() const { return m_activity; }
    bool isBusy() const { return m_activity != Activity::Idle; }
    bool isLoading() const;
    Progress progress() const { return m_progress; }
    ErrorInfo error() const { return m_error; }
    QString notice() const { return m_notice; }
    // True when the table holds every member of the organization (no server filter, fully loaded).
    bool hasCompleteList() const { return m_complete; }
    // What the running load's API said the total is; -1 when unknown or idle.
    qint64 serverTotal() const;
    // Connected and an organization is chosen.
    bool hasOrganization() const;
    QString organizationName() const;

    // Members of the last load read with a field missing (lenient reading); the notice says so.
    qint64 entriesWithIssues() const { return m_loadIssues; }

    // The server-side filter the next load sends.
    api::MemberFilter serverFilter() const { return m_filter; }
    void setServerFilter(const api::MemberFilter &filter) { m_filter = filter; }
    // The filter differs from the one the shown rows were loaded with.
    bool filterDiffersFromLoaded() const;

    // Concurrency of bulk removals (tests use 1 for a repeatable order).
    void setRemovalParallelism(int n) { m_removeParallel = qMax(1, n); }

    // Writes the rows `shown` holds; the notice or the error says how it went.
    bool exportTo(const QString &path, bool json);

public Q_SLOTS:
    // While inactive (page hidden) a change of organization only marks the list stale.
    void setActive(bool active);
    void reload();
    // Stops the running load or removal; rows already loaded stay.
    void cancel();
    void retry();
    void setLocalFilter(const QString &text);
    // Already confirmed by the user; ids no longer loaded are skipped.
    void removeMembers(const QStringList &memberIds);

    // Invites: checkInvites marks invalid / repeated / current members in
    // invites(), then sendInvites sends the ready rows.
    void checkInvites(const QList<models::EmailListParser::Entry> &entries);
    void sendInvites(const QString &status, int batchSize, int maxParallel);
    void cancelInvites();
    void clearInvites();

Q_SIGNALS:
    void activityChanged(models::MembersController::Activity activity);
    void progressChanged(const models::Progress &progress);
    void errorChanged(const models::ErrorInfo &error);
    void noticeChanged(const QString &notice);
    void completeListChanged(bool complete);
    // The organization or the connection changed: whatever was shown belongs to another one.
    void organizationReset();
    void loadFinished(bool ok);
    // Per-row outcomes; `rows` lives until the next removal. allDone=false: retry() resends the failed.
    void removalFinished(models::MemberBatchModel *rows, bool allDone);
    void invitesChecked(int lookupsFailed);
    void membersInvited(const QList<api::Member> &members);
    void invitesFinished(const QString &summary);

private:
    void onOrganizationChanged();
    void abortLoad();
    void setActivity(Activity activity);
    void setProgress(qint64 done, qint64 total);
    void setError(const QString &message, bool retryable, std::function<void()> retry = {});
    void setNotice(const QString &text);
    void clearMessages();
    void onRemovalFinished();

    Session *m_session;
    ActivityLog *m_log;
    MembersModel *m_model;
    MembersFilterProxy *m_proxy;
    MemberBatchModel *m_invites;
    QPointer<MemberBatchModel> m_removalRows;
    int m_removalInvitations = 0; // pending memberships among them: removing one revokes it
    QPointer<api::MembersPager> m_pager;
    QPointer<MemberRemover> m_remover;
    QPointer<ExistingMemberCheck> m_check;
    QPointer<MemberInviter> m_inviter;
    api::MemberFilter m_filter;
    api::Query m_loadedQuery; // the server filter of the rows shown
    QString m_loadedOrg;
    QString m_removalOrg;
    Activity m_activity = Activity::Idle;
    Progress m_progress;
    QTimer *m_progressTick; // progressChanged at most about 4 times a second
    bool m_progressPending = false;
    ErrorInfo m_error;
    QString m_notice;
    std::function<void()> m_retry;
    qint64 m_loadIssues = 0;
    int m_removeParallel = 4;
    int m_inviteGeneration = 0;
    bool m_active = false;
    bool m_dirty = true;
    bool m_complete = false;
};

} // namespace models
