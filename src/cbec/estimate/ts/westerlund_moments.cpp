#include "cbec/estimate/ts/westerlund_moments.hpp"

#include <fmt/format.h>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {

// Per k = 1..6: mean and variance of Gt, Ga, Pt, Pa (tests/reference/ts/westerlund_moments.R).
constexpr double kConstant[6][8] = {
    {-1.7926, 0.8014, -7.2514, 29.8815, -1.4707, 0.9669, -4.3573, 19.9880},
    {-2.0540, 0.8588, -9.3138, 40.4769, -1.7305, 1.1245, -6.0078, 33.9566},
    {-2.2527, 0.8993, -11.1554, 50.0650, -1.9410, 1.1806, -7.6288, 46.7566},
    {-2.4811, 0.9195, -13.4018, 62.7527, -2.1804, 1.1682, -9.6196, 60.7730},
    {-2.6464, 0.9441, -15.2165, 70.2074, -2.3779, 1.1766, -11.5600, 70.6431},
    {-2.8129, 0.9566, -17.1969, 81.4853, -2.5544, 1.2257, -13.4155, 87.0080}};
constexpr double kTrend[6][8] = {
    {-2.3747, 0.6757, -12.1105, 46.7921, -2.1282, 0.7575, -9.0837, 36.8921},
    {-2.5433, 0.7278, -13.8742, 55.4790, -2.3011, 0.8467, -10.6801, 48.4077},
    {-2.7060, 0.8004, -15.7184, 67.1803, -2.4649, 0.9130, -12.3271, 59.9823},
    {-2.8968, 0.8221, -17.9273, 79.3313, -2.6631, 0.9413, -14.3823, 73.0440},
    {-3.0186, 0.8624, -19.5448, 88.9404, -2.7930, 0.9754, -15.9596, 82.3974},
    {-3.1963, 0.8621, -21.7789, 98.9363, -2.9792, 1.0031, -18.1107, 96.9268}};

}  // namespace

WesterlundMoments westerlund_moments(int k, bool trend) {
  if (k < 1 || k > 6)
    throw SpecError(fmt::format("Westerlund's tests are tabulated for 1 to 6 regressors; {} were given: drop regressors", k));
  const double* r = (trend ? kTrend : kConstant)[k - 1];
  WesterlundMoments m;
  for (size_t j = 0; j < 4; ++j) {
    m.mean[j] = r[2 * j];
    m.variance[j] = r[2 * j + 1];
  }
  return m;
}

}  // namespace cbec
