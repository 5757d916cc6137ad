// A file mapped read-only into memory (the parser reads the page cache directly, no copy).
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

 private:
  void* map_ = nullptr;
  size_t size_ = 0;
};

}  // namespace cbec
