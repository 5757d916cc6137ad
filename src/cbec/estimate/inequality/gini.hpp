// The Gini coefficient and Dagum's (1997) decomposition by groups ("A new approach to the
// decomposition of the Gini income inequality ratio", Empirical Economics 22: 515-531):
//   G = sum_i sum_r |x_i - x_r| / (2 n^2 mu)                                   (eq. 2);
//   G_jh = sum_i sum_r |x_ji - x_hr| / (n_j n_h (mu_j + mu_h)), G_jj the group's own Gini (eqs. 4-5);
//   G = G_w + G_nb + G_t with p_j = n_j/n, s_j = n_j mu_j/(n mu):
//     G_w  = sum_j G_jj p_j s_j                                                  (within, eq. 7),
//     G_nb = sum_{j>h} G_jh (p_j s_h + p_h s_j) D_jh                             (net between, eq. 8),
//     G_t  = sum_{j>h} G_jh (p_j s_h + p_h s_j) (1 - D_jh)                       (transvariation, eq. 9),
//   D_jh = (d_jh - p_jh) / (d_jh + p_jh) for mu_j >= mu_h, d_jh the mean of (x_ji - x_hr) over the pairs
//   where it is positive times their frequency (the gross economic affluence), p_jh the same for
//   x_hr - x_ji (the first-order transvariation) (eqs. 10-13).
#pragma once
#include <vector>

namespace cbec {

struct GiniResult {
  double gini = 0, within = 0, net_between = 0, transvariation = 0;
  std::vector<double> group_gini;                 // G_jj
  std::vector<std::vector<double>> pair_gini;     // G_jh (symmetric; the diagonal is G_jj)
  std::vector<std::vector<double>> relative_affluence;  // D_jh (antisymmetric sign: D_hj = -D_jh; 0 on the diagonal)
};

// `group[i]` in [0, groups); every group must hold at least one unit; values must be >= 0 with a positive mean.
GiniResult gini_dagum(const std::vector<double>& x, const std::vector<int>& group, int groups);

}  // namespace cbec
