#include "cbec/estimate/inequality/theil.hpp"

#include <fmt/format.h>

#include <cmath>

#include "cbec/core/error.hpp"

namespace cbec {

TheilResult theil_decomposition(const std::vector<double>& x, const std::vector<int>& group, int groups) {
  if (x.empty()) throw DataError("inequality: no values");
  if (x.size() != group.size()) throw SpecError("inequality: one group per value");
  TheilResult r;
  r.groups.assign(static_cast<size_t>(groups), {});
  double total = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    if (!(x[i] > 0) || !std::isfinite(x[i])) throw DataError(fmt::format("inequality: Theil indices need positive values, not {:g}", x[i]));
    if (group[i] < 0 || group[i] >= groups) throw SpecError("inequality: group index out of range");
    auto& g = r.groups[static_cast<size_t>(group[i])];
    ++g.n;
    g.mean += x[i];
    total += x[i];
  }
  const double n = static_cast<double>(x.size()), mu = total / n;
  for (auto& g : r.groups) {
    if (g.n == 0) throw DataError("inequality: a group has no unit");
    g.value_share = g.mean / total;
    g.mean /= static_cast<double>(g.n);
    g.pop_share = static_cast<double>(g.n) / n;
  }
  for (size_t i = 0; i < x.size(); ++i) {
    auto& g = r.groups[static_cast<size_t>(group[i])];
    // Theil (1967): T and L of the whole and of each group around its own mean.
    r.t += x[i] / mu * std::log(x[i] / mu) / n;
    r.l += std::log(mu / x[i]) / n;
    g.theil_t += x[i] / g.mean * std::log(x[i] / g.mean) / static_cast<double>(g.n);
    g.theil_l += std::log(g.mean / x[i]) / static_cast<double>(g.n);
  }
  // Shorrocks (1980): within = share-weighted group indices, between = the index of the group means.
  for (const auto& g : r.groups) {
    r.t_within += g.value_share * g.theil_t;
    r.t_between += g.value_share * std::log(g.mean / mu);
    r.l_within += g.pop_share * g.theil_l;
    r.l_between += g.pop_share * std::log(mu / g.mean);
  }
  return r;
}

}  // namespace cbec
