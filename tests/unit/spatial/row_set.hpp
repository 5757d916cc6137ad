// Test helper: the columns of row i of a weights matrix (unit i's neighbours), as a set.
#pragma once
#include <set>

#include "cbec/frame/spatial_weights.hpp"

namespace cbec::testing {

inline std::set<long> row_set(const SpatialWeights& w, long i) {
  std::set<long> s;
  for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(w.W, i); it; ++it) s.insert(it.col());
  return s;
}

}  // namespace cbec::testing
