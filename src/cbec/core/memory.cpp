#include "cbec/core/memory.hpp"

#include <atomic>

namespace cbec {

namespace {
std::atomic<MemoryReleaser> releaser{nullptr};
}

void set_memory_releaser(MemoryReleaser r) { releaser.store(r); }

void release_free_memory() {
  if (MemoryReleaser r = releaser.load()) r();
}

}  // namespace cbec
