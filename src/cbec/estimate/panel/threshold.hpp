// Fixed-effects panel threshold regression (Hansen 1999, J. Econometrics 93: 345-368):
//   y_it = mu_i + x_it' beta + c_it' theta_1 1(q_it < g_1) + c_it' theta_2 1(g_1 <= q_it < g_2) + ... + e_it
// on a balanced panel, after the within transformation (2.3). Each threshold is the least-squares
// estimate over a grid of quantiles of q (Hansen's program: qn = 400 quantiles of the distinct
// values, trimmed), found sequentially: the k-th given the k-1 before it, and with two thresholds
// the first refined given the second (section 4, after Bai 1997). Tests of k against k-1
// thresholds: F_k = (S_{k-1} - S_k) / sigma^2, sigma^2 = S_k / (n (T - 1)) (3.7), with bootstrap
// p-values from the residuals resampled by unit with the regressors fixed (section 3.2). Each
// threshold has the no-rejection region of LR(g) = (S(g) - S(g_hat)) / sigma^2 <= -2 ln(1 - sqrt(level))
// (3.10, 3.13). Coefficients carry homoskedastic and White standard errors, as Hansen's program prints.
// Hansen's own sample deletes one period per unit after the within transformation; that is an
// option (delete_last_period), the default keeps every period as Stata's xthreg does.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "cbec/core/stage_timer.hpp"
#include "cbec/estimate/result.hpp"
#include "cbec/frame/frame.hpp"

namespace cbec {

struct ThresholdSpec {
  std::string y, unit, time;
  std::string threshold;                    // q: a variable or formula term, e.g. l(debt, 1)
  std::vector<std::string> regime_dependent; // c: terms whose slopes change across regimes
  std::vector<std::string> regressors;       // x: terms with one slope
  int max_thresholds = 1;                    // 1, 2 or 3: fit and test that many, in sequence
  int quantiles = 400;                       // Hansen's qn
  std::vector<double> trim = {0.01, 0.01, 0.05};   // per threshold
  std::vector<size_t> draws = {300, 300, 300};     // bootstrap draws per test (0: no p-value)
  double level = 0.95;
  bool delete_last_period = false;
  uint64_t seed = 12345;
  int threads = 0;
  size_t pair_memory = 0;   // bytes the later tests' grid-pair table may use (threshold_pair_memory.hpp); 0: the default
  StageTimer* timer = nullptr;   // claims design, solve and replications time (--timing)
};

// The k-threshold model and the test of k against k - 1 thresholds.
struct ThresholdStep {
  int k = 0;
  std::vector<double> thresholds;           // sorted, the k used in the model
  double estimate = 0, ci_low = 0, ci_high = 0;   // the threshold found at this step and its region
  double refined = 0, refined_ci_low = 0, refined_ci_high = 0;  // k = 2: the first threshold, refined
  double sse = 0, F = 0, p_value = 0;      // p_value NaN without bootstrap
  double crit90 = 0, crit95 = 0, crit99 = 0;
  size_t draws = 0;
  std::vector<double> grid, lr;             // the LR curve of this step's search (for the figure)
  std::vector<size_t> regime_sizes;         // observations per regime
  RegressionResult model;                   // homoskedastic variance
  Eigen::VectorXd se_white;
};

struct ThresholdResult {
  std::string y, unit, threshold;
  std::vector<std::string> regime_dependent, regressors;
  size_t n_units = 0, n_periods = 0, nobs = 0;
  std::map<std::string, size_t> dropped;
  double sse0 = 0;                          // linear fixed-effects model
  size_t grid_size = 0;
  double lr_critical = 0;                   // -2 ln(1 - sqrt(level))
  bool delete_last_period = false;
  std::vector<ThresholdStep> steps;
  std::vector<std::string> warnings;        // e.g. a regime with fewer rows than the trimming meant to leave (ties in q)
};

ThresholdResult panel_threshold(const Frame& frame, const ThresholdSpec& spec);

}  // namespace cbec
