#include "models/organizations/organizationscontroller.h"
#include "models/settings/timezonesetting.h"

#include "api/accountspager.h"
#include "api/client.h"
#include "api/job.h"
#include "api/organizationsapi.h"
#include "api/organizationspager.h"
#include "models/organizations/accountscsv.h"
#include "models/organizations/accounttablemodel.h"
#include "models/organizations/organizationfilterproxymodel.h"
#include "models/organizations/organizationtreemodel.h"
#include "models/organizations/profilevalidator.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"

#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QTimer>
#include <memory>
#include <utility>

namespace models {

namespace {

// Text that ends as a sentence, so the next one does not run into it.
QString asSentence(const QString &text)
{
    QString out = text.trimmed();
    if (!out.isEmpty() && !out.endsWith(u'.') && !out.endsWith(u'!') && !out.endsWith(u'?') &&
        !out.endsWith(u'…'))
        out += u'.';
    return out;
}

// The API's own sentences (errors[].message), else the api layer's summary.
QString apiSentences(const api::ApiError &error)
{
    QStringList parts;
    for (const api::ApiMessage &m : error.errors())
        if (!m.message.isEmpty())
            parts << asSentence(m.message);
    return parts.isEmpty() ? error.userMessage() : parts.join(u' ');
}

// Up to `max` quoted names, then an ellipsis.
QString quotedNames(const QStringList &names, int max = 3)
{
    QStringList quoted;
    for (const QString &n : names.mid(0, max))
        quoted << QStringLiteral("“%1”").arg(n);
    if (names.size() > max)
        quoted << QStringLiteral("…");
    return quoted.join(QStringLiteral(", "));
}

} // namespace

OrganizationsController::OrganizationsController(Session *session, ActivityLog *activity,
                                                 AppSettings *settings, QObject *parent)
    : QObject(parent), m_session(session), m_log(activity), m_settings(settings),
      m_tree(new OrganizationTreeModel(this)), m_shown(new OrganizationFilterProxyModel(this)),
      m_accounts(new AccountTableModel(this))
{
    qRegisterMetaType<models::ErrorInfo>();
    qRegisterMetaType<models::OrganizationsController::Question>();
    m_shown->setSourceModel(m_tree);
    TimeZoneSetting::follow(this, [this] { m_accounts->setTimeZone(TimeZoneSetting::instance()->zone()); });
    connect(session, &Session::clientChanged, this, [this] { reload(true); });
    connect(session, &Session::organizationChanged, this,
            [this](const QString &id) { onSessionOrganizationChanged(id); });
    if (session->client())
        QTimer::singleShot(0, this, [this] { reload(true); });
}

OrganizationsController::~OrganizationsController() = default;

api::Client *OrganizationsController::client() const
{
    return m_session->client();
}

bool OrganizationsController::isBusy() const
{
    return m_running > 0 || !m_treePager.isNull();
}

bool OrganizationsController::isConnected() const
{
    return client() != nullptr;
}

const api::Organization *OrganizationsController::currentOrganization() const
{
    return m_tree->organization(m_currentId);
}

QString OrganizationsController::organizationName(const QString &id) const
{
    const api::Organization *org = m_tree->organization(id);
    return org ? org->name : id;
}

QString OrganizationsController::knownContents(const QString &id) const
{
    QStringList holds;
    const QList<const api::Organization *> subs = m_tree->children(id);
    if (!subs.isEmpty()) {
        QStringList names;
        for (const api::Organization *child : subs)
            names << child->name;
        holds << tr("%n sub-organization(s) (%1)", nullptr, int(subs.size())).arg(quotedNames(names));
    }
    // Any loaded account proves the organization is not empty, filtered or not.
    if (m_accountsLoadedFor == id && m_accounts->rowCount() > 0) {
        QStringList names;
        for (const api::Account &a : m_accounts->accounts().mid(0, 4))
            names << a.name.value_or(a.id);
        if (!accountsFiltered() && !m_accountsPager)
            holds << tr("%n account(s) (%1)", nullptr, m_accounts->rowCount()).arg(quotedNames(names));
        else
            holds << tr("accounts (%1)").arg(quotedNames(names));
    }
    return holds.join(tr(" and "));
}

QString OrganizationsController::deleteBlocker(const QString &id) const
{
    const api::Organization *org = m_tree->organization(id);
    const QString holds = org ? knownContents(id) : QString();
    if (holds.isEmpty())
        return {};
    return tr("“%1” cannot be deleted: the API deletes only empty organizations, and it holds %2. Delete or "
              "move what it holds first.")
        .arg(org->name, holds);
}

bool OrganizationsController::isPlausibleId(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^(?:[0-9A-Fa-f]{32}|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$"));
    return re.match(text).hasMatch();
}

bool OrganizationsController::accountsFiltered() const
{
    const api::AccountFilter &f = m_accountsFilter;
    return !f.nameContains.isEmpty() || !f.nameStartsWith.isEmpty() || !f.nameEndsWith.isEmpty();
}

void OrganizationsController::changeTree(const std::function<void()> &change)
{
    Q_EMIT treeAboutToChange();
    change();
    Q_EMIT treeChanged();
}

// --- tree ---------------------------------------------------------------------

void OrganizationsController::reload(bool clearFirst)
{
    if (m_treePager) {
        api::OrganizationsPager *old = m_treePager;
        old->disconnect(this);
        old->abort();
        old->deleteLater();
        m_treePager = nullptr;
    }
    if (clearFirst) {
        changeTree([this] { m_tree->clear(); });
        m_treeLoadedOnce = false;
        showOrganization(QString());
    }
    api::Client *c = client();
    if (!c) {
        setTreeState(TreeState::NotConnected);
        Q_EMIT busyChanged(isBusy());
        return;
    }
    const bool firstLoad = m_tree->organizationCount() == 0;
    m_refreshBuffer.clear();
    m_treeItems = 0;
    auto *pager = new api::OrganizationsPager(c, {}, this);
    m_treePager = pager;
    connect(pager, &api::OrganizationsPager::pageReady, this,
            [this, pager, firstLoad](const QList<api::Organization> &organizations) {
                if (pager != m_treePager)
                    return;
                if (firstLoad)
                    m_tree->addOrganizations(organizations); // rows appear as pages arrive
                else
                    m_refreshBuffer += organizations; // applied as one diff at the end
            });
    connect(pager, &api::Pager::progress, this, [this, pager](qint64 items, int) {
        if (pager != m_treePager)
            return;
        m_treeItems = items;
        Q_EMIT treeStateChanged(m_treeState);
    });
    connect(pager, &api::Pager::finished, this,
            [this, pager, firstLoad] { onTreeFinished(pager, firstLoad); });
    setTreeState(TreeState::Loading);
    Q_EMIT busyChanged(true);
    pager->start();
}

void OrganizationsController::onTreeFinished(api::OrganizationsPager *pager, bool firstLoad)
{
    if (pager != m_treePager)
        return;
    m_treePager = nullptr;
    pager->deleteLater();
    Q_EMIT busyChanged(isBusy());
    if (pager->error() && !pager->wasCanceled()) {
        m_refreshBuffer.clear();
        setTreeState(TreeState::Failed);
        showFailure(tr("Could not load the organizations"), pager->error(), [this] { reload(false); });
        Q_EMIT treeLoaded(false);
        return;
    }
    if (!firstLoad)
        changeTree([this] { m_tree->synchronize(m_refreshBuffer); });
    m_refreshBuffer.clear();
    m_treeLoadedOnce = true;
    m_treeIssues = pager->entriesWithIssues();
    if (m_treeIssues > 0)
        setNotice(NoticeKind::Warning, missingFieldsNotice(m_treeIssues, pager->firstIssue()));
    setTreeState(TreeState::Loaded);
    ensureOrganizationChosen();
    Q_EMIT treeLoaded(true);
}

void OrganizationsController::ensureOrganizationChosen()
{
    const QString current = m_session->organizationId();
    if (!current.isEmpty() && m_tree->contains(current)) {
        if (m_currentId != current)
            showOrganization(current);
        else
            Q_EMIT currentChanged(m_currentId); // the details may have changed
        return;
    }
    // Members, Audit and Usage need an organization: the last used one, else the first root.
    QString candidate = m_settings->lastOrganizationId();
    if (candidate.isEmpty() || !m_tree->contains(candidate))
        candidate = m_tree->firstRootId();
    if (candidate.isEmpty()) {
        if (!current.isEmpty())
            m_session->setOrganization(QString(), QString());
        return;
    }
    m_session->setOrganization(candidate, organizationName(candidate));
}

void OrganizationsController::onSessionOrganizationChanged(const QString &id)
{
    if (!id.isEmpty())
        m_settings->setLastOrganizationId(id);
    showOrganization(id);
}

void OrganizationsController::showOrganization(const QString &id)
{
    if (id != m_currentId) {
        m_currentId = id;
        // A banner about the organization left behind would read as if about this one.
        if (!m_messageAbout.isEmpty() && m_messageAbout != id)
            clearMessages();
        abortAccounts();
        m_accounts->clear();
        m_accountsLoadedFor.clear();
        m_accountsTotal.reset();
        setAccountsState(AccountsState::None);
        m_profileLoadedFor.clear();
        ++m_profileGeneration;
        m_profile = {};
        m_draft = {};
        m_profileExists = false;
        setProfileState(id.isEmpty() ? ProfileState::Unavailable : ProfileState::Loading);
        if (m_pending.kind == Pending::Kind::Switch)
            resolve(std::exchange(m_pending, {}), false); // the question is about an organization left behind
    }
    Q_EMIT currentChanged(m_currentId);
}

void OrganizationsController::selectOrganization(const QString &id)
{
    if (id.isEmpty() || id == m_session->organizationId() || !m_tree->contains(id)) {
        Q_EMIT currentChanged(m_currentId); // a view that moved on its own goes back
        return;
    }
    if (hasUnsavedProfile()) {
        ask(Pending::Kind::Switch, id);
        return;
    }
    switchTo(id);
}

void OrganizationsController::switchTo(const QString &id)
{
    m_session->setOrganization(id, organizationName(id));
}

void OrganizationsController::setNameFilter(const QString &text)
{
    changeTree([&] { m_shown->setNameFilter(text); });
}

// --- questions ----------------------------------------------------------------

void OrganizationsController::requestLeave()
{
    if (!hasUnsavedProfile()) {
        Q_EMIT leaveDecided(true);
        return;
    }
    ask(Pending::Kind::Leave, QString());
}

void OrganizationsController::ask(Pending::Kind kind, const QString &targetId)
{
    // A newer question replaces an open one: the older is as good as canceled.
    if (m_pending.kind != Pending::Kind::None)
        resolve(std::exchange(m_pending, {}), false);
    m_pending = {kind, ++m_lastQuestion, targetId};
    Q_EMIT questionRequested({m_pending.question, m_currentId, organizationName(m_currentId)});
}

void OrganizationsController::answer(quint64 questionId, Answer answer)
{
    if (questionId == 0 || questionId != m_pending.question)
        return; // stale
    const Pending pending = std::exchange(m_pending, {});
    switch (answer) {
    case Answer::Cancel:
        resolve(pending, false);
        return;
    case Answer::Discard:
        discardProfileEdits();
        resolve(pending, true);
        return;
    case Answer::Save:
        if (!hasUnsavedProfile()) {
            resolve(pending, true);
            return;
        }
        if (!saveProfile()) {
            // Invalid fields: stay and let the user correct them.
            resolve(pending, false);
            Q_EMIT profileSaveFinished(false);
            return;
        }
        m_afterSave = pending;
        return;
    }
}

void OrganizationsController::resolve(const Pending &pending, bool go)
{
    switch (pending.kind) {
    case Pending::Kind::None:
        return;
    case Pending::Kind::Switch:
        if (go && m_tree->contains(pending.targetId) && pending.targetId != m_session->organizationId())
            switchTo(pending.targetId);
        else
            Q_EMIT currentChanged(m_currentId); // a view that moved goes back
        return;
    case Pending::Kind::Leave:
        Q_EMIT leaveDecided(go);
        return;
    }
}

// --- actions ------------------------------------------------------------------

void OrganizationsController::create(const QString &name, const QString &parentId)
{
    if (!client())
        return;
    beginOperation(parentId.isEmpty()
                       ? tr("Creating “%1”…").arg(name)
                       : tr("Creating “%1” under “%2”…").arg(name, organizationName(parentId)));
    // What already carries this name before anything is sent: an organization
    // found later that is not in this set is the one this create made.
    QSet<QString> before;
    if (!parentId.isEmpty())
        for (const api::Organization *child : m_tree->children(parentId))
            if (child->name == name)
                before.insert(child->id);
    findByName(
        name, parentId,
        [this, name, parentId, before](const QList<api::Organization> &found, const api::ApiError &) mutable {
            for (const api::Organization &o : found)
                before.insert(o.id);
            sendCreate(name, parentId, before);
        });
}

void OrganizationsController::findByName(
    const QString &name, const QString &parentId,
    std::function<void(const QList<api::Organization> &, const api::ApiError &)> done)
{
    api::OrganizationFilter filter = parentId.isEmpty() ? api::OrganizationFilter::rootsOnly()
                                                        : api::OrganizationFilter::childrenOf(parentId);
    filter.name = name;
    auto *job = api::OrganizationsApi(client()).list(filter, 1000, {}, this);
    connect(job, &api::Job::finished, this, [job, name, parentId, done = std::move(done)] {
        QList<api::Organization> matches;
        if (!job->error())
            for (const api::Organization &o : job->result().items)
                // Checked here too: a server that ignored a filter must not pass anything off as a match.
                if (o.name == name && o.parentId == parentId)
                    matches.append(o);
        done(matches, job->error());
    });
    job->start();
}

void OrganizationsController::recheckCreate(const QString &name, const QString &parentId,
                                            const QSet<QString> &before)
{
    if (!client())
        return;
    beginOperation(tr("Checking whether “%1” exists before creating it again…").arg(name));
    findByName(
        name, parentId,
        [this, name, parentId, before](const QList<api::Organization> &found, const api::ApiError &error) {
            if (error) {
                // Not knowing means not sending: a second POST could make a duplicate.
                endOperation();
                showFailure(tr("Could not check whether “%1” was already created").arg(name), error,
                            [this, name, parentId, before] { recheckCreate(name, parentId, before); });
                Q_EMIT operationFinished(Operation::Create, false);
                return;
            }
            for (const api::Organization &o : found)
                if (!before.contains(o.id)) {
                    adoptCreated(o, tr("“%1” already existed: it was not created again.").arg(o.name));
                    return;
                }
            sendCreate(name, parentId, before);
        });
}

void OrganizationsController::adoptCreated(const api::Organization &org, const QString &notice)
{
    changeTree([&] {
        if (m_tree->contains(org.id))
            m_tree->updateOrganization(org);
        else
            m_tree->addOrganization(org);
    });
    endOperation(notice.isEmpty() ? tr("Created “%1”.").arg(org.name) : notice);
    m_log->add(ActivityLog::Severity::Info, tr("Organizations"),
               tr("Created the organization “%1” (%2).").arg(org.name, org.id));
    selectOrganization(org.id);
    if (!notice.isEmpty())
        setNotice(NoticeKind::Info, notice);
    Q_EMIT operationFinished(Operation::Create, true);
}

void OrganizationsController::sendCreate(const QString &name, const QString &parentId,
                                         const QSet<QString> &before)
{
    if (!client()) {
        endOperation();
        Q_EMIT operationFinished(Operation::Create, false);
        return;
    }
    auto *job = api::OrganizationsApi(client()).create(name, parentId, std::nullopt, this);
    connect(job, &api::Job::finished, this, [this, job, name, parentId, before] {
        const api::ApiError error = job->error();
        if (!error) {
            adoptCreated(job->result(), {});
            return;
        }
        const auto fail = [this, name, parentId, before](const api::ApiError &e, const QString &extra) {
            endOperation();
            // Retry looks first: the failed POST may have created it after all.
            showFailure(
                tr("Could not create “%1”").arg(name), e,
                [this, name, parentId, before] { recheckCreate(name, parentId, before); }, extra);
            Q_EMIT operationFinished(Operation::Create, false);
        };
        if (error.kind() == api::ApiError::Kind::Canceled || !client()) {
            fail(error, {});
            return;
        }
        // Whatever the answer (a reset after the server acted, a 5xx, a refusal),
        // the list says whether the organization is there now.
        findByName(name, parentId,
                   [this, parentId, error, fail, before](const QList<api::Organization> &found,
                                                         const api::ApiError &) {
                       for (const api::Organization &o : found)
                           if (!before.contains(o.id)) {
                               adoptCreated(o, tr("Created “%1”: the answer was lost, the organization list "
                                                  "shows it.")
                                                   .arg(o.name));
                               return;
                           }
                       if (error.httpStatus() != 403 || parentId.isEmpty()) {
                           fail(error, {});
                           return;
                       }
                       // A 403 is a missing permission as much as a parent that allows no
                       // sub-organizations: the parent's capability (read again) tells which.
                       auto *parentJob = api::OrganizationsApi(client()).get(parentId, this);
                       connect(parentJob, &api::Job::finished, this, [parentJob, error, fail] {
                           QString extra;
                           if (!parentJob->error()) {
                               const api::Organization parent = parentJob->result();
                               const QString capability = parent.flag(QStringLiteral("sub_org_creation"));
                               if (!capability.isEmpty() && capability != QLatin1String("enabled"))
                                   extra = tr(" “%1” does not allow sub-organizations (its Sub-organization "
                                              "creation capability is “%2”).")
                                               .arg(parent.name, capability);
                               else
                                   extra =
                                       tr(" “%1” allows sub-organizations, so the credential probably lacks "
                                          "the permission (an Organization Super Administrator of an "
                                          "Enterprise account is needed).")
                                           .arg(parent.name);
                           } else if (parentJob->error().httpStatus() == 404) {
                               extra = tr(" The parent organization no longer exists.");
                           }
                           fail(error, extra);
                       });
                       parentJob->start();
                   });
    });
    job->start();
}

void OrganizationsController::rename(const QString &id, const QString &name)
{
    const api::Organization *org = m_tree->organization(id);
    if (!client() || !org)
        return;
    const QString oldName = org->name;
    beginOperation(tr("Renaming “%1” to “%2”…").arg(oldName, name));
    auto *job = api::OrganizationsApi(client()).update(id, name, QString(), this);
    connect(job, &api::Job::finished, this, [this, job, id, name, oldName] {
        if (job->error()) {
            endOperation();
            showFailure(
                tr("Could not rename “%1”").arg(oldName), job->error(),
                [this, id, name] { rename(id, name); }, {}, id);
            Q_EMIT operationFinished(Operation::Rename, false);
            return;
        }
        api::Organization updated = job->result();
        if (updated.id.isEmpty())
            updated.id = id;
        changeTree([&] {
            m_tree->updateOrganization(updated);
            // Children carry their parent's name.
            for (const api::Organization *child : m_tree->children(id)) {
                api::Organization copy = *child;
                copy.parentName = updated.name;
                m_tree->updateOrganization(copy);
            }
        });
        if (m_session->organizationId() == id)
            m_session->setOrganization(id, updated.name);
        Q_EMIT currentChanged(m_currentId);
        endOperation(tr("Renamed “%1” to “%2”.").arg(oldName, updated.name));
        m_log->add(ActivityLog::Severity::Info, tr("Organizations"),
                   tr("Renamed “%1” to “%2”.").arg(oldName, updated.name));
        Q_EMIT operationFinished(Operation::Rename, true);
    });
    job->start();
}

void OrganizationsController::move(const QString &id, const QString &newParentId)
{
    const api::Organization *org = m_tree->organization(id);
    if (!client() || !org || newParentId.isEmpty())
        return;
    const QString name = org->name;
    const QString oldParentName = org->parentId.isEmpty() ? QString() : organizationName(org->parentId);
    const QString newParentName = organizationName(newParentId);
    beginOperation(tr("Moving “%1” under “%2”…").arg(name, newParentName));
    auto *job = api::OrganizationsApi(client()).update(id, name, newParentId, this);
    connect(job, &api::Job::finished, this, [this, job, id, name, newParentId, newParentName, oldParentName] {
        if (job->error()) {
            endOperation();
            const QString extra =
                job->error().httpStatus() == 400
                    ? tr(" The API does not accept a new parent for an existing organization.")
                    : QString();
            showFailure(
                tr("Could not move “%1”").arg(name), job->error(),
                [this, id, newParentId] { move(id, newParentId); }, extra, id);
            Q_EMIT operationFinished(Operation::Move, false);
            return;
        }
        const api::Organization updated = job->result();
        changeTree([&] { m_tree->updateOrganization(updated); });
        Q_EMIT currentChanged(m_currentId);
        if (updated.parentId != newParentId) {
            // A 200 that ignored the parent: today's API renames only (REFERENCE §4.4).
            endOperation(tr("“%1” was not moved.").arg(name));
            setNotice(
                NoticeKind::Warning,
                tr("“%1” was not moved: the API accepted the request but kept it %2. Cloudflare's "
                   "Organizations "
                   "API changes only the name of an existing organization today, so moving has to be done "
                   "by "
                   "Cloudflare (dashboard or support).")
                    .arg(name,
                         oldParentName.isEmpty() ? tr("at the root") : tr("under “%1”").arg(oldParentName)),
                id);
            Q_EMIT operationFinished(Operation::Move, false);
            return;
        }
        endOperation(tr("Moved “%1” under “%2”.").arg(name, newParentName));
        m_log->add(ActivityLog::Severity::Info, tr("Organizations"),
                   tr("Moved “%1” under “%2”.").arg(name, newParentName));
        Q_EMIT operationFinished(Operation::Move, true);
    });
    job->start();
}

void OrganizationsController::remove(const QString &id)
{
    const api::Organization *org = m_tree->organization(id);
    if (!client() || !org)
        return;
    // What the console already knows answers before the API is asked: no request that can only fail.
    if (const QString blocker = deleteBlocker(id); !blocker.isEmpty()) {
        setError(blocker, {}, id);
        Q_EMIT operationFinished(Operation::Delete, false);
        return;
    }
    const QString name = org->name;
    const QString parentId = org->parentId;
    beginOperation(tr("Deleting “%1”…").arg(name));
    auto *job = api::OrganizationsApi(client()).remove(id, this);
    connect(job, &api::Job::finished, this, [this, job, id, name, parentId] {
        const api::ApiError error = job->error();
        if (error) {
            if (error.kind() == api::ApiError::Kind::Canceled || !client()) {
                endOperation(tr("“%1” was not deleted.").arg(name));
                Q_EMIT operationFinished(Operation::Delete, false);
                return;
            }
            // The codes for "not empty" and "not allowed" are undocumented:
            // what the organization still holds, read again, says which.
            explainFailedDelete(id, name, error);
            return;
        }
        // The next organization to show: the parent, else the first root.
        const bool wasCurrent = m_session->organizationId() == id;
        changeTree([&] { m_tree->removeOrganization(id); });
        if (wasCurrent || !m_tree->contains(m_session->organizationId())) {
            const QString next = m_tree->contains(parentId) ? parentId : m_tree->firstRootId();
            m_session->setOrganization(next, organizationName(next));
        }
        Q_EMIT currentChanged(m_currentId);
        Q_EMIT treeStateChanged(m_treeState); // the count changed
        endOperation(tr("Deleted “%1”.").arg(name));
        m_log->add(ActivityLog::Severity::Info, tr("Organizations"),
                   tr("Deleted the organization “%1” (%2).").arg(name, id));
        Q_EMIT operationFinished(Operation::Delete, true);
    });
    job->start();
}

void OrganizationsController::explainFailedDelete(const QString &id, const QString &name,
                                                  const api::ApiError &error)
{
    struct Contents
    {
        std::optional<api::ApiError> gone; // the organization itself is not there any more
        QList<api::Organization> children;
        QList<api::Account> accounts;
        qint64 accountCount = 0;
        int pending = 2;
    };
    auto contents = std::make_shared<Contents>();
    const auto finish = [this, id, name, error, contents] {
        if (--contents->pending > 0)
            return;
        endOperation(tr("“%1” was not deleted.").arg(name));
        const auto retry = [this, id] { remove(id); };
        if (contents->gone) {
            showFailure(tr("Could not delete “%1”").arg(name), error, {},
                        tr(" The organization no longer exists; refresh the tree."), id);
        } else if (!contents->children.isEmpty() || contents->accountCount > 0) {
            QString text = tr("“%1” was not deleted because it is not empty. The API says: %2")
                               .arg(name, apiSentences(error));
            QStringList subs;
            for (const api::Organization &child : std::as_const(contents->children))
                subs << QStringLiteral("“%1”").arg(child.name);
            if (!subs.isEmpty())
                text += QLatin1Char(' ') + tr("Sub-organizations: %1.").arg(subs.join(QStringLiteral(", ")));
            if (contents->accountCount > 0) {
                QStringList names;
                for (const api::Account &a : contents->accounts.mid(0, 5))
                    names << QStringLiteral("“%1”").arg(a.name.value_or(a.id));
                text += QLatin1Char(' ') +
                        tr("Accounts (%1): %2%3.")
                            .arg(contents->accountCount)
                            .arg(names.join(QStringLiteral(", ")),
                                 contents->accountCount > 5 ? QStringLiteral(", …") : QString());
            }
            text += QLatin1Char(' ') + tr("Delete or move what it holds first.");
            // Retrying cannot help until what it holds is gone: no Retry.
            setError(text, {}, id);
            m_log->add(ActivityLog::Severity::Warning, tr("Organizations"), text);
        } else {
            QString extra;
            if (error.httpStatus() == 403) {
                // Documented precondition: deletion is restricted to enterprise organizations.
                const api::Organization *org = m_tree->organization(id);
                const QString capability =
                    org ? org->flag(QStringLiteral("enterprise_capability")) : QString();
                const QString root = m_tree->path(id).isEmpty() ? QString() : m_tree->path(id).first()->id;
                const api::Organization *rootOrg = m_tree->organization(root);
                const QString rootCapability =
                    rootOrg ? rootOrg->flag(QStringLiteral("enterprise_capability")) : QString();
                if (!capability.isEmpty() && capability != QLatin1String("enabled") &&
                    rootCapability != QLatin1String("enabled"))
                    extra = tr(" Deleting is restricted to enterprise organizations, and “%1” does not have "
                               "the enterprise capability.")
                                .arg(name);
                else
                    extra = tr(" The credential may lack the permission to delete it.");
            } else if (error.httpStatus() >= 400 && error.httpStatus() < 500) {
                extra = tr(" It holds no sub-organizations or accounts now; members other than you may "
                           "still block it.");
            }
            showFailure(tr("Could not delete “%1”").arg(name), error, retry, extra, id);
        }
        Q_EMIT operationFinished(Operation::Delete, false);
    };
    auto *children =
        api::OrganizationsApi(client()).list(api::OrganizationFilter::childrenOf(id), 50, {}, this);
    connect(children, &api::Job::finished, this, [children, contents, finish] {
        if (!children->error())
            contents->children = children->result().items;
        else if (children->error().httpStatus() == 404)
            contents->gone = children->error();
        finish();
    });
    auto *accounts = api::OrganizationsApi(client()).accounts(id, {}, 6, {}, this);
    connect(accounts, &api::Job::finished, this, [accounts, contents, finish] {
        if (!accounts->error()) {
            contents->accounts = accounts->result().items;
            contents->accountCount = accounts->result().totalSize.value_or(contents->accounts.size());
            if (!accounts->result().nextPageToken.isEmpty())
                contents->accountCount =
                    std::max<qint64>(contents->accountCount, contents->accounts.size() + 1);
        } else if (accounts->error().httpStatus() == 404) {
            contents->gone = accounts->error();
        }
        finish();
    });
    children->start();
    accounts->start();
}

// --- find containing ----------------------------------------------------------

void OrganizationsController::findContaining(Containing kind, const QString &id)
{
    if (!client() || id.isEmpty())
        return;
    if (!isPlausibleId(id)) {
        // Refused here: the API would answer an empty list, which reads as "not in any organization".
        setError(tr("“%1” cannot be an ID: Cloudflare IDs are 32 hexadecimal characters (0-9, a-f). Nothing "
                    "was sent.")
                     .arg(id),
                 {});
        Q_EMIT operationFinished(Operation::Find, false);
        return;
    }
    if (m_findPager) {
        m_findPager->disconnect(this);
        m_findPager->abort();
        m_findPager->deleteLater();
        m_findPager = nullptr;
        endOperation();
    }
    api::OrganizationFilter filter;
    QString what;
    switch (kind) {
    case Containing::Account:
        filter.containingAccount = id;
        what = tr("account %1").arg(id);
        break;
    case Containing::User:
        filter.containingUser = id;
        what = tr("user %1").arg(id);
        break;
    case Containing::Organization:
        filter.containingOrganization = id;
        what = tr("organization %1").arg(id);
        break;
    }
    beginOperation(tr("Looking for the organizations that contain %1…").arg(what));
    auto found = std::make_shared<QList<api::Organization>>();
    auto *pager = new api::OrganizationsPager(client(), filter, this);
    m_findPager = pager;
    connect(pager, &api::OrganizationsPager::pageReady, this,
            [found](const QList<api::Organization> &organizations) { *found += organizations; });
    connect(pager, &api::Pager::finished, this, [this, pager, found, kind, id, what] {
        if (pager != m_findPager)
            return;
        m_findPager = nullptr;
        pager->deleteLater();
        if (pager->error()) {
            endOperation();
            showFailure(tr("Could not look up the organizations that contain %1").arg(what), pager->error(),
                        [this, kind, id] { findContaining(kind, id); });
            Q_EMIT operationFinished(Operation::Find, false);
            return;
        }
        if (found->isEmpty()) {
            // An earlier result would pass for this one: the whole tree shows again.
            if (m_findActive)
                changeTree([this] {
                    m_shown->setIdFilter({});
                    m_findActive = false;
                });
            endOperation(tr("Nothing found."));
            setNotice(NoticeKind::Info,
                      tr("No organization visible with these credentials contains the %1.").arg(what));
            Q_EMIT operationFinished(Operation::Find, true);
            return;
        }
        QSet<QString> ids;
        QString deepest;
        qsizetype depth = -1;
        changeTree([&] {
            for (const api::Organization &o : std::as_const(*found)) {
                if (!m_tree->contains(o.id))
                    m_tree->addOrganization(o); // may not be loaded yet
                ids.insert(o.id);
                const qsizetype d = m_tree->path(o.id).size();
                if (d > depth) {
                    depth = d;
                    deepest = o.id;
                }
            }
            m_shown->setIdFilter(ids);
            m_findActive = true; // before treeChanged: views show Show All with the result
        });
        QStringList names;
        for (const api::Organization *o : m_tree->path(deepest))
            names << o->name;
        endOperation(tr("Found %n organization(s).", nullptr, int(ids.size())));
        setNotice(NoticeKind::Info,
                  tr("The %1 is in “%2” (%3). The tree shows only the organizations that contain it; "
                     "Show All brings back the rest.")
                      .arg(what, organizationName(deepest), names.join(QStringLiteral(" › "))));
        if (deepest != m_session->organizationId())
            selectOrganization(deepest);
        Q_EMIT operationFinished(Operation::Find, true);
    });
    pager->start();
}

void OrganizationsController::clearFind()
{
    changeTree([this] {
        m_shown->setIdFilter({});
        m_findActive = false;
    });
    if (m_noticeKind == NoticeKind::Info)
        setNotice(NoticeKind::None, QString());
    // "Found 2 organizations." or "Nothing found." describe a result that is gone now.
    if (!m_findPager && m_running == 0)
        setOperationText(QString());
}

// --- accounts -----------------------------------------------------------------

void OrganizationsController::abortAccounts()
{
    if (m_accountsPager) {
        m_accountsPager->disconnect(this);
        m_accountsPager->abort();
        m_accountsPager->deleteLater();
        m_accountsPager = nullptr;
    }
}

void OrganizationsController::loadAccounts(const api::AccountFilter &filter, bool force)
{
    const bool sameFilter = filter.toQuery() == m_accountsFilter.toQuery();
    if (!force && sameFilter && m_accountsLoadedFor == m_currentId && !m_currentId.isEmpty())
        return;
    m_accountsFilter = filter;
    abortAccounts();
    m_accounts->clear();
    m_accountsTotal.reset();
    m_accountsLoadedFor = m_currentId;
    if (m_currentId.isEmpty() || !client()) {
        setAccountsState(AccountsState::None);
        return;
    }
    auto *pager = new api::AccountsPager(client(), m_currentId, filter, this);
    pager->setPageSize(100); // rows show up while a big organization is still loading
    m_accountsPager = pager;
    connect(pager, &api::AccountsPager::pageReady, this, [this, pager](const QList<api::Account> &accounts) {
        if (pager != m_accountsPager)
            return;
        m_accounts->appendAccounts(accounts);
        m_accountsTotal = pager->totalSize();
        Q_EMIT accountsStateChanged(m_accountsState);
    });
    connect(pager, &api::Pager::finished, this, [this, pager] {
        if (pager != m_accountsPager)
            return;
        m_accountsPager = nullptr;
        pager->deleteLater();
        if (pager->error() && !pager->wasCanceled()) {
            setAccountsState(AccountsState::Failed);
            showFailure(
                tr("Could not load the accounts of “%1”").arg(organizationName(m_currentId)), pager->error(),
                [this] { loadAccounts(m_accountsFilter, true); }, {}, m_currentId);
            Q_EMIT accountsLoaded(false);
            return;
        }
        m_accountsIssues = pager->entriesWithIssues();
        if (m_accountsIssues > 0)
            setNotice(NoticeKind::Warning, missingFieldsNotice(m_accountsIssues, pager->firstIssue()));
        setAccountsState(AccountsState::Loaded);
        Q_EMIT accountsLoaded(true);
    });
    setAccountsState(AccountsState::Loading);
    pager->start();
}

bool OrganizationsController::exportAccounts(const QString &path)
{
    const QList<api::Account> &accounts = m_accounts->accounts();
    if (accounts.isEmpty())
        return false;
    QSaveFile file(path);
    const QByteArray csv = AccountsCsv::toCsv(accounts, m_accounts->timeZone());
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        setError(tr("Could not write %1: %2").arg(path, file.errorString()), {});
        return false;
    }
    return true;
}

// --- profile ------------------------------------------------------------------

void OrganizationsController::ensureProfileLoaded()
{
    if (m_currentId.isEmpty() || m_profileLoadedFor == m_currentId)
        return;
    loadProfile();
}

void OrganizationsController::loadProfile()
{
    const int generation = ++m_profileGeneration;
    m_profileLoadedFor = m_currentId;
    m_profile = {};
    m_draft = {};
    if (m_currentId.isEmpty() || !client()) {
        setProfileState(ProfileState::Unavailable);
        return;
    }
    setProfileState(ProfileState::Loading);
    auto *job = api::OrganizationsApi(client()).profile(m_currentId, this);
    connect(job, &api::Job::finished, this, [this, job, generation] {
        if (generation != m_profileGeneration)
            return;
        const api::ApiError &error = job->error();
        if (error) {
            if (error.kind() == api::ApiError::Kind::Canceled)
                return;
            // A 404 is "no profile yet" or "no such organization"; the code that
            // would tell them apart is undocumented, so read the organization.
            if (error.httpStatus() == 404) {
                checkProfileOwner(generation, error);
                return;
            }
            setProfileState(ProfileState::Failed);
            showFailure(
                tr("Could not load the business profile of “%1”").arg(organizationName(m_currentId)), error,
                [this] { loadProfile(); }, {}, m_currentId);
            Q_EMIT profileLoaded(false);
            return;
        }
        m_profile = job->result();
        m_draft = m_profile;
        m_profileExists = true;
        setProfileState(ProfileState::Clean);
        Q_EMIT profileLoaded(true);
    });
    job->start();
}

void OrganizationsController::checkProfileOwner(int generation, const api::ApiError &profileError)
{
    const QString id = m_currentId;
    auto *job = api::OrganizationsApi(client()).get(id, this);
    connect(job, &api::Job::finished, this, [this, job, id, generation, profileError] {
        if (generation != m_profileGeneration)
            return;
        const api::ApiError &error = job->error();
        if (!error) {
            // The organization is there: it has no profile yet, and Save creates one.
            m_profileExists = false;
            setProfileState(ProfileState::Clean);
            Q_EMIT profileLoaded(true);
            return;
        }
        if (error.kind() == api::ApiError::Kind::Canceled)
            return;
        setProfileState(ProfileState::Failed);
        if (error.httpStatus() == 404)
            showFailure(
                tr("Could not load the business profile of “%1”").arg(organizationName(id)), profileError,
                [this] { reload(false); },
                tr(" The organization no longer exists; Retry refreshes the tree."));
        else
            showFailure(tr("Could not load the business profile of “%1”").arg(organizationName(id)), error,
                        [this] { loadProfile(); });
        Q_EMIT profileLoaded(false);
    });
    job->start();
}

void OrganizationsController::setProfileDraft(const api::Profile &draft)
{
    if (m_profileState != ProfileState::Clean && m_profileState != ProfileState::Dirty)
        return;
    m_draft = draft;
    setProfileState(m_draft == m_profile ? ProfileState::Clean : ProfileState::Dirty);
}

void OrganizationsController::discardProfileEdits()
{
    if (m_profileState != ProfileState::Dirty)
        return;
    m_draft = m_profile;
    setProfileState(ProfileState::Clean);
    Q_EMIT profileChanged(); // the draft changed even if a view missed the state
}

bool OrganizationsController::saveProfile()
{
    if (m_profileState != ProfileState::Dirty || !ProfileValidator::validate(m_draft).isEmpty())
        return false;
    const QString id = m_currentId;
    const QString name = organizationName(id);
    const api::Profile sent = m_draft;
    if (!client() || id.isEmpty())
        return false;
    m_profileSaveError.clear();
    setProfileState(ProfileState::Saving);
    beginOperation(tr("Saving the business profile of “%1”…").arg(name));
    const int generation = m_profileGeneration;
    auto *job = api::OrganizationsApi(client()).updateProfile(id, sent, this);
    connect(job, &api::Job::finished, this, [this, job, id, name, sent, generation] {
        const Pending after = std::exchange(m_afterSave, {});
        const bool current = generation == m_profileGeneration && id == m_currentId;
        if (job->error()) {
            endOperation(tr("The profile was not saved."));
            m_profileSaveError = job->error().userMessage();
            if (current)
                setProfileState(ProfileState::Dirty);
            showFailure(
                tr("Could not save the business profile of “%1”").arg(name), job->error(),
                [this] { saveProfile(); }, {}, id);
            resolve(after, false);
            Q_EMIT profileSaveFinished(false);
            Q_EMIT operationFinished(Operation::SaveProfile, false);
            return;
        }
        if (current) {
            m_profile = sent;
            m_profileExists = true;
            setProfileState(m_draft == m_profile ? ProfileState::Clean : ProfileState::Dirty);
        }
        endOperation(tr("Saved the business profile of “%1”.").arg(name));
        m_log->add(ActivityLog::Severity::Info, tr("Organizations"),
                   tr("Saved the business profile of “%1”.").arg(name));
        Q_EMIT profileSaveFinished(true);
        Q_EMIT operationFinished(Operation::SaveProfile, true);
        resolve(after, true);
    });
    job->start();
    return true;
}

// --- state --------------------------------------------------------------------

void OrganizationsController::setTreeState(TreeState state)
{
    m_treeState = state;
    Q_EMIT treeStateChanged(state);
}

void OrganizationsController::setAccountsState(AccountsState state)
{
    m_accountsState = state;
    Q_EMIT accountsStateChanged(state);
}

void OrganizationsController::setProfileState(ProfileState state)
{
    if (m_profileState == state)
        return;
    m_profileState = state;
    Q_EMIT profileChanged();
}

void OrganizationsController::beginOperation(const QString &text)
{
    ++m_running;
    clearMessages();
    setOperationText(text);
    Q_EMIT busyChanged(true);
}

void OrganizationsController::endOperation(const QString &statusText)
{
    m_running = qMax(0, m_running - 1);
    setOperationText(statusText);
    Q_EMIT busyChanged(isBusy());
}

void OrganizationsController::setOperationText(const QString &text)
{
    m_operationText = text;
    Q_EMIT operationTextChanged(text);
}

void OrganizationsController::showFailure(const QString &what, const api::ApiError &error,
                                          std::function<void()> retry, const QString &extra,
                                          const QString &about)
{
    if (error.kind() == api::ApiError::Kind::Canceled)
        return;
    const QString text = tr("%1: %2").arg(what, error.userMessage()) + extra;
    // A refusal (400, 403, 404…) comes back the same: Retry only where it can help.
    setError(text, error.isRetryable() ? std::move(retry) : std::function<void()>(), about);
    m_log->add(ActivityLog::Severity::Error, tr("Organizations"), text);
}

void OrganizationsController::setError(const QString &message, std::function<void()> retry,
                                       const QString &about)
{
    m_retry = std::move(retry);
    m_noticeKind = NoticeKind::None;
    m_notice.clear();
    m_messageAbout = about;
    m_error = {message, bool(m_retry)};
    Q_EMIT errorChanged(m_error);
}

void OrganizationsController::setNotice(NoticeKind kind, const QString &text, const QString &about)
{
    m_retry = nullptr;
    m_error = {};
    m_noticeKind = text.isEmpty() ? NoticeKind::None : kind;
    m_notice = text;
    m_messageAbout = text.isEmpty() ? QString() : about;
    Q_EMIT errorChanged(m_error);
    Q_EMIT noticeChanged();
}

void OrganizationsController::clearMessages()
{
    setNotice(NoticeKind::None, QString());
}

void OrganizationsController::retry()
{
    if (auto retry = std::exchange(m_retry, {}))
        retry();
}

} // namespace models
