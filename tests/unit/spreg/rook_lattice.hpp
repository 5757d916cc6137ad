// A side x side rook lattice, row-standardized: the spatial weights of the simulated panels.
#pragma once
#include <Eigen/SparseCore>

#include <vector>

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

}  // namespace cbec::testing
