// The Usage page's "Sub-organizations" tab against orgscope-sim --sub-orgs
// (parent answers include the children): the showback table has one row per
// organization with usage, counts the records of a parent and a child once
// and says so, names an organization that failed and fills it in on Retry;
// the checkbox is remembered.
#include "api/client.h"
#include "api/organizationsapi.h"
#include "models/rollup/usagerollupcontroller.h"
#include "models/session/session.h"
#include "models/usage/usagecontroller.h"
#include "ui/usage/usagerolluppanel.h"

#include "testsupport/simulatorprocess.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

class TestUsageRollupPanel : public QObject
{
    Q_OBJECT

    testsupport::SimulatorProcess m_sim{{QStringLiteral("--sub-orgs"), QStringLiteral("8"),
                                         QStringLiteral("--audit-events"), QStringLiteral("300"),
                                         QStringLiteral("--usage-days"), QStringLiteral("70"),
                                         QStringLiteral("--now"), QStringLiteral("2026-11-23T12:00:00Z")}};
    api::Client m_client;
    models::Session m_session;
    QHash<QString, QString> m_names; // id → name of every organization

    bool setOrgFaults(const QString &spec)
    {
        QUrl url(m_sim.baseUrl());
        url.setPath(QStringLiteral("/__sim/org-faults"));
        if (!spec.isEmpty())
            url.setQuery(QStringLiteral("spec=") + spec);
        QNetworkAccessManager nam;
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = nam.post(request, QByteArray());
        QSignalSpy done(reply, &QNetworkReply::finished);
        const bool ok = (reply->isFinished() || done.wait(10000)) && reply->error() == QNetworkReply::NoError;
        delete reply;
        return ok;
    }

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
};

QTEST_MAIN(TestUsageRollupPanel)
#include "tst_usagerolluppanel.moc"
