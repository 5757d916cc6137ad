#include "cbec/core/resource_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace cbec {

std::string find_resource_dir(const std::string& name, const std::string& marker, const char* env, std::string* tried) {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  if (const char* v = std::getenv(env); v && *v) candidates.emplace_back(v);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path().parent_path() / name);
    candidates.push_back(exe.parent_path().parent_path() / "share" / "cbec" / name);
  }
  for (const auto& c : candidates) {
    if (fs::exists(c / marker)) return c.string();
    if (tried) *tried += (tried->empty() ? "" : ", ") + c.string();
  }
  return "";
}

}  // namespace cbec
