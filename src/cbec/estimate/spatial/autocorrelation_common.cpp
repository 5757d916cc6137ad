#include "cbec/estimate/spatial/autocorrelation_common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cbec/core/error.hpp"

namespace cbec::detail {

WeightSums weight_sums(const SpatialWeights& w) {
  WeightSums s;
  const long n = static_cast<long>(w.n());
  Eigen::SparseMatrix<double, Eigen::RowMajor> Wt = w.W.transpose();
  Eigen::SparseMatrix<double, Eigen::RowMajor> sym = w.W + Wt;
  s.S0 = w.W.sum();
  s.S1 = 0.5 * sym.cwiseProduct(sym).sum();
  Eigen::VectorXd row = w.W * Eigen::VectorXd::Ones(n), col = Wt * Eigen::VectorXd::Ones(n);
  s.S2 = (row + col).squaredNorm();
  return s;
}

std::vector<double> spatial_lag(const SpatialWeights& w, const std::vector<double>& v) {
  Eigen::Map<const Eigen::VectorXd> vv(v.data(), static_cast<long>(v.size()));
  Eigen::VectorXd lag = w.W * vv;
  return {lag.data(), lag.data() + lag.size()};
}

void check_units(const std::vector<double>& x, const SpatialWeights& w) {
  if (x.size() != w.n()) throw DataError(fmt::format("{} values for {} units of the weights", x.size(), w.n()));
  if (w.n() < 4) throw DataError(fmt::format("spatial statistics need at least 4 units; the weights have {}", w.n()));
  bool any = false;
  for (long k = 0; k < w.W.nonZeros() && !any; ++k) any = w.W.valuePtr()[k] != 0;
  if (!any) throw DataError("the weights have no nonzero weight (every unit is an island): spatial statistics are undefined; check the weights");
}

int power_of_two_scale(double largest, const char* what) {
  if (!std::isfinite(largest)) throw DataError(fmt::format("{}: the values span more than double precision holds; rescale the variable", what));
  if (largest == 0) throw DataError(fmt::format("the variable is constant: {} are undefined", what));
  int e = 0;
  std::frexp(largest, &e);
  return e;
}

std::vector<double> scaled_by_power_of_two(const std::vector<double>& values, const char* what) {
  double top = 0;
  for (double v : values) top = std::max(top, std::fabs(v));
  const int e = power_of_two_scale(top, what);
  std::vector<double> x(values.size());
  for (size_t i = 0; i < x.size(); ++i) x[i] = std::ldexp(values[i], -e);
  return x;
}

Centered center(const std::vector<double>& x) {
  Centered c;
  const double n = static_cast<double>(x.size());
  // The mean as R's mean() (summary.c): a long double sum over n, then the mean deviation from it
  // added, so that a value equal to the mean deviates from it by exactly 0 (a LISA of 0, not noise).
  long double sum = 0;
  for (double v : x) {
    if (!std::isfinite(v)) throw DataError("spatial statistics need a value for every unit; fill or drop missing values first");
    sum += v;
  }
  long double mean_ld = sum / n, deviation = 0;
  for (double v : x) deviation += v - mean_ld;
  mean_ld += deviation / n;
  const double mean = static_cast<double>(mean_ld);
  c.z.resize(x.size());
  double top = 0;
  for (size_t i = 0; i < x.size(); ++i) top = std::max(top, std::fabs(c.z[i] = x[i] - mean));
  // The deviations scaled by a power of two that brings the largest into [0.5, 1): exact, so the
  // statistics (ratios of sums of products of z, invariant to its scale) are the same bits, and
  // their squares and fourth powers never overflow or vanish (values of 1e160 or 1e-100).
  const int e = power_of_two_scale(top, "spatial statistics");
  const double scaled_mean = std::ldexp(mean, -e);
  for (double& z : c.z) {
    z = std::ldexp(z, -e);
    c.m2 += z * z / n;
    c.m4 += std::pow(z, 4) / n;
  }
  if (!(c.m2 > 1e-20 * std::max(1.0, scaled_mean * scaled_mean))) throw DataError("the variable is constant: spatial autocorrelation is undefined");
  return c;
}

}  // namespace cbec::detail
