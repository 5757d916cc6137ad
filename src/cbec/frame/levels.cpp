#include "cbec/frame/levels.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>

namespace cbec {

namespace {
constexpr long kParallelRows = 1 << 16;  // below this the rows are coded by one thread
}  // namespace

Levels code_levels(const Column& c) {
  Levels out;
  const size_t n = c.size();
  out.codes.assign(n, -1);
  if (!c.is_numeric()) {
    std::vector<size_t> idx(c.levels.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return c.levels[a] < c.levels[b]; });
    std::vector<int32_t> remap(c.levels.size());
    for (size_t k = 0; k < idx.size(); ++k) {
      remap[idx[k]] = static_cast<int32_t>(k);
      out.labels.push_back(c.levels[idx[k]]);
    }
    for (size_t i = 0; i < n; ++i) out.codes[i] = c.codes[i] < 0 ? -1 : remap[c.codes[i]];
    return out;
  }
  // The passes over the rows are shared by the threads; each row's result is its own, so the
  // coding is the same for any thread count.
  const long rows = static_cast<long>(n);
  const std::vector<double>& values = c.values;
  double lo = INFINITY, hi = -INFINITY;
#pragma omp parallel for reduction(min : lo) reduction(max : hi) if (rows > kParallelRows)
  for (long i = 0; i < rows; ++i)
    if (!std::isnan(values[static_cast<size_t>(i)])) {
      lo = std::min(lo, values[static_cast<size_t>(i)]);
      hi = std::max(hi, values[static_cast<size_t>(i)]);
    }
  if (!(lo <= hi)) return out;  // all missing
  if (c.type == ColumnType::Integer && hi - lo <= 4.0 * static_cast<double>(n) + 1024) {
    // Dense path: mark the values present, number them in order.
    std::vector<uint8_t> present(static_cast<size_t>(hi - lo) + 1, 0);
#pragma omp parallel for if (rows > kParallelRows)
    for (long i = 0; i < rows; ++i)
      if (!std::isnan(values[static_cast<size_t>(i)]))
        std::atomic_ref<uint8_t>(present[static_cast<size_t>(values[static_cast<size_t>(i)] - lo)]).store(1, std::memory_order_relaxed);
    std::vector<int32_t> rank(present.size(), -1);
    int32_t next = 0;
    for (size_t k = 0; k < rank.size(); ++k)
      if (present[k]) {
        rank[k] = next++;
        out.labels.emplace_back(fmt::format_int(static_cast<long long>(lo + static_cast<double>(k))).str());
      }
#pragma omp parallel for if (rows > kParallelRows)
    for (long i = 0; i < rows; ++i)
      if (!std::isnan(values[static_cast<size_t>(i)])) out.codes[static_cast<size_t>(i)] = rank[static_cast<size_t>(values[static_cast<size_t>(i)] - lo)];
    return out;
  }
  std::vector<double> vals;
  vals.reserve(n);
  for (double v : c.values)
    if (!std::isnan(v)) vals.push_back(v);
  std::sort(vals.begin(), vals.end());
  vals.erase(std::unique(vals.begin(), vals.end()), vals.end());
  for (double v : vals) out.labels.push_back(fmt::format("{:g}", v));
  for (size_t i = 0; i < n; ++i)
    if (!std::isnan(c.values[i])) out.codes[i] = static_cast<int32_t>(std::lower_bound(vals.begin(), vals.end(), c.values[i]) - vals.begin());
  return out;
}

}  // namespace cbec
