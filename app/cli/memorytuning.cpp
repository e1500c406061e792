#include "app/cli/memorytuning.h"

#include <cstdint>
#include <cstdlib> // defines __GLIBC__ where the C library is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace faultline::cli {

void tuneMemoryForLargeMaps()
{
#if defined(__GLIBC__)
    constexpr std::uintptr_t hugePage = 2u << 20;
    // Grow the heap 256 MiB at a time and keep what is freed, so that nearly all of a large
    // map lands in one region of the heap (blocks above 32 MiB, the most glibc allows here,
    // such as the file's bytes, are still mapped on their own)...
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 1024 << 20);
    mallopt(M_TOP_PAD, 256 << 20);
    // More than the heap has free: it grows, with the pad. (Volatile: a compiler may drop an
    // allocation that is freed unused.)
    void *volatile grow = std::malloc(16 << 20);
    std::free(grow);
    void *volatile probe = std::malloc(1); // where the heap's free top now starts
    const auto from = (reinterpret_cast<std::uintptr_t>(probe) + hugePage - 1) & ~(hugePage - 1);
    std::free(probe);
    // (the C library's sbrk(0) may answer from a cache: ask the kernel)
    const auto end = static_cast<std::uintptr_t>(syscall(SYS_brk, 0));
    // ...which the kernel may then back with 2 MiB pages (the "madvise" setting of
    // transparent huge pages, Debian's default). Pages never touched cost nothing either way.
    if (end > from)
        madvise(reinterpret_cast<void *>(from), end - from, MADV_HUGEPAGE);
#endif
}

} // namespace faultline::cli
