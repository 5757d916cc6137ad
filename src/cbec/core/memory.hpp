// Returning freed memory to the system is the program's business, not the library's: a library
// cannot know the allocator it runs under. The library says when a large block was released
// (release_free_memory); the program installs what to do then (cli/main.cpp: glibc's malloc_trim,
// needed because the CLI's allocator tuning never trims the heap on its own).
#pragma once

namespace cbec {

using MemoryReleaser = void (*)();
void set_memory_releaser(MemoryReleaser releaser);
// Calls the installed releaser, if any.
void release_free_memory();

}  // namespace cbec
