#pragma once
// Events per time bucket over a set of audit rows, stacked by result, or
// (a roll-up's "Split by organization") by organization: the organizations
// with the most shown rows each a series, the rest one "Other" series. A
// plain value computed by a pure function, so it can be built off the GUI
// thread; AuditHistogramModel shows one to a chart.

#include "models/audit/auditsnapshot.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <span>
#include <vector>

namespace models {

class AuditHistogram
{
public:
    enum class BucketSize { Minute, Hour, Day, Week };
    struct Bucket
    {
        qint64 startMs = 0;
        quint32 success = 0; // everything that is not a failure
        quint32 failure = 0;
        quint32 loaded = 0; // every loaded row of the bucket, shown or not
        quint32 total() const { return success + failure; }
    };

    // One stacked series of a split by organization.
    struct OrganizationSeries
    {
        QString id;           // the organization (empty for "Other")
        QStringList otherIds; // "Other": the organizations it stands for
        quint64 total = 0;    // shown rows of the series
        QString name;         // filled in by the caller (the table's labels)
        QString path;         // the organization's path in the tree
        bool other = false;
        int color = -1; // the caller's colour for the organization (-1: by position)
        bool isOther() const { return other; }
    };

    // Minute up to 3 h, hour up to 7 days, day up to 180 days, else week.
    static BucketSize autoBucketSize(qint64 spanMs);
    static qint64 bucketLengthMs(BucketSize size);
    // Start of the bucket holding ms (UTC boundaries; weeks start on Monday).
    static qint64 bucketStart(qint64 ms, BucketSize size);

    // Buckets covering [fromMs, toMs) (every bucket present, empty or not);
    // with fromMs >= toMs the range of the rows themselves is used.
    static AuditHistogram compute(const AuditSnapshot &snapshot, std::span<const quint32> rows,
                                  qint64 fromMs = 0, qint64 toMs = 0);
    // The rows a table shows (success / failure) over the buckets of every
    // loaded row (loaded): what the timeline draws, the loaded total faint
    // behind it, on an axis that does not move while filters change.
    // With topOrganizations > 0 the shown rows are also counted per
    // organization: that many series (most rows first) plus "Other".
    static AuditHistogram computeShown(const AuditSnapshot &snapshot, std::span<const quint32> shownRows,
                                       int topOrganizations = 0);

    // Split by organization (computeShown with topOrganizations > 0).
    bool isSplit() const { return !m_series.isEmpty(); }
    const QList<OrganizationSeries> &organizationSeries() const { return m_series; }
    void setSeriesLabel(int series, const QString &name, const QString &path, int color = -1);
    // Shown rows of series s in bucket b.
    quint32 seriesCount(int bucket, int series) const;
    // Shown rows per organization id, every organization (not only the series).
    const QHash<QString, quint64> &organizationTotals() const { return m_orgTotals; }

    BucketSize bucketSize() const { return m_size; }
    const QList<Bucket> &buckets() const { return m_buckets; }
    quint32 maxTotal() const;
    quint32 maxLoaded() const;
    quint64 total() const; // shown rows
    quint64 loadedTotal() const;
    // [start, end) of bucket i: what a click on it narrows the table to.
    std::pair<qint64, qint64> bucketRange(int i) const;
    // Range covered by buckets first..last (inclusive, any order): a drag.
    std::pair<qint64, qint64> spanRange(int first, int last) const;

private:
    void splitByOrganization(const AuditSnapshot &snapshot, std::span<const quint32> shownRows, qint64 first,
                             qint64 len, int top);

    BucketSize m_size = BucketSize::Hour;
    QList<Bucket> m_buckets;
    QList<OrganizationSeries> m_series;
    std::vector<quint32> m_seriesCounts; // bucket-major: [bucket * series count + series]
    QHash<QString, quint64> m_orgTotals;
};

} // namespace models
