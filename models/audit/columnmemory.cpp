#include "models/audit/columnmemory.h"

#include <QtGlobal>

#include <cstdint>
#include <mutex>
#include <new>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

// No-ops unless the build has AddressSanitizer.
#if __has_include(<sanitizer/asan_interface.h>)
#include <sanitizer/asan_interface.h>
#endif
#ifndef ASAN_POISON_MEMORY_REGION
#define ASAN_POISON_MEMORY_REGION(addr, size) ((void)(addr), (void)(size))
#define ASAN_UNPOISON_MEMORY_REGION(addr, size) ((void)(addr), (void)(size))
#endif

namespace models::columnmemory {

namespace {

constexpr std::size_t kHugePage = std::size_t(2) << 20;
constexpr std::size_t kBlock = std::size_t(8) << 20;
constexpr std::size_t kAlign = 64;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kPoison = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kPoison = true;
#else
constexpr bool kPoison = false;
#endif
#else
constexpr bool kPoison = false;
#endif
// Poisoned gap after each chunk, so an overrun does not land in the next one.
constexpr std::size_t kRedZone = kPoison ? kAlign : 0;

#ifdef Q_OS_LINUX
// Maps size bytes (a multiple of kHugePage) at a kHugePage-aligned address.
void *mapAligned(std::size_t size)
{
    const std::size_t span = size + kHugePage;
    void *raw = mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        throw std::bad_alloc();
    const auto begin = reinterpret_cast<std::uintptr_t>(raw);
    const std::uintptr_t aligned = (begin + kHugePage - 1) & ~(kHugePage - 1);
    if (aligned > begin)
        munmap(raw, aligned - begin);
    const std::uintptr_t end = begin + span;
    if (end > aligned + size)
        munmap(reinterpret_cast<void *>(aligned + size), end - (aligned + size));
    void *p = reinterpret_cast<void *>(aligned);
    madvise(p, size, MADV_HUGEPAGE); // advice only: plain pages if refused
    return p;
}

// A block is poisoned whole; chunks are unpoisoned as they are cut. Unpoisoned
// again before it is returned, as the next mapping there starts clean.
std::shared_ptr<char> mapBlock(std::size_t size)
{
    auto *p = static_cast<char *>(mapAligned(size));
    ASAN_POISON_MEMORY_REGION(p, size);
    return std::shared_ptr<char>(p, [size](char *q) {
        ASAN_UNPOISON_MEMORY_REGION(q, size);
        munmap(q, size);
    });
}
#else
std::shared_ptr<char> mapBlock(std::size_t size)
{
    auto *p = new char[size]();
    ASAN_POISON_MEMORY_REGION(p, size);
    return std::shared_ptr<char>(p, [size](char *q) {
        ASAN_UNPOISON_MEMORY_REGION(q, size);
        delete[] q;
    });
}
#endif

// The chunk [p, p + bytes) of block, usable until its last holder lets go.
std::shared_ptr<void> handOut(const std::shared_ptr<char> &block, char *p, std::size_t bytes)
{
    ASAN_UNPOISON_MEMORY_REGION(p, bytes);
    if constexpr (kPoison) {
        // Its own deleter poisons it again, so a use after release is reported too.
        return std::shared_ptr<void>(p, [block, bytes](void *q) { ASAN_POISON_MEMORY_REGION(q, bytes); });
    }
    // Shares ownership of the whole block: it is unmapped with its last chunk.
    return std::shared_ptr<void>(block, p);
}

struct Arena
{
    std::mutex lock;
    std::shared_ptr<char> block; // the block being cut
    std::size_t used = kBlock;
};

Arena &arena()
{
    static Arena a;
    return a;
}

} // namespace

std::shared_ptr<void> allocate(std::size_t bytes)
{
    const std::size_t asked = bytes;
    bytes = ((bytes + kAlign - 1) & ~(kAlign - 1)) + kRedZone;
    if (bytes > kBlock / 4) {
        // Large enough to be a block of its own.
        std::shared_ptr<char> own = mapBlock((bytes + kHugePage - 1) & ~(kHugePage - 1));
        return handOut(own, own.get(), asked);
    }
    Arena &a = arena();
    const std::lock_guard guard(a.lock);
    if (a.used + bytes > kBlock) {
        a.block = mapBlock(kBlock);
        a.used = 0;
    }
    char *p = a.block.get() + a.used;
    a.used += bytes;
    return handOut(a.block, p, asked);
}

void prefault(const Range &range)
{
#ifdef Q_OS_LINUX
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 // Linux 5.14
#endif
    // Populating "as if written" maps the pages without a write from here, so
    // a concurrent writer's bytes are never touched. Older kernels refuse it
    // (EINVAL): then the writer faults the pages in itself, as before.
    constexpr std::uintptr_t kPage = 4096;
    const auto begin = reinterpret_cast<std::uintptr_t>(range.memory.get()) & ~(kPage - 1);
    const auto end = reinterpret_cast<std::uintptr_t>(range.memory.get()) + range.bytes;
    if (range.memory && end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_POPULATE_WRITE);
#else
    Q_UNUSED(range);
#endif
}

bool overrunsReported()
{
    return kPoison;
}

} // namespace models::columnmemory
