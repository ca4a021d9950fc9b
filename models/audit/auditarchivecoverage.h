#pragma once
// The time ranges the audit archive holds completely for the unfiltered
// stream: sorted, disjoint, half-open [fromMs, toMs) ranges. A load adds its
// range only when it ran to the end without server filters; everything else
// is a gap that a query over it has to fetch.

#include <QList>
#include <QMetaType>

namespace models {

struct AuditTimeRange
{
    qint64 fromMs = 0; // inclusive
    qint64 toMs = 0;   // exclusive
    bool isEmpty() const { return fromMs >= toMs; }
    friend bool operator==(const AuditTimeRange &, const AuditTimeRange &) = default;
};

class AuditArchiveCoverage
{
public:
    AuditArchiveCoverage() = default;
    // Normalises any list (overlapping, unsorted, empty ranges dropped).
    explicit AuditArchiveCoverage(const QList<AuditTimeRange> &ranges);

    const QList<AuditTimeRange> &ranges() const { return m_ranges; }
    bool isEmpty() const { return m_ranges.isEmpty(); }

    // Merges [fromMs, toMs) in; touching ranges become one.
    void add(qint64 fromMs, qint64 toMs);
    // Drops everything before cutoffMs (retention removed those entries).
    void clipBefore(qint64 cutoffMs);
    // Whether [fromMs, toMs) lies within one covered range.
    bool covers(qint64 fromMs, qint64 toMs) const;
    // The uncovered stretches of [fromMs, toMs), oldest first.
    QList<AuditTimeRange> gaps(qint64 fromMs, qint64 toMs) const;

    friend bool operator==(const AuditArchiveCoverage &, const AuditArchiveCoverage &) = default;

private:
    QList<AuditTimeRange> m_ranges;
};

} // namespace models

Q_DECLARE_METATYPE(models::AuditArchiveCoverage)
