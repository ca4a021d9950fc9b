#pragma once
// Index-based filter of audit rows: a spec is compiled once against a
// snapshot (each distinct interned string is tested once, giving a bitmap per
// pool), then columns are scanned a chunk at a time. Everything here is a
// pure function of (snapshot, spec, sort), safe to run on a worker thread.

#include "models/audit/auditfilterspec.h"
#include "models/audit/auditsnapshot.h"

#include <QSet>
#include <vector>

namespace models {

class AuditFilter
{
public:
    AuditFilter(const AuditSnapshot &snapshot, const AuditFilterSpec &spec);

    // Appends the rows of [begin, end) that pass, in ascending order.
    void collect(quint32 begin, quint32 end, std::vector<quint32> &out) const;
    // One row, the slow way (details, tests).
    bool accepts(quint32 row) const;

    // Rows that pass, in the sort order.
    static std::vector<quint32> run(const AuditSnapshot &snapshot, const AuditFilterSpec &spec,
                                    const AuditSortSpec &sort);
    // Tests rows [fromRow, snapshot.rowCount()) only and merges those that
    // pass into visible (already filtered and ordered); returns how many.
    static quint32 extend(const AuditSnapshot &snapshot, const AuditFilterSpec &spec,
                          const AuditSortSpec &sort, std::vector<quint32> &visible, quint32 fromRow);

private:
    struct FieldCondition
    {
        AuditField field;
        std::vector<quint8> allowed; // by pool id
    };
    // Values that pack as hex can only equal packed rows, the others only
    // side-list rows, so each kind is compared in its own form.
    struct KeyCondition
    {
        AuditKey key;
        bool hasInclude = false;
        std::vector<AuditSnapshot::LongId> includePacked;
        std::vector<AuditSnapshot::LongId> excludePacked;
        QSet<QString> includeOther;
        QSet<QString> excludeOther;
    };

    bool keyAllowed(const KeyCondition &c, quint32 row) const;
    template <int N> bool packedContainsText(const PackedId<N> &p) const;

    const AuditSnapshot &m_snap;
    qint64 m_from;
    qint64 m_to;
    std::vector<FieldCondition> m_fieldConditions;
    std::vector<KeyCondition> m_keyConditions;
    std::vector<quint8> m_statusAllowed; // by status + 1; empty: no condition
    QSet<qint64> m_timeInclude;
    QSet<qint64> m_timeExclude;

    QString m_text;
    QByteArray m_textHex; // m_text lowercased when it can match packed hex, else empty
    // Any match of 3+ hex digits covers one of these whole packed bytes
    // (digits 0-1 or 1-2 of the text): a cheap test before unpacking.
    int m_hexByteA = -1;
    int m_hexByteB = -1;
    std::vector<FieldCondition> m_textHits; // per searched field: pool ids containing the text
    std::vector<quint8> m_statusTextHit;    // by status + 1
};

} // namespace models
