#include "cbec/estimate/ols/demean_cache.hpp"

#include <fmt/format.h>

#include <functional>

namespace cbec {

std::string DemeanCache::sample_key(const Design& d) {
  // FNV-1a over the sample rows, so different samples never share entries.
  uint64_t h = 1469598103934665603ull;
  for (size_t r : d.rows) {
    h ^= r;
    h *= 1099511628211ull;
  }
  std::string fes;
  for (const auto& f : d.fixed_effects) fes += f.name + "+";
  return fmt::format("{}|{}|{:x}|w{}", fes, d.rows.size(), h, d.weighted() ? fmt::format("{:x}", std::hash<std::string>{}(std::string(
      reinterpret_cast<const char*>(d.weights.data()), static_cast<size_t>(d.weights.size()) * sizeof(double)))) : "-");
}

bool DemeanCache::find(const std::string& key, Eigen::VectorXd& out) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = columns_.find(key);
  if (it == columns_.end()) return false;
  out = it->second;
  ++hits_;
  return true;
}

void DemeanCache::store(const std::string& key, const Eigen::VectorXd& v) {
  std::lock_guard<std::mutex> lock(mutex_);
  columns_.emplace(key, v);
}

}  // namespace cbec
