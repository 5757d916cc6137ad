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
  std::string transform = "B";                         // B binary/original, R row-standardized, S variance-stabilizing
  // Factor each row of W has been multiplied by since it was built (row_standardize,
  // variance_stabilize); empty = none. Gi* uses it to give the unit its self-weight of 1 on the
  // original scale before the transform, as spdep's localG(x, nb2listw(include.self(nb), style)).
  std::vector<double> row_scale;
  double row_scale_of(size_t i) const { return row_scale.empty() ? 1.0 : row_scale[i]; }
  size_t n() const { return ids.size(); }
  bool has_neighbours(size_t i) const { return W.row(static_cast<Eigen::Index>(i)).nonZeros() > 0; }
  // Units with at least one neighbour: the n of spdep's moments with adjust.n (n less the islands).
  size_t units_with_neighbours() const {
    size_t k = 0;
    for (size_t i = 0; i < n(); ++i) k += has_neighbours(i);
    return k;
  }
};

// What a weights matrix holds that the user may not have meant: links listed in one direction only
// (an edge list giving each pair once), self-links, and units without neighbours.
struct WeightsAudit {
  size_t one_way = 0;                  // pairs (i, j) with w_ij != 0 and w_ji == 0
  std::vector<std::string> one_way_examples;   // "a -> b", the first few
  std::vector<std::string> self_links; // units that are their own neighbour
  std::vector<std::string> islands;    // units without neighbours
};
WeightsAudit audit_weights(const SpatialWeights& w);
// Plain-language notes of an audit (empty when there is nothing to say); one-way links come
// with the advice to symmetrize (--symmetrize on the command line, symmetrize=True in Python).
std::vector<std::string> audit_notes(const WeightsAudit& a);
// Adds w_ji = w_ij wherever only (i, j) is linked, so every link is mutual; pairs linked both ways
// keep their weights.
SpatialWeights symmetrize(const SpatialWeights& w);

}  // namespace cbec
