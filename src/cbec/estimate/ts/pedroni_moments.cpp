#include "cbec/estimate/ts/pedroni_moments.hpp"

#include <fmt/format.h>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {

// One row per k: mu and v of panel v, panel rho, panel t, group rho, group t (the ADF t statistics
// share the moments of the PP t statistics, Pedroni 1999 Table 2).
struct Row {
  double v_mu, v_var, rho_mu, rho_var, t_mu, t_var, grho_mu, grho_var, gt_mu, gt_var;
};

// Pedroni (1999, Table 2), k = 2..7 (k = 1 as in the header).
constexpr Row kConstant[7] = {
    {8.62, 60.75, -6.02, 31.27, -1.73, 0.93, -9.05, 35.98, -2.03, 0.66},
    {11.754, 104.546, -9.495, 57.61, -2.177, 0.964, -12.938, 51.49, -2.453, 0.618},
    {15.197, 151.094, -13.256, 81.772, -2.567, 0.923, -16.888, 67.123, -2.827, 0.585},
    {18.91, 190.661, -17.163, 99.331, -2.93, 0.843, -20.841, 81.835, -3.157, 0.56},
    {22.715, 231.864, -21.013, 119.546, -3.241, 0.8, -24.775, 98.278, -3.452, 0.553},
    {26.603, 270.451, -24.944, 134.341, -3.531, 0.75, -28.72, 113.131, -3.726, 0.542},
    {30.457, 293.431, -28.795, 144.615, -3.795, 0.685, -32.538, 126.059, -3.976, 0.525}};
// Pedroni (1999, Table 2), no intercepts or trends, k = 2..7 (k = 1: simulated, see the header).
constexpr Row kNone[7] = {
    {3.971, 29.608, -2.758, 25.860, -1.011, 1.588, -5.800, 25.744, -1.396, 0.772},   // simulated
    {6.982, 81.145, -6.388, 64.288, -1.662, 1.559, -9.889, 41.943, -1.992, 0.649},
    {10.402, 140.804, -10.191, 89.962, -2.156, 1.286, -13.865, 57.801, -2.44, 0.6},
    {14.254, 182.45, -14.136, 103.176, -2.571, 1.028, -17.834, 72.097, -2.819, 0.567},
    {18.198, 217.784, -18.042, 120.787, -2.926, 0.928, -21.805, 88.611, -3.151, 0.559},
    {22.169, 256.53, -21.985, 132.499, -3.244, 0.82, -25.75, 103.371, -3.45, 0.544},
    {26.12, 277.429, -25.889, 143.561, -3.533, 0.75, -29.627, 117.059, -3.723, 0.53}};
constexpr Row kTrend[7] = {
    {17.886, 118.986, -10.542, 43.794, -2.309, 0.694, -13.600, 50.324, -2.547, 0.585},   // simulated
    {21.162, 160.249, -14.011, 64.219, -2.648, 0.69, -17.359, 66.387, -2.872, 0.555},
    {24.556, 198.167, -17.6, 83.815, -2.967, 0.686, -21.116, 81.832, -3.179, 0.548},
    {28.046, 239.425, -21.287, 103.905, -3.262, 0.688, -24.93, 97.362, -3.464, 0.543},
    {31.738, 276.997, -25.13, 124.613, -3.545, 0.686, -28.849, 113.145, -3.737, 0.538},
    {35.537, 310.982, -28.981, 138.227, -3.806, 0.654, -32.716, 127.989, -3.986, 0.53},
    {39.231, 348.217, -32.756, 154.378, -4.047, 0.638, -36.494, 140.756, -4.217, 0.518}};

}  // namespace

PedroniMoments pedroni_moments(int k, Deterministic d) {
  if (k < 1 || k > 7)
    throw SpecError(fmt::format("Pedroni's tests are tabulated for 1 to 7 regressors; {} were given: drop regressors", k));
  const Row& r = (d == Deterministic::None ? kNone : d == Deterministic::Trend ? kTrend : kConstant)[k - 1];
  PedroniMoments m;
  m.mean = {r.v_mu, r.rho_mu, r.t_mu, r.t_mu, r.grho_mu, r.gt_mu, r.gt_mu};
  m.variance = {r.v_var, r.rho_var, r.t_var, r.t_var, r.grho_var, r.gt_var, r.gt_var};
  m.simulated = d != Deterministic::Constant && k == 1;
  return m;
}

}  // namespace cbec
