// Theil's inequality indices and their exact decomposition into between- and within-group parts.
//   Theil T (Theil 1967): T = (1/n) sum_i (x_i/mu) ln(x_i/mu);
//   Theil L (mean log deviation): L = (1/n) sum_i ln(mu/x_i).
// Both are additively decomposable (Shorrocks 1980, "The class of additively decomposable
// inequality measures", Econometrica 48(3), eq. for the generalized entropy family with c = 1, 0):
//   T = sum_g s_g T_g + sum_g s_g ln(mu_g/mu),   s_g = n_g mu_g / (n mu)  (the group's share of the total);
//   L = sum_g p_g L_g + sum_g p_g ln(mu/mu_g),   p_g = n_g / n            (the group's share of the units).
// The values must be positive (checked by the caller's message; here a DataError).
#pragma once
#include <string>
#include <vector>

namespace cbec {

struct GroupInequality {
  size_t n = 0;
  double mean = 0, pop_share = 0, value_share = 0;
  double theil_t = 0, theil_l = 0;
  double gini = 0;                    // the group's own Gini (filled by gini_dagum)
};

struct TheilResult {
  double t = 0, t_between = 0, t_within = 0;
  double l = 0, l_between = 0, l_within = 0;
  std::vector<GroupInequality> groups;   // by group index
};

// `group[i]` in [0, groups); every group must hold at least one unit.
TheilResult theil_decomposition(const std::vector<double>& x, const std::vector<int>& group, int groups);

}  // namespace cbec
