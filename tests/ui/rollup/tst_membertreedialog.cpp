// The "In the tree…" dialog of the Members page against orgscope-sim
// --sub-orgs, driven through its widgets: an e-mail is found in every
// organization of the tree where it is a member, and removed from two of
// them after the confirmation, with a result per row.
#include "api/client.h"
#include "models/rollup/membertreesearch.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "ui/common/dialogs.h"
#include "ui/members/memberspage.h"
#include "ui/members/membertreedialog.h"

#include "testsupport/orgtreesimulator.h"
#include "testsupport/simulatorprocess.h"

#include <QApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

class TestMemberTreeDialog : public QObject
{
    Q_OBJECT

    testsupport::SimulatorProcess m_sim{testsupport::subOrgArgs(12, 300, 2)};
    api::Client m_client;
    models::Session m_session;

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        m_client.setBaseUrl(QUrl(m_sim.baseUrl()));
        m_client.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        m_client.setRetryBaseDelay(10);
        const api::Organization root = testsupport::holdingsRoot(&m_client);
        if (!root.id.isEmpty())
            m_session.setOrganization(root.id, root.name);
        QVERIFY(!m_session.organizationId().isEmpty());
        m_session.setClient(&m_client);
    }

    void pageOffersTheTreeSearch()
    {
        models::ActivityLog activity;
        ui::MembersPage page(&m_session, &activity);
        QVERIFY(page.findChild<QToolButton *>(QStringLiteral("findInTreeButton")));
    }

    void findAndRemoveAcrossTheTree()
    {
        ui::MemberTreeDialog dialog(&m_session);
        dialog.show();
        models::MemberTreeSearch *search = dialog.search();
        // The demo data: the first colleague's address is a member of several organizations.
        QSignalSpy done(search, &models::MemberTreeSearch::searchFinished);
        auto *email = dialog.findChild<QLineEdit *>(QStringLiteral("treeEmail"));
        QVERIFY(email);
        QTest::keyClicks(email, QStringLiteral("alice.okafor@acme.example"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("treeSearchButton")),
                          Qt::LeftButton);
        QVERIFY(done.wait(60000));
        auto *table = dialog.findChild<QTableView *>(QStringLiteral("treeTable"));
        const int found = table->model()->rowCount();
        QVERIFY2(found >= 2, qPrintable(QString::number(found)));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("treeStatus"))
                    ->text()
                    .contains(QStringLiteral("member of %1 of").arg(found)));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("treeRetryButton"))->isVisible());

        auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("treeRemoveButton"));
        QVERIFY(!remove->isEnabled());
        table->selectionModel()->select(table->model()->index(0, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->selectionModel()->select(table->model()->index(1, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(remove->isEnabled());
        QSignalSpy removed(search, &models::MemberTreeSearch::removalFinished);
        ui::Dialogs::enqueueAnswer(true);
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(removed.wait(30000));
        QCOMPARE(search->row(0).outcome, models::MemberTreeSearch::Removed);
        QCOMPARE(search->row(1).outcome, models::MemberTreeSearch::Removed);
        QCOMPARE(table->model()->index(0, models::MemberTreeSearch::ResultColumn).data().toString(),
                 QStringLiteral("Removed"));
        // Searching again finds the rest only.
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("treeSearchButton")),
                          Qt::LeftButton);
        QVERIFY(done.wait(60000));
        QCOMPARE(table->model()->rowCount(), found - 2);
    }
};

QTEST_MAIN(TestMemberTreeDialog)
#include "tst_membertreedialog.moc"
