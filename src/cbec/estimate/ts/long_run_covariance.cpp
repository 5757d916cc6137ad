#include "cbec/estimate/ts/long_run_covariance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "cbec/core/error.hpp"

namespace cbec {

LongRunSpec parse_long_run_spec(const std::string& kernel, const std::string& bw) {
  LongRunSpec s;
  s.kernel = parse_kernel(kernel);
  if (bw == "andrews") s.rule = BandwidthRule::Andrews;
  else if (bw == "nw") s.rule = BandwidthRule::NeweyWest;
  else {
    char* end = nullptr;
    const double b = std::strtod(bw.c_str(), &end);
    if (bw.empty() || *end != '\0' || !(b > 0)) throw SpecError(fmt::format("bandwidth '{}' is neither andrews, nw nor a positive number", bw));
    s.rule = BandwidthRule::Fixed;
    s.bandwidth = b;
  }
  return s;
}

std::string describe(const LongRunSpec& s) {
  const std::string b = s.rule == BandwidthRule::Andrews ? "andrews" : s.rule == BandwidthRule::NeweyWest ? "nw" : fmt::format("{:g}", s.bandwidth);
  const char* k = s.kernel == Kernel::Bartlett ? "bartlett" : s.kernel == Kernel::Parzen ? "parzen" : "qs";
  return std::string(k) + " kernel, bandwidth " + b;
}

double system_andrews_bandwidth(const Eigen::MatrixXd& u, Kernel k) {
  const long n = u.rows();
  if (n < 3) throw NumericError("a long-run variance needs at least three observations");
  double num1 = 0, num2 = 0, den = 0;
  for (long c = 0; c < u.cols(); ++c) {
    // AR(1) by OLS with an intercept on the demeaned column (R's ar.ols), sigma^2 = rss / (n - 1).
    const Eigen::VectorXd x = u.col(c).array() - u.col(c).mean();
    const Eigen::VectorXd lag = x.head(n - 1), cur = x.tail(n - 1);
    const Eigen::VectorXd lc = lag.array() - lag.mean(), cc = cur.array() - cur.mean();
    const double rho = lc.dot(cc) / lc.squaredNorm();
    const double s2 = (cc - rho * lc).squaredNorm() / static_cast<double>(n - 1);
    num1 += 4 * rho * rho * s2 * s2 / (std::pow(1 - rho, 6) * std::pow(1 + rho, 2));
    num2 += 4 * rho * rho * s2 * s2 / std::pow(1 - rho, 8);
    den += s2 * s2 / std::pow(1 - rho, 4);
  }
  const double nn = static_cast<double>(n);
  switch (k) {
    case Kernel::Bartlett: return 1.1447 * std::pow(nn * num1 / den, 1.0 / 3);
    case Kernel::Parzen: return 2.6614 * std::pow(nn * num2 / den, 0.2);
    case Kernel::QuadraticSpectral: return 1.3221 * std::pow(nn * num2 / den, 0.2);
  }
  return 0;
}

double system_newey_west_bandwidth(const Eigen::MatrixXd& u, Kernel k) {
  const long n = u.rows();
  const double nn = static_cast<double>(n);
  const double rate = k == Kernel::Bartlett ? 2.0 / 9 : k == Kernel::Parzen ? 4.0 / 25 : 2.0 / 25;
  const long m = std::min(n - 1, static_cast<long>(std::floor(4 * std::pow(nn / 100, rate))));
  const Eigen::VectorXd h = u.rowwise().sum();
  double s0 = h.squaredNorm() / nn, s1 = 0, s2 = 0;
  for (long j = 1; j <= m; ++j) {
    const double sj = h.head(n - j).dot(h.tail(n - j)) / nn;
    s0 += 2 * sj;
    s1 += 2 * static_cast<double>(j) * sj;
    s2 += 2 * static_cast<double>(j * j) * sj;
  }
  if (k == Kernel::Bartlett) return 1.1447 * std::pow(std::pow(s1 / s0, 2) * nn, 1.0 / 3);
  const double c = k == Kernel::Parzen ? 2.6614 : 1.3221;
  return c * std::pow(std::pow(s2 / s0, 2) * nn, 0.2);
}

double bandwidth(const Eigen::MatrixXd& u, const LongRunSpec& s) {
  switch (s.rule) {
    case BandwidthRule::Andrews: return system_andrews_bandwidth(u, s.kernel);
    case BandwidthRule::NeweyWest: return system_newey_west_bandwidth(u, s.kernel);
    case BandwidthRule::Fixed: return s.bandwidth;
  }
  return 0;
}

LongRunCovariance long_run_covariance(const Eigen::MatrixXd& u, Kernel k, double b) {
  const long n = u.rows();
  const double nn = static_cast<double>(n);
  LongRunCovariance r;
  r.bandwidth = b;
  r.sigma = u.transpose() * u / nn;
  r.delta = r.sigma;
  // sandwich's kernHAC keeps the weights up to the last one above 1e-7 in absolute value.
  long last = 0;
  for (long j = 1; j < n; ++j)
    if (std::abs(kernel_weight(k, static_cast<double>(j) / b)) > 1e-7) last = j;
  for (long j = 1; j <= last; ++j) {
    const double w = kernel_weight(k, static_cast<double>(j) / b);
    if (w == 0) continue;
    r.delta += w * (u.topRows(n - j).transpose() * u.bottomRows(n - j)) / nn;
  }
  r.omega = r.delta + r.delta.transpose() - r.sigma;
  return r;
}

LongRunCovariance long_run_covariance(const Eigen::MatrixXd& u, const LongRunSpec& s) {
  return long_run_covariance(u, s.kernel, bandwidth(u, s));
}

}  // namespace cbec
