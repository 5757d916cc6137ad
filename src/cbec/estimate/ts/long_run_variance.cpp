#include "cbec/estimate/ts/long_run_variance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "cbec/core/error.hpp"

namespace cbec {

Kernel parse_kernel(const std::string& name) {
  if (name == "bartlett") return Kernel::Bartlett;
  if (name == "parzen") return Kernel::Parzen;
  if (name == "qs") return Kernel::QuadraticSpectral;
  throw SpecError(fmt::format("kernel '{}': use bartlett, parzen or qs", name));
}

double kernel_weight(Kernel k, double x) {
  const double a = std::abs(x);
  switch (k) {
    case Kernel::Bartlett: return a <= 1 ? 1 - a : 0;
    case Kernel::Parzen: return a <= 0.5 ? 1 - 6 * a * a + 6 * a * a * a : a <= 1 ? 2 * std::pow(1 - a, 3) : 0;
    case Kernel::QuadraticSpectral: {
      if (a == 0) return 1;
      const double z = 6 * std::numbers::pi * a / 5;
      return 25 / (12 * std::numbers::pi * std::numbers::pi * a * a) * (std::sin(z) / z - std::cos(z));
    }
  }
  return 0;
}

double long_run_variance(const Eigen::VectorXd& u, Kernel k, double bandwidth) {
  const long n = u.size();
  double omega = u.squaredNorm() / static_cast<double>(n);
  for (long j = 1; j < n; ++j) {
    const double w = kernel_weight(k, static_cast<double>(j) / bandwidth);
    if (w == 0 && k != Kernel::QuadraticSpectral) break;
    omega += 2 * w * u.tail(n - j).dot(u.head(n - j)) / static_cast<double>(n);
  }
  return omega;
}

double newey_west_bandwidth(const Eigen::VectorXd& u, Kernel k) {
  const long n = u.size();
  const double rate = k == Kernel::Bartlett ? 2.0 / 9 : k == Kernel::Parzen ? 4.0 / 25 : 2.0 / 25;
  const long m = std::min(n - 1, static_cast<long>(std::floor(4 * std::pow(static_cast<double>(n) / 100, rate))));
  const double q = k == Kernel::Bartlett ? 1 : 2;
  double s0 = u.squaredNorm() / static_cast<double>(n), sq = 0;
  for (long j = 1; j <= m; ++j) {
    const double sigma = u.tail(n - j).dot(u.head(n - j)) / static_cast<double>(n);
    s0 += 2 * sigma;
    sq += 2 * std::pow(static_cast<double>(j), q) * sigma;
  }
  const double c = k == Kernel::Bartlett ? 1.1447 : k == Kernel::Parzen ? 2.6614 : 1.3221;
  return c * std::pow((sq / s0) * (sq / s0) * static_cast<double>(n), 1 / (2 * q + 1));
}

double andrews_bandwidth(const Eigen::VectorXd& u, Kernel k) {
  const long n = u.size();
  const Eigen::VectorXd x = u.head(n - 1), y = u.tail(n - 1);
  const Eigen::VectorXd dx = x.array() - x.mean(), dy = y.array() - y.mean();
  const double rho = dx.dot(dy) / dx.squaredNorm();
  const double nn = static_cast<double>(n);
  if (k == Kernel::Bartlett) return 1.1447 * std::pow(4 * rho * rho / (std::pow(1 - rho, 2) * std::pow(1 + rho, 2)) * nn, 1.0 / 3);
  const double alpha2 = 4 * rho * rho / std::pow(1 - rho, 4);
  return (k == Kernel::Parzen ? 2.6614 : 1.3221) * std::pow(alpha2 * nn, 0.2);
}

}  // namespace cbec
