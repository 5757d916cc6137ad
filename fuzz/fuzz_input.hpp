// Shared by the fuzz targets: the input as text, and as a file for readers that take a path.
#pragma once
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace cbec::fuzz {

inline std::string_view text(const uint8_t* data, size_t size) { return {reinterpret_cast<const char*>(data), size}; }

// Writes the input to a private temporary file named with `suffix` (readers choose the format by
// extension) and removes it when done.
class InputFile {
 public:
  InputFile(const uint8_t* data, size_t size, const std::string& suffix) {
    path_ = "/tmp/cbec-fuzz-" + std::to_string(::getpid()) + suffix;
    if (FILE* f = std::fopen(path_.c_str(), "wb")) {
      std::fwrite(data, 1, size, f);
      std::fclose(f);
    }
  }
  ~InputFile() { std::remove(path_.c_str()); }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace cbec::fuzz
