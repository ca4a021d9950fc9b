#pragma once
// Total order of audit rows for one sort spec: the column value, then the
// row index (so equal values keep arrival order). Interned columns compare by
// a precomputed rank of their distinct strings, never by string per compare.

#include "models/audit/auditfilterspec.h"
#include "models/audit/auditsnapshot.h"

#include <vector>

namespace models {

class AuditRowOrder
{
public:
    AuditRowOrder(const AuditSnapshot &snapshot, const AuditSortSpec &sort);

    bool operator()(quint32 a, quint32 b) const;
    // Sorts rows (ascending row indices on entry) into this order.
    void sort(std::vector<quint32> &rows) const;
    // Merges added (ascending indices, all above those of visible) into the
    // already ordered visible rows.
    void merge(std::vector<quint32> &visible, std::vector<quint32> added) const;

    // The string order used everywhere: case-insensitive, then exact.
    static int compareText(const QString &a, const QString &b);
    // Rank of each pool id of f in compareText order.
    static std::vector<quint32> ranks(const AuditSnapshot &snapshot, AuditField f);

private:
    enum class Kind { Natural, Time, Status, Field, Key };

    quint64 key(quint32 row) const;
    quint64 keyPrefix(quint32 row) const;
    int compareKeys(quint32 a, quint32 b) const;

    const AuditSnapshot &m_snap;
    Kind m_kind = Kind::Natural;
    bool m_desc = false;
    AuditField m_field = AuditField::ActorDisplay;
    AuditKey m_keyField = AuditKey::ResourceId;
    std::vector<quint32> m_ranks;
};

} // namespace models
