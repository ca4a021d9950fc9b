// The Usage page against orgscope-sim over real HTTP: a range loads, moving
// it fetches only what is missing, the pivot's totals equal a direct
// aggregation of the cube, a click through the chart drills down with a
// breadcrumb back, exports write the pivot, the records and the chart, and
// the measure selector offers costs only when the records carry them.

#include "api/client.h"
#include "api/organizationsapi.h"
#include "models/cost/pricingsettings.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "models/usage/usageaggregator.h"
#include "models/usage/usagecontroller.h"
#include "models/usage/usagecsv.h"
#include "models/usage/usagepivotmodel.h"
#include "models/usage/usagerecordsmodel.h"
#include "ui/common/dialogs.h"
#include "ui/common/messagebanner.h"
#include "ui/shell/navigator.h"
#include "ui/usage/costoutlookbar.h"
#include "ui/usage/usagebarchart.h"
#include "ui/usage/usagebreadcrumbbar.h"
#include "ui/usage/usagecontrolsbar.h"
#include "ui/usage/usagedonutchart.h"
#include "ui/usage/usagelinechart.h"
#include "ui/usage/usagemetricfilter.h"
#include "ui/usage/usageoutlookchart.h"
#include "ui/usage/usagepage.h"
#include "ui/usage/usagepivotview.h"

#include "testsupport/fakehttpserver.h"
#include "testsupport/simulatorprocess.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QScrollBar>
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

        // The chart beside draws the month: to date, the forecast to month end
        // with its band, the budget line, and says how the forecast is made.
        ui::UsageOutlookChart *month = page.outlookChart();
        QVERIFY(c->outlook().valid);
        QVERIFY(month->isVisible());
        QTRY_VERIFY(month->lineNames().contains(QStringLiteral("Month to date")));
        if (c->outlook().forecast.lastActual < c->outlook().forecast.monthLast) {
            QVERIFY(month->lineNames().contains(QStringLiteral("Forecast")));
            QVERIFY(month->lineNames().contains(QStringLiteral("Forecast band (lowest – highest)")));
            QVERIFY(month
                        ->toolTipFor(ui::UsageOutlookChart::Forecast,
                                     c->outlook().forecast.monthLast - c->outlook().forecast.monthFirst)
                        .contains(QStringLiteral("forecast")));
        }
        QVERIFY(month->methodText().contains(QStringLiteral("same weekday over the last four weeks")));
        QVERIFY(!month->hasBudgetLine());
        models::Budget budget;
        budget.monthly = 1234;
        models::pricing::setBudget(f.orgId, budget);
        c->reloadPricing();
        QTRY_VERIFY(month->hasBudgetLine());
        QVERIFY(!month->budgetNote().isEmpty());
        QCOMPARE(month->legendNote(), month->budgetNote());
        // A budget the month to date has passed says since when.
        budget.monthly = 0.01;
        models::pricing::setBudget(f.orgId, budget);
        c->reloadPricing();
        QTRY_VERIFY(month->budgetNote().startsWith(QStringLiteral("Over the budget since")));
        // One far above the forecast band says the forecast stays within it.
        budget.monthly = 1e12;
        models::pricing::setBudget(f.orgId, budget);
        c->reloadPricing();
        QTRY_COMPARE(month->budgetNote(), QStringLiteral("Forecast within the budget."));
        QVERIFY(month->toolTipFor(ui::UsageOutlookChart::BudgetLine, 0)
                    .contains(QStringLiteral("Monthly budget")));
        models::pricing::setBudget(f.orgId, {});
        c->reloadPricing();
        QTRY_VERIFY(!month->hasBudgetLine());
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
        // Product families mix requests, GB, seats...: one unit at a time, the
        // one with the most records first, the others under Unit; the axis names it.
        QVERIFY(!c->aggregate().unitsMixed());
        QVERIFY(c->aggregate().units().size() > 1);
        const QString unit = c->aggregate().units().constFirst().unit;
        QCOMPARE(c->aggregate().unit(), unit);
        QCOMPARE(c->aggregate().query().unit, unit);
        QVERIFY(page.unitCombo()->isVisible());
        QCOMPARE(page.unitCombo()->currentData().toString(), unit);
        QCOMPARE(page.unitCombo()->count(), c->aggregate().units().size());
        QVERIFY(page.noteLabel()->text().contains(QStringLiteral("never added")));
        QTRY_VERIFY(page.barChart()->valueAxisTitle().contains(unit));
        const QString otherUnit = c->aggregate().units().at(1).unit;
        page.unitCombo()->setCurrentIndex(1);
        Q_EMIT page.unitCombo()->activated(1);
        QTRY_COMPARE(c->aggregate().unit(), otherUnit);
        QVERIFY(waitIdle(&page));
        QTRY_VERIFY(page.lineChart()->valueAxisTitle().contains(otherUnit));
        page.unitCombo()->setCurrentIndex(0);
        Q_EMIT page.unitCombo()->activated(0);
        QTRY_COMPARE(c->aggregate().unit(), unit);
        QVERIFY(waitIdle(&page));

        // Pivot totals against a direct aggregation and a brute-force sum.
        const models::UsageAggregate direct =
            models::UsageAggregator::aggregate(c->cube(), c->aggregate().query());
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
        const auto units = c->cube().unitColumn();
        for (size_t r = 0; r < days.size(); ++r)
            if (c->range().contains(days[r]) && c->cube().unitName(units[r]) == unit)
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
        // The group column stays in sight while the figures scroll under it.
        ui::UsagePivotView *view = page.pivotView();
        QCOMPARE(view->frozenColumns(), pivot->labelColumnCount());
        QVERIFY(view->frozenView()->isVisible());
        QVERIFY(!view->frozenView()->isColumnHidden(0));
        QVERIFY(view->frozenView()->isColumnHidden(pivot->totalColumn()));
        QCOMPARE(view->frozenView()->columnWidth(0), view->columnWidth(0));
        const QPoint frozenAt = view->frozenView()->pos();
        view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->maximum());
        QCOMPARE(view->frozenView()->pos(), frozenAt);
        QCOMPARE(view->frozenView()->model(), view->model());
        QCOMPARE(view->frozenView()->selectionModel(), view->selectionModel());
        view->horizontalScrollBar()->setValue(0);

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
        // The records under the drill-down, of every unit (the figures show one).
        const auto recordsInView = [c] {
            qsizetype n = 0;
            for (const models::UsageUnitCount &u : c->aggregate().units())
                n += u.rows;
            return n;
        };
        QCOMPARE(qsizetype(readLines(recordsPath).size()), recordsInView() + 1);
        // Corrections (ChargeClass "Correction") left out on request, in the
        // figures and in the export.
        if (c->aggregate().correctionRows() > 0) {
            const qsizetype corrections = c->cube().correctionRowCount();
            const qsizetype before = recordsInView();
            page.correctionsCheck()->setChecked(false);
            QTRY_COMPARE(c->aggregate().correctionRows(), qsizetype(0));
            QVERIFY(recordsInView() < before);
            ui::Dialogs::enqueueAnswer(recordsPath);
            QVERIFY(page.exportRecordsCsv());
            const QStringList lines = readLines(recordsPath);
            QCOMPARE(qsizetype(lines.size()), recordsInView() + 1);
            QVERIFY(!lines.join(QLatin1Char('\n')).contains(QStringLiteral(",Correction,")));
            QVERIFY(corrections > 0);
            page.correctionsCheck()->setChecked(true);
            QTRY_VERIFY(c->aggregate().correctionRows() > 0);
        }
        // The Records tab: those records, every column as the API sent it,
        // filtered and sorted on a worker.
        page.showRecords(true);
        models::UsageRecordsModel *records = c->recordsModel();
        QTRY_COMPARE(qsizetype(records->rowCount()), recordsInView());
        QCOMPARE(records->columnCount(), models::UsageCsv::recordHeader().size());
        QVERIFY(page.recordsCount()->text().contains(QLocale().toString(records->rowCount())) ||
                page.recordsCount()->text().contains(QString::number(records->rowCount())));
        const int frequency = records->columnOf(QStringLiteral("ChargeFrequency"));
        const int periodEnd = records->columnOf(QStringLiteral("ChargePeriodEnd"));
        QCOMPARE(records->index(0, frequency).data().toString(), QStringLiteral("Usage-Based"));
        QVERIFY(!records->index(0, periodEnd).data().toString().isEmpty());
        const QString account = records->recordAt(0).billingAccountId;
        page.recordsFilter()->setText(account);
        QTRY_VERIFY(c->recordsFilter() == account && !c->isSelectingRecords() &&
                    records->rowCount() < recordsInView());
        QVERIFY(records->rowCount() > 0);
        const int accountColumn = records->columnOf(QStringLiteral("BillingAccountId"));
        for (int row = 0; row < std::min(records->rowCount(), 50); ++row)
            QCOMPARE(records->index(row, accountColumn).data().toString(), account);
        const int quantityColumn = records->columnOf(QStringLiteral("ConsumedQuantity"));
        page.recordsView()->sortByColumn(quantityColumn, Qt::DescendingOrder);
        QTRY_VERIFY(!c->isSelectingRecords() &&
                    records->recordAt(0).consumedQuantity >=
                        records->recordAt(records->rowCount() - 1).consumedQuantity);
        for (int row = 1; row < std::min(records->rowCount(), 50); ++row)
            QVERIFY(records->recordAt(row - 1).consumedQuantity.value_or(0) >=
                    records->recordAt(row).consumedQuantity.value_or(0));
        page.recordsFilter()->clear();
        QTRY_COMPARE(qsizetype(records->rowCount()), recordsInView());
        page.showRecords(false);
        QCOMPARE(records->rowCount(), 0); // hidden: its cube snapshot is let go

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
        // Slices too: group, period, value and unit.
        QVERIFY(page.donutChart()->toolTipFor(0).contains(c->aggregate().unit()));
        QVERIFY(page.donutChart()->toolTipFor(0).contains(
            QLocale().toString(c->aggregate().range().firstDate(), QLocale::ShortFormat)));

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
        // Weeks read as their days; the weeks the range cuts are drawn faint,
        // with a note, and their hover text says so (30 days: never 4 whole weeks).
        QVERIFY(c->aggregate().bucketPartial(0) ||
                c->aggregate().bucketPartial(c->aggregate().bucketCount() - 1));
        QTRY_VERIFY(page.barChart()->legendNote().contains(QStringLiteral("partial periods")));
        QVERIFY(page.lineChart()->legendNote().contains(QStringLiteral("partial periods")));
        const int cut = c->aggregate().bucketPartial(0) ? 0 : c->aggregate().bucketCount() - 1;
        QVERIFY(page.barChart()->toolTipFor(0, cut).contains(QStringLiteral("partial")));
        QVERIFY(page.barChart()->toolTipFor(0, cut).contains(QStringLiteral("–")));
        // Two levels: every bar has its legend entry, without the words they share.
        QTRY_COMPARE(page.barChart()->legendEntries().size(), c->aggregate().groupCount());

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
            // Not only by double-click: "Open in Audit log" on the selected anomaly.
            auto *open = page.findChild<QPushButton *>(QStringLiteral("usageOpenAudit"));
            QVERIFY(open);
            page.anomalyList()->setCurrentItem(page.anomalyList()->topLevelItem(0));
            QVERIFY(open->isEnabled());
            QTest::mouseClick(open, Qt::LeftButton);
            QCOMPARE(audit.count(), 2);
            QCOMPARE(audit.at(1), audit.at(0));
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

        // Every column as received: the billing period and pricing columns the API sent.
        const api::UsageRecord first = c->cube().record(0);
        QVERIFY(first.billingPeriodStart.isValid());
        QVERIFY(first.billingPeriodEnd > first.billingPeriodStart);
        QVERIFY(!first.pricingUnit.isEmpty());
        QVERIFY(first.listUnitPrice.has_value());
        QVERIFY(first.pricingQuantity.has_value());

        // Estimated vs billed side by side with the difference, in the pivot.
        const int vs = page.measureCombo()->findData(ui::UsageControlsBar::BilledVsEstimated);
        QVERIFY(vs >= 0);
        page.measureCombo()->setCurrentIndex(vs);
        QTRY_VERIFY(c->aggregate().hasComparison());
        QVERIFY(waitIdle(&page));
        QCOMPARE(c->aggregate().measure(), models::UsageMeasure::BilledCost);
        QCOMPARE(c->aggregate().compareMeasure(), std::optional(models::UsageMeasure::EstimatedCost));
        auto *pivot = c->pivotModel();
        QCOMPARE(pivot->headerData(pivot->compareColumn(), Qt::Horizontal).toString(),
                 QStringLiteral("Estimated cost"));
        QCOMPARE(pivot->headerData(pivot->differenceColumn(), Qt::Horizontal).toString(),
                 QStringLiteral("Difference"));
        double estimated = 0;
        for (size_t r = 0; r < c->cube().days().size(); ++r) {
            const double cost = c->estimate()->rowCost[r];
            if (c->range().contains(c->cube().days()[r]) && !std::isnan(cost) &&
                (c->cube().flags()[r] & models::UsageCube::HasBilledCost))
                estimated += cost;
        }
        const int totals = pivot->totalsRow();
        const double shownEstimate = pivot->index(totals, pivot->compareColumn())
                                         .data(models::UsagePivotModel::RawValueRole)
                                         .toDouble();
        QVERIFY(qAbs(shownEstimate - estimated) <= 1e-6 * qMax(1.0, estimated));
        QCOMPARE(pivot->index(totals, pivot->differenceColumn())
                     .data(models::UsagePivotModel::RawValueRole)
                     .toDouble(),
                 c->aggregate().grandTotal() - c->aggregate().compareGrandTotal());
        // Back to one measure: no comparison columns.
        page.setMeasure(models::UsageMeasure::BilledCost);
        QTRY_VERIFY(!c->aggregate().hasComparison());
        QCOMPARE(pivot->compareColumn(), -1);
    }

    // Issue 20: the status counts records read leniently, like the Audit
    // page ("3 records had missing fields", the first problem in its
    // tooltip), and the metric filter asks the server for one metric.
    void missingFieldsAndMetricFilter()
    {
        apitest::FakeHttpServer server;
        QVERIFY(server.listen());
        QList<QByteArray> queries;
        server.setHandler([&](const apitest::FakeRequest &request) {
            queries.append(request.query());
            QByteArray rows;
            for (int i = 1; i <= 4; ++i) {
                if (i > 1)
                    rows += ',';
                rows += R"({"BillingAccountId":"a","x_BillableMetricId":"m)" + QByteArray::number(i % 2) +
                        R"(","x_BillableMetricName":"Metric )" + QByteArray::number(i % 2) +
                        R"(","ConsumedUnit":"GB","ChargePeriodStart":"2026-11-0)" + QByteArray::number(i) +
                        R"(T00:00:00Z",)";
                rows += i == 4 ? QByteArray(R"("ConsumedQuantity":1})")
                               : QByteArray(R"("ConsumedQuantity":1,"x_ZoneId":7})");
            }
            return apitest::FakeReply::json(200, R"({"success":true,"errors":[],"messages":[],"result":[)" +
                                                     rows + "]}");
        });
        api::Client client;
        client.setBaseUrl(QUrl(server.baseUrl()));
        client.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        models::Session session;
        session.setClient(&client);
        session.setOrganization(QStringLiteral("0123456789abcdef0123456789abcdef"), QStringLiteral("Org"));
        models::AppSettings settings;
        ui::UsagePage page(&session, &settings);
        page.controller()->setRange(models::UsageDayRange::fromDates(QDate(2026, 11, 1), QDate(2026, 11, 4)));
        page.show();
        QVERIFY(waitIdle(&page));
        auto *status = page.findChild<QLabel *>(QStringLiteral("usageStatus"));
        QVERIFY(status);
        const qsizetype answers = queries.size();
        QVERIFY(answers > 0);
        QVERIFY2(status->text().endsWith(QStringLiteral("%1 records had missing fields").arg(3 * answers)),
                 qPrintable(status->text()));
        QVERIFY2(status->toolTip().contains(QStringLiteral("x_ZoneId")), qPrintable(status->toolTip()));

        // The filter offers the metrics seen; choosing one asks the server for it.
        auto *metric = page.findChild<ui::UsageMetricFilter *>(QStringLiteral("usageMetric"));
        QVERIFY(metric);
        const int m1 = metric->findData(QStringLiteral("m1"));
        QVERIFY(m1 > 0);
        QVERIFY(metric->findData(QStringLiteral("m0")) > 0);
        metric->setCurrentIndex(m1);
        Q_EMIT metric->activated(m1);
        QCOMPARE(page.controller()->metric(), QStringLiteral("m1"));
        QVERIFY(waitIdle(&page));
        QVERIFY2(queries.constLast().contains("metric=m1"), queries.constLast().constData());
        // A typed id works too, and clearing it asks for every metric again.
        metric->setEditText(QStringLiteral("m0"));
        Q_EMIT metric->lineEdit()->editingFinished();
        QCOMPARE(page.controller()->metric(), QStringLiteral("m0"));
        metric->setCurrentIndex(0);
        Q_EMIT metric->activated(0);
        QVERIFY(page.controller()->metric().isEmpty());
        QVERIFY(waitIdle(&page));
        QVERIFY(!queries.constLast().contains("metric="));
    }

    void unitAndTableAreRemembered()
    {
        models::AppSettings settings;
        {
            ui::UsagePage page(nullptr, &settings);
            page.controller()->setUnit(QStringLiteral("GB"));
            page.showRecords(true);
            page.saveViewState(settings);
        }
        ui::UsagePage again(nullptr, &settings);
        again.restoreViewState(settings);
        QCOMPARE(again.controller()->query().unit, QStringLiteral("GB"));
        QCOMPARE(again.recordsView()->isVisibleTo(&again), true);
    }

    void legendLabelsDropSharedWords()
    {
        QString shared;
        QCOMPARE(
            ui::UsageChart::shortLabels({QStringLiteral("Workers Standard requests"),
                                         QStringLiteral("Workers Standard CPU ms"), QStringLiteral("Other")},
                                        &shared),
            QStringList({QStringLiteral("requests"), QStringLiteral("CPU ms"), QStringLiteral("Other")}));
        QCOMPARE(shared, QStringLiteral("Workers Standard"));
        QCOMPARE(ui::UsageChart::shortLabels(
                     {QStringLiteral("R2 \u203A Class A"), QStringLiteral("R2 \u203A Storage")}, &shared),
                 QStringList({QStringLiteral("Class A"), QStringLiteral("Storage")}));
        QCOMPARE(shared, QStringLiteral("R2"));
        const QStringList apart{QStringLiteral("Workers"), QStringLiteral("Workers Standard")};
        QCOMPARE(ui::UsageChart::shortLabels(apart, &shared), apart); // would empty the first
        QVERIFY(shared.isEmpty());
        const QStringList one{QStringLiteral("Workers Standard requests")};
        QCOMPARE(ui::UsageChart::shortLabels(one), one);
        // Weeks in bar charts read as their days, as the line chart's dates do.
        QCOMPARE(ui::UsageChart::shortBucketLabel(QDate(2026, 11, 16), QDate(2026, 11, 22), 1),
                 QLocale().toString(QDate(2026, 11, 16), QStringLiteral("MMM d")) + QStringLiteral("–22"));
        QVERIFY(ui::UsageChart::shortBucketLabel(QDate(2026, 11, 30), QDate(2026, 12, 6), 1)
                    .endsWith(QLocale().toString(QDate(2026, 12, 6), QStringLiteral("MMM d"))));
    }

    void measureWithOneChoiceIsDisabled()
    {
        // No cost columns and no priced metric: quantity is the only measure,
        // so the drop-down says why instead of offering a choice of one.
        models::AppSettings settings;
        ui::UsagePage page(nullptr, &settings);
        QTRY_COMPARE(page.measureCombo()->count(), 1);
        QVERIFY(!page.measureCombo()->isEnabled());
        QVERIFY(page.measureCombo()->toolTip().contains(QStringLiteral("no rate card")));
        // Export is a push button: its menu arrow sits beside the text, not over it.
        auto *exportButton = page.findChild<QPushButton *>(QStringLiteral("usageExport"));
        QVERIFY(exportButton);
        QVERIFY(exportButton->menu());
    }
};

QTEST_MAIN(TestUsagePage)
#include "tst_usagepage.moc"
