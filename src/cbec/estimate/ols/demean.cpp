#include "cbec/estimate/ols/demean.hpp"

#include <algorithm>
#include <cmath>

namespace cbec {

Demeaner::Demeaner(const std::vector<Factor>& fes, const Eigen::VectorXd& weights, double tol, size_t max_iter)
    : fes_(fes), w_(weights), tol_(tol), max_iter_(max_iter), n_(fes.empty() ? 0 : fes[0].codes.size()) {
  for (const auto& f : fes_) {
    std::vector<double> s(f.n_levels, 0.0);
    for (size_t i = 0; i < n_; ++i) s[f.codes[i]] += w_.size() ? w_[static_cast<long>(i)] : 1.0;
    wsum_.push_back(std::move(s));
  }
}

size_t Demeaner::demean_column(double* v) const {
  const size_t Q = fes_.size();
  const bool weighted = w_.size() > 0;
  auto wt = [&](size_t i) { return weighted ? w_[static_cast<long>(i)] : 1.0; };
  // Weighted group means of v for each dimension.
  std::vector<std::vector<double>> vbar(Q);
  for (size_t q = 0; q < Q; ++q) {
    vbar[q].assign(fes_[q].n_levels, 0.0);
    const int32_t* c = fes_[q].codes.data();
    for (size_t i = 0; i < n_; ++i) vbar[q][c[i]] += wt(i) * v[i];
    for (size_t g = 0; g < vbar[q].size(); ++g) vbar[q][g] /= wsum_[q][g];
  }
  if (Q == 1) {
    const int32_t* c = fes_[0].codes.data();
    for (size_t i = 0; i < n_; ++i) v[i] -= vbar[0][c[i]];
    return 1;
  }
  // Coefficients of all dimensions, stacked.
  std::vector<size_t> offset(Q + 1, 0);
  for (size_t q = 0; q < Q; ++q) offset[q + 1] = offset[q] + fes_[q].n_levels;
  const size_t m = offset[Q];
  std::vector<double> acc;
  // One Gauss-Seidel sweep: alpha_q = vbar_q - mean_q(sum_{r != q} alpha_r).
  auto sweep = [&](const std::vector<double>& in, std::vector<double>& out) {
    out = in;
    for (size_t q = 0; q < Q; ++q) {
      acc.assign(fes_[q].n_levels, 0.0);
      const int32_t* cq = fes_[q].codes.data();
      for (size_t i = 0; i < n_; ++i) {
        double s = 0;
        for (size_t r = 0; r < Q; ++r)
          if (r != q) s += out[offset[r] + fes_[r].codes[i]];
        acc[cq[i]] += wt(i) * s;
      }
      for (size_t g = 0; g < acc.size(); ++g) out[offset[q] + g] = vbar[q][g] - acc[g] / wsum_[q][g];
    }
  };
  auto converged = [&](const std::vector<double>& a, const std::vector<double>& b) {
    for (size_t k = 0; k < m; ++k)
      if (std::fabs(a[k] - b[k]) > tol_ * (0.1 + std::fabs(a[k]))) return false;
    return true;
  };
  std::vector<double> X(m, 0.0), GX, GGX;
  size_t iter = 0;
  while (iter < max_iter_) {
    sweep(X, GX);
    ++iter;
    if (converged(X, GX)) { X.swap(GX); break; }
    sweep(GX, GGX);
    ++iter;
    if (converged(GX, GGX)) { X.swap(GGX); break; }
    // Irons-Tuck: X <- GGX - (dGX . d2X / d2X . d2X) dGX, dGX = GGX - GX, d2X = dGX - (GX - X).
    double num = 0, den = 0;
    for (size_t k = 0; k < m; ++k) {
      double dgx = GGX[k] - GX[k], d2 = dgx - (GX[k] - X[k]);
      num += dgx * d2;
      den += d2 * d2;
    }
    const double c = den > 0 ? num / den : 0.0;
    for (size_t k = 0; k < m; ++k) X[k] = GGX[k] - c * (GGX[k] - GX[k]);
  }
  for (size_t i = 0; i < n_; ++i) {
    double s = 0;
    for (size_t q = 0; q < Q; ++q) s += X[offset[q] + fes_[q].codes[i]];
    v[i] -= s;
  }
  return iter;
}

DemeanStats Demeaner::demean(Eigen::MatrixXd& m) const {
  DemeanStats stats;
  if (fes_.empty()) return stats;
  const long k = m.cols();
  std::vector<size_t> iters(static_cast<size_t>(k), 0);
#pragma omp parallel for schedule(dynamic, 1)
  for (long j = 0; j < k; ++j) iters[static_cast<size_t>(j)] = demean_column(m.col(j).data());
  for (size_t it : iters) stats.max_iterations = std::max(stats.max_iterations, it);
  stats.converged = stats.max_iterations < max_iter_;
  return stats;
}

DemeanStats Demeaner::demean(Eigen::VectorXd& v) const {
  DemeanStats stats;
  if (fes_.empty()) return stats;
  stats.max_iterations = demean_column(v.data());
  stats.converged = stats.max_iterations < max_iter_;
  return stats;
}

}  // namespace cbec
