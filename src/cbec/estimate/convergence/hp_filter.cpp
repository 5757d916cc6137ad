#include "cbec/estimate/convergence/hp_filter.hpp"

#include <Eigen/Cholesky>
#include <fmt/format.h>

#include "cbec/core/error.hpp"

namespace cbec {

Eigen::VectorXd hp_trend(const Eigen::VectorXd& y, double lambda) {
  const long T = y.size();
  if (T < 3) throw DataError(fmt::format("the Hodrick-Prescott filter needs at least 3 periods, got {}", T));
  if (!(lambda > 0)) throw SpecError(fmt::format("the Hodrick-Prescott lambda must be positive, got {}", lambda));
  // D'D is pentadiagonal: row t holds the coefficients of the second differences containing t.
  Eigen::MatrixXd A = Eigen::MatrixXd::Identity(T, T);
  for (long t = 0; t + 2 < T; ++t) {
    const double d[3] = {1.0, -2.0, 1.0};
    for (int a = 0; a < 3; ++a)
      for (int b = 0; b < 3; ++b) A(t + a, t + b) += lambda * d[a] * d[b];
  }
  return A.llt().solve(y);
}

}  // namespace cbec
