#include "ui/usage/usagepage.h"
#include "ui/usage/usagerolluppanel.h"

#include "ui/usage/costoutlookbar.h"

#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "models/usage/usagecontroller.h"
#include "models/views/savedview.h"
#include "ui/common/accessibility.h"
#include "ui/common/messagebanner.h"
#include "ui/shell/navigator.h"
#include "ui/usage/usageanomalypanel.h"
#include "ui/usage/usagebreadcrumbbar.h"
#include "ui/usage/usagechartarea.h"
#include "ui/usage/usagecontrolsbar.h"
#include "ui/usage/usageexporter.h"
#include "ui/usage/usagemetricfilter.h"
#include "ui/usage/usagetables.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

QString settingKey(const char *name)
{
    return QStringLiteral("usage/") + QLatin1String(name);
}

QDate todayUtc()
{
    return QDateTime::currentDateTimeUtc().date();
}

} // namespace

UsagePage::UsagePage(models::Session *session, models::AppSettings *settings, QWidget *parent)
    : Page(session, parent), m_settings(settings), m_controller(new models::UsageController(session, this))
{
    setObjectName(QStringLiteral("usagePage"));
    buildUi();
    connect(m_controller, &models::UsageController::aggregateChanged, this, &UsagePage::onAggregateChanged);
    connect(m_controller, &models::UsageController::loadingChanged, this, &UsagePage::onLoadingChanged);
    connect(m_controller, &models::UsageController::progressChanged, this, &UsagePage::onProgress);
    connect(m_controller, &models::UsageController::readIssuesChanged, this, &UsagePage::updateStatus);
    // API cost columns, or a rate-card estimate, change the measures on offer.
    const auto costs = [this] { rebuildMeasures(), updateNote(); };
    connect(m_controller, &models::UsageController::costsAvailableChanged, this, costs);
    connect(m_controller, &models::UsageController::costChanged, this, costs);
    connect(m_controller, &models::UsageController::cubeReplaced, this,
            [this, costs] { m_controls->setOrganizationOffered(m_controller->showsRollup()), costs(); });
    connect(m_controller, &models::UsageController::loadFailed, this, [this](const QString &message) {
        m_banner->showError(tr("Usage could not be loaded: %1").arg(message));
        updateStatus();
    });
    connect(m_banner, &MessageBanner::retryRequested, this, [this] {
        m_banner->clear();
        m_controller->setActive(isVisible());
    });
    connect(m_controller, &models::UsageController::drillChanged, this, [this] {
        QStringList labels;
        for (const auto &crumb : m_controller->drillDown().breadcrumbs())
            labels.append(crumb.label);
        m_crumbs->setCrumbs(labels);
        // The grouping of the level shown, not the one picked before a drill.
        const QList<models::UsageDimension> groupBy = m_controller->query().groupBy;
        const QSignalBlocker block1(m_group1);
        const QSignalBlocker block2(m_group2);
        if (!groupBy.isEmpty())
            m_group1->setCurrentIndex(m_group1->findData(int(groupBy.constFirst())));
        m_group2->setCurrentIndex(m_group2->findData(groupBy.size() > 1 ? int(groupBy.at(1)) : -1));
    });
    connect(m_crumbs, &UsageBreadcrumbBar::crumbActivated, m_controller, &models::UsageController::backTo);
    if (session)
        connect(session, &models::Session::organizationChanged, this, [this] {
            m_banner->clear();
            rebuildMeasures();
            updateNote();
        });
    applyPreset();
}

UsagePage::~UsagePage() = default;

QString UsagePage::title() const
{
    return tr("Usage");
}

void UsagePage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_banner = new MessageBanner(this);
    layout->addWidget(m_banner);

    auto *controls = m_controls = new UsageControlsBar(this);
    m_preset = controls->preset();
    m_from = controls->from();
    m_to = controls->to();
    m_measure = controls->measure();
    m_group1 = controls->group1();
    m_group2 = controls->group2();
    m_granularity = controls->granularity();
    m_topN = controls->topN();
    m_chartKind = controls->chartKind();
    m_export = controls->exportButton();
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("Chart as PNG…"), this, [this] { exportChart(QStringLiteral("png")); });
    exportMenu->addAction(tr("Chart as SVG…"), this, [this] { exportChart(QStringLiteral("svg")); });
    exportMenu->addAction(tr("Pivot as CSV…"), this, [this] { exportPivotCsv(); });
    exportMenu->addAction(tr("Records as CSV…"), this, [this] { exportRecordsCsv(); });
    m_export->setMenu(exportMenu);
    layout->addWidget(controls);

    auto *statusRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(240);
    m_progress->setFormat(tr("%v of %m requests"));
    m_progress->setAccessibleName(tr("Requests done"));
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("usageStatus"));
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_cancel);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(new UsageMetricFilter(m_controller, this));
    layout->addLayout(statusRow);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("usageNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);
    m_costBar = new CostOutlookBar(m_controller, session(), this);
    layout->addWidget(m_costBar);

    m_crumbs = new UsageBreadcrumbBar(this);
    layout->addWidget(m_crumbs);

    m_mainSplitter = new QSplitter(Qt::Vertical, this);
    m_mainSplitter->setObjectName(QStringLiteral("usageMainSplitter"));
    m_chartArea = new UsageChartArea(m_controller, m_mainSplitter);
    connect(m_chartArea, &UsageChartArea::groupActivated, this, &UsagePage::onChartGroupActivated);

    m_bottomSplitter = new QSplitter(Qt::Horizontal, m_mainSplitter);
    m_bottomSplitter->setObjectName(QStringLiteral("usageBottomSplitter"));
    m_tables = new UsageTables(m_controller, m_bottomSplitter);
    connect(m_tables, &UsageTables::groupActivated, this, &UsagePage::onChartGroupActivated);
    m_tables->addTab(new UsageRollupPanel(session(), m_controller, m_tables), tr("Sub-&organizations"));

    m_anomalies = new UsageAnomalyPanel(m_bottomSplitter);
    connect(m_anomalies, &UsageAnomalyPanel::anomalyActivated, this, &UsagePage::openAnomaly);
    m_bottomSplitter->setStretchFactor(0, 3);
    m_bottomSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);
    m_mainSplitter->setSizes({520, 300});
    m_bottomSplitter->setSizes({760, 420});
    layout->addWidget(m_mainSplitter, 1);

    // Keyboard: Alt+Left goes up one drill level (not Backspace: the date
    // and spin boxes need it).
    for (const QKeySequence &key : {QKeySequence(Qt::ALT | Qt::Key_Left)}) {
        auto *up = new QShortcut(key, this);
        up->setContext(Qt::WidgetWithChildrenShortcut);
        connect(up, &QShortcut::activated, this, [this] {
            const int depth = m_controller->drillDown().depth();
            if (depth > 0)
                m_controller->backTo(depth - 1);
        });
    }

    rebuildMeasures();
    connect(m_preset, &QComboBox::currentIndexChanged, this, &UsagePage::applyPreset);
    connect(m_from, &QDateEdit::dateChanged, this, &UsagePage::applyCustomRange);
    connect(m_to, &QDateEdit::dateChanged, this, &UsagePage::applyCustomRange);
    connect(m_measure, &QComboBox::currentIndexChanged, this, &UsagePage::applyMeasure);
    connect(m_controls->unit(), &QComboBox::activated, this,
            [this] { m_controller->setUnit(m_controls->unit()->currentData().toString()); });
    connect(m_group1, &QComboBox::currentIndexChanged, this, &UsagePage::applyGroupBy);
    connect(m_group2, &QComboBox::currentIndexChanged, this, &UsagePage::applyGroupBy);
    connect(m_granularity, &QComboBox::currentIndexChanged, this, [this] {
        m_controller->setGranularity(models::UsageGranularity(m_granularity->currentData().toInt()));
    });
    connect(m_topN, &QSpinBox::valueChanged, m_controller, &models::UsageController::setTopN);
    connect(m_controls->corrections(), &QCheckBox::toggled, m_controller,
            &models::UsageController::setIncludeCorrections);
    connect(m_chartKind, &QComboBox::currentIndexChanged, m_chartArea, &UsageChartArea::showChart);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_controller->cancel();
        updateStatus();
    });
}

models::UsageDayRange UsagePage::presetRange(RangePreset preset, QDate today)
{
    // The same order as the views' presets (models/views/savedview.h), where the days are counted.
    return models::usagePresetRange(models::UsageRangePreset(int(preset)), today);
}

void UsagePage::applyPreset()
{
    const auto preset = RangePreset(m_preset->currentData().toInt());
    const bool custom = preset == RangePreset::Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    if (custom) {
        applyCustomRange();
        return;
    }
    const models::UsageDayRange range = presetRange(preset, todayUtc());
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(range.firstDate());
        m_to->setDate(range.lastDate());
    }
    m_controller->setRange(range);
}

void UsagePage::applyCustomRange()
{
    if (RangePreset(m_preset->currentData().toInt()) != RangePreset::Custom)
        return;
    QDate from = m_from->date();
    QDate to = m_to->date();
    if (to < from)
        std::swap(from, to);
    m_controller->setRange(models::UsageDayRange::fromDates(from, to));
}

void UsagePage::applyGroupBy()
{
    QList<models::UsageDimension> groupBy{models::UsageDimension(m_group1->currentData().toInt())};
    const int second = m_group2->currentData().toInt();
    if (second >= 0 && second != m_group1->currentData().toInt())
        groupBy.append(models::UsageDimension(second));
    m_controller->setGroupBy(groupBy);
}

void UsagePage::rebuildMeasures()
{
    m_controls->rebuildMeasures(*m_controller);
    applyMeasure();
}

void UsagePage::applyMeasure()
{
    if (m_measure->currentIndex() < 0)
        return;
    const int data = m_measure->currentData().toInt();
    if (data == UsageControlsBar::BilledVsEstimated) {
        m_controller->setCompare(models::UsageMeasure::EstimatedCost);
        m_controller->setMeasure(models::UsageMeasure::BilledCost);
        return;
    }
    m_controller->setCompare(std::nullopt);
    m_controller->setMeasure(models::UsageMeasure(data));
}

void UsagePage::updateNote()
{
    const models::UsageCube &cube = m_controller->cube();
    const models::UsageAggregate &a = m_controller->aggregate();
    QStringList lines;
    if (!cube.isEmpty() && !cube.hasCosts()) {
        if (a.measure() == models::UsageMeasure::EstimatedCost)
            lines.append(tr(
                "The API sends no cost for these records (it does not populate cost columns yet): "
                "costs are estimated from the rate card; unpriced metrics are left out (the rate-card line "
                "lists them)."));
        else
            lines.append(
                tr("This organization's usage records carry no cost columns (the API does not populate "
                   "them yet); showing consumed quantities."));
    }
    if (a.measure() == models::UsageMeasure::ConsumedQuantity && a.groupCount() > 0) {
        // One unit at a time: the others are under Unit, never added in.
        QStringList others;
        for (const models::UsageUnitCount &u : a.units())
            if (u.unit != a.query().unit)
                others << (u.unit.isEmpty() ? tr("(no unit)") : u.unit);
        QString line =
            a.unit().isEmpty() ? tr("Consumed quantity.") : tr("Consumed quantity in %1.").arg(a.unit());
        if (!others.isEmpty())
            line += QLatin1Char(' ') + tr("Quantities of different units are never added: %1 under Unit.")
                                           .arg(others.join(QStringLiteral(", ")));
        lines.append(line);
    }
    m_note->setText(lines.join(QLatin1Char('\n')));
    m_note->setVisible(!lines.isEmpty());
}

void UsagePage::updateStatus()
{
    const models::UsageAggregate &a = m_controller->aggregate();
    QString text;
    if (m_controller->isLoading()) {
        text = tr("Loading usage…");
    } else if (session() && session()->organizationId().isEmpty()) {
        text = tr("Choose an organization to see its usage.");
    } else if (a.groupCount() == 0) {
        text = m_controller->cube().isEmpty() ? tr("No usage loaded yet.") : tr("No usage in this range.");
    } else {
        text = tr("%1 – %2: %3 records")
                   .arg(QLocale().toString(a.range().firstDate(), QLocale::ShortFormat),
                        QLocale().toString(a.range().lastDate(), QLocale::ShortFormat),
                        QLocale().toString(qlonglong(a.matchedRows())));
        if (a.correctionRows() > 0)
            text += tr(", %n correction(s)", nullptr, int(a.correctionRows()));
        if (!a.rangeCovered())
            text += tr(" — part of the range is not loaded");
        else if (!a.previousCovered())
            text += tr(" — previous period not loaded");
    }
    m_status->setText(text + UsageMetricFilter::issuesText(*m_controller));
    m_status->setToolTip(m_controller->firstIssue());
}

void UsagePage::onAggregateChanged()
{
    const models::UsageAggregate &a = m_controller->aggregate();
    m_controls->setUnits(a.units(), a.query().unit, a.measure() == models::UsageMeasure::ConsumedQuantity);
    m_tables->refreshPivot();
    m_anomalies->setAnomalies(m_controller->anomalies());
    updateNote();
    updateStatus();
}

void UsagePage::openAnomaly(int row)
{
    if (!session())
        return;
    const int index = m_anomalies->anomalyIndexAt(row);
    const auto &list = m_controller->anomalies();
    if (index < 0 || index >= list.size())
        return;
    const models::UsageAnomaly &an = list.at(index);
    // The account comes from the group when grouped by account, else from a
    // drill-down filter; an empty id means the whole organization.
    QString accountId;
    for (const models::UsageGroupKey &key : an.groupKeys)
        if (key.dimension == models::UsageDimension::Account)
            accountId = key.key;
    if (accountId.isEmpty())
        for (const models::UsageFilter &filter : m_controller->query().filters)
            if (filter.dimension == models::UsageDimension::Account)
                accountId = filter.key;
    const qint64 dayStart = an.day.startOfDay(Qt::UTC).toMSecsSinceEpoch();
    if (navigator())
        navigator()->showAuditAround(accountId, dayStart, dayStart + 86400000 - 1);
}

void UsagePage::onChartGroupActivated(int group)
{
    const models::UsageAggregate &a = m_controller->aggregate();
    if (group < 0 || group >= a.groupCount())
        return;
    if (!m_controller->drillInto(group)) {
        if (a.group(group).isOther)
            m_status->setText(tr("\"Other\" folds %n group(s); raise Top to see them.", nullptr,
                                 a.group(group).foldedGroups));
        else
            m_status->setText(tr("Nothing further to drill into."));
    }
}

void UsagePage::onLoadingChanged(bool loading)
{
    m_progress->setVisible(loading);
    m_cancel->setVisible(loading);
    if (loading)
        m_banner->clear();
    updateStatus();
    announce(m_status); // start and end of a load are read out
}

void UsagePage::onProgress(int done, int total)
{
    m_progress->setMaximum(std::max(total, 1));
    m_progress->setValue(done);
}

void UsagePage::showRecords(bool records)
{
    m_tables->showRecords(records);
}

QCheckBox *UsagePage::correctionsCheck() const
{
    return m_controls->corrections();
}

QComboBox *UsagePage::unitCombo() const
{
    return m_controls->unit();
}

QTreeWidget *UsagePage::anomalyList() const
{
    return m_anomalies->tree();
}

UsageChart *UsagePage::currentChart() const
{
    return m_chartArea->currentChart();
}

void UsagePage::setRangePreset(RangePreset preset)
{
    m_preset->setCurrentIndex(m_preset->findData(int(preset)));
}

void UsagePage::setCustomRange(QDate from, QDate to)
{
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(from);
        m_to->setDate(to);
    }
    if (RangePreset(m_preset->currentData().toInt()) == RangePreset::Custom)
        applyCustomRange();
    else
        setRangePreset(RangePreset::Custom);
}

void UsagePage::setMeasure(models::UsageMeasure measure)
{
    const int index = m_measure->findData(int(measure));
    if (index >= 0) {
        m_controls->setMeasureChosen(); // asked for: not replaced by the default cost measure
        m_measure->setCurrentIndex(index);
    }
}

void UsagePage::setGroupBy(models::UsageDimension first, std::optional<models::UsageDimension> second)
{
    {
        const QSignalBlocker block1(m_group1);
        const QSignalBlocker block2(m_group2);
        m_group1->setCurrentIndex(m_group1->findData(int(first)));
        m_group2->setCurrentIndex(m_group2->findData(second ? int(*second) : -1));
    }
    applyGroupBy();
}

void UsagePage::setGranularity(models::UsageGranularity granularity)
{
    m_granularity->setCurrentIndex(m_granularity->findData(int(granularity)));
}

void UsagePage::setTopN(int topN)
{
    m_topN->setValue(topN);
}

void UsagePage::setChartKind(ChartKind kind)
{
    m_chartKind->setCurrentIndex(m_chartKind->findData(int(kind)));
}

UsagePage::ChartKind UsagePage::chartKind() const
{
    return ChartKind(m_chartKind->currentData().toInt());
}

bool UsagePage::exportChart(const QString &format)
{
    return UsageExporter::exportChart(this, m_banner, currentChart(), format);
}

bool UsagePage::exportPivotCsv()
{
    return UsageExporter::exportCsv(this, m_banner, tr("Export pivot"), QStringLiteral("usage-pivot.csv"),
                                    [this](QIODevice *out) { return m_controller->writePivotCsv(out); });
}

bool UsagePage::exportRecordsCsv()
{
    return UsageExporter::exportCsv(this, m_banner, tr("Export records"), QStringLiteral("usage-records.csv"),
                                    [this](QIODevice *out) { return m_controller->writeRecordsCsv(out); });
}

void UsagePage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    m_controller->setActive(true);
    updateStatus();
}

void UsagePage::hideEvent(QHideEvent *event)
{
    Page::hideEvent(event);
    // Loads already under way finish; nothing new starts while hidden.
    m_controller->setActive(false);
}

void UsagePage::refresh()
{
    m_banner->clear();
    m_controller->reload();
}

void UsagePage::saveViewState(models::AppSettings &settings)
{
    settings.setSplitterState(QStringLiteral("usage/main"), m_mainSplitter->saveState());
    settings.setSplitterState(QStringLiteral("usage/bottom"), m_bottomSplitter->saveState());
    settings.setSplitterState(QStringLiteral("usage/charts"), m_chartArea->saveState());
    settings.setHeaderState(QStringLiteral("usage/anomalies"), m_anomalies->tree()->header()->saveState());
    settings.setValue(settingKey("preset"), m_preset->currentData());
    settings.setValue(settingKey("from"), m_from->date());
    settings.setValue(settingKey("to"), m_to->date());
    settings.setValue(settingKey("measure"), m_measure->currentData());
    settings.setValue(settingKey("group1"), m_group1->currentData());
    settings.setValue(settingKey("group2"), m_group2->currentData());
    settings.setValue(settingKey("granularity"), m_granularity->currentData());
    settings.setValue(settingKey("topN"), m_topN->value());
    settings.setValue(settingKey("corrections"), m_controls->corrections()->isChecked());
    settings.setValue(settingKey("unit"), m_controller->query().unit);
    m_tables->saveViewState(settings);
    settings.setValue(settingKey("chart"), m_chartKind->currentData());
}

void UsagePage::restoreViewState(models::AppSettings &settings)
{
    m_mainSplitter->restoreState(settings.splitterState(QStringLiteral("usage/main")));
    m_bottomSplitter->restoreState(settings.splitterState(QStringLiteral("usage/bottom")));
    m_chartArea->restoreState(settings.splitterState(QStringLiteral("usage/charts")));
    m_anomalies->tree()->header()->restoreState(settings.headerState(QStringLiteral("usage/anomalies")));
    auto restoreCombo = [&](QComboBox *combo, const char *key) {
        const QVariant v = settings.value(settingKey(key));
        if (!v.isValid())
            return;
        const int index = combo->findData(v.toInt());
        if (index >= 0)
            combo->setCurrentIndex(index);
    };
    const QDate from = settings.value(settingKey("from")).toDate();
    const QDate to = settings.value(settingKey("to")).toDate();
    if (from.isValid() && to.isValid()) {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(from);
        m_to->setDate(to);
    }
    restoreCombo(m_preset, "preset");
    applyPreset();
    restoreCombo(m_measure, "measure");
    {
        const QSignalBlocker block1(m_group1);
        const QSignalBlocker block2(m_group2);
        restoreCombo(m_group1, "group1");
        restoreCombo(m_group2, "group2");
    }
    applyGroupBy();
    restoreCombo(m_granularity, "granularity");
    m_topN->setValue(settings.value(settingKey("topN"), m_topN->value()).toInt());
    m_controls->corrections()->setChecked(settings.value(settingKey("corrections"), true).toBool());
    m_controller->setUnit(settings.value(settingKey("unit")).toString());
    m_tables->restoreViewState(settings);
    restoreCombo(m_chartKind, "chart");
}

} // namespace ui
