// Westerlund's (2007, Oxford Bull. Econ. Stat. 69) error-correction tests of no cointegration. For
// each unit i of a balanced panel (T periods), the conditional error-correction model (eq. 2)
//   dy_it = d_t' delta_i + a_i y_i,t-1 + l_i' x_i,t-1 + sum_{j=1..p_i} a_ij dy_i,t-j
//           + sum_{j=-q_i..p_i} g_ij' dx_i,t-j + e_it,          d_t = 0, 1 or (1, t) (sec. 2),
// by OLS (s_i^2 = rss / (rows - K)), p_i lags and q_i leads fixed or chosen by AIC/BIC over
// 0..max on the common rows, then re-estimated on all the rows they leave. With
//   a_i(1) = w_ui / w_yi, w_ui^2 the long-run variance of u_it = sum_j g_ij' dx_i,t-j + e_it and w_yi^2
//   that of dy_it (demeaned unless d_t = 0) (sec. 3, kernel and bandwidth as given),
//   Gt = (1/N) sum a_i / se(a_i)                                                   (eq. 8)
//   Ga = (1/N) sum T a_i / a_i(1)                                                  (eq. 9)
//   y~_i,t-1, dy~_it: y_i,t-1 and dy_it with the other regressors of unit i partialled out,
//   a = sum_i sum_t y~_i,t-1 dy~_it / a_i(1) / sum_i sum_t y~_i,t-1^2, S_N = (1/N) sum s_i / a_i(1),
//   se(a) = S_N / sqrt(sum_i sum_t y~_i,t-1^2),  Pt = a / se(a),  Pa = T a             (eq. 10-11)
// standardized (sec. 4.2) as sqrt(N)(Gt - mu)/sqrt(v), sqrt(N)(Ga - mu)/sqrt(v), (Pt - sqrt(N) mu)/sqrt(v),
// sqrt(N)(Pa - mu)/sqrt(v) with westerlund_moments.hpp; N(0, 1) under H0, left tail. Gt and Ga test
// H1: a_i < 0 for some i; Pt and Pa H1: a_i = a < 0 for all i.
#pragma once
#include <string>
#include <vector>

#include "cbec/estimate/ts/cointegration_data.hpp"
#include "cbec/estimate/ts/long_run_covariance.hpp"

namespace cbec {

struct EcmLagChoice {
  std::string rule = "fixed";   // fixed, aic, bic
  int lags = 1, leads = 0;      // when fixed
  int max_lags = 1, max_leads = 1;
};

struct WesterlundUnit {
  std::string unit;
  double alpha = 0, se = 0, alpha1 = 0;   // a_i, se(a_i), a_i(1)
  int lags = 0, leads = 0;
};

struct WesterlundStatistic {
  std::string name;              // Gt, Ga, Pt, Pa
  double raw = 0, stat = 0, p_value = 0;
  double boot_p_value = -1;      // bootstrap p-value (westerlund_bootstrap.hpp), -1 without
};

struct WesterlundResult {
  std::vector<WesterlundStatistic> statistics;
  std::vector<WesterlundUnit> units;
  size_t periods = 0;
  int regressors = 0;
  bool trend = false;
  bool intercept = true;         // false: d_t = 0
  int bootstrap = 0;             // draws behind boot_p_value
};

WesterlundResult westerlund_test(const CointegrationData& d, const EcmLagChoice& c, const LongRunSpec& s);

// The raw statistics (Gt, Ga, Pt, Pa) of units with given lag and lead orders: the bootstrap's step.
std::vector<double> westerlund_raw(const CointegrationData& d, const std::vector<std::pair<int, int>>& lags_leads, const LongRunSpec& s);

}  // namespace cbec
