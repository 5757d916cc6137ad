// D(g_a)'D(g_b) for every pair of grid points, D(g) = c 1(q < g) within-transformed (Hansen 1999,
// eq. 2.3): the cross products a search given fixed thresholds needs between the fixed thresholds'
// columns and the searched one's (threshold_nested.hpp). They depend only on q, c and the grid, so a
// bootstrap draw's later searches, whose fixed thresholds are the draw's own, read them from this
// table instead of passing over the rows again. With kept rows K (kappa_i = 1), T periods and k_u
// kept rows of unit u, d_i(g) = c_i 1(q_i < g) - a_u(g) / T over the kept rows, a_u(g) the unit's sum
// of c 1(q < g) over all periods, so
//   D(g_a)'D(g_b) = sum_u sum_{i, j in u} w_ij c_i c_j' 1(q_i < g_a) 1(q_j < g_b),
//   w_ij = kappa_i 1(i = j) - (kappa_i + kappa_j) / T + k_u / T^2:
// each pair of a unit's rows adds its term to the cell (bin_i, bin_j) of a grid x grid histogram
// (bins of threshold_profile.hpp), and running sums along both axes give every pair of grid points.
// The cost is T^2 terms per unit plus (grid size)^2 m^2 for the running sums and the table.
#pragma once
#include <Eigen/Dense>

#include <vector>

#include "cbec/estimate/panel/threshold_profile.hpp"
#include "cbec/estimate/panel/threshold_sample.hpp"

namespace cbec::detail {

class GridPairSums {
 public:
  GridPairSums(const ThresholdSample& s, const ThresholdGridSums& sums);
  // D(g_a)'D(g) for every grid point g side by side (m x m each, in grid order): m x (grid size) m.
  Eigen::Map<const Eigen::MatrixXd> with(size_t a) const {
    return {table_.data() + a * G_ * m_ * m_, static_cast<Eigen::Index>(m_), static_cast<Eigen::Index>(G_ * m_)};
  }

 private:
  size_t G_ = 0, m_ = 0;
  std::vector<double> table_;   // per (a, b), a-major: column-major m x m
};

}  // namespace cbec::detail
