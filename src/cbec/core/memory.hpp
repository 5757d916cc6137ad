// Memory between the library and the system. Returning freed memory to the system is the
// program's business, not the library's: a library cannot know the allocator it runs under. The
// library says when a large block was released (release_free_memory); the program installs what to
// do then (cli/main.cpp: glibc's malloc_trim, needed because the CLI's allocator tuning never trims
// the heap on its own). Making a new block resident (resize_resident) and dropping a file mapping's
// pages once read (release_whole_pages) are the library's own.
#pragma once

#include <cstddef>
#include <vector>

namespace cbec {

using MemoryReleaser = void (*)();
void set_memory_releaser(MemoryReleaser releaser);
// Calls the installed releaser, if any.
void release_free_memory();

// Sizes v to n zeros with its new pages made resident by one call (Linux's MADV_POPULATE_WRITE,
// 5.14) instead of a page fault per 4 KiB on first write: a large column is filled by the kernel in
// one pass. Elsewhere, or where the call is refused, the pages fault in as usual.
void resize_resident(std::vector<double>& v, size_t n);

// Drops the whole pages within [begin, end) from the process's mapping (MADV_DONTNEED). Only for a
// read-only file mapping, whose pages stay in the kernel's page cache and fault back in if touched;
// anonymous memory would be discarded.
void release_whole_pages(const char* begin, const char* end);

}  // namespace cbec
