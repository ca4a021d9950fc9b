#include "api/allocatorpolicy.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace api {

void keepFreedMemoryInProcess()
{
#ifdef __GLIBC__
    // Blocks up to 64 MiB come from the heap (the largest answers' buffers
    // are a few tens of MiB), and up to 256 MiB of free heap stays mapped.
    mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif
}

} // namespace api
