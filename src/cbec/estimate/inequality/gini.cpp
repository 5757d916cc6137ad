#include "cbec/estimate/inequality/gini.hpp"

#include <fmt/format.h>

#include <cmath>

#include "cbec/core/error.hpp"

namespace cbec {

GiniResult gini_dagum(const std::vector<double>& x, const std::vector<int>& group, int groups) {
  if (x.empty()) throw DataError("inequality: no values");
  if (x.size() != group.size()) throw SpecError("inequality: one group per value");
  const size_t k = static_cast<size_t>(groups);
  std::vector<std::vector<double>> members(k);
  double total = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    if (!(x[i] >= 0) || !std::isfinite(x[i])) throw DataError(fmt::format("inequality: the Gini coefficient needs values >= 0, not {:g}", x[i]));
    if (group[i] < 0 || group[i] >= groups) throw SpecError("inequality: group index out of range");
    members[static_cast<size_t>(group[i])].push_back(x[i]);
    total += x[i];
  }
  if (!(total > 0)) throw DataError("inequality: the Gini coefficient needs a positive mean");
  const double n = static_cast<double>(x.size());
  std::vector<double> mean(k), p(k), s(k);
  for (size_t j = 0; j < k; ++j) {
    if (members[j].empty()) throw DataError("inequality: a group has no unit");
    double sum = 0;
    for (double v : members[j]) sum += v;
    mean[j] = sum / static_cast<double>(members[j].size());
    p[j] = static_cast<double>(members[j].size()) / n;
    s[j] = sum / total;
  }
  GiniResult r;
  r.pair_gini.assign(k, std::vector<double>(k, 0));
  r.relative_affluence.assign(k, std::vector<double>(k, 0));
  for (size_t j = 0; j < k; ++j)
    for (size_t h = 0; h <= j; ++h) {
      // Sums over all pairs (x_ji, x_hr) of |difference|, of its positive part and of its negative part.
      double abs_sum = 0, up = 0, down = 0;
      for (double a : members[j])
        for (double b : members[h]) {
          abs_sum += std::fabs(a - b);
          (a > b ? up : down) += std::fabs(a - b);
        }
      const double nj = static_cast<double>(members[j].size()), nh = static_cast<double>(members[h].size());
      if (j == h) {
        r.pair_gini[j][j] = mean[j] > 0 ? abs_sum / (2 * nj * nj * mean[j]) : 0;   // Dagum eq. 4
        r.within += r.pair_gini[j][j] * p[j] * s[j];                                // eq. 7
        continue;
      }
      const double gjh = mean[j] + mean[h] > 0 ? abs_sum / (nj * nh * (mean[j] + mean[h])) : 0;   // eq. 5
      // D_jh with the richer group first: d = affluence of the richer over the poorer, q = transvariation.
      const double d = mean[j] >= mean[h] ? up : down, q = mean[j] >= mean[h] ? down : up;
      const double D = d + q > 0 ? (d - q) / (d + q) : 0;   // eqs. 10-13
      r.pair_gini[j][h] = r.pair_gini[h][j] = gjh;
      r.relative_affluence[j][h] = mean[j] >= mean[h] ? D : -D;
      r.relative_affluence[h][j] = -r.relative_affluence[j][h];
      const double weight = gjh * (p[j] * s[h] + p[h] * s[j]);
      r.net_between += weight * D;                 // eq. 8
      r.transvariation += weight * (1 - D);        // eq. 9
    }
  r.gini = r.within + r.net_between + r.transvariation;
  for (size_t j = 0; j < k; ++j) r.group_gini.push_back(r.pair_gini[j][j]);
  return r;
}

}  // namespace cbec
