// The classic panel estimators of R plm / Stata xtreg on a formula without fixed-effect part:
// pooled OLS, within (one-way individual or time, two-way), between (OLS on unit means), first
// differences (gap-aware, with intercept as plm) and random effects with the Swamy-Arora variance
// components (Swamy and Arora 1972; unbalanced panels as Baltagi and Chang 1994), plus the Hausman
// (1978) test and Stata's within/between/overall R-squared.
#pragma once
#include <string>

#include "cbec/estimate/ols/vcov.hpp"
#include "cbec/estimate/result.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/frame/frame.hpp"

namespace cbec {

enum class PanelModel { Pooling, Within, WithinTime, Twoways, Between, FirstDifference, Random };

PanelModel parse_panel_model(const std::string& name);  // pooled, fe, fe_time, twoways, be, fd, re
std::string panel_model_name(PanelModel m);

struct PanelOptions {
  std::string unit, time;
  VcovSpec vcov;   // not for between (iid only)
  // Pooled model only: regressors left out (a within model's collinear terms, for its F test of
  // effects: Stata's `xtreg, fe` F omits a regressor the effects absorb from both models).
  std::vector<std::string> omit_terms;
};

RegressionResult panel_model(const Frame& frame, const std::string& formula, PanelModel model, const PanelOptions& options);

// The design of a within model (fe, fe_time, twoways): the formula with the unit and/or time fixed
// effects, singletons kept, not stacked (y and X as columns), carrying the vcov's groups.
Design within_design(const Frame& frame, const std::string& formula, PanelModel model, const PanelOptions& options);

// Hausman test of FE against RE on their common slopes: H = d'(V_fe - V_re)^-1 d, chi2(k). When
// V_fe - V_re is not positive definite: d'V_+^+ d with df = rank(V_+), V_+ its positive
// semi-definite part (for a singular positive semi-definite difference this is Stata's
// generalized-inverse statistic), never negative, with a plain warning; JSON keys "rank",
// "generalized_inverse", "negative_eigenvalues", "rank_difference", "stat_generalized_inverse"
// (Stata's d'V^+d) and "warnings".
TestResult hausman(const RegressionResult& fe, const RegressionResult& re);

// Regression-based Hausman test (Wooldridge 2010, section 10.7.3), robust to heteroskedasticity and
// within-unit correlation when options.vcov clusters by the unit (e.g. cluster:firm): the
// Swamy-Arora quasi-demeaned y on an intercept, the quasi-demeaned regressors and the
// within-demeaned time-varying regressors; Wald chi2 that the latter's coefficients are zero, with
// options.vcov (plm::phtest(method = "aux", vcov = ...): plm's intercept is a column of ones, not
// 1 - theta_i, which matters only on unbalanced panels).
TestResult hausman_robust(const Frame& frame, const std::string& formula, const PanelOptions& options);

}  // namespace cbec
