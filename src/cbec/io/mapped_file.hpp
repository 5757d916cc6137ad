// A file mapped read-only into memory, whose bytes can also be copied out by read calls.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace cbec {

class MappedFile {
 public:
  // Throws a DataError naming `path` when it cannot be opened, is not a regular file or cannot be mapped.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  // The bytes (empty for an empty file, which is not mapped).
  std::string_view text() const { return {static_cast<const char*>(map_), size_}; }
  // Copies the n bytes of text() from `offset` into `out` by read calls (pread) rather than through
  // the mapping: a reader that streams the file through one reused buffer touches each page of the
  // mapping not at all (csv_text.cpp's rounds). False when the file no longer holds them (it was
  // shortened while read) or the system refuses the read.
  bool copy(size_t offset, size_t n, char* out) const;

 private:
  int fd_ = -1;
  void* map_ = nullptr;
  size_t size_ = 0;
};

}  // namespace cbec
