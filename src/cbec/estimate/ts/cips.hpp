// Pesaran's (2007, J. Applied Econometrics 22(2), 265-312) CIPS panel unit-root test.
//   CADF regression of unit i (eq. 54, with p lags; eq. 6 for p = 0):
//     dy_it = a_i [+ g_i t] + b_i y_i,t-1 + c_i ybar_t-1 + sum_{j=0..p} d_ij dybar_t-j
//             + sum_{j=1..p} e_ij dy_i,t-j + u_it,
//   ybar_t the cross-section mean; CADF_i = the t ratio of b_i; CIPS = mean CADF_i (eq. 32).
//   Truncated CADF* (eq. 33-34) bounds each t ratio to [-K1, K2]: K1 = 6.12, K2 = 4.16 (no
//   deterministic terms), 6.19, 2.61 (intercept), 6.42, 1.70 (trend) (sec. 4.1).
// Critical values: Table II(a) (none), II(b) (intercept), II(c) (trend) at 1%, 5%, 10% for
// N, T in {10, 15, 20, 30, 50, 70, 100, 200}, and the truncated CIPS* entries where they differ;
// N and T in between are interpolated bilinearly, outside the grid the nearest edge is used.
// Unlike plm's cipstest, p = 0 is the regression without lagged differences (plm's lags = 0 runs p = 1).
#pragma once
#include <array>
#include <string>
#include <vector>

#include "cbec/estimate/ts/deterministic.hpp"
#include "cbec/estimate/ts/unit_series.hpp"

namespace cbec {

struct CipsResult {
  std::string variable;
  Deterministic deterministic = Deterministic::Constant;
  int lags = 0;
  bool truncated = false;
  size_t n_units = 0, T = 0;           // T: periods in each CADF regression
  std::vector<std::string> units;
  std::vector<double> cadf;            // per unit (truncated when asked)
  double cips = 0;
  std::array<double, 3> critical{};    // 1%, 5%, 10%
  std::string p_bound;                 // "< 0.01", "0.01-0.05", "0.05-0.10", "> 0.10"
};

// Balanced panels only.
CipsResult cips_test(const UnitSeries& s, Deterministic d, int lags, bool truncated);

// The critical values of Pesaran's Table II for N units and T periods.
std::array<double, 3> cips_critical(double N, double T, Deterministic d, bool truncated);

}  // namespace cbec
