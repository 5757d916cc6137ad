#include "response_surface.hpp"

#include <Eigen/Dense>

#include <cmath>

namespace cbec::df_tau {

SurfaceFit fit_surface(const std::vector<int>& sizes, const std::vector<double>& mean, const std::vector<double>& variance, int terms) {
  const auto n = static_cast<long>(sizes.size());
  Eigen::MatrixXd X(n, terms);
  Eigen::VectorXd y(n);
  for (long i = 0; i < n; ++i) {
    const auto s = static_cast<size_t>(i);
    const double w = 1 / std::sqrt(variance[s]), inv = 1.0 / sizes[s];
    double power = 1;
    for (int k = 0; k < terms; ++k, power *= inv) X(i, k) = w * power;
    y[i] = w * mean[s];
  }
  // columns scaled to unit length first: 1/T^3 is ~1e-10 at T = 2000
  const Eigen::VectorXd scale = X.colwise().norm().cwiseInverse().transpose();
  const Eigen::MatrixXd A = X * scale.asDiagonal();
  const Eigen::HouseholderQR<Eigen::MatrixXd> qr(A);
  const Eigen::VectorXd g = qr.solve(y);
  const Eigen::MatrixXd R = qr.matrixQR().topRows(terms).triangularView<Eigen::Upper>();
  const Eigen::MatrixXd r_inv = R.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(terms, terms));
  const Eigen::MatrixXd cov = scale.asDiagonal() * (r_inv * r_inv.transpose()) * scale.asDiagonal();   // (X'WX)^-1
  SurfaceFit f;
  for (int k = 0; k < terms; ++k) f.b[static_cast<size_t>(k)] = g[k] * scale[k];
  f.se_inf = std::sqrt(cov(0, 0));
  f.t_last = f.b[static_cast<size_t>(terms - 1)] / std::sqrt(cov(terms - 1, terms - 1));
  f.chi2 = (y - A * g).squaredNorm();
  f.df = static_cast<int>(n) - terms;
  return f;
}

}  // namespace cbec::df_tau
