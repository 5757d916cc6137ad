// Pedroni's (1999, Oxford Bull. Econ. Stat. 61, Table 1; 2004, Econometric Theory 20) residual-based
// panel cointegration tests, H0: no cointegration in any unit. On a balanced panel of N units and T
// periods, for each unit i:
//   e_it   residuals of y_it = a_i (+ d_i t) + x_it' b_i + e_it (or without a_i)      (Table 1, step 1)
//   eta_it residuals of dy_it = dx_it' c_i + eta_it (with an intercept when d_i t is in step 1),
//          L_i^2 their long-run variance                                                (step 3)
//   u_it   residuals of e_it = g_i e_i,t-1 + u_it, t = 2..T; s_i^2 = sum u^2 / (T - 1),
//          sigma_i^2 their long-run variance, lambda_i = (sigma_i^2 - s_i^2) / 2           (step 4)
//   ADF    de_it = p_i e_i,t-1 + sum_j f_ij de_i,t-j + u*_it (lags per unit as the ADF tests choose
//          them, no deterministic terms), s*_i^2 = sum u*^2 / rows; e*_i,t-1 and de*_it the lagged
//          residual and its difference with the lagged differences partialled out      (step 5)
// With A_i = sum_t e_i,t-1^2, B_i = sum_t (e_i,t-1 de_it - lambda_i), w_i = 1 / L_i^2,
// sigma~^2 = (1/N) sum w_i sigma_i^2, s~*^2 = (1/N) sum w_i s*_i^2 (Table 1; the table prints
// s~*^2 = (1/N) sum s*_i^2, which makes the panel ADF depend on the units of y: weighted by w_i here as
// sigma~^2 is for the panel PP t, which is scale-free and N(0, 1) under H0 in the simulations):
//   panel v   = T^2 N^(3/2) / sum w_i A_i
//   panel rho = T sqrt(N) sum w_i B_i / sum w_i A_i
//   panel t   = sum w_i B_i / sqrt(sigma~^2 sum w_i A_i)
//   panel ADF = sum w_i sum e*_i,t-1 de*_it / sqrt(s~*^2 sum w_i sum e*_i,t-1^2)
//   group rho = T N^(-1/2) sum B_i / A_i
//   group t   = N^(-1/2) sum B_i / sqrt(sigma_i^2 A_i)
//   group ADF = N^(-1/2) sum sum e*_i,t-1 de*_it / sqrt(s*_i^2 sum e*_i,t-1^2)
// standardized as (stat - mu sqrt(N)) / sqrt(v) with pedroni_moments.hpp; N(0, 1) under H0, panel v
// rejecting in the right tail and the others in the left (Pedroni 1999 sec. 4).
// Long-run variances: long_run_covariance.hpp on each unit's series (kernel, bandwidth per unit).
#pragma once
#include <string>
#include <vector>

#include "cbec/estimate/ts/adf.hpp"
#include "cbec/estimate/ts/cointegration_data.hpp"
#include "cbec/estimate/ts/long_run_covariance.hpp"

namespace cbec {

struct PedroniStatistic {
  std::string name;                 // panel_v, panel_rho, panel_pp, panel_adf, group_rho, group_pp, group_adf
  double raw = 0;                   // the statistic of Table 1
  double stat = 0, p_value = 0;     // standardized, and its one-sided p-value
  double mean = 0, variance = 0;    // the moments used
};

struct PedroniUnit {
  std::string unit;
  double rho = 0;                   // g_i - 1 (the AR(1) coefficient of the residuals, minus one)
  double long_run_y = 0;            // L_i^2
  double sigma2 = 0, s2 = 0;        // sigma_i^2, s_i^2
  double adf_t = 0;                 // the unit's ADF t (s*_i^2 = rss / rows)
  int lags = 0;
};

struct PedroniResult {
  std::vector<PedroniStatistic> statistics;
  std::vector<PedroniUnit> units;
  size_t periods = 0;
  int regressors = 0;
  bool trend = false;
  bool intercept = true;            // false: no deterministic terms
  bool simulated_moments = false;   // k = 1 with trends or without intercepts (pedroni_moments.hpp)
  double bandwidth = 0;             // mean over units and series
};

PedroniResult pedroni_test(const CointegrationData& d, const LagChoice& lags, const LongRunSpec& s);

}  // namespace cbec
