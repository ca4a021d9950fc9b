#include "models/audit/auditroworder.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

namespace models {

namespace {

struct KeyedRow
{
    quint64 key;
    quint32 row;
};

// Stable LSD radix sort on the 64-bit key, 16 bits a pass; passes where every
// key has the same digit are skipped (time spans and ranks rarely need more
// than two).
void radixSort(std::vector<KeyedRow> &v)
{
    std::vector<KeyedRow> tmp(v.size());
    std::vector<quint32> counts(65536);
    for (int shift = 0; shift < 64; shift += 16) {
        std::fill(counts.begin(), counts.end(), 0);
        for (const KeyedRow &k : v)
            ++counts[(k.key >> shift) & 0xFFFF];
        if (!v.empty() && counts[(v.front().key >> shift) & 0xFFFF] == v.size())
            continue;
        quint32 sum = 0;
        for (quint32 &c : counts) {
            const quint32 n = c;
            c = sum;
            sum += n;
        }
        for (const KeyedRow &k : v)
            tmp[counts[(k.key >> shift) & 0xFFFF]++] = k;
        v.swap(tmp);
    }
}

} // namespace

AuditRowOrder::AuditRowOrder(const AuditSnapshot &snapshot, const AuditSortSpec &sort) : m_snap(snapshot)
{
    if (sort.isNatural())
        return;
    m_desc = sort.order == Qt::DescendingOrder;
    const auto column = AuditColumn(sort.column);
    if (column == AuditColumn::Time) {
        m_kind = Kind::Time;
    } else if (column == AuditColumn::Status) {
        m_kind = Kind::Status;
    } else if (const auto f = AuditSnapshot::fieldOf(column)) {
        m_kind = Kind::Field;
        m_field = *f;
        m_ranks = ranks(snapshot, *f);
    } else if (const auto k = AuditSnapshot::keyOf(column)) {
        m_kind = Kind::Key;
        m_keyField = *k;
    }
}

int AuditRowOrder::compareText(const QString &a, const QString &b)
{
    const int c = QString::compare(a, b, Qt::CaseInsensitive);
    return c != 0 ? c : QString::compare(a, b, Qt::CaseSensitive);
}

std::vector<quint32> AuditRowOrder::ranks(const AuditSnapshot &snapshot, AuditField f)
{
    const quint32 n = snapshot.poolSize(f);
    std::vector<quint32> order(n);
    for (quint32 i = 0; i < n; ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](quint32 a, quint32 b) {
        return compareText(snapshot.poolString(f, a), snapshot.poolString(f, b)) < 0;
    });
    std::vector<quint32> rank(n);
    for (quint32 i = 0; i < n; ++i)
        rank[order[i]] = i;
    return rank;
}

quint64 AuditRowOrder::key(quint32 row) const
{
    quint64 k = 0;
    switch (m_kind) {
    case Kind::Time:
        k = quint64(m_snap.timeMs(row)) ^ (quint64(1) << 63);
        break;
    case Kind::Status:
        k = quint64(m_snap.status(row) + 1);
        break;
    case Kind::Field:
        k = m_ranks[m_snap.stringId(m_field, row)];
        break;
    case Kind::Key:
        k = keyPrefix(row);
        break;
    case Kind::Natural:
        break;
    }
    return m_desc ? ~k : k;
}

quint64 AuditRowOrder::keyPrefix(quint32 row) const
{
    // The first eight characters, case-folded, one byte each, ordered like
    // compareText: a non-ASCII character and all after it read as 0xFF, and
    // equal prefixes fall back to the full comparison.
    return m_snap.visitKey(m_keyField, [&](const auto &column) {
        const auto &p = column[row];
        quint64 k = 0;
        if (!p.isOverflow()) {
            char buf[64];
            const int n = std::min(p.unpackHex(buf), 8);
            for (int i = 0; i < 8; ++i)
                k = (k << 8) | (i < n ? quint8(buf[i]) : 0);
            return k;
        }
        const QString &s = m_snap.overflow()[p.overflowIndex()];
        int i = 0;
        for (; i < 8 && i < s.size(); ++i) {
            char16_t c = s[i].unicode();
            if (c >= 0x80)
                c = QChar(c).toCaseFolded().unicode();
            else if (c >= u'A' && c <= u'Z')
                c = char16_t(c - u'A' + u'a');
            if (c >= 0x80) {
                for (; i < 8; ++i)
                    k = (k << 8) | 0xFF;
                return k;
            }
            k = (k << 8) | quint8(c);
        }
        for (; i < 8; ++i)
            k <<= 8;
        return k;
    });
}

int AuditRowOrder::compareKeys(quint32 a, quint32 b) const
{
    return m_snap.visitKey(m_keyField, [&](const auto &column) {
        const auto &pa = column[a];
        const auto &pb = column[b];
        if (pa.tag == pb.tag && pa.isHex()) // same length: nibbles compare like the text
            return std::memcmp(pa.bytes, pb.bytes, sizeof pa.bytes);
        if (!pa.isOverflow() && !pb.isOverflow()) {
            // Lowercase hex compares the same bytewise as by compareText.
            char ba[64];
            char bb[64];
            const std::string_view va(ba, std::size_t(pa.unpackHex(ba)));
            const std::string_view vb(bb, std::size_t(pb.unpackHex(bb)));
            return va.compare(vb);
        }
        return compareText(m_snap.unpack(pa), m_snap.unpack(pb));
    });
}

bool AuditRowOrder::operator()(quint32 a, quint32 b) const
{
    if (m_kind == Kind::Natural)
        return a < b;
    const quint64 ka = key(a);
    const quint64 kb = key(b);
    if (ka != kb)
        return ka < kb;
    if (m_kind == Kind::Key) {
        const int c = compareKeys(a, b);
        if (c != 0)
            return m_desc ? c > 0 : c < 0;
    }
    return a < b;
}

void AuditRowOrder::sort(std::vector<quint32> &rows) const
{
    switch (m_kind) {
    case Kind::Natural:
        if (!std::is_sorted(rows.begin(), rows.end()))
            std::sort(rows.begin(), rows.end());
        return;
    case Kind::Key:
    case Kind::Time:
    case Kind::Status:
    case Kind::Field:
        break;
    }
    if (!std::is_sorted(rows.begin(), rows.end()))
        std::sort(rows.begin(), rows.end());
    std::vector<KeyedRow> keyed(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        keyed[i] = {key(rows[i]), rows[i]};
    radixSort(keyed);
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = keyed[i].row;
    if (m_kind == Kind::Key) {
        // Rows whose prefixes tie still need the full comparison.
        std::size_t begin = 0;
        while (begin < keyed.size()) {
            std::size_t end = begin + 1;
            while (end < keyed.size() && keyed[end].key == keyed[begin].key)
                ++end;
            // Mostly the same id repeated: already in row order, nothing to do.
            bool same = true;
            for (std::size_t k = begin + 1; same && k < end; ++k)
                same = compareKeys(rows[begin], rows[k]) == 0;
            if (!same)
                std::sort(rows.begin() + std::ptrdiff_t(begin), rows.begin() + std::ptrdiff_t(end),
                          [this](quint32 a, quint32 b) {
                              // Prefixes are equal here: only the full key and the row remain.
                              const int c = compareKeys(a, b);
                              return c != 0 ? (m_desc ? c > 0 : c < 0) : a < b;
                          });
            begin = end;
        }
    }
}

void AuditRowOrder::merge(std::vector<quint32> &visible, std::vector<quint32> added) const
{
    if (added.empty())
        return;
    sort(added);
    const auto middle = std::ptrdiff_t(visible.size());
    visible.insert(visible.end(), added.begin(), added.end());
    if (m_kind != Kind::Natural)
        std::inplace_merge(visible.begin(), visible.begin() + middle, visible.end(), *this);
}

} // namespace models
