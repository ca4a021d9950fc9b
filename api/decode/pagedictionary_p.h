#pragma once
// Per-page dictionaries of the column decoders (audit log, usage).

#include "api/decode/jsonreader_p.h"

#include <QList>
#include <QString>
#include <string>
#include <string_view>
#include <vector>

namespace api::decode::detail {

// The distinct values of one text column within a page, found by their bytes.
// Each distinct value's bytes are copied once into the dictionary's own
// buffer: comparing a row with a stored value then reads a few hot kilobytes
// instead of the page where the value first appeared (a cache miss per field
// on an 800 KB page). indexOfCopy is the same (kept for callers that pass
// scratch text).
// The strings a thread made for one column's values lately, by their bytes:
// pages of one listing repeat most values, and a page handing on the same
// string (shared, not copied) saves making it again, and lets the audit
// store recognise it by its data pointer instead of comparing text. Direct
// mapped over a fixed number of slots: memory stays bounded, a collision
// only makes a string again.
class RecentStrings
{
public:
    QString get(std::string_view sv, quint32 hash)
    {
        if (m_slots.empty())
            m_slots.resize(kSlots);
        Slot &slot = m_slots[hash & (kSlots - 1)];
        if (slot.hash == hash && sameText(slot.bytes, sv))
            return slot.text;
        slot.hash = hash;
        slot.bytes.assign(sv.data(), sv.size());
        slot.text = QString::fromUtf8(sv.data(), qsizetype(sv.size()));
        return slot.text;
    }

private:
    static constexpr size_t kSlots = 256;
    struct Slot
    {
        quint32 hash = 0;
        std::string bytes;
        QString text;
    };
    std::vector<Slot> m_slots;
};

class PageDictionary
{
public:
    PageDictionary() : m_byIndex(1) {} // index 0: the empty value, never matched by a lookup

    quint32 indexOf(std::string_view sv, QList<QString> *values) { return indexOf(sv, values, 0); }
    quint32 indexOfCopy(std::string_view sv, QList<QString> *values) { return indexOf(sv, values, 0); }
    // The same with the caller's guess at the index (0: none), tried before
    // the previous row's value and the hash: a value that another column of
    // the row nearly determines (an actor's e-mail after the actor's id). A
    // wrong or stale guess costs one comparison, nothing else.
    //
    // Inline, one comparison: the guess, else the previous row's value
    // (answers are sorted, so a column often repeats it). Index 0 holds an
    // empty key, which no non-empty text equals, so "no candidate" needs no
    // branch of its own. Everything else is out of line.
    quint32 indexOf(std::string_view sv, QList<QString> *values, quint32 guess)
    {
        if (sv.empty())
            return 0;
        const quint32 first = guess != 0 && guess < m_byIndex.size() ? guess : m_lastIndex;
        if (sameText(sv, keyOf(m_byIndex[first]))) {
            m_lastIndex = first;
            return first;
        }
        return findAfterMiss(sv, values, first);
    }
    // Rows that cycle through the same values in the same order (a usage
    // answer's metrics within an account, accounts within a day): after a
    // miss on the previous value, the value that followed it last time is
    // tried before the hash. Off by default: audit columns rarely cycle.
    void guessFollowers() { m_guess = true; }
    // New values take their strings from (and leave them in) recent.
    void shareStrings(RecentStrings *recent) { m_recent = recent; }

private:
    struct Slot // 16 bytes
    {
        quint32 offset = 0; // of the key in m_text
        quint32 size = 0;
        quint32 hash = 0;
        quint32 index = 0; // 0: free (index 0 is the empty value, never stored)
    };

    std::string_view keyOf(const Slot &slot) const { return {m_text.data() + slot.offset, slot.size}; }

    // sv is not empty and is not the value at index tried.
    Q_NEVER_INLINE quint32 findAfterMiss(std::string_view sv, QList<QString> *values, quint32 tried)
    {
        // A guess was tried: the previous row's value is next.
        if (m_lastIndex != tried && sameText(sv, keyOf(m_byIndex[m_lastIndex])))
            return m_lastIndex;
        if (!m_guess) {
            m_lastIndex = lookup(sv, values);
            return m_lastIndex;
        }
        const quint32 follower = m_lastIndex < m_next.size() ? m_next[m_lastIndex] : 0;
        if (follower != 0 && sameText(sv, keyOf(m_byIndex[follower]))) {
            m_lastIndex = follower;
            return follower;
        }
        const quint32 found = lookup(sv, values);
        if (m_next.size() <= m_lastIndex)
            m_next.resize(size_t(m_lastIndex) + 1, 0);
        m_next[m_lastIndex] = found;
        m_lastIndex = found;
        return found;
    }
    quint32 lookup(std::string_view sv, QList<QString> *values)
    {
        const quint32 h = textHash(sv);
        if (m_slots.empty())
            m_slots.resize(64);
        const size_t mask = m_slots.size() - 1;
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.index == 0) {
                const auto index = quint32(values->size());
                values->append(m_recent ? m_recent->get(sv, h)
                                        : QString::fromUtf8(sv.data(), qsizetype(sv.size())));
                slot = {quint32(m_text.size()), quint32(sv.size()), h, index};
                m_text.append(sv);
                if (m_byIndex.size() <= index)
                    m_byIndex.resize(size_t(index) + 1);
                m_byIndex[index] = slot;
                if (++m_used * 2 > m_slots.size())
                    grow();
                return index;
            }
            if (slot.hash == h && sameText(keyOf(slot), sv))
                return slot.index;
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
    std::string m_text; // every key's bytes, back to back
    size_t m_used = 0;
    quint32 m_lastIndex = 0; // the previous row's value (0: none)
    bool m_guess = false;
    std::vector<Slot> m_byIndex; // each value's slot, by index (index 0: an empty key)
    std::vector<quint32> m_next; // with m_guess: the index that followed each index last (0: none yet)
    RecentStrings *m_recent = nullptr;
};

} // namespace api::decode::detail
