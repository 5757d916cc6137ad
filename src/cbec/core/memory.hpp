// Memory between the library and the system. Returning freed memory to the system is the
// program's business, not the library's: a library cannot know the allocator it runs under. The
// library says when a large block was released (release_free_memory); the program installs what to
// do then (cli/main.cpp: glibc's malloc_trim, needed because the CLI's allocator tuning never trims
// the heap on its own). Making a new block resident (resize_resident) is the library's own.
#pragma once

#include <cstddef>
#include <vector>

namespace cbec {

using MemoryReleaser = void (*)();
void set_memory_releaser(MemoryReleaser releaser);
// Calls the installed releaser, if any.
void release_free_memory();

// Makes the whole pages of [begin, begin + bytes) resident for writing (Linux's MADV_POPULATE_WRITE,
// 5.14) instead of a page fault per 4 KiB on first write: from a megabyte, the range cut into page-
// aligned shares that the threads populate at once (the kernel's work per page runs in parallel
// within one mapping; 800 MB on the 2-core benchmark machine: 0.38 s on one thread, 0.23 s on two,
// against 0.31-0.36 s touched a page at a time). Elsewhere, or where the call is refused, the pages
// fault in on first write as usual. Allocate every block first and populate after: a heap that
// grows while another thread populates waits for it (the reader's ten columns: 0.45 s -> 0.26 s).
// Its whole 2 MiB extents are asked to be huge pages first (unless CBEC_NO_HUGE_PAGES is set).
void make_resident(void* begin, size_t bytes);

// Sizes v to n elements, the new ones `value`, their pages made resident first (make_resident).
template <class T>
void resize_resident(std::vector<T>& v, size_t n, const T& value = T()) {
  if (n > v.size()) {
    v.reserve(n);
    make_resident(v.data() + v.size(), (n - v.size()) * sizeof(T));
  }
  v.resize(n, value);
}

// The machine's physical memory in bytes, 0 when the system does not say.
size_t physical_memory_bytes();

}  // namespace cbec
