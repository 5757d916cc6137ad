// A side x side rook lattice, row-standardized: the spatial weights of the simulated panels, and
// the balanced panel laid out on it.
#pragma once
#include <Eigen/Dense>
#include <Eigen/SparseCore>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cbec/estimate/spatial_models/spatial_panel.hpp"

namespace cbec::testing {

inline Eigen::SparseMatrix<double, Eigen::RowMajor> rook_lattice(int side) {
  std::vector<Eigen::Triplet<double>> t;
  for (int r = 0; r < side; ++r)
    for (int c = 0; c < side; ++c) {
      std::vector<int> nb;
      if (r > 0) nb.push_back((r - 1) * side + c);
      if (r + 1 < side) nb.push_back((r + 1) * side + c);
      if (c > 0) nb.push_back(r * side + c - 1);
      if (c + 1 < side) nb.push_back(r * side + c + 1);
      for (int j : nb) t.emplace_back(r * side + c, j, 1.0 / static_cast<double>(nb.size()));
    }
  Eigen::SparseMatrix<double, Eigen::RowMajor> w(side * side, side * side);
  w.setFromTriplets(t.begin(), t.end());
  return w;
}

// A balanced panel of the lattice's units over T periods, period by period (row t * n + i is unit
// i in period t), with one W for every period; X and y are left for the simulation to fill.
inline SpatialPanelData lattice_panel(int side, int T, std::vector<std::string> x_names) {
  const int n = side * side;
  SpatialPanelData d;
  d.depvar = "y";
  d.x_names = std::move(x_names);
  d.n_units = n;
  d.n_periods = T;
  d.weights = {rook_lattice(side)};
  d.period_weights.assign(T, 0);
  for (int t = 0; t < T; ++t) {
    std::vector<long> rows;
    for (int i = 0; i < n; ++i) {
      rows.push_back(t * n + i);
      d.unit.push_back(i);
      d.period.push_back(t);
    }
    d.period_rows.push_back(rows);
  }
  return d;
}

// The lattice's units over T periods with unit i absent in period t when (3 i + t) mod 10 = 0
// (about a tenth of the unit-periods), period by period; W_t the lattice restricted to the period's
// units and row-standardized again (checked: no unit loses all its neighbours). X and y are left
// for the simulation to fill.
inline SpatialPanelData unbalanced_lattice_panel(int side, int T, std::vector<std::string> x_names) {
  const int n = side * side;
  const Eigen::MatrixXd full = Eigen::MatrixXd(rook_lattice(side));
  SpatialPanelData d;
  d.depvar = "y";
  d.x_names = std::move(x_names);
  d.n_units = n;
  d.n_periods = T;
  for (int t = 0; t < T; ++t) {
    std::vector<int> present;
    for (int i = 0; i < n; ++i)
      if ((3 * i + t) % 10 != 0) present.push_back(i);
    const long m = static_cast<long>(present.size());
    Eigen::MatrixXd wt(m, m);
    for (long a = 0; a < m; ++a)
      for (long b = 0; b < m; ++b) wt(a, b) = full(present[a], present[b]) > 0 ? 1.0 : 0.0;
    for (long a = 0; a < m; ++a) {
      EXPECT_GT(wt.row(a).sum(), 0) << "an island in period " << t;
      wt.row(a) /= wt.row(a).sum();
    }
    d.weights.push_back(wt.sparseView());
    d.period_weights.push_back(static_cast<size_t>(t));
    std::vector<long> rows;
    for (int i : present) {
      rows.push_back(static_cast<long>(d.unit.size()));
      d.unit.push_back(i);
      d.period.push_back(t);
    }
    d.period_rows.push_back(rows);
  }
  EXPECT_FALSE(d.balanced());
  return d;
}

}  // namespace cbec::testing
