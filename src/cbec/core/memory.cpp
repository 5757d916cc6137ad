#include "cbec/core/memory.hpp"

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

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

void resize_resident(std::vector<double>& v, size_t n) {
#if defined(__linux__)
  constexpr int kPopulateWrite = 23;  // MADV_POPULATE_WRITE, absent from older headers
  if (n > v.size() && (n - v.size()) * sizeof(double) >= (size_t{1} << 20)) {  // a syscall pays off from a megabyte
    v.reserve(n);
    advise_whole_pages(v.data() + v.size(), v.data() + n, kPopulateWrite);
  }
#endif
  v.resize(n);
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
