// The Usage page's "Sub-organizations" tab against orgscope-sim --sub-orgs
// (parent answers include the children): the showback table has one row per
// organization with usage, counts the records of a parent and a child once
// and says so, names an organization that failed and fills it in on Retry;
// the checkbox is remembered.
#include "api/client.h"
#include "api/organizationsapi.h"
#include "models/rollup/usagerollupcontroller.h"
#include "models/rollup/usagerollupmerge.h"
#include "models/session/session.h"
#include "models/usage/usagecontroller.h"
#include "ui/usage/usagerolluppanel.h"

#include "testsupport/orgtreesimulator.h"
#include "testsupport/simulatorprocess.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QThread>

#include <atomic>

namespace {
// Where rollupCube() ran, and how often.
std::atomic<QThread *> g_cubeThread{nullptr};
std::atomic<int> g_cubeBuilds{0};
void noteCubeThread()
{
    g_cubeThread.store(QThread::currentThread());
    ++g_cubeBuilds;
}
} // namespace

class TestUsageRollupPanel : public QObject
{
    Q_OBJECT

    testsupport::SimulatorProcess m_sim{testsupport::subOrgArgs(8, 300, 70, testsupport::kTreeNow)};
    api::Client m_client;
    models::Session m_session;
    QHash<QString, QString> m_names; // id → name of every organization

    bool setOrgFaults(const QString &spec) { return testsupport::setOrgFaults(m_sim.baseUrl(), spec); }

    static bool settle(models::UsageRollupController *c)
    {
        QElapsedTimer timer;
        timer.start();
        while (c->isLoading() && timer.elapsed() < 120000)
            QTest::qWait(20);
        return !c->isLoading();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        m_client.setBaseUrl(QUrl(m_sim.baseUrl()));
        m_client.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        m_client.setRetryBaseDelay(10);
        m_client.setMaxRetries(0);
        auto *job = api::OrganizationsApi(&m_client).list({}, 1000);
        job->setAutoDelete(false);
        QSignalSpy listed(job, &api::Job::finished);
        job->start();
        QVERIFY(job->isFinished() || listed.wait(30000));
        for (const api::Organization &o : job->result().items) {
            m_names.insert(o.id, o.name);
            if (o.name.endsWith(QLatin1String("Holdings")))
                m_session.setOrganization(o.id, o.name);
        }
        delete job;
        m_session.setClient(&m_client);
    }

    void showbackPerOrganizationAndMonth()
    {
        models::UsageController usage(&m_session);
        usage.setRange(models::UsageDayRange::fromDates(QDate(2026, 10, 1), QDate(2026, 11, 20)));
        ui::UsageRollupPanel panel(&m_session, &usage);
        auto *check = panel.findChild<QCheckBox *>(QStringLiteral("includeSubOrgsCheck"));
        QVERIFY(check);
        models::UsageRollupController *c = panel.controller();
        new QAbstractItemModelTester(c->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     this);
        check->setChecked(false);
        check->setChecked(true);
        QVERIFY(c->isLoading());
        QVERIFY(settle(c));
        auto *table = panel.findChild<QTableView *>(QStringLiteral("showbackTable"));
        const models::Showback &showback = c->model()->showback();
        QCOMPARE(showback.months.size(), 2); // October and November
        // Every organization of the tree with accounts has a row (the root and its units among them).
        QVERIFY2(table->model()->rowCount() >= 8 + 6,
                 qPrintable(QString::number(table->model()->rowCount())));
        QVERIFY(c->duplicatesRemoved() > 0);
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("rollupStatus"))
                    ->text()
                    .contains(QStringLiteral("counted once")));
        double sum = 0;
        for (const models::ShowbackRow &row : showback.rows)
            sum += row.total;
        QVERIFY(sum > 0);
        QCOMPARE(sum, showback.total);
        QVERIFY(c->missingOrganizations().isEmpty());

        // One unit fails: it is named, the others are shown; Retry fills it in.
        QString unit;
        for (auto it = m_names.cbegin(); it != m_names.cend(); ++it)
            if (it.value().endsWith(QLatin1String("Unit 03")))
                unit = it.key();
        QVERIFY(!unit.isEmpty());
        const int rows = table->model()->rowCount();
        QVERIFY(setOrgFaults(unit + QStringLiteral(":503")));
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("rollupRefreshButton")),
                          Qt::LeftButton);
        QVERIFY(settle(c));
        QVERIFY(setOrgFaults({}));
        QCOMPARE(c->missingOrganizations().size(), 1);
        QVERIFY(c->missingOrganizations().first().endsWith(m_names.value(unit)));
        QVERIFY(
            panel.findChild<QLabel *>(QStringLiteral("rollupMissing"))->text().contains(m_names.value(unit)));
        QCOMPARE(table->model()->rowCount(), rows - 1);
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("rollupRetryButton")),
                          Qt::LeftButton);
        QVERIFY(settle(c));
        QVERIFY(c->missingOrganizations().isEmpty());
        QCOMPARE(table->model()->rowCount(), rows);

        // Remembered for the next page.
        ui::UsageRollupPanel again(&m_session, &usage);
        QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("includeSubOrgsCheck"))->isChecked());
        check->setChecked(false);
        ui::UsageRollupPanel off(&m_session, &usage);
        QVERIFY(!off.findChild<QCheckBox *>(QStringLiteral("includeSubOrgsCheck"))->isChecked());
    }

    // Included sub-organizations feed the page: Organization groups the
    // charts and the pivot, a click on an organization lists its accounts
    // alone, and the merge and the cube are built off the GUI thread.
    void organizationDimensionOnThePage()
    {
        models::setRollupCubeHook(&noteCubeThread);
        g_cubeThread = nullptr;
        g_cubeBuilds = 0;
        models::UsageController usage(&m_session);
        const models::UsageDayRange range =
            models::UsageDayRange::fromDates(QDate(2026, 10, 1), QDate(2026, 10, 31));
        usage.setRange(range);
        ui::UsageRollupPanel panel(&m_session, &usage);
        auto *check = panel.findChild<QCheckBox *>(QStringLiteral("includeSubOrgsCheck"));
        check->setChecked(false);
        QVERIFY(!usage.showsRollup());
        QSignalSpy replaced(&usage, &models::UsageController::cubeReplaced);
        check->setChecked(true);
        QVERIFY(settle(panel.controller()));
        QVERIFY(!replaced.isEmpty() || replaced.wait(30000));
        QVERIFY(usage.showsRollup());
        QVERIFY(g_cubeBuilds.load() >= 1);
        QVERIFY(g_cubeThread.load() != nullptr);
        QVERIFY2(g_cubeThread.load() != QThread::currentThread(), "the cube was built on the GUI thread");
        const models::UsageCube cube = usage.cube();
        QVERIFY(cube.valueCount(models::UsageDimension::Organization) > 8);

        auto aggregated = [&] {
            QSignalSpy changed(&usage, &models::UsageController::aggregateChanged);
            return changed.wait(30000);
        };
        usage.setTopN(0);
        usage.setGroupBy({models::UsageDimension::Organization});
        QVERIFY(aggregated());
        while (usage.isAggregating())
            QVERIFY(aggregated());
        const models::UsageAggregate byOrg = usage.aggregate();
        QVERIFY(byOrg.groupCount() > 8);
        // The group with the most accounts under it (a unit, not a leaf).
        int pick = -1;
        for (int g = 0; g < byOrg.groupCount(); ++g) {
            QCOMPARE(byOrg.group(g).keys.value(0).dimension, models::UsageDimension::Organization);
            QCOMPARE(byOrg.group(g).label, m_names.value(byOrg.group(g).keys.value(0).key));
            if (pick < 0 || byOrg.group(g).rows > byOrg.group(pick).rows)
                pick = g;
        }
        const QString orgId = byOrg.group(pick).keys.value(0).key;
        QVERIFY(usage.drillInto(pick));
        QVERIFY(aggregated());
        while (usage.isAggregating())
            QVERIFY(aggregated());
        QCOMPARE(usage.query().groupBy, QList<models::UsageDimension>{models::UsageDimension::Account});
        QCOMPARE(usage.drillDown().breadcrumbs().size(), 2);
        // The accounts of that organization, from the cube's columns.
        QSet<QString> own, others;
        const qint32 orgValue = cube.findValue(models::UsageDimension::Organization, orgId);
        const auto orgs = cube.dimensionColumn(models::UsageDimension::Organization);
        const auto accounts = cube.dimensionColumn(models::UsageDimension::Account);
        const auto days = cube.days();
        const auto units = cube.unitColumn();
        // Quantities are shown one unit at a time.
        const QString unit = usage.aggregate().query().unit;
        for (size_t r = 0; r < orgs.size(); ++r) {
            if (!range.contains(days[r]) || cube.unitName(units[r]) != unit)
                continue;
            const QString account = cube.valueKey(models::UsageDimension::Account, accounts[r]);
            (orgs[r] == orgValue ? own : others).insert(account);
        }
        QVERIFY(!own.isEmpty());
        QVERIFY(!others.isEmpty());

        QSet<QString> listed;
        for (int g = 0; g < usage.aggregate().groupCount(); ++g) {
            QCOMPARE(usage.aggregate().group(g).keys.value(0).dimension, models::UsageDimension::Account);
            listed.insert(usage.aggregate().group(g).keys.value(0).key);
        }
        QCOMPARE(listed, own);

        // Leaving the roll-up leaves the organization level too.
        QSignalSpy drill(&usage, &models::UsageController::drillChanged);
        check->setChecked(false);
        QVERIFY(!usage.showsRollup());
        QVERIFY(!drill.isEmpty());
        QVERIFY(!usage.query().groupBy.contains(models::UsageDimension::Organization));
        for (const models::UsageFilter &f : usage.query().filters)
            QVERIFY(f.dimension != models::UsageDimension::Organization);
        models::setRollupCubeHook(nullptr);
    }
};

QTEST_MAIN(TestUsageRollupPanel)
#include "tst_usagerolluppanel.moc"
