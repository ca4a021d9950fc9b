// The api layer against the real orgscope-sim over HTTP: CRUD round trips,
// both audit cursor shapes, no duplicate creates under connection resets,
// and the rate budget keeping a long listing clear of 429s.
#include "api/auditpager.h"
#include "api/client.h"
#include "api/membersapi.h"
#include "api/organizationsapi.h"
#include "api/organizationspager.h"
#include "api/ratebudget.h"
#include "api/tokensapi.h"
#include "testsupport/simulatorprocess.h"

#include <QSignalSpy>
#include <QTest>

using namespace api;
using testsupport::SimulatorProcess;

namespace {
const QStringList Pinned{QStringLiteral("--now"),          QStringLiteral("2026-11-23T12:00:00Z"),
                         QStringLiteral("--audit-events"), QStringLiteral("1500"),
                         QStringLiteral("--usage-days"),   QStringLiteral("40")};

template <typename T> bool finish(TypedJob<T> *job)
{
    job->setAutoDelete(false);
    QSignalSpy spy(job, &Job::finished);
    job->start();
    return spy.wait(30000);
}

AuditQuery wholeHistory()
{
    AuditQuery q;
    q.since = QStringLiteral("2020-01-01");
    q.before = QStringLiteral("2026-11-24");
    return q;
}
} // namespace

class TestSim : public QObject
{
    Q_OBJECT

    static std::unique_ptr<Client> client(const SimulatorProcess &sim)
    {
        auto c = std::make_unique<Client>();
        c->setBaseUrl(QUrl(sim.baseUrl()));
        c->setCredentials(Credentials{SimulatorProcess::demoToken(), {}, {}});
        c->setRetryBaseDelay(20);
        return c;
    }

    static QList<Organization> organizations(Client *c)
    {
        OrganizationsPager pager(c);
        QList<Organization> all;
        QObject::connect(&pager, &OrganizationsPager::pageReady, &pager,
                         [&all](const QList<Organization> &p) { all += p; });
        QSignalSpy spy(&pager, &Pager::finished);
        pager.start();
        spy.wait(30000);
        return pager.succeeded() ? all : QList<Organization>{};
    }

    static QString rootId(Client *c)
    {
        for (const Organization &o : organizations(c))
            if (o.parentId.isEmpty() &&
                o.flag(QStringLiteral("sub_org_creation")) == QLatin1String("enabled"))
                return o.id;
        return {};
    }

    static QStringList auditIds(Client *c, const QString &org, int limit)
    {
        AuditQuery q = wholeHistory();
        q.limit = limit;
        AuditPager pager(c, org, q);
        QStringList ids;
        QObject::connect(&pager, &AuditPager::pageReady, &pager, [&ids](const QList<AuditEvent> &page) {
            for (const AuditEvent &e : page)
                ids << e.id;
        });
        QSignalSpy spy(&pager, &Pager::finished);
        pager.start();
        spy.wait(60000);
        if (!pager.succeeded())
            return {QStringLiteral("error: ") + pager.error().toLogString()};
        return ids;
    }

private Q_SLOTS:
    void crudRoundTrip()
    {
        SimulatorProcess sim(Pinned);
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto c = client(sim);
        const QString root = rootId(c.get());
        QVERIFY(!root.isEmpty());
        OrganizationsApi orgs(c.get());

        QScopedPointer created(orgs.create(QStringLiteral("Orgscope Test Labs"), root));
        QVERIFY(finish(created.get()));
        QVERIFY2(created->succeeded(), qPrintable(created->error().toLogString()));
        const Organization org = created->result();
        QCOMPARE(org.parentId, root);
        QVERIFY(!org.rawJson.isEmpty());

        QScopedPointer renamed(orgs.update(org.id, QStringLiteral("Orgscope Test Labs 2")));
        QVERIFY(finish(renamed.get()));
        QCOMPARE(renamed->result().name, QStringLiteral("Orgscope Test Labs 2"));

        const Profile profile{QStringLiteral("Labs GmbH"), QStringLiteral("labs@acme.example"),
                              QStringLiteral("+49 30 1"), QStringLiteral("Street 1, Berlin"),
                              QStringLiteral("{\"k\":1}")};
        QScopedPointer put(orgs.updateProfile(org.id, profile));
        QVERIFY(finish(put.get()));
        QVERIFY2(put->succeeded(), qPrintable(put->error().toLogString()));
        QCOMPARE(put->httpStatus(), 204);
        QScopedPointer got(orgs.profile(org.id));
        QVERIFY(finish(got.get()));
        QCOMPARE(got->result(), profile);

        MembersApi members(c.get());
        QScopedPointer invite(
            members.create(org.id, MemberInvite{QStringLiteral("new.person@acme.example"), {}}));
        QVERIFY(finish(invite.get()));
        QVERIFY2(invite->succeeded(), qPrintable(invite->error().toLogString()));
        QScopedPointer batch(members.batchCreate(
            org.id, {MemberInvite{QStringLiteral("b1@acme.example"), QStringLiteral("active")},
                     MemberInvite{QStringLiteral("b2@acme.example"), {}}}));
        QVERIFY(finish(batch.get()));
        QVERIFY2(batch->succeeded(), qPrintable(batch->error().toLogString()));
        QCOMPARE(batch->result().size(), 2);
        QScopedPointer dup(
            members.create(org.id, MemberInvite{QStringLiteral("new.person@acme.example"), {}}));
        QVERIFY(finish(dup.get()));
        QCOMPARE(dup->error().httpStatus(), 400);
        QVERIFY(!dup->error().userMessage().isEmpty());

        // Not empty yet: the API refuses, and says why.
        QScopedPointer early(orgs.remove(org.id));
        QVERIFY(finish(early.get()));
        QVERIFY(early->error());
        for (const Member &m : QList<Member>{invite->result()} + batch->result()) {
            QScopedPointer del(members.remove(org.id, m.id));
            QVERIFY(finish(del.get()));
            QVERIFY2(del->succeeded(), qPrintable(del->error().toLogString()));
        }
        QScopedPointer gone(members.get(org.id, invite->result().id));
        QVERIFY(finish(gone.get()));
        QCOMPARE(gone->error().httpStatus(), 404);
        QScopedPointer removed(orgs.remove(org.id));
        QVERIFY(finish(removed.get()));
        QVERIFY2(removed->succeeded(), qPrintable(removed->error().toLogString()));
        QCOMPARE(removed->result(), org.id);
        QScopedPointer missing(orgs.get(org.id));
        QVERIFY(finish(missing.get()));
        QCOMPARE(missing->error().httpStatus(), 404);

        QScopedPointer verify(TokensApi(c.get()).verifyUser());
        QVERIFY(finish(verify.get()));
        QCOMPARE(verify->result().status, QStringLiteral("active"));

        c->setCredentials(Credentials{QStringLiteral("bogus"), {}, {}});
        QScopedPointer denied(orgs.get(root));
        QVERIFY(finish(denied.get()));
        QCOMPARE(denied->error().httpStatus(), 401);
        QVERIFY(denied->error().userMessage().startsWith(QStringLiteral("Authentication failed")));
    }

    void globalKeyAndLegacyFlags()
    {
        SimulatorProcess sim(Pinned + QStringList{QStringLiteral("--legacy-meta-flags")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto c = client(sim);
        c->setCredentials(Credentials{{}, SimulatorProcess::demoEmail(), SimulatorProcess::demoKey()});
        const QList<Organization> orgs = organizations(c.get());
        QVERIFY(!orgs.isEmpty());
        for (const Organization &o : orgs) {
            QVERIFY(!o.flagsAreTenantFlags);
            QVERIFY(!o.flags.isEmpty());
        }
    }

    void everyAuditEntryUnderEveryCursorStyle()
    {
        QStringList reference;
        for (const char *style : {"flat", "after", "both"}) {
            SimulatorProcess sim(Pinned +
                                 QStringList{QStringLiteral("--cursor-style"), QLatin1String(style)});
            QVERIFY2(sim.start(), qPrintable(sim.errorString()));
            auto c = client(sim);
            const QString root = rootId(c.get());
            const QStringList ids = auditIds(c.get(), root, 97);
            QVERIFY2(ids.size() > 500, qPrintable(ids.value(0)));
            QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
            if (reference.isEmpty())
                reference = ids;
            else
                QCOMPARE(ids, reference);
        }
    }

    void createsAreNeverDuplicatedUnderResets()
    {
        SimulatorProcess sim(Pinned + QStringList{QStringLiteral("--faults"),
                                                  QStringLiteral("reset:0.35,503:0.1"),
                                                  QStringLiteral("--fault-seed"), QStringLiteral("3")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto c = client(sim);
        c->setMaxRetries(8); // only so the reads below get through the faults
        const QString root = rootId(c.get());
        QVERIFY(!root.isEmpty());
        int failedCreates = 0;
        for (int i = 0; i < 12; ++i) {
            QScopedPointer job(OrganizationsApi(c.get()).create(QStringLiteral("dup-check-%1").arg(i), root));
            QVERIFY(finish(job.get()));
            if (job->error()) {
                ++failedCreates;
                QCOMPARE(job->attempts(), 1); // never retried
            }
        }
        QVERIFY(failedCreates > 0); // the faults did hit some creates
        QMap<QString, int> counts;
        for (const Organization &o : organizations(c.get()))
            if (o.name.startsWith(QStringLiteral("dup-check-")))
                ++counts[o.name];
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
    }

    void budgetKeepsClearOfTheServerLimit()
    {
        SimulatorProcess sim(Pinned + QStringList{QStringLiteral("--rate-limit"), QStringLiteral("40/4")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto c = client(sim);
        c->setMaxRetries(0); // a single 429 would end the listing
        QSignalSpy throttled(c->rateBudget(), &RateBudget::throttled);
        const QString root = rootId(c.get());
        const QStringList ids = auditIds(c.get(), root, 10); // ~80 requests against 40 per 4 s
        QVERIFY2(ids.size() > 500, qPrintable(QStringLiteral("%1 %2").arg(ids.size()).arg(ids.value(0))));
        QCOMPARE(c->rateBudget()->limit(), 40);
        QVERIFY(throttled.count() > 0);
    }

    // Issue 20 item 2: under the rate budget, another page's small request
    // (an organizations list) does not wait behind a long audit pager's
    // queue: the budget serves requests in the order they ask, and the pager
    // never asks for more than its few pages in flight, so the small request
    // goes out within a slot or two, while the pager still has most of its
    // pages to go.
    void smallRequestIsNotStarvedBehindAPager()
    {
        SimulatorProcess sim(Pinned + QStringList{QStringLiteral("--rate-limit"), QStringLiteral("40/4")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto c = client(sim);
        c->setMaxRetries(0); // a 429 would end the listing: the pacing must hold
        const QString root = rootId(c.get());
        QVERIFY(!root.isEmpty());
        AuditQuery q = wholeHistory();
        q.limit = 10; // ~80 pages against 40 requests per 4 s: paced all along
        AuditPager pager(c.get(), root, q);
        int pages = 0;
        int pagesAtSmallStart = -1;
        int pagesAtSmallEnd = -1;
        std::unique_ptr<TypedJob<Page<Organization>>> small;
        QObject::connect(&pager, &AuditPager::columnsReady, &pager, [&](const AuditColumns &) {
            ++pages;
            if (pages != 10)
                return;
            small.reset(OrganizationsApi(c.get()).list({}, 50, {}, nullptr));
            small->setAutoDelete(false);
            QObject::connect(small.get(), &Job::finished, &pager, [&] { pagesAtSmallEnd = pages; });
            pagesAtSmallStart = pages;
            small->start();
        });
        QSignalSpy done(&pager, &Pager::finished);
        QSignalSpy throttled(c->rateBudget(), &RateBudget::throttled);
        pager.start();
        QVERIFY(done.wait(60000));
        QVERIFY2(pager.succeeded(), qPrintable(pager.error().toLogString()));
        QVERIFY2(pages > 60, qPrintable(QString::number(pages)));
        QVERIFY(throttled.count() > 0); // the pager was paced
        QVERIFY(small && small->isFinished());
        QVERIFY2(!small->error(), qPrintable(small->error().toLogString()));
        // Out while the pager was at page 10-13, not after its remaining ~70 pages.
        QCOMPARE(pagesAtSmallStart, 10);
        QVERIFY2(pagesAtSmallEnd >= 0 && pagesAtSmallEnd <= pagesAtSmallStart + 3,
                 qPrintable(QStringLiteral("the small request finished after page %1").arg(pagesAtSmallEnd)));
    }
};

QTEST_GUILESS_MAIN(TestSim)
#include "tst_sim.moc"
