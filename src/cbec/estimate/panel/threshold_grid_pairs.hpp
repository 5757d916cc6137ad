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
// Row a of the table (all b) is row a - 1 plus the running sums along b of histogram row a, whose
// terms come from the rows with bin_i = a only. The table is built row by row in that way; every
// `stride`-th row is stored (threshold_pair_memory.hpp: all of them within the memory budget), and a
// row between two stored ones is computed again from the stored row below it when asked for, by the
// same steps in the same order: the same numbers, bit for bit, whatever the stride.
// The cost is T^2 terms per unit plus (grid size)^2 m^2 for the running sums, and per row asked for
// up to stride - 1 histogram rows and their running sums.
#pragma once
#include <Eigen/Dense>

#include <cstdint>
#include <vector>

#include "cbec/estimate/panel/threshold_profile.hpp"
#include "cbec/estimate/panel/threshold_sample.hpp"

namespace cbec::detail {

class GridPairSums {
 public:
  GridPairSums(const ThresholdSample& s, const ThresholdGridSums& sums, size_t stride = 1);
  // D(g_a)'D(g) for every grid point g side by side (m x m each, in grid order), m x (grid size) m,
  // into `out`.
  void with(size_t a, Eigen::Ref<Eigen::MatrixXd> out) const;
  size_t stride() const { return stride_; }

 private:
  // Histogram row a (zeroed first) into `row`: the terms of the pairs (i, j) with bin_i = a.
  void histogram_row(size_t a, double* row) const;
  // Table row a from histogram row a in `row` and table row a - 1 (`below`; none for a = 0).
  void accumulate(double* row, const double* below) const;

  const ThresholdSample& s_;
  const ThresholdGridSums& sums_;
  size_t G_ = 0, m_ = 0, stride_ = 1;
  std::vector<size_t> by_bin_;     // the rows below the last grid point, by bin then row order
  std::vector<size_t> bin_start_;  // per bin: its first entry in by_bin_, and the end
  std::vector<double> kept_;       // per unit: k_u
  std::vector<double> table_;      // rows 0, stride, 2 stride, ...: per b, column-major m x m
};

}  // namespace cbec::detail
