#include "models/audit/auditfilter.h"

#include "models/audit/auditroworder.h"

#include <algorithm>
#include <string_view>

namespace models {

namespace {

constexpr int kStatusSlots = 32769; // -1 .. 32767

constexpr AuditField kTextFields[] = {
    AuditField::ActorEmail,      AuditField::ActorId,           AuditField::ActorContext,
    AuditField::ActorIp,         AuditField::ActorTokenName,    AuditField::ActionType,
    AuditField::ActionResult,    AuditField::ActionDescription, AuditField::ResourceType,
    AuditField::ResourceProduct, AuditField::RawMethod,
};
constexpr AuditKey kTextKeys[] = {AuditKey::EntryId, AuditKey::RayId, AuditKey::ResourceId};

bool isLowerHex(QStringView s)
{
    for (QChar c : s)
        if (PackedId<4>::hexValue(c.unicode()) < 0)
            return false;
    return true;
}

} // namespace

AuditFilter::AuditFilter(const AuditSnapshot &snapshot, const AuditFilterSpec &spec)
    : m_snap(snapshot), m_from(spec.fromMs), m_to(spec.toMs)
{
    for (int c = 0; c < kAuditColumnCount; ++c) {
        const AuditFilterSpec::ValueSet &values = spec.columns[c];
        if (values.isEmpty())
            continue;
        const auto column = AuditColumn(c);
        if (const auto f = AuditSnapshot::fieldOf(column)) {
            FieldCondition cond{*f, std::vector<quint8>(snapshot.poolSize(*f))};
            for (quint32 id = 0; id < cond.allowed.size(); ++id) {
                const QString &s = snapshot.poolString(*f, id);
                cond.allowed[id] =
                    (values.include.isEmpty() || values.include.contains(s)) && !values.exclude.contains(s);
            }
            m_fieldConditions.push_back(std::move(cond));
        } else if (const auto k = AuditSnapshot::keyOf(column)) {
            KeyCondition cond{*k, !values.include.isEmpty(), {}, {}, {}, {}};
            auto split = [](const QSet<QString> &in, std::vector<AuditSnapshot::LongId> &packed,
                            QSet<QString> &other) {
                for (const QString &v : in) {
                    AuditSnapshot::LongId p;
                    if (AuditSnapshot::LongId::tryPack(v, p))
                        packed.push_back(p);
                    else
                        other.insert(v);
                }
            };
            split(values.include, cond.includePacked, cond.includeOther);
            split(values.exclude, cond.excludePacked, cond.excludeOther);
            m_keyConditions.push_back(std::move(cond));
        } else if (column == AuditColumn::Status) {
            if (m_statusAllowed.empty())
                m_statusAllowed.assign(kStatusSlots, 1);
            auto slot = [](const QString &v) -> int {
                if (v.isEmpty())
                    return 0;
                bool ok = false;
                const int s = v.toInt(&ok);
                return ok && s >= 0 && s < kStatusSlots - 1 ? s + 1 : -1;
            };
            if (!values.include.isEmpty()) {
                std::fill(m_statusAllowed.begin(), m_statusAllowed.end(), 0);
                for (const QString &v : values.include)
                    if (const int i = slot(v); i >= 0)
                        m_statusAllowed[i] = 1;
            }
            for (const QString &v : values.exclude)
                if (const int i = slot(v); i >= 0)
                    m_statusAllowed[i] = 0;
        } else if (column == AuditColumn::Time) {
            for (const QString &v : values.include)
                m_timeInclude.insert(v.toLongLong());
            for (const QString &v : values.exclude)
                m_timeExclude.insert(v.toLongLong());
            // An include set whose values all fail to parse still filters.
            if (!values.include.isEmpty() && m_timeInclude.isEmpty())
                m_timeInclude.insert(std::numeric_limits<qint64>::min());
        }
    }

    m_text = spec.text.trimmed();
    if (m_text.isEmpty())
        return;
    for (AuditField f : kTextFields) {
        FieldCondition hits{f, std::vector<quint8>(snapshot.poolSize(f))};
        for (quint32 id = 1; id < hits.allowed.size(); ++id)
            hits.allowed[id] = snapshot.poolString(f, id).contains(m_text, Qt::CaseInsensitive);
        m_textHits.push_back(std::move(hits));
    }
    const QString lower = m_text.toLower();
    if (isLowerHex(lower)) {
        m_textHex = lower.toLatin1();
        if (m_textHex.size() >= 3) {
            auto nibble = [&](int i) { return PackedId<4>::hexValue(char16_t(m_textHex[i])); };
            m_hexByteA = nibble(0) << 4 | nibble(1);
            m_hexByteB = nibble(1) << 4 | nibble(2);
        }
    }
    bool digits = true;
    for (QChar c : m_text)
        digits = digits && c.isDigit();
    if (digits && m_text.size() <= 5) {
        m_statusTextHit.assign(kStatusSlots, 0);
        for (int s = 0; s < kStatusSlots - 1; ++s)
            m_statusTextHit[s + 1] = QString::number(s).contains(m_text);
    }
}

bool AuditFilter::keyAllowed(const KeyCondition &c, quint32 row) const
{
    return m_snap.visitKey(c.key, [&](const auto &column) {
        const auto &p = column[row];
        if (p.isOverflow()) {
            const QString &v = m_snap.overflow()[p.overflowIndex()];
            return (!c.hasInclude || c.includeOther.contains(v)) && !c.excludeOther.contains(v);
        }
        auto same = [&](const AuditSnapshot::LongId &t) {
            return t.tag == p.tag && std::memcmp(t.bytes, p.bytes, sizeof p.bytes) == 0;
        };
        return (!c.hasInclude || std::any_of(c.includePacked.begin(), c.includePacked.end(), same)) &&
               std::none_of(c.excludePacked.begin(), c.excludePacked.end(), same);
    });
}

template <int N> bool AuditFilter::packedContainsText(const PackedId<N> &p) const
{
    if (p.isOverflow())
        return m_snap.overflow()[p.overflowIndex()].contains(m_text, Qt::CaseInsensitive);
    if (m_textHex.isEmpty() || p.tag < m_textHex.size())
        return false;
    if (m_hexByteA >= 0) {
        bool candidate = false;
        for (quint8 b : p.bytes)
            candidate |= (b == m_hexByteA) | (b == m_hexByteB);
        if (!candidate)
            return false;
    }
    char buf[64];
    const std::string_view hay(buf, std::size_t(p.unpackHex(buf)));
    return hay.find(std::string_view(m_textHex.constData(), std::size_t(m_textHex.size()))) !=
           std::string_view::npos;
}

void AuditFilter::collect(quint32 begin, quint32 end, std::vector<quint32> &out) const
{
    if (begin >= end)
        return;
    const std::size_t n = end - begin;
    std::vector<quint8> pass(n, 1);
    if (m_from != -AuditFilterSpec::kNoLimit || m_to != AuditFilterSpec::kNoLimit)
        m_snap.times().scan(begin, end,
                            [&](std::size_t i, qint64 t) { pass[i - begin] = t >= m_from && t < m_to; });
    if (!m_timeInclude.isEmpty() || !m_timeExclude.isEmpty())
        m_snap.times().scan(begin, end, [&](std::size_t i, qint64 t) {
            if (pass[i - begin])
                pass[i - begin] =
                    (m_timeInclude.isEmpty() || m_timeInclude.contains(t)) && !m_timeExclude.contains(t);
        });
    for (const FieldCondition &c : m_fieldConditions) {
        const quint8 *allowed = c.allowed.data();
        m_snap.ids(c.field).scan(begin, end,
                                 [&](std::size_t i, quint32 id) { pass[i - begin] &= allowed[id]; });
    }
    if (!m_statusAllowed.empty())
        m_snap.statuses().scan(begin, end,
                               [&](std::size_t i, qint16 s) { pass[i - begin] &= m_statusAllowed[s + 1]; });
    for (const KeyCondition &c : m_keyConditions)
        for (std::size_t i = 0; i < n; ++i)
            if (pass[i])
                pass[i] = keyAllowed(c, quint32(begin + i));

    if (!m_text.isEmpty()) {
        std::vector<quint8> hit(n, 0);
        for (const FieldCondition &c : m_textHits) {
            const quint8 *h = c.allowed.data();
            m_snap.ids(c.field).scan(begin, end, [&](std::size_t i, quint32 id) { hit[i - begin] |= h[id]; });
        }
        if (!m_statusTextHit.empty())
            m_snap.statuses().scan(
                begin, end, [&](std::size_t i, qint16 s) { hit[i - begin] |= m_statusTextHit[s + 1]; });
        // Identifier columns are not interned: scan them, only where still undecided.
        for (AuditKey k : kTextKeys)
            m_snap.visitKey(k, [&](const auto &column) {
                column.scan(begin, end, [&](std::size_t i, const auto &p) {
                    quint8 &h = hit[i - begin];
                    if (!h && pass[i - begin])
                        h = packedContainsText(p);
                });
            });
        for (std::size_t i = 0; i < n; ++i)
            pass[i] &= hit[i];
    }
    for (std::size_t i = 0; i < n; ++i)
        if (pass[i])
            out.push_back(quint32(begin + i));
}

bool AuditFilter::accepts(quint32 row) const
{
    std::vector<quint32> out;
    collect(row, row + 1, out);
    return !out.empty();
}

std::vector<quint32> AuditFilter::run(const AuditSnapshot &snapshot, const AuditFilterSpec &spec,
                                      const AuditSortSpec &sort)
{
    std::vector<quint32> rows;
    const AuditFilter filter(snapshot, spec);
    // Bounded blocks keep the scratch masks small and in cache.
    constexpr quint32 kBlock = 1u << 16;
    for (quint32 b = 0; b < snapshot.rowCount(); b += kBlock)
        filter.collect(b, std::min(snapshot.rowCount(), b + kBlock), rows);
    AuditRowOrder(snapshot, sort).sort(rows);
    return rows;
}

quint32 AuditFilter::extend(const AuditSnapshot &snapshot, const AuditFilterSpec &spec,
                            const AuditSortSpec &sort, std::vector<quint32> &visible, quint32 fromRow)
{
    std::vector<quint32> added;
    const AuditFilter filter(snapshot, spec);
    filter.collect(fromRow, snapshot.rowCount(), added);
    const auto count = quint32(added.size());
    AuditRowOrder(snapshot, sort).merge(visible, std::move(added));
    return count;
}

} // namespace models
