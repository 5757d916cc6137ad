#include "cbec/estimate/describe/group_trends.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cbec {

std::vector<double> descending_ranks(const std::vector<double>& x) {
  std::vector<size_t> order;
  for (size_t i = 0; i < x.size(); ++i)
    if (!std::isnan(x[i])) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return x[a] > x[b]; });
  std::vector<double> rank(x.size(), std::numeric_limits<double>::quiet_NaN());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j < order.size() && x[order[j]] == x[order[i]]) ++j;
    const double mean_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;   // positions i+1..j
    for (size_t k = i; k < j; ++k) rank[order[k]] = mean_rank;
    i = j;
  }
  return rank;
}

GroupTrends group_trends(const GroupTrendInput& in) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const size_t units = in.value.size(), T = in.periods.size();
  GroupTrends r;
  for (size_t t = 0; t < T; ++t) {
    GroupPeriod p;
    p.period = in.periods[t];
    double sum[2] = {0, 0}, growth[2] = {0, 0};
    for (size_t u = 0; u < units; ++u) {
      const double x = in.value[u][t];
      if (std::isnan(x)) continue;
      const int g = in.group[u][t];
      ++p.n[g];
      sum[g] += x;
      if (t == 0) continue;
      const double before = in.value[u][t - 1];
      if (std::isnan(before) || !(before > 0)) continue;
      ++p.n_growth[g];
      growth[g] += x / before - 1;
    }
    for (int g = 0; g < 2; ++g) {
      p.mean[g] = p.n[g] ? sum[g] / static_cast<double>(p.n[g]) : nan;
      p.growth[g] = p.n_growth[g] ? growth[g] / static_cast<double>(p.n_growth[g]) : nan;
    }
    p.gap = p.mean[1] - p.mean[0];
    p.ratio = p.mean[0] != 0 ? p.mean[1] / p.mean[0] : nan;
    p.growth_gap = p.growth[1] - p.growth[0];
    r.periods.push_back(p);
  }
  if (T == 0) return r;
  std::vector<double> first(units), last(units);
  for (size_t u = 0; u < units; ++u) {
    first[u] = in.value[u][0];
    last[u] = in.value[u][T - 1];
  }
  // Ranks among the units with a value in both periods, so a change is a move within one set.
  for (size_t u = 0; u < units; ++u)
    if (std::isnan(first[u]) || std::isnan(last[u])) first[u] = last[u] = nan;
  const auto rank_first = descending_ranks(first), rank_last = descending_ranks(last);
  double change[2] = {0, 0};
  for (size_t u = 0; u < units; ++u) {
    if (std::isnan(rank_first[u])) continue;
    UnitRank k{u, in.group[u][T - 1], rank_first[u], rank_last[u], rank_first[u] - rank_last[u]};
    change[k.group] += k.change;
    ++r.ranked[k.group];
    r.ranks.push_back(k);
  }
  for (int g = 0; g < 2; ++g) r.mean_rank_change[g] = r.ranked[g] ? change[g] / static_cast<double>(r.ranked[g]) : nan;
  return r;
}

}  // namespace cbec
