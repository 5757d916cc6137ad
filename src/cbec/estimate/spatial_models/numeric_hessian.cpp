#include "cbec/estimate/spatial_models/numeric_hessian.hpp"

#include <Eigen/LU>

#include <cmath>
#include <limits>
#include <vector>

namespace cbec {

Eigen::MatrixXd numeric_hessian(const std::function<double(const Eigen::VectorXd&)>& f, const Eigen::VectorXd& p) {
  const long k = p.size();
  const double rel = std::cbrt(std::numeric_limits<double>::epsilon());
  const Eigen::VectorXd h = p.cwiseAbs() * rel;
  // The design points in units of h, in fdHess's order: 0, +e_i, -e_i, then e_i + e_j for i < j;
  // the fitted coefficients 1, x_i, x_i^2, x_i x_j and their scales 1, h_i, h_i^2, h_i h_j.
  std::vector<Eigen::VectorXd> pts{Eigen::VectorXd::Zero(k)};
  for (long i = 0; i < k; ++i) pts.push_back(Eigen::VectorXd::Unit(k, i));
  for (long i = 0; i < k; ++i) pts.push_back(-Eigen::VectorXd::Unit(k, i));
  for (long i = 0; i < k; ++i)
    for (long j = i + 1; j < k; ++j) pts.push_back(Eigen::VectorXd::Unit(k, i) + Eigen::VectorXd::Unit(k, j));
  std::vector<double> frac{1};
  for (long i = 0; i < k; ++i) frac.push_back(h[i]);
  for (long i = 0; i < k; ++i) frac.push_back(h[i] * h[i]);
  for (long i = 0; i < k; ++i)
    for (long j = i + 1; j < k; ++j) frac.push_back(h[i] * h[j]);
  const long m = static_cast<long>(pts.size());
  Eigen::MatrixXd design(m, m);
  Eigen::VectorXd values(m);
  for (long r = 0; r < m; ++r) {
    const Eigen::VectorXd& x = pts[static_cast<size_t>(r)];
    long c = 0;
    design(r, c++) = 1;
    for (long i = 0; i < k; ++i) design(r, c++) = x[i];
    for (long i = 0; i < k; ++i) design(r, c++) = x[i] * x[i];
    for (long i = 0; i < k; ++i)
      for (long j = i + 1; j < k; ++j) design(r, c++) = x[i] * x[j];
    values[r] = f(p + h.cwiseProduct(x));
  }
  Eigen::VectorXd coef = design.fullPivLu().solve(values);
  for (long r = 0; r < m; ++r) coef[r] /= frac[static_cast<size_t>(r)];
  Eigen::MatrixXd hess(k, k);
  long c = 1 + 2 * k;
  for (long i = 0; i < k; ++i) hess(i, i) = 2 * coef[1 + k + i];
  for (long i = 0; i < k; ++i)
    for (long j = i + 1; j < k; ++j) hess(i, j) = hess(j, i) = coef[c++];
  return hess;
}

}  // namespace cbec
