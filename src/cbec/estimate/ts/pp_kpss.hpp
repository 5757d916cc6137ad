// Phillips-Perron and KPSS tests of one series, both with a Bartlett long-run variance of the test
// regression's residuals at lag l (weights 1 - s/(l + 1), Newey and West 1987):
//   lambda^2 = gamma_0 + 2 sum_{s=1}^{l} (1 - s/(l+1)) gamma_s, gamma_s = (1/n) sum_t u_t u_{t-s}.
// Phillips and Perron (1988, Biometrika 75(2)): y_t = [a + b (t - n/2)] + phi y_{t-1} + u_t, n = T - 1;
//   Z_tau = sqrt(gamma_0 / lambda^2) t_phi - (lambda^2 - gamma_0) / (2 lambda) * n se(phi) / s
//   (s^2 = rss / (n - K)), with the Dickey-Fuller tau's MacKinnon p-values (dickey_fuller_p.hpp, at
//   n observations) and critical values (the same limit distribution).
// Kwiatkowski, Phillips, Schmidt and Shin (1992, J. Econometrics 54): residuals e_t of y on a
//   constant (level) or constant and trend, S_t their partial sums,
//   eta = T^-2 sum S_t^2 / lambda^2 (eq. 11-12); H0: stationarity. Critical values of their Table 1
//   (10%, 5%, 2.5%, 1%: level 0.347 0.463 0.574 0.739; trend 0.119 0.146 0.176 0.216); the
//   p-value is interpolated linearly between them and bounded to [0.01, 0.10] (as tseries).
// Default lag: floor(4 (n/100)^(1/4)) ("short"; "long": 12 instead of 4), as tseries and urca.
#pragma once
#include <Eigen/Core>

#include <array>
#include <string>

#include "cbec/estimate/ts/deterministic.hpp"
#include "cbec/estimate/ts/dickey_fuller_p.hpp"

namespace cbec {

// "short", "long" or a whole number >= 0; n the regression's observations.
int bartlett_lag(const std::string& rule, size_t n);

struct PpResult {
  double stat = 0, p_value = 0;       // Z_tau
  double z_alpha = 0;                 // Z_alpha = n (phi - 1) - n^2 se^2 / s^2 (lambda^2 - gamma_0) / 2
  std::array<double, 3> critical{};   // 1%, 5%, 10% (MacKinnon 2010)
  int lags = 0;
  size_t nobs = 0;
};
PpResult pp_test(const Eigen::VectorXd& y, Deterministic d, const std::string& lag_rule = "short",
                 PApprox p_approx = PApprox::MacKinnon1994);

struct KpssResult {
  double stat = 0, p_value = 0;
  std::array<double, 3> critical{};   // 1%, 5%, 10%
  int lags = 0;
  size_t nobs = 0;
};
// d: Constant (level stationarity) or Trend.
KpssResult kpss_test(const Eigen::VectorXd& y, Deterministic d, const std::string& lag_rule = "short");

}  // namespace cbec
