#include "cbec/estimate/ts/panel_unitroot.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <numbers>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/long_run_variance.hpp"
#include "cbec/estimate/ts/panel_unitroot_tables.hpp"
#include "cbec/estimate/ts/pp_kpss.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

namespace {

PanelUnitRootResult start(const std::string& test, const UnitSeries& s, const PanelUnitRootSpec& spec) {
  PanelUnitRootResult r;
  r.test = test;
  r.variable = s.variable;
  r.deterministic = spec.deterministic;
  r.n_units = s.y.size();
  r.h0 = test == "hadri" ? "all series are stationary" : "all series have a unit root";
  double T = 0;
  for (const auto& y : s.y) T += static_cast<double>(y.size());
  r.mean_T = T / static_cast<double>(s.y.size());
  return r;
}

// Each unit's ADF regression; r's mean lag order and, when Schwert's rule bounds the selection, the
// largest order it allowed (a note).
std::vector<AdfResult> unit_adfs(const UnitSeries& s, const PanelUnitRootSpec& spec, PanelUnitRootResult& r) {
  std::vector<AdfResult> out;
  double lags = 0;
  for (size_t i = 0; i < s.y.size(); ++i) {
    out.push_back(s.for_unit(i, [&] { return adf_test(s.y[i], spec.deterministic, spec.lags, spec.dfcor, spec.p_approx); }));
    lags += out.back().lags;
  }
  r.mean_lags = lags / static_cast<double>(out.size());
  if (spec.lags.rule != LagRule::Fixed && spec.lags.max_lags < 0) r.notes.push_back("lags: " + describe(spec.lags, s.y, spec.deterministic));
  return out;
}

void require_balanced(const UnitSeries& s, const std::string& test) {
  if (!s.balanced()) throw DataError(fmt::format("the {} test needs a balanced panel: every unit observed over the same periods", test));
}

// Residuals of v on the deterministic terms (none, constant, constant + trend 1..n).
Eigen::VectorXd detrend(const Eigen::VectorXd& v, Deterministic d) {
  if (d == Deterministic::None) return v;
  Eigen::MatrixXd X(v.size(), deterministic_count(d));
  for (long t = 0; t < v.size(); ++t) {
    X(t, 0) = 1;
    if (d == Deterministic::Trend) X(t, 1) = static_cast<double>(t + 1);
  }
  return ts_ols(X, v).resid;
}

}  // namespace

PanelUnitRootResult llc_test(const UnitSeries& s, const PanelUnitRootSpec& spec) {
  require_balanced(s, "Levin-Lin-Chu");
  PanelUnitRootResult r = start("llc", s, spec);
  const std::vector<AdfResult> adf = unit_adfs(s, spec, r);
  const double T = r.mean_T, N = static_cast<double>(s.y.size());
  std::vector<double> e, v;
  double sbar = 0;
  for (size_t i = 0; i < s.y.size(); ++i) {
    const Eigen::VectorXd& y = s.y[i];
    const int p = adf[i].lags;
    const AdfDesign a = adf_design(y, spec.deterministic, p, p + 1);
    const double sigma = adf[i].sigma;
    // eq. 4-5: orthogonalise dy_t and y_{t-1} on the lagged differences and deterministic terms
    const long k = a.X.cols() - 1;
    Eigen::VectorXd ed = a.dy, vl = a.X.col(0);
    if (k > 0) {
      const Eigen::MatrixXd Z = a.X.rightCols(k);
      ed = ts_ols(Z, a.dy).resid;
      vl = ts_ols(Z, Eigen::VectorXd(a.X.col(0))).resid;
    }
    for (long t = 0; t < ed.size(); ++t) {
      e.push_back(ed[t] / sigma);
      v.push_back(vl[t] / sigma);
    }
    // sec. 3: long-run variance of dy with K = round(3.21 T^(1/3)) Bartlett lags
    const long n = y.size();
    const Eigen::VectorXd dy = detrend(Eigen::VectorXd(y.tail(n - 1) - y.head(n - 1)), spec.deterministic);
    const double K = std::nearbyint(3.21 * std::cbrt(static_cast<double>(n)));
    sbar += std::sqrt(long_run_variance(dy, Kernel::Bartlett, K + 1)) / sigma;
  }
  sbar /= N;
  const Eigen::Map<const Eigen::VectorXd> E(e.data(), static_cast<long>(e.size())), V(v.data(), static_cast<long>(v.size()));
  const TsOls pooled = ts_ols(Eigen::MatrixXd(V), Eigen::VectorXd(E), spec.dfcor);
  const double Ttilde = T - r.mean_lags - 1;
  const double sigma_e2 = pooled.rss / (N * Ttilde);
  const double rho = pooled.coef[0], se = pooled.se[0], t_rho = rho / se;
  const Moments adj = llc_adjustment(T, spec.deterministic);
  const double t_star = (t_rho - N * Ttilde * sbar / sigma_e2 * se * adj.mean) / adj.sd_or_var;   // eq. 12
  r.stats.push_back({"rho", rho, std::nan(""), ""});
  r.stats.push_back({"t*", t_star, p_normal_upper(-t_star), "N(0,1)"});
  if (T < 25 || T > 500) r.notes.push_back(fmt::format("T = {:g} is outside LLC's Table 2 (25-500): its nearest row is used", T));
  return r;
}

namespace {
// The first three of a list of units for a note, "a, b, c and 5 more units".
std::string first_units(const std::vector<std::string>& units) {
  const size_t shown = std::min<size_t>(units.size(), 3);
  return fmt::format("{}{}", fmt::join(units.begin(), units.begin() + static_cast<long>(shown), ", "),
                     units.size() > shown ? fmt::format(" and {} more units", units.size() - shown) : "");
}
}  // namespace

PanelUnitRootResult ips_test(const UnitSeries& s, const PanelUnitRootSpec& spec) {
  if (spec.deterministic == Deterministic::None) throw SpecError("the Im-Pesaran-Shin test needs deterministic = constant or trend");
  PanelUnitRootResult r = start("ips", s, spec);
  const std::vector<AdfResult> adf = unit_adfs(s, spec, r);
  const double N = static_cast<double>(adf.size());
  double tbar = 0, Ew = 0, Vw = 0, Ez = 0, Vz = 0;
  std::vector<std::string> no_moments, few_df, beyond_table;
  for (size_t i = 0; i < adf.size(); ++i) {
    const AdfResult& a = adf[i];
    tbar += a.stat / N;
    const double L = static_cast<double>(a.T) - a.lags - 1;
    // An ADF regression with one or two residual degrees of freedom gives a t that can be in the
    // hundreds and dominate t-bar (plm prints the same numbers without a word).
    if (a.fit.n - a.fit.k < 3) few_df.push_back(fmt::format("{} ({})", s.units[i], a.fit.n - a.fit.k));
    const Moments w = ips_wtbar_moments(L, a.lags, spec.deterministic);
    if (std::isnan(w.mean) || std::isnan(w.sd_or_var)) no_moments.push_back(fmt::format("{} (T = {:g}, {} lags)", s.units[i], L, a.lags));
    if (a.lags > 8) beyond_table.push_back(fmt::format("{} ({})", s.units[i], a.lags));
    Ew += w.mean / N;
    Vw += w.sd_or_var / N;
    const Moments z = ips_ztbar_moments(L);
    Ez += z.mean / N;
    Vz += z.sd_or_var / N;
  }
  const double W = std::sqrt(N) * (tbar - Ew) / std::sqrt(Vw);
  if (!no_moments.empty())
    r.notes.push_back(fmt::format("W-tbar is not available: Im, Pesaran and Shin's (2003) Table 3 has no moments for {}, "
                                  "as plm (NA); lower --max-lags or give fixed --lags",
                                  first_units(no_moments)));
  if (!beyond_table.empty())
    r.notes.push_back(fmt::format("Warning: Im, Pesaran and Shin's (2003) Table 3 stops at 8 lags; W-tbar standardizes the t of "
                                  "{} unit(s) with more lags (unit (lags): {}) with the 8-lag moments, as plm: an approximation",
                                  beyond_table.size(), first_units(beyond_table)));
  if (!few_df.empty())
    r.notes.push_back(fmt::format("Warning: {} of the {} ADF regressions have fewer than 3 residual degrees of freedom (unit (df): {}); their "
                                  "t can be extreme and dominate t-bar: use fewer lags or longer series",
                                  few_df.size(), adf.size(), first_units(few_df)));
  r.stats.push_back({"t-bar", tbar, std::nan(""), ""});
  r.stats.push_back({"W-tbar", W, p_normal_upper(-W), "N(0,1)"});
  if (spec.deterministic == Deterministic::Constant) {
    const double Z = std::sqrt(N) * (tbar - Ez) / std::sqrt(Vz);
    r.stats.push_back({"Z-tbar", Z, p_normal_upper(-Z), "N(0,1)"});
  }
  return r;
}

std::vector<PanelUnitRootStat> fisher_combinations(const std::vector<double>& p) {
  const double N = static_cast<double>(p.size());
  double P = 0, Z = 0, L = 0;
  for (double pi : p) {
    P += -2 * std::log(pi);
    Z += pi >= 1 ? std::numeric_limits<double>::infinity() : pi <= 0 ? -std::numeric_limits<double>::infinity() : q_normal(pi);
    L += std::log(pi / (1 - pi));
  }
  Z /= std::sqrt(N);
  const double k = 3 * (5 * N + 4) / (std::numbers::pi * std::numbers::pi * N * (5 * N + 2));
  L *= std::sqrt(k);
  const double Pm = (P - 2 * N) / (2 * std::sqrt(N));
  const double df_t = 5 * N + 4;
  const double p_L = L < 0 ? p_t_two_sided(L, df_t) / 2 : 1 - p_t_two_sided(L, df_t) / 2;
  return {{"P", P, p_chi2_upper(P, 2 * N), fmt::format("chi2({:g})", 2 * N)},
          {"Z", Z, p_normal_upper(-Z), "N(0,1)"},
          {"L*", L, p_L, fmt::format("t({:g})", df_t)},
          {"Pm", Pm, p_normal_upper(Pm), "N(0,1)"}};
}

PanelUnitRootResult fisher_adf_test(const UnitSeries& s, const PanelUnitRootSpec& spec) {
  PanelUnitRootResult r = start("fisher_adf", s, spec);
  const std::vector<AdfResult> adf = unit_adfs(s, spec, r);
  std::vector<double> p;
  for (const auto& a : adf) p.push_back(a.p_value);
  r.stats = fisher_combinations(p);
  r.notes.push_back("unit p-values: " + describe(spec.p_approx));
  return r;
}

PanelUnitRootResult fisher_pp_test(const UnitSeries& s, const PanelUnitRootSpec& spec) {
  PanelUnitRootResult r = start("fisher_pp", s, spec);
  std::vector<double> p;
  double lags = 0;
  for (const auto& y : s.y) {
    const PpResult pp = pp_test(y, spec.deterministic, spec.bandwidth, spec.p_approx);
    p.push_back(pp.p_value);
    lags += pp.lags;
  }
  r.mean_lags = lags / static_cast<double>(s.y.size());
  r.stats = fisher_combinations(p);
  r.notes.push_back("unit p-values: " + describe(spec.p_approx));
  return r;
}

PanelUnitRootResult hadri_test(const UnitSeries& s, const PanelUnitRootSpec& spec) {
  if (spec.deterministic == Deterministic::None) throw SpecError("Hadri's test needs deterministic = constant or trend");
  require_balanced(s, "Hadri");
  PanelUnitRootResult r = start("hadri", s, spec);
  const double N = static_cast<double>(s.y.size()), T = r.mean_T;
  const double df = spec.dfcor ? T - deterministic_count(spec.deterministic) : T;
  double lm_robust = 0, numerator = 0, rss = 0;
  for (const auto& y : s.y) {
    const Eigen::VectorXd e = detrend(y, spec.deterministic);
    double partial = 0, s2 = 0;
    for (long t = 0; t < e.size(); ++t) {
      partial += e[t];
      s2 += partial * partial;
    }
    const double sigma2 = e.squaredNorm() / df;
    rss += e.squaredNorm();
    lm_robust += s2 / (T * T) / sigma2 / N;
    numerator += s2 / (T * T) / N;
  }
  const double LM = spec.hadri_robust ? lm_robust : numerator / (rss / (N * df));
  const bool trend = spec.deterministic == Deterministic::Trend;
  const double xi = trend ? 1.0 / 15 : 1.0 / 6, zeta2 = trend ? 11.0 / 6300 : 1.0 / 45;
  const double Z = std::sqrt(N) * (LM - xi) / std::sqrt(zeta2);
  r.stats.push_back({"LM", LM, std::nan(""), ""});
  r.stats.push_back({spec.hadri_robust ? "Z (robust)" : "Z", Z, p_normal_upper(Z), "N(0,1)"});
  return r;
}

PanelUnitRootResult ht_test(const UnitSeries& s, const PanelUnitRootSpec& spec) {
  require_balanced(s, "Harris-Tzavalis");
  PanelUnitRootResult r = start("ht", s, spec);
  const double N = static_cast<double>(s.y.size());
  const long n = s.y.front().size() - 1;   // HT's T: regression periods
  if (n < 3) throw DataError("the Harris-Tzavalis test needs at least 4 periods");
  double sxy = 0, sxx = 0;
  for (const auto& y : s.y) {
    const Eigen::VectorXd yt = detrend(Eigen::VectorXd(y.tail(n)), spec.deterministic), yl = detrend(Eigen::VectorXd(y.head(n)), spec.deterministic);
    sxy += yl.dot(yt);
    sxx += yl.squaredNorm();
  }
  const double rho = sxy / sxx, T = static_cast<double>(n);
  double B = 0, C = 2 / (T * (T - 1));
  if (spec.deterministic == Deterministic::Constant) {
    B = -3 / (T + 1);
    C = 3 * (17 * T * T - 20 * T + 17) / (5 * (T - 1) * std::pow(T + 1, 3));
  } else if (spec.deterministic == Deterministic::Trend) {
    B = -15 / (2 * (T + 2));
    C = 15 * (193 * T * T - 728 * T + 1147) / (112 * std::pow(T + 2, 3) * (T - 2));
  }
  const double z = std::sqrt(N) * (rho - 1 - B) / std::sqrt(C);
  r.stats.push_back({"rho", rho, std::nan(""), ""});
  r.stats.push_back({"z", z, p_normal_upper(-z), "N(0,1)"});
  return r;
}

}  // namespace cbec
