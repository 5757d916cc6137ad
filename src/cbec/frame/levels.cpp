#include "cbec/frame/levels.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cbec {

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
  double lo = INFINITY, hi = -INFINITY;
  for (double v : c.values)
    if (!std::isnan(v)) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  if (!(lo <= hi)) return out;  // all missing
  if (c.type == ColumnType::Integer && hi - lo <= 4.0 * static_cast<double>(n) + 1024) {
    // Dense path: mark the values present, number them in order.
    std::vector<int32_t> rank(static_cast<size_t>(hi - lo) + 1, -1);
    for (double v : c.values)
      if (!std::isnan(v)) rank[static_cast<size_t>(v - lo)] = 0;
    int32_t next = 0;
    for (size_t k = 0; k < rank.size(); ++k)
      if (rank[k] == 0) {
        rank[k] = next++;
        out.labels.push_back(fmt::format("{}", static_cast<long long>(lo + static_cast<double>(k))));
      }
    for (size_t i = 0; i < n; ++i)
      if (!std::isnan(c.values[i])) out.codes[i] = rank[static_cast<size_t>(c.values[i] - lo)];
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
