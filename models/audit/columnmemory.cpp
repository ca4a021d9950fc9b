#include "models/audit/columnmemory.h"

#include <QtGlobal>

#include <cstdint>
#include <mutex>
#include <new>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace models::columnmemory {

namespace {

constexpr std::size_t kHugePage = std::size_t(2) << 20;
constexpr std::size_t kBlock = std::size_t(8) << 20;
constexpr std::size_t kAlign = 64;

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

std::shared_ptr<char> mapBlock(std::size_t size)
{
    return std::shared_ptr<char>(static_cast<char *>(mapAligned(size)), [size](char *p) { munmap(p, size); });
}
#else
std::shared_ptr<char> mapBlock(std::size_t size)
{
    return std::shared_ptr<char>(new char[size](), std::default_delete<char[]>());
}
#endif

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
    bytes = (bytes + kAlign - 1) & ~(kAlign - 1);
    if (bytes > kBlock / 4) {
        // Large enough to be a block of its own.
        std::shared_ptr<char> own = mapBlock((bytes + kHugePage - 1) & ~(kHugePage - 1));
        return std::shared_ptr<void>(own, own.get());
    }
    Arena &a = arena();
    const std::lock_guard guard(a.lock);
    if (a.used + bytes > kBlock) {
        a.block = mapBlock(kBlock);
        a.used = 0;
    }
    char *p = a.block.get() + a.used;
    a.used += bytes;
    // Shares ownership of the whole block: it is unmapped with its last chunk.
    return std::shared_ptr<void>(a.block, p);
}

} // namespace models::columnmemory
