#include "cbec/estimate/ts/panel_unitroot_tables.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Linear interpolation of v over the grid `at` (nearest end outside it).
double interpolate(const std::vector<double>& at, const std::vector<double>& v, double x) {
  if (x <= at.front()) return v.front();
  if (x >= at.back()) return v.back();
  const size_t hi = static_cast<size_t>(std::upper_bound(at.begin(), at.end(), x) - at.begin());
  if (at[hi - 1] == x) return v[hi - 1];
  return v[hi - 1] + (x - at[hi - 1]) / (at[hi] - at[hi - 1]) * (v[hi] - v[hi - 1]);
}

// LLC (2002) Table 2
const std::vector<double> llc_T = {25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100, 250, 500};
const std::vector<double> llc_mu_none = {0.004, 0.003, 0.002, 0.002, 0.001, 0.001, 0.001, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000};
const std::vector<double> llc_sd_none = {1.049, 1.035, 1.027, 1.021, 1.017, 1.014, 1.011, 1.008, 1.007, 1.006, 1.005, 1.001, 1.000};
const std::vector<double> llc_mu_const = {-0.554, -0.546, -0.541, -0.537, -0.533, -0.531, -0.527, -0.524, -0.521, -0.520, -0.518, -0.509, -0.500};
const std::vector<double> llc_sd_const = {0.919, 0.889, 0.867, 0.850, 0.837, 0.826, 0.810, 0.798, 0.789, 0.782, 0.776, 0.742, 0.707};
const std::vector<double> llc_mu_trend = {-0.703, -0.674, -0.653, -0.637, -0.624, -0.614, -0.598, -0.587, -0.578, -0.571, -0.566, -0.533, -0.500};
const std::vector<double> llc_sd_trend = {1.003, 0.949, 0.906, 0.871, 0.842, 0.818, 0.780, 0.751, 0.728, 0.710, 0.695, 0.603, 0.500};

// IPS (2003) Table 3, rows p = 0..8, columns T
const std::vector<double> ips_T = {10, 15, 20, 25, 30, 40, 50, 60, 70, 100};
using Grid = std::array<std::vector<double>, 9>;
const Grid ips_mean_const = {{
    {-1.504, -1.514, -1.522, -1.520, -1.526, -1.523, -1.527, -1.519, -1.524, -1.532},
    {-1.488, -1.503, -1.516, -1.514, -1.519, -1.520, -1.524, -1.519, -1.522, -1.530},
    {-1.319, -1.387, -1.428, -1.443, -1.460, -1.476, -1.493, -1.490, -1.498, -1.514},
    {-1.306, -1.366, -1.413, -1.433, -1.453, -1.471, -1.489, -1.486, -1.495, -1.512},
    {-1.171, -1.260, -1.329, -1.363, -1.394, -1.428, -1.454, -1.458, -1.470, -1.495},
    {nan, nan, -1.313, -1.351, -1.384, -1.421, -1.451, -1.454, -1.467, -1.494},
    {nan, nan, nan, -1.289, -1.331, -1.380, -1.418, -1.427, -1.444, -1.476},
    {nan, nan, nan, -1.273, -1.319, -1.371, -1.411, -1.423, -1.441, -1.474},
    {nan, nan, nan, -1.212, -1.266, -1.329, -1.377, -1.393, -1.415, -1.456}}};
const Grid ips_var_const = {{
    {1.069, 0.923, 0.851, 0.809, 0.789, 0.770, 0.760, 0.749, 0.736, 0.735},
    {1.255, 1.011, 0.915, 0.861, 0.831, 0.803, 0.781, 0.770, 0.753, 0.745},
    {1.421, 1.078, 0.969, 0.905, 0.865, 0.830, 0.798, 0.789, 0.766, 0.754},
    {1.759, 1.181, 1.037, 0.952, 0.907, 0.858, 0.819, 0.802, 0.782, 0.761},
    {2.080, 1.279, 1.097, 1.005, 0.946, 0.886, 0.842, 0.819, 0.801, 0.771},
    {nan, nan, 1.171, 1.055, 0.980, 0.912, 0.863, 0.839, 0.814, 0.781},
    {nan, nan, nan, 1.114, 1.023, 0.942, 0.886, 0.858, 0.834, 0.795},
    {nan, nan, nan, 1.164, 1.062, 0.968, 0.910, 0.875, 0.851, 0.806},
    {nan, nan, nan, 1.217, 1.105, 0.996, 0.929, 0.896, 0.871, 0.818}}};
const Grid ips_mean_trend = {{
    {-2.166, -2.167, -2.168, -2.167, -2.172, -2.173, -2.176, -2.174, -2.174, -2.177},
    {-2.173, -2.169, -2.172, -2.172, -2.173, -2.177, -2.180, -2.178, -2.176, -2.179},
    {-1.914, -1.999, -2.047, -2.074, -2.095, -2.120, -2.137, -2.143, -2.146, -2.158},
    {-1.922, -1.977, -2.032, -2.065, -2.091, -2.117, -2.137, -2.142, -2.146, -2.158},
    {-1.750, -1.823, -1.911, -1.968, -2.009, -2.057, -2.091, -2.103, -2.114, -2.135},
    {nan, nan, -1.888, -1.955, -1.998, -2.051, -2.087, -2.101, -2.111, -2.135},
    {nan, nan, nan, -1.868, -1.923, -1.995, -2.042, -2.065, -2.081, -2.113},
    {nan, nan, nan, -1.851, -1.912, -1.986, -2.036, -2.063, -2.079, -2.112},
    {nan, nan, nan, -1.761, -1.835, -1.925, -1.987, -2.024, -2.046, -2.088}}};
const Grid ips_var_trend = {{
    {1.132, 0.869, 0.763, 0.713, 0.690, 0.655, 0.633, 0.621, 0.610, 0.597},
    {1.453, 0.975, 0.845, 0.769, 0.734, 0.687, 0.654, 0.641, 0.627, 0.605},
    {1.627, 1.036, 0.882, 0.796, 0.756, 0.702, 0.661, 0.653, 0.634, 0.613},
    {2.482, 1.214, 0.983, 0.861, 0.808, 0.735, 0.688, 0.674, 0.650, 0.625},
    {3.947, 1.332, 1.052, 0.913, 0.845, 0.759, 0.705, 0.685, 0.662, 0.629},
    {nan, nan, 1.165, 0.991, 0.899, 0.792, 0.730, 0.705, 0.673, 0.638},
    {nan, nan, nan, 1.055, 0.945, 0.828, 0.753, 0.725, 0.689, 0.650},
    {nan, nan, nan, 1.145, 1.009, 0.872, 0.786, 0.747, 0.713, 0.661},
    {nan, nan, nan, 1.208, 1.063, 0.902, 0.808, 0.766, 0.728, 0.670}}};

// IPS (2003) Table 1 (constant, no lags)
const std::vector<double> z_T = {6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 100, 500, 1000, 2000};
const std::vector<double> z_mean = {-1.520, -1.514, -1.501, -1.501, -1.504, -1.514, -1.522, -1.520, -1.526, -1.523, -1.527, -1.532, -1.531, -1.529, -1.533};
const std::vector<double> z_var = {1.745, 1.414, 1.228, 1.132, 1.069, 0.923, 0.851, 0.809, 0.789, 0.770, 0.760, 0.735, 0.715, 0.707, 0.706};

}  // namespace

Moments llc_adjustment(double T, Deterministic d) {
  switch (d) {
    case Deterministic::None: return {interpolate(llc_T, llc_mu_none, T), interpolate(llc_T, llc_sd_none, T)};
    case Deterministic::Constant: return {interpolate(llc_T, llc_mu_const, T), interpolate(llc_T, llc_sd_const, T)};
    case Deterministic::Trend: return {interpolate(llc_T, llc_mu_trend, T), interpolate(llc_T, llc_sd_trend, T)};
  }
  return {};
}

Moments ips_wtbar_moments(double T, int p, Deterministic d) {
  if (d == Deterministic::None) throw SpecError("the Im-Pesaran-Shin test needs a constant or a trend");
  const auto row = static_cast<size_t>(std::clamp(p, 0, 8));
  const Grid& m = d == Deterministic::Constant ? ips_mean_const : ips_mean_trend;
  const Grid& v = d == Deterministic::Constant ? ips_var_const : ips_var_trend;
  return {interpolate(ips_T, m[row], T), interpolate(ips_T, v[row], T)};
}

Moments ips_ztbar_moments(double T) { return {interpolate(z_T, z_mean, T), interpolate(z_T, z_var, T)}; }

}  // namespace cbec
