#pragma once
// The Organizations feature without widgets: the organization tree (shared
// with the toolbar picker), create / rename / move / delete, "find
// containing", the chosen organization's accounts and business profile, and
// the question about unsaved profile edits before the organization changes
// or the console closes. Every call is asynchronous; a failure leaves the
// tree as it was and sets `error` with the API's sentence and a retry.
//
// Unsaved edits: selectOrganization() and requestLeave() store what to do
// afterwards as a value, emit questionRequested() and wait for answer().
// Save goes on only once the PUT landed; a failed save keeps the edits.

#include "api/listfilters.h"
#include "api/records.h"
#include "models/session/errorinfo.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>

namespace api {
class AccountsPager;
class ApiError;
class Client;
class OrganizationsPager;
} // namespace api

namespace models {

class AccountTableModel;
class ActivityLog;
class AppSettings;
class OrganizationFilterProxyModel;
class OrganizationTreeModel;
class Session;

class OrganizationsController : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE("models/organizations/accounttablemodel.h")
    Q_MOC_INCLUDE("models/organizations/organizationfilterproxymodel.h")
    Q_MOC_INCLUDE("models/organizations/organizationtreemodel.h")
    Q_PROPERTY(models::OrganizationTreeModel *tree READ tree CONSTANT)
    Q_PROPERTY(models::OrganizationFilterProxyModel *shownTree READ shownTree CONSTANT)
    Q_PROPERTY(models::AccountTableModel *accounts READ accounts CONSTANT)
    Q_PROPERTY(QString currentId READ currentId NOTIFY currentChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString operationText READ operationText NOTIFY operationTextChanged)
    Q_PROPERTY(models::ErrorInfo error READ error NOTIFY errorChanged)
    Q_PROPERTY(TreeState treeState READ treeState NOTIFY treeStateChanged)
    Q_PROPERTY(AccountsState accountsState READ accountsState NOTIFY accountsStateChanged)
    Q_PROPERTY(ProfileState profileState READ profileState NOTIFY profileChanged)
public:
    enum class Containing { Account, User, Organization };
    Q_ENUM(Containing)
    enum class Operation { Create, Rename, Move, Delete, Find, SaveProfile };
    Q_ENUM(Operation)
    enum class TreeState { NotConnected, Loading, Loaded, Failed };
    Q_ENUM(TreeState)
    enum class AccountsState { None, Loading, Loaded, Failed };
    Q_ENUM(AccountsState)
    // Unavailable: no organization chosen (or not connected).
    enum class ProfileState { Unavailable, Loading, Failed, Clean, Dirty, Saving };
    Q_ENUM(ProfileState)
    enum class NoticeKind { None, Info, Warning };
    Q_ENUM(NoticeKind)
    enum class Answer { Save, Discard, Cancel };
    Q_ENUM(Answer)

    // "The business profile of <organizationName> has unsaved changes."
    struct Question
    {
        quint64 id = 0;
        QString organizationId;
        QString organizationName;
    };

    OrganizationsController(Session *session, ActivityLog *activity, AppSettings *settings,
                            QObject *parent = nullptr);
    ~OrganizationsController() override;

    OrganizationTreeModel *tree() const { return m_tree; }
    OrganizationFilterProxyModel *shownTree() const { return m_shown; }
    AccountTableModel *accounts() const { return m_accounts; }

    bool isConnected() const;
    QString currentId() const { return m_currentId; }
    const api::Organization *currentOrganization() const;
    QString organizationName(const QString &id) const;
    // Why deleting `id` cannot succeed, from what the console already knows
    // (sub-organizations in the tree, accounts it loaded); empty when nothing
    // known stands in the way. remove() refuses without a request then.
    QString deleteBlocker(const QString &id) const;
    // False for text that cannot be an id (docs/API.md §2.3, §2.9: 32
    // hexadecimal characters, or a UUID): such text is refused before a request.
    static bool isPlausibleId(const QString &text);
    bool isBusy() const;
    // Create / rename / move / delete / find / save in flight (not the tree load).
    bool isOperationRunning() const { return m_running > 0; }
    QString operationText() const { return m_operationText; }
    ErrorInfo error() const { return m_error; }
    NoticeKind noticeKind() const { return m_noticeKind; }
    QString notice() const { return m_notice; }

    TreeState treeState() const { return m_treeState; }
    bool isTreeLoading() const { return !m_treePager.isNull(); }
    bool hasLoadedTree() const { return m_treeLoadedOnce; }
    qint64 treeItemsLoaded() const { return m_treeItems; }
    // The ids the "find containing" result shows; empty when the whole tree shows.
    bool isShowingFindResult() const { return m_findActive; }

    // Entries of the last tree / accounts load read with a field missing (lenient reading).
    qint64 treeEntriesWithIssues() const { return m_treeIssues; }
    qint64 accountsEntriesWithIssues() const { return m_accountsIssues; }

    AccountsState accountsState() const { return m_accountsState; }
    api::AccountFilter accountsFilter() const { return m_accountsFilter; }
    bool accountsFiltered() const;
    std::optional<qint64> accountsTotal() const { return m_accountsTotal; }

    ProfileState profileState() const { return m_profileState; }
    api::Profile profile() const { return m_profile; } // the baseline the API holds
    api::Profile profileDraft() const { return m_draft; }
    bool profileExists() const { return m_profileExists; }
    bool hasUnsavedProfile() const { return m_profileState == ProfileState::Dirty; }
    // Why the last save failed, one sentence.
    QString profileSaveError() const { return m_profileSaveError; }

    // Writes the loaded accounts as CSV; the error or operationText says how it went.
    bool exportAccounts(const QString &path);

public Q_SLOTS:
    // clearFirst: drop the tree first (new connection); else a refresh applied as one diff.
    void reload(bool clearFirst = false);
    // Switches the session's organization; asks first when the profile has unsaved edits.
    void selectOrganization(const QString &id);
    void create(const QString &name, const QString &parentId);
    void rename(const QString &id, const QString &name);
    void move(const QString &id, const QString &newParentId);
    void remove(const QString &id);
    void findContaining(models::OrganizationsController::Containing kind, const QString &id);
    void clearFind();
    void setNameFilter(const QString &text);
    // Loads (again when the filter changed or force) the current organization's accounts.
    void loadAccounts(const api::AccountFilter &filter, bool force = false);
    // Loads the profile unless it is loaded (or loading) for the current organization.
    void ensureProfileLoaded();
    void setProfileDraft(const api::Profile &draft);
    // Starts the PUT of the draft; false when there is nothing valid to send.
    bool saveProfile();
    void discardProfileEdits();
    void retry();
    // The console wants to close: leaveDecided(true) at once when nothing is
    // unsaved, else after the question was answered (and a save landed).
    void requestLeave();
    void answer(quint64 questionId, models::OrganizationsController::Answer answer);

Q_SIGNALS:
    void currentChanged(const QString &id);
    void busyChanged(bool busy);
    void operationTextChanged(const QString &text);
    void errorChanged(const models::ErrorInfo &error);
    void noticeChanged();
    void treeStateChanged(models::OrganizationsController::TreeState state);
    void accountsStateChanged(models::OrganizationsController::AccountsState state);
    void profileChanged();
    // Around every change of the tree or its filter: rows leaving the view
    // move a view's current index, which is not the user choosing.
    void treeAboutToChange();
    void treeChanged();
    void treeLoaded(bool ok);
    void operationFinished(models::OrganizationsController::Operation operation, bool ok);
    void accountsLoaded(bool ok);
    void profileLoaded(bool ok);
    void profileSaveFinished(bool ok);
    void questionRequested(const models::OrganizationsController::Question &question);
    void leaveDecided(bool ok);

private:
    struct Pending
    {
        enum class Kind { None, Switch, Leave } kind = Kind::None;
        quint64 question = 0;
        QString targetId;
    };

    api::Client *client() const;
    // "2 sub-organizations (“A”, “B”) and 3 accounts (…)", from the tree and the loaded accounts.
    QString knownContents(const QString &id) const;
    void onTreeFinished(api::OrganizationsPager *pager, bool firstLoad);
    void ensureOrganizationChosen();
    void onSessionOrganizationChanged(const QString &id);
    void showOrganization(const QString &id);
    void switchTo(const QString &id);
    void ask(Pending::Kind kind, const QString &targetId);
    void resolve(const Pending &pending, bool go);
    void loadProfile();
    // After a 404 on the profile: is the organization still there?
    void checkProfileOwner(int generation, const api::ApiError &profileError);
    // Creating at most once (issue 20): every retry re-reads organizations by name under the parent.
    void findByName(const QString &name, const QString &parentId,
                    std::function<void(const QList<api::Organization> &, const api::ApiError &)> done);
    void sendCreate(const QString &name, const QString &parentId, const QSet<QString> &before);
    void recheckCreate(const QString &name, const QString &parentId, const QSet<QString> &before);
    void adoptCreated(const api::Organization &org, const QString &notice);
    // After a refused DELETE: reads children and accounts again to say why.
    void explainFailedDelete(const QString &id, const QString &name, const api::ApiError &error);
    void abortAccounts();
    void setTreeState(TreeState state);
    void setAccountsState(AccountsState state);
    void setProfileState(ProfileState state);
    void changeTree(const std::function<void()> &change);

    void beginOperation(const QString &text);
    void endOperation(const QString &statusText = {});
    void setOperationText(const QString &text);
    // Retry is offered only when the error says retrying can help. `about`:
    // the organization the message is about; it goes when another is shown.
    void showFailure(const QString &what, const api::ApiError &error, std::function<void()> retry,
                     const QString &extra = {}, const QString &about = {});
    void setError(const QString &message, std::function<void()> retry, const QString &about = {});
    void setNotice(NoticeKind kind, const QString &text, const QString &about = {});
    void clearMessages();

    Session *m_session;
    ActivityLog *m_log;
    AppSettings *m_settings;
    OrganizationTreeModel *m_tree;
    OrganizationFilterProxyModel *m_shown;
    AccountTableModel *m_accounts;

    QPointer<api::OrganizationsPager> m_treePager;
    QPointer<api::OrganizationsPager> m_findPager;
    QPointer<api::AccountsPager> m_accountsPager;
    QList<api::Organization> m_refreshBuffer;
    std::function<void()> m_retry;
    QString m_currentId;
    QString m_operationText;
    ErrorInfo m_error;
    QString m_messageAbout; // the organization the error or notice is about, empty: page-wide
    NoticeKind m_noticeKind = NoticeKind::None;
    QString m_notice;
    TreeState m_treeState = TreeState::NotConnected;
    qint64 m_treeItems = 0;
    qint64 m_treeIssues = 0;
    qint64 m_accountsIssues = 0;
    int m_running = 0;
    bool m_treeLoadedOnce = false;
    bool m_findActive = false;

    AccountsState m_accountsState = AccountsState::None;
    api::AccountFilter m_accountsFilter;
    std::optional<qint64> m_accountsTotal;
    QString m_accountsLoadedFor; // org id whose accounts are shown (or loading)

    ProfileState m_profileState = ProfileState::Unavailable;
    api::Profile m_profile;
    api::Profile m_draft;
    bool m_profileExists = false;
    QString m_profileLoadedFor; // org id whose profile is held (or loading)
    QString m_profileSaveError;
    int m_profileGeneration = 0;

    Pending m_pending;   // a question waiting for its answer
    Pending m_afterSave; // what to do once the save started by an answer lands
    quint64 m_lastQuestion = 0;
};

} // namespace models

Q_DECLARE_METATYPE(models::OrganizationsController::Question)
