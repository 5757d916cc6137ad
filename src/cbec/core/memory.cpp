#include "cbec/core/memory.hpp"

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <atomic>
#include <cstdint>

namespace cbec {

namespace {
std::atomic<MemoryReleaser> releaser{nullptr};
}

void set_memory_releaser(MemoryReleaser r) { releaser.store(r); }

void release_free_memory() {
  if (MemoryReleaser r = releaser.load()) r();
}

#if defined(__linux__)
namespace {

// The whole pages within [begin, end): [lo, hi), empty (hi <= lo) when it holds none.
struct WholePages {
  uintptr_t lo, hi;
};
WholePages whole_pages(const void* begin, const void* end) {
  const uintptr_t page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  return {(reinterpret_cast<uintptr_t>(begin) + page - 1) / page * page, reinterpret_cast<uintptr_t>(end) / page * page};
}

}  // namespace
#endif

void make_resident(void* begin, size_t bytes) {
#if defined(__linux__)
  constexpr int kPopulateWrite = 23;  // MADV_POPULATE_WRITE, absent from older headers
  constexpr size_t kShare = size_t{8} << 20;
  if (bytes < (size_t{1} << 20)) return;  // a syscall pays off from a megabyte
  const WholePages w = whole_pages(begin, static_cast<const char*>(begin) + bytes);
  if (w.hi <= w.lo) return;
  const long shares = static_cast<long>((w.hi - w.lo + kShare - 1) / kShare);  // kShare is whole pages
#pragma omp parallel for schedule(static) if (shares > 1)
  for (long s = 0; s < shares; ++s) {
    const uintptr_t from = w.lo + static_cast<uintptr_t>(s) * kShare, to = std::min<uintptr_t>(w.hi, from + kShare);
    ::madvise(reinterpret_cast<void*>(from), to - from, kPopulateWrite);
  }
#else
  (void)begin;
  (void)bytes;
#endif
}

size_t physical_memory_bytes() {
#if defined(__linux__)
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
  if (pages > 0 && page > 0) return static_cast<size_t>(pages) * static_cast<size_t>(page);
#endif
  return 0;
}

}  // namespace cbec
