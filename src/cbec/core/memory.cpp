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

void resize_resident(std::vector<double>& v, size_t n) {
#if defined(__linux__)
  constexpr int kPopulateWrite = 23;  // MADV_POPULATE_WRITE, absent from older headers
  if (n > v.size() && (n - v.size()) * sizeof(double) >= (size_t{1} << 20)) {  // a syscall pays off from a megabyte
    v.reserve(n);
    const uintptr_t page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
    const uintptr_t lo = (reinterpret_cast<uintptr_t>(v.data() + v.size()) + page - 1) / page * page;
    const uintptr_t hi = reinterpret_cast<uintptr_t>(v.data() + n) / page * page;
    if (hi > lo) ::madvise(reinterpret_cast<void*>(lo), hi - lo, kPopulateWrite);
  }
#endif
  v.resize(n);
}

}  // namespace cbec
