#include "cbec/core/memory.hpp"

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>

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

// The whole aligned blocks of `unit` bytes within [lo, hi): [lo', hi'), empty (hi' <= lo') when it holds none.
struct Range {
  uintptr_t lo, hi;
};
Range whole_units(uintptr_t lo, uintptr_t hi, uintptr_t unit) { return {(lo + unit - 1) / unit * unit, hi / unit * unit}; }

// Asks the kernel to back the whole 2 MiB extents of [lo, hi) with transparent huge pages
// (madvise(2), MADV_HUGEPAGE; honoured when /sys/kernel/mm/transparent_hugepage/enabled is
// "madvise" or "always"): one page-table entry, and on a virtual machine one fault for the host,
// per 2 MiB instead of per 4 KiB. On the 2-core benchmark machines of sessions 27-33 (a
// paravirtualized guest, where each fresh 4 KiB page costs a fault to the hypervisor on first
// touch) the two-way `reg` on 10M rows took 2.2-3.2 s instead of 4.3 s (medians) and `describe`
// 1.3-1.4 s instead of 1.7-2.0 s, but 2.2-2.5 s right after a program freed 2 GB (the huge pages
// then come back from the host); earlier hosts measured them slower after other programs ran
// (bench/RESULTS.md, sessions 14-24 and 33), so CBEC_NO_HUGE_PAGES=1 turns them off.
void ask_for_huge_pages(Range pages) {
  static const bool off = std::getenv("CBEC_NO_HUGE_PAGES") != nullptr;
  const Range huge = whole_units(pages.lo, pages.hi, uintptr_t{2} << 20);
  if (!off && huge.hi > huge.lo) ::madvise(reinterpret_cast<void*>(huge.lo), huge.hi - huge.lo, MADV_HUGEPAGE);
}

}  // namespace
#endif

void make_resident(void* begin, size_t bytes) {
#if defined(__linux__)
  constexpr int kPopulateWrite = 23;  // MADV_POPULATE_WRITE, absent from older headers
  constexpr size_t kShare = size_t{8} << 20;
  if (bytes < (size_t{1} << 20)) return;  // a syscall pays off from a megabyte
  const auto lo = reinterpret_cast<uintptr_t>(begin);
  const Range w = whole_units(lo, lo + bytes, static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE)));
  if (w.hi <= w.lo) return;
  const long shares = static_cast<long>((w.hi - w.lo + kShare - 1) / kShare);  // kShare is whole pages
  ask_for_huge_pages(w);
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
