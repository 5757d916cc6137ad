#include "cbec/estimate/spatial_models/spatial_traces.hpp"

#include <Eigen/LU>

#include <random>

#include "cbec/core/error.hpp"

namespace cbec {

SpatialInverse::SpatialInverse(const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, double rho) : w_(w), rho_(rho) {
  Eigen::SparseMatrix<double> a(w.rows(), w.cols());
  a.setIdentity();
  a -= rho * Eigen::SparseMatrix<double>(w);
  lu_.compute(a);
  if (lu_.info() != Eigen::Success) throw NumericError("I - rho W is singular at the estimate of rho");
}

Eigen::VectorXd SpatialInverse::g(const Eigen::VectorXd& v) const {
  const Eigen::VectorXd z = lu_.solve(v);
  return w_ * z;
}

SpatialTraces SpatialInverse::traces(unsigned long long seed) const {
  SpatialTraces t;
  const long n = w_.rows();
  if (n <= kExactTraceUnits) {
    const Eigen::MatrixXd dw = Eigen::MatrixXd(w_);
    const Eigen::MatrixXd a = Eigen::MatrixXd::Identity(n, n) - rho_ * dw;
    const Eigen::MatrixXd g = dw * a.partialPivLu().inverse();
    t.g = g.trace();
    t.gg = g.cwiseProduct(g.transpose()).sum();
    t.gtg = g.squaredNorm();
    return t;
  }
  // Hutchinson (1990): E[z'Mz] = tr(M) for z with independent +-1 entries.
  t.exact = false;
  std::mt19937_64 rng(seed);
  std::bernoulli_distribution coin(0.5);
  Eigen::VectorXd z(n);
  for (int d = 0; d < kTraceDraws; ++d) {
    for (long i = 0; i < n; ++i) z[i] = coin(rng) ? 1.0 : -1.0;
    const Eigen::VectorXd gz = g(z);
    t.g += z.dot(gz);
    t.gtg += gz.squaredNorm();
    t.gg += z.dot(g(gz));
  }
  t.g /= kTraceDraws;
  t.gg /= kTraceDraws;
  t.gtg /= kTraceDraws;
  return t;
}

}  // namespace cbec
