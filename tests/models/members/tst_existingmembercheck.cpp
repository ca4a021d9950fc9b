// ExistingMemberCheck against orgscope-sim: a list of 5,000 addresses is
// checked for current members with list pages (the server's e-mail filters,
// or the whole member list), never one request per address. Requests are
// counted where they leave the process, in the network access manager.

#include "api/client.h"
#include "api/membersapi.h"
#include "api/organizationsapi.h"
#include "models/members/existingmembercheck.h"
#include "models/members/memberbatchmodel.h"

#include "testsupport/simulatorprocess.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using Check = models::MemberBatchModel::Check;

namespace {

class CountingManager : public QNetworkAccessManager
{
public:
    using QNetworkAccessManager::QNetworkAccessManager;
    int requests = 0;
    QStringList queries;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        ++requests;
        queries << request.url().query(QUrl::FullyDecoded);
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

template <typename J> bool waitFor(J *job, int timeoutMs = 20000)
{
    job->setAutoDelete(false);
    QSignalSpy done(job, &api::Job::finished);
    job->start();
    return job->isFinished() || done.wait(timeoutMs);
}

} // namespace

class TestExistingMemberCheck : public QObject
{
    Q_OBJECT

    testsupport::SimulatorProcess m_sim{{QStringLiteral("--audit-events"), QStringLiteral("50"),
                                         QStringLiteral("--usage-days"), QStringLiteral("1")}};
    CountingManager m_manager;
    api::Client m_client{&m_manager};
    QString m_orgId;
    QList<api::Member> m_members; // of m_orgId, every status

    // Checks `emails` (nothing loaded locally) and returns the rows.
    std::unique_ptr<models::MemberBatchModel> check(const QStringList &emails, int pageSize, int *requests,
                                                    int *failed = nullptr)
    {
        auto rows = std::make_unique<models::MemberBatchModel>();
        QList<models::EmailListParser::Entry> entries;
        for (const QString &e : emails)
            entries.append({e, int(entries.size()) + 1});
        rows->setEntries(entries);
        models::ExistingMemberCheck check(&m_client, m_orgId, rows.get());
        check.setLoadedMembers(nullptr, false);
        check.setPageSize(pageSize);
        QSignalSpy finished(&check, &models::ExistingMemberCheck::finished);
        const int before = m_manager.requests;
        check.start();
        if (finished.isEmpty() && !finished.wait(120000))
            qWarning("the check did not finish");
        *requests = m_manager.requests - before;
        qInfo("%lld addresses checked with %d requests (pages of %d)", qlonglong(emails.size()), *requests,
              pageSize);
        if (*requests != check.requestsSent())
            qWarning("the check counted %d requests, the network %d", check.requestsSent(), *requests);
        if (failed)
            *failed = check.lookupsFailed();
        return rows;
    }

    // 5,000 addresses: every current member (some in upper case), the rest new.
    QStringList bigList(const QStringList &newDomains) const
    {
        QStringList emails;
        for (qsizetype i = 0; i < m_members.size(); ++i)
            emails << (i % 2 ? m_members.at(i).user.email.toUpper() : m_members.at(i).user.email);
        for (int i = 0; emails.size() < 5000; ++i)
            emails << QStringLiteral("newcomer-%1@%2").arg(i).arg(newDomains.at(i % newDomains.size()));
        return emails;
    }

    void verifyMarks(const models::MemberBatchModel &rows)
    {
        QHash<QString, api::Member> byEmail;
        for (const api::Member &m : m_members)
            byEmail.insert(m.user.email.toLower(), m);
        int existing = 0;
        for (int r = 0; r < rows.rowCount(); ++r) {
            const auto &row = rows.row(r);
            const auto it = byEmail.constFind(row.email.toLower());
            const bool blocks = it != byEmail.cend() && models::ExistingMemberCheck::blocksInvite(it->status);
            QVERIFY2((row.check == Check::Existing) == blocks, qPrintable(row.email));
            if (blocks) {
                QCOMPARE(row.memberId, it->id);
                ++existing;
            }
        }
        QVERIFY(existing > 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        m_client.setBaseUrl(QUrl(m_sim.baseUrl()));
        m_client.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        // The organization with the most members.
        auto *list = api::OrganizationsApi(&m_client).list({}, 1000, {}, this);
        QVERIFY(waitFor(list) && !list->error());
        for (const api::Organization &o : list->result().items) {
            auto *job = api::MembersApi(&m_client).list(o.id, {}, 1000, {}, this);
            QVERIFY(waitFor(job) && !job->error());
            if (job->result().items.size() > m_members.size()) {
                m_members = job->result().items;
                m_orgId = o.id;
            }
            delete job;
        }
        delete list;
        QVERIFY(m_members.size() >= 8);
        // Every status that blocks and one that does not, so both are seen.
        bool blocking = false;
        bool free = false;
        for (const api::Member &m : std::as_const(m_members))
            (models::ExistingMemberCheck::blocksInvite(m.status) ? blocking : free) = true;
        QVERIFY(blocking);
        if (!free)
            qWarning("no canceled or rejected member in the seed: only blocking memberships are checked");
    }

    // Few domains: one listing per domain (the whole list in pages of one
    // member each would cost more).
    void fiveThousandAddressesFewDomains()
    {
        const QStringList emails =
            bigList({QStringLiteral("newcomer.example"), QStringLiteral("other.example")});
        QCOMPARE(emails.size(), 5000);
        int requests = 0;
        int failed = -1;
        const auto rows = check(emails, 1, &requests, &failed);
        QCOMPARE(failed, 0);
        QVERIFY2(requests < 60, qPrintable(QString::number(requests)));
        verifyMarks(*rows);
        bool domainFilter = false;
        for (const QString &q : std::as_const(m_manager.queries))
            domainFilter |= q.contains(QStringLiteral("user.email.endsWith=@newcomer.example"));
        QVERIFY(domainFilter);
    }

    // Every address at a domain of its own: the organization's member list.
    void fiveThousandAddressesManyDomains()
    {
        QStringList domains;
        for (int i = 0; i < 5000; ++i)
            domains << QStringLiteral("d%1.example").arg(i);
        const QStringList emails = bigList(domains);
        int requests = 0;
        int failed = -1;
        const auto rows = check(emails, 1000, &requests, &failed);
        QCOMPARE(failed, 0);
        QVERIFY2(requests < 60, qPrintable(QString::number(requests)));
        verifyMarks(*rows);
    }

    // A handful of addresses go straight to the exact e-mail filter.
    void fewAddressesAskDirectly()
    {
        const QStringList emails{m_members.first().user.email,
                                 QStringLiteral("someone-new@newcomer.example")};
        int requests = 0;
        const auto rows = check(emails, 1000, &requests);
        QCOMPARE(requests, 2);
        QCOMPARE(rows->row(0).check == Check::Existing,
                 models::ExistingMemberCheck::blocksInvite(m_members.first().status));
        QCOMPARE(rows->row(1).check, Check::Ready);
    }

    void cancelEndsOnce()
    {
        QStringList domains;
        for (int i = 0; i < 40; ++i)
            domains << QStringLiteral("c%1.example").arg(i);
        const QStringList emails = bigList(domains);
        models::MemberBatchModel rows;
        QList<models::EmailListParser::Entry> entries;
        for (const QString &e : emails)
            entries.append({e, int(entries.size()) + 1});
        rows.setEntries(entries);
        models::ExistingMemberCheck check(&m_client, m_orgId, &rows);
        check.setPageSize(1);
        QSignalSpy finished(&check, &models::ExistingMemberCheck::finished);
        check.start();
        QVERIFY(check.isRunning());
        check.cancel();
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(!check.isRunning());
        QCOMPARE(check.lookupsFailed(), 0);
        QTest::qWait(100);
        QCOMPARE(finished.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestExistingMemberCheck)
#include "tst_existingmembercheck.moc"
