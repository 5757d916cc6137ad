// Up-looking sparse LDL' of several matrices with one pattern in one pass (Davis 2005, ldl_symbolic
// and ldl_numeric; see simultaneous_ldlt.hpp).
#include "cbec/estimate/spatial_models/simultaneous_ldlt.hpp"

#include <algorithm>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {
constexpr int kWidest = 8;  // matrices factorized side by side; more are taken in groups of this many
}  // namespace

SimultaneousLdlt::SimultaneousLdlt(const Eigen::SparseMatrix<double>& upper) : pattern_(upper) {
  pattern_.makeCompressed();
  // The elimination tree and the count of each column of L (Davis 2005, ldl_symbolic): row k of L
  // has a nonzero in column i for every i on the tree's path from an entry A_ik, i < k, up to k.
  const int n = static_cast<int>(pattern_.cols());
  const int* start = pattern_.outerIndexPtr();
  const int* row = pattern_.innerIndexPtr();
  parent_.assign(static_cast<size_t>(n), -1);
  std::vector<int> visited(static_cast<size_t>(n)), count(static_cast<size_t>(n), 0);
  for (int k = 0; k < n; ++k) {
    visited[k] = k;
    for (int q = start[k]; q < start[k + 1]; ++q)
      for (int i = row[q]; i < k && visited[i] != k; i = parent_[i]) {
        if (parent_[i] == -1) parent_[i] = k;
        ++count[i];
        visited[i] = k;
      }
  }
  column_start_.assign(static_cast<size_t>(n) + 1, 0);
  for (int k = 0; k < n; ++k) column_start_[k + 1] = column_start_[k] + count[k];
  l_value_.reserve(static_cast<size_t>(column_start_[n]) * kWidest);
  row_.reserve(static_cast<size_t>(n) * kWidest);
  pivots_.reserve(static_cast<size_t>(n) * kWidest);
}

// ldl_numeric (Davis 2005) on M matrices at once: for each row k, the row's pattern of L by walking
// the elimination tree from each A_ik, then a sparse triangular solve along that pattern giving
// L_ki = y_i / D_i and D_k = A_kk - sum_i L_ki y_i. Every array holds the M matrices' numbers of
// one entry side by side.
template <int M>
void SimultaneousLdlt::factorize(const double* values, double* log_dets) const {
  const int n = static_cast<int>(pattern_.cols());
  const int* start = pattern_.outerIndexPtr();
  const int* row = pattern_.innerIndexPtr();
  const size_t m = M;
  l_index_.resize(static_cast<size_t>(column_start_[n]));
  l_value_.resize(static_cast<size_t>(column_start_[n]) * m);
  row_.assign(static_cast<size_t>(n) * m, 0.0);
  pivots_.resize(static_cast<size_t>(n) * m);
  filled_.assign(static_cast<size_t>(n), 0);
  tags_.resize(static_cast<size_t>(n));
  row_pattern_.resize(static_cast<size_t>(n));
  double* y = row_.data();
  for (int k = 0; k < n; ++k) {
    int top = n;
    tags_[k] = k;
    for (int q = start[k]; q < start[k + 1]; ++q) {
      int i = row[q];
      if (i > k) continue;
      for (size_t j = 0; j < m; ++j) y[i * m + j] += values[q * m + j];  // scatter A_ik into y
      int len = 0;
      for (; tags_[i] != k; i = parent_[i]) {
        row_pattern_[len++] = i;
        tags_[i] = k;
      }
      while (len > 0) row_pattern_[--top] = row_pattern_[--len];
    }
    double d[M];
    for (size_t j = 0; j < m; ++j) {
      d[j] = y[k * m + j];
      y[k * m + j] = 0;
    }
    for (; top < n; ++top) {
      const int i = row_pattern_[top];
      double yi[M], lki[M];
      for (size_t j = 0; j < m; ++j) {
        yi[j] = y[i * m + j];
        y[i * m + j] = 0;
        lki[j] = yi[j] / pivots_[i * m + j];
      }
      const int end = column_start_[i] + filled_[i];
      for (int p = column_start_[i]; p < end; ++p) {
        double* target = y + static_cast<size_t>(l_index_[p]) * m;
        const double* l = l_value_.data() + static_cast<size_t>(p) * m;
        for (size_t j = 0; j < m; ++j) target[j] -= l[j] * yi[j];
      }
      for (size_t j = 0; j < m; ++j) {
        d[j] -= lki[j] * yi[j];
        l_value_[end * m + j] = lki[j];
      }
      l_index_[end] = k;
      ++filled_[i];
    }
    for (size_t j = 0; j < m; ++j) {
      if (d[j] == 0) throw NumericError("log-determinant: the sparse LDL' factorization of I - rho W failed (a zero pivot)");
      pivots_[k * m + j] = d[j];
    }
  }
  // ln|det A| = sum_k ln|D_kk|, summed as Eigen sums a vector (the same rounding as before).
  Eigen::VectorXd dj(n);
  for (size_t j = 0; j < m; ++j) {
    for (int k = 0; k < n; ++k) dj[k] = pivots_[k * m + j];
    log_dets[j] = dj.array().abs().log().sum();
  }
}

std::vector<double> SimultaneousLdlt::log_abs_dets(const Eigen::Ref<const Values>& values) const {
  if (values.rows() != pattern_.nonZeros()) throw NumericError("simultaneous LDL': the values do not match the pattern");
  const long count = values.cols();
  std::vector<double> out(static_cast<size_t>(count));
  Values group;
  for (long first = 0; first < count; first += kWidest) {
    const int m = static_cast<int>(std::min<long>(kWidest, count - first));
    // The group's columns side by side: `values` itself when it is one contiguous group.
    const bool whole = count <= kWidest && values.outerStride() == count;
    const double* v = whole ? values.data() : (group = values.middleCols(first, m)).data();
    double* result = out.data() + first;
    switch (m) {
      case 1: factorize<1>(v, result); break;
      case 2: factorize<2>(v, result); break;
      case 3: factorize<3>(v, result); break;
      case 4: factorize<4>(v, result); break;
      case 5: factorize<5>(v, result); break;
      case 6: factorize<6>(v, result); break;
      case 7: factorize<7>(v, result); break;
      default: factorize<8>(v, result); break;
    }
  }
  return out;
}

}  // namespace cbec
