// Kelejian-Prucha (1999) moments for lambda: see gm_lambda.hpp.
#include "cbec/estimate/spatial_models/gm_lambda.hpp"

#include <boost/math/tools/minima.hpp>

#include <algorithm>
#include <limits>

namespace cbec {

double gm_lambda(const Eigen::VectorXd& u, const Eigen::SparseMatrix<double, Eigen::RowMajor>& w) {
  const double nn = static_cast<double>(u.size());
  // The moments (KP 1999, eq. 7-9): G (lambda, lambda^2, sigma^2)' = g with u~ = Wu, u= = WWu.
  const Eigen::VectorXd wu = w * u, wwu = w * wu;
  Eigen::Matrix3d G;
  G.col(0) << 2 * u.dot(wu), 2 * wwu.dot(wu), u.dot(wwu) + wu.dot(wu);
  G.col(1) << -wu.dot(wu), -wwu.dot(wwu), -wwu.dot(wu);
  G.col(0) /= nn;
  G.col(1) /= nn;
  G.col(2) << 1, w.squaredNorm() / nn, 0;
  const Eigen::Vector3d g = Eigen::Vector3d(u.dot(u), wu.dot(wu), u.dot(wu)) / nn;
  // For a given lambda the criterion is quadratic in sigma^2: concentrate it out, then minimise in
  // lambda on (-1, 1), widened until the minimum is interior. The concentrated criterion, a quartic
  // in lambda, can have two local minima: the best of a grid first, then Brent's method between
  // that point's neighbours (the global minimum, where Brent over the whole interval may stop at
  // the other one).
  const auto residual = [&](double l) {
    const Eigen::Vector3d a = G.col(0) * l + G.col(1) * l * l - g;
    const double s2 = -G.col(2).dot(a) / G.col(2).squaredNorm();
    return (a + G.col(2) * s2).squaredNorm();
  };
  constexpr int kGrid = 200;
  double lo = -1, hi = 1, lambda = 0;
  for (int widen = 0; widen < 4; ++widen) {
    const double step = (hi - lo) / kGrid;
    int best = 0;
    double best_value = residual(lo);
    for (int i = 1; i <= kGrid; ++i)
      if (const double v = residual(lo + i * step); v < best_value) {
        best = i;
        best_value = v;
      }
    const double a = lo + std::max(0, best - 1) * step, b = lo + std::min(kGrid, best + 1) * step;
    lambda = boost::math::tools::brent_find_minima(residual, a, b, std::numeric_limits<double>::digits / 2).first;
    if (lambda > lo + 1e-6 * (hi - lo) && lambda < hi - 1e-6 * (hi - lo)) break;
    lo *= 2;
    hi *= 2;
  }
  return lambda;
}

}  // namespace cbec
