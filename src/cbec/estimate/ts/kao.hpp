// Kao's (1999, J. Econometrics 90, sec. 3) residual-based panel cointegration tests. On a balanced
// panel, e_it are the residuals of the within regression y_it = a_i + x_it' b + e_it; then
//   DF:  e_it = rho e_i,t-1 + v_it (pooled, t = 2..T),       t_rho its t statistic (s^2 = rss / rows);
//   ADF: e_it = rho e_i,t-1 + sum_{j=1..p} c_j de_i,t-j + v_it, t_ADF of rho (s^2 = rss / rows);
//   sigma_v^2  = S_11 - S_12 S_22^-1 S_21,  sigma_0v^2 = W_11 - W_12 W_22^-1 W_21, with S and W the
//   unit averages of the covariance and long-run covariance (long_run_covariance.hpp) of the
//   innovations w_it = (u_it, eps_it') = (dy_it, dx_it') (Kao's eq. 2: y_it = y_i,t-1 + u_it,
//   x_it = x_i,t-1 + eps_it), demeaned per unit, over t = 2..T (the same as with de_it in place of
//   dy_it: conditioning on dx removes b' dx);
//   DF_rho  = (sqrt(N) T (rho - 1) + 3 sqrt(N)) / sqrt(10.2)                                   (Kao eq. 15)
//   DF_t    = sqrt(1.25) t_rho + sqrt(1.875 N)                                                 (eq. 16)
//   DF*_rho = (sqrt(N) T (rho - 1) + 3 sqrt(N) s_v^2 / s_0v^2) / sqrt(3 + 36 s_v^4 / (5 s_0v^4))  (eq. 17)
//   DF*_t   = (t_rho + sqrt(6N) s_v / (2 s_0v)) / sqrt(s_0v^2 / (2 s_v^2) + 3 s_v^2 / (10 s_0v^2)) (eq. 18)
//   ADF     = DF*_t with t_ADF in place of t_rho                                               (eq. 19)
// each N(0, 1) under the null of no cointegration; p-values from the left tail.
#pragma once
#include <string>
#include <vector>

#include "cbec/estimate/ts/cointegration_data.hpp"
#include "cbec/estimate/ts/long_run_covariance.hpp"

namespace cbec {

struct KaoStatistic {
  std::string name;
  double stat = 0, p_value = 0;
};

struct KaoResult {
  std::vector<KaoStatistic> statistics;   // DF_rho, DF_t, DF*_rho, DF*_t, ADF
  double rho = 0, t_rho = 0, t_adf = 0;
  double sigma2_v = 0, sigma2_0v = 0;     // residual variance and long-run (HAC) variance
  double bandwidth = 0;                   // mean over units
  int lags = 0;
  size_t units = 0, periods = 0;
};

KaoResult kao_test(const CointegrationData& d, int lags, const LongRunSpec& s);

}  // namespace cbec
