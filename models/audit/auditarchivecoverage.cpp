#include "models/audit/auditarchivecoverage.h"

#include <algorithm>

namespace models {

AuditArchiveCoverage::AuditArchiveCoverage(const QList<AuditTimeRange> &ranges)
{
    for (const AuditTimeRange &r : ranges)
        add(r.fromMs, r.toMs);
}

void AuditArchiveCoverage::add(qint64 fromMs, qint64 toMs)
{
    if (fromMs >= toMs)
        return;
    QList<AuditTimeRange> out;
    out.reserve(m_ranges.size() + 1);
    AuditTimeRange merged{fromMs, toMs};
    bool placed = false;
    for (const AuditTimeRange &r : std::as_const(m_ranges)) {
        if (r.toMs < merged.fromMs) {
            out.append(r);
        } else if (r.fromMs > merged.toMs) {
            if (!placed) {
                out.append(merged);
                placed = true;
            }
            out.append(r);
        } else {
            merged.fromMs = std::min(merged.fromMs, r.fromMs);
            merged.toMs = std::max(merged.toMs, r.toMs);
        }
    }
    if (!placed)
        out.append(merged);
    m_ranges = std::move(out);
}

void AuditArchiveCoverage::clipBefore(qint64 cutoffMs)
{
    QList<AuditTimeRange> out;
    for (AuditTimeRange r : std::as_const(m_ranges)) {
        r.fromMs = std::max(r.fromMs, cutoffMs);
        if (!r.isEmpty())
            out.append(r);
    }
    m_ranges = std::move(out);
}

bool AuditArchiveCoverage::covers(qint64 fromMs, qint64 toMs) const
{
    if (fromMs >= toMs)
        return true;
    return std::any_of(m_ranges.begin(), m_ranges.end(),
                       [&](const AuditTimeRange &r) { return r.fromMs <= fromMs && toMs <= r.toMs; });
}

QList<AuditTimeRange> AuditArchiveCoverage::gaps(qint64 fromMs, qint64 toMs) const
{
    QList<AuditTimeRange> out;
    qint64 at = fromMs;
    for (const AuditTimeRange &r : m_ranges) {
        if (at >= toMs)
            break;
        if (r.toMs <= at)
            continue;
        if (r.fromMs > at)
            out.append({at, std::min(r.fromMs, toMs)});
        at = std::max(at, r.toMs);
    }
    if (at < toMs)
        out.append({at, toMs});
    return out;
}

} // namespace models
