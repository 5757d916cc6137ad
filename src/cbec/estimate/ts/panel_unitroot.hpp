// First-generation panel unit-root tests on the units' series (unit_series.hpp). H0: every series
// has a unit root (Hadri: every series is stationary).
//
// Levin, Lin and Chu (2002, J. Econometrics 108): per-unit ADF regressions with lags p_i; dy_it and
//   y_i,t-1 are each regressed on the lagged differences and deterministic terms, the residuals
//   divided by the ADF residual SD sigma_i (eq. 4-5), pooled e_it = rho v_i,t-1 (eq. 6), and
//   t* = (t_rho - N T~ S_N sigma_e^-2 se(rho) mu*_T~) / sigma*_T~ (eq. 12), T~ = T - pbar - 1,
//   S_N = mean of s_i = sigma_yi / sigma_i, sigma_yi^2 the Bartlett long-run variance of dy_it
//   (demeaned or detrended) with lag K = round(3.21 T^(1/3)) (sec. 3 eq. 8; as plm); mu*, sigma*
//   from Table 2 looked up by T (as plm). Balanced panels only. p-value Phi(t*).
// Im, Pesaran and Shin (2003, J. Econometrics 115): tbar = mean of the per-unit ADF t_i (eq. 4.2);
//   W-tbar = sqrt(N) (tbar - mean E[t_T(p_i)]) / sqrt(mean Var[t_T(p_i)]) (eq. 4.10) with Table 3's
//   moments at T_i - p_i - 1 and p_i; Z-tbar = sqrt(N) (tbar - E) / sqrt(V) with Table 1's moments of
//   the Dickey-Fuller t (constant, no lags; eq. 3.13). p-values Phi(W), Phi(Z).
// Harris and Tzavalis (1999, J. Econometrics 91, Theorem 1): rho from the pooled regression of
//   y_it on y_i,t-1, t = 1..T (T = periods - 1), after removing unit means (constant) or unit means
//   and trends (trend) from both; under H0 sqrt(N) (rho - 1 - B) -> N(0, C) for fixed T with
//   none: B = 0, C = 2 / (T (T - 1)); constant: B = -3 / (T + 1), C = 3 (17T^2 - 20T + 17) / (5 (T - 1) (T + 1)^3);
//   trend: B = -15 / (2 (T + 2)), C = 15 (193T^2 - 728T + 1147) / (112 (T + 2)^3 (T - 2)).
//   z = sqrt(N) (rho - 1 - B) / sqrt(C), p = Phi(z). Balanced panels, no lags.
// Fisher-type combinations of the per-unit p-values p_i (Maddala and Wu 1999; Choi 2001):
//   P = -2 sum ln p_i ~ chi2(2N); Z = sum Phi^-1(p_i) / sqrt(N) ~ N(0,1) (left tail);
//   L* = sqrt(k) sum ln(p_i / (1 - p_i)), k = 3 (5N + 4) / (pi^2 N (5N + 2)) ~ t(5N + 4) (left tail);
//   Pm = sum(-2 ln p_i - 2) / (2 sqrt(N)) ~ N(0,1) (right tail).
// Hadri (2000, Econometrics Journal 3): residuals e_it of y_it on the deterministic terms, partial
//   sums S_it, LM = (1/N) sum_i (1/T^2) sum_t S_it^2 / sigma_i^2 (heteroskedasticity-robust,
//   eq. 13-14) or with one pooled sigma^2; Z = sqrt(N) (LM - xi) / zeta with xi = 1/6, zeta^2 = 1/45
//   (constant) and 1/15, 11/6300 (trend) (eq. 9-10); p = 1 - Phi(Z). sigma^2 = rss / T (or / (T - K)).
// Breitung (2000, Adv. Econometrics 15) lambda and Breitung and Das (2005, Stat. Neerlandica 59)
//   cross-section-robust t: prewhitened, (trend: forward-orthogonalized) differences on lagged levels
//   less their first value (and trend); formulas in breitung.cpp. Balanced panels; N(0,1), left tail.
#pragma once
#include <string>
#include <vector>

#include "cbec/estimate/ts/adf.hpp"
#include "cbec/estimate/ts/unit_series.hpp"

namespace cbec {

struct PanelUnitRootStat {
  std::string name;        // "t*", "W-tbar", "P", ...
  double value = 0, p_value = 0;
  std::string reference;   // the null distribution, e.g. "N(0,1)", "chi2(96)"
};

struct PanelUnitRootResult {
  std::string test;        // llc, ips, fisher_adf, hadri
  std::string label;       // levels / differences
  std::string variable;
  std::string h0;
  Deterministic deterministic = Deterministic::Constant;
  std::vector<PanelUnitRootStat> stats;
  size_t n_units = 0;
  double mean_T = 0, mean_lags = 0;
  std::vector<std::string> notes;
};

struct PanelUnitRootSpec {
  Deterministic deterministic = Deterministic::Constant;
  LagChoice lags;
  bool dfcor = true;         // ADF standard errors and sigma from rss/(n - K); false: rss/n (plm default)
  bool hadri_robust = true;  // Hadri: unit-specific variances
  std::string bandwidth = "short";   // Fisher PP: the Bartlett lag of the Phillips-Perron tests (pp_kpss.hpp)
  PApprox p_approx = PApprox::MacKinnon1994;   // Fisher ADF and PP: the units' p-values (dickey_fuller_p.hpp)
};

PanelUnitRootResult llc_test(const UnitSeries& s, const PanelUnitRootSpec& spec);
PanelUnitRootResult ips_test(const UnitSeries& s, const PanelUnitRootSpec& spec);
PanelUnitRootResult fisher_adf_test(const UnitSeries& s, const PanelUnitRootSpec& spec);
// The same combinations of the units' Phillips-Perron Z_tau p-values (Maddala and Wu 1999; Stata's xtunitroot fisher, pperron).
PanelUnitRootResult fisher_pp_test(const UnitSeries& s, const PanelUnitRootSpec& spec);
PanelUnitRootResult hadri_test(const UnitSeries& s, const PanelUnitRootSpec& spec);
PanelUnitRootResult ht_test(const UnitSeries& s, const PanelUnitRootSpec& spec);
PanelUnitRootResult breitung_test(const UnitSeries& s, const PanelUnitRootSpec& spec);

// The Fisher-type combinations (P, Z, L*, Pm) of given p-values.
std::vector<PanelUnitRootStat> fisher_combinations(const std::vector<double>& p);

}  // namespace cbec
