// ln|det A_j| of several symmetric matrices A_1..A_m that share one sparsity pattern (the
// log-determinant's I - rho_j P S P' at several rho, log_determinant.cpp), from their LDL'
// factorizations computed in one pass. The factorization is the up-looking sparse LDL' of Davis
// (2005, "Algorithm 849: a concise sparse Cholesky factorization package", ACM TOMS 31(4)): the
// elimination tree and each row's pattern of L (found by walking the tree) depend only on the
// pattern, so the m matrices share them, and the numeric updates run over the m matrices side by
// side in contiguous memory (vectorized). Each matrix gets exactly the operations, in the same
// order, of a factorization of its own (Eigen's SimplicialLDLT with the natural ordering), so its
// pivots D and ln|det A| = sum_k ln|D_kk| are bit for bit the same; the pass costs about 2 (m = 3)
// to 4 (m = 5) single factorizations at n = 20,000 (bench/RESULTS.md).
#pragma once
#include <Eigen/Core>
#include <Eigen/SparseCore>

#include <vector>

namespace cbec {

class SimultaneousLdlt {
 public:
  // `upper`: the upper triangle, diagonal included, of the symmetric pattern (column-major,
  // compressed); the rows and columns in the order of elimination (fill-reducing, the caller's).
  explicit SimultaneousLdlt(const Eigen::SparseMatrix<double>& upper);

  // ln|det A_j|, j = 0..m-1, A_j's values in the pattern's order being row q of `values`
  // (nnz x m, row-major: the m matrices' values of one entry side by side). Throws NumericError
  // when a pivot is zero (a singular A_j or one that needs pivoting).
  using Values = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  std::vector<double> log_abs_dets(const Eigen::Ref<const Values>& values) const;

 private:
  template <int M>
  void factorize(const double* values, double* log_dets) const;

  Eigen::SparseMatrix<double> pattern_;  // the upper triangle's pattern (values unused)
  std::vector<int> parent_;              // the elimination tree (-1: a root)
  std::vector<int> column_start_;        // where each column of L starts (strictly lower part)
  // Work space kept between calls (its capacity reserved for the widest group, so no call moves
  // it): L's row indices and values, the scattered row, the pivots, the columns' fill counts, the
  // visit tags and the row pattern.
  mutable std::vector<int> l_index_, filled_, tags_, row_pattern_;
  mutable std::vector<double> l_value_, row_, pivots_;
};

}  // namespace cbec
