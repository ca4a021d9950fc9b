// The Usage page against orgscope-sim over real HTTP: a range loads, moving
// it fetches only what is missing, the pivot's totals equal a direct
// aggregation of the cube, a click through the chart drills down with a
// breadcrumb back, exports write the pivot, the records and the chart, and
// the measure selector offers costs only when the records carry them.

#include "api/client.h"
#include "api/organizationsapi.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "models/usage/usageaggregator.h"
#include "models/usage/usagecontroller.h"
#include "models/usage/usagepivotmodel.h"
#include "ui/common/dialogs.h"
#include "ui/common/messagebanner.h"
#include "ui/shell/navigator.h"
#include "ui/usage/costoutlookbar.h"
#include "ui/usage/usagebarchart.h"
#include "ui/usage/usagebreadcrumbbar.h"
#include "ui/usage/usagedonutchart.h"
#include "ui/usage/usagelinechart.h"
#include "ui/usage/usagepage.h"

#include "testsupport/simulatorprocess.h"

#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <cmath>
#include <memory>

using models::UsageDimension;

namespace {

struct Fixture
{
    std::unique_ptr<testsupport::SimulatorProcess> sim;
    api::Client *client = nullptr;
    QString orgId;
    QString orgName;
};

bool startSim(Fixture &f, const QStringList &args, QObject *parent)
{
    f.sim = std::make_unique<testsupport::SimulatorProcess>(args);
    if (!f.sim->start()) {
        qWarning() << f.sim->errorString();
        return false;
    }
    f.client = new api::Client(parent);
    f.client->setBaseUrl(QUrl(f.sim->baseUrl()));
    f.client->setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
    f.client->setRetryBaseDelay(10);
    api::OrganizationsApi orgs(f.client);
    auto *list = orgs.list({}, 1000, {}, parent);
    list->setAutoDelete(false);
    QSignalSpy done(list, &api::Job::finished);
    list->start();
    if (!(list->isFinished() || done.wait(20000)) || list->error() || list->result().items.isEmpty()) {
        delete list;
        return false;
    }
    // The first organization is the root: its usage covers every account.
    f.orgId = list->result().items.constFirst().id;
    f.orgName = list->result().items.constFirst().name;
    delete list;
    return true;
}

bool waitIdle(ui::UsagePage *page)
{
    models::UsageController *c = page->controller();
    // The last aggregate answers the current question once nothing is pending.
    return QTest::qWaitFor(
        [c] {
            return !c->isLoading() && !c->isAggregating() &&
                   c->aggregate().query().filters == c->query().filters &&
                   c->aggregate().query().groupBy == c->query().groupBy &&
                   c->aggregate().query().range == c->query().range;
        },
        30000);
}

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestUsagePage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("usage"));
    }

    void init() { ui::Dialogs::clearAnswers(); }

    void presets()
    {
        using P = ui::UsagePage::RangePreset;
        const QDate today(2026, 3, 1);
        auto range = [&](P p) { return ui::UsagePage::presetRange(p, today); };
        // Complete days only: ranges end yesterday; this month on the 1st is just today.
        QCOMPARE(range(P::ThisMonth), models::UsageDayRange::fromDates(today, today));
        QCOMPARE(range(P::LastMonth),
                 models::UsageDayRange::fromDates(QDate(2026, 2, 1), QDate(2026, 2, 28)));
        QCOMPARE(range(P::Last30Days),
                 models::UsageDayRange::fromDates(QDate(2026, 1, 30), QDate(2026, 2, 28)));
        QCOMPARE(range(P::Last30Days).dayCount(), 30);
        QCOMPARE(range(P::Last90Days).dayCount(), 90);
        QCOMPARE(range(P::Last12Months).firstDate(), QDate(2025, 4, 1));
        QCOMPARE(range(P::Last12Months).lastDate(), QDate(2026, 2, 28));
        QCOMPARE(ui::UsagePage::presetRange(P::ThisMonth, QDate(2026, 3, 15)),
                 models::UsageDayRange::fromDates(QDate(2026, 3, 1), QDate(2026, 3, 14)));
    }

    // Several windows in flight when the server starts refusing: one message,
    // the rows already loaded stay, and Retry loads what is missing, so the
    // cube ends up exactly as after an undisturbed load.
    void failureWithWindowsInFlightThenRetry()
    {
        Fixture f;
        QVERIFY(startSim(f, {QStringLiteral("--usage-days"), QStringLiteral("200")}, this));
        models::Session session;
        session.setClient(f.client);
        session.setOrganization(f.orgId, f.orgName);
        models::AppSettings settings;

        // The reference: the same range loaded without trouble.
        qsizetype referenceRows = 0;
        double referenceTotal = 0;
        {
            ui::UsagePage reference(&session, &settings);
            reference.setRangePreset(ui::UsagePage::RangePreset::Last90Days);
            reference.show();
            QVERIFY(waitIdle(&reference));
            QVERIFY(!reference.banner()->isVisible());
            referenceRows = reference.controller()->cube().rowCount();
            referenceTotal = reference.controller()->aggregate().grandTotal();
            QVERIFY(referenceRows > 0);
        }

        ui::UsagePage page(&session, &settings);
        models::UsageController *c = page.controller();
        QSignalSpy failed(c, &models::UsageController::loadFailed);
        page.setRangePreset(ui::UsagePage::RangePreset::Last30Days);
        page.show();
        QVERIFY(waitIdle(&page));
        const qsizetype before = c->cube().rowCount();
        QVERIFY(before > 0);

        QNetworkAccessManager nam;
        auto force429 = [&](int count) {
            QUrl hook(f.sim->baseUrl());
            hook.setPath(QStringLiteral("/__sim/force-429"));
            hook.setQuery(QStringLiteral("count=%1").arg(count));
            QNetworkReply *reply = nam.post(QNetworkRequest(hook), QByteArray());
            const bool done = QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
            const bool ok = done && reply->error() == QNetworkReply::NoError;
            reply->deleteLater();
            return ok;
        };
        QVERIFY(force429(1000));
        page.setRangePreset(ui::UsagePage::RangePreset::Last90Days); // four new windows, all in flight
        QTRY_VERIFY_WITH_TIMEOUT(!c->isLoading() && page.banner()->isVisible(), 60000);
        QCOMPARE(failed.count(), 1);
        QVERIFY(page.banner()->retryOffered());
        QCOMPARE(c->cube().rowCount(), before); // what was loaded stays
        QVERIFY(!c->cube().isCovered(c->fetchRange()));

        QVERIFY(force429(0));
        Q_EMIT page.banner()->retryRequested();
        QVERIFY(waitIdle(&page));
        QVERIFY(!page.banner()->isVisible());
        QCOMPARE(failed.count(), 1);
        QVERIFY(c->cube().isCovered(c->fetchRange()));
        QCOMPARE(c->cube().rowCount(), referenceRows);
        QVERIFY(qAbs(c->aggregate().grandTotal() - referenceTotal) <= 1e-9 * qMax(1.0, qAbs(referenceTotal)));
    }

    void loadGroupDrillExport()
    {
        Fixture f;
        QVERIFY(startSim(f, {QStringLiteral("--usage-days"), QStringLiteral("120")}, this));
        models::Session session;
        session.setClient(f.client);
        session.setOrganization(f.orgId, f.orgName);
        models::AppSettings settings;
        ui::UsagePage page(&session, &settings);
        page.resize(1200, 800);
        page.setRangePreset(ui::UsagePage::RangePreset::Last30Days);
        page.setGroupBy(UsageDimension::ProductFamily);
        page.setTopN(0);
        page.show();
        QVERIFY(waitIdle(&page));
        models::UsageController *c = page.controller();
        QVERIFY(!page.banner()->isVisible());
        QVERIFY(c->cube().rowCount() > 0);
        // The range and the previous period (two 30-day windows) and, for the
        // rate card's monthly allowance, the previous period's month from its 1st.
        const qint32 previousFirst = c->range().first - c->range().dayCount();
        QCOMPARE(c->windowsTotal(),
                 2 + (models::usageday::monthStart(previousFirst) < previousFirst ? 1 : 0));
        QVERIFY(c->cube().isCovered(c->fetchRange()));
        QCOMPARE(c->fetchRange().first, models::usageday::monthStart(previousFirst));

        // Usage-only records: the bundled rate card prices them, so estimated
        // cost is the default measure, and the page says where it comes from.
        QCOMPARE(page.measureCombo()->count(), 2);
        QCOMPARE(page.measureCombo()->currentData().toInt(), int(models::UsageMeasure::EstimatedCost));
        QVERIFY(page.noteLabel()->isVisible());
        QVERIFY(page.noteLabel()->text().contains(QStringLiteral("costs are estimated")));
        QVERIFY(page.costBar()->cardText().contains(QStringLiteral("Cloudflare list prices")));
        QVERIFY(page.costBar()->cardText().contains(QStringLiteral("unpriced"))); // CDN has no public price
        QVERIFY(page.costBar()->outlookText().contains(QStringLiteral("forecast")));
        QCOMPARE(c->aggregate().currency(), QStringLiteral("USD"));
        double estimated = 0;
        for (size_t r = 0; r < c->cube().days().size(); ++r) {
            const double cost = c->estimate()->rowCost[r];
            if (c->range().contains(c->cube().days()[r]) && !std::isnan(cost))
                estimated += cost;
        }
        QVERIFY(qAbs(c->aggregate().grandTotal() - estimated) <= 1e-6 * qMax(1.0, estimated));
        QVERIFY(estimated > 0);

        // Quantities on request; the page says the API sent no cost.
        page.setMeasure(models::UsageMeasure::ConsumedQuantity);
        QVERIFY(waitIdle(&page));
        QVERIFY(page.noteLabel()->text().contains(QStringLiteral("carry no cost columns")));
        // Product families mix requests, GB, seats...: the page says so.
        QVERIFY(c->aggregate().unitsMixed());
        QVERIFY(page.noteLabel()->text().contains(QStringLiteral("different units")));

        // Pivot totals against a direct aggregation and a brute-force sum.
        const models::UsageAggregate direct = models::UsageAggregator::aggregate(c->cube(), c->query());
        auto *pivot = c->pivotModel();
        QCOMPARE(pivot->rowCount(), direct.groupCount() + 1);
        QVERIFY(direct.groupCount() >= 3);
        const int totalsRow = pivot->rowCount() - 1;
        QVERIFY(pivot->index(totalsRow, 0).data(models::UsagePivotModel::IsTotalsRowRole).toBool());
        const double pivotTotal = pivot->index(totalsRow, pivot->totalColumn())
                                      .data(models::UsagePivotModel::RawValueRole)
                                      .toDouble();
        QCOMPARE(pivotTotal, direct.grandTotal());
        double brute = 0;
        const auto days = c->cube().days();
        const auto quantities = c->cube().quantities();
        for (size_t r = 0; r < days.size(); ++r)
            if (c->range().contains(days[r]))
                brute += quantities[r];
        QVERIFY(qAbs(pivotTotal - brute) <= 1e-6 * qMax(1.0, qAbs(brute)));
        for (int row = 0; row < totalsRow; ++row) {
            const int g = pivot->groupIndex(row);
            QCOMPARE(pivot->index(row, pivot->totalColumn())
                         .data(models::UsagePivotModel::RawValueRole)
                         .toDouble(),
                     direct.rowTotal(g));
        }
        // Sorted by total, largest first; the totals row stays last.
        QVERIFY(
            pivot->index(0, pivot->totalColumn()).data(models::UsagePivotModel::RawValueRole).toDouble() >=
            pivot->index(1, pivot->totalColumn()).data(models::UsagePivotModel::RawValueRole).toDouble());
        page.pivotView()->sortByColumn(pivot->totalColumn(), Qt::AscendingOrder);
        QVERIFY(pivot->index(totalsRow, 0).data(models::UsagePivotModel::IsTotalsRowRole).toBool());

        // The charts draw what the models hold; hover text carries the exact value.
        QTRY_COMPARE(page.barChart()->seriesCount(), direct.groupCount());
        const QString tip = page.barChart()->toolTipFor(0, 0);
        QVERIFY(tip.contains(direct.group(0).label));
        QVERIFY(tip.contains(direct.bucketLabel(0)));
        const double v00 = direct.value(0, 0);
        QVERIFY(tip.contains(QLocale().toString(v00, 'f', qAbs(v00 - std::round(v00)) < 1e-9 ? 0 : 2)));

        // Click the largest product family in the bar chart: drill into it.
        const int largest = pivot->groupIndex(totalsRow - 1); // ascending now: the last named row
        const models::UsageGroup clicked = c->aggregate().group(largest);
        QSignalSpy drilled(c, &models::UsageController::drillChanged);
        page.barChart()->activateGroup(largest);
        QCOMPARE(drilled.count(), 1);
        QVERIFY(waitIdle(&page));
        QCOMPARE(c->drillDown().depth(), 1);
        QCOMPARE(page.breadcrumbBar()->crumbs().size(), 2);
        QCOMPARE(page.breadcrumbBar()->crumbs().constLast(), clicked.label);
        QCOMPARE(c->query().filters.size(), 1);
        QCOMPARE(c->query().filters.constFirst().dimension, UsageDimension::ProductFamily);
        QCOMPARE(c->query().groupBy, QList<UsageDimension>{UsageDimension::Metric});
        QCOMPARE(page.findChild<QComboBox *>(QStringLiteral("usageGroupBy"))->currentData().toInt(),
                 int(UsageDimension::Metric));
        // Drilled totals equal the clicked group's total.
        QVERIFY(qAbs(c->aggregate().grandTotal() - direct.rowTotal(largest)) <=
                1e-6 * qMax(1.0, qAbs(direct.rowTotal(largest))));

        // Exports: pivot and records as CSV, the chart as PNG and SVG.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString pivotPath = dir.filePath(QStringLiteral("pivot.csv"));
        ui::Dialogs::enqueueAnswer(pivotPath);
        QVERIFY(page.exportPivotCsv());
        const QStringList pivotLines = readLines(pivotPath);
        QCOMPARE(pivotLines.size(), c->aggregate().groupCount() + 2); // header, groups, totals
        const QString recordsPath = dir.filePath(QStringLiteral("records.csv"));
        ui::Dialogs::enqueueAnswer(recordsPath);
        QVERIFY(page.exportRecordsCsv());
        QCOMPARE(qsizetype(readLines(recordsPath).size()), c->aggregate().matchedRows() + 1);
        const QString pngPath = dir.filePath(QStringLiteral("chart.png"));
        ui::Dialogs::enqueueAnswer(pngPath);
        QVERIFY(page.exportChart(QStringLiteral("png")));
        QImage image(pngPath);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 400);
        const QString svgPath = dir.filePath(QStringLiteral("chart.svg"));
        ui::Dialogs::enqueueAnswer(svgPath);
        QVERIFY(page.exportChart(QStringLiteral("svg")));
        QFile svg(svgPath);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
        // A cancelled picker writes nothing.
        ui::Dialogs::enqueueAnswer(QString());
        QVERIFY(!page.exportPivotCsv());

        // The other chart kinds draw the same groups.
        page.setChartKind(ui::UsagePage::ChartKind::Lines);
        QTRY_COMPARE(page.lineChart()->seriesCount(), c->aggregate().groupCount());
        page.setChartKind(ui::UsagePage::ChartKind::Donut);
        QTRY_VERIFY(page.donutChart()->seriesCount() > 0);
        QVERIFY(page.donutChart()->toolTipFor(0).contains(QStringLiteral("%")));

        // Breadcrumb back to the top.
        Q_EMIT page.breadcrumbBar()->crumbActivated(0);
        QVERIFY(waitIdle(&page));
        QCOMPARE(c->drillDown().depth(), 0);
        QVERIFY(c->query().filters.isEmpty());

        // Granularity keeps the total; two grouping levels too.
        page.setGranularity(models::UsageGranularity::Week);
        page.setGroupBy(UsageDimension::ProductFamily, UsageDimension::Metric);
        QVERIFY(waitIdle(&page));
        QTRY_COMPARE(c->aggregate().granularity(), models::UsageGranularity::Week);
        QCOMPARE(c->aggregate().grandTotal(), direct.grandTotal());

        // Moving the range back and forth re-uses what is known.
        page.setRangePreset(ui::UsagePage::RangePreset::Last90Days);
        QVERIFY(waitIdle(&page));
        QVERIFY(c->cube().isCovered(c->fetchRange()));
        QVERIFY(c->windowsTotal() >= 1 && c->windowsTotal() <= 5); // 180 days minus the 60 known
        page.setRangePreset(ui::UsagePage::RangePreset::Last30Days);
        QVERIFY(!c->isLoading());

        // Anomalies: activating one asks the audit page for that day.
        page.setGranularity(models::UsageGranularity::Day);
        page.setGroupBy(UsageDimension::Account);
        page.setRangePreset(ui::UsagePage::RangePreset::Last90Days);
        QVERIFY(waitIdle(&page));
        QCOMPARE(page.anomalyList()->topLevelItemCount(), int(c->anomalies().size()));
        if (page.anomalyList()->topLevelItemCount() > 0) {
            ui::Navigator navigator;
            page.setNavigator(&navigator);
            QSignalSpy audit(&navigator, &ui::Navigator::auditAroundRequested);
            page.openAnomaly(0);
            QCOMPARE(audit.count(), 1);
            QVERIFY(!audit.at(0).at(0).toString().isEmpty()); // grouped by account
            QCOMPARE(audit.at(0).at(2).toLongLong() - audit.at(0).at(1).toLongLong(), 86400000 - 1);
        }
    }

    void costMeasuresWhenPresent()
    {
        Fixture f;
        QVERIFY(startSim(
            f, {QStringLiteral("--usage-days"), QStringLiteral("40"), QStringLiteral("--usage-costs")},
            this));
        models::Session session;
        session.setClient(f.client);
        session.setOrganization(f.orgId, f.orgName);
        models::AppSettings settings;
        ui::UsagePage page(&session, &settings);
        page.setRangePreset(ui::UsagePage::RangePreset::Last30Days);
        page.show();
        QVERIFY(waitIdle(&page));
        models::UsageController *c = page.controller();
        QVERIFY(c->cube().hasCosts());
        QVERIFY(page.measureCombo()->count() > 1);
        QVERIFY(page.measureCombo()->findData(int(models::UsageMeasure::BilledCost)) >= 0);
        QVERIFY(!page.noteLabel()->text().contains(QStringLiteral("carry no cost columns")));
        page.setMeasure(models::UsageMeasure::BilledCost);
        QTRY_COMPARE(c->aggregate().measure(), models::UsageMeasure::BilledCost);
        QVERIFY(c->aggregate().measureAvailable());
        QCOMPARE(c->aggregate().currency(), QStringLiteral("USD"));
        QVERIFY(c->aggregate().grandTotal() > 0);
        QVERIFY(!c->aggregate().unitsMixed());
    }
};

QTEST_MAIN(TestUsagePage)
#include "tst_usagepage.moc"
