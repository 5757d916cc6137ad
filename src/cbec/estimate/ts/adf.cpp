#include "cbec/estimate/ts/adf.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/mackinnon.hpp"

namespace cbec {

LagChoice parse_lag_choice(const std::string& lags, long long max_lags) {
  LagChoice c;
  c.max_lags = static_cast<int>(max_lags);
  if (lags == "aic") c.rule = LagRule::Aic;
  else if (lags == "bic") c.rule = LagRule::Bic;
  else if (lags == "tsig") c.rule = LagRule::TSig;
  else {
    size_t used = 0;
    int p = -1;
    try {
      p = std::stoi(lags, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != lags.size() || p < 0) throw SpecError(fmt::format("lags '{}': use aic, bic, tsig or a whole number >= 0", lags));
    c.rule = LagRule::Fixed;
    c.lags = p;
  }
  return c;
}

namespace {

std::string rule_name(LagRule r) { return r == LagRule::Aic ? "aic" : r == LagRule::Bic ? "bic" : "tsig"; }

// Schwert (1989): floor(12 (T/100)^(1/4)).
int schwert_rule(size_t T) { return static_cast<int>(std::floor(12.0 * std::pow(static_cast<double>(T) / 100.0, 0.25))); }

}  // namespace

std::string describe(const LagChoice& c) {
  if (c.rule == LagRule::Fixed) return std::to_string(c.lags);
  return c.max_lags < 0 ? rule_name(c.rule) + " (max: Schwert)" : fmt::format("{} (max {})", rule_name(c.rule), c.max_lags);
}

int default_max_lags(size_t T, Deterministic d) {
  int p = schwert_rule(T);
  // rows of the common sample T - p - 1 must be at least 2 (p + 1 + deterministic) + 2
  while (p > 0 && static_cast<int>(T) - p - 1 < 2 * (p + 1 + deterministic_count(d)) + 2) --p;
  return p;
}

namespace {

std::string span(long lo, long hi) { return lo == hi ? std::to_string(lo) : fmt::format("{} to {}", lo, hi); }

// The largest order Schwert's rule allowed over these series ("max 3: Schwert's ... = 7 for T = 17,
// lowered so ...").
std::string schwert_bound(const std::vector<Eigen::VectorXd>& series, Deterministic d) {
  long t_lo = std::numeric_limits<long>::max(), t_hi = 0, rule_lo = t_lo, rule_hi = 0, used_lo = t_lo, used_hi = 0;
  bool lowered = false;
  for (const auto& y : series) {
    const long T = y.size(), rule = schwert_rule(static_cast<size_t>(T));
    const long used = default_max_lags(static_cast<size_t>(T), d);
    t_lo = std::min(t_lo, T), t_hi = std::max(t_hi, T);
    rule_lo = std::min(rule_lo, rule), rule_hi = std::max(rule_hi, rule);
    used_lo = std::min(used_lo, used), used_hi = std::max(used_hi, used);
    lowered = lowered || used < rule;
  }
  const std::string schwert = fmt::format("Schwert's floor(12 (T/100)^(1/4)) = {} for T = {}", span(rule_lo, rule_hi), span(t_lo, t_hi));
  if (!lowered) return fmt::format("max {}: {}", span(used_lo, used_hi), schwert);
  return fmt::format("max {}: {}, lowered so the selection regression keeps 2K + 2 rows; --max-lags sets it",
                     span(used_lo, used_hi), schwert);
}

}  // namespace

std::string describe(const LagChoice& c, const std::vector<Eigen::VectorXd>& series, Deterministic d) {
  if (c.rule == LagRule::Fixed || c.max_lags >= 0 || series.empty()) return describe(c);
  return rule_name(c.rule) + " (" + schwert_bound(series, d) + ")";
}

AdfDesign adf_design(const Eigen::VectorXd& y, Deterministic d, int p, int first) {
  const long T = y.size();
  const long n = T - first;
  if (first < p + 1 || n <= 0) throw NumericError("series too short for the lag order");
  AdfDesign out;
  out.dy.resize(n);
  out.X.resize(n, 1 + p + deterministic_count(d));
  for (long r = 0; r < n; ++r) {
    const long t = first + r;   // 0-based index of y_t
    out.dy[r] = y[t] - y[t - 1];
    out.X(r, 0) = y[t - 1];
    for (int j = 1; j <= p; ++j) out.X(r, j) = y[t - j] - y[t - j - 1];
    if (d != Deterministic::None) out.X(r, p + 1) = 1.0;
    if (d == Deterministic::Trend) out.X(r, p + 2) = static_cast<double>(t + 1);
  }
  return out;
}

namespace {

// An order the series cannot carry: more lags than statsmodels' adfuller allows, maxlag <=
// nobs // 2 - trend terms - 1; beyond it tau has a handful of residual degrees of freedom and AIC
// runs to the largest order.
bool carries(size_t T, Deterministic d, int lags) {
  return lags <= static_cast<long>(T / 2) - deterministic_count(d) - 1;
}

void check_lag_order(size_t T, Deterministic d, int lags, const char* option) {
  if (carries(T, d, lags)) return;
  const long rows = static_cast<long>(T) - lags - 1, coefficients = 1 + lags + deterministic_count(d);
  int most = 0;
  while (carries(T, d, most + 1)) ++most;
  throw DataError(fmt::format("{} {} leaves the ADF regression of a series of {} periods {} rows for {} coefficients: "
                              "lower {} (at most {} here; the default rule chooses {})",
                              option, lags, T, std::max(0L, rows), coefficients, option, most, default_max_lags(T, d)));
}

}  // namespace

int select_adf_lags(const Eigen::VectorXd& y, Deterministic d, const LagChoice& c, bool dfcor) {
  if (c.rule == LagRule::Fixed) {
    check_lag_order(static_cast<size_t>(y.size()), d, c.lags, "--lags");
    return c.lags;
  }
  if (c.max_lags >= 0) check_lag_order(static_cast<size_t>(y.size()), d, c.max_lags, "--max-lags");
  const int pmax = c.max_lags < 0 ? default_max_lags(static_cast<size_t>(y.size()), d) : c.max_lags;
  if (c.rule == LagRule::TSig) {
    // Hall (1994): general to specific on the common sample
    for (int p = pmax; p > 0; --p) {
      const AdfDesign a = adf_design(y, d, p, pmax + 1);
      const TsOls f = ts_ols(a.X, a.dy, dfcor);
      if (std::abs(f.coef[p] / f.se[p]) >= 1.96) return p;
    }
    return 0;
  }
  int best = 0;
  double best_ic = std::numeric_limits<double>::infinity();
  for (int p = 0; p <= pmax; ++p) {
    const AdfDesign a = adf_design(y, d, p, pmax + 1);
    const TsOls f = ts_ols(a.X, a.dy, dfcor);
    const double n = static_cast<double>(f.n), K = static_cast<double>(f.k);
    const double ic = std::log(f.rss / n) + (c.rule == LagRule::Aic ? 2.0 * K / n : K * std::log(n) / n);
    if (ic < best_ic) {
      best_ic = ic;
      best = p;
    }
  }
  return best;
}

AdfResult adf_test(const Eigen::VectorXd& y, Deterministic d, const LagChoice& c, bool dfcor, PApprox p_approx) {
  AdfResult r;
  r.T = static_cast<size_t>(y.size());
  r.lags = select_adf_lags(y, d, c, dfcor);
  const AdfDesign a = adf_design(y, d, r.lags, r.lags + 1);
  r.fit = ts_ols(a.X, a.dy, dfcor);
  r.nobs = static_cast<size_t>(r.fit.n);
  r.rho = r.fit.coef[0];
  r.se = r.fit.se[0];
  r.sigma = std::sqrt(r.fit.sigma2);
  r.stat = r.rho / r.se;
  r.p_value = dickey_fuller_p(r.stat, d, p_approx, r.nobs);
  r.critical = mackinnon_critical(d, 1, static_cast<double>(r.nobs));
  return r;
}

}  // namespace cbec
