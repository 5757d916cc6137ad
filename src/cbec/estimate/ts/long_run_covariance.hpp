// Long-run (co)variances of a stationary vector series u_t (rows t = 1..n, columns the series), for
// the cointegration estimators and tests:
//   Gamma_j = (1/n) sum_{t=j+1..n} u_{t-j} u_t',
//   Omega   = Gamma_0 + sum_{j>=1} k(j/b) (Gamma_j + Gamma_j')            (two-sided, Andrews 1991 eq. 2.3)
//   Delta   = Gamma_0 + sum_{j>=1} k(j/b) Gamma_j                          (one-sided, Phillips and Hansen 1990)
// with the kernels of long_run_variance.hpp and the bandwidth b given, or chosen on all the columns
// by Andrews' (1991, sec. 6) AR(1) plug-in or Newey and West's (1994) rule, exactly as R's sandwich
// (bwAndrews, bwNeweyWest with prewhite = 0 and every column weighted 1; kernHAC's weights below
// 1e-7 dropped). u is used as given: not demeaned.
#pragma once
#include <Eigen/Core>

#include <string>

#include "cbec/estimate/ts/long_run_variance.hpp"

namespace cbec {

enum class BandwidthRule { Andrews, NeweyWest, Fixed };

struct LongRunSpec {
  Kernel kernel = Kernel::Bartlett;
  BandwidthRule rule = BandwidthRule::NeweyWest;
  double bandwidth = 0;   // the bandwidth b when rule is Fixed (b = lags + 1 for Bartlett)
};

// kernel: "bartlett", "parzen", "qs"; bandwidth: "andrews", "nw" or a positive number.
LongRunSpec parse_long_run_spec(const std::string& kernel, const std::string& bandwidth);
std::string describe(const LongRunSpec& s);   // "bartlett kernel, bandwidth nw"

// Andrews (1991) eq. 6.4 with AR(1) fits per column (R's ar(method = "ols"): intercept, residual
// variance rss / (n - 1)), every column weighted 1.
double system_andrews_bandwidth(const Eigen::MatrixXd& u, Kernel k);
// Newey and West (1994) eq. 3.8-3.10 on the sum of the columns, lag truncation floor(4 (n/100)^a),
// a = 2/9 (Bartlett), 4/25 (Parzen), 2/25 (QS).
double system_newey_west_bandwidth(const Eigen::MatrixXd& u, Kernel k);
double bandwidth(const Eigen::MatrixXd& u, const LongRunSpec& s);

struct LongRunCovariance {
  Eigen::MatrixXd sigma;   // Gamma_0
  Eigen::MatrixXd omega;   // two-sided
  Eigen::MatrixXd delta;   // one-sided (includes Gamma_0)
  double bandwidth = 0;
};

LongRunCovariance long_run_covariance(const Eigen::MatrixXd& u, const LongRunSpec& s);
// The same with a bandwidth already chosen.
LongRunCovariance long_run_covariance(const Eigen::MatrixXd& u, Kernel k, double bandwidth);

}  // namespace cbec
