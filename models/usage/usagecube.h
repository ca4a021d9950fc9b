#pragma once
// Columnar, de-duplicated store of FOCUS usage records (REFERENCE §5.6).
//
// One row per (day, account, metric, sub-account, zone, region, correction)
// key; strings are interned once per dimension so a row is a handful of
// integers and doubles. The cube is a value type with implicit sharing: a copy
// is O(1) and is an immutable snapshot that a worker thread may aggregate
// while the owner keeps adding windows (the owner's next write detaches).

#include "usagetypes.h"

#include "api/usageapi.h"

#include <QExplicitlySharedDataPointer>
#include <QList>
#include <QString>
#include <span>

namespace api {
struct UsageRecord;
struct UsageColumns;
} // namespace api

namespace models {

class UsageCubeData;

class UsageCube
{
public:
    enum RowFlag : quint8 {
        Correction = 0x01,  // ChargeClass "Correction": kept, counted, and added to totals
        HasQuantity = 0x02, // ConsumedQuantity was present (optional in the newest SDK)
        HasBilledCost = 0x04,
        HasEffectiveCost = 0x08,
        HasListCost = 0x10,
        HasContractedCost = 0x20,
    };

    struct AddResult
    {
        int added = 0;    // new rows
        int replaced = 0; // rows whose key was already known (re-fetched window)
        int removed = 0;  // rows dropped because a re-fetched window no longer holds them
        int rejected = 0; // records without a usable ChargePeriodStart
    };

    UsageCube();
    // Copies share the data (a moved-from cube stays a valid copy, never null).
    UsageCube(const UsageCube &other);
    UsageCube &operator=(const UsageCube &other);
    ~UsageCube();

    // Upserts by key: a record whose key is already stored replaces that row.
    AddResult addRecords(const QList<api::UsageRecord> &records);
    // The API's answer for one fetched window: rows of the window that the new
    // answer lacks are dropped, the records are upserted and the window is
    // marked covered (even when the answer is empty).
    AddResult addWindow(UsageDayRange window, const QList<api::UsageRecord> &records);
    // The same from an answer decoded column by column (decode::usageColumns),
    // the fast path: each distinct string is looked up once per answer.
    AddResult addRecords(const api::UsageColumns &columns);
    AddResult addWindow(UsageDayRange window, const api::UsageColumns &columns);
    void markCovered(UsageDayRange range);
    // Roll-up across the organization tree: records added from now on (new
    // or replacing a row) are of this organization, the Organization
    // dimension's value (id as key, name as label). An empty id: none.
    void setOrganization(const QString &id, const QString &name);
    void clear();

    // Fetched day ranges, sorted, disjoint and merged.
    QList<UsageDayRange> coveredRanges() const;
    // The parts of [from, to] not fetched yet, sorted.
    QList<UsageDayRange> missingRanges(UsageDayRange range) const;
    QList<UsageDayRange> missingRanges(QDate from, QDate to) const
    {
        return missingRanges(UsageDayRange::fromDates(from, to));
    }
    bool isCovered(UsageDayRange range) const { return missingRanges(range).isEmpty(); }
    // What still has to be fetched for range, as request-sized windows in
    // order (the API takes at most 31 days per request).
    // maxDays: UsageApi asks each window one day longer (so an exclusive `to`
    // loses nothing) and a request may span at most 31 days.
    QList<UsageDayRange> missingWindows(UsageDayRange range,
                                        int maxDays = api::UsageApi::MaxDaysPerWindow) const;

    qsizetype rowCount() const;
    bool isEmpty() const { return rowCount() == 0; }
    UsageDayRange dayExtent() const; // first and last day holding a row
    qsizetype correctionRowCount() const;
    qsizetype rowsWithoutQuantity() const;
    // Any cost column present on any row. The real API omits them today.
    bool hasCosts() const;
    bool hasMeasure(UsageMeasure measure) const; // quantity: always true
    qsizetype rowsWithMeasure(UsageMeasure measure) const;
    // The billing currency of the costed rows; the most frequent one when they
    // disagree (currencies() then lists them all).
    QString billingCurrency() const;
    QStringList currencies() const;

    // Dictionary of a dimension: id 0 is always the empty value ("not set").
    qint32 valueCount(UsageDimension dimension) const;
    QString valueKey(UsageDimension dimension, qint32 id) const;          // id on the wire, else the name
    QString valueName(UsageDimension dimension, qint32 id) const;         // display name as received
    QString valueLabel(UsageDimension dimension, qint32 id) const;        // name, else key, else "(none)"
    qint32 findValue(UsageDimension dimension, const QString &key) const; // -1 when unknown
    qint32 unitCount() const;
    QString unitName(qint32 unitId) const;

    // Read-only columns, rowCount() long, for aggregation and export. Cost
    // columns are empty spans when no row carries that cost.
    std::span<const qint32> days() const;
    std::span<const qint32> dimensionColumn(UsageDimension dimension) const;
    std::span<const qint32> unitColumn() const;
    std::span<const double> quantities() const;
    std::span<const double> measureColumn(UsageMeasure measure) const;
    std::span<const quint8> flags() const;
    std::span<const quint8> currencyColumn() const; // 0 = none
    QString currencyName(quint8 currencyId) const;
    static quint8 measureFlag(UsageMeasure measure);

    // Row `row` as the record it came from: every FOCUS column as received
    // (ChargeCategory, ChargeFrequency, ChargeClass, periods, provider
    // names, pricing columns, Tags), not rebuilt. Names are the dimension's
    // (a key's first name seen), ids empty where the record sent none.
    api::UsageRecord record(qsizetype row) const;

private:
    void detach();
    template <typename Run> AddResult upsertWindow(UsageDayRange window, Run &&run);
    QExplicitlySharedDataPointer<UsageCubeData> d;
};

} // namespace models
