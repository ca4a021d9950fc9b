// OrganizationsController against orgscope-sim over real HTTP, with no
// widget: the tree, create / rename / move / delete (and a refused delete),
// and the unsaved-profile question answered with Cancel, Discard and Save.

#include "api/client.h"
#include "api/organizationsapi.h"
#include "models/organizations/accounttablemodel.h"
#include "models/organizations/organizationfilterproxymodel.h"
#include "models/organizations/organizationscontroller.h"
#include "models/organizations/organizationtreemodel.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"

#include "testsupport/simulatorprocess.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using Controller = models::OrganizationsController;
using Operation = Controller::Operation;
using Answer = Controller::Answer;
using ProfileState = Controller::ProfileState;

class TestOrganizationsController : public QObject
{
    Q_OBJECT
private:
    testsupport::SimulatorProcess m_sim{QStringList{QStringLiteral("--audit-events"), QStringLiteral("50"),
                                                    QStringLiteral("--usage-days"), QStringLiteral("2")}};
    api::Client m_client;
    std::unique_ptr<models::AppSettings> m_settings;
    models::Session m_session;
    models::ActivityLog m_activity;
    std::unique_ptr<Controller> c;

    // The id of the organization whose name ends with `suffix` (names are "<Company><suffix>").
    QString idOf(const QString &suffix) const
    {
        QString found;
        const models::OrganizationTreeModel *tree = c->tree();
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            for (int r = 0; r < tree->rowCount(parent); ++r) {
                const QModelIndex i = tree->index(r, 0, parent);
                if (i.data().toString().endsWith(suffix))
                    found = i.data(models::OrganizationTreeModel::IdRole).toString();
                walk(i);
            }
        };
        walk({});
        return found;
    }

    // Waits for the next operationFinished and checks what it reports.
    bool waitOperation(Operation op, bool ok)
    {
        QSignalSpy done(c.get(), &Controller::operationFinished);
        if (!done.wait(15000))
            return false;
        return done.first().at(0).value<Operation>() == op && done.first().at(1).toBool() == ok;
    }

    std::optional<api::Profile> serverProfile(const QString &id)
    {
        auto *job = api::OrganizationsApi(&m_client).profile(id);
        job->setAutoDelete(false);
        QSignalSpy done(job, &api::Job::finished);
        job->start();
        std::optional<api::Profile> out;
        if (done.wait(10000) && !job->error())
            out = job->result();
        delete job;
        return out;
    }

    bool select(const QString &id)
    {
        c->selectOrganization(id);
        return m_session.organizationId() == id && c->currentId() == id;
    }

    // Organizations named `name` directly under `parent`, as the API lists them.
    int countNamed(const QString &parent, const QString &name, api::Client *client = nullptr)
    {
        api::OrganizationFilter filter = api::OrganizationFilter::childrenOf(parent);
        filter.name = name;
        auto *job = api::OrganizationsApi(client ? client : &m_client).list(filter, 100);
        job->setAutoDelete(false);
        QSignalSpy done(job, &api::Job::finished);
        job->start();
        const int n = done.wait(10000) && !job->error() ? int(job->result().items.size()) : -1;
        delete job;
        return n;
    }

    bool loadProfile()
    {
        QSignalSpy loaded(c.get(), &Controller::profileLoaded);
        c->ensureProfileLoaded();
        if (c->profileState() != ProfileState::Loading)
            return c->profileState() == ProfileState::Clean;
        return loaded.wait(10000) && loaded.first().first().toBool();
    }

    // Makes the draft differ from what the API holds.
    void editPhone(const QString &phone)
    {
        api::Profile draft = c->profileDraft();
        draft.businessPhone = phone;
        c->setProfileDraft(draft);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("organizations_controller"));
        m_settings = std::make_unique<models::AppSettings>();
        m_settings->setLastOrganizationId(QString());
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        m_client.setBaseUrl(QUrl(m_sim.baseUrl()));
        m_client.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        m_client.setRetryBaseDelay(50);
        c = std::make_unique<Controller>(&m_session, &m_activity, m_settings.get());
        for (QAbstractItemModel *m :
             {static_cast<QAbstractItemModel *>(c->tree()), static_cast<QAbstractItemModel *>(c->shownTree()),
              static_cast<QAbstractItemModel *>(c->accounts())})
            new QAbstractItemModelTester(m, QAbstractItemModelTester::FailureReportingMode::QtTest, c.get());
        QSignalSpy loaded(c.get(), &Controller::treeLoaded);
        m_session.setClient(&m_client);
        QVERIFY(c->isBusy());
        QVERIFY(loaded.wait(20000));
        QVERIFY(loaded.first().first().toBool());
    }

    void cleanupTestCase()
    {
        c.reset();
        m_session.setClient(nullptr);
    }

    void treeLoadsAndChoosesTheFirstRoot()
    {
        QCOMPARE(c->tree()->organizationCount(), 10);
        QCOMPARE(c->treeState(), Controller::TreeState::Loaded);
        QVERIFY(!c->isBusy());
        QCOMPARE(m_session.organizationId(), c->tree()->firstRootId());
        QCOMPARE(c->currentId(), m_session.organizationId());
    }

    void createsUnderAParentAndSelectsIt()
    {
        const QString labs = idOf(QStringLiteral(" Labs"));
        QVERIFY(select(labs));
        const int before = c->tree()->organizationCount();
        c->create(QStringLiteral("Controller Child"), labs);
        QVERIFY(c->isBusy());
        QVERIFY(waitOperation(Operation::Create, true));
        QVERIFY(!c->isBusy());
        QCOMPARE(c->tree()->organizationCount(), before + 1);
        const QString child = idOf(QStringLiteral("Controller Child"));
        QVERIFY(!child.isEmpty());
        QCOMPARE(c->tree()->organization(child)->parentId, labs);
        QCOMPARE(m_session.organizationId(), child);
        QCOMPARE(c->operationText(), QStringLiteral("Created “Controller Child”."));
    }

    void renames()
    {
        const QString child = idOf(QStringLiteral("Controller Child"));
        c->rename(child, QStringLiteral("Controller Child Renamed"));
        QVERIFY(waitOperation(Operation::Rename, true));
        QCOMPARE(c->tree()->organization(child)->name, QStringLiteral("Controller Child Renamed"));
        QCOMPARE(m_session.organizationName(), QStringLiteral("Controller Child Renamed"));
    }

    void moveKeptByTheApiSaysSo()
    {
        const QString sandbox = idOf(QStringLiteral(" Americas Sandbox"));
        const QString americas = idOf(QStringLiteral(" Americas"));
        c->move(sandbox, idOf(QStringLiteral(" Labs")));
        QVERIFY(waitOperation(Operation::Move, false));
        QCOMPARE(c->tree()->organization(sandbox)->parentId, americas);
        QCOMPARE(c->noticeKind(), Controller::NoticeKind::Warning);
        QVERIFY2(c->notice().contains(QStringLiteral("was not moved")), qPrintable(c->notice()));
        QVERIFY(!c->error().isError());
    }

    void deleteOfAKnownParentIsRefusedWithoutARequest()
    {
        const QString emea = idOf(QStringLiteral(" EMEA"));
        const QString retail = idOf(QStringLiteral(" EMEA Retail"));
        const int before = c->tree()->organizationCount();
        QVERIFY(select(emea));
        // The tree shows its sub-organizations: the console knows the API would refuse.
        const QString blocker = c->deleteBlocker(emea);
        QVERIFY2(blocker.contains(c->tree()->organization(retail)->name), qPrintable(blocker));
        QSignalSpy finished(c.get(), &Controller::operationFinished);
        QSignalSpy busy(c.get(), &Controller::busyChanged);
        c->remove(emea);
        QCOMPARE(finished.count(), 1); // at once, no request
        QCOMPARE(finished.first().at(0).value<Operation>(), Operation::Delete);
        QVERIFY(!finished.first().at(1).toBool());
        QVERIFY(busy.isEmpty());
        QCOMPARE(c->tree()->organizationCount(), before);
        const models::ErrorInfo error = c->error();
        QCOMPARE(error.message, blocker);
        QVERIFY2(error.message.contains(QStringLiteral("cannot be deleted")), qPrintable(error.message));
        QVERIFY(!error.retryable); // retrying cannot help
        // The message is about EMEA: choosing another organization takes it away.
        QVERIFY(select(idOf(QStringLiteral(" APAC"))));
        QVERIFY(!c->error().isError());
    }

    void refusedDeleteExplainsInSeparateSentencesWithoutRetry()
    {
        // EMEA Retail has no sub-organization but holds accounts the console has not loaded.
        const QString retail = idOf(QStringLiteral(" EMEA Retail"));
        QVERIFY(c->deleteBlocker(retail).isEmpty());
        c->remove(retail);
        QVERIFY(c->isBusy());
        QVERIFY(waitOperation(Operation::Delete, false));
        QVERIFY(c->tree()->contains(retail));
        const models::ErrorInfo error = c->error();
        QVERIFY2(error.message.contains(QStringLiteral("not empty")), qPrintable(error.message));
        QVERIFY(!error.retryable);
        // Each sentence ends before the next begins.
        for (const QString &next : {QStringLiteral("The API says"), QStringLiteral("Delete or move")}) {
            const qsizetype at = error.message.indexOf(next);
            QVERIFY2(at > 1, qPrintable(error.message));
            QVERIFY2(error.message.at(at - 1) == u' ' &&
                         QStringLiteral(".!?…").contains(error.message.at(at - 2)),
                     qPrintable(error.message));
        }
        // Once its accounts are loaded the console knows before asking.
        QVERIFY(select(retail));
        QSignalSpy loaded(c.get(), &Controller::accountsLoaded);
        c->loadAccounts({});
        QVERIFY(loaded.wait(10000));
        QVERIFY2(c->deleteBlocker(retail).contains(QStringLiteral("account")),
                 qPrintable(c->deleteBlocker(retail)));
    }

    void findRefusesTextThatCannotBeAnId()
    {
        QVERIFY(Controller::isPlausibleId(QStringLiteral("0123456789abcdef0123456789ABCDEF")));
        QVERIFY(Controller::isPlausibleId(QStringLiteral("123e4567-e89b-12d3-a456-426614174000")));
        QVERIFY(!Controller::isPlausibleId(QStringLiteral("abc123")));
        QVERIFY(!Controller::isPlausibleId(QStringLiteral("0123456789abcdef0123456789abcdefa")));
        QVERIFY(!Controller::isPlausibleId(QStringLiteral("../0123456789abcdef0123456789abcd")));
        QSignalSpy finished(c.get(), &Controller::operationFinished);
        QSignalSpy busy(c.get(), &Controller::busyChanged);
        c->findContaining(Controller::Containing::Account, QStringLiteral("abc123"));
        QCOMPARE(finished.count(), 1);
        QVERIFY(!finished.first().at(1).toBool());
        QVERIFY(busy.isEmpty()); // nothing was sent
        QVERIFY2(c->error().message.contains(QStringLiteral("abc123")), qPrintable(c->error().message));
        QVERIFY(!c->error().retryable);
        QVERIFY(!c->isShowingFindResult());
    }

    void nothingFoundGoesWithShowAll()
    {
        c->findContaining(Controller::Containing::Account,
                          QStringLiteral("ffffffffffffffffffffffffffffffff"));
        QVERIFY(waitOperation(Operation::Find, true));
        QCOMPARE(c->operationText(), QStringLiteral("Nothing found."));
        QVERIFY(!c->isShowingFindResult());
        c->clearFind();
        QVERIFY(c->operationText().isEmpty());
        QCOMPARE(c->noticeKind(), Controller::NoticeKind::None);
    }

    void deleteMovesToTheParent()
    {
        const QString child = idOf(QStringLiteral("Controller Child Renamed"));
        const QString labs = idOf(QStringLiteral(" Labs"));
        QVERIFY(select(child));
        c->remove(child);
        QVERIFY(waitOperation(Operation::Delete, true));
        QVERIFY(!c->tree()->contains(child));
        QCOMPARE(m_session.organizationId(), labs);
        QVERIFY(!c->error().isError());
    }

    void unsavedProfileAsksBeforeSwitching()
    {
        const QString holdings = idOf(QStringLiteral(" Holdings"));
        const QString emea = idOf(QStringLiteral(" EMEA"));
        QVERIFY(select(holdings));
        QVERIFY(loadProfile());
        editPhone(QStringLiteral("+1 512 555 0111"));
        QCOMPARE(c->profileState(), ProfileState::Dirty);
        QVERIFY(c->hasUnsavedProfile());

        // Cancel: stay, the edit stays, the views are told to go back.
        QSignalSpy asked(c.get(), &Controller::questionRequested);
        QSignalSpy current(c.get(), &Controller::currentChanged);
        c->selectOrganization(emea);
        QCOMPARE(asked.size(), 1);
        const auto first = asked.first().first().value<Controller::Question>();
        QCOMPARE(first.organizationId, holdings);
        QCOMPARE(m_session.organizationId(), holdings);
        c->answer(first.id, Answer::Cancel);
        QCOMPARE(m_session.organizationId(), holdings);
        QCOMPARE(current.last().first().toString(), holdings);
        QCOMPARE(c->profileState(), ProfileState::Dirty);

        // A stale answer does nothing; Discard drops the edit and switches.
        c->selectOrganization(emea);
        QCOMPARE(asked.size(), 2);
        const auto second = asked.last().first().value<Controller::Question>();
        QVERIFY(second.id != first.id);
        c->answer(first.id, Answer::Discard);
        QCOMPARE(m_session.organizationId(), holdings);
        c->answer(second.id, Answer::Discard);
        QCOMPARE(m_session.organizationId(), emea);
        QVERIFY(serverProfile(holdings)->businessPhone != QStringLiteral("+1 512 555 0111"));
    }

    void failedSaveKeepsTheOrganizationAndTheEdit()
    {
        const QString holdings = idOf(QStringLiteral(" Holdings"));
        const QString emea = idOf(QStringLiteral(" EMEA"));
        QVERIFY(select(holdings));
        QVERIFY(loadProfile());
        editPhone(QStringLiteral("+1 512 555 0122"));
        const QUrl good = m_client.baseUrl();
        m_client.setMaxRetries(0);
        m_client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1/client/v4"))); // nothing listens there
        QSignalSpy asked(c.get(), &Controller::questionRequested);
        QSignalSpy saved(c.get(), &Controller::profileSaveFinished);
        c->selectOrganization(emea);
        QCOMPARE(asked.size(), 1);
        c->answer(asked.first().first().value<Controller::Question>().id, Answer::Save);
        QCOMPARE(c->profileState(), ProfileState::Saving);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().first().toBool(), false);
        QCOMPARE(m_session.organizationId(), holdings);
        QCOMPARE(c->profileState(), ProfileState::Dirty);
        QCOMPARE(c->profileDraft().businessPhone, QStringLiteral("+1 512 555 0122"));
        QVERIFY(c->error().isError());
        QVERIFY(c->error().retryable);
        QVERIFY(!c->profileSaveError().isEmpty());

        // Retry saves; it does not switch (the switch was answered for already).
        m_client.setBaseUrl(good);
        m_client.setMaxRetries(2);
        saved.clear();
        c->retry();
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().first().toBool(), true);
        QCOMPARE(m_session.organizationId(), holdings);
        QCOMPARE(c->profileState(), ProfileState::Clean);
        QCOMPARE(serverProfile(holdings)->businessPhone, QStringLiteral("+1 512 555 0122"));
    }

    void leavingWaitsForTheSave()
    {
        const QString holdings = idOf(QStringLiteral(" Holdings"));
        QVERIFY(select(holdings) || m_session.organizationId() == holdings);
        QVERIFY(loadProfile());
        // Nothing unsaved: leaving is allowed at once.
        QSignalSpy decided(c.get(), &Controller::leaveDecided);
        c->requestLeave();
        QCOMPARE(decided.size(), 1);
        QCOMPARE(decided.first().first().toBool(), true);

        editPhone(QStringLiteral("+1 512 555 0133"));
        decided.clear();
        QSignalSpy asked(c.get(), &Controller::questionRequested);
        QSignalSpy saved(c.get(), &Controller::profileSaveFinished);
        c->requestLeave();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(decided.size(), 0);
        c->answer(asked.first().first().value<Controller::Question>().id, Answer::Save);
        QCOMPARE(decided.size(), 0); // not before the PUT landed
        QVERIFY(decided.wait(10000));
        QCOMPARE(decided.first().first().toBool(), true);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(serverProfile(holdings)->businessPhone, QStringLiteral("+1 512 555 0133"));
    }

    // Issue 20 item 3: a 403 on create is explained by the parent's capability,
    // read again, not by the error code.
    void createUnderAParentThatAllowsNoneSaysWhy()
    {
        QString parent;
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &at) {
            for (int r = 0; r < c->tree()->rowCount(at) && parent.isEmpty(); ++r) {
                const QModelIndex i = c->tree()->index(r, 0, at);
                const api::Organization *o = c->tree()->organization(i);
                if (o && o->flag(QStringLiteral("sub_org_creation")) == QLatin1String("disabled"))
                    parent = o->id;
                walk(i);
            }
        };
        walk({});
        QVERIFY(!parent.isEmpty());
        c->create(QStringLiteral("Not Allowed Here"), parent);
        QVERIFY(waitOperation(Operation::Create, false));
        QVERIFY2(c->error().message.contains(QStringLiteral("does not allow sub-organizations")),
                 qPrintable(c->error().message));
        QVERIFY2(c->error().message.contains(QStringLiteral("capability is “disabled”")),
                 qPrintable(c->error().message));
    }

    // Issue 20 item 1: a create that failed before anything was known, then
    // landed after all (someone else, or the lost POST): Retry reads the list
    // by name first and does not create a second one.
    void retryReadsBeforeCreatingAgain()
    {
        const QString labs = idOf(QStringLiteral(" Labs"));
        const QString name = QStringLiteral("Retry Looks First");
        const QUrl good = m_client.baseUrl();
        m_client.setMaxRetries(0);
        m_client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1/client/v4"))); // nothing listens there
        c->create(name, labs);
        QVERIFY(waitOperation(Operation::Create, false));
        QVERIFY(c->error().retryable);
        m_client.setBaseUrl(good);
        m_client.setMaxRetries(2);
        auto *behind = api::OrganizationsApi(&m_client).create(name, labs);
        behind->setAutoDelete(false);
        QSignalSpy created(behind, &api::Job::finished);
        behind->start();
        QVERIFY(created.wait(10000));
        QVERIFY(!behind->error());
        const QString id = behind->result().id;
        delete behind;

        c->retry();
        QVERIFY(waitOperation(Operation::Create, true));
        QCOMPARE(countNamed(labs, name), 1);
        QVERIFY(c->tree()->contains(id));
        QCOMPARE(m_session.organizationId(), id);
        QVERIFY2(c->notice().contains(QStringLiteral("already existed")), qPrintable(c->notice()));
    }

    // Issue 20 item 1: the POST is applied and the connection dropped before
    // the answer. Retrying as a user would still leaves exactly one organization.
    void createThatLandedBeforeAResetIsNotRepeated()
    {
        testsupport::SimulatorProcess sim{QStringList{
            QStringLiteral("--audit-events"), QStringLiteral("0"), QStringLiteral("--usage-days"),
            QStringLiteral("2"), QStringLiteral("--faults"), QStringLiteral("reset-after-write:1")}};
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        api::Client client;
        client.setBaseUrl(QUrl(sim.baseUrl()));
        client.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        client.setRetryBaseDelay(50);
        models::Session session;
        models::ActivityLog activity;
        Controller other(&session, &activity, m_settings.get());
        QSignalSpy loaded(&other, &Controller::treeLoaded);
        session.setClient(&client);
        QVERIFY(loaded.wait(20000));
        const QString parent = other.tree()->firstRootId();
        const QString name = QStringLiteral("Answer Lost");
        QSignalSpy done(&other, &Controller::operationFinished);
        other.create(name, parent);
        QVERIFY(done.wait(20000));
        for (int attempt = 0; attempt < 2 && other.error().retryable; ++attempt) {
            done.clear();
            other.retry();
            QVERIFY(done.wait(20000));
        }
        QCOMPARE(countNamed(parent, name, &client), 1);
        QVERIFY2(!other.error().isError(), qPrintable(other.error().message));
        const api::Organization *chosen = other.tree()->organization(session.organizationId());
        QVERIFY(chosen);
        QCOMPARE(chosen->name, name);
        session.setClient(nullptr);
    }

    // Issue 20 item 3: a 404 on the profile is "no profile yet" only while the
    // organization is still there; the follow-up read tells, not the code.
    void profileOfAVanishedOrganizationSaysSo()
    {
        const QString labs = idOf(QStringLiteral(" Labs"));
        c->create(QStringLiteral("Vanishing"), labs);
        QVERIFY(waitOperation(Operation::Create, true));
        const QString id = m_session.organizationId();
        QCOMPARE(c->tree()->organization(id)->name, QStringLiteral("Vanishing"));
        auto *gone = api::OrganizationsApi(&m_client).remove(id);
        gone->setAutoDelete(false);
        QSignalSpy removed(gone, &api::Job::finished);
        gone->start();
        QVERIFY(removed.wait(10000));
        QVERIFY(!gone->error());
        delete gone;

        QSignalSpy loaded(c.get(), &Controller::profileLoaded);
        c->ensureProfileLoaded();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().first().toBool(), false);
        QCOMPARE(c->profileState(), ProfileState::Failed);
        QVERIFY2(c->error().message.contains(QStringLiteral("no longer exists")),
                 qPrintable(c->error().message));

        // An organization that is still there loads its profile (or an empty form) as before.
        QVERIFY(select(labs));
        QVERIFY(loadProfile());
    }
};

QTEST_GUILESS_MAIN(TestOrganizationsController)
#include "tst_organizationscontroller.moc"
