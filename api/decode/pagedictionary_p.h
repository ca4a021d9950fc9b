#pragma once
// Per-page dictionaries of the column decoders (audit log, usage).

#include "api/decode/jsonreader_p.h"

#include <QList>
#include <QString>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace api::decode::detail {

// The distinct values of one text column within a page, found by their bytes.
// Keys are views into the page's bytes or the parser's string buffer, valid
// for the whole page; indexOfCopy keeps its own copy of a new key instead.
class PageDictionary
{
public:
    quint32 indexOf(std::string_view sv, QList<QString> *values) { return find(sv, values, false); }
    quint32 indexOfCopy(std::string_view sv, QList<QString> *values) { return find(sv, values, true); }

private:
    struct Slot
    {
        std::string_view key;
        quint32 hash = 0;
        quint32 index = 0; // 0: free (index 0 is the empty value, never stored)
    };

    quint32 find(std::string_view sv, QList<QString> *values, bool copy)
    {
        if (sv.empty())
            return 0;
        // Answers are sorted, so a column often repeats the previous row's
        // value: one comparison instead of a hash.
        if (sameBytes(sv, m_last))
            return m_lastIndex;
        // Else rows often cycle through the same values in the same order
        // (metrics within an account, accounts within a day): the value that
        // followed the previous one last time is tried before the hash.
        const quint32 guess = m_lastIndex < m_next.size() ? m_next[m_lastIndex] : 0;
        if (guess != 0) {
            const std::string_view key = m_keys[guess];
            if (sameBytes(key, sv)) {
                m_lastIndex = guess;
                m_last = copy ? key : sv;
                return guess;
            }
        }
        const Slot found = lookup(sv, values, copy);
        if (m_next.size() <= m_lastIndex)
            m_next.resize(size_t(m_lastIndex) + 1, 0);
        m_next[m_lastIndex] = found.index;
        m_lastIndex = found.index;
        // The row's own bytes are the warmest to compare the next row with;
        // a copied key's row bytes are scratch, so its stored copy is used.
        m_last = copy ? found.key : sv;
        return m_lastIndex;
    }
    Slot lookup(std::string_view sv, QList<QString> *values, bool copy)
    {
        const quint32 h = textHash(sv);
        if (m_slots.empty())
            m_slots.resize(64);
        const size_t mask = m_slots.size() - 1;
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.index == 0) {
                const auto index = quint32(values->size());
                values->append(QString::fromUtf8(sv.data(), qsizetype(sv.size())));
                if (copy)
                    sv = *m_owned.emplace_back(std::make_unique<std::string>(sv));
                slot = {sv, h, index};
                if (m_keys.size() <= index)
                    m_keys.resize(size_t(index) + 1);
                m_keys[index] = sv;
                const Slot inserted = slot;
                if (++m_used * 2 > m_slots.size())
                    grow();
                return inserted;
            }
            if (slot.hash == h && sameBytes(slot.key, sv))
                return slot;
        }
    }

    void grow()
    {
        std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(m_slots.size() * 2));
        const size_t mask = m_slots.size() - 1;
        for (const Slot &slot : old) {
            if (slot.index == 0)
                continue;
            size_t i = slot.hash & mask;
            while (m_slots[i].index != 0)
                i = (i + 1) & mask;
            m_slots[i] = slot;
        }
    }
    std::vector<Slot> m_slots;
    std::vector<std::unique_ptr<std::string>> m_owned; // keys of indexOfCopy (stable addresses)
    size_t m_used = 0;
    std::string_view m_last;
    quint32 m_lastIndex = 0;
    std::vector<std::string_view> m_keys; // by index (0: unused)
    std::vector<quint32> m_next;          // by index: the index that followed it last (0: none yet)
};

} // namespace api::decode::detail
