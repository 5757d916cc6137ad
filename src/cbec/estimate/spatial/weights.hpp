// A spatial weights matrix: n units named by id, sparse row-major weights, and how it was built
// and transformed. Builders (contiguity, distance, kNN, files) and statistics share this type.
#pragma once
#include <Eigen/SparseCore>

#include <string>
#include <vector>

namespace cbec {

// Dense constructions (inverse distance without a cut-off, economic distance, dense matrix files)
// refuse more units than this: 20,000 units already make 400 million weights (about 5 GB sparse).
inline constexpr size_t kMaxDenseUnits = 20000;
// Throws a SpecError naming `what` and the alternative `instead` when n > kMaxDenseUnits.
void check_dense_size(size_t n, const std::string& what, const std::string& instead);

struct SpatialWeights {
  std::vector<std::string> ids;                        // unit ids, row/column order of W
  Eigen::SparseMatrix<double, Eigen::RowMajor> W;      // W(i, j): weight of j in i's neighbourhood
  std::string construction;                            // e.g. "queen contiguity", "inverse distance^2"
  std::string transform = "B";                         // B binary/original, R row-standardized, V variance-stabilizing
  size_t n() const { return ids.size(); }
};

}  // namespace cbec
