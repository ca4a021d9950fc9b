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

AuditHistogram AuditHistogram::computeShown(const AuditSnapshot &snapshot, std::span<const quint32> shownRows)
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
    return h;
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
