#include "models/usage/usagecontroller.h"

#include "api/client.h"
#include "api/usageapi.h"
#include "models/cost/pricingsettings.h"
#include "models/session/session.h"
#include "models/usage/usageaggregator.h"
#include "models/usage/usagebreakdownmodel.h"
#include "models/usage/usagecsv.h"
#include "models/usage/usagepivotmodel.h"
#include "models/usage/usagerecordsmodel.h"
#include "models/usage/usageseriesmodel.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace models {

namespace {

models::UsageDayRange previousOf(models::UsageDayRange range)
{
    if (range.isEmpty())
        return {};
    return {range.first - range.dayCount(), range.first - 1};
}

// The days before `range` back to its month's first day: a monthly allowance
// needs the whole month, so the estimate never depends on where a range starts.
models::UsageDayRange monthLeadIn(models::UsageDayRange range)
{
    if (range.isEmpty())
        return {};
    return {models::usageday::monthStart(range.first), range.first - 1};
}

} // namespace

UsageController::UsageController(models::Session *session, QObject *parent)
    : QObject(parent), m_session(session), m_pivot(new models::UsagePivotModel(this)),
      m_series(new models::UsageSeriesModel(this)), m_breakdown(new models::UsageBreakdownModel(this)),
      m_records(new models::UsageRecordsModel(this)),
      m_recordsWatcher(new QFutureWatcher<RecordsResult>(this)), m_watcher(new QFutureWatcher<Result>(this))
{
    connect(m_records, &models::UsageRecordsModel::sortRequested, this, &UsageController::setRecordsSort);
    connect(m_recordsWatcher, &QFutureWatcher<RecordsResult>::finished, this, [this] {
        m_recordsRunning = false;
        RecordsResult result = m_recordsWatcher->future().takeResult();
        if (result.generation == m_recordsGeneration) {
            m_records->setRows(result.cube, std::move(result.rows));
            Q_EMIT recordsChanged();
        }
        if (m_recordsDirty)
            startRecords();
    });
    m_view.groupBy = {models::UsageDimension::ProductFamily};
    m_view.topN = 8;
    m_drill.reset(m_view);
    connect(m_watcher, &QFutureWatcher<Result>::finished, this, &UsageController::onAggregated);
    if (m_session) {
        m_orgId = m_session->organizationId();
        m_card = models::pricing::cardFor(m_orgId);
        m_budget = models::pricing::budget(m_orgId);
        connect(m_session, &models::Session::organizationChanged, this,
                &UsageController::onOrganizationChanged);
        connect(m_session, &models::Session::clientChanged, this, &UsageController::onOrganizationChanged);
    }
}

UsageController::~UsageController()
{
    abortInFlight();
    // A running aggregation works on its own snapshot; wait so that it does
    // not outlive the watcher. (Not after takeResult(): that future is spent.)
    if (m_running)
        m_watcher->waitForFinished();
    if (m_recordsRunning)
        m_recordsWatcher->waitForFinished();
}

void UsageController::setRecordsActive(bool active)
{
    m_recordsActive = active;
    if (active) {
        requestRecords();
    } else {
        // The view is hidden: let go of its cube snapshot, so that the next
        // window merged does not copy the whole cube to detach from it.
        ++m_recordsGeneration;
        m_records->setRows(models::UsageCube(), {});
    }
}

void UsageController::setRecordsFilter(const QString &text)
{
    if (text == m_recordsFilter)
        return;
    m_recordsFilter = text;
    requestRecords();
}

void UsageController::setRecordsSort(int column, Qt::SortOrder order)
{
    if (column == m_recordsSortColumn && order == m_recordsSortOrder)
        return;
    m_recordsSortColumn = column;
    m_recordsSortOrder = order;
    requestRecords();
}

void UsageController::requestRecords()
{
    ++m_recordsGeneration;
    if (!m_recordsActive)
        return;
    if (m_recordsRunning) {
        m_recordsDirty = true;
        return;
    }
    startRecords();
}

void UsageController::startRecords()
{
    m_recordsRunning = true;
    m_recordsDirty = false;
    m_recordsWatcher->setFuture(QtConcurrent::run(
        [cube = cube(), query = m_drill.query(), text = m_recordsFilter, column = m_recordsSortColumn,
         order = m_recordsSortOrder, generation = m_recordsGeneration] {
            RecordsResult result;
            result.generation = generation;
            result.rows = models::selectRecordRows(cube, query, text, column, order);
            result.cube = cube;
            return result;
        }));
}

void UsageController::setActive(bool active)
{
    m_active = active;
    if (m_active)
        fetchMissing();
}

models::UsageDayRange UsageController::fetchRange() const
{
    if (m_view.range.isEmpty())
        return {};
    return {models::usageday::monthStart(previousOf(m_view.range).first), m_view.range.last};
}

void UsageController::setRange(models::UsageDayRange range)
{
    if (range == m_view.range)
        return;
    m_view.range = range;
    m_drill.setViewSettings(m_view);
    fetchMissing();
    requestAggregate();
}

void UsageController::setMeasure(models::UsageMeasure measure)
{
    if (measure == m_view.measure)
        return;
    m_view.measure = measure;
    m_drill.setViewSettings(m_view);
    requestAggregate();
}

void UsageController::setUnit(const QString &unit)
{
    if (unit == m_view.unit)
        return;
    m_view.unit = unit;
    m_drill.setViewSettings(m_view);
    requestAggregate();
}

void UsageController::setCompare(std::optional<models::UsageMeasure> compare)
{
    if (compare == m_view.compare)
        return;
    m_view.compare = compare;
    m_drill.setViewSettings(m_view);
    requestAggregate();
}

void UsageController::setIncludeCorrections(bool include)
{
    if (include == m_view.includeCorrections)
        return;
    m_view.includeCorrections = include;
    m_drill.setViewSettings(m_view);
    requestAggregate();
}

void UsageController::setGroupBy(const QList<models::UsageDimension> &groupBy)
{
    m_drill.setGroupBy(groupBy);
    Q_EMIT drillChanged();
    requestAggregate();
}

void UsageController::setGranularity(models::UsageGranularity granularity)
{
    if (granularity == m_view.granularity)
        return;
    m_view.granularity = granularity;
    m_drill.setViewSettings(m_view);
    requestAggregate();
}

void UsageController::setTopN(int topN)
{
    if (topN == m_view.topN)
        return;
    m_view.topN = topN;
    m_drill.setViewSettings(m_view);
    requestAggregate();
}

bool UsageController::drillInto(int group)
{
    if (group < 0 || group >= m_aggregate.groupCount())
        return false;
    if (!m_drill.drillInto(m_aggregate.group(group)))
        return false;
    Q_EMIT drillChanged();
    requestAggregate();
    return true;
}

void UsageController::backTo(int crumb)
{
    if (crumb == m_drill.depth() || !m_drill.backTo(crumb))
        return;
    Q_EMIT drillChanged();
    requestAggregate();
}

void UsageController::setDrillFilters(const QList<models::UsageFilter> &filters)
{
    const QList<models::UsageDimension> groupBy = m_drill.query().groupBy;
    models::UsageQuery root = m_view;
    root.groupBy = m_drill.breadcrumbs().constFirst().groupBy;
    m_drill.reset(root);
    if (!filters.isEmpty()) {
        QStringList labels;
        for (const models::UsageFilter &f : filters)
            labels << (f.label.isEmpty() ? f.key : f.label);
        m_drill.push({labels.join(QStringLiteral(" · ")), filters, groupBy});
    } else {
        m_drill.setGroupBy(groupBy);
    }
    Q_EMIT drillChanged();
    requestAggregate();
}

void UsageController::onOrganizationChanged()
{
    const QString orgId = m_session ? m_session->organizationId() : QString();
    cancel();
    m_orgId = orgId;
    setError({});
    m_cube.clear();
    ++m_cubeVersion;
    clearReadIssues();
    m_card = models::pricing::cardFor(m_orgId);
    m_budget = models::pricing::budget(m_orgId);
    ++m_cardVersion;
    QList<models::UsageDimension> groupBy =
        m_drill.breadcrumbs().isEmpty() ? m_view.groupBy : m_drill.breadcrumbs().constFirst().groupBy;
    m_view.groupBy = groupBy;
    m_drill.reset(m_view);
    Q_EMIT drillChanged();
    requestAggregate();
    if (m_active)
        fetchMissing();
}

void UsageController::setRollupCube(const models::UsageCube &cube)
{
    m_rollupCube = cube;
    m_rollupOn = true;
    ++m_cubeVersion;
    Q_EMIT cubeReplaced();
    if (cube.hasCosts() != m_hadCosts) {
        m_hadCosts = cube.hasCosts();
        Q_EMIT costsAvailableChanged(m_hadCosts);
    }
    requestAggregate();
}

void UsageController::clearRollupCube()
{
    if (!m_rollupOn)
        return;
    m_rollupOn = false;
    m_rollupCube = models::UsageCube();
    ++m_cubeVersion;
    // A level or grouping by organization means nothing on one organization.
    bool usesOrganization = false;
    for (const models::UsageDrillDown::Crumb &c : m_drill.breadcrumbs()) {
        usesOrganization = usesOrganization || c.groupBy.contains(models::UsageDimension::Organization);
        for (const models::UsageFilter &f : c.filters)
            usesOrganization = usesOrganization || f.dimension == models::UsageDimension::Organization;
    }
    if (usesOrganization) {
        QList<models::UsageDimension> groupBy = m_drill.breadcrumbs().constFirst().groupBy;
        groupBy.removeAll(models::UsageDimension::Organization);
        if (groupBy.isEmpty())
            groupBy = {models::UsageDimension::ProductFamily};
        m_view.groupBy = groupBy;
        m_drill.reset(m_view);
        Q_EMIT drillChanged();
    }
    Q_EMIT cubeReplaced();
    if (m_cube.hasCosts() != m_hadCosts) {
        m_hadCosts = m_cube.hasCosts();
        Q_EMIT costsAvailableChanged(m_hadCosts);
    }
    requestAggregate();
}

void UsageController::setRateCard(const models::RateCard &card)
{
    m_card = card;
    ++m_cardVersion;
    requestAggregate();
}

void UsageController::reloadPricing()
{
    m_budget = models::pricing::budget(m_orgId);
    setRateCard(models::pricing::cardFor(m_orgId));
}

void UsageController::reload()
{
    cancel();
    m_cube.clear();
    ++m_cubeVersion;
    clearReadIssues();
    requestAggregate();
    fetchMissing();
}

void UsageController::setMetric(const QString &metricId)
{
    const QString metric = metricId.trimmed();
    if (metric == m_metric)
        return;
    m_metric = metric;
    Q_EMIT metricChanged(m_metric);
    // The cube's covered days were fetched for the other metric.
    reload();
}

void UsageController::clearReadIssues()
{
    if (m_recordsWithIssues == 0 && m_firstIssue.isEmpty())
        return;
    m_recordsWithIssues = 0;
    m_firstIssue.clear();
    Q_EMIT readIssuesChanged();
}

void UsageController::retry()
{
    setError({});
    fetchMissing();
}

void UsageController::setError(const ErrorInfo &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged(m_error);
}

void UsageController::cancel()
{
    const bool was = isLoading();
    m_queue.clear();
    abortInFlight();
    if (was)
        Q_EMIT loadingChanged(false);
}

void UsageController::fetchMissing()
{
    if (!m_active || !m_session || !m_session->client() || m_orgId.isEmpty() || m_view.range.isEmpty())
        return;
    // The shown range first, then the previous period it is compared with.
    m_queue = m_cube.missingWindows(m_view.range);
    m_queue += m_cube.missingWindows(previousOf(m_view.range));
    m_queue += m_cube.missingWindows(monthLeadIn(previousOf(m_view.range)));
    // The requests under way stay; do not ask for their days twice.
    for (const InFlight &f : std::as_const(m_inFlight)) {
        const models::UsageDayRange busy = f.window;
        m_queue.removeIf(
            [busy](const models::UsageDayRange &w) { return w.first >= busy.first && w.last <= busy.last; });
    }
    const bool wasLoading = m_windowsTotal > m_windowsDone && !m_inFlight.isEmpty();
    if (!wasLoading) {
        m_windowsDone = 0;
        m_windowsTotal = int(m_queue.size() + m_inFlight.size());
    } else {
        m_windowsTotal = m_windowsDone + int(m_queue.size() + m_inFlight.size());
    }
    if (m_queue.isEmpty() && m_inFlight.isEmpty())
        return;
    setError({});
    Q_EMIT loadingChanged(true);
    Q_EMIT progressChanged(m_windowsDone, m_windowsTotal);
    startNext();
}

void UsageController::startNext()
{
    if (m_queue.isEmpty() && m_inFlight.isEmpty()) {
        Q_EMIT progressChanged(m_windowsDone, m_windowsTotal);
        Q_EMIT loadingChanged(false);
        return;
    }
    while (m_inFlight.size() < kMaxInFlight && !m_queue.isEmpty()) {
        const models::UsageDayRange window = m_queue.takeFirst();
        api::UsageApi usage(m_session->client(), m_metric);
        auto *job = usage.getColumns(m_orgId, window.firstDate(), window.lastDate(), this);
        m_inFlight.append({job, window});
        connect(job, &api::Job::finished, this, &UsageController::onJobFinished);
        job->start();
    }
}

void UsageController::abortInFlight()
{
    const QList<InFlight> inFlight = std::exchange(m_inFlight, {});
    for (const InFlight &f : inFlight) {
        if (!f.job)
            continue;
        disconnect(f.job, nullptr, this, nullptr);
        f.job->abort();
    }
}

void UsageController::onJobFinished(api::Job *job)
{
    const auto it =
        std::find_if(m_inFlight.begin(), m_inFlight.end(), [job](const InFlight &f) { return f.job == job; });
    if (it == m_inFlight.end())
        return; // canceled or superseded
    const models::UsageDayRange window = it->window;
    m_inFlight.erase(it);
    if (job->error()) {
        // One failure, one message: the other request is dropped too, and
        // Retry asks again for whatever is still missing.
        const QString message = job->error().userMessage();
        m_queue.clear();
        abortInFlight();
        Q_EMIT loadingChanged(false);
        setError({message, true});
        Q_EMIT loadFailed(message);
        return;
    }
    auto *typed = static_cast<api::TypedJob<api::UsageColumns> *>(job);
    // The answer was decoded on a worker; merging a 31-day window of a large
    // organization (tens of thousands of rows) costs a few milliseconds here.
    const api::UsageColumns &answer = typed->result();
    if (answer.entriesWithIssues > 0) {
        if (m_recordsWithIssues == 0)
            m_firstIssue = answer.firstIssue;
        m_recordsWithIssues += answer.entriesWithIssues;
        Q_EMIT readIssuesChanged();
    }
    m_cube.addWindow(window, answer);
    ++m_cubeVersion;
    ++m_windowsDone;
    Q_EMIT progressChanged(m_windowsDone, m_windowsTotal);
    if (cube().hasCosts() != m_hadCosts) {
        m_hadCosts = cube().hasCosts();
        Q_EMIT costsAvailableChanged(m_hadCosts);
    }
    if (m_queue.isEmpty() && m_inFlight.isEmpty())
        requestRecords(); // the last window of the load is in
    // Data, not the question, changed: keep the generation so the result of
    // an aggregation already under way is still shown.
    if (m_running) {
        m_dirty = true;
    } else {
        startAggregate();
    }
    startNext();
}

void UsageController::requestAggregate()
{
    requestRecords();
    ++m_generation;
    if (m_running) {
        m_dirty = true;
        return;
    }
    startAggregate();
}

void UsageController::startAggregate()
{
    m_running = true;
    m_dirty = false;
    const quint64 generation = m_generation;
    models::UsageQuery query = m_drill.query();
    // The estimate is reused while neither the cube nor the card changed.
    std::shared_ptr<const models::CostEstimate> cached =
        m_estimate && m_estimateCube == m_cubeVersion && m_estimateCard == m_cardVersion ? m_estimate
                                                                                         : nullptr;
    // The cube copy is an O(1) snapshot; the next addWindow detaches ours.
    m_watcher->setFuture(QtConcurrent::run([cube = cube(), query, generation, card = m_card, cached,
                                            budget = m_budget, cubeVersion = m_cubeVersion,
                                            cardVersion = m_cardVersion]() mutable {
        Result result;
        result.generation = generation;
        result.cubeVersion = cubeVersion;
        result.cardVersion = cardVersion;
        result.estimate =
            cached ? cached : std::make_shared<const models::CostEstimate>(models::estimateCost(cube, card));
        query.estimate = result.estimate;
        const bool estimated = query.measure == models::UsageMeasure::EstimatedCost;
        if (estimated ? result.estimate->pricedRows == 0 : !cube.hasMeasure(query.measure))
            query.measure = models::UsageMeasure::ConsumedQuantity;
        if (query.compare &&
            (*query.compare == models::UsageMeasure::EstimatedCost ? result.estimate->pricedRows == 0
                                                                   : !cube.hasMeasure(*query.compare)))
            query.compare.reset();
        result.aggregate = models::UsageAggregator::aggregate(cube, query);
        if (query.measure == models::UsageMeasure::ConsumedQuantity) {
            // One unit at a time: the one asked for while the view holds it,
            // else the one with the most records.
            const QList<models::UsageUnitCount> &units = result.aggregate.units();
            const bool held =
                std::any_of(units.begin(), units.end(),
                            [&query](const models::UsageUnitCount &u) { return u.unit == query.unit; });
            if (!held && !units.isEmpty()) {
                query.unit = units.constFirst().unit;
                result.aggregate = models::UsageAggregator::aggregate(cube, query);
            }
        }
        result.outlook = models::computeCostOutlook(cube, query.filters, result.estimate, budget);
        models::UsageQuery daily = query;
        daily.granularity = models::UsageGranularity::Day;
        result.anomalies = models::UsageAnomalyDetector().detect(cube, daily);
        // Days after the newest record (today, before the provider has
        // reported it) read as zero everywhere: not news, just not in yet.
        const qint32 lastDay = cube.dayExtent().last;
        result.anomalies.removeIf(
            [lastDay](const models::UsageAnomaly &a) { return models::usageday::fromDate(a.day) > lastDay; });
        return result;
    }));
}

void UsageController::onAggregated()
{
    m_running = false;
    Result result = m_watcher->future().takeResult();
    if (result.cubeVersion == m_cubeVersion && result.cardVersion == m_cardVersion) {
        const bool fresh = m_estimate != result.estimate;
        m_estimate = result.estimate;
        m_estimateCube = result.cubeVersion;
        m_estimateCard = result.cardVersion;
        m_outlook = result.outlook;
        if (fresh || result.generation == m_generation)
            Q_EMIT costChanged();
    }
    if (result.generation == m_generation) {
        m_aggregate = result.aggregate;
        m_anomalies = std::move(result.anomalies);
        m_pivot->setAggregate(m_aggregate);
        m_series->setAggregate(m_aggregate);
        m_breakdown->setAggregate(m_aggregate);
        Q_EMIT aggregateChanged();
    } else {
        m_dirty = true; // the question changed meanwhile
    }
    if (m_dirty)
        startAggregate();
}

bool UsageController::writeRecordsCsv(QIODevice *out) const
{
    return models::UsageCsv::writeRecords(out, cube(), m_drill.query());
}

bool UsageController::writePivotCsv(QIODevice *out) const
{
    return models::UsageCsv::writePivot(out, m_aggregate);
}

} // namespace models
