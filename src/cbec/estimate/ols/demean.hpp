// Projection of variables off any number of fixed-effect dimensions ("demeaning"), weighted or not.
//
// Algorithm: the fixed-effect coefficients solve the normal equations of the dummy-variable
// regression; they are found by Gauss-Seidel sweeps over the dimensions (alternating projections,
// Guimaraes and Portugal 2010; Gaure 2013) accelerated by Irons and Tuck (1969) as in fixest
// (Berge 2018; irons_tuck.hpp). The dimensions are taken largest first and a sweep updates the
// smallest first, so the iterated vector holds all dimensions but the smallest (for two dimensions,
// only the larger one's coefficients). Strategy for three or more dimensions (fixest's): 15
// accelerated iterations on all; if not converged, convergence on the two largest, then on all
// again, each stage on what the previous ones left. One dimension is exact in one pass.
// Convergence (fixest's rule, default tol = 1e-10): every coefficient moved by at most tol,
// absolutely or relative to 0.1 + |coefficient|; `converged` is false (and feols warns) when
// max_iter iterations did not get there.
//
// What a sweep reads: for the update of one dimension, the partners' coefficients summed over each
// level's rows. A pair of dimensions with at most half as many cells as rows (fixed_effect_cells.hpp:
// a nested or nearly nested pair such as industry within firm, or two small dimensions) is read from
// its cells, found once here, with their summed weights; the other partners from the rows, in one
// pass for them all, a run of rows of one level (rows sorted by that dimension) summed in registers.
// The same terms in another order: the numbers agree with a row-by-row sweep to rounding.
//
// Rows split across processes (DemeanPartition, issue 19): each process holds whole levels of the
// largest dimension, so that dimension's sums and coefficients are its own; per sweep, the sums of
// every other dimension's levels are added over the processes (one ReduceExchange::sum per
// dimension), as are the acceleration's two inner products, the sum of squares and the
// convergence test (one max), for all the columns of a batch at once. The small dimensions'
// coefficients are then the same on every process, and so is every decision of the iteration: the
// numbers are those of one process up to the order of the additions. The batches are demeaned one
// after another (the exchange is called from the main thread): run one process per core.
//
// Columns are demeaned in batches (up to 8 together, at least one batch per thread): a sweep reads
// the rows' fixed-effect codes once for the batch, with the batch's coefficients interleaved by
// level, and each column follows its own iteration exactly (irons_tuck.hpp's lockstep), so its
// numbers do not depend on the batch it is in or on the number of threads.
#pragma once
#include <Eigen/Core>

#include <algorithm>
#include <optional>
#include <vector>

#include "cbec/estimate/ols/fixed_effect_cells.hpp"
#include "cbec/formula/design.hpp"

namespace cbec {

class ReduceExchange;

// This process's share of rows split across processes: whole levels of dimension `dim`, which is
// the largest over all processes (the first of the largest in formula order), coded locally
// 0..levels-1; the other dimensions keep their global codes and level counts.
struct DemeanPartition {
  ReduceExchange* exchange = nullptr;
  size_t dim = 0;
  std::vector<size_t> levels;  // per dimension, its levels over all processes
};

struct DemeanStats {
  size_t max_iterations = 0;  // accelerated iterations of the slowest column (fixest's count)
  size_t max_sweeps = 0;      // Gauss-Seidel sweeps of the slowest column
  bool converged = true;
};

class Demeaner {
 public:
  // partition: rows split across processes (nullptr: all rows are here). Kept by reference.
  Demeaner(const std::vector<Factor>& fes, const Eigen::VectorXd& weights, double tol = 1e-10, size_t max_iter = 10000,
           const DemeanPartition* partition = nullptr);
  // Dimensions by decreasing number of levels, ties in formula order (the first is the one to split).
  static std::vector<size_t> by_size(const std::vector<size_t>& levels);
  // Demeans every column of m in place (columns in parallel).
  DemeanStats demean(Eigen::MatrixXd& m) const;
  DemeanStats demean(Eigen::VectorXd& v) const;

 private:
  struct ColumnStats {
    size_t iterations = 0, sweeps = 0;
    bool converged = true;
  };
  // Demeans the columns v together (the three-stage strategy above), each as if alone.
  std::vector<ColumnStats> demean_columns(const std::vector<double*>& v) const;
  // Projects the columns v off the dimensions `dims` (indices into fes_, largest first) in place,
  // together: each pass over the rows serves all of them; column j iterates at most max_iter[j] times.
  std::vector<ColumnStats> project(const std::vector<double*>& v, const std::vector<size_t>& dims,
                                   const std::vector<size_t>& max_iter) const;
  const std::vector<Factor>& fes_;
  const Eigen::VectorXd& w_;
  double tol_;
  size_t max_iter_;
  std::vector<std::vector<double>> wsum_;  // per dimension, per level: sum of weights
  std::vector<size_t> by_size_;            // dimensions by decreasing number of levels
  size_t n_;
  const DemeanPartition* partition_;
  bool split(size_t dim) const { return partition_ && dim != partition_->dim; }  // summed over processes
  // The cells of dimensions a and b when a sweep reads them instead of the rows, else nullptr.
  const FixedEffectCells* cells(size_t a, size_t b) const {
    const auto& c = cells_[std::min(a, b) * fes_.size() + std::max(a, b)];
    return c ? &*c : nullptr;
  }
  std::vector<std::optional<FixedEffectCells>> cells_;  // per pair of dimensions (a < b at a * Q + b)
  std::vector<std::optional<LevelRuns>> runs_;          // per dimension, when its levels are in runs
};

}  // namespace cbec
