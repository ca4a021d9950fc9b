// "Where is this person?" against orgscope-sim --sub-orgs: every organization
// of the tree where an e-mail is a member, with its status; removal from
// several at once with a result per row; an organization that cannot be
// searched is named and its Retry fills it in.
#include "api/client.h"
#include "models/rollup/membertreesearch.h"
#include "models/rollup/orgtreerollup.h"
#include "testsupport/orgtreesimulator.h"
#include "testsupport/simulatorprocess.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using models::MemberTreeSearch;
using models::OrgTreeRollup;
using testsupport::setOrgFaults;

class TestMemberTreeSearch : public QObject
{
    Q_OBJECT

    testsupport::SimulatorProcess m_sim{testsupport::subOrgArgs(24, 500, 2)};
    api::Client m_client;
    QString m_root;
    QList<models::OrgNode> m_tree;
    QString m_email;                    // the address with the most memberships in the tree
    QHash<QString, QString> m_statusOf; // organization → status of its membership

    bool search(MemberTreeSearch &s, const std::function<void()> &go)
    {
        QSignalSpy done(&s, &MemberTreeSearch::searchFinished);
        go();
        return !done.isEmpty() || done.wait(60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        m_client.setBaseUrl(QUrl(m_sim.baseUrl()));
        m_client.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        m_client.setRetryBaseDelay(10);
        m_client.setMaxRetries(0);
        m_client.setMaxPageRetries(0);
        m_root = testsupport::holdingsRoot(&m_client).id;
        QVERIFY(!m_root.isEmpty());
        // Every membership of the tree, read organization by organization.
        OrgTreeRollup all(&m_client);
        all.setKind(OrgTreeRollup::Kind::Members);
        QSignalSpy finished(&all, &OrgTreeRollup::finished);
        all.start(m_root);
        QVERIFY(finished.wait(60000));
        QVERIFY(all.isComplete());
        m_tree = all.organizations();
        QHash<QString, QHash<QString, QString>> byEmail;
        for (qsizetype i = 0; i < m_tree.size(); ++i)
            for (const api::Member &m : all.members(i))
                byEmail[m.user.email.toLower()].insert(m_tree.at(i).id, m.status);
        for (auto it = byEmail.cbegin(); it != byEmail.cend(); ++it) {
            if (it.value().size() > m_statusOf.size()) {
                m_email = it.key();
                m_statusOf = it.value();
            }
        }
        QVERIFY2(m_statusOf.size() >= 3, "one address is a member of several organizations");
    }

    void findsEveryOrganizationWithItsStatus()
    {
        MemberTreeSearch s(&m_client);
        new QAbstractItemModelTester(&s, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        // Any case: e-mail addresses are compared case-insensitively.
        QVERIFY(search(s, [&] { s.search(m_email.toUpper(), m_root); }));
        QVERIFY(s.missingOrganizations().isEmpty());
        QCOMPARE(s.rowCount(), int(m_statusOf.size()));
        for (int r = 0; r < s.rowCount(); ++r) {
            const QString org = s.row(r).organization.id;
            QVERIFY(m_statusOf.contains(org));
            QCOMPARE(s.data(s.index(r, MemberTreeSearch::StatusColumn)).toString(), m_statusOf.value(org));
            QCOMPARE(s.data(s.index(r, MemberTreeSearch::OrganizationColumn), Qt::ToolTipRole).toString(),
                     s.row(r).organization.pathText());
        }
        // Nobody: no rows, no failure.
        QVERIFY(search(s, [&] { s.search(QStringLiteral("nobody@nowhere.example"), m_tree); }));
        QCOMPARE(s.rowCount(), 0);
        QVERIFY(s.missingOrganizations().isEmpty());
    }

    void anOrganizationThatFailsIsNamedAndRetried()
    {
        const QString failing = m_statusOf.keys().first();
        QVERIFY(setOrgFaults(m_sim.baseUrl(), failing + QStringLiteral(":500")));
        MemberTreeSearch s(&m_client);
        QVERIFY(search(s, [&] { s.search(m_email, m_tree); }));
        QVERIFY(setOrgFaults(m_sim.baseUrl(), {}));
        QCOMPARE(s.rowCount(), int(m_statusOf.size()) - 1);
        QCOMPARE(s.missingOrganizations().size(), 1);
        QString path;
        for (const models::OrgNode &n : m_tree)
            if (n.id == failing)
                path = n.pathText();
        QCOMPARE(s.missingOrganizations().first(), path);
        QVERIFY(search(s, [&] { s.retryMissing(); }));
        QVERIFY(s.missingOrganizations().isEmpty());
        QCOMPARE(s.rowCount(), int(m_statusOf.size()));
    }

    void removesFromSeveralAtOnce()
    {
        MemberTreeSearch s(&m_client);
        QVERIFY(search(s, [&] { s.search(m_email, m_tree); }));
        MemberTreeSearch stale(&m_client); // another window that searched before the removal
        QVERIFY(search(stale, [&] { stale.search(m_email, m_tree); }));
        QVERIFY(s.rowCount() >= 3);
        QSignalSpy removed(&s, &MemberTreeSearch::removalFinished);
        s.remove({0, 1});
        QVERIFY(removed.wait(30000));
        QCOMPARE(s.row(0).outcome, MemberTreeSearch::Removed);
        QCOMPARE(s.row(1).outcome, MemberTreeSearch::Removed);
        QCOMPARE(s.row(2).outcome, MemberTreeSearch::NotAsked);
        QCOMPARE(s.data(s.index(0, MemberTreeSearch::ResultColumn)).toString(), QStringLiteral("Removed"));
        const QString gone = s.row(0).organization.id;
        // The same rows from the stale search: already gone, said per row.
        int staleRow = -1;
        for (int r = 0; r < stale.rowCount(); ++r)
            if (stale.row(r).organization.id == gone)
                staleRow = r;
        QVERIFY(staleRow >= 0);
        QSignalSpy staleDone(&stale, &MemberTreeSearch::removalFinished);
        stale.remove({staleRow});
        QVERIFY(staleDone.wait(30000));
        QCOMPARE(stale.row(staleRow).outcome, MemberTreeSearch::AlreadyGone);
        // A new search no longer finds those two.
        MemberTreeSearch after(&m_client);
        QVERIFY(search(after, [&] { after.search(m_email, m_tree); }));
        QCOMPARE(after.rowCount(), s.rowCount() - 2);
        for (int r = 0; r < after.rowCount(); ++r) {
            QVERIFY(after.row(r).organization.id != s.row(0).organization.id);
            QVERIFY(after.row(r).organization.id != s.row(1).organization.id);
        }
    }
};

QTEST_GUILESS_MAIN(TestMemberTreeSearch)
#include "tst_membertreesearch.moc"
