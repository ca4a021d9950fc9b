#include "ui/views/pageviews.h"

#include "ui/audit/auditlogpage.h"
#include "ui/audit/auditquerybar.h"
#include "ui/usage/usagecontrolsbar.h"
#include "ui/usage/usagepage.h"

#include "models/audit/auditcontroller.h"
#include "models/audit/audittablemodel.h"
#include "models/usage/usagecontroller.h"
#include "models/views/savedviewbinding.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTableView>

namespace ui {

namespace {

// The page's presets are the views' presets, one for one (UsagePage::presetRange counts them there).
static_assert(int(UsagePage::RangePreset::ThisMonth) == int(models::UsageRangePreset::ThisMonth) &&
              int(UsagePage::RangePreset::LastMonth) == int(models::UsageRangePreset::LastMonth) &&
              int(UsagePage::RangePreset::Last30Days) == int(models::UsageRangePreset::Last30Days) &&
              int(UsagePage::RangePreset::Last90Days) == int(models::UsageRangePreset::Last90Days) &&
              int(UsagePage::RangePreset::Last12Months) == int(models::UsageRangePreset::Last12Months) &&
              int(UsagePage::RangePreset::Custom) == int(models::UsageRangePreset::Custom));

// The index of the view's measure in the page's measure list, -1 when the data does not offer it.
int measureIndex(const QComboBox *combo, const models::SavedUsageView &view)
{
    if (view.compare)
        return combo->findData(UsageControlsBar::BilledVsEstimated);
    return combo->findData(int(view.measure));
}

// Chooses the measure once the list offers it; forgets it when the user picks
// one or another view is applied.
class PendingMeasure : public QObject
{
public:
    PendingMeasure(UsagePage *page, const models::SavedUsageView &view)
        : QObject(page), m_page(page), m_view(view)
    {
        setObjectName(QStringLiteral("pendingViewMeasure"));
        connect(page->controller(), &models::UsageController::aggregateChanged, this,
                &PendingMeasure::tryApply);
        connect(page->controller(), &models::UsageController::costChanged, this, &PendingMeasure::tryApply);
        connect(page->measureCombo(), &QComboBox::activated, this, &QObject::deleteLater);
    }
    void tryApply()
    {
        QComboBox *combo = m_page->measureCombo();
        const int index = measureIndex(combo, m_view);
        if (index < 0)
            return;
        // setMeasure() also keeps the choice when the list is rebuilt for new data.
        if (m_view.compare)
            combo->setCurrentIndex(index);
        else
            m_page->setMeasure(m_view.measure);
        deleteLater();
    }

private:
    UsagePage *m_page;
    models::SavedUsageView m_view;
};

} // namespace

models::SavedAuditQuery captureAuditPage(const AuditLogPage &page)
{
    models::SavedAuditQuery q = models::captureAuditView(*page.controller());
    // What the bar shows, also edits not run yet.
    const models::SavedAuditQuery bar = models::SavedAuditQuery::fromDraft(page.queryBar()->draft());
    q.preset = bar.preset;
    q.fromMs = bar.fromMs;
    q.toMs = bar.toMs;
    q.filters = bar.filters;
    q.search = page.searchBox()->text();
    const QHeaderView *header = page.table()->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (logical >= 0 && logical < models::kAuditColumnCount && !header->isSectionHidden(logical))
            q.columns.append(models::AuditColumn(logical));
    }
    return q;
}

void applyAuditPage(AuditLogPage &page, const models::SavedAuditQuery &query)
{
    page.clearLocalFilters();
    models::applyAuditView(*page.controller(), query);
    {
        const QSignalBlocker block(page.searchBox());
        page.searchBox()->setText(query.search);
    }
    if (query.selectionFromMs < query.selectionToMs)
        page.setTimeRangeFilter(query.selectionFromMs, query.selectionToMs);
    QHeaderView *header = page.table()->horizontalHeader();
    if (!query.columns.isEmpty()) {
        for (int i = 0; i < query.columns.size(); ++i) {
            const int logical = int(query.columns.at(i));
            header->showSection(logical);
            header->moveSection(header->visualIndex(logical), i);
        }
        for (int c = 0; c < header->count(); ++c)
            header->setSectionHidden(c, !query.columns.contains(models::AuditColumn(c)));
    }
    header->setSortIndicator(query.sortColumn, query.sortOrder);
    models::AuditController *controller = page.controller();
    if (controller->activity() == models::AuditController::Activity::OpeningArchive) {
        // Showing the page is opening the archive: run once its history is in, so the
        // status line tells about the Run, not "no saved history" after it (an empty
        // archive runs the draft by itself).
        QObject::connect(
            controller, &models::AuditController::historyLoaded, &page,
            [p = &page] {
                if (!p->isLoading())
                    p->run();
            },
            Qt::SingleShotConnection);
        return;
    }
    page.run();
}

QString usageChartToken(int chartKind)
{
    switch (UsagePage::ChartKind(chartKind)) {
    case UsagePage::ChartKind::StackedBars:
        break;
    case UsagePage::ChartKind::Lines:
        return QStringLiteral("lines");
    case UsagePage::ChartKind::Donut:
        return QStringLiteral("donut");
    }
    return QStringLiteral("stacked_bars");
}

int usageChartKind(const QString &token)
{
    if (token == QLatin1String("lines"))
        return int(UsagePage::ChartKind::Lines);
    if (token == QLatin1String("donut"))
        return int(UsagePage::ChartKind::Donut);
    return int(UsagePage::ChartKind::StackedBars);
}

models::SavedUsageView captureUsagePage(const UsagePage &page)
{
    models::SavedUsageView v = models::captureUsageView(*page.controller());
    if (const auto *preset = page.findChild<QComboBox *>(QStringLiteral("usageRangePreset"))) {
        v.rangePreset = models::UsageRangePreset(preset->currentData().toInt());
        if (v.rangePreset != models::UsageRangePreset::Custom)
            v.from = v.to = QDate();
    }
    v.chart = usageChartToken(int(page.chartKind()));
    return v;
}

void applyUsagePage(UsagePage &page, const models::SavedUsageView &view)
{
    // A measure still waiting from an earlier view is replaced.
    delete page.findChild<QObject *>(QStringLiteral("pendingViewMeasure"), Qt::FindDirectChildrenOnly);
    if (view.rangePreset == models::UsageRangePreset::Custom && view.from.isValid() && view.to.isValid())
        page.setCustomRange(view.from, view.to);
    else
        page.setRangePreset(UsagePage::RangePreset(int(view.rangePreset)));
    page.controller()->setDrillFilters(view.filters);
    if (!view.groupBy.isEmpty())
        page.setGroupBy(view.groupBy.first(),
                        view.groupBy.size() > 1 ? std::optional(view.groupBy.at(1)) : std::nullopt);
    page.setGranularity(view.granularity);
    page.setTopN(view.topN);
    if (QCheckBox *corrections = page.correctionsCheck())
        corrections->setChecked(view.includeCorrections);
    page.controller()->setUnit(view.unit);
    page.setChartKind(UsagePage::ChartKind(usageChartKind(view.chart)));
    auto *pending = new PendingMeasure(&page, view);
    pending->tryApply();
}

} // namespace ui
