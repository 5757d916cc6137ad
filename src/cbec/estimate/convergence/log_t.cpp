#include "cbec/estimate/convergence/log_t.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "cbec/core/error.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

namespace {

// Quadratic-spectral long-run variance with Andrews' (1991, eq. 6.4) AR(1) bandwidth
// 1.3221 (alpha n)^(1/5), alpha = 4 rho^2 / (1 - rho)^4, in ConvergenceClubs' FQSB form (see header).
double qs_long_run_variance(const Eigen::VectorXd& u) {
  const long n = u.size(), n1 = n - 1;
  const double rho = u.head(n1).dot(u.tail(n1)) / u.head(n1).squaredNorm();
  const double alpha = 4 * rho * rho / std::pow(1 - rho, 4);
  const double bandwidth = 1.3221 * std::pow(alpha * static_cast<double>(n), 0.2);
  double lrv = u.squaredNorm() / static_cast<double>(n1);
  for (long lag = 1; lag < n1; ++lag) {
    const double z = 1.2 * std::numbers::pi * static_cast<double>(lag) / bandwidth;
    const double k = 3 / (z * z) * (std::sin(z) / z - std::cos(z));  // QS kernel (Andrews 1991, eq. 2.7)
    lrv += 2 * k * u.head(n1 - lag).dot(u.segment(lag, n1 - lag)) / static_cast<double>(n1);
  }
  return lrv;
}

}  // namespace

Eigen::VectorXd cross_sectional_variance(const Eigen::MatrixXd& X, const std::vector<size_t>& units) {
  const long T = X.cols();
  Eigen::MatrixXd G(static_cast<long>(units.size()), T);
  for (size_t k = 0; k < units.size(); ++k) G.row(static_cast<long>(k)) = X.row(static_cast<long>(units[k]));
  const Eigen::RowVectorXd mean = G.colwise().mean();
  for (long t = 0; t < T; ++t)
    if (mean[t] == 0) throw DataError(fmt::format("the cross-sectional mean is zero in period {}: relative transition paths h_it are undefined", t + 1));
  const Eigen::MatrixXd h = G.array().rowwise() / mean.array();
  return (h.array() - 1).square().colwise().mean().transpose();
}

LogTTest log_t_regression(const Eigen::VectorXd& H, double r) {
  const long T = H.size();
  if (!(r > 0 && r < 1)) throw SpecError(fmt::format("the log t trimming fraction r must be in (0, 1), got {}", r));
  const long first = static_cast<long>(std::nearbyint(static_cast<double>(T) * r));  // [rT]; periods first+1..T (1-based)
  const long n = T - first;
  if (n < 3) throw DataError(fmt::format("the log t regression keeps {} of {} periods after trimming r = {}; it needs at least 3", n, T, r));
  Eigen::VectorXd y(n), x(n);
  for (long k = 0; k < n; ++k) {
    const double t = static_cast<double>(first + 1 + k);
    x[k] = std::log(t);
    y[k] = std::log(H[0] / H[first + k]) - 2 * std::log(std::log(t));
  }
  const double mx = x.mean(), my = y.mean();
  const Eigen::VectorXd xc = (x.array() - mx).matrix();
  const double sxx = xc.squaredNorm();
  LogTTest out;
  out.nobs = static_cast<size_t>(n);
  out.coef = xc.dot(y) / sxx;
  out.intercept = my - out.coef * mx;
  const Eigen::VectorXd u = (y.array() - out.intercept - out.coef * x.array()).matrix();
  out.se = std::sqrt(qs_long_run_variance(u) / sxx);  // [(Z'Z)^{-1}]_bb = 1 / sum (log t - mean)^2
  out.stat = out.coef / out.se;
  out.p_value = p_normal_upper(-out.stat);  // Phi(t_b)
  return out;
}

LogTTest log_t_test(const Eigen::MatrixXd& X, const std::vector<size_t>& units, double r) {
  return log_t_regression(cross_sectional_variance(X, units), r);
}

}  // namespace cbec
