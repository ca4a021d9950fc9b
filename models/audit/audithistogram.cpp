#include "models/audit/audithistogram.h"

#include <algorithm>
#include <limits>

namespace models {

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kWeek = 7 * kDay;
constexpr qint64 kMondayOffset = 4 * kDay; // 1970-01-01 was a Thursday
constexpr qint64 kMaxBuckets = 100000;     // guards against absurd ranges

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

AuditHistogram::BucketSize AuditHistogram::autoBucketSize(qint64 spanMs)
{
    if (spanMs <= 3 * kHour)
        return BucketSize::Minute;
    if (spanMs <= 7 * kDay)
        return BucketSize::Hour;
    if (spanMs <= 180 * kDay)
        return BucketSize::Day;
    return BucketSize::Week;
}

qint64 AuditHistogram::bucketLengthMs(BucketSize size)
{
    switch (size) {
    case BucketSize::Minute:
        return kMinute;
    case BucketSize::Hour:
        return kHour;
    case BucketSize::Day:
        return kDay;
    case BucketSize::Week:
        return kWeek;
    }
    return kHour;
}

qint64 AuditHistogram::bucketStart(qint64 ms, BucketSize size)
{
    const qint64 len = bucketLengthMs(size);
    const qint64 offset = size == BucketSize::Week ? kMondayOffset : 0;
    return floorDiv(ms - offset, len) * len + offset;
}

AuditHistogram AuditHistogram::compute(const AuditSnapshot &snapshot, std::span<const quint32> rows,
                                       qint64 fromMs, qint64 toMs)
{
    AuditHistogram h;
    if (fromMs >= toMs) {
        if (rows.empty())
            return h;
        fromMs = std::numeric_limits<qint64>::max();
        toMs = std::numeric_limits<qint64>::min();
        for (quint32 r : rows) {
            fromMs = std::min(fromMs, snapshot.timeMs(r));
            toMs = std::max(toMs, snapshot.timeMs(r));
        }
        ++toMs;
    }
    h.m_size = autoBucketSize(toMs - fromMs);
    const qint64 len = bucketLengthMs(h.m_size);
    const qint64 first = bucketStart(fromMs, h.m_size);
    const qint64 count = std::min(kMaxBuckets, floorDiv(toMs - 1 - first, len) + 1);
    h.m_buckets.resize(qsizetype(std::max<qint64>(count, 0)));
    for (qsizetype i = 0; i < h.m_buckets.size(); ++i)
        h.m_buckets[i].startMs = first + i * len;
    Bucket *buckets = h.m_buckets.data();
    const quint32 failureId = snapshot.failureId();
    for (quint32 r : rows) {
        const qint64 t = snapshot.timeMs(r);
        if (t < fromMs || t >= toMs)
            continue;
        const qint64 i = (t - first) / len;
        if (i >= count)
            continue;
        if (snapshot.stringId(AuditField::ActionResult, r) == failureId)
            ++buckets[i].failure;
        else
            ++buckets[i].success;
    }
    for (Bucket &b : h.m_buckets)
        b.loaded = b.total();
    return h;
}

AuditHistogram AuditHistogram::computeShown(const AuditSnapshot &snapshot, std::span<const quint32> shownRows,
                                            int topOrganizations)
{
    AuditHistogram h;
    const quint32 n = snapshot.rowCount();
    if (n == 0)
        return h;
    qint64 fromMs = std::numeric_limits<qint64>::max();
    qint64 toMs = std::numeric_limits<qint64>::min();
    snapshot.times().scan(0, n, [&](std::size_t, qint64 t) {
        fromMs = std::min(fromMs, t);
        toMs = std::max(toMs, t);
    });
    ++toMs;
    h.m_size = autoBucketSize(toMs - fromMs);
    const qint64 len = bucketLengthMs(h.m_size);
    const qint64 first = bucketStart(fromMs, h.m_size);
    const qint64 count = std::min(kMaxBuckets, floorDiv(toMs - 1 - first, len) + 1);
    h.m_buckets.resize(qsizetype(std::max<qint64>(count, 0)));
    for (qsizetype i = 0; i < h.m_buckets.size(); ++i)
        h.m_buckets[i].startMs = first + i * len;
    Bucket *buckets = h.m_buckets.data();
    snapshot.times().scan(0, n, [&](std::size_t, qint64 t) {
        const qint64 i = (t - first) / len;
        if (i < count)
            ++buckets[i].loaded;
    });
    const quint32 failureId = snapshot.failureId();
    for (quint32 r : shownRows) {
        if (r >= n)
            continue;
        const qint64 i = (snapshot.timeMs(r) - first) / len;
        if (i >= count)
            continue;
        if (snapshot.stringId(AuditField::ActionResult, r) == failureId)
            ++buckets[i].failure;
        else
            ++buckets[i].success;
    }
    if (topOrganizations > 0)
        h.splitByOrganization(snapshot, shownRows, first, len, topOrganizations);
    return h;
}

void AuditHistogram::splitByOrganization(const AuditSnapshot &snapshot, std::span<const quint32> shownRows,
                                         qint64 first, qint64 len, int top)
{
    // Rows per organization (pool id; a row without one counts as the empty id).
    const quint32 n = snapshot.rowCount();
    const quint32 pool = snapshot.poolSize(AuditField::OrganizationId);
    std::vector<quint64> perOrg(std::size_t(pool) + 1, 0);
    const auto orgOf = [&](quint32 r) {
        const quint32 id = snapshot.stringId(AuditField::OrganizationId, r);
        return id < pool ? id : pool;
    };
    for (quint32 r : shownRows)
        if (r < n)
            ++perOrg[orgOf(r)];
    std::vector<quint32> order;
    for (quint32 id = 0; id <= pool; ++id) {
        if (perOrg[id] == 0)
            continue;
        order.push_back(id);
        const QString orgId = id < pool ? snapshot.poolString(AuditField::OrganizationId, id) : QString();
        m_orgTotals[orgId] += perOrg[id];
    }
    if (order.empty())
        return;
    const auto text = [&](quint32 id) {
        return id < pool ? snapshot.poolString(AuditField::OrganizationId, id) : QString();
    };
    std::sort(order.begin(), order.end(), [&](quint32 a, quint32 b) {
        return perOrg[a] != perOrg[b] ? perOrg[a] > perOrg[b] : text(a) < text(b);
    });
    // The top organizations keep a series each; with one left over it keeps its own too.
    const std::size_t named = order.size() <= std::size_t(top) + 1 ? order.size() : std::size_t(top);
    std::vector<int> seriesOf(std::size_t(pool) + 1, int(named));
    for (std::size_t s = 0; s < named; ++s) {
        seriesOf[order[s]] = int(s);
        OrganizationSeries series;
        series.id = text(order[s]);
        series.total = perOrg[order[s]];
        m_series.append(series);
    }
    if (named < order.size()) {
        OrganizationSeries other;
        other.other = true;
        for (std::size_t s = named; s < order.size(); ++s) {
            other.otherIds << text(order[s]);
            other.total += perOrg[order[s]];
        }
        m_series.append(other);
    }
    const qsizetype width = m_series.size();
    const qint64 count = m_buckets.size();
    m_seriesCounts.assign(std::size_t(count * width), 0);
    for (quint32 r : shownRows) {
        if (r >= n)
            continue;
        const qint64 i = (snapshot.timeMs(r) - first) / len;
        if (i < 0 || i >= count)
            continue;
        ++m_seriesCounts[std::size_t(i * width + seriesOf[orgOf(r)])];
    }
}

void AuditHistogram::setSeriesLabel(int series, const QString &name, const QString &path, int color)
{
    if (series < 0 || series >= m_series.size())
        return;
    m_series[series].name = name;
    m_series[series].path = path;
    m_series[series].color = color;
}

quint32 AuditHistogram::seriesCount(int bucket, int series) const
{
    const qsizetype width = m_series.size();
    if (bucket < 0 || bucket >= m_buckets.size() || series < 0 || series >= width)
        return 0;
    return m_seriesCounts[std::size_t(bucket * width + series)];
}

quint32 AuditHistogram::maxTotal() const
{
    quint32 m = 0;
    for (const Bucket &b : m_buckets)
        m = std::max(m, b.total());
    return m;
}

quint32 AuditHistogram::maxLoaded() const
{
    quint32 m = 0;
    for (const Bucket &b : m_buckets)
        m = std::max(m, std::max(b.loaded, b.total()));
    return m;
}

quint64 AuditHistogram::loadedTotal() const
{
    quint64 t = 0;
    for (const Bucket &b : m_buckets)
        t += b.loaded;
    return t;
}

quint64 AuditHistogram::total() const
{
    quint64 t = 0;
    for (const Bucket &b : m_buckets)
        t += b.total();
    return t;
}

std::pair<qint64, qint64> AuditHistogram::bucketRange(int i) const
{
    return spanRange(i, i);
}

std::pair<qint64, qint64> AuditHistogram::spanRange(int first, int last) const
{
    if (m_buckets.isEmpty())
        return {0, 0};
    if (first > last)
        std::swap(first, last);
    first = std::clamp(first, 0, int(m_buckets.size()) - 1);
    last = std::clamp(last, 0, int(m_buckets.size()) - 1);
    return {m_buckets[first].startMs, m_buckets[last].startMs + bucketLengthMs(m_size)};
}

} // namespace models
