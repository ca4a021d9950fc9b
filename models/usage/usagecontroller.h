#pragma once
// Drives the Usage page: fetches the windows of the chosen range that the
// cube lacks (one ≤31-day request at a time, paced by the client's rate
// budget), aggregates the cube snapshot off the GUI thread and swaps the
// pivot, series and breakdown models when a result of the current
// generation arrives. Knows nothing about widgets: the Usage page binds to
// its models, properties and signals.

#include "api/job.h"
#include "models/cost/costestimator.h"
#include "models/cost/costoutlook.h"
#include "models/cost/ratecard.h"
#include "models/session/errorinfo.h"
#include "models/session/progress.h"
#include "models/usage/usageaggregate.h"
#include "models/usage/usageanomalydetector.h"
#include "models/usage/usagecube.h"
#include "models/usage/usagedrilldown.h"
#include "models/usage/usagequery.h"

#include <QObject>
#include <QPointer>
#include <memory>
#include <vector>

class QIODevice;
template <typename T> class QFutureWatcher;

namespace models {

class Session;
class UsageBreakdownModel;
class UsagePivotModel;
class UsageRecordsModel;
class UsageSeriesModel;

class UsageController : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE("models/usage/usagebreakdownmodel.h")
    Q_MOC_INCLUDE("models/usage/usagepivotmodel.h")
    Q_MOC_INCLUDE("models/usage/usageseriesmodel.h")
    Q_MOC_INCLUDE("models/usage/usagerecordsmodel.h")
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    // done/total windows (≤31 days each) of the current load.
    Q_PROPERTY(models::Progress progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(models::ErrorInfo error READ error NOTIFY errorChanged)
    Q_PROPERTY(models::UsagePivotModel *pivot READ pivotModel CONSTANT)
    Q_PROPERTY(models::UsageSeriesModel *series READ seriesModel CONSTANT)
    Q_PROPERTY(models::UsageBreakdownModel *breakdown READ breakdownModel CONSTANT)
    Q_PROPERTY(models::UsageRecordsModel *records READ recordsModel CONSTANT)
public:
    struct Result
    {
        quint64 generation = 0;
        models::UsageAggregate aggregate;
        QList<models::UsageAnomaly> anomalies;
        std::shared_ptr<const models::CostEstimate> estimate;
        quint64 cubeVersion = 0;
        quint64 cardVersion = 0;
        models::CostOutlook outlook;
    };

    explicit UsageController(models::Session *session, QObject *parent = nullptr);
    ~UsageController() override;

    // While inactive (page hidden) nothing is fetched; activating fetches
    // whatever the range still lacks.
    void setActive(bool active);
    bool isActive() const { return m_active; }

    void setRange(models::UsageDayRange range);
    models::UsageDayRange range() const { return m_view.range; }
    // The range plus the previous period of the same length: what is fetched.
    models::UsageDayRange fetchRange() const;

    void setMeasure(models::UsageMeasure measure);
    // Quantity mode shows one ConsumedUnit at a time (no total adds requests
    // to GB): this one when the view holds it, else the unit with the most
    // records. The unit shown is aggregate().query().unit, the choice
    // aggregate().units().
    void setUnit(const QString &unit);
    // A second cost summed beside the measure (estimated beside billed), with
    // the difference in the pivot; nullopt for none.
    void setCompare(std::optional<models::UsageMeasure> compare);
    // Rows with ChargeClass "Correction" counted (and exported) or left out.
    void setIncludeCorrections(bool include);
    void setGroupBy(const QList<models::UsageDimension> &groupBy);
    void setGranularity(models::UsageGranularity granularity);
    void setTopN(int topN);
    models::UsageQuery query() const { return m_drill.query(); }
    const models::UsageDrillDown &drillDown() const { return m_drill; }
    // Group index into the current aggregate; false for "Other" or when every
    // dimension is used.
    bool drillInto(int group);
    void backTo(int crumb);
    // Saved views: the filters of the level shown (query().filters) put back as
    // one level below "All usage" (none: back to the top) keeping the grouping.
    void setDrillFilters(const QList<models::UsageFilter> &filters);

    // The cube the page shows: the organization's own, or a roll-up's.
    const models::UsageCube &cube() const { return m_rollupOn ? m_rollupCube : m_cube; }
    // Roll-up across the organization tree (issue 24): show this cube (the
    // merged usage of the organization and those under it, with the
    // Organization dimension) instead of the organization's own; the own
    // cube keeps loading meanwhile. clearRollupCube() goes back to it and
    // leaves any level or grouping that used Organization.
    void setRollupCube(const models::UsageCube &cube);
    void clearRollupCube();
    bool showsRollup() const { return m_rollupOn; }
    const models::UsageAggregate &aggregate() const { return m_aggregate; }
    const QList<models::UsageAnomaly> &anomalies() const { return m_anomalies; }
    models::UsagePivotModel *pivotModel() const { return m_pivot; }
    models::UsageSeriesModel *seriesModel() const { return m_series; }
    models::UsageBreakdownModel *breakdownModel() const { return m_breakdown; }

    // The Records view: every record under the view's filters, range and
    // corrections switch, with every column as received. Selected, filtered
    // and sorted on a worker, and only while the view is shown.
    models::UsageRecordsModel *recordsModel() const { return m_records; }
    void setRecordsActive(bool active);
    void setRecordsFilter(const QString &text);
    void setRecordsSort(int column, Qt::SortOrder order);
    bool isSelectingRecords() const { return m_recordsRunning; }
    const QString &recordsFilter() const { return m_recordsFilter; }

    bool isLoading() const { return !m_queue.isEmpty() || !m_inFlight.isEmpty(); }
    bool isAggregating() const { return m_running; }
    // Requests left / total in the current load.
    int windowsDone() const { return m_windowsDone; }
    int windowsTotal() const { return m_windowsTotal; }
    Progress progress() const { return {m_windowsDone, m_windowsTotal}; }
    // The last load's failure; cleared when a load starts.
    ErrorInfo error() const { return m_error; }
    void cancel();
    // Fetches again whatever the range still lacks after a failure.
    void retry();
    // Forgets everything fetched and loads the range again (F5).
    void reload();

    // The server-side metric filter (UsageApi's `metric`, a billable metric
    // id; empty: every metric). A change forgets the cube and loads again.
    void setMetric(const QString &metricId);
    const QString &metric() const { return m_metric; }
    // Records of the loaded answers read leniently (a field of an unexpected
    // type read as absent), and the first problem; reset with the cube.
    qsizetype recordsWithIssues() const { return m_recordsWithIssues; }
    const QString &firstIssue() const { return m_firstIssue; }

    // Cost: the rate card of the organization (models/cost/pricingsettings),
    // the estimate of the whole cube under it, and this month's outlook.
    const models::RateCard &rateCard() const { return m_card; }
    void setRateCard(const models::RateCard &card);
    // Reads the organization's card and budget from the settings again.
    void reloadPricing();
    const models::Budget &budget() const { return m_budget; }
    std::shared_ptr<const models::CostEstimate> estimate() const { return m_estimate; }
    bool estimateAvailable() const { return m_estimate && m_estimate->pricedRows > 0; }
    const models::CostOutlook &outlook() const { return m_outlook; }

    bool writeRecordsCsv(QIODevice *out) const;
    bool writePivotCsv(QIODevice *out) const;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void progressChanged(int done, int total);
    void loadFailed(const QString &message);
    void errorChanged(const models::ErrorInfo &error);
    void aggregateChanged();
    void drillChanged();
    void costsAvailableChanged(bool available);
    // A new estimate or outlook (after data, card or budget changed).
    void costChanged();
    void recordsChanged();
    void metricChanged(const QString &metricId);
    // recordsWithIssues() or firstIssue() changed.
    void readIssuesChanged();
    // cube() is another one (roll-up shown or left): what the pickers offer may differ.
    void cubeReplaced();

private:
    void onOrganizationChanged();
    void fetchMissing();
    void clearReadIssues();
    void startNext(); // fills the requests in flight from the queue
    void abortInFlight();
    void onJobFinished(api::Job *job);
    void requestAggregate();
    void startAggregate();
    void onAggregated();
    void setError(const ErrorInfo &error);
    void requestRecords();
    void startRecords();

    QPointer<models::Session> m_session;
    models::UsageCube m_cube;
    models::UsageCube m_rollupCube;
    bool m_rollupOn = false;
    models::UsageQuery m_view;
    models::UsageDrillDown m_drill;
    models::UsageAggregate m_aggregate;
    QList<models::UsageAnomaly> m_anomalies;
    models::UsagePivotModel *m_pivot;
    models::UsageSeriesModel *m_series;
    models::UsageBreakdownModel *m_breakdown;

    QString m_orgId;
    models::RateCard m_card;
    models::Budget m_budget;
    quint64 m_cubeVersion = 0; // bumped whenever the cube changes
    QString m_metric;
    qsizetype m_recordsWithIssues = 0;
    QString m_firstIssue;
    quint64 m_cardVersion = 0;
    std::shared_ptr<const models::CostEstimate> m_estimate;
    quint64 m_estimateCube = ~quint64(0);
    quint64 m_estimateCard = ~quint64(0);
    models::CostOutlook m_outlook;
    ErrorInfo m_error;
    bool m_active = false;
    bool m_hadCosts = false;
    QList<models::UsageDayRange> m_queue;
    // Up to four windows are requested at a time: answers are decoded on
    // pool threads (one per core) while others are on the wire and the last
    // one is merged here. bench_usage measures this pipeline.
    static constexpr int kMaxInFlight = 4;
    struct InFlight
    {
        QPointer<api::Job> job;
        models::UsageDayRange window;
    };
    QList<InFlight> m_inFlight;
    int m_windowsDone = 0;
    int m_windowsTotal = 0;

    struct RecordsResult
    {
        quint64 generation = 0;
        models::UsageCube cube;
        std::vector<qint32> rows;
    };
    models::UsageRecordsModel *m_records;
    QFutureWatcher<RecordsResult> *m_recordsWatcher;
    quint64 m_recordsGeneration = 0;
    bool m_recordsRunning = false;
    bool m_recordsDirty = false;
    bool m_recordsActive = false;
    QString m_recordsFilter;
    int m_recordsSortColumn = -1;
    Qt::SortOrder m_recordsSortOrder = Qt::AscendingOrder;

    QFutureWatcher<Result> *m_watcher;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_dirty = false;
};

} // namespace models
