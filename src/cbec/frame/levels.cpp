#include "cbec/frame/levels.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "cbec/core/memory.hpp"
#include "cbec/frame/dense_codes.hpp"

namespace cbec {

Levels code_levels(const Column& c) {
  Levels out;
  const size_t n = c.size();
  resize_resident(out.codes, n, int32_t{-1});
  if (!c.is_numeric()) {
    std::vector<size_t> idx(c.levels.size());
    std::iota(idx.begin(), idx.end(), 0);
    if (!c.declared_order) std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return c.levels[a] < c.levels[b]; });
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
#pragma omp parallel for reduction(min : lo) reduction(max : hi) if (rows > kCodingParallelRows)
  for (long i = 0; i < rows; ++i)
    if (!std::isnan(values[static_cast<size_t>(i)])) {
      lo = std::min(lo, values[static_cast<size_t>(i)]);
      hi = std::max(hi, values[static_cast<size_t>(i)]);
    }
  if (!(lo <= hi)) return out;  // all missing
  if (c.type == ColumnType::Integer && dense_table_fits(hi - lo, n)) {
    // Dense path: the values' offsets from the smallest, numbered through a table.
    const auto offsets = code_dense_keys(
        rows, static_cast<uint64_t>(hi - lo) + 1,
        [&](size_t i) { return std::isnan(values[i]) ? int64_t{-1} : static_cast<int64_t>(values[i] - lo); }, out.codes);
    // The labels written by the threads (a million ids: 0.026 -> 0.013 s), each its own string.
    out.labels.resize(offsets.size());
    const long n_levels = static_cast<long>(offsets.size());
#pragma omp parallel for if (n_levels > kCodingParallelRows)
    for (long k = 0; k < n_levels; ++k)
      out.labels[static_cast<size_t>(k)] = fmt::format_int(static_cast<long long>(lo + static_cast<double>(offsets[static_cast<size_t>(k)]))).str();
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
