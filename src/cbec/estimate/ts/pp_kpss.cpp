#include "cbec/estimate/ts/pp_kpss.hpp"

#include <fmt/format.h>

#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/long_run_variance.hpp"
#include "cbec/estimate/ts/mackinnon.hpp"
#include "cbec/estimate/ts/ts_ols.hpp"

namespace cbec {

int bartlett_lag(const std::string& rule, size_t n) {
  if (rule == "short" || rule == "long")
    return static_cast<int>(std::trunc((rule == "short" ? 4.0 : 12.0) * std::pow(static_cast<double>(n) / 100.0, 0.25)));
  size_t used = 0;
  int l = -1;
  try {
    l = std::stoi(rule, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != rule.size() || l < 0) throw SpecError(fmt::format("bandwidth lag '{}': use short, long or a whole number >= 0", rule));
  // From n - 1 on the Bartlett long-run variance of a demeaned series is 2 sum S_t^2 / (n (l + 1)),
  // so KPSS's eta is (l + 1) / (2n) whatever the data (and PP's statistics as meaningless).
  if (n >= 2 && static_cast<size_t>(l) > n - 2)
    throw SpecError(fmt::format("bandwidth lag {} for a series of {} observations: from n - 1 on the long-run variance, and the statistic, no longer "
                                "depend on the data (KPSS eta = (l + 1) / (2n)); use at most {}, or short / long", l, n, n - 2));
  return l;
}

PpResult pp_test(const Eigen::VectorXd& y, Deterministic d, const std::string& lag_rule, PApprox p_approx) {
  const long n = y.size() - 1;
  if (n < 5) throw DataError("too few observations for the Phillips-Perron test");
  Eigen::MatrixXd X(n, 1 + deterministic_count(d));
  for (long t = 0; t < n; ++t) {
    X(t, 0) = y[t];
    if (d != Deterministic::None) X(t, 1) = 1;
    if (d == Deterministic::Trend) X(t, 2) = static_cast<double>(t + 1) - static_cast<double>(n) / 2;
  }
  const Eigen::VectorXd yt = y.tail(n);
  const TsOls f = ts_ols(X, yt);
  PpResult r;
  r.nobs = static_cast<size_t>(n);
  r.lags = bartlett_lag(lag_rule, r.nobs);
  const double gamma0 = f.rss / static_cast<double>(n);
  const double lambda2 = long_run_variance(f.resid, Kernel::Bartlett, r.lags + 1.0);
  const double t_phi = (f.coef[0] - 1) / f.se[0];
  const double nse_s = static_cast<double>(n) * f.se[0] / std::sqrt(f.sigma2);
  r.stat = std::sqrt(gamma0 / lambda2) * t_phi - (lambda2 - gamma0) / (2 * std::sqrt(lambda2)) * nse_s;   // PP (1988)
  r.z_alpha = static_cast<double>(n) * (f.coef[0] - 1) - nse_s * nse_s * (lambda2 - gamma0) / 2;
  r.p_value = dickey_fuller_p(r.stat, d, p_approx, r.nobs);
  r.critical = mackinnon_critical(d, 1, static_cast<double>(n));
  return r;
}

KpssResult kpss_test(const Eigen::VectorXd& y, Deterministic d, const std::string& lag_rule) {
  if (d == Deterministic::None) throw SpecError("the KPSS test needs deterministic = constant (level) or trend");
  const long T = y.size();
  Eigen::MatrixXd X(T, deterministic_count(d));
  for (long t = 0; t < T; ++t) {
    X(t, 0) = 1;
    if (d == Deterministic::Trend) X(t, 1) = static_cast<double>(t + 1);
  }
  const Eigen::VectorXd e = ts_ols(X, y).resid;
  KpssResult r;
  r.nobs = static_cast<size_t>(T);
  r.lags = bartlett_lag(lag_rule, r.nobs);
  double partial = 0, eta = 0;
  for (long t = 0; t < T; ++t) {
    partial += e[t];
    eta += partial * partial;
  }
  eta /= static_cast<double>(T) * static_cast<double>(T);
  r.stat = eta / long_run_variance(e, Kernel::Bartlett, r.lags + 1.0);   // KPSS (1992) eq. 12
  // KPSS Table 1 at 10%, 5%, 2.5%, 1%
  const std::array<double, 4> cv = d == Deterministic::Constant ? std::array<double, 4>{0.347, 0.463, 0.574, 0.739}
                                                                 : std::array<double, 4>{0.119, 0.146, 0.176, 0.216};
  const std::array<double, 4> p = {0.10, 0.05, 0.025, 0.01};
  if (r.stat <= cv[0]) r.p_value = 0.10;
  else if (r.stat >= cv[3]) r.p_value = 0.01;
  else
    for (size_t k = 0; k + 1 < cv.size(); ++k)
      if (r.stat <= cv[k + 1]) {
        r.p_value = p[k] + (r.stat - cv[k]) / (cv[k + 1] - cv[k]) * (p[k + 1] - p[k]);
        break;
      }
  r.critical = {cv[3], cv[1], cv[0]};
  return r;
}

}  // namespace cbec
