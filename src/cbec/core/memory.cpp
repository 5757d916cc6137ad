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

// Gives the kernel `advice` for the whole pages within [begin, end) (none when it holds no whole page).
void advise_whole_pages(const void* begin, const void* end, int advice) {
  const uintptr_t page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  const uintptr_t lo = (reinterpret_cast<uintptr_t>(begin) + page - 1) / page * page;
  const uintptr_t hi = reinterpret_cast<uintptr_t>(end) / page * page;
  if (hi > lo) ::madvise(reinterpret_cast<void*>(lo), hi - lo, advice);
}

}  // namespace
#endif

void make_resident(void* begin, size_t bytes) {
#if defined(__linux__)
  constexpr int kPopulateWrite = 23;  // MADV_POPULATE_WRITE, absent from older headers
  constexpr size_t kShare = size_t{8} << 20;
  if (bytes < (size_t{1} << 20)) return;  // a syscall pays off from a megabyte
  const uintptr_t page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  const uintptr_t lo = (reinterpret_cast<uintptr_t>(begin) + page - 1) / page * page;
  const uintptr_t hi = (reinterpret_cast<uintptr_t>(begin) + bytes) / page * page;
  if (hi <= lo) return;
  const long shares = static_cast<long>((hi - lo + kShare - 1) / kShare);  // kShare is whole pages
#pragma omp parallel for schedule(static) if (shares > 1)
  for (long s = 0; s < shares; ++s) {
    const uintptr_t from = lo + static_cast<uintptr_t>(s) * kShare, to = std::min<uintptr_t>(hi, from + kShare);
    ::madvise(reinterpret_cast<void*>(from), to - from, kPopulateWrite);
  }
#else
  (void)begin;
  (void)bytes;
#endif
}

void release_whole_pages(const char* begin, const char* end) {
#if defined(__linux__)
  advise_whole_pages(begin, end, MADV_DONTNEED);
#else
  (void)begin;
  (void)end;
#endif
}

}  // namespace cbec
