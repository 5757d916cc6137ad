#include "cbec/estimate/spatial_models/numeric_hessian.hpp"

#include <algorithm>
#include <cmath>

namespace cbec {

Eigen::MatrixXd numeric_hessian(const std::function<double(const Eigen::VectorXd&)>& f, const Eigen::VectorXd& p) {
  const long k = p.size();
  Eigen::VectorXd h(k);
  for (long i = 0; i < k; ++i) h[i] = 1e-4 * std::max(std::fabs(p[i]), 1.0);
  auto at = [&](long i, double si, long j, double sj) {
    Eigen::VectorXd x = p;
    x[i] += si * h[i];
    x[j] += sj * h[j];
    return f(x);
  };
  const double f0 = f(p);
  Eigen::MatrixXd hess(k, k);
  for (long i = 0; i < k; ++i) {
    Eigen::VectorXd up = p, down = p;
    up[i] += h[i];
    down[i] -= h[i];
    hess(i, i) = (f(up) - 2 * f0 + f(down)) / (h[i] * h[i]);
    for (long j = 0; j < i; ++j)
      hess(i, j) = hess(j, i) = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h[i] * h[j]);
  }
  return hess;
}

}  // namespace cbec
