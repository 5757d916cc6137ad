// Two groups of units followed over time (pilot-zone cities against the others): per period the
// number of units with a value, their mean level, the mean growth rate of the units since the
// previous period of the data (x_t / x_{t-1} - 1, units with both values and x_{t-1} > 0), and the
// gaps (group 1 minus group 0); and each unit's rank in the first and last period (1 = largest,
// ties get their mean rank) with its change.
#pragma once
#include <string>
#include <vector>

namespace cbec {

struct GroupTrendInput {
  std::vector<double> periods;                 // sorted, distinct
  // value[u][t] for unit u in period t (NaN when missing) and the unit's group in that period (0 or 1).
  std::vector<std::vector<double>> value;
  std::vector<std::vector<int>> group;
};

struct GroupPeriod {
  double period = 0;
  size_t n[2] = {0, 0}, n_growth[2] = {0, 0};
  double mean[2] = {0, 0}, growth[2] = {0, 0};   // NaN without units
  double gap = 0, ratio = 0, growth_gap = 0;      // group 1 - group 0 (ratio: 1 / 0)
};

struct UnitRank {
  size_t unit = 0;
  int group = 0;                                  // in the last period
  double first = 0, last = 0, change = 0;         // change = first - last (> 0: moved up)
};

struct GroupTrends {
  std::vector<GroupPeriod> periods;
  std::vector<UnitRank> ranks;                    // units with a value in the first and the last period
  double mean_rank_change[2] = {0, 0};
  size_t ranked[2] = {0, 0};
};

GroupTrends group_trends(const GroupTrendInput& in);

// Ranks of x, 1 = the largest, ties sharing their mean rank; NaN stays NaN.
std::vector<double> descending_ranks(const std::vector<double>& x);

}  // namespace cbec
