#pragma once
// Append-only vector stored in fixed-size chunks that never move. A copy
// shares the chunks, so a copy taken on the writer's thread can be read on
// another thread while the writer keeps appending: the writer only touches
// slots at or beyond the copy's size, and chunks are never reallocated.

#include "models/audit/columnmemory.h"

#include <algorithm>
#include <cstddef>
#include <memory>
#include <type_traits>
#include <vector>

namespace models {

template <typename T, int Bits> class ChunkedVector
{
public:
    static constexpr std::size_t kChunkSize = std::size_t(1) << Bits;
    static constexpr std::size_t kMask = kChunkSize - 1;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const T &operator[](std::size_t i) const { return m_chunks[i >> Bits][i & kMask]; }

    void push_back(const T &value)
    {
        if ((m_size >> Bits) == m_chunks.size())
            m_chunks.push_back(newChunk());
        m_chunks[m_size >> Bits][m_size & kMask] = value;
        ++m_size;
    }

    // Appends one element and returns it to be written in place (for values
    // built field by field: no copy of a temporary).
    T &appendSlot()
    {
        if ((m_size >> Bits) == m_chunks.size())
            m_chunks.push_back(newChunk());
        T &slot = m_chunks[m_size >> Bits][m_size & kMask];
        ++m_size;
        return slot;
    }

    // Appends f(0), …, f(n - 1), a chunk at a time (a bulk append: one chunk
    // check per chunk instead of one per element).
    template <typename F> void appendGenerated(std::size_t n, F &&f)
    {
        std::size_t k = 0;
        while (k < n) {
            if ((m_size >> Bits) == m_chunks.size())
                m_chunks.push_back(newChunk());
            T *out = m_chunks[m_size >> Bits].get() + (m_size & kMask);
            const std::size_t take = std::min(kChunkSize - (m_size & kMask), n - k);
            for (std::size_t j = 0; j < take; ++j)
                out[j] = f(k + j);
            m_size += take;
            k += take;
        }
    }

    // Makes room for elements up to index n - 1 without touching their
    // memory. The new chunks of column memory are added to fresh (when given),
    // for columnmemory::prefault on another thread. A copy taken earlier does
    // not see the new chunks.
    void reserve(std::size_t n, std::vector<columnmemory::Range> *fresh = nullptr)
    {
        const std::size_t chunks = (n + kMask) >> Bits;
        if (chunks <= m_chunks.size())
            return;
        m_chunks.reserve(chunks);
        while (m_chunks.size() < chunks) {
            m_chunks.push_back(newChunk());
            if (kInColumnMemory && fresh)
                fresh->push_back({m_chunks.back(), kChunkSize * sizeof(T)});
        }
    }

    // Writable slot for the element being appended (must be < size()).
    T &mutableAt(std::size_t i) { return m_chunks[i >> Bits][i & kMask]; }

    void clear()
    {
        m_chunks.clear();
        m_size = 0;
    }

    // Calls f(index, value) for every index in [begin, end), a chunk at a
    // time so hot loops see a plain pointer.
    template <typename F> void scan(std::size_t begin, std::size_t end, F &&f) const
    {
        while (begin < end) {
            const T *chunk = m_chunks[begin >> Bits].get();
            const std::size_t chunkEnd = std::min(end, (begin | kMask) + 1);
            for (std::size_t i = begin; i < chunkEnd; ++i)
                f(i, chunk[i & kMask]);
            begin = chunkEnd;
        }
    }

    // Bytes held by the chunks (element storage only).
    std::size_t bytes() const
    {
        return m_chunks.size() * kChunkSize * sizeof(T) + m_chunks.capacity() * sizeof(std::shared_ptr<T[]>);
    }

private:
    static constexpr bool kInColumnMemory =
        std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>;

    // Plain values (ids, times, packed ids) live in huge-page-backed blocks;
    // anything with a destructor gets an ordinary allocation.
    static std::shared_ptr<T[]> newChunk()
    {
        if constexpr (kInColumnMemory) {
            // Column memory comes zeroed (fresh pages) and every slot is written
            // before it is read: no value-initialising pass, which used to fault
            // in and clear each page a second time in user space.
            const std::shared_ptr<void> memory = columnmemory::allocate(kChunkSize * sizeof(T));
            return std::shared_ptr<T[]>(memory, static_cast<T *>(memory.get()));
        } else {
            return std::make_shared<T[]>(kChunkSize);
        }
    }

    std::vector<std::shared_ptr<T[]>> m_chunks;
    std::size_t m_size = 0;
};

} // namespace models
