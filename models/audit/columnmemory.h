#pragma once
// Memory for the audit store's column chunks. A million-row store grows by
// about 120 MB; taken from malloc 4 KiB at a time, that is ~30,000 page faults
// on the GUI thread, each one costly on a virtual machine. Chunks here are cut
// from 8 MiB blocks aligned to and marked for transparent huge pages, so the
// kernel maps them 2 MiB at a time where it can (plain pages where it cannot).
// A block goes back to the kernel when the last chunk cut from it is freed.
//
// Under AddressSanitizer a block is poisoned when it is mapped, each chunk is
// unpoisoned as it is handed out (exactly the bytes asked for) and poisoned
// again when released, and chunks are cut with a poisoned gap between them:
// a read or write past a chunk, or into a released one, is reported as it
// would be for malloc'd memory.

#include <cstddef>
#include <memory>

namespace models::columnmemory {

// Zeroed, 64-byte aligned memory of the given size, held by the returned pointer.
std::shared_ptr<void> allocate(std::size_t bytes);

// Chunk memory and its size, kept alive by the pointer.
struct Range
{
    std::shared_ptr<const void> memory;
    std::size_t bytes = 0;
};
// Maps the pages of range now (the kernel clears each on the calling thread)
// so that the thread writing them later takes no page fault. Never changes
// their contents: safe while another thread writes into them.
void prefault(const Range &range);

// True when this build poisons everything outside live chunks (AddressSanitizer).
bool overrunsReported();

} // namespace models::columnmemory
