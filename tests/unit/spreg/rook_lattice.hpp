// A side x side rook lattice, row-standardized: the spatial weights of the simulated panels, and
// the balanced panel laid out on it.
#pragma once
#include <Eigen/SparseCore>

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

}  // namespace cbec::testing
