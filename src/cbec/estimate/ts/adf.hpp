// The augmented Dickey-Fuller regression of one series (Said and Dickey 1984):
//   dy_t = rho y_{t-1} + sum_{j=1..p} c_j dy_{t-j} + d_t' delta + e_t,        t = p + 2, ..., T
// with d_t none, 1, or (1, t); tau = rho / se(rho), p-value from MacKinnon 1996 or 1994
// (dickey_fuller_p.hpp) and critical values from MacKinnon 2010 (mackinnon.hpp). The lag order p is given or chosen on the common sample t = pmax + 2..T by
// AIC = ln(rss/n) + 2K/n, BIC = ln(rss/n) + K ln(n)/n (K regressors, n rows), or by the general-to-
// specific t rule of Hall (1994): from pmax down, the first p whose last lag has |t| >= 1.96; the
// chosen regression is then re-estimated on all the rows it can use (t = p + 2..T), as plm's
// purtest (fixedT = TRUE) and statsmodels' adfuller do. The default pmax is Schwert's (1989)
// floor(12 (T/100)^(1/4)), capped so that the common sample keeps enough rows.
#pragma once
#include <Eigen/Core>

#include <array>
#include <string>
#include <vector>

#include "cbec/estimate/ts/deterministic.hpp"
#include "cbec/estimate/ts/dickey_fuller_p.hpp"
#include "cbec/estimate/ts/ts_ols.hpp"

namespace cbec {

enum class LagRule { Fixed, Aic, Bic, TSig };

struct LagChoice {
  LagRule rule = LagRule::Aic;
  int lags = 0;        // the order when rule is Fixed
  int max_lags = -1;   // pmax for the selection rules; -1: Schwert's rule
};

// "aic", "bic", "tsig" or a whole number (a fixed order); max_lags < 0 for Schwert's rule.
LagChoice parse_lag_choice(const std::string& lags, long long max_lags);
std::string describe(const LagChoice& c);   // "aic (max 7)", "2"
// The same with the largest order Schwert's rule allowed over these series and, where it was
// lowered for short series, the rule's own value: "aic (max 0: Schwert's floor(12 (T/100)^(1/4)) = 6
// for T = 9, lowered so ...)".
std::string describe(const LagChoice& c, const std::vector<Eigen::VectorXd>& series, Deterministic d);

// Schwert's floor(12 (T/100)^(1/4)), reduced so that the common selection sample keeps at least
// 2 K + 2 rows (K the largest regression's regressors); never below 0.
int default_max_lags(size_t T, Deterministic d);

// The regression's response dy_t and regressors [y_{t-1}, dy_{t-1..t-p}, d_t] for t = first..T
// (0-based rows first-1..T-1 of y); first >= p + 1 (0-based index of the first usable dy row).
struct AdfDesign {
  Eigen::VectorXd dy;
  Eigen::MatrixXd X;
};
AdfDesign adf_design(const Eigen::VectorXd& y, Deterministic d, int p, int first);

// The lag order chosen by `c` for series y.
int select_adf_lags(const Eigen::VectorXd& y, Deterministic d, const LagChoice& c, bool dfcor = true);

struct AdfResult {
  double stat = 0, p_value = 0;   // tau and its MacKinnon p-value (at nobs for MacKinnon 1996)
  double rho = 0, se = 0;         // coefficient on y_{t-1} (phi - 1) and its standard error
  double sigma = 0;               // residual standard deviation (same degrees-of-freedom rule as se)
  std::array<double, 3> critical{};   // 1%, 5%, 10% for this sample size (MacKinnon 2010)
  int lags = 0;
  size_t nobs = 0;                // rows in the final regression
  size_t T = 0;                   // length of the series
  TsOls fit;                      // the final regression (for panel statistics)
};

// `dfcor` false: standard errors from rss / n (plm's purtest default), else rss / (n - K).
AdfResult adf_test(const Eigen::VectorXd& y, Deterministic d, const LagChoice& c, bool dfcor = true,
                   PApprox p_approx = PApprox::MacKinnon1994);

}  // namespace cbec
